"""The layers of the package: a module imports only from its own layer or below, and nothing forms a cycle.

0 the fake Mattermost of mattermostdriver.testing (it imports nothing of the driver),
1 pure building blocks (no I/O), 2 transports, 3 clients (and the websocket, beside them),
4 endpoints, 5 drivers, 6 the command line, 7 the package's front door.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Dict, List, Set, Tuple

import pytest

import mattermostdriver

PACKAGE = Path(mattermostdriver.__file__).resolve().parent
NAME = "mattermostdriver"

LAYERS: Dict[int, Tuple[str, ...]] = {
    0: ("testing.fake",),
    1: (
        "version",
        "paths",
        "redaction",
        "retry",
        "exceptions",
        "multipart",
        "options",
        "option_help",
        "logs",
        "pagination",
        "types",
    ),
    2: ("deadline", "transport", "aio_transport"),
    3: ("outgoing", "core", "client", "sources", "transfer", "aio_client", "aio_transfer", "websocket"),
    4: ("endpoints",),
    5: ("driver", "aio_driver"),
    6: ("cli", "__main__", "testing"),
    7: ("__init__",),
}
RANK = {module: rank for rank, modules in LAYERS.items() for module in modules}


def modules() -> List[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__" and len(parts) > 1:
            parts.pop()
        found.append(".".join(parts))
    return found


def rank(module: str) -> int:
    """A module's layer: its own entry, else its closest package's (``endpoints.users`` -> ``endpoints``)."""
    parts = module.split(".")
    for end in range(len(parts), 0, -1):
        if ".".join(parts[:end]) in RANK:
            return RANK[".".join(parts[:end])]
    raise KeyError(f"{module} is in no layer: add it to LAYERS")


def _source(module: str) -> Path:
    path = PACKAGE.joinpath(*module.split("."))
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


def _is_type_checking(node: ast.If) -> bool:
    return "TYPE_CHECKING" in ast.unparse(node.test)


def imports(module: str, *, typing_too: bool = True) -> Set[str]:
    """The package modules ``module`` imports, anywhere in its code (in functions too)."""
    path = _source(module)
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    if module == "__init__":
        package = []
    found: Set[str] = set()
    tree = ast.parse(path.read_text())
    skip: Set[int] = set()
    if not typing_too:
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and _is_type_checking(node):
                skip.update(id(n) for n in ast.walk(node))
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1] if node.level > 1 else package
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            elif node.module and node.module.split(".")[0] == NAME:
                target = node.module[len(NAME) + 1 :]
            else:
                continue
            for alias in node.names:  # "from . import endpoints" names a module
                candidate = f"{target}.{alias.name}" if target else alias.name
                found.add(candidate if candidate in MODULES else target)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == NAME and alias.name != NAME:
                    found.add(alias.name[len(NAME) + 1 :])
    return {m for m in found if m and m != module}


MODULES = set(modules())


def test_every_module_has_a_layer() -> None:
    for module in MODULES:
        rank(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_only_from_its_layer_or_below(module: str) -> None:
    for target in imports(module):
        assert target in MODULES or target.split(".")[0] in MODULES, f"{module} imports unknown {target}"
        assert rank(target) <= rank(module), (
            f"{module} (layer {rank(module)}) imports {target} (layer {rank(target)})"
        )


def test_no_import_cycles() -> None:
    graph = {m: imports(m, typing_too=False) & MODULES for m in MODULES}
    # a package imports its own modules (endpoints/__init__ -> endpoints.base): not a cycle of layers
    for m in graph:
        graph[m] = {t for t in graph[m] if not t.startswith(m + ".")}
    state: Dict[str, int] = {}
    path: List[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = [*path[path.index(nxt) :], nxt]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


def test_the_fake_server_imports_nothing_of_the_driver() -> None:
    """mattermostdriver.testing.fake stands alone: a bot's tests may not lean on the driver through it."""
    fake = [m for m in MODULES if m.startswith("testing.fake")]
    assert len(fake) >= 5
    for module in fake:
        outside = {t for t in imports(module) if not t.startswith("testing.fake")}
        assert not outside, f"{module} imports {sorted(outside)}"


def test_the_layer_rule_catches_an_upward_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check itself: a pure module importing the client is reported."""
    fake = tmp_path / "mattermostdriver"
    fake.mkdir()
    (fake / "paths.py").write_text("from .client import Client\n")
    (fake / "client.py").write_text("from .paths import build_path\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["x"]), "PACKAGE", fake)
    monkeypatch.setattr(__import__(__name__, fromlist=["x"]), "MODULES", {"paths", "client"})
    with pytest.raises(AssertionError, match=re.escape("paths (layer 1) imports client (layer 3)")):
        test_imports_only_from_its_layer_or_below("paths")
    with pytest.raises(AssertionError, match="import cycle"):
        test_no_import_cycles()
