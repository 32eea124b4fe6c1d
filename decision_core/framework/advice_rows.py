"""The advice as rows: every reason, counterpoint, caveat, plan step and change sentence, in one table each.

A maintainer reviews what the guide tells a client here, row by row. Each row
says when it applies (`when`: condition names that must all hold), its text
(with `{placeholders}` for the client's own figures), the section of the
guide that explains it, and, for a finding, which outcome it favours. The
model (`decision_core.model.advice` and `decision_core.model.plan`) defines
the conditions, fills in the figures and sorts each finding: one that
favours the chosen outcome is a reason, one that favours another is a
counterpoint ("What speaks against it").

Conditions are named in `decision_core.model.advice.CONDITIONS`; a name with
the prefix `not-` holds when the named condition does not. Besides an outcome
id, `favours` may name a role that the model resolves for the case:

- `retrieval`: the outcome that retrieves (`both` when the choice is `both`,
  or when a need for both is trained alone; otherwise `rag`);
- `training`: the outcome that trains (`both` for a need for both that keeps
  retrieval; otherwise `fine-tuning`);
- `untrained`: the outcome without training (`prompt-first` for a need that
  is only behaviour; otherwise `rag`).

Example:
    >>> get_finding("citations-retrieval").favours
    'retrieval'
    >>> [row.id for row in CAVEATS if row.standard]
    ['fine-tuning-availability', 'permissions']
"""

from ..base.lookup import find
from .rules import Threshold

ROLES: "tuple[str, ...]" = ("retrieval", "training", "untrained")
"""The roles a finding may favour besides an outcome id (see the module's text)."""

STEP_LABELS: "tuple[str, ...]" = ("Now", "Next", "Later")
"""What a plan calls its steps, in order."""

_ASSUMPTION = "This guide's working assumption"


class Finding:
    """A fact about the case that speaks for one outcome: a reason when it favours the choice, else a counterpoint."""

    __slots__ = ("id", "field", "when", "text", "section", "favours")

    id: str
    """A stable id, e.g. `citations-retrieval`."""
    field: str
    """The answer it is about, e.g. `needs_citations`."""
    when: "tuple[str, ...]"
    """The conditions that must all hold for it to apply."""
    text: str
    """The sentence, with `{placeholders}` for the client's figures."""
    section: str
    """The id of the guide's section that explains it."""
    favours: "str | None"
    """An outcome id, a role (`retrieval`, `training`, `untrained`), or `None` for neutral context."""

    def __init__(self, id: str, field: str, when: "tuple[str, ...]", text: str, section: str,
                 favours: "str | None") -> None:
        self.id = id
        self.field = field
        self.when = tuple(when)
        self.text = text
        self.section = section
        self.favours = favours

    def __repr__(self) -> str:
        return "Finding(%r)" % (self.id,)


class CaveatRow:
    """Something to check or plan for, shown when its conditions hold."""

    __slots__ = ("id", "when", "text", "section", "standard")

    id: str
    """A stable id, e.g. `permissions`."""
    when: "tuple[str, ...]"
    """The conditions that must all hold for it to apply."""
    text: str
    """What to check or plan for, with `{placeholders}`."""
    section: str
    """The id of the guide's section that explains it."""
    standard: bool
    """Whether every case of its kind gets it (the worked examples state these once, not case after case)."""

    def __init__(self, id: str, when: "tuple[str, ...]", text: str, section: str, standard: bool = False) -> None:
        self.id = id
        self.when = tuple(when)
        self.text = text
        self.section = section
        self.standard = standard

    def __repr__(self) -> str:
        return "CaveatRow(%r)" % (self.id,)


class StepText:
    """One sentence of a plan step, for the steps it fits."""

    __slots__ = ("id", "step", "when", "text", "section")

    id: str
    """A stable id, e.g. `rag-index`."""
    step: str
    """Which step it belongs to: an approach (`prompt`, `long-context`, `rag`, `fine-tuning`), `first`
    (the plan's first step) or `first-retrieval` (the first step that supplies the knowledge)."""
    when: "tuple[str, ...]"
    """The conditions that must all hold for it to apply."""
    text: str
    """The sentence, with `{placeholders}`."""
    section: str
    """The id of the guide's section that explains it; the step links to its first sentence's."""

    def __init__(self, id: str, step: str, when: "tuple[str, ...]", text: str, section: str) -> None:
        self.id = id
        self.step = step
        self.when = tuple(when)
        self.text = text
        self.section = section

    def __repr__(self) -> str:
        return "StepText(%r)" % (self.id,)


