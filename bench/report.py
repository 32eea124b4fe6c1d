"""The Performance page that `make bench` writes: tables, targets and what dominates, from the measured figures."""

import statistics

from bench import lighthouse

FLOOR = "plain Material page (floor)"
SHARE = "share link"
SHARE_GZIP = "share link, host without precompressed files"
SHARE_PYODIDE = "share link, Pyodide"

WHAT = {"load": "load event", "ready": "widget ready", "choice": "result shown"}
"""What ends each kind of load, as the tables say it."""

BYTES_TARGET = 400_000
"""Issue 15: the share link transfers at most 400 kB on the mobile profile."""


class Row:
    """A page of the load table, as a saved run names it: its label and what ended its loads."""

    __slots__ = ("label", "wait")

    def __init__(self, label: str, wait: str) -> None:
        self.label = label
        self.wait = wait


def _values(results, label, profile, phase, key):
    runs = results.get((label, profile), {}).get(phase, [])
    return [run[key] for run in runs if run.get(key) is not None]


def median(results, label, profile, phase, key="end"):
    """The median of a figure over the runs, or None when no run has it."""
    values = _values(results, label, profile, phase, key)
    return statistics.median(values) if values else None


def _seconds(ms):
    return "—" if ms is None else "%.2f s" % (ms / 1000)


def _kb(value):
    return "—" if value is None else "%.0f kB" % (value / 1000)


def _ratio(value, floor):
    return None if value is None or not floor else value / floor


def _cell(results, label, profile, phase):
    value = median(results, label, profile, phase)
    if value is None:
        return "—"
    ratio = _ratio(value, median(results, FLOOR, profile, phase))
    return _seconds(value) + ("" if label == FLOOR or ratio is None else " (%.1f×)" % ratio)


def loads_table(plan, results):
    """The page-load table: every page, loopback and mobile, cold and warm, with the ratio to the floor."""
    labels = []
    for target, _profile in plan:
        if target.label not in [label for label, _wait in labels]:
            labels.append((target.label, target.wait))
    lines = ["| page | timed until | loopback, cold | loopback, warm | mobile, cold | mobile, warm "
             "| transferred, cold | requests, cold |",
             "|---|---|---|---|---|---|---|---|"]
    for label, wait in labels:
        profile = "mobile" if (label, "mobile") in results else "loopback"
        transferred = median(results, label, profile, "cold", "bytes")
        requests = median(results, label, profile, "cold", "requests")
        lines.append("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
            label, WHAT[wait], _cell(results, label, "loopback", "cold"), _cell(results, label, "loopback", "warm"),
            _cell(results, label, "mobile", "cold"), _cell(results, label, "mobile", "warm"),
            _kb(transferred), "—" if requests is None else "%.0f" % requests))
    return lines


def details_table(plan, results):
    """Spread and first paint of each load: min–max of the timed event, first contentful paint, blocking time."""
    lines = ["| page | profile | timed event, cold: median (min–max) | warm: median (min–max) "
             "| first contentful paint, cold | main-thread blocking, cold |", "|---|---|---|---|---|---|"]
    for target, profile in plan:
        cells = []
        for phase in ("cold", "warm"):
            values = _values(results, target.label, profile, phase, "end")
            cells.append("%s (%s–%s)" % (_seconds(statistics.median(values)), _seconds(min(values))[:-2],
                                         _seconds(max(values))) if values else "—")
        lines.append("| %s | %s | %s | %s | %s | %s |" % (
            target.label, profile, cells[0], cells[1],
            _seconds(median(results, target.label, profile, "cold", "fcp")),
            "%.0f ms" % median(results, target.label, profile, "cold", "blocking")))
    return lines


