"""Spec-driven: every row of the method table issues exactly its HTTP method and escaped path."""

from __future__ import annotations

import csv
import inspect
import re
from pathlib import Path
from typing import Any, Dict, List, Optional
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from mattermostdriver import Driver
from mattermostdriver.endpoints import Base, all_endpoints

from .conftest import make_driver, mock_http
from .test_api_table import api_table

ENDPOINTS = all_endpoints()
DATA = Path(__file__).resolve().parents[1] / "data"
with (DATA / "driver-methods.tsv").open(encoding="utf-8") as _table:
    ROWS: List[Dict[str, str]] = list(csv.DictReader(_table, delimiter="\t"))
# A path argument with characters that would change the route if they were not escaped.
NASTY = "a/../b?c#d e"
FILLERS: Dict[str, Any] = {
    "options": {"k": "v"},
    "params": {"q": "1"},
    "files": {"files": ("a.txt", b"data")},
    "file": {"image": ("a.png", b"data")},
    "data": {"k": "v"},
    "channel_id": "chan1",
    "emoji_name": "party",
}


def _call(driver: Any, row: Dict[str, str], path_arg: Optional[str] = None) -> List[str]:
    """Call the row's method with nasty path arguments (or ``path_arg``); return those arguments."""
    method = getattr(getattr(driver, row["attribute"]), row["method"])
    placeholders = re.findall(r"\{(\w+)\}", row["path"])
    path_args = [path_arg or f"{NASTY}{i}" for i in range(len(placeholders))]
    if row["method"] == "get_channels_for_user" and len(placeholders) == 1:
        # the spec row: the same method with team_id left out
        method(*path_args)
        return path_args
    # the signature of the class's method (a driver may wrap it), without self
    params = list(inspect.signature(getattr(ENDPOINTS[row["attribute"]], row["method"])).parameters.values())[
        1:
    ]
    args: List[Any] = list(path_args)
    for p in params[len(path_args) :]:
        if p.default is inspect.Parameter.empty and p.kind is p.POSITIONAL_OR_KEYWORD:
            args.append(FILLERS[p.name])
    method(*args)
    return path_args


def _expected_path(row: Dict[str, str], path_args: List[str]) -> str:
    template = re.sub(r"\{\w+\}", "{}", row["path"])
    return template.format(*(quote(a, safe="") for a in path_args))


def test_the_table_has_no_drift_against_the_operation_list() -> None:
    """Every operation of the list has a row (same path, placeholders included, and operationId),
    and every row's route is listed unless its note marks it removed: ``scripts/api-table drift``."""
    result = api_table.drift(api_table.load(api_table.OPERATIONS), ROWS)
    assert not result, api_table.report(result)


def test_every_row_names_a_method_of_its_area() -> None:
    absent = [
        f"{r['attribute']}.{r['method']}" for r in ROWS if not hasattr(ENDPOINTS[r["attribute"]], r["method"])
    ]
    assert not absent, absent


def test_every_public_method_is_a_row_or_a_helper_over_one() -> None:
    """A method outside the table (an iterator, a streaming download) must wrap a route of the table."""
    named = {(r["attribute"], r["method"]) for r in ROWS}
    routes = {f"{r['http_method']} {r['path']}" for r in ROWS}
    strays = []
    for attribute, cls in ENDPOINTS.items():
        for name, member in public_methods(cls).items():
            route = (member.__doc__ or "").strip().splitlines()[0]
            if (attribute, name) not in named and route not in routes:
                strays.append(f"{attribute}.{name}: {route}")
    assert not strays, strays


def test_every_attribute_is_a_driver_attribute() -> None:
    assert {r["attribute"] for r in ROWS} == set(ENDPOINTS)


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize("row", ROWS, ids=[f"{r['attribute']}.{r['method']}:{r['path']}" for r in ROWS])
def test_row_issues_its_method_and_escaped_path(row: Dict[str, str], kind: str) -> None:
    """Every row, through the Driver and through the AsyncDriver."""
    driver = make_driver(
        kind, {"url": "http://mm.test", "port": 80, "token": "t0ken", "retries": 0}, mocked=True
    )
    with mock_http() as mock:
        mock.add_callback(
            row["http_method"],
            re.compile(r"http://mm\.test:80/.*"),
            callback=lambda request: (
                200,
                {"Content-Type": "application/json"},
                "" if request.method == "HEAD" else '{"id": "x", "username": "u"}',
            ),
        )
        path_args = _call(driver, row)
        assert len(mock.calls) == 1
        sent = mock.calls[0].request
    assert sent.method == row["http_method"]
    assert sent.path_url.split("?")[0] == _expected_path(row, path_args)


WITH_IDS = [r for r in ROWS if "{" in r["path"]]


