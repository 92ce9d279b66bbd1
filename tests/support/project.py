"""What the tests read from the repository's own files: setup.py's constants."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

#: The root of the checkout (or of the unpacked sdist).
ROOT = Path(__file__).resolve().parents[2]


def setup_constant(name: str) -> Any:
    """The literal value assigned to ``name`` at the top of setup.py, read without running it."""
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise KeyError(f"setup.py assigns no {name}")