class Until:
    """The measured signal that moves a client from one step to the next."""

    __slots__ = ("id", "step", "next", "when", "text")

    id: str
    """A stable id, e.g. `prompt-to-fine-tuning`."""
    step: str
    """The approach of the step it ends, or `retrieval` for `long-context` and `rag` alike."""
    next: str
    """The approach of the step it leads to."""
    when: "tuple[str, ...]"
    """The conditions that must all hold for it to apply; the first matching row is used."""
    text: str
    """The signal, starting with `when`, with `{placeholders}`."""

    def __init__(self, id: str, step: str, next: str, when: "tuple[str, ...]", text: str) -> None:
        self.id = id
        self.step = step
        self.next = next
        self.when = tuple(when)
        self.text = text

    def __repr__(self) -> str:
        return "Until(%r)" % (self.id,)


class ChangeWords:
    """How a change sentence starts, for one answer moving one way (or to one value)."""

    __slots__ = ("field", "move", "text")

    field: str
    """The answer field, e.g. `queries_per_day`."""
    move: str
    """`up` or `down` across a line, or the new value of a choice (`weekly`) or a yes/no (`yes`, `no`)."""
    text: str
    """The start of the sentence, in threshold words: `Below roughly {line} requests a day`."""

    def __init__(self, field: str, move: str, text: str) -> None:
        self.field = field
        self.move = move
        self.text = text

    def __repr__(self) -> str:
        return "ChangeWords(%r, %r)" % (self.field, self.move)


FIGURES: "tuple[Threshold, ...]" = (
    Threshold("openai-minimum-examples", 10, "examples",
              "The fewest examples OpenAI accepts for a fine-tuning job; its guide sees clear gains from 50 "
              "to 100 well-made ones.",
              "OpenAI developer docs, supervised fine-tuning guide (undated; read November 2026)", "2026-11"),
    Threshold("quality-over-quantity", 300, "examples",
              "Microsoft's guidance: 300 to 500 high-quality examples often beat 1,500 or more mediocre ones "
              "(it puts supervised fine-tuning at about 50 to 5,000 examples).",
              "Microsoft Learn, Azure OpenAI fine-tuning guidance (2026)", "2026-11"),
    Threshold("expert-labelling-low", 5, "times",
              "An expert's labelling costs at least this many times a plain example's.",
              "Estimate used by this guide's cost model (experts: 5 to 20 times more)", "2026-11"),
    Threshold("expert-labelling-high", 20, "times",
              "An expert's labelling costs up to this many times a plain example's.",
              "Estimate used by this guide's cost model (experts: 5 to 20 times more)", "2026-11"),
    Threshold("model-first-word", 500, "ms",
              "Below this response budget even the model's own start is at risk: hosted small models took about "
              "0.4 to 1.4 seconds to start answering (medians, warm).",
              "Benchmarks collected in the guide's facts: krabarena (2026), Kunal Ganglani (March 2026), Vercel AI "
              "Gateway model pages (undated)", "2026-11"),
    Threshold("error-rate-to-train", 0.1, "share",
              "A behaviour still wrong in more than 1 answer in 10 after prompt work is worth training for.",
              _ASSUMPTION, "2026-11"),
    Threshold("near-line", 0.3, "share",
              "Within 30% of a line the advice says you are near it, and says what that means.",
              _ASSUMPTION, "2026-11"),
    Threshold("sample-review", 50, "examples",
              "How many examples, drawn at random, a reviewer reads to judge a whole set.",
              _ASSUMPTION, "2026-11"),
)
"""The figures the advice's words rest on, besides the framework's thresholds."""

