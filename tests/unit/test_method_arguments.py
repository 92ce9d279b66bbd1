"""Spec-driven: every documented query parameter of every route can be given and reaches the
query string, and every body goes as the server reads it (JSON, multipart, raw bytes).

What the description documents is ``tests/data/mattermost-v4-requests.tsv`` (written by
``scripts/api-table requests``); where the description is wrong, :data:`SERVER_READS` says
what the server's handler reads instead.

How a query parameter is given: as the keyword argument of its name, in snake_case where the
name is not (``per_page`` for ``perPage``: the docstring's list shows ``* ``per_page``
(``perPage``)``); a parameter whose name is no usable Python name (``_``, or one starting with
``_``) goes in the ``params`` dict, which every method whose route documents one takes.
"""

from __future__ import annotations

import importlib.util
import inspect
import json
import keyword
import re
import sys
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import parse_qs, urlsplit

import pytest

from mattermostdriver.endpoints import all_endpoints

from .conftest import make_driver, mock_http
from .test_api_table import ROOT, api_table


def _load_requests_tool() -> Any:
    spec = importlib.util.spec_from_file_location("api_requests", ROOT / "scripts" / "api_requests.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("api_requests", module)
    spec.loader.exec_module(module)
    return module


api_requests = _load_requests_tool()
Body, Parameter = api_requests.Body, api_requests.Parameter
ENDPOINTS = all_endpoints()
ROWS = api_table.load_table()
DESCRIBED = {(r.method, api_table.unnamed(r.path)): r for r in api_requests.read_request_list()}

#: Where the description is wrong, what the server reads instead: route -> (its handler, the
#: query parameters and the bodies it reads, None where the description is right). Each was
#: read in the handler (server/channels/api4/) of the server the functional tests build, and
#: the docstring of the route's method says so, naming the handler.
SERVER_READS: Dict[Tuple[str, str], Tuple[str, Optional[Tuple[Any, ...]], Optional[Tuple[Any, ...]]]] = {
    # file.go: json.NewDecoder(r.Body).Decode(&params); the description says multipart
    ("POST", "/api/v4/files/search"): ("searchFiles", None, (Body("json"),)),
    ("POST", "/api/v4/teams/{}/files/search"): ("searchFiles", None, (Body("json"),)),
    # cloud.go of 9.8 (the route is gone from 11.4): json.Unmarshal of the body; the description
    # says multipart
    ("POST", "/api/v4/cloud/payment/confirm"): ("confirmCustomerPayment", None, (Body("json"),)),
}


#: Routes of the table that no description has (checked in every stored version of the v4
#: fragments and in the whole descriptions of April 2026 and v11.11): what the server reads
#: instead, in the same shape, read in its handler. The method's docstring says so.
NOT_DESCRIBED: Dict[Tuple[str, str], Tuple[str, Tuple[Any, ...], Tuple[Any, ...]]] = {
    # web/webhook.go (outside api4): a urlencoded form's ``payload`` field, a multipart form,
    # or else the body as JSON; the Integrations documentation describes the receiver
    ("POST", "/hooks/{}"): ("incomingWebhook", (), (Body("json"), Body("form"), Body("multipart"))),
    # gone from the server (no handler; an 11.4 server answers 404): nothing to send
    ("GET", "/api/v4/webrtc/token"): ("-", (), ()),
}


def _route(row: Dict[str, str]) -> Tuple[str, str]:
    return row["http_method"], api_table.unnamed(row["path"])


def _query_of(route: Tuple[str, str]) -> Tuple[Any, ...]:
    if route in NOT_DESCRIBED:
        return NOT_DESCRIBED[route][1]
    read = SERVER_READS.get(route, ("", None, None))[1]
    return tuple(read) if read is not None else DESCRIBED[route].query


def _bodies_of(route: Tuple[str, str]) -> Tuple[Any, ...]:
    if route in NOT_DESCRIBED:
        return NOT_DESCRIBED[route][2]
    read = SERVER_READS.get(route, ("", None, None))[2]
    return tuple(read) if read is not None else DESCRIBED[route].bodies


CASES = [r for r in ROWS if _route(r) in DESCRIBED or _route(r) in NOT_DESCRIBED]
IDS = [f"{r['attribute']}.{r['method']}:{r['http_method']} {r['path']}" for r in CASES]
IDS_OF = {id(r): f"{r['attribute']}.{r['method']}:{r['http_method']} {r['path']}" for r in ROWS}


def keyword_name(name: str) -> bool:
    """Whether a query parameter is given as a keyword argument of its name (else in ``params``)."""
    return name.isidentifier() and not keyword.iskeyword(name) and not name.startswith("_")


def _value(param: Any, i: int) -> Any:
    if param.type == "boolean":
        return True
    if param.type == "integer":
        return 40 + i
    if param.type == "number":
        return 1.5 + i
    if param.type == "array":
        return [f"a{i}", f"b{i}"]
    return f"v{i}-{param.name}"


def _wire(value: Any) -> List[str]:
    if value is True:
        return ["true"]
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)]


