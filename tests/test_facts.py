"""Facts that expire: each stale-able figure with its source, the date it was checked and the date it ends."""

import re

import pytest

from decision_core.base.errors import UnknownId
from decision_core.framework.cost_inputs import COST_INPUTS
from decision_core.framework.facts import FACTS, STATUSES, Fact, get_fact
from decision_core.framework.presets import CLOSED, PRESETS

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def test_fact_ids_are_unique():
    """No two facts share an id."""
    ids = [fact.id for fact in FACTS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("fact", FACTS, ids=lambda fact: fact.id)
def test_every_fact_has_words_a_source_a_checked_date_and_a_status(fact):
    """Each fact says what is true, where from, when it was checked (a full date) and how sure it is."""
    assert fact.text.endswith(".") and fact.source
    assert ISO_DATE.match(fact.checked)
    assert fact.ends == "" or ISO_DATE.match(fact.ends)
    assert fact.status in STATUSES


@pytest.mark.parametrize(("fact_id", "ends"), [
    # From the facts of 2026-11-29: OpenAI's wind-down and shutdown, Microsoft Foundry's retirement schedule.
    ("openai-fine-tuning-closed", "2027-01-06"),
    ("openai-gpt-4-1-mini-shutdown", "2027-01-14"),
    ("openai-fine-tuned-gpt-4-1-mini-prices", "2027-01-14"),
    ("azure-gpt-4-1-mini-training", "2027-04-14"),
    ("azure-gpt-4-1-mini-serving", "2027-10-14"),
    ("openai-gpt-6-luna-prices", ""),
])
def test_known_end_dates_are_those_of_the_sources(fact_id, ends):
    """Shutdowns and the last days for new jobs are recorded as the facts' end dates."""
    assert get_fact(fact_id).ends == ends


@pytest.mark.parametrize("fact_id", [
    # The facts sheet's own UNCONFIRMED list, as far as the guide uses it.
    "vertex-tuned-inference", "vertex-training-price", "bedrock-nova-fine-tuning", "bedrock-training-price",
    "azure-hosting-fee", "azure-training-price", "openai-fine-tuned-gpt-4-1-mini-prices",
    "openai-gpt-4-1-mini-prices",
])
def test_what_no_current_source_confirms_is_marked_unconfirmed(fact_id):
    """A figure the facts sheet could not confirm reads "unconfirmed" wherever it is shown."""
    assert get_fact(fact_id).marking == "unconfirmed"


def test_markings_say_estimate_or_unconfirmed_and_nothing_for_a_sourced_fact():
    """The marking beside a figure is empty for a sourced fact, else its status."""
    assert [Fact("x", "X.", "s", "2026-11-29", status=status).marking for status in STATUSES] == [
        "", "estimate", "unconfirmed"]


def test_every_fact_is_shown_somewhere():
    """Each fact is cited by a preset, a cost input or the list of providers that stopped fine-tuning."""
    cited = {cost_input.fact for cost_input in COST_INPUTS}
    cited |= {fact.id for preset in PRESETS for fact in preset.facts()}
    cited |= {fact_id for _, fact_id in CLOSED}
    assert [fact.id for fact in FACTS if fact.id not in cited] == []


def test_an_unknown_fact_is_an_unknown_id():
    """Asking for a fact that does not exist raises UnknownId naming it."""
    with pytest.raises(UnknownId, match="gpt-7"):
        get_fact("gpt-7")