FINDINGS: "tuple[Finding, ...]" = (
    # What is missing: every case gets exactly one of these, and it favours the choice.
    Finding("need-knowledge-rag", "need", ("need-knowledge", "choice-rag"),
            "The model needs to know more, not to behave differently: retrieval hands it your documents when it "
            "answers, and training is a weak way to teach facts.", "q2-behaviour-or-knowledge", "rag"),
    Finding("need-knowledge-fine-tuning", "need", ("need-knowledge", "choice-fine-tuning"),
            "The model needs to know more, and here training can carry it: the knowledge never changes, answers "
            "need not cite it, and your volume repays the training.", "q2-behaviour-or-knowledge", "fine-tuning"),
    Finding("need-behaviour-fine-tuning", "need", ("need-behaviour", "choice-fine-tuning"),
            "The need is behaviour{behaviour}: training changes how a model writes and reasons, while "
            "retrieval only changes what it reads.", "q2-behaviour-or-knowledge", "fine-tuning"),
    Finding("need-behaviour-prompt-first", "need", ("need-behaviour", "choice-prompt-first"),
            "The need is behaviour{behaviour}, which retrieval would not change: until training is within "
            "reach, the prompt is where the behaviour can move.", "q2-behaviour-or-knowledge", "prompt-first"),
    Finding("need-both-both", "need", ("need-both", "choice-both"),
            "You need your knowledge and a specialised behaviour{behaviour}: retrieval supplies the first and "
            "fine-tuning the second, built in that order.", "choose-both", "both"),
    Finding("need-both-rag", "need", ("need-both", "choice-rag"),
            "You need your knowledge and a specialised behaviour: retrieval covers the knowledge now, and the "
            "behaviour rests on the prompt until fine-tuning is within reach.", "outcome-rag", "rag"),
    Finding("need-both-fine-tuning", "need", ("need-both", "choice-fine-tuning"),
            "You need knowledge and behaviour, and the knowledge can be trained in: it never changes, answers "
            "need not cite it, and your volume repays training. Good examples can teach both, with no retrieval "
            "step.", "choose-fine-tuning", "fine-tuning"),
    # How often the knowledge changes
    Finding("changes-retrieval", "knowledge_change",
            ("changes", "not-real-time", "retrieves-choice", "not-need-behaviour"),
            "Your knowledge changes {change_every}: a knowledge base takes an edit in minutes, while a trained "
            "model would lag until its next training run.", "q1-knowledge-change", "retrieval"),
    Finding("real-time-retrieval", "knowledge_change", ("real-time", "retrieves-choice", "not-need-behaviour"),
            "Your data changes by the minute: only a lookup at answer time is current, and a trained model "
            "would be out of date before it shipped.", "q1-knowledge-change", "retrieval"),
    Finding("static-rag", "knowledge_change", ("static", "choice-rag", "need-knowledge"),
            "Even knowledge that never changes is better looked up than trained in: in published comparisons, "
            "retrieval beats fine-tuning at adding facts.", "research", "rag"),
    Finding("static-fine-tuning", "knowledge_change", ("static", "choice-fine-tuning"),
            "The subject matter is stable, so a trained model will not go out of date.",
            "q1-knowledge-change", "fine-tuning"),
    # Sources
    Finding("citations-retrieval", "needs_citations", ("citations", "retrieves-choice"),
            "Answers must show their sources: retrieval hands the model the passage to quote, and a trained "
            "model cannot say where it learned something.", "choose-rag", "retrieval"),
    # Labelled examples
    Finding("examples-plenty", "labelled_examples", ("enough", "plenty", "trains-choice"),
            "{examples} are well above the {line} to {comfortable} that fine-tuning typically needs.",
            "q3-labelled-data", "training"),
    Finding("examples-enough", "labelled_examples",
            ("enough", "not-plenty", "not-near-enough-above", "trains-choice"),
            "{examples} clear the {line} or so that fine-tuning typically needs.", "q3-labelled-data", "training"),
    Finding("examples-near-above", "labelled_examples", ("near-enough-above", "trains-choice"),
            "You are near the line: {examples} clear the {line} or so that fine-tuning typically needs, which is "
            "enough for a narrow task (one format, a fixed set of labels) and thin for open-ended writing or "
            "reasoning.", "q3-labelled-data", "training"),
    Finding("knowledge-needs-documents", "labelled_examples", ("need-knowledge", "choice-rag", "not-enough"),
            "Retrieval needs only your documents, not labelled examples.", "q3-labelled-data", "rag"),
    Finding("knowledge-examples-evaluate", "labelled_examples", ("need-knowledge", "choice-rag", "enough"),
            "Keep your {n_examples} for testing: they make a ready evaluation set for retrieval, a better use "
            "than teaching facts.", "evaluation-set", "rag"),
    Finding("examples-none", "labelled_examples", ("not-need-knowledge", "no-examples"),
            "You have no labelled examples yet, and fine-tuning typically needs about {line} good ones.",
            "q3-labelled-data", "untrained"),
    Finding("examples-low", "data_quality", ("not-need-knowledge", "has-examples", "quality-low"),
            "Your {n_examples} {are} inconsistent, so none can count: a model trained on them would learn their "
            "mistakes.", "data-quality", "untrained"),
    Finding("examples-unchecked", "data_quality", ("not-need-knowledge", "has-examples", "quality-unknown"),
            "Nobody has checked your {n_examples}, so none can count yet: a model trained on poor examples "
            "repeats their faults with confidence.", "data-quality", "untrained"),
    Finding("examples-mixed-short", "labelled_examples",
            ("not-need-knowledge", "has-examples", "quality-mixed", "not-enough"),
            "Your {n_mixed} {leave} {usable_ones} after a clean-up, short of the "
            "{line} or so that fine-tuning typically needs.", "q3-labelled-data", "untrained"),
    Finding("examples-few", "labelled_examples",
            ("not-need-knowledge", "has-examples", "quality-high", "not-enough"),
            "{n_good} {are} short of the {line} or so that fine-tuning typically needs.",
            "q3-labelled-data", "untrained"),
    Finding("examples-near-below", "labelled_examples",
            ("not-need-knowledge", "near-enough-below", "not-kinds-reasoning"),
            "You are near the line: {usable_good} against the {line} or so that fine-tuning typically "
            "needs. OpenAI's guide sees clear gains from 50 to 100 well-made examples, so a trial fine-tune, "
            "measured against the prompt-only baseline, could already pay off.", "q3-labelled-data", "training"),
    Finding("examples-unchecked-enough", "data_quality",
            ("not-need-knowledge", "quality-unknown", "count-would-be-enough"),
            "You may already have enough: if a sample review finds your {n_examples} consistent, they clear the "
            "{line} or so that fine-tuning typically needs.", "data-quality", "training"),
    # The launch budget
    Finding("budget-short-training", "budget_usd", ("not-need-knowledge", "enough", "not-affordable"),
            "Your budget of {budget} is below the roughly {ft_cost} that fine-tuning costs at the least, almost "
            "all of it people's time: a prompt baseline and a lean fine-tuning project, {ft_plan_days} "
            "person-days at about {day_rate} a day.",
            "q4-cost-latency", "untrained"),
    Finding("budget-short-training-later", "budget_usd",
            ("not-need-knowledge", "not-enough", "budget-stated", "short-for-training"),
            "Your budget of {budget} would not cover fine-tuning yet either: about {ft_cost} at the least, "
            "labelling the missing examples and people's time included.", "q4-cost-latency", "untrained"),
    Finding("budget-short-both", "budget_usd", ("need-both", "choice-rag", "affordable", "not-both-affordable"),
            "Your budget of {budget} covers one build, not retrieval, fine-tuning and an evaluation set together "
            "(about {both_cost} at the least): build retrieval first and fine-tune when the budget allows.",
            "choose-both", "rag"),
    Finding("budget-covers-both", "budget_usd", ("choice-both", "budget-stated", "not-near-both"),
            "Your budget of {budget} covers both builds and an evaluation set, people's time included (about "
            "{both_cost} at the least).", "choose-both", "both"),
    Finding("budget-near-both", "budget_usd", ("choice-both", "near-both"),
            "You are near the line: your budget of {budget} just covers both builds and an evaluation set (about "
            "{both_cost} at the least), so keep the first training run small.", "choose-both", "both"),
    Finding("budget-covers-training", "budget_usd", ("choice-fine-tuning", "budget-stated", "not-near-training"),
            "Your budget of {budget} covers a fine-tuning project, people's time included (about {ft_cost} at "
            "the least).", "q4-cost-latency", "fine-tuning"),
    Finding("budget-near-training", "budget_usd", ("choice-fine-tuning", "near-training"),
            "You are near the line: your budget of {budget} just covers a fine-tuning project with its people's "
            "time (about {ft_cost} at the least), so keep the first training run small.",
            "q4-cost-latency", "fine-tuning"),
    # Volume
    Finding("volume-repays", "queries_per_day",
            ("choice-fine-tuning", "not-need-behaviour", "volume-repays", "not-near-volume"),
            "At {qpd_requests} a day you are well above the cost model's break-even of about {volume_line} a "
            "day: leaving out the retrieval step and its extra context saves more than training and labelling "
            "cost.", "break-even", "fine-tuning"),
    Finding("volume-repays-near", "queries_per_day",
            ("choice-fine-tuning", "not-need-behaviour", "volume-repays", "near-volume"),
            "You are near the line: {qpd_requests} a day is just above the cost model's break-even of about "
            "{volume_line}, so a price change could erase the saving. Check your own prices in the calculator.",
            "break-even", "retrieval"),
    Finding("volume-behaviour", "queries_per_day", ("choice-fine-tuning", "need-behaviour", "high-volume"),
            "At {qpd_requests} a day, a fine-tuned model that needs no long instructions or retrieved context in "
            "each request also costs less to run (the cost model's break-even is about {volume_line} a day).",
            "break-even", "fine-tuning"),
    Finding("volume-never", "queries_per_day", ("volume-matters", "volume-never"),
            "At today's prices a fine-tuned model is not cheaper per request than the cheapest base model: "
            "fine-tune for behaviour, not for cost.", "break-even", None),
    Finding("volume-low-training", "queries_per_day",
            ("choice-fine-tuning", "need-behaviour", "not-high-volume", "volume-line-known"),
            "At {qpd_requests} a day fine-tuning saves little on running costs: it has to earn its keep on "
            "quality, which the prompt-only baseline in the plan will show.", "prompt-engineering-first",
            "prompt-first"),
    Finding("volume-rag-current", "queries_per_day", ("choice-rag", "changes", "busy-or-fast"),
            "Volume and speed alone do not justify fine-tuning when the knowledge must stay current: keep the "
            "retrieval step fast instead (a keyed lookup, a small model).", "retrieval-latency", "rag"),
    Finding("volume-rag-citations", "queries_per_day",
            ("choice-rag", "static", "high-volume", "citations", "not-need-behaviour"),
            "At {qpd_requests} a day a trained model would cost less per request than retrieval (break-even "
            "about {volume_line} a day), but it could not cite its sources.", "break-even", "training"),
    Finding("volume-rag-examples", "queries_per_day",
            ("choice-rag", "static", "high-volume", "not-citations", "not-enough", "not-need-behaviour"),
            "At {qpd_requests} a day a trained model would cost less per request than retrieval (break-even "
            "about {volume_line} a day), once you hold the good examples to train it.", "break-even", "training"),
    Finding("volume-near-below", "queries_per_day",
            ("choice-rag", "need-knowledge", "static", "not-citations", "can-train", "near-volume-below"),
            "You are near the line: {qpd_requests} a day is close to the cost model's break-even of about "
            "{volume_line}, above which training the knowledge in would cost less than retrieving it.",
            "break-even", "fine-tuning"),
    # Latency
    Finding("latency-no-room", "latency_budget_ms", ("choice-fine-tuning", "breaks-latency"),
            "Your {latency} ms budget leaves no room for a retrieval step, which alone takes {r_low} to {r_high} "
            "ms.", "retrieval-latency", "fine-tuning"),
    Finding("latency-tight", "latency_budget_ms", ("choice-fine-tuning", "tight-latency", "not-breaks-latency"),
            "Within a budget of {latency} ms, a model that needs no retrieval step is the easier way to answer "
            "in time.", "retrieval-latency", "fine-tuning"),
    Finding("latency-squeezes-retrieval", "latency_budget_ms", ("retrieves-choice", "breaks-latency"),
            "Your {latency} ms budget leaves little room for a retrieval step, which alone takes {r_low} to "
            "{r_high} ms.", "retrieval-latency", "fine-tuning"),
    # The kind of behaviour
    Finding("format-structured-outputs", "behaviour_kinds", ("trains-choice", "not-need-knowledge", "kinds-format"),
            "A strict format can often be enforced by your provider's structured outputs, with no training: if "
            "they hold it on your evaluation set, the format alone does not justify fine-tuning.",
            "structured-outputs", "untrained"),
)
"""Every finding, in the order a result lists them (the one about the need first)."""

