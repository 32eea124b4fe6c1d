# The project's verbs: the same ones locally and in CI.
#
#   make serve   set everything up, then build and serve the site on 127.0.0.1 with live reload
#   make test    set everything up, then run every test (unit, runtimes, built site, browser)
#   make build   write the static site to site/ for publishing to any static host
#                (SITE_URL=https://guide.example.org/ make build: it refuses to
#                publish with the local default address)
#   make bench   measure the site and the widget; writes docs/performance.md
#   make screenshots  PNG screenshots of the main pages and states (390 px and
#                1280 px, light and dark) in screenshots/, for a person to look at
#   make lock    re-pin the Python tools (requirements/dev.in -> requirements/dev.txt)
#   make wheel   build decision_core's wheel with `pyodide build`, offline, into dist/
#
# Everything the project needs is installed by `make setup`: Debian's Chromium
# (for the browser tests and benchmarks), a virtual environment with the pinned
# Python tools, and the pinned npm packages (PyScript and its interpreters).
#
# The tools need Python 3.12 or newer (pyodide-build does): scripts/find-python
# finds one (or installs one from the system's packages) and says what to
# install when it cannot; `make PYTHON=/path/to/python3.12 setup` names one.

VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
PYODIDE_TEST_WHEELS := .cache/pyodide/test-wheels

# Material prints an end-of-life notice at every build; the build log is ours.
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup system-deps serve build test bench screenshots lock wheel clean

setup: system-deps $(VENV)/.installed node_modules/.installed $(PYODIDE_TEST_WHEELS)/.installed

# Debian packages: Chromium for the browser tests (playwright cannot download
# browsers here). Skipped when already present; needs root (or sudo).
system-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium $$(command -v node >/dev/null || echo "nodejs npm"); \
	fi

# A .venv made by an older Python (before the tools needed 3.12) is replaced.
$(VENV)/.installed: requirements/dev.txt scripts/find-python
	@if ! $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
	  python=$$(scripts/find-python) || exit 1; \
	  echo "$(VENV): a virtual environment with $$python"; \
	  rm -rf $(VENV) && "$$python" -m venv $(VENV); \
	fi
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The pure wheels pytest-pyodide loads into Pyodide (pytest and what it needs),
# at the versions and hashes requirements/dev.txt pins for the host
# (scripts/pyodide_wheel.py test-wheels).
$(PYODIDE_TEST_WHEELS)/.installed: requirements/dev.txt $(VENV)/.installed
	$(BIN)/python scripts/pyodide_wheel.py test-wheels
	touch $@

# decision_core's wheel, made by `pyodide build` from a cross-build environment
# generated from node_modules/pyodide (scripts/pyodide_wheel.py).
wheel: setup
	$(BIN)/python scripts/pyodide_wheel.py wheel --out dist

serve: setup
	$(BIN)/mkdocs serve --strict --dev-addr $(HOST):$(PORT)

# PUBLISHING=1: the build refuses a site address on this machine (127.0.0.1,
# localhost), which would end up in canonical links, the sitemap and previews.
build: setup
	PUBLISHING=1 $(BIN)/mkdocs build --strict

# The test run builds the site itself (tests/support/site.py), once per session.
test: setup
	$(BIN)/python -m pytest --cov --cov-report=term

bench: setup
	$(BIN)/python -m bench.run

# Not a test: it asserts nothing. Look at every file before calling a change to
# a page done. Uses $(SITE_DIR) when set, else builds the site first.
screenshots: setup
	$(BIN)/python -m scripts.screenshots --out screenshots

lock: scripts/find-python
	python=$$(scripts/find-python) && "$$python" -m venv --clear .cache/lock-venv
	.cache/lock-venv/bin/pip install --quiet pip-tools==7.6.2
	.cache/lock-venv/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links -o requirements/dev.txt requirements/dev.in

clean:
	rm -rf site build dist screenshots .pytest_cache .hypothesis .coverage htmlcov
