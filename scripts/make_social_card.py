"""Make the site's link-preview image, docs/assets/images/social-card.png (1200×630).

The card is a small HTML page drawn by headless Chromium and saved as a PNG.
Run it again only when the card's wording or design changes, and commit the
PNG: the site build does not run it.

    .venv/bin/python -m scripts.make_social_card   (from the repository's root)

Needs Python Playwright and Debian's Chromium (`make setup`).
"""

import sys
import tempfile
from pathlib import Path

from tests.support.browser import chromium

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "docs" / "assets" / "images" / "social-card.png"

CARD = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><style>
  html, body { margin: 0; width: 1200px; height: 630px; }
  body {
    box-sizing: border-box; padding: 72px 80px; display: flex; flex-direction: column;
    justify-content: space-between; font-family: "DejaVu Sans", "Liberation Sans", sans-serif;
    color: #fff; background: #303f9f; border-bottom: 16px solid #ff4081;
  }
  .kicker { font-size: 30px; letter-spacing: 0.08em; text-transform: uppercase; opacity: 0.85; }
  h1 { margin: 18px 0 0; font-size: 84px; line-height: 1.05; font-weight: 700; }
  p { margin: 26px 0 0; font-size: 34px; line-height: 1.35; max-width: 980px; opacity: 0.95; }
  .choices { display: flex; gap: 20px; }
  .choice {
    padding: 14px 28px; border: 3px solid rgba(255, 255, 255, 0.85); border-radius: 14px;
    font-size: 32px; font-weight: 700;
  }
</style></head><body>
  <div>
    <div class="kicker">The decision guide</div>
    <h1>RAG, fine-tuning, or both?</h1>
    <p>Four questions, a decision table, costs and worked examples to choose for your own project.</p>
  </div>
  <div class="choices">
    <span class="choice">RAG</span><span class="choice">Fine-tuning</span><span class="choice">Both</span>
  </div>
</body></html>
"""


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        page_file = Path(folder) / "card.html"
        page_file.write_text(CARD, encoding="utf-8")
        with chromium() as browser:
            page = browser.new_page(viewport={"width": 1200, "height": 630}, device_scale_factor=1)
            page.goto(page_file.as_uri())
            OUTPUT.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(OUTPUT), clip={"x": 0, "y": 0, "width": 1200, "height": 630})
    print("wrote", OUTPUT.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
