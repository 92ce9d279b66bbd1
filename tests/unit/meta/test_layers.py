"""The layers of the package: a module imports only from its own layer or below, and nothing forms a cycle.

0 the fake Mattermost of mattermostdriver.testing (it imports nothing of the driver),
1 pure building blocks (no I/O),
2 the core without I/O (``core/``: building a request, the request loop, the pending posts, the
  transfer flows) and, beside it, the transports (``transports/``): neither imports the other,
3 the runners: the clients and the transfers that run the core over the transports (and the
  websocket, beside them),
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
        "failures",
        "multipart",
        "options",
        "option_help",
        "logs",
        "pagination",
        "timeouts",
        "types",
    ),
    2: ("core", "transports"),
    3: ("client", "aio_client", "transfer", "aio_transfer", "websocket"),
    4: ("endpoints",),
    5: ("driver_base", "driver", "aio_driver"),
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


class ImportBeyondPackage(Exception):
    """A relative import that climbs above the package (Python refuses it at run time)."""


def resolve(module: str, node: ast.ImportFrom) -> str:
    """The package module a ``from ... import`` statement of ``module`` reads from ("" if none).

    The package's own ``__init__`` (the front door) is ``"__init__"``: ``from . import Driver`` in
    a top-level module, ``from .. import __version__`` one level down and ``from mattermostdriver
    import Driver`` all take from it.
    """
    if node.level:
        own = [] if module == "__init__" else module.split(".")
        package = own if _source(module).name == "__init__.py" else own[:-1]
        if node.level - 1 > len(package):
            raise ImportBeyondPackage(
                f"{module}: 'from {'.' * node.level}{node.module or ''} import' climbs above the package"
            )
        base = package[: len(package) - (node.level - 1)]
        target = ".".join([*base, *(node.module.split(".") if node.module else [])])
    elif node.module and node.module.split(".")[0] == NAME:
        target = node.module[len(NAME) + 1 :]
    else:
        return ""
    return target or "__init__"


def imports(module: str, *, typing_too: bool = True) -> Set[str]:
    """The package modules ``module`` imports, in every form and anywhere in its code (in functions,
    under ``TYPE_CHECKING``): ``import mattermostdriver.x.y``, ``from .x import name``,
    ``from . import x`` (a module) or ``from . import name`` (a name of the package's ``__init__``),
    relative at any depth, or absolute."""
    tree = ast.parse(_source(module).read_text())
    skip: Set[int] = set()
    if not typing_too:
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and _is_type_checking(node):
                skip.update(id(n) for n in ast.walk(node))
    found: Set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom):
            target = resolve(module, node)
            if not target:
                continue
            for (
                alias
            ) in node.names:  # "from . import endpoints" names a module, "from . import Driver" a name
                prefix = "" if target == "__init__" else target + "."
                candidate = prefix + alias.name
                found.add(candidate if candidate in MODULES else target)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == NAME:
                    found.add("__init__")
                elif alias.name.split(".")[0] == NAME:
                    found.add(alias.name[len(NAME) + 1 :])
    return {m for m in found if m != module}


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


def test_the_core_and_the_transports_stand_apart() -> None:
    """The core builds and decides, the transports send: neither imports the other."""
    for module in MODULES:
        top = module.split(".")[0]
        if top in ("core", "transports"):
            other = "transports" if top == "core" else "core"
            crossing = {t for t in imports(module) if t.split(".")[0] == other}
            assert not crossing, f"{module} imports {sorted(crossing)}"


#: What the core may not import: the network, and what runs it.
NETWORK = ("socket", "ssl", "asyncio", "http.client", "aiohttp", "websockets", "selectors")


def test_the_core_does_no_io() -> None:
    """Nothing of the core imports the network (of urllib3, only its exception classes)."""
    core = [m for m in MODULES if m.split(".")[0] == "core"]
    assert len(core) >= 5
    for module in core:
        for node in ast.walk(ast.parse(_source(module).read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(NETWORK), f"{module} imports {name}"
                assert name.split(".")[0] != "urllib3" or name in ("urllib3", "urllib3.exceptions"), (
                    f"{module} imports {name}"
                )


def test_the_fake_server_imports_nothing_of_the_driver() -> None:
    """mattermostdriver.testing.fake stands alone: a bot's tests may not lean on the driver through it."""
    fake = [m for m in MODULES if m.startswith("testing.fake")]
    assert len(fake) >= 5
    for module in fake:
        outside = {t for t in imports(module) if not t.startswith("testing.fake")}
        assert not outside, f"{module} imports {sorted(outside)}"


#: Each form of import, written in a layer-1 module (``paths.py`` at the top, or
#: ``options/inner.py`` one level down): what it imports, and that module's layer.
FORMS = {
    "from .mod import name": ("paths.py", "from .client import Client\n", "client"),
    "from . import module": ("paths.py", "from . import client\n", "client"),
    "from . import name (the front door)": ("paths.py", "from . import Driver\n", "__init__"),
    "import pkg.mod": ("paths.py", "import mattermostdriver.client\n", "client"),
    "import pkg.mod as alias": ("paths.py", "import mattermostdriver.client as c\n", "client"),
    "import pkg": ("paths.py", "import mattermostdriver\n", "__init__"),
    "from pkg import name": ("paths.py", "from mattermostdriver import Driver\n", "__init__"),
    "from pkg.mod import name": ("paths.py", "from mattermostdriver.client import Client\n", "client"),
    "from .. import name, one level down": ("options/inner.py", "from .. import Driver\n", "__init__"),
    "from ..mod import name, one level down": ("options/inner.py", "from ..client import Client\n", "client"),
    "in a function": ("paths.py", "def f():\n    from .client import Client\n", "client"),
    "under TYPE_CHECKING": (
        "paths.py",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .driver import Driver\n",
        "driver",
    ),
}


def _fake_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: Dict[str, str]) -> None:
    fake = tmp_path / "mattermostdriver"
    for name, text in files.items():
        (fake / name).parent.mkdir(parents=True, exist_ok=True)
        (fake / name).write_text(text)
    this = __import__(__name__, fromlist=["x"])
    monkeypatch.setattr(this, "PACKAGE", fake)
    monkeypatch.setattr(this, "MODULES", set(modules()))