def lighthouse_table(scores):
    """Lighthouse's score and metrics per page (medians of the runs)."""
    if not scores:
        return ["Lighthouse did not run (`--lighthouse-runs 0`, or not installed: `make setup`)."]
    lines = ["| page | score | " + " | ".join(name for _id, name, _unit in lighthouse.METRICS) + " |",
             "|---|---|" + "---|" * len(lighthouse.METRICS)]
    for label, runs in scores.items():
        cells = ["%.0f (%s)" % (statistics.median(r["score"] for r in runs),
                                ", ".join(str(r["score"]) for r in runs))]
        for audit, _name, unit in lighthouse.METRICS:
            value = statistics.median(r[audit] for r in runs)
            cells.append(_seconds(value) if unit == "ms" and audit != "total-blocking-time"
                         else "%.0f ms" % value if unit == "ms" else "%.3f" % value)
        lines.append("| %s | %s |" % (label, " | ".join(cells)))
    indexes = [r["benchmark_index"] for runs in scores.values() for r in runs if r.get("benchmark_index")]
    if indexes:
        lines += ["", "Lighthouse's `benchmarkIndex` for this machine during the runs: median %.0f (%.0f–%.0f); "
                  "Lighthouse calibrates its mobile preset for 1000 to 2000 and scales the measured main-thread "
                  "work by 4, so a slower or busier machine gets longer blocking times and lower scores." % (
                      statistics.median(indexes), min(indexes), max(indexes))]
    return lines


def verdicts(results, scores):
    """The targets of issue 15: `| target | verdict | measured |` rows."""
    rows = []

    def row(target, met, measured):
        rows.append("| %s | %s | %s |" % (target, "met" if met else "**missed**", measured))

    for profile in ("mobile", "loopback"):
        for phase in ("cold", "warm"):
            value = median(results, SHARE, profile, phase)
            floor = median(results, FLOOR, profile, phase)
            ratio = _ratio(value, floor)
            if ratio is None:
                continue
            over = "" if ratio <= 3 else "; %.2f s over 3× the floor" % ((value - 3 * floor) / 1000)
            row("%s, %s: share link's result within 3× the floor's load" % (profile, phase), ratio <= 3,
                "%.1f× (%s against %s%s)" % (ratio, _seconds(value), _seconds(floor), over))
    transferred = median(results, SHARE, "mobile", "cold", "bytes")
    if transferred is not None:
        row("mobile: share link transfers at most 400 kB", transferred <= BYTES_TARGET,
            _kb(transferred) + ("" if transferred <= BYTES_TARGET else " (%s over)" % _kb(transferred - BYTES_TARGET)))
    for label, runs in scores.items():
        if label == FLOOR:
            continue
        score = statistics.median(r["score"] for r in runs)
        row("Lighthouse, mobile preset: %s scores 90 or more" % label, score >= 90,
            "%.0f" % score + ("" if score >= 90 else " (%.0f points short)" % (90 - score)))
    for label in ("guide page", "home"):
        interpreter = any(run["interpreter"] for key, phases in results.items() if key[0] == label
                          for run in phases["cold"])
        for key, what in (("fcp", "first paint"), ("end", "load event")):
            parts, met = [], True
            for profile in ("loopback", "mobile"):
                for phase in ("cold", "warm"):
                    ratio = _ratio(median(results, label, profile, phase, key),
                                   median(results, FLOOR, profile, phase, key))
                    if ratio is not None:
                        parts.append("%s %s %+.0f%%" % (profile, phase, (ratio - 1) * 100))
                        met = met and ratio <= 1.10
            if parts:
                row("%s: %s within 10%% of the floor's, no interpreter downloaded" % (label, what),
                    met and not interpreter,
                    ", ".join(parts) + "; interpreter %s" % ("downloaded" if interpreter else "not downloaded"))
    outside = sum(len(run["outside"]) for phases in results.values() for runs in phases.values() for run in runs)
    row("requests to any host but the site", outside == 0, "%d" % outside)
    return rows


_MILESTONES = (
    ("page received", lambda name: False),
    ("Material's script received", lambda name: "/javascripts/bundle." in name),
    ("PyScript received", lambda name: name.endswith("/core.js") or "/core-" in name),
    ("the interpreter's wasm received", lambda name: name.endswith((".wasm",))),
    ("decision_core received", lambda name: name.endswith((".tar.gz", ".whl"))),
)


