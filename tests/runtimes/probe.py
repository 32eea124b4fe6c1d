# Run inside MicroPython and Pyodide by the Node scripts next to this file, and by
# tests/test_runtimes.py under CPython: the three outputs must be equal.
# It reads the scenarios from SCENARIOS and prints one JSON document.
import json

from decision_core.engine import recommend
from decision_core.errors import InvalidAnswers
from decision_core.sharelink import decode_answers, share_url


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
    return json.dumps(results)


print(probe(SCENARIOS))  # noqa: F821 (SCENARIOS is set by the caller)
