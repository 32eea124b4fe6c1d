"""Shared fixtures: the built site, the public client scenarios and Hypothesis strategies for answer sets."""

import json

import pytest
from hypothesis import settings
from hypothesis import strategies as st

from decision_core.framework.questions import FIELDS, MAXIMUM
from tests.support.site import ROOT, built_site

# Speed is measured by benchmarks, never by timed assertions: Hypothesis's per-example deadline fails tests
# at random when the machine is busy, so it is off for every property test.
settings.register_profile("guide", deadline=None)
settings.load_profile("guide")
SCENARIOS = ROOT / "scenarios" / "public.json"


@pytest.fixture(scope="session")
def site_dir():
    """The built site (`$SITE_DIR`, or a strict build made once per session): for tests/built_site and tests/e2e."""
    return built_site()


def _load_cases() -> list:
    return json.loads(SCENARIOS.read_text(encoding="utf-8"))


PUBLIC_CASES = _load_cases()
"""The public scenarios, loaded once (also used to parametrise tests)."""


def _value_strategy(field: object) -> st.SearchStrategy:
    """Valid values of one field, biased towards the thresholds the engine decides by."""
    if field.kind == "choice":
        return st.sampled_from(field.values)
    if field.kind == "choices":
        return st.lists(st.sampled_from(field.values), unique=True)
    if field.kind == "boolean":
        return st.booleans()
    low = field.minimum or 0
    near = st.sampled_from([0, 1, 99, 100, 280, 299, 300, 301, 399, 400, 401, 499, 500, 520, 650, 999, 1000,
                            1001, 4999, 5000, 9999, 10000, 18399, 18400, 19999, 20000, 63700, 91000,
                            99999, 100000, 118300, 3000000]).filter(lambda n: n >= low)
    numbers = st.one_of(near, st.integers(min_value=low, max_value=MAXIMUM))
    if field.kind == "number":
        numbers = st.one_of(numbers, st.floats(min_value=low, max_value=MAXIMUM, allow_nan=False))
    if field.nullable:
        numbers = st.one_of(st.none(), numbers)
    return numbers


@st.composite
def _answer_sets(draw: st.DrawFn) -> dict:
    raw = {}
    for field in FIELDS:
        if not field.required and draw(st.booleans()):
            continue
        raw[field.name] = draw(_value_strategy(field))
    return raw


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=20), children, max_size=6),
    max_leaves=20,
)
"""Arbitrary JSON-like values."""


@st.composite
def _near_answer_sets(draw: st.DrawFn) -> dict:
    """Answer sets with some fields wrong, missing or extra: the shapes a client really sends."""
    raw = draw(_answer_sets())
    for field in FIELDS:
        roll = draw(st.integers(0, 5))
        if roll == 0:
            raw.pop(field.name, None)
        elif roll == 1:
            raw[field.name] = draw(JSON_VALUES)
    if draw(st.booleans()):
        raw[draw(st.text(max_size=10))] = draw(JSON_VALUES)
    return raw


@pytest.fixture(scope="session")
def answer_sets() -> st.SearchStrategy:
    """A strategy for valid answer sets (optional fields sometimes left out)."""
    return _answer_sets()


@pytest.fixture(scope="session")
def near_answer_sets() -> st.SearchStrategy:
    """A strategy for answer sets with random mistakes in them."""
    return _near_answer_sets()


@pytest.fixture(scope="session")
def json_values() -> st.SearchStrategy:
    """A strategy for arbitrary JSON-like values."""
    return JSON_VALUES


@pytest.fixture(scope="session")
def public_cases() -> list:
    """The public client scenarios with their expected outcomes."""
    return _load_cases()


@pytest.fixture
def s01() -> dict:
    """The answers of scenario S01 (weekly-changing fees with citations: RAG)."""
    return dict(PUBLIC_CASES[0]["answers"])


@pytest.fixture
def set_threshold(monkeypatch):
    """`set_threshold(id, value, unit)`: the engine and its advice decide by this figure instead of the model's."""
    from decision_core.framework.rules import Threshold
    from decision_core.model import advice, engine, thresholds

    chosen = {}

    def threshold(threshold_id):
        return chosen[threshold_id] if threshold_id in chosen else thresholds.threshold(threshold_id)

    def set_threshold(threshold_id, value, unit):
        chosen[threshold_id] = Threshold(threshold_id, value, unit, "A figure set by the test.", "test", "2026-11")

    monkeypatch.setattr(engine, "threshold", threshold)
    monkeypatch.setattr(advice, "threshold", threshold)
    return set_threshold


@pytest.fixture
def break_even_line(set_threshold):
    """A break-even volume of 91,000 a day (the November 2026 defaults'), for the engine and its advice.

    At today's default prices fine-tuning never breaks even (`high-volume` is None), so the rule that
    volume can repay training is exercised with a line of its own.
    """
    set_threshold("high-volume", 91000, "queries/day")
