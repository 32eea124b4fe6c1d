"""The package's front door: `__all__` is sorted and lists exactly the public names."""

import types

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
