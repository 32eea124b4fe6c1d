"""The facts-expiry check: which stale-able facts are old, and which have passed their end date.

Every stale-able figure the guide states is a `Fact`
(`decision_core.framework.facts`) with the date it was last checked and,
where one is known, the date it stops being true. At every build the adapter
runs `check_facts` for today:

- a fact **checked longer ago than `MAX_AGE_DAYS`** is *stale*: the build
  warns, naming it, and goes on (a figure may well still hold; check it);
- a fact **whose end date has passed** is *expired*: what the guide says is
  no longer true. The strict build (`mkdocs build --strict`, as `make build`
  and the tests run it) fails, naming each; a non-strict build warns;
- a **default that ends within the calculator's horizon** (the default
  preset citing a model or route that stops within `horizon_months` of
  today) makes the build warn: the calculator must open on what a client can
  buy for the whole horizon.

`FACTS_TODAY` (an ISO date) and `FACTS_MAX_AGE_DAYS` in the environment
replace today and the age, to preview what a later build will say.

Example:
    >>> from datetime import date
    >>> from decision_core.framework.facts import Fact
    >>> old = Fact("x", "X costs $1.", "a page", "2026-01-01", ends="2026-06-30")
    >>> report = check_facts([old], date(2026, 12, 1))
    >>> [fact.id for fact in report.expired], report.stale[0][1]
    (['x'], 334)
"""

import os
from datetime import date

from . import BuildError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from decision_core.framework.facts import Fact
    from decision_core.framework.presets import Preset

MAX_AGE_DAYS: int = 120
"""How old a fact's check may be (days) before the build warns about it: about four months."""


class FactsReport:
    """What `check_facts` found: the stale facts with their age, the expired ones, and the defaults ending soon."""

    __slots__ = ("today", "max_age_days", "stale", "expired", "ending_defaults")

    today: date
    """The day the facts were checked against."""
    max_age_days: int
    """The age beyond which a fact is stale."""
    stale: "list[tuple[Fact, int]]"
    """Each fact checked more than `max_age_days` ago, with its age in days."""
    expired: "list[Fact]"
    """Each fact whose end date is before `today`."""
    ending_defaults: "list[Fact]"
    """Each fact the default preset cites that ends within the horizon."""

    def __init__(self, today: date, max_age_days: int) -> None:
        self.today = today
        self.max_age_days = max_age_days
        self.stale = []
        self.expired = []
        self.ending_defaults = []

    def warnings(self) -> "list[str]":
        """The messages for stale facts and defaults that end within the horizon, one a fact."""
        lines = ["fact %r was last checked on %s, %d days ago (more than %d): check it against its source (%s) "
                 "and update its date" % (fact.id, fact.checked, age, self.max_age_days, fact.source)
                 for fact, age in self.stale]
        lines += ["the default preset cites fact %r, which ends on %s, within the calculator's horizon: "
                  "choose a default that a client can buy for the whole horizon" % (fact.id, fact.ends)
                  for fact in self.ending_defaults]
        return lines

    def errors(self) -> "list[str]":
        """The messages for expired facts, one a fact, each naming it and saying what to do."""
        return ["fact %r ended on %s: %s Update what the guide says about it (and any preset citing it), "
                "then its dates, in decision_core/framework/facts.py" % (fact.id, fact.ends, fact.text)
                for fact in self.expired]


def parse_date(text: str) -> date:
    """An ISO date (`2027-01-14`) as a `date`; `ValueError` when it is not one."""
    year, month, day = (int(part) for part in text.split("-"))
    return date(year, month, day)


def months_later(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it has no such day (31 January + 1: 28 February)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(month)  # unreachable: every month has a 28th


def check_facts(facts: "Iterable[Fact]", today: date, max_age_days: int = MAX_AGE_DAYS, *,
                default: "Preset | None" = None, horizon_months: int = 0) -> FactsReport:
    """Check facts against a day: which are stale, which have expired, which defaults end within the horizon.

    Args:
        facts: The facts (`decision_core.framework.facts.FACTS`).
        today: The day to check against.
        max_age_days: The age beyond which a fact is stale.
        default: The default preset, whose facts must not end within the horizon.
        horizon_months: The calculator's default planning horizon.

    Returns:
        The report. A fact ending on `today` has not expired yet.
    """
    report = FactsReport(today, max_age_days)
    for fact in facts:
        age = (today - parse_date(fact.checked)).days
        if age > max_age_days:
            report.stale.append((fact, age))
        if fact.ends and parse_date(fact.ends) < today:
            report.expired.append(fact)
    if default is not None:
        horizon_end = months_later(today, horizon_months)
        for fact in default.facts():
            if fact.ends and today <= parse_date(fact.ends) <= horizon_end:
                report.ending_defaults.append(fact)
    return report


def settings(environ: "Mapping[str, str]") -> "tuple[date, int]":
    """Today and the allowed age, from `FACTS_TODAY` and `FACTS_MAX_AGE_DAYS` when the environment sets them.

    Args:
        environ: The environment, e.g. `os.environ`.

    Returns:
        `(today, max_age_days)`.

    Raises:
        BuildError: A variable is set to something that is not a date or a whole number.
    """
    today = date.today()
    age = MAX_AGE_DAYS
    try:
        if environ.get("FACTS_TODAY"):
            today = parse_date(environ["FACTS_TODAY"])
        if environ.get("FACTS_MAX_AGE_DAYS"):
            age = int(environ["FACTS_MAX_AGE_DAYS"])
    except ValueError:
        raise BuildError("FACTS_TODAY must be an ISO date (2027-01-15) and FACTS_MAX_AGE_DAYS a whole number of "
                         "days; got %r and %r" % (environ.get("FACTS_TODAY"), environ.get("FACTS_MAX_AGE_DAYS"))
                         ) from None
    return today, age


def check_site_facts(environ: "Mapping[str, str] | None" = None) -> FactsReport:
    """Check the guide's own facts and default preset, for today (or `FACTS_TODAY`).

    Args:
        environ: The environment; `os.environ` when `None`.

    Returns:
        The report.
    """
    from decision_core.framework.cost_inputs import get_cost_input
    from decision_core.framework.facts import FACTS
    from decision_core.framework.presets import DEFAULT_PRESET_ID, get_preset

    today, age = settings(os.environ if environ is None else environ)
    return check_facts(FACTS, today, age, default=get_preset(DEFAULT_PRESET_ID),
                       horizon_months=int(get_cost_input("horizon_months").default))
