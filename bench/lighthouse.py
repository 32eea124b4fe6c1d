"""Lighthouse's performance audit on its mobile preset, driving Debian's Chromium, offline.

npm `lighthouse` is pinned in package-lock.json (12.2.3: the newest that
installs with Node 20 and `npm ci`). Its default configuration is the mobile
preset: a Moto G Power's screen, and "simulated throttling": the page loads
at full speed, then Lighthouse works out what the same load would take on a
slow 4G network (150 ms round trips, 1.6 Mbit/s) with a processor four times
slower, by replaying the requests and the main thread's tasks through its
model (Lantern). The processor part scales what this machine measured, so a
loaded or slow machine scores lower: Lighthouse's `benchmarkIndex` (how fast
this machine ran its small benchmark; its docs expect 1000 to 2000 on a
desktop) is reported beside the scores.
"""

import json
import os
import subprocess
import tempfile
from pathlib import Path

from tests.support.browser import CHROMIUM

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking " \
               "--disable-component-update --disable-sync --disable-quic"

METRICS = (
    ("first-contentful-paint", "first paint", "ms"),
    ("largest-contentful-paint", "largest paint", "ms"),
    ("total-blocking-time", "blocking time", "ms"),
    ("cumulative-layout-shift", "layout shift", ""),
    ("speed-index", "speed index", "ms"),
)
"""`(audit id, how the report names it, unit)`: the metrics the performance score is made of."""


class LighthouseUnavailable(RuntimeError):
    """node_modules has no Lighthouse, or Chromium is missing: run `make setup`."""


def run(url: str, chromium: str = CHROMIUM) -> "dict[str, object]":
    """One Lighthouse performance run of `url` on the mobile preset.

    Returns:
        `score` (0 to 100), each metric of `METRICS` by audit id (ms, or the shift's value),
        `benchmark_index`, and `warnings` (Lighthouse's run warnings).

    Raises:
        LighthouseUnavailable: Lighthouse or Chromium is not installed.
        RuntimeError: Lighthouse failed; the message holds the end of its output.
    """
    if not LIGHTHOUSE.exists() or not Path(chromium).exists():
        raise LighthouseUnavailable("needs node_modules/.bin/lighthouse and %s (make setup)" % chromium)
    with tempfile.TemporaryDirectory(prefix="decision-lighthouse-") as scratch:
        report = Path(scratch) / "report.json"
        done = subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=" + str(report),
             "--only-categories=performance", "--chrome-flags=" + CHROME_FLAGS],
            env=dict(os.environ, CHROME_PATH=chromium, TMPDIR=scratch),
            capture_output=True, text=True, timeout=300, check=False)
        if done.returncode != 0 or not report.exists():
            raise RuntimeError("lighthouse failed on %s:\n%s" % (url, (done.stderr or done.stdout)[-2000:]))
        data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    figures = {"score": round((data["categories"]["performance"]["score"] or 0) * 100),
               "benchmark_index": data.get("environment", {}).get("benchmarkIndex"),
               "warnings": data.get("runWarnings", [])}
    for audit, _name, _unit in METRICS:
        figures[audit] = audits.get(audit, {}).get("numericValue")
    return figures