CAVEATS: "tuple[CaveatRow, ...]" = (
    CaveatRow("fine-tuning-availability", ("plan-trains",),
              "Plan where you will fine-tune: OpenAI starts no new self-serve fine-tuning jobs after {ft_end}, "
              "and its older models stop, with their fine-tunes, from {retire}. Google Vertex AI, AWS Bedrock and "
              "open-weight models with LoRA remain. Budget a retrain at every base-model retirement and about "
              "every {retrain} months.", "fine-tuning-availability", standard=True),
    CaveatRow("facts-in-weights", ("choice-fine-tuning", "not-need-behaviour"),
              "Fine-tuning teaches facts less reliably than retrieval supplies them: test the trained model on "
              "questions held out from training, and keep retrieval as the fallback.", "research"),
    CaveatRow("changing-knowledge", ("choice-fine-tuning", "need-behaviour", "changes"),
              "Your knowledge changes {change_every}: keep changing facts out of the training examples and pass "
              "them in the prompt.", "q1-knowledge-change"),
    CaveatRow("reasoning-examples", ("not-need-knowledge", "kinds-reasoning", "not-choice-rag"),
              "Expert reasoning is the hardest behaviour to train: expect to need the high end of the example "
              "range (thousands, not hundreds), and judge the model on cases it has never seen.",
              "q3-labelled-data"),
    CaveatRow("data-quality-low", ("not-need-knowledge", "has-examples", "quality-low"),
              "Keep your inconsistent examples as test cases, and label new ones to a written standard before any "
              "fine-tuning.", "data-quality"),
    CaveatRow("data-quality-mixed", ("not-need-knowledge", "has-examples", "quality-mixed"),
              "Some of your examples are poor: review them and keep only those that meet today's standard before "
              "training (this guide counts about half of mixed examples as usable).", "data-quality"),
    CaveatRow("behaviour-unknown", ("not-need-knowledge", "kinds-unknown"),
              "This advice does not know which behaviour must change. A strict output format may need no training "
              "at all (structured outputs enforce a schema); tone and expert reasoning need examples. Saying "
              "which sharpens the plan.", "structured-outputs"),
    CaveatRow("citations-from-prompt", ("need-behaviour", "citations"),
              "Answers must cite sources, and a fine-tuned model cannot say where it learned something: pass the "
              "sources in the prompt and have the model quote them.", "choose-rag"),
    CaveatRow("knowledge-size-unknown", ("plan-retrieves", "kb-unknown", "not-real-time", "kb-line-known"),
              "The size of your knowledge is not stated: if all of it fits in about {kb_pages} pages, start with "
              "it in one cached prompt instead of a search index.", "long-context"),
    CaveatRow("knowledge-size-near-below", ("plan-long-context", "kb-near"),
              "You are near the line: about {pages} pages against the roughly {kb_pages} that a cached prompt "
              "holds. Count its tokens before you build, and plan the move to retrieval early.", "long-context"),
    CaveatRow("knowledge-size-near-above", ("plan-indexes", "not-plan-long-context", "kb-near", "not-real-time"),
              "You are near the line: about {pages} pages against the roughly {kb_pages} that a cached prompt "
              "holds. Trimmed to what the model really needs, it might fit one, with no index to build.",
              "long-context"),
    CaveatRow("retrieval-latency", ("plan-indexes", "tight-latency"),
              "Retrieval adds about {r_low} to {r_high} ms before the model reads the extra context: within "
              "{latency} ms, use a fast lookup and a small model, and measure the slowest responses.",
              "retrieval-latency"),
    CaveatRow("model-latency", ("model-latency",),
              "Hosted small models took about 0.4 to 1.4 seconds to start answering in 2026 measurements, before "
              "any retrieval: within {latency} ms, measure your model's time to the first word before anything "
              "else, and consider a small model you host yourself.", "retrieval-latency"),
    CaveatRow("long-prompt-latency", ("plan-long-context", "tight-latency"),
              "A long prompt takes time to read even when it is cached: measure the time to the first word "
              "against your {latency} ms before you rely on it.", "long-context"),
    CaveatRow("permissions", ("plan-retrieves", "not-need-behaviour"),
              "If not every user may see every document, enforce permissions at retrieval time: neither one "
              "shared prompt nor fine-tuned weights can keep a document from a user.", "permissions",
              standard=True),
    CaveatRow("budget-below-first-step", ("budget-short-first",),
              "Your budget of {budget} pays for {budget_days} at {day_rate} a day, and the first step "
              "alone takes {first_days}: agree who carries the rest before you start.", "q4-cost-latency"),
)
"""Every caveat, in the order a result lists them."""

