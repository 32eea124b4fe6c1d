"""decision_core inside Pyodide (CPython 3.14 built for WebAssembly) under Node, through pytest-pyodide.

Each helper below is decorated with `run_in_pyodide`: pytest-pyodide sends its
source into Pyodide, which loads `decision-core` by name from the relocked lock
file (the wheel `pyodide build` made from this checkout, see conftest.py), runs
it there and pickles the result back. The decorator keeps the undecorated
function as `__wrapped__`, which the tests run here, in the host's CPython: the
two answers must be equal, value for value, and the public scenarios'
recorded outcomes must hold. The helpers import from the package's front door
only.
"""

import json
import tomllib
from pathlib import Path

import pytest
from pytest_pyodide import run_in_pyodide

pytestmark = pytest.mark.runtimes

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = json.loads((ROOT / "scenarios" / "public.json").read_text(encoding="utf-8"))
NPM_LOCK = ROOT / "node_modules" / "pyodide" / "pyodide-lock.json"
PROJECT = ROOT / "pyproject.toml"


def _grid() -> "list[dict]":
    """Answer sets beyond the scenarios: every need and data quality with three mixes of the other answers."""
    answer_sets = []
    for need in ("knowledge", "behaviour", "both"):
        for quality in ("high", "mixed", "low", "unknown"):
            for change, examples, volume, latency, budget in (
                    ("static", 1000, 200000, 250, 1250.5), ("occasional", 499, 100, None, None),
                    ("real-time", 20000, 5000, 900, 0.25)):
                answer_sets.append({
                    "knowledge_change": change, "need": need, "labelled_examples": examples,
                    "data_quality": quality, "queries_per_day": volume, "latency_budget_ms": latency,
                    "budget_usd": budget, "needs_citations": examples > 900})
    return answer_sets


def _refused() -> "list[dict]":
    """Answer sets with one wrong field each: the type checks are where interpreters differ most."""
    good = SCENARIOS[0]["answers"]
    refused = []
    for field, value in (("labelled_examples", True), ("labelled_examples", 2.0), ("budget_usd", False),
                         ("needs_citations", 1), ("need", None), ("data_quality", "great"), ("x", 1),
                         ("queries_per_day", -1), ("latency_budget_ms", float("inf"))):
        raw = dict(good)
        raw[field] = value
        refused.append(raw)
    return refused


# -- what runs inside Pyodide (and, undecorated, here) ------------------------


@run_in_pyodide(packages=["decision-core"])
def where_decision_core_runs(selenium):
    import importlib.metadata
    import sys
    from pathlib import Path

    import decision_core

    package = Path(decision_core.__file__).parent
    return {
        "platform": sys.platform,
        "python": "%d.%d.%d" % sys.version_info[:3],
        "folder": str(package),
        "version": importlib.metadata.version("decision-core"),
        "sources": {path.name: path.read_text(encoding="utf-8") for path in sorted(package.glob("*.py"))},
    }


@run_in_pyodide(packages=["decision-core"])
def recommendations(selenium, answer_sets):
    from decision_core import InvalidAnswers, recommend

    results = []
    for raw in answer_sets:
        try:
            results.append({"choice": recommend(raw).choice, "recommendation": recommend(raw).to_dict()})
        except InvalidAnswers as error:
            results.append({"choice": "error", "message": str(error), "fields": list(error.fields)})
    return results


@run_in_pyodide(packages=["decision-core"])
def share_links(selenium, answer_sets, queries):
    from decision_core import InvalidShareLink, decode_answers, encode_answers, share_url, validate_answers

    links = []
    for raw in answer_sets:
        token, url = encode_answers(raw), share_url(raw)
        links.append({"token": token, "url": url, "decoded": decode_answers(url),
                      "round_trip": decode_answers(url) == validate_answers(raw).to_dict()})
    decoded = []
    for query in queries:
        try:
            decoded.append(sorted(decode_answers(query).items()))
        except InvalidShareLink as error:
            decoded.append("refused: " + str(error))
    return {"links": links, "queries": decoded}