def _signature(row: Dict[str, str]) -> Dict[str, inspect.Parameter]:
    method = getattr(ENDPOINTS[row["attribute"]], row["method"])
    return {n: p for n, p in inspect.signature(method).parameters.items() if n != "self"}


def _files(bodies: Tuple[Any, ...]) -> Dict[str, Any]:
    """A multipart dict with the documented fields (the required ones, else the first)."""
    multipart = next(b for b in bodies if b.kind == "multipart")
    fields = [f.name for f in multipart.fields if f.required] or [f.name for f in multipart.fields[:1]]
    return {name: (f"{name}.bin", b"\x89data") for name in fields or ["file"]}


def _arguments(row: Dict[str, str], bodies: Tuple[Any, ...]) -> Tuple[List[Any], Dict[str, Any]]:
    """Arguments for a call: path ids, then what the method needs to send its body."""
    signature = _signature(row)
    names = list(signature)
    path_count = len(re.findall(r"\{\w+\}", row["path"]))
    if row["method"] == "get_channels_for_user" and path_count == 1:
        path_count, names = 1, names[:1]  # the route of the same method with team_id left out
    args: List[Any] = [f"id{i}" for i in range(path_count)]
    kinds = {b.kind for b in bodies}
    kwargs: Dict[str, Any] = {}
    for name in names[path_count:]:
        p = signature[name]
        if p.kind is p.VAR_KEYWORD or p.kind is p.VAR_POSITIONAL:
            continue
        if name in ("files", "file") and "multipart" in kinds:
            kwargs[name] = _files(bodies)
        elif name == "data" and "bytes" in kinds:
            kwargs[name] = b"\x00raw bytes\xff"
        elif name == "options" and "json" in kinds:
            kwargs[name] = {"k": "v"}
        elif p.default is inspect.Parameter.empty and p.kind is not p.KEYWORD_ONLY:
            kwargs[name] = {"options": {"k": "v"}, "data": b"\x00raw"}.get(name, f"{name}-1")
    return args, kwargs


def _send(row: Dict[str, str], args: List[Any], kwargs: Dict[str, Any], kind: str = "sync") -> Any:
    driver = make_driver(
        kind, {"url": "http://mm.test", "port": 80, "token": "t0ken", "retries": 0}, mocked=True
    )
    with mock_http(assert_all_requests_are_fired=False) as mock:
        mock.add_callback(
            row["http_method"],
            re.compile(r"http://mm\.test:80/.*"),
            callback=lambda request: (
                200,
                {"Content-Type": "application/json"},
                "" if request.method == "HEAD" else '{"id": "x"}',
            ),
        )
        getattr(getattr(driver, row["attribute"]), row["method"])(*args, **kwargs)
        assert len(mock.calls) == 1, [c.request.url for c in mock.calls]
        return mock.calls[0].request


def _body_bytes(request: Any) -> bytes:
    body = request.body
    if body is None:
        return b""
    if isinstance(body, str):
        return body.encode("utf-8")
    if isinstance(body, (bytes, bytearray)):
        return bytes(body)
    return b"".join(body)  # a streamed (multipart) body


