"""Page loads in headless Chromium, on loopback and on a throttled mobile profile, cold and warm.

A load opens a page in a browser context and records, in the page's own
clock (milliseconds after navigation): first contentful paint, the load
event, when the widget reported `data-state="ready"` and when a result was
shown (`data-choice`), the long tasks on the main thread, and, from the
DevTools protocol, every request: bytes as transferred (headers included),
whether it left the site, whether it fetched an interpreter. A load ends once
its end event has happened and the network has been quiet for `QUIET_MS`, so
late downloads (Material's search index) are counted too.

Cold is a fresh context (empty cache); warm is a second visit in the same
context, in a new tab: the HTTP cache is warm, the page is not.

The mobile profile is Lighthouse's "slow 4G, mid-range phone": 150 ms added
to every request, 1.6 Mbit/s down, 750 kbit/s up, and the processor slowed
four times, applied through the DevTools protocol
(`Network.emulateNetworkConditions`, `Emulation.setCPUThrottlingRate`).
"""

import time

INTERPRETER_FILES = ("micropython.wasm", "pyodide.asm.wasm")
"""A request for one of these means the page downloaded an interpreter."""

QUIET_MS = 500
"""A load ends once no request has been in flight for this long after its end event."""

TIMEOUT_MS = 120_000
"""The longest a load may take before the benchmark gives up on it."""


class Profile:
    """Network and processor conditions for a load."""

    __slots__ = ("name", "latency_ms", "down_kbps", "up_kbps", "cpu_slowdown")

    name: str
    """`loopback` or `mobile`."""
    latency_ms: float
    """Added to every request (0: none)."""
    down_kbps: float
    """Download speed in kbit/s (0: unlimited)."""
    up_kbps: float
    """Upload speed in kbit/s (0: unlimited)."""
    cpu_slowdown: float
    """How many times slower the page's processor runs (1: as is)."""

    def __init__(self, name: str, latency_ms: float = 0, down_kbps: float = 0, up_kbps: float = 0,
                 cpu_slowdown: float = 1) -> None:
        self.name = name
        self.latency_ms = latency_ms
        self.down_kbps = down_kbps
        self.up_kbps = up_kbps
        self.cpu_slowdown = cpu_slowdown

    def apply(self, cdp) -> None:
        """Set these conditions on a page's DevTools session."""
        if self.latency_ms or self.down_kbps or self.up_kbps:
            cdp.send("Network.emulateNetworkConditions", {
                "offline": False, "latency": self.latency_ms,
                "downloadThroughput": self.down_kbps * 1000 / 8 if self.down_kbps else -1,
                "uploadThroughput": self.up_kbps * 1000 / 8 if self.up_kbps else -1,
            })
        if self.cpu_slowdown != 1:
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": self.cpu_slowdown})


LOOPBACK = Profile("loopback")
"""The machine as it is, served from 127.0.0.1."""

MOBILE = Profile("mobile", latency_ms=150, down_kbps=1638.4, up_kbps=750, cpu_slowdown=4)
"""Lighthouse's mobile preset (its `mobileSlow4G`: 150 ms, 1.6 Mbit/s as 1638.4 kbit/s, 750 kbit/s, CPU 4x)."""

# Records, in page time, when the widget first reports each state, and the long tasks.
OBSERVER = """
(() => {
  const marks = (window.__bench = {longtasks: []});
  const look = () => {
    const t = performance.now();
    const root = document.querySelector('[data-widget][data-state]');
    if (root) {
      const s = root.getAttribute('data-state');
      if (!(s in marks)) marks[s] = t;
    }
    if (!('choice' in marks) && document.querySelector('[data-choice]:not([data-choice=""])')) marks.choice = t;
  };
  new MutationObserver(look).observe(document, {subtree: true, childList: true, attributes: true,
    attributeFilter: ['data-state', 'data-choice']});
  document.addEventListener('DOMContentLoaded', look);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) marks.longtasks.push([e.startTime, e.duration]);
    }).observe({type: 'longtask', buffered: true});
  } catch (e) {}
})();
"""

_CONDITION = {
    "load": "() => performance.getEntriesByType('navigation')[0]?.loadEventStart > 0",
    "ready": "() => window.__bench && ('ready' in window.__bench || 'error' in window.__bench)",
    "choice": "() => window.__bench && ('choice' in window.__bench || 'error' in window.__bench)",
}


