"""The guide's linkable sections: the link contract.

Every section a consultant may send a client, and every section the engine's
reasons point to, is declared here once, with an explicit anchor id that never
changes when a heading's wording does. The site build checks that each one
exists in the built pages, the "Links for consultants" page is generated from
this list, and `tests/link_contract.txt` freezes the published URLs so that
none can silently disappear.

Example:
    >>> section_url("q1-knowledge-change")
    'framework/#q1-knowledge-change'
"""

from ..base.errors import UnknownSection


class Section:
    """One linkable section of the guide."""

    __slots__ = ("id", "page", "title", "summary")

    id: str
    """The anchor id, unique across the site, e.g. `q1-knowledge-change`."""
    page: str
    """The site-relative URL of the page that holds it, e.g. `framework/`."""
    title: str
    """The section's title as a consultant would name it."""
    summary: str
    """One line on the question the section answers."""

    def __init__(self, id: str, page: str, title: str, summary: str) -> None:
        self.id = id
        self.page = page
        self.title = title
        self.summary = summary

    @property
    def url(self) -> str:
        """The site-relative URL with its anchor, e.g. `framework/#q1-knowledge-change`."""
        return self.page + "#" + self.id

    def __repr__(self) -> str:
        return "Section(%r)" % self.id


def _s(id: str, page: str, title: str, summary: str) -> Section:
    return Section(id, page, title, summary)


