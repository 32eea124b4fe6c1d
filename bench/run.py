"""Benchmark: how fast the guide and a shared result open, against a plain Material page, on loopback and a phone.

`make bench` runs this. It builds what it measures into a temporary folder:
the guide (MicroPython, the default), a plain Material site whose only page
is the guide's framework page as built (the same article: text, generated
tables, headings; no overrides, extra stylesheets or scripts, no widget: the
floor), and, unless `--no-pyodide`, the guide with Pyodide. It serves them on 127.0.0.1 as the maintainers' page tells
hosts to (precompressed copies, a year of caching for content-addressed
files, `no-cache` for the rest; `tests/support/server.py`), and:

1. loads pages in headless Chromium (`bench/loads.py`), cold and warm, on
   loopback and on Lighthouse's mobile profile (slow 4G, processor 4x
   slower), alternating pages every round so drift hits all alike;
2. runs Lighthouse's performance audit on its mobile preset
   (`bench/lighthouse.py`) on the floor, the home page, a guide page and the
   share link;
3. times the site build and `decision_core`'s throughput (`bench/throughput.py`).

It prints the report and writes it to docs/performance.md, with the targets
of issue 15 and whether each is met. Speed is never asserted by a test.

Every run's figures are kept in bench/results/ (not committed); `--from-results` writes
the page again from them (after editing bench/notes.md, say).

Usage: python -m bench.run [--runs N] [--lighthouse-runs N] [--no-pyodide] [--out FILE] [--from-results JSON]
"""

import argparse
import datetime
import json
import os
import pathlib
import platform
import subprocess
import sys
import tempfile
import time

from bench import lighthouse, loads, report, throughput
from sitegen.precompress import precompress_site
from tests.support.browser import launch
from tests.support.server import SiteServer

ROOT = pathlib.Path(__file__).resolve().parent.parent

GUIDE_PAGE = "framework/"
"""The guide page compared with the floor, which shows the same built article as a plain Material page."""


def share_link() -> str:
    """The share link of the second public case (a result with reasons and caveats)."""
    from decision_core.model.sharelink import share_url

    return share_url(json.loads((ROOT / "scenarios" / "public.json").read_text())[1]["answers"])


def floor_markdown(site: pathlib.Path) -> str:
    """The floor's only page: the guide page's built article, as raw HTML, so that both show the same content."""
    html = (site / GUIDE_PAGE / "index.html").read_text(encoding="utf-8")
    start = html.index(">", html.index("<article")) + 1
    return "<div>\n%s\n</div>\n" % html[start:html.index("</article>")].strip()


def _build(out: pathlib.Path, interpreter: str) -> float:
    env = dict(os.environ, WIDGET_INTERPRETER=interpreter, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
                   cwd=ROOT, env=env, check=True)
    return time.perf_counter() - start


def build_sites(tmp: pathlib.Path, pyodide: bool) -> "tuple[dict[str, pathlib.Path], dict[str, float]]":
    """Build the guide (and its Pyodide variant) and the floor; return their folders and build times."""
    sites, times = {}, {}
    for name in ("micropython",) + (("pyodide",) if pyodide else ()):
        times[name] = _build(tmp / name, name)
        sites[name] = tmp / name
    floor_src = tmp / "floor-src"
    (floor_src / "docs").mkdir(parents=True)
    (floor_src / "docs" / "index.md").write_text(floor_markdown(sites["micropython"]), encoding="utf-8")
    (floor_src / "mkdocs.yml").write_text(
        "site_name: Floor\ntheme:\n  name: material\n  font: false\n"
        "  features: [navigation.instant]\nmarkdown_extensions: [attr_list, admonition, tables, md_in_html]\n")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", str(tmp / "floor")],
                   cwd=floor_src, check=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    precompress_site(tmp / "floor")  # served like the guide: the floor gets the same copies
    sites["floor"] = tmp / "floor"
    return sites, times


def plan_loads(sites, servers) -> "list[tuple[loads.Target, loads.Profile]]":
    """What is loaded, on which profile: every page on loopback; the floor, a guide page, the share link on mobile."""
    share = share_link()
    guide, floor = servers["micropython"], servers["floor"]
    targets = {
        "floor": loads.Target(report.FLOOR, floor, "", "load"),
        "home": loads.Target("home", guide, "", "load"),
        "guide": loads.Target("guide page", guide, GUIDE_PAGE, "load"),
        "quiz": loads.Target("quiz", guide, "quiz/", "ready"),
        "calculator": loads.Target("calculator", guide, "calculator/", "ready"),
        "share": loads.Target(report.SHARE, guide, share, "choice"),
        "share-gzip": loads.Target(report.SHARE_GZIP, servers["gzip"], share, "choice"),
    }
    plan = [(targets[name], loads.LOOPBACK) for name in ("floor", "home", "guide", "quiz", "calculator", "share")]
    if "pyodide" in servers:
        plan.append((loads.Target(report.SHARE_PYODIDE, servers["pyodide"], share, "choice"), loads.LOOPBACK))
    plan += [(targets[name], loads.MOBILE) for name in ("floor", "guide", "share", "share-gzip")]
    return plan


