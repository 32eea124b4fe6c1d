"""The facts-expiry check: stale facts warn, expired ones fail the strict build naming the fact (fixed "today")."""

import os
import pathlib
import subprocess
import sys
from datetime import date

import pytest

from decision_core.framework.facts import FACTS, Fact
from decision_core.framework.presets import DEFAULT_PRESET_ID, get_preset
from sitegen import BuildError
from sitegen.facts import MAX_AGE_DAYS, check_facts, check_site_facts, months_later, settings

ROOT = pathlib.Path(__file__).resolve().parents[1]


def test_on_the_day_they_were_checked_no_fact_is_stale_or_expired():
    """On 2026-11-29 every fact is fresh and none has ended; the default ends within no horizon."""
    report = check_site_facts({"FACTS_TODAY": "2026-11-29"})
    assert report.stale == [] and report.expired == [] and report.ending_defaults == []
    assert report.warnings() == [] and report.errors() == []


def test_after_openais_last_day_the_ended_facts_are_named():
    """On 2027-01-15 OpenAI's job window (2027-01-06) and the gpt-4.1-mini shutdown (2027-01-14) have ended."""
    report = check_site_facts({"FACTS_TODAY": "2027-01-15"})
    assert [fact.id for fact in report.expired] == [
        "openai-fine-tuning-closed", "openai-gpt-4-1-mini-shutdown", "openai-fine-tuned-gpt-4-1-mini-prices"]
    errors = report.errors()
    assert errors[0].startswith("fact 'openai-fine-tuning-closed' ended on 2027-01-06: OpenAI has refused")
    assert "decision_core/framework/facts.py" in errors[0]


def test_a_fact_ending_today_has_not_expired_yet():
    """The end date is the last day a fact holds: it expires the day after."""
    fact = Fact("x", "X holds.", "s", "2026-11-29", ends="2027-01-14")
    assert check_facts([fact], date(2027, 1, 14)).expired == []
    assert check_facts([fact], date(2027, 1, 15)).expired == [fact]


def test_facts_older_than_the_set_age_are_stale_with_their_age():
    """On 2027-04-01 every fact is more than 120 days old: 123 days since 2026-11-29, 148 since 2026-11-04."""
    report = check_facts(FACTS, date(2027, 4, 1), MAX_AGE_DAYS)
    ages = dict((fact.id, age) for fact, age in report.stale)
    assert len(ages) == len(FACTS)
    assert ages["openai-gpt-6-luna-prices"] == 123
    assert ages["cohere-fine-tuning-ended"] == 148
    assert report.warnings()[0].startswith("fact ")
    assert "more than 120" in report.warnings()[0]


def test_exactly_the_set_age_is_not_yet_stale():
    """A fact checked exactly `max_age_days` ago is still fresh."""
    fact = Fact("x", "X holds.", "s", "2026-11-29")
    assert check_facts([fact], date(2027, 3, 29), 120).stale == []
    assert check_facts([fact], date(2027, 3, 30), 120).stale == [(fact, 121)]


def test_a_default_that_ends_within_the_horizon_is_named():
    """Were the Microsoft Foundry legacy route the default, both its end dates would fall within 12 months."""
    report = check_facts(FACTS, date(2026, 11, 29), default=get_preset("legacy-azure-gpt-4-1-mini"),
                         horizon_months=12)
    assert [fact.id for fact in report.ending_defaults] == ["azure-gpt-4-1-mini-training",
                                                            "azure-gpt-4-1-mini-serving"]
    assert "within the calculator's horizon" in report.warnings()[-1]
    assert check_facts(FACTS, date(2026, 11, 29), default=get_preset(DEFAULT_PRESET_ID),
                       horizon_months=12).ending_defaults == []


@pytest.mark.parametrize(("start", "months", "end"), [
    (date(2026, 11, 29), 12, date(2027, 11, 29)), (date(2027, 1, 31), 1, date(2027, 2, 28)),
    (date(2026, 12, 15), 2, date(2027, 2, 15)),
])
def test_months_later_keeps_the_day_or_takes_the_months_last(start, months, end):
    """The horizon ends on the same day of the month, or the month's last day when it is shorter."""
    assert months_later(start, months) == end


def test_today_and_the_age_come_from_the_environment_when_set():
    """`FACTS_TODAY` and `FACTS_MAX_AGE_DAYS` replace today and the age; anything else is a BuildError."""
    assert settings({"FACTS_TODAY": "2027-01-15", "FACTS_MAX_AGE_DAYS": "30"}) == (date(2027, 1, 15), 30)
    assert settings({})[1] == MAX_AGE_DAYS
    with pytest.raises(BuildError, match="FACTS_TODAY must be an ISO date"):
        settings({"FACTS_TODAY": "next week"})


def test_the_strict_build_stops_on_an_expired_fact_naming_it(tmp_path):
    """`mkdocs build --strict` with today set to 2027-01-15 fails and names the ended fact."""
    env = dict(os.environ, FACTS_TODAY="2027-01-15", NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                            cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=300)
    assert result.returncode != 0
    assert "fact 'openai-gpt-4-1-mini-shutdown' ended on 2027-01-14" in result.stdout + result.stderr
