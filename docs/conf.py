"""Sphinx configuration. The reference pages, the options and the command line are written at build time."""

from __future__ import annotations

import ast
import sys
from pathlib import Path
from typing import Any, Dict

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

import mattermostdriver  # noqa: E402


def _setup_constant(name: str) -> Any:
    """A literal assigned at the top of setup.py (the project's URLs live there, and only there)."""
    tree = ast.parse((HERE.parent / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise KeyError(name)


PROJECT_URLS: Dict[str, str] = _setup_constant("PROJECT_URLS")

project = "mattermostdriver"
author = "the mattermostdriver developers"
copyright = "2017 Christian Plümer, 2026 the mattermostdriver developers"
release = version = mattermostdriver.__version__
extensions = ["sphinx.ext.autodoc", "sphinx.ext.napoleon", "sphinx.ext.intersphinx"]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
intersphinx_mapping: dict = {}
# _generated/ holds fragments that the options and command-line pages include
exclude_patterns = ["_build", "_generated"]
nitpicky = False

html_theme = "furo"
html_title = f"mattermostdriver {release}"
html_theme_options: Dict[str, Any] = {
    # "view source" and "edit" links on every page, and the repository in the footer
    "source_repository": PROJECT_URLS["Source"] + "/",
    "source_branch": "main",
    "source_directory": "docs/",
    "footer_icons": [
        {
            "name": "Source",
            "url": PROJECT_URLS["Source"],
            "html": "Source",
            "class": "",
        },
    ],
}

generate.write_all(HERE)


def setup(app: Any) -> None:
    """Attribute docstrings are text, not "type: text" (napoleon's handler runs at priority 500)."""
    attributes = generate.AttributeText()
    app.connect("autodoc-process-docstring", attributes.before, priority=400)
    app.connect("autodoc-process-docstring", attributes.after, priority=600)
