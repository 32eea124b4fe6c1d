"""Benchmark: how fast the guide and its widget are, against the alternatives.

Builds three sites into a temporary folder — the guide with MicroPython (the
default), the guide with Pyodide, and a plain Material site with the same
long page and no widget (the floor) — serves them on 127.0.0.1 and loads each
page in headless Chromium, cold (a fresh browser context: empty cache) and
warm (the same context, second visit), alternating pages and variants within
every round so that machine drift hits all alike. Also times the site build
and `decision_core`'s throughput under CPython and MicroPython.

Prints the figures and writes them to docs/performance.md.

Usage: python -m bench.run [--runs N] [--out docs/performance.md]   (from the repository's root)
"""

import argparse
import datetime
import json
import os
import pathlib
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from bench import throughput
from tests.support.browser import launch
from tests.support.server import SiteServer

ROOT = pathlib.Path(__file__).resolve().parent.parent
INTERPRETER_FILES = ("micropython.wasm", "pyodide.asm.wasm")

# Records, in page time, when the widget first reports each state.
_OBSERVER = """
(() => {
  const marks = (window.__bench = {});
  const look = () => {
    const t = performance.now();
    const root = document.querySelector('[data-state]');
    if (root) {
      const s = root.getAttribute('data-state');
      if (!(s in marks)) marks[s] = t;
    }
    if (!('choice' in marks) && document.querySelector('[data-choice]:not([data-choice=""])')) marks.choice = t;
  };
  new MutationObserver(look).observe(document, {subtree: true, childList: true, attributes: true,
    attributeFilter: ['data-state', 'data-choice']});
  document.addEventListener('DOMContentLoaded', look);
})();
"""


def build_sites(tmp):
    """Build the three variants; return their folders and the default build's time in seconds."""
    sites = {}
    times = {}
    # The first build makes the wheel; the second takes it from the cache.
    shutil.rmtree(ROOT / ".cache" / "wheels", ignore_errors=True)
    for name, interp in (("micropython", "micropython"), ("pyodide", "pyodide")):
        out = tmp / name
        env = dict(os.environ, WIDGET_INTERPRETER=interp)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
                       cwd=ROOT, env=env, check=True)
        times[name] = time.perf_counter() - start
        sites[name] = out
    floor_src = tmp / "floor-src"
    (floor_src / "docs").mkdir(parents=True)
    shutil.copy(ROOT / "docs" / "framework.md", floor_src / "docs" / "index.md")
    (floor_src / "mkdocs.yml").write_text(
        "site_name: Floor\ntheme:\n  name: material\n  font: false\n"
        "  features: [navigation.instant]\nmarkdown_extensions: [attr_list, admonition, tables, md_in_html]\n"
    )
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", str(tmp / "floor")],
                   cwd=floor_src, check=True)
    sites["floor"] = tmp / "floor"
    return sites, times


PHONE_NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 10e6 / 8, "uploadThroughput": 5e6 / 8}
"""An emulated mobile connection: 150 ms round trip, 10 Mbit/s down, 5 Mbit/s up."""