def kind_sent(request: Any) -> Tuple[str, List[str]]:
    """The kind of body a request carries and, for multipart, its part names."""
    ctype = (request.headers.get("Content-Type") or "").lower()
    data = _body_bytes(request)
    if ctype.startswith("multipart/form-data"):
        message = BytesParser(policy=HTTP).parsebytes(b"Content-Type: " + ctype.encode() + b"\r\n\r\n" + data)
        return "multipart", [
            part.get_param("name", header="content-disposition") for part in message.iter_parts()
        ]
    if ctype.startswith("application/x-www-form-urlencoded"):
        return "form", []
    if ctype.startswith("application/json"):
        json.loads(data)
        return "json", []
    return ("bytes" if data else "none"), []


@pytest.mark.parametrize("row", CASES, ids=IDS)
def test_every_documented_query_parameter_reaches_the_query_string(row: Dict[str, str]) -> None:
    route = _route(row)
    documented = _query_of(route)
    if not documented:
        return
    signature = _signature(row)
    docstring = getattr(ENDPOINTS[row["attribute"]], row["method"]).__doc__ or ""
    python_names = {wire: name for name, wire in re.findall(r"\* ``(\w+)`` \(``(\w+)``\)", docstring)}
    args, kwargs = _arguments(row, _bodies_of(route))
    values: Dict[str, Any] = {}
    unusable = []
    for i, param in enumerate(documented):
        values[param.name] = _value(param, i)
        python_name = python_names.get(param.name, param.name)
        if keyword_name(param.name) and python_name in signature:
            kwargs[python_name] = values[param.name]
        elif keyword_name(param.name):
            unusable.append(f"{param.name}: no keyword argument")
        elif "params" in signature:
            kwargs.setdefault("params", {})[param.name] = values[param.name]
        else:
            unusable.append(f"{param.name}: not a Python name, and the method takes no params dict")
    assert not unusable, unusable
    for i, name in enumerate(list(signature)[: len(args)]):  # a path argument named as the parameter
        if name in kwargs:
            args[i] = kwargs.pop(name)
    sent = _send(row, args, kwargs)
    query = parse_qs(urlsplit(sent.url).query, keep_blank_values=True)
    for name, value in values.items():
        assert query.get(name) == _wire(value), (name, query)
    missing = [p.name for p in documented if f"``{p.name}``" not in docstring]
    assert not missing, f"query parameters missing from the docstring: {missing}"


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize("row", CASES, ids=IDS)
def test_the_body_goes_as_the_server_reads_it(row: Dict[str, str], kind: str) -> None:
    route = _route(row)
    bodies = _bodies_of(route)
    args, kwargs = _arguments(row, bodies)
    sent_kind, parts = kind_sent(_send(row, args, kwargs, kind))
    if not bodies:
        # nothing documented: nothing, or the empty JSON object 7.3.2 always sent
        assert sent_kind in ("none", "json"), sent_kind
        return
    allowed = {b.kind for b in bodies}
    assert sent_kind in allowed, f"sent {sent_kind}, the server reads {sorted(allowed)}"
    if sent_kind == "multipart":
        multipart = next(b for b in bodies if b.kind == "multipart")
        names = {f.name for f in multipart.fields}
        if names:
            assert set(parts) <= names, f"parts {parts}, documented {sorted(names)}"
            required = {f.name for f in multipart.fields if f.required}
            assert required <= set(parts) or not set(parts) & required, (parts, required)


def test_every_exception_is_a_route_of_the_table_and_its_docstring_says_so() -> None:
    routes = {_route(r): r for r in ROWS}
    for route, (handler, _, _) in SERVER_READS.items():
        assert route in routes and route in DESCRIBED, route
        doc = getattr(ENDPOINTS[routes[route]["attribute"]], routes[route]["method"]).__doc__ or ""
        assert "description" in doc and f"``{handler}``" in doc, f"{route}: the docstring does not say so"


