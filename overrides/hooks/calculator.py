"""Build-time part of the cost and latency calculator (a MkDocs hook, after runtime.py in `hooks:`).

- Replaces the `<!-- calculator:widget -->` marker in `docs/calculator.md`
  with the whole calculator from `decision_core.calculator`: the results for
  the default inputs (sentences, table, chart and its table alternative) and
  the form, so the page shows figures and controls before any script runs.
- Adds the calculator's stylesheet, `assets/widgets/calculator.css`, to every
  page (like `extra_css`: the same `<head>` everywhere keeps Material's
  instant navigation working).
- Bridge, until the widget runtime loads the calculator's glue itself
  (`GLUE` in overrides/hooks/runtime.py and `WIDGETS` in
  docs/assets/widgets/widgets.py): adds `assets/widgets/calculator.py` to the
  runtime's files, and puts after the widget a small Python script that runs
  its `main()`. Both steps do nothing once the runtime lists the glue.
"""

MARKER = "<!-- calculator:widget -->"
"""The comment in a page's Markdown that the calculator replaces."""

STYLESHEET = "assets/widgets/calculator.css"
"""The calculator's stylesheet, site-relative."""

GLUE = ["assets/widgets/calculator.py", "./calculator.py"]
"""The glue's URL in the site and its path in the interpreter's file system."""

_state = {}
_PLACE = "<!-- calculator:run -->"

_RUN = """<script type="%s">
from pyscript import window
try:
    import calculator
except Exception as error:
    window.__widgetRuntime.failAll('the calculator code did not load: ' + str(error))
else:
    calculator.main()
</script>"""


def on_config(config):
    """Add the stylesheet to every page."""
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    _state.clear()
    return config


def on_env(env, config, files):
    """Bridge: have the runtime unpack the calculator's glue, unless it already does."""
    runtime = env.globals.get("widget_runtime")
    if runtime:
        listed = [list(pair) for pair in runtime["files"]]
        _state["run"] = GLUE not in listed
        if GLUE not in listed:
            runtime["files"].append(list(GLUE))
        _state["type"] = runtime["type"]
    return env


def on_page_content(html, page, config, files):
    """Replace the marker with the calculator rendered from `decision_core.calculator`."""
    if MARKER not in html:
        return html
    from decision_core.calculator import calculator_html

    # MkDocs renders pages before `on_env`: the bridge's script is decided in `on_post_page`.
    return html.replace(MARKER, calculator_html() + _PLACE, 1)


def on_post_page(output, page, config):
    """Bridge: after the calculator, the script that runs its glue (or nothing once the runtime does)."""
    if _PLACE not in output:
        return output
    script = _RUN % _state["type"] if _state.get("run") else ""
    return output.replace(_PLACE, script, 1)
