"""Where an element is on the reader's screen, once the page has stopped moving.

    from tests.support.viewport import WIDTHS, in_view, settle

    settle(page)                      # scrolling and layout have stopped
    assert in_view(page, "[data-link-notice]"), "the notice is where the reader lands"

"Present in the page" is not enough for a reader on a phone: these helpers
check an element's bounding box against the viewport, below Material's
sticky header, after the page settles (its scroll position and the element's
box unchanged over several animation frames), and that nothing covers or
clips it where it shows (what the browser finds at that point is the element
or inside it). No fixed sleeps.
"""

WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
"""The two viewports every reader-facing behaviour is checked at."""

_SETTLE = """(selector) => new Promise((resolve) => {
  let last = "", same = 0, frames = 0;
  const step = () => {
    const element = selector ? document.querySelector(selector) : null;
    const box = element ? element.getBoundingClientRect() : {top: 0, height: 0};
    const now = [window.scrollY, document.documentElement.scrollHeight, box.top, box.height].join(",");
    same = now === last ? same + 1 : 0;
    last = now;
    frames += 1;
    if (same >= 5 || frames > 600) resolve(frames); else requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})"""

_BOX = """(selector) => {
  const element = document.querySelector(selector);
  if (!element) return null;
  const box = element.getBoundingClientRect();
  const header = document.querySelector(".md-header");
  const headerBottom = header ? header.getBoundingClientRect().bottom : 0;
  const style = getComputedStyle(element);
  // What the reader sees at a point of the element's visible part: the
  // element itself (or something inside it), not a cover or a clipping edge.
  const x = Math.min(Math.max(box.left + Math.min(box.width / 2, 20), 0), window.innerWidth - 1);
  const y = Math.min(Math.max(box.top, headerBottom) + Math.min(box.height / 2, 10), window.innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  return {top: box.top, bottom: box.bottom, left: box.left, right: box.right, height: box.height,
          width: box.width, viewportHeight: window.innerHeight, viewportWidth: window.innerWidth,
          headerBottom: headerBottom, uncovered: !!hit && (hit === element || element.contains(hit)),
          shown: box.width > 0 && box.height > 0 && style.visibility !== "hidden" && !element.closest("[hidden]")};
}"""


def settle(page, selector: "str | None" = None) -> None:
    """Wait until the page's scroll position and height (and `selector`'s box) stay put for five frames."""
    page.evaluate(_SETTLE, selector)


def box(page, selector: str) -> "dict | None":
    """The element's box in the viewport, the viewport's size and the sticky header's bottom edge."""
    return page.evaluate(_BOX, selector)


def in_view(page, selector: str, whole: bool = False) -> bool:
    """Whether the element is shown on the screen, below the sticky header, after the page settles.

    Args:
        page: A Playwright page.
        selector: The element's CSS selector.
        whole: Require the whole element on screen; otherwise its top edge
            and at least 40 px of it (or all of a smaller element).

    Returns:
        True when the reader sees it without scrolling, uncovered.
    """
    settle(page, selector)
    found = box(page, selector)
    if not found or not found["shown"] or not found["uncovered"]:
        return False
    top_ok = found["top"] >= found["headerBottom"] - 1
    if whole:
        return top_ok and found["bottom"] <= found["viewportHeight"] + 1
    visible = min(found["height"], 40)
    return top_ok and found["top"] + visible <= found["viewportHeight"] + 1
