"""The package's front door: `__all__` is sorted and lists exactly the public names."""

import doctest
import importlib
import types

import pytest

import decision_core


def test_all_is_sorted():
    """`__all__` is kept sorted, so additions are easy to review."""
    assert decision_core.__all__ == sorted(decision_core.__all__)


def test_all_lists_exactly_the_public_names():
    """Every public name imported into the package is in `__all__`, and nothing else is."""
    public = {name for name, value in vars(decision_core).items()
              if not name.startswith("_") and not isinstance(value, types.ModuleType)
              and name != "TYPE_CHECKING"}
    assert set(decision_core.__all__) == public


def test_every_exported_member_is_documented():
    """Every exported class and function has a docstring (mkdocstrings renders it)."""
    for name in decision_core.__all__:
        member = getattr(decision_core, name)
        if isinstance(member, (type, types.FunctionType)):
            assert member.__doc__, name


def test_exported_members_come_from_the_package():
    """Exported classes and functions are the package's own, re-exported unchanged."""
    for name in decision_core.__all__:
        member = getattr(decision_core, name)
        module = getattr(member, "__module__", "decision_core")
        assert module.startswith("decision_core"), name


@pytest.mark.parametrize("module", ["decision_core", "decision_core.framework.questions", "decision_core.model.answers",
                                    "decision_core.framework.rules", "decision_core.model.engine", "decision_core.model.sharelink",
                                    "decision_core.framework.sections", "decision_core.framework.facts",
                                    "decision_core.framework.presets", "decision_core.framework.cost_inputs",
                                    "decision_core.framework.effort", "decision_core.framework.advice_rows",
                                    "decision_core.model.advice", "decision_core.model.plan",
                                    "decision_core.model.cost_values", "decision_core.model.costs",
                                    "decision_core.model.thresholds", "decision_core.model.calculator_link",
                                    "decision_core.views.calculator", "decision_core.views.chart",
                                    "decision_core.base.format", "sitegen.facts"])
def test_docstring_examples_run(module):
    """The examples in the docstrings (what mkdocstrings shows) give the output they claim."""
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
