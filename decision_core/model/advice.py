"""The words of a recommendation: its reasons, its caveats and its "what would change it" sentences.

The engine decides; this module explains. Every `Reason` names the answer
that caused it and every `Caveat` the section of the guide that explains it,
with a ready-made site-relative link. Figures in the text come from
`decision_core.rules`, so a threshold changed there changes the wording too.
"""

from ..base.format import exact_money as _m
from ..base.format import number as _n
from ..framework.questions import get_field
from ..framework.rules import get_outcome
from ..framework.sections import section_url
from .answers import Answers
from .thresholds import threshold

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping


class Reason:
    """One reason for a recommendation, tied to the answer that caused it."""

    __slots__ = ("text", "field", "section", "link")

    text: str
    """The reason, in a sentence addressed to the client."""
    field: str
    """The answer field that caused it, e.g. `knowledge_change`."""
    section: str
    """The id of the guide's section that explains it."""
    link: str
    """The section's site-relative URL, e.g. `framework/#q1-knowledge-change`."""

    def __init__(self, text: str, field: str, section: str, link: "str | None" = None) -> None:
        self.text = text
        self.field = field
        self.section = section
        self.link = section_url(section) if link is None else link

    def to_dict(self) -> "dict[str, str]":
        """Return the reason as a JSON-able dictionary (`text`, `link`, `field`, `section`)."""
        return {"text": self.text, "link": self.link, "field": self.field, "section": self.section}

    def __repr__(self) -> str:
        return "Reason(%r, %r)" % (self.field, self.section)


class Caveat:
    """Something to check or plan for before acting on a recommendation."""

    __slots__ = ("id", "text", "section", "link")

    id: str
    """A stable id, e.g. `fine-tuning-availability`."""
    text: str
    """What to check or plan for, in a sentence or two."""
    section: str
    """The id of the guide's section that explains it."""
    link: str
    """The section's site-relative URL."""

    def __init__(self, id: str, text: str, section: str, link: "str | None" = None) -> None:
        self.id = id
        self.text = text
        self.section = section
        self.link = section_url(section) if link is None else link

    def to_dict(self) -> "dict[str, str]":
        """Return the caveat as a JSON-able dictionary (`id`, `text`, `section`, `link`)."""
        return {"id": self.id, "text": self.text, "section": self.section, "link": self.link}

    def __repr__(self) -> str:
        return "Caveat(%r)" % (self.id,)


def _t(threshold_id: str) -> "int | float | str":
    return threshold(threshold_id).value


def _phrase(pairs: "tuple[tuple[str, str], ...]", value: str) -> str:
    return dict(pairs)[value]


_CHANGE_EVERY = (("static", "never"), ("occasional", "a few times a year"), ("monthly", "every month"),
                 ("weekly", "every week"), ("daily", "every day"), ("real-time", "all the time"))
_CHANGED = (("static", "never changed"), ("occasional", "changed only a few times a year"),
            ("monthly", "changed every month"), ("weekly", "changed every week"),
            ("daily", "changed every day"), ("real-time", "changed all the time"))
_QUALITY = (("high", "high-quality"), ("mixed", "mixed-quality"), ("low", "low-quality"),
            ("unknown", "unchecked"))
_NEED_IF = (("knowledge", "If the model only needed to know more"),
            ("behaviour", "If the model only needed to behave differently"),
            ("both", "If the model needed both new knowledge and new behaviour"))
_QUALITY_IF = (("high", "If your examples were checked and consistent"),
               ("mixed", "If your examples were of mixed quality"),
               ("low", "If your examples were inconsistent or unreliable"),
               ("unknown", "If nobody had checked your examples"))


def _examples_shortfall(answers: Answers, usable: int) -> Reason:
    """Why the examples are not enough to fine-tune on."""
    n, least = answers.labelled_examples, _t("min-examples")
    if n == 0:
        text = "You have no labelled examples yet, and fine-tuning needs about %s good ones." % _n(least)
    elif answers.data_quality == "low":
        text = ("Your %s examples are inconsistent, so they do not meet the quality bar: a model trained on "
                "them would learn their mistakes." % _n(n))
    elif answers.data_quality == "unknown":
        text = ("Nobody has checked your %s examples yet, so fine-tuning cannot count on them." % _n(n))
    elif answers.data_quality == "mixed" and n >= least:
        text = ("Your %s mixed-quality examples leave about %s good ones after a clean-up, fewer than the "
                "%s fine-tuning needs." % (_n(n), _n(usable), _n(least)))
    else:
        text = "%s examples are fewer than the %s or so that fine-tuning needs." % (_n(n), _n(least))
    return Reason(text, "labelled_examples", "q3-labelled-data")


