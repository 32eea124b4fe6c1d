"""decision_core throughput: recommendations per second over every combination of the quiz's options.

Choice and yes/no fields take every option; number fields take values on each
side of the thresholds the engine uses. The same Python source runs under
CPython (here) and MicroPython (in Node, through the npm package the site uses).
"""

import json
import pathlib
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent

# The loop, as source, so that both interpreters run exactly the same code.
LOOP = r'''
import time
from decision_core.questions import FIELDS
from decision_core.engine import recommend

NUMBERS = {
    "labelled_examples": (0, 499, 500, 10000),
    "queries_per_day": (100, 10000, 1000000),
    "latency_budget_ms": (None, 200, 3000),
    "budget_usd": (None, 5000, 100000),
}

def values(field):
    if field.kind == "choice":
        return tuple(option.value for option in field.options)
    if field.kind == "boolean":
        return (False, True)
    return NUMBERS[field.name]

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

MPY_RUNNER = r'''
import { loadMicroPython } from "@micropython/micropython-webassembly-pyscript/micropython.mjs";
import fs from "node:fs";
import path from "node:path";
const [root, code] = [process.argv[2], fs.readFileSync(0, "utf8")];
const mp = await loadMicroPython({ heapsize: 64 * 1024 * 1024, stdout: (line) => console.log(line) });
mp.FS.mkdir("/decision_core");
for (const name of fs.readdirSync(path.join(root, "decision_core"))) {
  if (name.endsWith(".py")) {
    mp.FS.writeFile("/decision_core/" + name, fs.readFileSync(path.join(root, "decision_core", name)));
  }
}
mp.runPython("import sys\nsys.path.insert(0, '/')");
mp.runPython(code);
'''


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
    runner = ROOT / "node_modules" / ".bench-mpy-throughput.mjs"
    runner.write_text(MPY_RUNNER)
    try:
        out = subprocess.run(["node", str(runner), str(ROOT)], input="STEP = %d\n" % SAMPLE + LOOP, cwd=ROOT,
                             capture_output=True, text=True, check=True, timeout=600)
    finally:
        runner.unlink()
    return _parse(out.stdout)


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