def test_the_request_list_covers_the_table() -> None:
    """Every row is checked: its route is in the request list, or no description has it and
    :data:`NOT_DESCRIBED` says what the server reads."""
    unchecked = [IDS_OF[id(r)] for r in ROWS if r not in CASES]
    assert not unchecked, unchecked
    assert len(CASES) == len(ROWS) == 677


def test_every_route_said_to_be_undescribed_is_a_route_of_the_table_and_its_docstring_says_so() -> None:
    routes = {_route(r): r for r in ROWS}
    for route, (handler, _, _) in NOT_DESCRIBED.items():
        assert route in routes and route not in DESCRIBED, route
        doc = getattr(ENDPOINTS[routes[route]["attribute"]], routes[route]["method"]).__doc__ or ""
        assert "description" in doc and (handler == "-" or f"``{handler}``" in doc), route


@pytest.mark.parametrize(
    "method, route",
    [
        ("add_multiple_users_to_team", "/members/batch"),
        ("invite_users_to_team_by_mail", "/invite/email"),
        ("invite_guests_to_team", "/invite-guests/email"),
    ],
)
def test_graceful_false_sends_nothing(method: str, route: str) -> None:
    """The server reads any ``graceful`` value as true (``!= ""``): ``False`` must not send one."""
    row = {"attribute": "teams", "method": method, "http_method": "POST", "path": "/api/v4/teams/{t}" + route}
    for graceful, expected in ((False, {}), (None, {}), (True, {"graceful": ["true"]})):
        sent = _send(row, ["t1"], {"options": ["a@example.com"], "graceful": graceful})
        assert parse_qs(urlsplit(sent.url).query) == expected, graceful


def test_upload_file_with_filename_streams_the_file_as_the_raw_body(tmp_path: Any) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF" + bytes(range(256)) * 40)
    row = {"attribute": "files", "method": "upload_file", "http_method": "POST", "path": "/api/v4/files"}
    seen: List[Tuple[int, int]] = []
    with path.open("rb") as fp:
        fp.read(4)  # sent from where the file object stands
        sent = _send(
            row, ["chan1", fp], {"filename": "report.pdf", "progress": lambda d, t: seen.append((d, t))}
        )
        body = _body_bytes(sent)
    assert parse_qs(urlsplit(sent.url).query) == {"channel_id": ["chan1"], "filename": ["report.pdf"]}
    assert sent.headers["Content-Type"] == "application/octet-stream"
    assert body == path.read_bytes()[4:] and sent.headers["Content-Length"] == str(256 * 40)
    assert seen[-1] == (256 * 40, 256 * 40)
    for files in ({"files": ("a.txt", b"one")}, [("files", b"one")], b"one"):
        sent = _send(row, ["chan1", files], {"filename": "a.txt"})
        assert _body_bytes(sent) == b"one", files
    with pytest.raises(ValueError, match="one file"):
        _send(row, ["chan1", {"a": b"1", "b": b"2"}], {"filename": "a.txt"})


@pytest.mark.parametrize("kind", ["sync", "async"])
@pytest.mark.parametrize(
    "attribute, method, route",
    [
        ("uploads", "upload_data", "/api/v4/uploads/{u}"),
        # the same server code (doUploadData) behind a remote cluster's token
        ("remote_clusters", "upload_remote_cluster_data", "/api/v4/remotecluster/upload/{u}"),
    ],
)
def test_upload_data_sends_the_bytes_of_a_file_object(
    kind: str, attribute: str, method: str, route: str, tmp_path: Any
) -> None:
    row = {"attribute": attribute, "method": method, "http_method": "POST", "path": route}
    path = tmp_path / "chunk.bin"
    path.write_bytes(b"\x00\x01chunk" * 1000)
    with path.open("rb") as fp:
        sent = _send(row, ["up1", fp], {}, kind)
        body = _body_bytes(sent)
    assert sent.headers["Content-Type"] == "application/octet-stream"
    assert body == path.read_bytes()
    sent = _send(row, ["up1"], {"files": {"file": ("chunk.bin", b"abc")}}, kind)
    assert kind_sent(sent) == ("multipart", ["file"])
