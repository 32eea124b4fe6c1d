"""The advice as rows: every row names known conditions, sections and placeholders, and favours something real."""

import itertools
import string

import pytest

from decision_core.base.errors import UnknownId
from decision_core.framework.advice_rows import (
    CAVEATS,
    CHANGE_RANKS,
    CHANGE_WORDS,
    FIGURES,
    FINDINGS,
    ROLES,
    STEP_TEXTS,
    UNTILS,
    get_figure,
    get_finding,
)
from decision_core.framework.effort import APPROACHES
from decision_core.framework.questions import FIELDS
from decision_core.framework.rules import OUTCOMES
from decision_core.framework.sections import SECTIONS
from decision_core.model.advice import figures, holds
from decision_core.model.answers import validate_answers
from decision_core.model.engine import facts_for

SECTION_IDS = {section.id for section in SECTIONS}
OUTCOME_IDS = [outcome.id for outcome in OUTCOMES]
ROWS = FINDINGS + CAVEATS + STEP_TEXTS + UNTILS
BASE = {"knowledge_change": "static", "need": "behaviour", "labelled_examples": 2000, "data_quality": "high",
        "queries_per_day": 1000, "knowledge_pages": 100, "budget_usd": 50000, "latency_budget_ms": 500}


def _placeholders(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_row_ids_are_unique_within_each_table():
    """No two findings, caveats, step sentences or signals share an id."""
    for table in (FINDINGS, CAVEATS, STEP_TEXTS, UNTILS, FIGURES):
        ids = [row.id for row in table]
        assert len(ids) == len(set(ids))


def test_every_condition_a_row_names_exists():
    """Every condition in every row is one the model knows (a typo would silently hide the row)."""
    facts = facts_for(validate_answers(BASE), "fine-tuning")
    facts.approaches = ("prompt", "fine-tuning")
    for row in ROWS:
        for name in row.when:
            holds(facts, name)  # raises KeyError for an unknown name


def test_every_placeholder_a_row_uses_is_filled():
    """Every `{placeholder}` in every row and change sentence is one the model fills in."""
    facts = facts_for(validate_answers(BASE), "fine-tuning")
    facts.approaches = ("prompt", "fine-tuning")
    known = set(figures(facts)) | {"line", "quality"}
    for row in ROWS:
        assert _placeholders(row.text) <= known, row
    for words in CHANGE_WORDS:
        assert _placeholders(words.text) <= {"line", "quality"}, words


def test_rows_link_to_sections_of_the_guide():
    """Every finding, caveat and step sentence points to a section in the link contract."""
    for row in FINDINGS + CAVEATS + STEP_TEXTS:
        assert row.section in SECTION_IDS, row


def test_findings_favour_an_outcome_a_role_or_nothing():
    """A finding favours one of the four outcomes, a role the model resolves, or is neutral context."""
    for row in FINDINGS:
        assert row.favours is None or row.favours in OUTCOME_IDS or row.favours in ROLES, row
        assert row.field in [field.name for field in FIELDS]


@pytest.mark.parametrize(("need", "choice"), [
    ("knowledge", "rag"), ("knowledge", "fine-tuning"), ("behaviour", "fine-tuning"),
    ("behaviour", "prompt-first"), ("both", "both"), ("both", "rag"), ("both", "fine-tuning")])
def test_each_need_and_choice_has_exactly_one_opening_reason(need, choice):
    """Every combination the engine can reach has one finding about the need that favours the choice."""
    rows = [row for row in FINDINGS if row.field == "need"
            and "need-" + need in row.when and "choice-" + choice in row.when]
    assert len(rows) == 1 and rows[0].favours == choice


def test_step_sentences_and_signals_belong_to_known_steps():
    """A step sentence belongs to an approach, the first step or the first knowledge step; a signal leads from
    one approach to another."""
    for row in STEP_TEXTS:
        assert row.step in APPROACHES + ("first", "first-retrieval"), row
    for row in UNTILS:
        assert row.step in APPROACHES + ("retrieval",) and row.next in APPROACHES
        assert row.text.startswith("when")


def test_every_pair_of_steps_has_a_signal():
    """Each pair of steps a plan can hold has a signal that ends the first (the last row of a pair is general)."""
    for step, following in (("prompt", "fine-tuning"), ("long-context", "rag"), ("long-context", "fine-tuning"),
                            ("rag", "fine-tuning")):
        rows = [row for row in UNTILS if row.next == following
                and (row.step == step or (row.step == "retrieval" and step in ("long-context", "rag")))]
        assert rows and rows[-1].when == ()


def test_change_words_and_ranks_cover_every_move_the_engine_tries():
    """Every choice field's options, yes and no, and up and down for the numbers that cross lines have words;
    every kind of move has a rank."""
    moves = {(words.field, words.move) for words in CHANGE_WORDS}
    for value in [field for field in FIELDS if field.name == "knowledge_change"][0].values:
        assert ("knowledge_change", value) in moves
    for field, move in itertools.product(("labelled_examples", "queries_per_day", "budget_usd"), ("up", "down")):
        assert (field, move) in moves
        assert [rank for rank in CHANGE_RANKS if rank[:2] == (field, move)]
    assert {("needs_citations", "yes"), ("needs_citations", "no"), ("data_quality", "reviewed")} <= moves


def test_figures_carry_a_source_and_date():
    """The advice's own figures say where they come from and when they were checked."""
    for figure in FIGURES:
        assert figure.source and figure.as_of and figure.text
    assert get_figure("openai-minimum-examples").value == 10


def test_lookups_refuse_unknown_ids():
    """Asking for a finding or figure that does not exist raises UnknownId."""
    assert get_finding("citations-retrieval").section == "choose-rag"
    with pytest.raises(UnknownId):
        get_finding("nope")
    with pytest.raises(UnknownId):
        get_figure("nope")
