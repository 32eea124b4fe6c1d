# Run inside MicroPython (tests/support/micropython.mjs, through tests/support/runtimes.py) and by
# tests/test_runtimes.py under CPython: the two outputs must be equal. (Pyodide: tests/in_pyodide/.)
# It reads the scenarios from SCENARIOS and prints one JSON document.
import json

from decision_core.base.errors import InvalidAnswers, InvalidShareLink
from decision_core.model.engine import recommend
from decision_core.model.sharelink import decode_answers, share_url
from decision_core.model.tally import tally


def probe(path):
    with open(path) as handle:
        cases = json.load(handle)
    results = []
    for case in cases:
        item = {"id": case["id"]}
        try:
            result = recommend(case["answers"])
        except InvalidAnswers as error:
            item["outcome"] = "error"
            item["fields"] = error.fields
        else:
            item["outcome"] = result.choice
            item["recommendation"] = result.to_dict()
            link = share_url(case["answers"])
            item["link"] = link
            item["round_trip"] = decode_answers(link) == result.answers.to_dict()
        results.append(item)
    results.append({"id": "grid", "recommendations": [recommend(raw).to_dict() for raw in _grid()]})
    results.append({"id": "errors", "messages": _errors(cases[0]["answers"])})
    return json.dumps(results)


def _errors(good):
    """The messages of refused answers and links: the type checks differ most between runtimes."""
    messages = []
    for field, value in (("labelled_examples", True), ("labelled_examples", 2.0), ("budget_usd", False),
                         ("needs_citations", 1), ("need", None), ("data_quality", "great"), ("x", 1),
                         ("knowledge_pages", 1.5), ("behaviour_kinds", ["tone", "tone"]),
                         ("behaviour_kinds", "tone"), ("behaviour_kinds", [True])):
        raw = dict(good)
        raw[field] = value
        try:
            recommend(raw)
        except InvalidAnswers as error:
            messages.append(str(error))
    link = share_url(good)
    for query in ("", "v=9&a=x", link.replace("-1-", "-0-"), link[:-14], "v=1&a=%ff", "utm_source=x&" + link,
                  "v=1&a=0-2-xc-1-8c-_-1250.5-0-r9j0", "v=2&a=0-1-0-3-rs-2bc-3uw-0-_-8-xxxx"):
        try:
            messages.append(sorted(decode_answers(query).items()))
        except InvalidShareLink as error:
            messages.append(str(error))
    tallied = tally(["rag-citations", "ft-style-tone", "ft-high-volume"])
    messages.append([tallied.text, tallied.leader, [list(pair) for pair in tallied.counts]])
    return messages


def _grid():
    """Answer sets beyond the scenarios: every need, quality and a few changes, volumes, budgets, sizes of
    knowledge and kinds of behaviour."""
    for need in ("knowledge", "behaviour", "both"):
        for quality in ("high", "mixed", "low", "unknown"):
            for change, examples, volume, latency, budget, pages, kinds in (
                    ("static", 1000, 200000, 250, 1250.5, None, []),
                    ("occasional", 499, 100, None, None, 120, ["tone"]),
                    ("real-time", 20000, 5000, 900, 0.25, 2000000, ["format", "reasoning"]),
                    ("monthly", 450, 95000, None, 21000.5, 390, ["reasoning", "tone"])):
                yield {"knowledge_change": change, "need": need, "labelled_examples": examples,
                       "data_quality": quality, "queries_per_day": volume, "latency_budget_ms": latency,
                       "budget_usd": budget, "needs_citations": examples > 900, "knowledge_pages": pages,
                       "behaviour_kinds": kinds}


print(probe(SCENARIOS))  # noqa: F821 (SCENARIOS is set by the caller)
