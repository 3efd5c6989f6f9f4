"""Nothing in the package can unpickle: no module imports a pickle-based
loader, so no shared model, lexicon or profile file can run code when loaded
(SECURITY.md: models only ever through skops with trusted types)."""

from __future__ import annotations

import ast
from pathlib import Path

import analyser

UNSAFE_MODULES = {"pickle", "cPickle", "_pickle", "dill", "cloudpickle", "joblib", "shelve", "marshal", "torch"}


def imported_modules(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_no_module_imports_an_unpickler():
    package = Path(analyser.__file__).parent
    offenders = {
        str(path.relative_to(package)): sorted(imported_modules(path.read_text(encoding="utf-8")) & UNSAFE_MODULES)
        for path in package.rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_scan_would_see_an_import():
    assert imported_modules("import pickle\nfrom joblib import load\n") & UNSAFE_MODULES == {"pickle", "joblib"}