@pytest.mark.parametrize("bad", [".", ".."])
@pytest.mark.parametrize("row", WITH_IDS, ids=[f"{r['attribute']}.{r['method']}" for r in WITH_IDS])
def test_row_refuses_dot_ids_before_sending(row: Dict[str, str], bad: str) -> None:
    driver = Driver({"url": "http://mm.test", "port": 80, "token": "t0ken", "retries": 0})
    with mock_http() as mock, pytest.raises(ValueError, match="cannot be empty"):
        _call(driver, row, bad)
    assert not mock.calls


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['attribute']}.{r['method']}" for r in ROWS])
def test_docstring_starts_with_route(row: Dict[str, str]) -> None:
    method = getattr(ENDPOINTS[row["attribute"]], row["method"])
    first = (method.__doc__ or "").strip().splitlines()[0]
    if row["method"] == "get_channels_for_user":
        assert first.startswith("GET /api/v4/users/{user_id}")
        assert row["path"] in method.__doc__
    else:
        assert first == f"{row['http_method']} {row['path']}"


def test_a_method_of_two_routes_names_both_first() -> None:
    """The docstring of a method that calls two routes opens with both (one a line)."""
    by_method: Dict[str, List[str]] = {}
    for r in ROWS:
        by_method.setdefault(f"{r['attribute']}.{r['method']}", []).append(f"{r['http_method']} {r['path']}")
    shared = {name: routes for name, routes in by_method.items() if len(routes) > 1}
    assert shared  # get_channels_for_user
    for name, routes in shared.items():
        attribute, method = name.split(".")
        opening = (getattr(ENDPOINTS[attribute], method).__doc__ or "").strip().split("\n\n")[0]
        named = [line.strip().split(" (")[0] for line in opening.splitlines()]
        assert sorted(named) == sorted(routes), (name, opening)


@pytest.mark.parametrize(
    "row", [r for r in ROWS if r["origin"] == "classic"], ids=lambda r: f"{r['attribute']}.{r['method']}"
)
def test_classic_parameters_keep_their_names_and_order(row: Dict[str, str]) -> None:
    method = getattr(ENDPOINTS[row["attribute"]], row["method"])
    names = [p.strip().split("=")[0] for p in row["classic_params"].split(",") if p.strip()]
    actual = [p for p in inspect.signature(method).parameters if p != "self"]
    assert actual[: len(names)] == names


def public_methods(cls: type) -> Dict[str, Any]:
    """The route methods of an endpoint class, inherited ones included (not Base's helpers)."""
    return {
        name: getattr(cls, name)
        for name in dir(cls)
        if not name.startswith("_") and not hasattr(Base, name) and callable(getattr(cls, name))
    }


def test_every_public_method_docstring_starts_with_a_route() -> None:
    route = re.compile(r"^(GET|HEAD|POST|PUT|PATCH|DELETE) /\S*$")
    for cls in ENDPOINTS.values():
        for name, member in public_methods(cls).items():
            first = (member.__doc__ or "").strip().splitlines()[0]
            assert route.match(first), f"{cls.__name__}.{name}: {first!r}"


def _keyword_query_methods() -> List[Any]:
    found = []
    for attribute, cls in ENDPOINTS.items():
        for name, member in public_methods(cls).items():
            documented = "Query parameters (keyword-only arguments)" in (getattr(member, "__doc__", "") or "")
            if callable(member) and documented:
                kwonly = [
                    p for p in inspect.signature(member).parameters.values() if p.kind is p.KEYWORD_ONLY
                ]
                if kwonly:
                    found.append(pytest.param(attribute, name, kwonly, id=f"{attribute}.{name}"))
    return found


@pytest.mark.parametrize("attribute, name, kwonly", _keyword_query_methods())
def test_keyword_query_arguments_reach_the_query_string(attribute: str, name: str, kwonly: List[Any]) -> None:
    driver = Driver({"url": "http://mm.test", "port": 80, "token": "t", "retries": 0})
    method = getattr(getattr(driver, attribute), name)
    doc = method.__doc__ or ""
    wire_names = dict(re.findall(r"\* ``(\w+)``(?: \(``(\w+)``\))?", doc))
    positional = [
        p
        for p in inspect.signature(method).parameters.values()
        if p.kind is p.POSITIONAL_OR_KEYWORD and p.default is inspect.Parameter.empty
    ]
    args = [FILLERS.get(p.name, "x1") for p in positional]
    values: Dict[str, Any] = {}
    for i, p in enumerate(kwonly):
        hint = str(p.annotation)
        values[p.name] = True if "bool" in hint else (i + 2 if "int" in hint or "float" in hint else f"v{i}")
    with mock_http(assert_all_requests_are_fired=False) as mock:
        for verb in ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"):
            mock.add_callback(
                verb,
                re.compile(r"http://mm\.test:80/.*"),
                callback=lambda request: (
                    200,
                    {"Content-Type": "application/json"},
                    "" if request.method == "HEAD" else "{}",
                ),
            )
        method(*args, **values)
        query = parse_qs(urlsplit(mock.calls[0].request.url).query)
    for p in kwonly:
        assert p.name in wire_names, f"{p.name} is not documented in the docstring"
        wire = wire_names[p.name] or p.name
        expected = values[p.name]
        assert query.get(wire) == ["true" if expected is True else str(expected)], (wire, query)
