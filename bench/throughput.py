"""decision_core throughput: recommendations per second over every combination of the quiz's options.

Choice and yes/no fields take every option; number fields take values on each
side of the thresholds the engine uses. The same Python source runs under
CPython (here) and MicroPython (in Node, through the npm package the site uses).
"""

import json
import pathlib
import subprocess
import sys

from tests.support.runtimes import run_micropython

ROOT = pathlib.Path(__file__).resolve().parent.parent

# The loop, as source, so that both interpreters run exactly the same code.
LOOP = r'''
import time
from decision_core.framework.questions import FIELDS
from decision_core.model.engine import recommend

NUMBERS = {
    "labelled_examples": (0, 499, 500, 10000),
    "queries_per_day": (100, 10000, 1000000),
    "latency_budget_ms": (None, 200, 3000),
    "budget_usd": (None, 5000, 100000),
    "knowledge_pages": (None, 100000),
}

def values(field):
    if field.kind == "choice":
        return tuple(option.value for option in field.options)
    if field.kind == "choices":  # none ticked, or the first
        return ([], [field.options[0].value])
    if field.kind == "boolean":
        return (False, True)
    return NUMBERS.get(field.name, (None,))  # a number without figures of its own: left unstated

def combinations():
    sets = [{}]
    for field in FIELDS:
        sets = [dict(list(s.items()) + [(field.name, v)]) for s in sets for v in values(field)]
    return sets

answer_sets = combinations()[::STEP]
try:
    clock, diff = time.perf_counter, lambda a, b: b - a
except AttributeError:  # MicroPython
    clock, diff = time.ticks_ms, lambda a, b: time.ticks_diff(b, a) / 1000
start = clock()
for answers in answer_sets:
    recommend(answers)
seconds = diff(start, clock())
print("RESULT", len(answer_sets), seconds)
'''

# MicroPython is about twenty times slower than CPython here: it runs every
# SAMPLE-th combination, so that the benchmark stays within minutes.
SAMPLE = 16

def _parse(output):
    for line in output.splitlines():
        if line.startswith("RESULT"):
            _, count, seconds = line.split()
            return int(count), float(seconds)
    raise RuntimeError("no result in output:\n" + output)


def cpython():
    out = subprocess.run([sys.executable, "-c", "STEP = 1\n" + LOOP], cwd=ROOT, capture_output=True, text=True, check=True)
    return _parse(out.stdout)


def micropython():
    return _parse(run_micropython("STEP = %d\n" % SAMPLE + LOOP))


def measure_all():
    rows = []
    for runtime, fn in (("CPython %d.%d" % sys.version_info[:2], cpython), ("MicroPython (Node, wasm)", micropython)):
        count, seconds = fn()
        what = "recommend(), every combination" if fn is cpython else "recommend(), every %dth combination" % SAMPLE
        rows.append({"runtime": runtime, "what": what, "count": count,
                     "seconds": seconds, "rate": count / seconds if seconds else float("inf")})
        print("%s: %d recommendations in %.2f s" % (runtime, count, seconds), file=sys.stderr)
    return rows


if __name__ == "__main__":
    print(json.dumps(measure_all(), indent=2))
