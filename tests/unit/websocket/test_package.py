"""The websocket package's shape (issue 15): small modules, lower layers only, websockets in one place."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path
from typing import Iterator, Tuple

import mattermostdriver.websocket as package
from mattermostdriver.websocket.connection import CHECKED_MAJOR_VERSIONS

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = ROOT / "mattermostdriver" / "websocket"
LOWER = {"options", "retry", "redaction", "exceptions", "transports", "version", "logs", "paths"}


def imports(path: Path) -> Iterator[Tuple[int, str]]:
    """(level, module) of every import in ``path``; level 0 is absolute."""
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            yield node.level, node.module or ""
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield 0, alias.name


def test_no_module_over_400_lines() -> None:
    sizes = {p.name: len(p.read_text().splitlines()) for p in PACKAGE.glob("*.py")}
    assert sizes and all(n <= 400 for n in sizes.values()), sizes


def test_only_lower_layers_are_imported() -> None:
    for path in PACKAGE.glob("*.py"):
        for level, module in imports(path):
            if level == 2:  # from ..x import y
                assert module.split(".")[0] in LOWER, (path.name, module)
            assert not (level == 0 and module.startswith("mattermostdriver")), (path.name, module)


def test_only_the_connection_module_uses_websockets() -> None:
    users = {p.name for p in PACKAGE.glob("*.py") for _, m in imports(p) if m.split(".")[0] == "websockets"}
    assert users == {"connection.py"}


def test_setup_bounds_websockets_to_the_checked_versions() -> None:
    setup = (ROOT / "setup.py").read_text()
    bound = re.search(r'"websockets>=(\d+),<(\d+)"', setup)
    assert bound, "setup.py must bound websockets"
    assert tuple(range(int(bound[1]), int(bound[2]))) == CHECKED_MAJOR_VERSIONS


def test_public_names_stay_importable() -> None:
    for name in (
        "Websocket",
        "EventHandler",
        "ResyncHandler",
        "decode_event",
        "NESTED_JSON_FIELDS",
        "THREAD_NAME",
        "SILENT_CLOSE_WINDOW",
        "MAX_FRAME",
        "BACKOFF_CAP",
        "WebsocketError",
        "WebsocketAuthError",
    ):
        assert hasattr(package, name), name
    assert package.BACKOFF_CAP == 60


def test_importing_the_driver_loads_neither_websockets_nor_asyncio() -> None:
    code = (
        "import sys, mattermostdriver\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('websockets', 'asyncio'))\n"
        "assert not loaded, loaded\n"
        "mattermostdriver.Websocket\n"
        "assert 'websockets' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