@run_in_pyodide(packages=["decision-core"])
def cost_comparisons(selenium, input_sets):
    from decision_core import InvalidCostInputs, break_even_queries_per_day, compare

    results = []
    for values in input_sets:
        try:
            comparison = compare(values)
        except InvalidCostInputs as error:
            results.append({"refused": str(error)})
        else:
            results.append({"comparison": comparison.to_dict(), "cheapest": comparison.to_dict()["cheapest"],
                            "break_even": break_even_queries_per_day(values)})
    return results


# -- the tests ------------------------------------------------------------------


def test_pyodide_imports_the_wheel_built_from_this_checkout(selenium):
    """Inside Pyodide (Emscripten, its own CPython) decision_core comes from the installed wheel, with today's code."""
    found = where_decision_core_runs(selenium)
    assert found["platform"] == "emscripten"
    assert found["python"] == json.loads(NPM_LOCK.read_text(encoding="utf-8"))["info"]["python"]
    assert "site-packages" in found["folder"]
    assert found["version"] == tomllib.loads(PROJECT.read_text(encoding="utf-8"))["project"]["version"]
    checkout = {path.name: path.read_text(encoding="utf-8") for path in sorted((ROOT / "decision_core").glob("*.py"))}
    assert found["sources"] == checkout


def test_public_scenarios_give_cpythons_recommendations(selenium):
    """Every public scenario gets the same recommendation (or refusal) in Pyodide as in CPython, as recorded."""
    answer_sets = [case["answers"] for case in SCENARIOS]
    in_pyodide = recommendations(selenium, answer_sets)
    assert [result["choice"] for result in in_pyodide] == [case["expected"] for case in SCENARIOS]
    assert in_pyodide == recommendations.__wrapped__(None, answer_sets)


def test_more_answer_sets_give_cpythons_recommendations_and_refusals(selenium):
    """A grid of answer sets and a set of wrong ones give CPython's recommendations and error messages."""
    answer_sets = _grid() + _refused()
    in_pyodide = recommendations(selenium, answer_sets)
    assert [result["choice"] == "error" for result in in_pyodide] == [False] * len(_grid()) + [True] * len(_refused())
    assert in_pyodide == recommendations.__wrapped__(None, answer_sets)


def test_share_links_round_trip_as_in_cpython(selenium):
    """Share links made in Pyodide are CPython's, decode to the answers they encode, and refuse the same bad links."""
    answer_sets = [case["answers"] for case in SCENARIOS if case["expected"] != "error"] + _grid()
    url = share_links.__wrapped__(None, answer_sets[:1], [])["links"][0]["url"]
    bad = ["", "v=2&a=x", url.replace("-1-", "-0-"), url[:-14], "v=1&a=%ff"]
    good = ["utm_source=x&" + url, url]
    in_pyodide = share_links(selenium, answer_sets, bad + good)
    assert [item["round_trip"] for item in in_pyodide["links"]] == [True] * len(answer_sets)
    assert [str(item).startswith("refused: ") for item in in_pyodide["queries"]] == [True] * len(bad) + [False] * 2
    assert in_pyodide == share_links.__wrapped__(None, answer_sets, bad + good)


def test_cost_model_gives_cpythons_figures(selenium):
    """The cost model gives CPython's figures, cheapest option, break-even volume and refusals in Pyodide."""
    from decision_core import COST_INPUTS

    input_sets = [None, {"fine_tuned_pricing": "hosted"}, {"queries_per_day": 65000, "horizon_months": 24},
                  {"queries_per_day": 0}, {"latency_budget_ms": 150}]
    for cost_input in COST_INPUTS:
        if cost_input.choices is None:
            for value in (cost_input.minimum, cost_input.maximum):
                if value is not None:
                    input_sets.append({cost_input.id: value})
    input_sets += [{"queries_per_day": -1}, {"epochs": "three"}, {"no_such_input": 1}, {"horizon_months": 0}]
    in_pyodide = cost_comparisons(selenium, input_sets)
    assert {"refused"} == set(in_pyodide[-1]) and "comparison" in in_pyodide[0]
    assert in_pyodide == cost_comparisons.__wrapped__(None, input_sets)