def _examples_enough(answers: Answers) -> Reason:
    n, quality = answers.labelled_examples, _phrase(_QUALITY, answers.data_quality)
    if n >= _t("comfortable-examples"):
        text = "%s %s examples are far above the %s to %s fine-tuning typically needs." % (
            _n(n), quality, _n(_t("min-examples")), _n(_t("comfortable-examples")))
    else:
        text = "%s %s examples clear the %s or so that fine-tuning needs." % (
            _n(n), quality, _n(_t("min-examples")))
    return Reason(text, "labelled_examples", "q3-labelled-data")


def _knowledge_reason(answers: Answers, choice: str) -> "Reason | None":
    change = answers.knowledge_change
    if change != "static":
        return Reason("Your knowledge changes %s: a trained model would always lag behind, while a "
                      "knowledge base picks up edits in minutes." % _phrase(_CHANGE_EVERY, change),
                      "knowledge_change", "q1-knowledge-change")
    if choice == "rag":
        return Reason("Even stable knowledge is better looked up than trained in: retrieval beats "
                      "fine-tuning for adding facts.", "knowledge_change", "research")
    if choice == "fine-tuning":
        return Reason("The subject matter is stable, so a trained model will not go out of date.",
                      "knowledge_change", "q1-knowledge-change")
    return None


def _volume_and_latency(answers: Answers, choice: str, signals: "Mapping[str, object]") -> "list[Reason]":
    reasons = []
    if choice == "fine-tuning" and answers.knowledge_change == "static" and signals["high_volume"]:
        reasons.append(Reason(
            "At %s requests a day you are above the cost model's break-even of about %s a day: leaving out "
            "the retrieval step and its extra context saves more than training and labelling cost."
            % (_n(answers.queries_per_day), _n(_t("high-volume"))), "queries_per_day", "break-even"))
    if choice in ("fine-tuning", "both") and signals["retrieval_breaks_latency"]:
        reasons.append(Reason(
            "Your %s ms budget leaves no room for a retrieval step, which alone takes %s to %s ms."
            % (_n(answers.latency_budget_ms), _t("retrieval-latency-low"), _t("retrieval-latency-high")),
            "latency_budget_ms", "retrieval-latency"))
    elif choice == "fine-tuning" and signals["tight_latency"]:
        reasons.append(Reason(
            "With a %s ms budget, a model that needs no retrieval step is the easier way to answer in time."
            % _n(answers.latency_budget_ms), "latency_budget_ms", "retrieval-latency"))
    if choice == "rag" and (signals["high_volume"] or signals["tight_latency"]):
        reasons.append(Reason(
            "Volume and speed alone do not justify fine-tuning when the knowledge must stay current: keep "
            "retrieval fast instead (a keyed lookup, a small model).", "queries_per_day", "retrieval-latency"))
    return reasons


