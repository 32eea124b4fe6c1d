"""The package's layers: every import points down (base → framework → model → views → edges)."""

import ast
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "decision_core"

LAYERS = {"base": 0, "framework": 1, "model": 2, "views": 3}
"""Each subpackage's rank; a module may import its own rank or a lower one."""

EDGE = 4
"""The command line, `__main__` and the front door sit above every layer."""


def _rank(module: str) -> int:
    """The rank of a dotted module name inside `decision_core`."""
    parts = module.split(".")
    if len(parts) >= 2 and parts[1] in LAYERS:
        return LAYERS[parts[1]]
    return EDGE


def _module_name(path: pathlib.Path) -> str:
    parts = list(path.with_suffix("").parts)
    parts = parts[len(parts) - 1 - parts[::-1].index("decision_core"):]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _all_imports(path: pathlib.Path) -> "list[str]":
    """Every module a file imports (and each imported name under it), resolved to absolute names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path)
    if path.name != "__init__.py":
        package = package.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found.append(name)
            found += [name + "." + alias.name for alias in node.names]
    return found


def _imports(path: pathlib.Path) -> "list[str]":
    """Every `decision_core` module a file imports, resolved to absolute names."""
    return [name for name in _all_imports(path) if name == "decision_core" or name.startswith("decision_core.")]


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda path: _module_name(path))
def test_each_module_imports_nothing_above_its_layer(path):
    """A module of a layer imports only its own layer and the layers below it."""
    rank = _rank(_module_name(path))
    above = [name for name in _imports(path) if _rank(name) > rank]
    assert above == [], "%s (layer %d) imports from above: %s" % (_module_name(path), rank, above)


def test_every_module_sits_in_a_layer_or_is_an_edge():
    """Each module is in base, framework, model or views, except the front door, `__main__` and the CLI."""
    loose = sorted(_module_name(path) for path in MODULES if _rank(_module_name(path)) == EDGE)
    assert loose == ["decision_core", "decision_core.__main__", "decision_core.cli"]


def test_the_package_never_imports_the_build():
    """`decision_core` does not depend on `sitegen` or MkDocs: the build depends on it, not the other way."""
    for path in MODULES:
        for name in _all_imports(path):
            assert name.split(".")[0] not in ("sitegen", "mkdocs", "material"), (path, name)


def test_a_planted_upward_import_is_caught(tmp_path):
    """The check sees a relative import that climbs a layer (so it cannot pass by reading nothing)."""
    planted = tmp_path / "decision_core" / "framework" / "planted.py"
    planted.parent.mkdir(parents=True)
    planted.write_text("from ..model.engine import recommend\n", encoding="utf-8")
    assert "decision_core.model.engine" in _imports(planted)
    with pytest.raises(AssertionError):
        test_each_module_imports_nothing_above_its_layer(planted)
