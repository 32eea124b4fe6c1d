"""Build-time part of the cost and latency calculator (a MkDocs hook, listed under `hooks:`).

- Replaces the `<!-- calculator:widget -->` marker in `docs/calculator.md`
  with the whole calculator from `decision_core.calculator`: the results for
  the default inputs (sentences, table, chart and its table alternative) and
  the form, so the page shows figures and controls before any script runs.
- Adds the calculator's stylesheet, `assets/widgets/calculator.css`, to every
  page, as `extra_css` would (the same `<head>` everywhere keeps Material's
  instant navigation working).

The glue that keeps the figures in step with the form in the browser,
`docs/assets/widgets/calculator.py`, is unpacked and run by the widget
runtime (overrides/hooks/runtime.py, docs/assets/widgets/widgets.py).
"""

MARKER = "<!-- calculator:widget -->"
"""The comment in a page's Markdown that the calculator replaces."""

STYLESHEET = "assets/widgets/calculator.css"
"""The calculator's stylesheet, site-relative."""


def on_config(config):
    """Add the stylesheet to every page."""
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    return config


def on_page_content(html, page, config, files):
    """Replace the marker with the calculator rendered from `decision_core.calculator`."""
    if MARKER not in html:
        return html
    from decision_core.calculator import calculator_html

    return html.replace(MARKER, calculator_html(), 1)