def reasons_for(answers: Answers, choice: str, signals: "Mapping[str, object]") -> "tuple[Reason, ...]":
    """Explain a choice for an answer set, most decisive reason first.

    Args:
        answers: The validated answers.
        choice: The outcome id the engine chose.
        signals: The engine's derived facts: `enough`, `affordable`, `both_affordable`, `cost`,
            `usable`, `high_volume`, `tight_latency`, `retrieval_breaks_latency`.

    Returns:
        The reasons, each with its field, section and link.
    """
    reasons = []
    need, citations = answers.need, answers.needs_citations
    if need == "knowledge" and choice == "fine-tuning":
        reasons.append(Reason("The model needs to know more, but that knowledge never changes and answers need "
                              "not cite sources, so good examples can train it in.",
                              "need", "q2-behaviour-or-knowledge"))
    elif need == "knowledge":
        reasons.append(Reason("The model needs to know more, not to behave differently: retrieval hands it "
                              "your documents, while fine-tuning is a weak way to teach facts.",
                              "need", "q2-behaviour-or-knowledge"))
    elif need == "behaviour":
        reasons.append(Reason("The need is behaviour (tone, a strict format or expert reasoning), which "
                              "fine-tuning changes and retrieval does not.", "need", "q2-behaviour-or-knowledge"))
    elif choice == "rag":
        reasons.append(Reason("Retrieval covers the knowledge part now; handle the behaviour with instructions "
                              "and examples in the prompt until fine-tuning is within reach.",
                              "need", "outcome-rag"))
    elif choice == "fine-tuning":
        reasons.append(Reason("You need knowledge and behaviour, but the knowledge is stable and answers need "
                              "not cite sources: good examples can teach both, with no retrieval step.",
                              "need", "choose-fine-tuning"))
    else:
        reasons.append(Reason("The model needs your knowledge and a specialised behaviour: retrieval "
                              "supplies the first, fine-tuning the second.", "need", "choose-both"))
    knowledge = _knowledge_reason(answers, choice)
    if knowledge is not None and (need != "behaviour" or choice == "fine-tuning"):
        reasons.append(knowledge)
    if citations and choice in ("rag", "both"):
        reasons.append(Reason("Answers must show their sources: retrieval gives the model the passage to "
                              "quote, and a fine-tuned model cannot say where it learned something.",
                              "needs_citations", "choose-rag"))
    if choice in ("fine-tuning", "both"):
        reasons.append(_examples_enough(answers))
    elif need != "knowledge" and not signals["enough"]:
        reasons.append(_examples_shortfall(answers, signals["usable"]))
    elif need == "knowledge" and not signals["enough"]:
        reasons.append(Reason("RAG needs only your documents, not labelled examples.",
                              "labelled_examples", "q3-labelled-data"))
    if need != "knowledge" and signals["enough"] and not signals["affordable"]:
        reasons.append(Reason("Your budget of %s is below the %s or so that training would cost."
                              % (_m(answers.budget_usd), _m(signals["cost"])), "budget_usd", "q4-cost-latency"))
    elif need != "knowledge" and not signals["enough"] and answers.budget_usd is not None:
        missing = max(0, _t("min-examples") - signals["usable"])
        verdict = "more than your budget of %s" if answers.budget_usd < signals["cost"] else "within your budget of %s"
        reasons.append(Reason("Labelling about %s more examples and training would cost some %s (at %s an example), "
                              % (_n(missing), _m(signals["cost"]), _m(_t("labelling-cost")))
                              + verdict % _m(answers.budget_usd) + ": try the prompt first, then decide.",
                              "budget_usd", "q4-cost-latency"))
    if need == "both" and choice == "rag" and signals["affordable"] and not signals["both_affordable"]:
        reasons.append(Reason("Your budget of %s is below the %s or so that retrieval and fine-tuning "
                              "together need: start with retrieval and add fine-tuning when the budget allows."
                              % (_m(answers.budget_usd), _m(_t("both-budget-min"))), "budget_usd", "choose-both"))
    if choice == "both" and answers.budget_usd is not None:
        reasons.append(Reason("Your budget of %s leaves room for training as well as retrieval."
                              % _m(answers.budget_usd), "budget_usd", "choose-both"))
    if choice == "prompt-first":
        reasons.append(Reason("Start with instructions and a few examples in the prompt, measured against "
                              "an evaluation set, and collect good examples as you go.",
                              "labelled_examples", "prompt-engineering-first"))
    return tuple(reasons + _volume_and_latency(answers, choice, signals))


