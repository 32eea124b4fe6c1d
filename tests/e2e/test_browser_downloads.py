"""What a widget page downloads: PyScript without the plugins the site turns off, decision_core in one request."""

import pytest

from tests.e2e.helpers import wait_ready

pytestmark = pytest.mark.browser

PLUGINS_OFF = ("py-editor", "py-terminal", "py-game", "donkey", "deprecations-manager", "codemirror")
"""PyScript plugins the site turns off (runtime.js): none of their files may be fetched."""


def _requests_while_ready(page, url, interpreter):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url)
    wait_ready(page, interpreter)
    page.wait_for_load_state("load")
    return requested


@pytest.mark.parametrize("interpreter", ["micropython", "pyodide"])
def test_widget_pages_fetch_no_plugin_the_site_turns_off(context, request, interpreter):
    """Of PyScript's files, a quiz fetches its core and the error plugin it always imports; no turned-off plugin."""
    server = request.getfixturevalue("guide_server" if interpreter == "micropython" else "pyodide_server")
    requested = _requests_while_ready(context.new_page(), server.url("quiz/"), interpreter)
    pyscript = [url.rsplit("/", 1)[1] for url in requested if "/assets/runtime/pyscript/" in url]
    assert "core.js" in pyscript
    assert not [name for name in pyscript if name.startswith(PLUGINS_OFF)]


def test_micropython_gets_decision_core_as_bytecode_in_one_request(context, guide_server):
    """Under MicroPython the quiz fetches one archive for decision_core and the glue, and no Python source."""
    requested = _requests_while_ready(context.new_page(), guide_server.url("quiz/"), "micropython")
    archives = [url for url in requested if url.endswith(".tar.gz")]
    assert len(archives) == 1 and "/assets/runtime/mpy/" in archives[0]
    assert not [url for url in requested if url.endswith((".py", ".whl", ".zip"))]
