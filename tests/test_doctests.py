"""The examples in the docstrings (what mkdocstrings shows) run, in every module of decision_core and sitegen."""

import doctest
import importlib
import pkgutil
import re

import pytest

import decision_core
import sitegen

MODULES = sorted(
    info.name
    for package in (decision_core, sitegen)
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + ".")
) + ["decision_core"]
"""Every module of the two packages (and the package's front door)."""

_EXAMPLE = re.compile(r"^\s*Examples?:\s*$", re.M)


def _source(module) -> str:
    with open(module.__file__, encoding="utf-8") as handle:
        return handle.read()


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_give_the_output_they_claim(name):
    """Each module's `>>>` examples print what their docstring says; a module with an `Example:` section has some."""
    module = importlib.import_module(name)
    source = _source(module)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, report=True)
    assert result.failed == 0, "%s: %d of %d examples failed" % (name, result.failed, result.attempted)
    if _EXAMPLE.search(source):
        assert result.attempted > 0, "%s has an Example: section but no example ran" % name
