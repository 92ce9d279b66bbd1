"""The async face of the areas (mattermostdriver/endpoints/async_areas.py) is generated and true.

It is written by ``scripts/async_types.py`` from the endpoint classes: these tests fail when it
is stale (an endpoint method changed and the module was not regenerated), and check it against
what the AsyncDriver really returns: a coroutine for each ``async def``, an async iterator for
each ``AsyncIterator`` method.
"""

from __future__ import annotations

import ast
import asyncio
import gc
import inspect
import warnings
from pathlib import Path
from typing import Any, Dict, Optional

import pytest

from mattermostdriver import AsyncDriver
from mattermostdriver.endpoints import AREAS, Users, all_endpoints, async_areas

from ..support.scripts import load_script

ROOT = Path(__file__).resolve().parents[2]
async_types = load_script("async_types")
GENERATED = Path(async_areas.__file__)
TREE = ast.parse(GENERATED.read_text(encoding="utf-8"))


def protocols() -> Dict[str, Dict[str, bool]]:
    """Each generated protocol's methods: name -> whether it is ``async def``."""
    found: Dict[str, Dict[str, bool]] = {}
    for node in ast.walk(TREE):
        if isinstance(node, ast.ClassDef) and node.name.startswith("Async") and node.name != "AsyncAreas":
            found[node.name] = {
                item.name: isinstance(item, ast.AsyncFunctionDef)
                for item in node.body
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
            }
    return found


def test_the_generated_module_is_up_to_date() -> None:
    """Fails after an endpoint method changed: run ``python scripts/async_types.py``."""
    assert GENERATED == async_types.TARGET
    assert async_types.generate() == GENERATED.read_text(encoding="utf-8"), (
        f"{GENERATED.relative_to(ROOT)} is stale: run python scripts/async_types.py"
    )


def test_a_changed_signature_makes_it_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new keyword-only query parameter (what an endpoint change looks like) changes the output."""
    before = async_types.generate()

    def get_user(self: Users, user_id: str, *, include_deleted: Optional[bool] = None) -> Dict[str, Any]:
        """GET /api/v4/users/{user_id}

        Get a user.
        """
        return {}

    monkeypatch.setattr(Users, "get_user", get_user)
    after = async_types.generate()
    assert after != before
    users = next(
        n for n in ast.walk(ast.parse(after)) if isinstance(n, ast.ClassDef) and n.name == "AsyncUsers"
    )
    method = next(n for n in users.body if isinstance(n, ast.AsyncFunctionDef) and n.name == "get_user")
    assert [ast.unparse(a) for a in method.args.kwonlyargs] == ["include_deleted: Optional[bool]"]
    assert method.returns is not None and ast.unparse(method.returns) == "Dict[str, Any]"


def test_every_area_and_method_has_its_protocol() -> None:
    found = protocols()
    for attribute, cls in all_endpoints().items():
        methods = found[f"Async{cls.__name__}"]
        assert set(methods) == set(async_types.public_methods(cls)), attribute
    annotated = {
        stmt.target.id: ast.unparse(stmt.annotation)
        for node in ast.walk(TREE)
        if isinstance(node, ast.ClassDef) and node.name == "AsyncAreas"
        for block in node.body
        if isinstance(block, ast.If)
        for stmt in block.body
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)
    }
    assert annotated == {attribute: f"Async{cls}" for attribute, cls in AREAS.items()}


FILLERS: Dict[str, Any] = {
    "options": {"k": "v"},
    "files": {"files": ("a.txt", b"data")},
    "file": {"image": ("a.png", b"data")},
    "data": {"k": "v"},
    "path_or_fileobj": b"data",
    "dest": "/nonexistent/never-written",
}


def test_what_the_async_driver_returns_is_what_the_protocols_say() -> None:
    """Every method, called through an AsyncDriver (never awaited: nothing is sent): ``async def``
    ones return a coroutine, the ``AsyncIterator`` ones an async iterator."""
    found = protocols()
    wrong = []

    async def main() -> None:
        async with AsyncDriver({"url": "http://127.0.0.1:9", "token": "t"}) as d:
            for attribute, cls in all_endpoints().items():
                area = getattr(d, attribute)
                for name, coroutine in found[f"Async{cls.__name__}"].items():
                    method = getattr(area, name)
                    params = list(inspect.signature(method).parameters.values())
                    args = [
                        FILLERS.get(p.name, "x")
                        for p in params
                        if p.default is p.empty and p.kind is p.POSITIONAL_OR_KEYWORD
                    ]
                    result = method(*args)
                    if inspect.iscoroutine(result):
                        result.close()
                        if not coroutine:
                            wrong.append(f"{attribute}.{name}: a coroutine, typed as an async iterator")
                    elif hasattr(result, "__anext__"):
                        if coroutine:
                            wrong.append(f"{attribute}.{name}: an async iterator, typed as async def")
                    else:
                        wrong.append(f"{attribute}.{name}: returns {type(result).__name__}")

    with warnings.catch_warnings():  # the requests inside are never awaited, by design
        warnings.filterwarnings("ignore", "coroutine .* never awaited", RuntimeWarning)
        asyncio.run(main())
        gc.collect()  # Python 3.13 frees an unstarted coroutine's arguments only with it
    assert not wrong, wrong
    assert sum(len(m) for m in found.values()) > 600


def test_the_async_driver_has_its_areas_typed_and_built_as_the_drivers() -> None:
    """``AsyncAreas`` adds the same lazy attributes as the Driver's ``Areas``."""
    assert issubclass(AsyncDriver, async_areas.AsyncAreas)
    for name in AREAS:
        assert name in vars(async_areas.AsyncAreas), name
    d = AsyncDriver({"url": "http://127.0.0.1:9"})
    assert type(d.users) is Users and d.users.client is d.client
