"""Sphinx configuration. The reference pages (one per Driver attribute) are written at build time."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import mattermostdriver  # noqa: E402
from mattermostdriver.endpoints import Base, all_endpoints  # noqa: E402

project = "mattermostdriver"
author = "the mattermostdriver developers"
copyright = "2026, the mattermostdriver developers"
release = version = mattermostdriver.__version__
extensions = ["sphinx.ext.autodoc", "sphinx.ext.napoleon", "sphinx.ext.intersphinx"]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
intersphinx_mapping: dict = {}
exclude_patterns = ["_build"]
html_theme = "alabaster"
nitpicky = False

API_DOCS = "https://developers.mattermost.com/api-documentation/"


def _write_reference() -> None:
    """One page per Driver attribute, and the index table of every method."""
    out = HERE / "reference"
    out.mkdir(exist_ok=True)
    rows = []
    pages = []
    for attribute, cls in sorted(all_endpoints().items()):
        title = f"driver.{attribute}"
        methods = sorted(
            n
            for n in dir(cls)
            if not n.startswith("_") and not hasattr(Base, n) and callable(getattr(cls, n))
        )
        for name in methods:
            route = (getattr(cls, name).__doc__ or "").strip().splitlines()[0]
            rows.append(
                f"   * - :meth:`{attribute}.{name} <mattermostdriver.endpoints.{cls.__name__}.{name}>`\n"
                f"     - ``{route}``"
            )
        text = (
            f"{title}\n{'=' * len(title)}\n\n"
            f"``driver.{attribute}`` is a :class:`mattermostdriver.endpoints.{cls.__name__}`. "
            f"Every method's docstring starts with its route; each route is described in the "
            f"`Mattermost API reference <{API_DOCS}>`_.\n\n"
            f".. autoclass:: mattermostdriver.endpoints.{cls.__name__}\n"
            "   :members:\n   :inherited-members: Base\n"
        )
        page = out / f"{attribute}.rst"
        if not page.exists() or page.read_text() != text:
            page.write_text(text)
        pages.append(f"   {attribute}")
    index = (
        "API reference\n=============\n\n"
        f"{len(rows)} methods, one page per Driver attribute.\n\n"
        ".. toctree::\n   :maxdepth: 1\n\n" + "\n".join(pages) + "\n\n"
        "All methods\n-----------\n\n"
        ".. list-table::\n   :header-rows: 1\n\n   * - method\n     - route\n" + "\n".join(rows) + "\n"
    )
    target = out / "index.rst"
    if not target.exists() or target.read_text() != index:
        target.write_text(index)


_write_reference()