STEP_TEXTS: "tuple[StepText, ...]" = (
    StepText("evaluation-set", "first", (),
             "Build an evaluation set first: a few dozen real requests with the answers you want, to score every "
             "change against.", "evaluation-set"),
    StepText("review-unchecked", "first", ("not-need-knowledge", "quality-unknown", "has-examples"),
             "Have an expert review {sample}: if nearly all are "
             "right by today's standard, count them as high quality.", "data-quality"),
    StepText("prompt-tone", "prompt", ("kinds-tone",),
             "Write the voice into the system prompt, with a handful of approved answers as examples.",
             "prompt-engineering-first"),
    StepText("prompt-format", "prompt", ("kinds-format",),
             "Turn on your provider's structured outputs with your schema, so every answer parses, and add a few "
             "worked examples.", "structured-outputs"),
    StepText("prompt-reasoning", "prompt", ("kinds-reasoning",),
             "Spell out the steps your experts follow, with a few worked cases in the prompt.",
             "prompt-engineering-first"),
    StepText("prompt-behaviour", "prompt", ("kinds-unknown",),
             "Write the behaviour you want into the prompt, with a few approved examples.",
             "prompt-engineering-first"),
    StepText("prompt-collect", "prompt", ("choice-prompt-first", "not-enough", "not-awaiting-review"),
             "Log real requests and have people rate or correct the answers: that is how the {line} or so good "
             "examples a later fine-tune needs get built{labelling}.", "outcome-prompt-first"),
    StepText("long-context-prompt", "long-context", (),
             "Put the whole knowledge ({pages_phrase}) into one cached prompt: no search index or vector database "
             "yet.", "long-context"),
    StepText("long-context-grows", "long-context", ("not-plan-indexes",),
             "If it outgrows about {kb_pages} pages, move it to a search index.", "long-context"),
    StepText("rag-index", "rag", ("not-real-time",),
             "Index your documents in a vector database (pgvector in a Postgres you already run is often enough) "
             "and retrieve a few passages for each question.", "outcome-rag"),
    StepText("rag-live", "rag", ("real-time",),
             "Fetch the live data from its own system at answer time (an API call), and index only the documents "
             "that change slowly: indexed live data would be stale in minutes.", "q1-knowledge-change"),
    StepText("rag-hybrid", "rag", ("kb-large", "not-real-time"),
             "At this size, combine keyword search (BM25) with embeddings and rerank the results: in Anthropic's "
             "study that cut failed retrievals by two thirds.", "long-context"),
    StepText("retrieval-citations", "first-retrieval", ("citations",),
             "Return the passage, page or clause behind every answer, so readers can check it.", "choose-rag"),
    StepText("retrieval-behaviour", "first-retrieval", ("need-both",),
             "Carry the behaviour in the prompt for now, with instructions and a few approved examples.",
             "prompt-engineering-first"),
    StepText("retrieval-collect", "first-retrieval", ("need-both", "not-enough", "not-awaiting-review"),
             "Collect and check examples as you go: a later fine-tune needs about {line} good ones.",
             "q3-labelled-data"),
    StepText("fine-tune-behaviour", "fine-tuning", ("need-behaviour",),
             "Fine-tune on your {examples}, holding back about 1 in 10 to test, and compare the result with the "
             "prompt-only baseline on the same evaluation set.", "outcome-fine-tuning"),
    StepText("fine-tune-both", "fine-tuning", ("need-both", "choice-both"),
             "Fine-tune for the behaviour on examples that include the passages the model is given at answer "
             "time, so it learns to use them and to ignore the irrelevant ones; the first step keeps supplying "
             "the changing facts.", "outcome-both"),
    StepText("fine-tune-knowledge", "fine-tuning", ("choice-fine-tuning", "not-need-behaviour"),
             "Fine-tune on question-and-answer pairs that cover the knowledge, test on questions held out from "
             "training, and keep the first step running as a fallback until the trained model matches it.",
             "outcome-fine-tuning"),
)
"""Every sentence a plan step can hold, in the order a step lists them."""