@pytest.mark.parametrize("form", sorted(FORMS))
def test_the_layer_rule_catches_every_form_of_import(
    form: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check itself: a layer-1 module importing a higher one, in each form, is reported."""
    where, code, target = FORMS[form]
    files = {
        "__init__.py": "from .driver import Driver\n",
        "client.py": "",
        "driver.py": "",
        "options/__init__.py": "",
    }
    _fake_package(tmp_path, monkeypatch, {**files, where: code})
    module = where[: -len(".py")].replace("/", ".")
    assert rank(module) == 1
    with pytest.raises(
        AssertionError, match=re.escape(f"{module} (layer 1) imports {target} (layer {rank(target)})")
    ):
        test_imports_only_from_its_layer_or_below(module)


def test_a_relative_import_above_the_package_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_package(tmp_path, monkeypatch, {"__init__.py": "", "paths.py": "from .. import something\n"})
    with pytest.raises(ImportBeyondPackage):
        imports("paths")


def test_the_layer_rule_catches_an_upward_import_and_a_cycle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check itself: a pure module importing the client is reported, and so is the cycle."""
    _fake_package(
        tmp_path,
        monkeypatch,
        {"paths.py": "from .client import Client\n", "client.py": "from .paths import build_path\n"},
    )
    with pytest.raises(AssertionError, match=re.escape("paths (layer 1) imports client (layer 3)")):
        test_imports_only_from_its_layer_or_below("paths")
    with pytest.raises(AssertionError, match="import cycle"):
        test_no_import_cycles()