def run_lighthouse(servers, runs: int, say=print) -> "dict[str, list[dict]]":
    """Lighthouse `runs` times on each page, alternating pages; `{}` when Lighthouse is not installed."""
    pages = ((report.FLOOR, servers["floor"], ""), ("home", servers["micropython"], ""),
             ("guide page", servers["micropython"], GUIDE_PAGE), (report.SHARE, servers["micropython"], share_link()))
    results = {label: [] for label, _server, _path in pages}
    for round_number in range(runs):
        for label, server, path in (pages if round_number % 2 == 0 else pages[::-1]):
            try:
                results[label].append(lighthouse.run(server.url(path)))
            except lighthouse.LighthouseUnavailable as error:
                say("Lighthouse skipped: %s" % error)
                return {}
        say("Lighthouse round %d of %d done" % (round_number + 1, runs))
    return results


def machine(chromium_version: str) -> str:
    """The machine, as the report describes it."""
    cpu = "unknown CPU"
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return "%d cores (%s), %.0f GiB memory, %s; Python %s; Chromium %s (headless)" % (
        os.cpu_count(), cpu, memory, platform.platform(terse=True), platform.python_version(), chromium_version)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds of page loads (default 5)")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page (default 3; 0: none)")
    parser.add_argument("--no-pyodide", action="store_true", help="leave out the Pyodide build and its loads")
    parser.add_argument("--out", default=str(ROOT / "docs" / "performance.md"))
    parser.add_argument("--from-results", metavar="JSON",
                        help="write the page again from a run's saved figures (bench/results/*.json), measuring nothing")
    args = parser.parse_args(argv)
    if args.from_results:
        return write(json.loads(pathlib.Path(args.from_results).read_text()), args.out)
    say = lambda text: print(text, file=sys.stderr, flush=True)  # noqa: E731
    load_before = os.getloadavg()
    started = time.perf_counter()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="decision-bench-") as tmpdir:
        say("building the sites...")
        sites, build_times = build_sites(pathlib.Path(tmpdir), not args.no_pyodide)
        servers = {name: SiteServer(path, compress="static", cache=True) for name, path in sites.items()}
        servers["gzip"] = SiteServer(sites["micropython"], compress="gzip", cache=True)
        try:
            with sync_playwright() as playwright:
                browser = launch(playwright)
                chromium_version = browser.version
                plan = plan_loads(sites, servers)
                results = loads.run_rounds(browser, plan, args.runs, say)
                browser.close()
            scores = run_lighthouse(servers, args.lighthouse_runs, say) if args.lighthouse_runs else {}
        finally:
            for server in servers.values():
                server.close()
        say("throughput...")
        rates = throughput.measure_all()
    saved = {
        "date": datetime.date.today().isoformat(), "runs": args.runs, "lighthouse_runs": args.lighthouse_runs,
        "machine": machine(chromium_version), "load": [load_before[0], os.getloadavg()[0]],
        "minutes": (time.perf_counter() - started) / 60,
        "plan": [[target.label, target.wait, profile.name] for target, profile in plan],
        "results": [[label, profile, phases] for (label, profile), phases in results.items()],
        "scores": scores, "build_times": build_times, "rates": rates,
    }
    folder = ROOT / "bench" / "results"
    folder.mkdir(exist_ok=True)
    (folder / ("%s.json" % time.strftime("%Y%m%d-%H%M%S"))).write_text(json.dumps(saved))
    return write(saved, args.out)


def write(saved: dict, out: str) -> int:
    """Write the Performance page from a run's figures (and bench/notes.md), and print it."""
    plan = [(report.Row(label, wait), profile) for label, wait, profile in saved["plan"]]
    text = report.page(
        date=saved["date"], runs=saved["runs"], lighthouse_runs=saved["lighthouse_runs"], machine=saved["machine"],
        load=saved["load"], minutes=saved["minutes"], plan=plan,
        results={(label, profile): phases for label, profile, phases in saved["results"]},
        scores=saved["scores"], build_times=saved["build_times"], rates=saved["rates"],
        notes=(ROOT / "bench" / "notes.md").read_text().strip())
    pathlib.Path(out).write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
