"""The package's front door: its lazy names are real to type checkers, ``dir()`` and callers alike."""

from __future__ import annotations

import subprocess
import sys

import pytest

import mattermostdriver


def test_dir_of_the_package_lists_the_lazy_names_and_loads_nothing() -> None:
    """``dir(mattermostdriver)`` shows AsyncDriver and Websocket without importing their machinery."""
    assert {"AsyncDriver", "Websocket", "Driver", "ApiError"} <= set(dir(mattermostdriver))
    assert set(mattermostdriver.__all__) <= set(dir(mattermostdriver))
    code = (
        "import sys, mattermostdriver; names = dir(mattermostdriver);"
        "print('AsyncDriver' in names, 'Websocket' in names,"
        " sorted(m for m in sys.modules if m in ('asyncio', 'aiohttp', 'websockets')"
        " or m.startswith(('mattermostdriver.endpoints.', 'mattermostdriver.websocket',"
        " 'mattermostdriver.aio'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split(" ", 2) == ["True", "True", "['mattermostdriver.endpoints.base']\n"]


def test_the_import_loads_no_module_beyond_what_requests_loads() -> None:
    """``import mattermostdriver`` costs little more than ``import requests``: its own modules only
    (``inspect``, pulled in by the mock transport at import, made it 1.18 times requests' import).
    """
    code = (
        "import sys, requests; before = set(sys.modules); import mattermostdriver;"
        "print(sorted(m for m in set(sys.modules) - before if m.split('.')[0] != 'mattermostdriver'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_lazy_names_resolve_to_their_classes() -> None:
    from mattermostdriver.aio_driver import AsyncDriver as Direct
    from mattermostdriver.websocket import Websocket

    assert mattermostdriver.AsyncDriver is Direct
    assert mattermostdriver.Websocket is Websocket
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        mattermostdriver.Nope  # noqa: B018