UNTILS: "tuple[Until, ...]" = (
    Until("prompt-to-fine-tuning", "prompt", "fine-tuning", (),
          "when your evaluation set still shows {behaviour_errors} in more than {error_rate} after prompt work"),
    Until("long-context-to-rag", "long-context", "rag", (),
          "when the knowledge outgrows about {kb_pages} pages, or your evaluation set shows answers missing facts "
          "that are in the prompt"),
    Until("retrieval-to-fine-tuning-volume", "retrieval", "fine-tuning", ("volume-repays",),
          "when your volume has stayed above about {volume_line} requests a day for a month and a trained model "
          "matches these answers on your evaluation set"),
    Until("retrieval-to-fine-tuning", "retrieval", "fine-tuning", (),
          "when, with the knowledge supplied, your evaluation set still shows {behaviour_errors} in more than "
          "{error_rate} after prompt work"),
)
"""The signals between steps; for each pair of steps the first row that applies is used."""

CHANGE_WORDS: "tuple[ChangeWords, ...]" = (
    ChangeWords("knowledge_change", "static", "If your knowledge never changed"),
    ChangeWords("knowledge_change", "occasional", "If your knowledge changed only a few times a year"),
    ChangeWords("knowledge_change", "monthly", "If your knowledge changed every month"),
    ChangeWords("knowledge_change", "weekly", "If your knowledge changed every week"),
    ChangeWords("knowledge_change", "daily", "If your knowledge changed every day"),
    ChangeWords("knowledge_change", "real-time", "If your knowledge changed all the time"),
    ChangeWords("labelled_examples", "up", "With at least about {line} {quality}examples"),
    ChangeWords("labelled_examples", "down", "With fewer than about {line} {quality}examples"),
    ChangeWords("data_quality", "high", "If your examples were checked and consistent"),
    ChangeWords("data_quality", "reviewed", "If a review found your examples checked and consistent"),
    ChangeWords("data_quality", "mixed", "If your examples were of mixed quality"),
    ChangeWords("data_quality", "low", "If your examples were inconsistent or unreliable"),
    ChangeWords("data_quality", "unknown", "If nobody had checked your examples"),
    ChangeWords("queries_per_day", "up", "Above roughly {line} requests a day"),
    ChangeWords("queries_per_day", "down", "Below roughly {line} requests a day"),
    ChangeWords("budget_usd", "up", "With a launch budget of at least about {line}"),
    ChangeWords("budget_usd", "down", "With a launch budget below about {line}"),
    ChangeWords("needs_citations", "yes", "If answers had to show their sources"),
    ChangeWords("needs_citations", "no", "If answers did not have to show their sources"),
)
"""How each change sentence starts; it ends with ", the recommendation would be <outcome>."."""

