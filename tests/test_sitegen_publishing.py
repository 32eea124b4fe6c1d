"""Published builds never carry an address that only works on the build machine."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen import BuildError
from sitegen.publishing import check_site_url, host_of, is_loopback, is_publishing

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:8000/", "http://127.0.0.1/", "http://127.1.2.3:9/guide/", "http://localhost:8000/",
    "https://LOCALHOST/", "http://docs.localhost/", "http://0.0.0.0:8000/", "http://[::1]:8000/",
    "http://user@127.0.0.1/", "", "/guide/", "guide.example.org",
])
def test_addresses_on_this_machine_or_missing_are_loopback(url):
    """127.x, localhost (and its subdomains), 0.0.0.0, ::1, and no host at all count as this machine."""
    assert is_loopback(url)


@pytest.mark.parametrize("url", [
    "https://guide.example.org/", "http://127.0.0.1.example.org/", "https://10.0.0.5/guide/",
    "https://localhost-guide.example/", "https://[2001:db8::1]/",
])
def test_published_addresses_are_not_loopback(url):
    """A real host, a private-network address or a host that only starts like one is not loopback."""
    assert not is_loopback(url)


def test_host_of_drops_user_port_and_path():
    """The host is the part between `//` and the port or path, lower-cased."""
    assert host_of("HTTPS://me@Guide.Example:8443/a/b?c#d") == "guide.example"
    assert host_of("http://[::1]:8000/") == "[::1]"


@pytest.mark.parametrize(("command", "flag", "expected"), [
    ("build", "1", True), ("build", "true", True), ("gh-deploy", None, True), ("build", None, False),
    ("serve", "", False), ("build", "0", False), (None, "yes", True),
])
def test_publishing_is_make_build_or_gh_deploy(command, flag, expected):
    """`make build` (PUBLISHING=1) and `gh-deploy` publish; a plain build or serve does not."""
    assert is_publishing(command, flag) is expected


def test_a_published_build_refuses_a_loopback_address_and_says_what_to_set():
    """Publishing with 127.0.0.1 stops the build, naming the address and SITE_URL."""
    with pytest.raises(BuildError, match=r"http://127\.0\.0\.1:8000/, which only works on this machine.*SITE_URL="):
        check_site_url("http://127.0.0.1:8000/", publishing=True)
    with pytest.raises(BuildError, match="no address"):
        check_site_url("", publishing=True)


def test_a_local_build_with_a_loopback_address_gets_a_note_and_a_real_address_none():
    """A local build says it is not fit to publish; a real address passes silently either way."""
    assert "not to publish" in check_site_url("http://127.0.0.1:8000/", publishing=False)
    assert check_site_url("https://guide.example.org/", publishing=True) is None
    assert check_site_url("https://guide.example.org/", publishing=False) is None


def test_make_builds_publishing_build_without_site_url_fails_before_writing(tmp_path):
    """`PUBLISHING=1 mkdocs build` without SITE_URL exits non-zero with the message, and writes no site."""
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    env.update(PUBLISHING="1", NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                          cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert done.returncode != 0
    assert "only works on this machine" in done.stderr + done.stdout
    assert not (tmp_path / "site" / "index.html").exists()


def test_make_build_sets_publishing():
    """The Makefile's `build` verb is the publishing build."""
    rule = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nbuild:", 1)[1].split("\n\n", 1)[0]
    assert "PUBLISHING=1" in rule and "mkdocs build" in rule
