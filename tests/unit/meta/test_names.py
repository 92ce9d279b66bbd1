"""One name, one meaning: no two modules of the package define the same top-level name for different things.

A name defined at the top of two modules (a class, a function, a constant or a type alias) is
either one thing written twice, or two things that a reader (and ``grep``) will mix up. The
pairs below are the same thing on purpose: the sync and async twins of a function, and the
fake server's own copies of what it cannot import from the driver (it stands alone).
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path
from typing import Dict, List, Set

import mattermostdriver

PACKAGE = Path(mattermostdriver.__file__).resolve().parent

#: name -> the modules that may each define it, and why it means the same thing in each.
SAME_MEANING: Dict[str, Set[str]] = {
    # the sync runner and its async twin (the Driver's methods and the AsyncDriver's likewise)
    "download": {"transfer", "aio_transfer"},
    "upload_resumable": {"transfer", "aio_transfer"},
    "run": {"transfer", "aio_transfer"},
    # each module of the fake's routes gives its own
    "routes": {"testing.fake.integrations", "testing.fake.routes_core", "testing.fake.routes_posts"},
    # the server's limit on a client's frame: the fake imports nothing of the driver
    "MAX_FRAME": {"websocket.actions", "testing.fake.wsconn"},
    # a Mattermost id (26 lower-case letters and digits): the fake imports nothing of the CLI
    "_ID": {"cli.session", "testing.fake.models"},
    # a control character shown escaped (the command line also escapes lone surrogates)
    "_escape": {"redaction", "cli.output"},
}


def _module(path: Path, package: Path) -> str:
    parts = list(path.relative_to(package).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def top_level_names(tree: ast.Module) -> Set[str]:
    """The names a module defines at its top (in ``if`` and ``try`` blocks too), imports left out."""
    names: Set[str] = set()

    def walk(body: List[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                names.add(node.name)
            elif isinstance(node, ast.Assign):
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.add(node.target.id)
            elif isinstance(node, ast.If):
                walk(node.body)
                walk(node.orelse)
            elif isinstance(node, ast.Try):
                walk(node.body)

    walk(tree.body)
    return {n for n in names if not (n.startswith("__") and n.endswith("__")) and n not in ("log", "T", "R")}


def definitions(package: Path) -> Dict[str, Set[str]]:
    found: Dict[str, Set[str]] = defaultdict(set)
    for path in sorted(package.rglob("*.py")):
        for name in top_level_names(ast.parse(path.read_text(encoding="utf-8"))):
            found[name].add(_module(path, package))
    return found


def test_no_name_means_two_things() -> None:
    clashes = {
        name: sorted(modules)
        for name, modules in definitions(PACKAGE).items()
        if len(modules) > 1 and modules != SAME_MEANING.get(name)
    }
    assert not clashes, f"give each a name of its own, or say in SAME_MEANING why they are one: {clashes}"


def test_the_check_finds_a_name_defined_twice(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("class Session:\n    pass\n")
    (tmp_path / "b.py").write_text("from typing import NamedTuple\nSession = NamedTuple('Session', [])\n")
    (tmp_path / "c.py").write_text("from .a import Session\n")  # an import is no definition
    assert definitions(tmp_path)["Session"] == {"a", "b"}