class Network:
    """What a page asked the network for, from the DevTools protocol's events."""

    def __init__(self, cdp, origin: str) -> None:
        self.origin = origin
        self.bytes = 0
        self.requests = 0
        self.outside: "list[str]" = []
        self.interpreter = False
        self.in_flight: "set[str]" = set()
        self.last_change = time.monotonic()
        self.cached: "set[str]" = set()
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.requestServedFromCache", lambda event: self.cached.add(event["requestId"]))
        cdp.on("Network.responseReceived", self._response)
        cdp.on("Network.loadingFinished", self._done)
        cdp.on("Network.loadingFailed", self._done)

    def _sent(self, event):
        url = event["request"]["url"]
        if url.startswith(("data:", "blob:")):
            return
        if event.get("type") == "Script" and event.get("initiator", {}).get("type") == "other":
            # A worker's own script (Material's search): it finishes in the worker's
            # session, never in the page's. What the worker fetches is seen here.
            return
        self.in_flight.add(event["requestId"])
        self.last_change = time.monotonic()
        if not url.startswith(self.origin):
            self.outside.append(url)
        if url.split("?")[0].rsplit("/", 1)[-1] in INTERPRETER_FILES:
            self.interpreter = True

    def _response(self, event):
        response = event["response"]
        if response.get("fromDiskCache") or response.get("fromPrefetchCache") or response.get("fromServiceWorker"):
            self.cached.add(event["requestId"])

    def _done(self, event):
        request = event["requestId"]
        if request not in self.in_flight:
            return
        self.in_flight.discard(request)
        self.last_change = time.monotonic()
        self.bytes += event.get("encodedDataLength", 0)
        if request not in self.cached:
            self.requests += 1

    def quiet_for(self) -> float:
        """Milliseconds since the last request started or ended, or 0 while one is in flight."""
        return 0 if self.in_flight else (time.monotonic() - self.last_change) * 1000


def measure(context, url: str, origin: str, wait: str, profile: Profile) -> "dict[str, object]":
    """Load `url` in a new tab of `context` under `profile`; return the figures of that load.

    Args:
        context: A Playwright browser context (fresh for a cold load, used once before for a warm one),
            with `OBSERVER` as an init script.
        url: The page's address.
        origin: The site's origin: requests elsewhere are counted as outside.
        wait: The end event: `load`, `ready` (the widget is ready) or `choice` (a result is shown).
        profile: The network and processor conditions.

    Returns:
        `fcp`, `load`, `ready`, `choice`, `error` (ms after navigation, None when it did not happen),
        `end` (the end event's time), `bytes`, `requests`, `outside`, `interpreter`, `blocking`
        (main-thread time beyond 50 ms in each long task, as Lighthouse sums it) and `resources`
        (`[name, bytes, start, end]` of each resource, in page time).
    """
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    profile.apply(cdp)
    network = Network(cdp, origin)
    page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
    page.wait_for_function(_CONDITION[wait], timeout=TIMEOUT_MS, polling=50)
    deadline = time.monotonic() + 30
    while network.quiet_for() < QUIET_MS and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    figures = page.evaluate("""() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const marks = window.__bench || {longtasks: []};
      return {fcp: fcp ? fcp.startTime : null, load: nav.loadEventStart || null,
              ready: marks.ready ?? null, choice: marks.choice ?? null, error: marks.error ?? null,
              longtasks: marks.longtasks,
              resources: [[location.pathname, nav.transferSize, 0, nav.responseEnd]].concat(
                performance.getEntriesByType('resource').map(
                  e => [e.name, e.transferSize, e.startTime, e.responseEnd]))};
    }""")
    page.close()
    figures["end"] = figures[wait]
    figures["blocking"] = sum(max(0.0, duration - 50) for _start, duration in figures.pop("longtasks"))
    figures.update(bytes=network.bytes, requests=network.requests, outside=network.outside,
                   interpreter=network.interpreter)
    return figures


class Target:
    """A page to load: its label, where it is served, and what ends its load."""

    __slots__ = ("label", "server", "path", "wait")

    label: str
    """How the report names it (`share link`, `floor`...)."""
    server: object
    """The `SiteServer` that serves it."""
    path: str
    """The page's site-relative address, query and fragment included."""
    wait: str
    """`load`, `ready` or `choice` (see `measure`)."""

    def __init__(self, label: str, server, path: str, wait: str) -> None:
        self.label = label
        self.server = server
        self.path = path
        self.wait = wait


def run_rounds(browser, plan: "list[tuple[Target, Profile]]", runs: int, say=print) -> "dict[tuple[str, str], dict]":
    """Load every `(target, profile)` of the plan cold then warm, `runs` times, alternating the order.

    Odd rounds go through the plan backwards, so that drift of the machine
    hits every page alike.

    Returns:
        `{(target label, profile name): {"cold": [figures...], "warm": [figures...]}}`.
    """
    results = {(target.label, profile.name): {"cold": [], "warm": []} for target, profile in plan}
    for round_number in range(runs):
        order = plan if round_number % 2 == 0 else list(reversed(plan))
        for target, profile in order:
            context = browser.new_context()
            context.add_init_script(OBSERVER)
            origin = target.server.base.split("/", 3)[:3]
            origin = "/".join(origin)
            for phase in ("cold", "warm"):
                results[(target.label, profile.name)][phase].append(
                    measure(context, target.server.url(target.path), origin, target.wait, profile))
            context.close()
        say("round %d of %d done" % (round_number + 1, runs))
    return results