def breakdown(results, label=SHARE, profile="mobile"):
    """Milestones and the largest files of the median cold load of the share link on the mobile profile."""
    runs = sorted((r for r in results.get((label, profile), {}).get("cold", []) if r.get("end")),
                  key=lambda r: r["end"])
    if not runs:
        return []
    run = runs[len(runs) // 2]
    entries = run["resources"]
    lines = ["| milestone (median cold load, %s, %s) | seconds after navigation |" % (label, profile), "|---|---|",
             "| page received | %s |" % _seconds(entries[0][3]),
             "| first contentful paint | %s |" % _seconds(run["fcp"])]
    last_needed = entries[0][3]
    for name, match in _MILESTONES[1:]:
        hits = [entry for entry in entries[1:] if match(entry[0])]
        if hits:
            end = max(entry[3] for entry in hits)
            last_needed = max(last_needed, end)
            lines.append("| %s | %s |" % (name, _seconds(end)))
    lines.append("| result shown | %s |" % _seconds(run["end"]))
    lines += ["", "Everything the result needs had arrived %s after navigation; the remaining %s until the result "
              "is processor work at a quarter of this machine's speed (Material's script, PyScript and MicroPython "
              "starting, importing `decision_core`, the recommendation, writing the page). Main-thread time beyond "
              "50 ms per task (blocking time): %.0f ms." % (
                  _seconds(last_needed), _seconds(run["end"] - last_needed), run["blocking"]),
              "", "| largest files of that load | transferred |", "|---|---|"]
    for name, size, _start, _end in sorted(entries[1:], key=lambda entry: -entry[1])[:8]:
        lines.append("| `%s` | %s |" % (name.split("?")[0].rsplit("/", 1)[-1], _kb(size)))
    return lines


def page(*, date, runs, lighthouse_runs, machine, load, minutes, plan, results, scores, build_times, rates, notes):
    """The whole Performance page, as Markdown."""
    build = ", ".join("%s %.1f s" % (name, seconds) for name, seconds in build_times.items())
    throughput = "\n".join("| %s | %s | {:,} | %.2f s | {:,.0f} |".format(r["count"], r["rate"]) % (
        r["runtime"], r["what"], r["seconds"]) for r in rates)
    return PAGE.format(
        date=date, runs=runs, lighthouse_runs=lighthouse_runs, machine=machine,
        load_before="%.1f" % load[0], load_after="%.1f" % load[1], minutes="%.0f" % minutes,
        verdicts="\n".join(verdicts(results, scores)), loads="\n".join(loads_table(plan, results)),
        details="\n    ".join(details_table(plan, results)), lighthouse="\n".join(lighthouse_table(scores)),
        breakdown="\n".join(breakdown(results)), notes=notes, build=build, throughput=throughput)


PAGE = """---
description: How fast the guide and a shared result open on loopback and on a mid-range phone over slow 4G, against a plain Material page, with Lighthouse's scores, the targets and what dominates.
---

# Performance {{ #performance }}

Measured on {date} by `make bench` (`bench/run.py`), which builds the site, measures it and rewrites this page
({minutes} minutes). Every page-load figure is the median of {runs} loads; Lighthouse ran {lighthouse_runs} times per
page. The floor is a plain Material site showing the same long page (the framework) with no overrides and no
widget, built, served and measured in the same run: the ratios to it (×) hold better than the raw times on a busy
machine.

Machine: {machine}. Load average when the run started and ended: {load_before} and {load_after} (on 2 cores;
anything above 2 means other work shared the processor and stretched every figure).

**How it is served and loaded.** Every site is served from 127.0.0.1 as the [maintainers' page](maintainers.md#hosting)
tells hosts to: HTTP/1.1, the build's precompressed copies (Brotli, else gzip), a year of caching for
content-addressed files and `no-cache` for the rest. *Cold* is a fresh browser context (empty cache), *warm* a second
visit in the same context. *Mobile* is Lighthouse's mobile profile applied through the DevTools protocol: 150 ms
added to every request, 1.6 Mbit/s down, 750 kbit/s up, processor four times slower. A load is timed until its event
(the load event, the widget ready, or the share link's result shown); its bytes are counted until the network has
been quiet for half a second, headers included.

## Targets {{ #targets }}

| target | verdict | measured |
|---|---|---|
{verdicts}

## Page loads {{ #page-loads }}

{loads}

In brackets: the time divided by the floor's, same profile and same visit. The share link is `quiz/` with the answers
of the second public case in its address.

??? info "Spread, first paint and main-thread blocking of every load"

    {details}

## Lighthouse, mobile preset {{ #lighthouse }}

Median score and metrics of the runs (each run's score in brackets); `npm lighthouse` 12.2.3 with its default
mobile preset and simulated throttling, driving the same Chromium.

{lighthouse}

## What dominates {{ #what-dominates }}

{breakdown}

{notes}

## Build and engine {{ #build-and-engine }}

Site builds (`mkdocs build --strict`, with the bytecode compiled and the precompressed copies written): {build}.

| runtime | what | recommendations | time | per second |
|---|---|---|---|---|
{throughput}
"""