SECTIONS: "tuple[Section, ...]" = (
    # The basics
    _s("what-is-rag", "basics/", "What RAG is",
       "How retrieval-augmented generation gives a model a reference book to look things up in."),
    _s("what-is-fine-tuning", "basics/", "What fine-tuning is",
       "How fine-tuning sends a model back to school so it behaves differently."),
    _s("what-each-changes", "basics/", "What each one changes",
       "RAG changes what the model can see; fine-tuning changes the model itself."),
    _s("knowledge-base", "basics/", "How a knowledge base is built",
       "Documents split into chunks, embedded and stored in a vector database such as pgvector."),
    _s("glossary", "glossary/", "Glossary",
       "Embedding, chunk, vector database, BM25, LoRA, evaluation set and other words, in a line each."),
    # The four questions
    _s("q1-knowledge-change", "framework/", "Question 1: is the knowledge dynamic or static?",
       "Why knowledge that changes often points to retrieval."),
    _s("q2-behaviour-or-knowledge", "framework/", "Question 2: behave differently, or know more?",
       "Tone, strict formats and domain reasoning are behaviour; facts are knowledge."),
    _s("q3-labelled-data", "framework/", "Question 3: how much labelled data, of what quality?",
       "How many good examples fine-tuning needs, and what poor data does to a model."),
    _s("q4-cost-latency", "framework/", "Question 4: what are the cost and latency constraints?",
       "What retrieval adds to each request, and what training costs up front."),
    # The quick decision table
    _s("decision-table", "decision-table/", "The quick decision table",
       "Every criterion and the approach it favours, on one screen."),
    _s("choose-rag", "decision-table/", "Choose RAG if",
       "The criteria that favour retrieval."),
    _s("choose-fine-tuning", "decision-table/", "Choose fine-tuning if",
       "The criteria that favour fine-tuning."),
    _s("choose-both", "decision-table/", "Choose both if",
       "The criteria that justify combining retrieval and fine-tuning."),
    # The recommendations
    _s("outcome-rag", "recommendation/", "Recommendation: start with RAG",
       "Why retrieval is the default first step, and how to ship it and learn."),
    _s("outcome-fine-tuning", "recommendation/", "Recommendation: fine-tune",
       "When fine-tuning pays off, and how to do it safely."),
    _s("outcome-both", "recommendation/", "Recommendation: combine both",
       "Why the strongest systems retrieve knowledge and fine-tune behaviour."),
    _s("outcome-prompt-first", "recommendation/", "Recommendation: prompt engineering first",
       "What to do when the need is behaviour but good examples are missing."),
    _s("what-a-plan-costs", "recommendation/", "What a plan costs",
       "Each step's people's time at a sourced day rate: why launch budgets must pay for building."),
    # What other authorities add: the caveats the engine raises
    _s("prompt-engineering-first", "authorities/", "Prompt engineering comes first",
       "Why vendors treat a good prompt as step zero."),
    _s("evaluation-set", "authorities/", "Build an evaluation set",
       "How to tell whether RAG or fine-tuning helped at all."),
    _s("long-context", "authorities/", "Small knowledge bases: put it all in the prompt",
       "When a knowledge base fits in the context window and needs no retrieval."),
    _s("research", "authorities/", "What the research says",
       "Published results comparing and combining RAG and fine-tuning."),
    _s("fine-tuning-availability", "authorities/", "Where you can still fine-tune",
       "Which providers offer fine-tuning, and which have stopped."),
    _s("base-model-retirement", "authorities/", "Base-model retirement",
       "A fine-tuned model stops when its base model is retired: budget a retrain."),
    _s("data-quality", "authorities/", "Low-quality training data",
       "Why inconsistent examples teach a model to be confidently wrong."),
    _s("permissions", "authorities/", "Per-user permissions",
       "Retrieval can enforce who sees which document; model weights cannot."),
    _s("data-residency", "authorities/", "Data residency",
       "Where training data and models may be processed and stored."),
    _s("structured-outputs", "authorities/", "Structured outputs instead of fine-tuning",
       "Schema-constrained decoding may enforce a strict format without training."),
    _s("team-skills", "authorities/", "The team's skills",
       "What it takes to run training and regression evaluations."),
    # Cost and latency
    _s("cost-model", "cost/", "How the cost model works",
       "One-off, monthly and per-query costs of each approach."),
    _s("break-even", "cost/", "When fine-tuning pays for itself",
       "The daily volume above which fine-tuned requests save more than training costs."),
    _s("model-presets", "cost/", "The model presets",
       "The base models and fine-tuning routes the calculator compares, with prices, sources and end dates."),
    _s("cached-prompt-cost", "cost/", "The whole knowledge base in a cached prompt",
       "What a cached whole-knowledge prompt costs, how big it may be, and where retrieval becomes cheaper."),
    _s("retrieval-latency", "cost/", "The latency of retrieval",
       "What the retrieval step adds to each response, against your budget."),
    _s("calculator", "calculator/", "Cost and latency calculator",
       "Your own numbers: cost curves, break-even and latency."),
    # The quiz
    _s("quiz", "quiz/", "The quiz",
       "Answer the four questions and get a recommendation for your case."),
    _s("quiz-result", "quiz/", "Your recommendation",
       "The recommendation, its reasons, and what would change it."),
    # Worked examples
    _s("example-s01", "examples/", "Example: a neobank's support assistant",
       "Weekly-changing fees and terms with citations: RAG."),
    _s("example-s02", "examples/", "Example: classifying card transactions",
       "A fixed taxonomy, strict JSON, 50,000 labels, 3 million calls a day: fine-tuning."),
    _s("example-s03", "examples/", "Example: regulated portfolio commentary",
       "Daily market data and a regulated voice: both."),
    _s("example-s06", "examples/", "Example: a more empathetic symptom checker",
       "A tone need with no examples yet: prompt engineering first."),
    _s("example-s07", "examples/", "Example: questions across 40,000 contracts",
       "A daily-growing corpus and pinpoint citations: RAG."),
    _s("example-s08", "examples/", "Example: NDA drafts in house style",
       "Static style, 1,200 curated pairs: fine-tuning."),
    _s("example-s12", "examples/", "Example: a shopping assistant that writes cart JSON",
       "Daily prices and a strict schema: both."),
    _s("example-s13", "examples/", "Example: claims letters from inconsistent examples",
       "Low-quality examples and quarterly wording changes: RAG."),
    _s("example-s18", "examples/", "Example: service manuals for technicians",
       "Static knowledge but no labels: RAG."),
    _s("example-s22", "examples/", "Example: 'ChatGPT for underwriters'",
       "Too vague to decide: define the task first."),
    _s("example-s24", "examples/", "Example: where is my parcel?",
       "Real-time data at a million queries a day: RAG."),
    _s("example-s25", "examples/", "Example: NPC dialogue in character",
       "Static lore, 15,000 lines, 5 million a day: fine-tuning."),
    _s("example-a01", "examples/", "Example: questions on a 120-page staff handbook",
       "A small knowledge base: the whole handbook in a cached prompt, retrieval later: RAG."),
    _s("example-a02", "examples/", "Example: a two-million-product catalogue",
       "Far too large for a prompt, changing daily: RAG with hybrid search."),
    _s("example-a03", "examples/", "Example: claim emails into strict JSON",
       "A strict format, 300 checked examples: structured outputs first."),
    _s("example-a04", "examples/", "Example: a tax firm's reasoning over its manual",
       "A 150-page manual and 1,500 reviewed answers: the manual in the prompt now, fine-tuning next."),
    _s("example-a05", "examples/", "Example: 8,000 intent labels nobody has checked",
       "Unchecked examples: a sample review decides between prompting and fine-tuning."),
    _s("example-a06", "examples/", "Example: case assessments in the partners' reasoning",
       "420 approved assessments, near the line: prompt engineering first."),
)
"""Every linkable section, in reading order."""

_BY_ID = {}
for _section in SECTIONS:
    _BY_ID[_section.id] = _section


def get_section(section_id: str) -> Section:
    """Return the section with this anchor id.

    Args:
        section_id: The anchor id, e.g. `q3-labelled-data`.

    Returns:
        The section.

    Raises:
        UnknownSection: No section has that id.
    """
    try:
        return _BY_ID[section_id]
    except KeyError:
        raise UnknownSection(section_id) from None


def section_url(section_id: str) -> str:
    """Return the site-relative URL of a section, with its anchor.

    Args:
        section_id: The anchor id, e.g. `outcome-rag`.

    Returns:
        The URL relative to the site root, e.g. `recommendation/#outcome-rag`.

    Raises:
        UnknownSection: No section has that id.
    """
    return get_section(section_id).url