def caveats_for(answers: Answers, choice: str, signals: "Mapping[str, object]") -> "tuple[Caveat, ...]":
    """List what to check or plan for, in a fixed order.

    Args:
        answers: The validated answers.
        choice: The outcome id the engine chose.
        signals: The engine's derived facts (see `reasons_for`).

    Returns:
        The caveats, each with its section and link.
    """
    caveats = []
    tunes, retrieves = choice in ("fine-tuning", "both"), choice in ("rag", "both")
    n, quality = answers.labelled_examples, answers.data_quality
    if tunes:
        caveats.append(Caveat("fine-tuning-availability", "OpenAI runs no new self-serve fine-tuning jobs "
                              "after %s: plan where you would fine-tune (Azure AI Foundry, Google Vertex AI or "
                              "an open-weight model with LoRA)." % _t("openai-fine-tuning-end"),
                              "fine-tuning-availability"))
        caveats.append(Caveat("base-model-retirement", "A fine-tuned model stops working when its base model "
                              "is retired (several OpenAI models on %s): budget a retrain at every migration "
                              "and about every %s months." % (_t("base-model-retirement"), _t("retraining-months")),
                              "base-model-retirement"))
    if choice == "fine-tuning" and answers.need == "knowledge":
        caveats.append(Caveat("facts-in-weights", "Fine-tuning teaches facts less reliably than retrieval "
                              "supplies them: test the trained model on held-out questions, and keep RAG as the "
                              "fallback if it gets facts wrong.", "research"))
    if choice == "fine-tuning" and answers.knowledge_change != "static":
        caveats.append(Caveat("changing-knowledge", "Your knowledge changes %s: keep changing facts out of "
                              "the training examples and pass them in the prompt."
                              % _phrase(_CHANGE_EVERY, answers.knowledge_change), "q1-knowledge-change"))
    if choice == "fine-tuning" and not signals["high_volume"]:
        caveats.append(Caveat("low-volume", "At %s requests a day fine-tuning saves little per request: check "
                              "with an evaluation set that a long prompt with examples cannot do the job first."
                              % _n(answers.queries_per_day), "prompt-engineering-first"))
    if n and quality in ("low", "mixed", "unknown"):
        texts = (("low", "Your examples are inconsistent: a model trained on them would repeat their mistakes "
                         "with confidence. Clean them up or label new ones before any fine-tuning."),
                 ("mixed", "Some of your examples are poor: review them and keep only consistent ones before "
                           "training (this guide counts about half of mixed examples as usable)."),
                 ("unknown", "Nobody has checked your examples: review a sample before counting on them. If "
                             "they are of high quality, fine-tuning may become an option."))
        caveats.append(Caveat("data-quality-" + quality, _phrase(texts, quality), "data-quality"))
    if answers.need != "knowledge" and choice != "rag":
        caveats.append(Caveat("structured-outputs", "If the behaviour you need is a strict output format such "
                              "as JSON, try your provider's structured outputs first: they enforce a schema "
                              "without training.", "structured-outputs"))
    if retrieves:
        caveats.append(Caveat("long-context", "If your whole knowledge base is under about %s tokens (some "
                              "500 pages), you may not need retrieval at all: put it in the prompt and use "
                              "prompt caching." % _n(_t("small-knowledge-base")), "long-context"))
    if retrieves and signals["tight_latency"]:
        caveats.append(Caveat("retrieval-latency", "Retrieval adds about %s to %s ms before the model reads the "
                              "extra context: within %s ms, use a fast lookup and a small model, and measure "
                              "the slowest responses." % (_t("retrieval-latency-low"), _t("retrieval-latency-high"),
                                                          _n(answers.latency_budget_ms)), "retrieval-latency"))
    if retrieves and (answers.needs_citations or answers.need != "behaviour"):
        caveats.append(Caveat("permissions", "If not every user may see every document, enforce permissions "
                              "at retrieval time: fine-tuned weights cannot keep a secret from anyone.",
                              "permissions"))
    if choice == "prompt-first":
        eval_text = ("Build an evaluation set now (a few dozen real requests with the answers you want) and "
                     "log rated conversations: they become your fine-tuning set later.")
    else:
        eval_text = ("Build an evaluation set before you start (a few dozen real requests with the answers you "
                     "want): it is how you will know whether the change helped.")
    caveats.append(Caveat("evaluation-set", eval_text, "evaluation-set"))
    return tuple(caveats)


def change_text(changed: Answers, field: str, choice: str) -> str:
    """Say what a single changed answer would lead to.

    Args:
        changed: The answers with the change applied.
        field: The changed field's name.
        choice: The outcome id it leads to.

    Returns:
        A sentence such as "If your labelled examples reached 500 high-quality ones,
        the recommendation would be fine-tuning."
    """
    value = getattr(changed, field)
    if field == "knowledge_change":
        start = "If your knowledge " + _phrase(_CHANGED, value)
    elif field == "need":
        start = _phrase(_NEED_IF, value)
    elif field == "data_quality":
        start = _phrase(_QUALITY_IF, value)
    elif field == "needs_citations":
        start = "If answers had to show their sources" if value else "If answers did not have to show their sources"
    elif value is None:
        start = "If you had no hard latency budget" if field == "latency_budget_ms" else "If you had not set a budget"
    elif field == "labelled_examples":
        quality = "" if changed.data_quality == "unknown" else " " + _phrase(_QUALITY, changed.data_quality)
        start = ("If you had no labelled examples" if value == 0
                 else "If you had %s%s labelled examples" % (_n(value), quality))
    elif field == "queries_per_day":
        start = "If you expected %s requests a day" % _n(value)
    elif field == "latency_budget_ms":
        start = "If your latency budget were %s ms" % _n(value)
    else:
        start = "If your launch budget were %s" % _m(value)
    get_field(field)
    return start + ", the recommendation would be " + get_outcome(choice).name + "."