def measure(context, url, origin, wait_widget, network=None):
    """Load `url` in a new page of `context`; return the figures of that load."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    if network:
        cdp.send("Network.emulateNetworkConditions", network)
    seen = {"bytes": 0, "requests": 0, "outside": [], "interpreter": False}

    def sent(event):
        u = event["request"]["url"]
        if u.startswith("data:") or u.startswith("blob:"):
            return
        seen["requests"] += 1
        if not u.startswith(origin):
            seen["outside"].append(u)
        if u.rsplit("/", 1)[-1].split("?")[0] in INTERPRETER_FILES:
            seen["interpreter"] = True

    def finished(event):
        seen["bytes"] += event.get("encodedDataLength", 0)

    cdp.on("Network.requestWillBeSent", sent)
    cdp.on("Network.loadingFinished", finished)
    page.goto(url, wait_until="load")
    marks = {}
    if wait_widget:
        page.wait_for_function(
            "() => window.__bench && ('ready' in window.__bench || 'error' in window.__bench)"
            + (" && ('choice' in window.__bench || 'error' in window.__bench)" if wait_widget == "choice" else ""),
            timeout=60000)
        marks = page.evaluate("() => window.__bench")
    else:
        page.wait_for_timeout(300)
    fcp = page.evaluate(
        "() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null")
    resources = page.evaluate(
        "() => [[location.pathname, 0, 0, performance.getEntriesByType('navigation')[0].responseEnd]].concat("
        "performance.getEntriesByType('resource').map(e => [e.name, e.transferSize, e.startTime, e.responseEnd]))")
    page.wait_for_timeout(200)
    page.close()
    return {"fcp": fcp, "ready": marks.get("ready"), "choice": marks.get("choice"),
            "error": marks.get("error"), "bytes": seen["bytes"], "requests": seen["requests"],
            "outside": seen["outside"], "interpreter": seen["interpreter"], "resources": resources}


def run_browser(sites, runs):
    from decision_core.model.sharelink import share_url  # built by the package; no copy here

    share = share_url(json.loads((ROOT / "scenarios" / "public.json").read_text())[1]["answers"])
    pages = (
        ("home", "", None),
        ("guide page", "authorities/", None),
        ("quiz", "quiz/", "ready"),
        ("share link", share, "choice"),
        ("calculator", "calculator/", "ready"),
    )
    servers = {name: SiteServer(path) for name, path in sites.items()}
    servers["micropython, gzip"] = SiteServer(sites["micropython"], compress=True)
    servers["micropython, gzip, phone network"] = SiteServer(sites["micropython"], compress=True)
    plan = [("floor", "plain Material page", "", None)]
    for variant in ("micropython", "micropython, gzip", "micropython, gzip, phone network", "pyodide"):
        for label, path, wait in pages:
            if variant != "micropython" and wait is None:
                continue  # pages without a widget depend neither on the interpreter nor on compression
            if variant.endswith("phone network") and label != "share link":
                continue
            site = sites[variant.split(",")[0]]
            if not (site / path.split("?")[0].split("#")[0] / "index.html").exists():
                continue
            plan.append((variant, label, path, wait))
    results = {(v, label): {"cold": [], "warm": []} for v, label, _, _ in plan}
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = launch(pw)
        for i in range(runs):
            order = plan if i % 2 == 0 else list(reversed(plan))
            for variant, label, path, wait in order:
                server = servers[variant]
                origin = server.base.rstrip("/")
                context = browser.new_context()
                context.add_init_script(_OBSERVER)
                network = PHONE_NETWORK if variant.endswith("phone network") else None
                for phase in ("cold", "warm"):
                    results[(variant, label)][phase].append(
                        measure(context, server.url(path), origin, wait, network))
                context.close()
            print("round %d of %d done" % (i + 1, runs), file=sys.stderr)
        version = browser.version
        browser.close()
    for server in servers.values():
        server.close()
    return plan, results, version


def _stats(values):
    values = [v for v in values if v is not None]
    if not values:
        return None
    return statistics.median(values), min(values), max(values)


def _ms(stat):
    return "—" if stat is None else "%.0f ms (%.0f–%.0f)" % stat


def _kb(stat):
    return "—" if stat is None else "%.0f kB" % (stat[0] / 1000)


_MILESTONES = (
    ("page HTML received", lambda name: False),
    ("PyScript core requested", lambda name: name.endswith("/pyscript/core.js")),
    ("interpreter module requested", lambda name: name.endswith(("micropython.mjs", "pyodide.mjs"))),
    ("interpreter wasm requested", lambda name: name.endswith(("micropython.wasm", "pyodide.asm.wasm"))),
    ("interpreter wasm received", lambda name: False),
    ("decision_core wheel received", lambda name: name.endswith(".whl")),
)


def cold_breakdown(runs, end_key):
    """Milestones and the largest files of the median cold load of a widget page."""
    timed = sorted((r for r in runs if r.get(end_key) is not None), key=lambda r: r[end_key])
    if not timed:
        return []
    run = timed[len(timed) // 2]
    entries = run["resources"]
    lines = ["| milestone (median cold run) | ms after navigation |", "|---|---|",
             "| page HTML received | %.0f |" % entries[0][3]]
    for label, match in _MILESTONES[1:]:
        hits = [e for e in entries[1:] if match(e[0])]
        if hits:
            lines.append("| %s | %.0f |" % (label, hits[0][2] if "requested" in label else hits[0][3]))
        if label == "interpreter wasm requested" and hits:
            lines.append("| interpreter wasm received | %.0f |" % hits[0][3])
    lines.append("| widget %s | %.0f |" % ("result shown" if end_key == "choice" else "ready", run[end_key]))
    lines += ["", "| largest files of that load | transferred |", "|---|---|"]
    for name, size, _, _ in sorted(entries[1:], key=lambda e: -e[1])[:8]:
        lines.append("| `%s` | %.0f kB |" % (name.split("?")[0].rsplit("/", 1)[-1], size / 1000))
    return lines


def machine_description(chromium_version):
    cpu = "unknown CPU"
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return "%d cores (%s), %.0f GiB memory, %s; Python %s; Chromium %s (headless); served from 127.0.0.1 without compression" % (
        os.cpu_count(), cpu, mem, platform.platform(terse=True), platform.python_version(), chromium_version)


def report(plan, results, build_times, rates, runs, chromium_version):
    """Return the Markdown report and a list of target verdicts."""
    def stat(variant, label, phase, key):
        return _stats([r[key] for r in results[(variant, label)][phase]])

    lines = []
    floor_fcp = stat("floor", "plain Material page", "cold", "fcp")
    rows = []
    for variant, label, _, wait in plan:
        cold_end = "choice" if wait == "choice" else "ready"
        cold = stat(variant, label, "cold", cold_end) if wait else None
        warm = stat(variant, label, "warm", cold_end) if wait else None
        outside = sum(len(r["outside"]) for p in ("cold", "warm") for r in results[(variant, label)][p])
        interp = any(r["interpreter"] for r in results[(variant, label)]["cold"])
        fcp = stat(variant, label, "cold", "fcp")
        ratio = "%.2f×" % (fcp[0] / floor_fcp[0]) if fcp and floor_fcp else "—"
        rows.append("| %s | %s | %s | %s | %s | %s | %s | %s | %d | %s |" % (
            label, variant if variant != "floor" else "none (floor)", _ms(fcp), ratio,
            _ms(cold) + (" (result)" if wait == "choice" else "") if wait else "no widget",
            _ms(warm) if wait else "—",
            _kb(stat(variant, label, "cold", "bytes")),
            "%.0f" % stat(variant, label, "cold", "requests")[0], outside, "yes" if interp else "no"))
    lines += [
        "| page | variant | first contentful paint, cold | vs floor | widget ready (cold) | widget ready (warm) | transferred, cold | requests, cold | requests outside the site | interpreter downloaded |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ] + rows
    verdicts = []

    def target(name, ok, detail):
        verdicts.append("| %s | %s | %s |" % (name, "met" if ok else "**missed**", detail))

    for label in ("home", "guide page"):
        fcp = stat("micropython", label, "cold", "fcp")
        if fcp and floor_fcp:
            over = fcp[0] / floor_fcp[0] - 1
            interp = any(r["interpreter"] for r in results[("micropython", label)]["cold"])
            target("%s: first paint within 10%% of the floor, no interpreter" % label,
                   over <= 0.10 and not interp, "%+.0f%% (%.0f ms against %.0f ms); interpreter %s" % (
                       over * 100, fcp[0], floor_fcp[0], "downloaded" if interp else "not downloaded"))
    share = stat("micropython", "share link", "cold", "choice")
    def against(value, limit, unit="ms", scale=1):
        text = ("%.0f ms" if unit == "ms" else "%.2f MB") % (value / scale)
        if value > limit:
            text += (" (%.0f ms over)" if unit == "ms" else " (%.2f MB over)") % ((value - limit) / scale)
        return text

    if share:
        target("share link, cold: result within 1.0 s (MicroPython)", share[0] <= 1000, against(share[0], 1000))
    warm = stat("micropython", "share link", "warm", "choice")
    if warm:
        target("share link, warm: result within 0.4 s", warm[0] <= 400, against(warm[0], 400))
    quiz_bytes = stat("micropython", "quiz", "cold", "bytes")
    if quiz_bytes:
        target("quiz page under 1.5 MB transferred", quiz_bytes[0] < 1.5e6,
               against(quiz_bytes[0], 1.5e6, "MB", 1e6))
    outside = sum(len(r["outside"]) for key in results for p in ("cold", "warm") for r in results[key][p])
    target("requests outside the site", outside == 0, "%d" % outside)
    breakdown = []
    for variant in ("micropython", "pyodide"):
        if (variant, "share link") in results:
            breakdown += ["", "**Share link, %s, no compression:**" % variant, ""]
            breakdown += cold_breakdown(results[(variant, "share link")]["cold"], "choice")
    return lines, verdicts, breakdown


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="rounds of every page (default 7)")
    parser.add_argument("--out", default=str(ROOT / "docs" / "performance.md"))
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="decision-bench-") as tmpdir:
        sites, build_times = build_sites(pathlib.Path(tmpdir))
        rates = throughput.measure_all()
        plan, results, chromium_version = run_browser(sites, args.runs)
        table, verdicts, breakdown = report(plan, results, build_times, rates, args.runs, chromium_version)

    today = datetime.date.today().isoformat()
    text = PAGE.format(
        date=today, runs=args.runs, machine=machine_description(chromium_version),
        table="\n".join(table), verdicts="\n".join(verdicts),
        breakdown="\n".join(breakdown).strip(), notes=(ROOT / "bench" / "notes.md").read_text().strip(),
        build="%.1f s" % build_times["micropython"], build_pyodide="%.1f s" % build_times["pyodide"],
        throughput="\n".join("| %s | %s | {:,} | %.2f s | {:,.0f} |".format(r["count"], r["rate"]) % (
            r["runtime"], r["what"], r["seconds"]) for r in rates),
    )
    pathlib.Path(args.out).write_text(text)
    print(text)
    return 0


PAGE = """---
description: How fast the guide and its live widget load, measured in headless Chromium, with the targets and what dominates the cold time.
---

# Performance {{ #performance }}

Measured on {date} by `make bench` (`bench/run.py`), which rewrites this page. Each figure is the median of
{runs} runs, with the minimum and maximum in brackets. Cold means a fresh browser context with an empty cache;
warm means a second visit in the same context. The pages and variants alternate within every round, so drift
of the machine hits all of them alike, and the plain Material page (the same long text, no overrides, no
widget) gives the floor to compare with in the same run.

Machine: {machine}.

## Page loads {{ #page-loads }}

{table}

"Widget ready" is the time from navigation until the widget reports `data-state="ready"`; for the share link it is
until the result is shown (`data-choice` present). Bytes are as transferred (headers and bodies).

## Targets {{ #targets }}

| target | verdict | measured |
|---|---|---|
{verdicts}

## Where the cold time goes {{ #cold-time }}

{notes}

{breakdown}

## Build and engine {{ #build-and-engine }}

Site build (`mkdocs build --strict`): {build} with MicroPython, building the `decision_core` wheel and copying
the runtime; {build_pyodide} with Pyodide, taking the unchanged wheel from the build cache.

| runtime | what | recommendations | time | per second |
|---|---|---|---|---|
{throughput}
"""

if __name__ == "__main__":
    sys.exit(main())