CHANGE_RANKS: "tuple[tuple[str, str, float], ...]" = (
    ("labelled_examples", "up", 0.5), ("budget_usd", "up", 0.5), ("data_quality", "better", 0.5),
    ("queries_per_day", "up", 1.0), ("needs_citations", "flip", 1.0), ("knowledge_change", "step", 1.0),
    ("labelled_examples", "down", 1.5), ("budget_usd", "down", 1.5), ("queries_per_day", "down", 1.5),
    ("data_quality", "worse", 2.2),
)
"""How much each kind of change matters, lowest first: levers a client can pull (more examples, a review,
more budget) before facts near a line, and those before facts far from one. A number adds a third of the
log of its distance to the line (at most 1); a choice adds 0.5 for every option beyond the next. A change
ranked above `MAX_CHANGE_RANK` is left out."""

MAX_CHANGE_RANK: float = 2.0
"""The highest rank a change may have to be listed."""

MAX_CHANGES: int = 3
"""The most changes a result lists: the few that matter."""


def get_finding(finding_id: str) -> Finding:
    """Return the finding with this id; `UnknownId` if no finding has it."""
    return find(FINDINGS, "finding", finding_id)


def get_figure(figure_id: str) -> Threshold:
    """Return the figure with this id; `UnknownId` if no figure has it."""
    return find(FIGURES, "figure", figure_id)
