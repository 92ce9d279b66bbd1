"""Drop-in fidelity for code written against mattermostdriver 7.3.2: attributes, bodies, endpoint paths."""

from __future__ import annotations

import ast
import json
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any, Tuple

import pytest
import requests
import responses

from mattermostdriver import Driver, NoAccessTokenProvided, ResourceNotFound, TransportError, endpoints
from mattermostdriver.endpoints import AREAS, Areas, Posts, Users

from .conftest import BASE

# What 7.3.2's endpoint classes had as ``endpoint`` (its source, endpoints/*.py).
CLASSIC_ENDPOINTS = {
    "bots": "/bots",
    "brand": "/brand",
    "channels": "/channels",
    "cluster": "/cluster",
    "commands": "/commands",
    "compliance": "/compliance",
    "data_retention": "/data_retention",
    "elasticsearch": "/elasticsearch",
    "emoji": "/emoji",
    "files": "/files",
    "integration_actions": "/actions",
    "ldap": "/ldap",
    "oauth": "/oauth",
    "opengraph": "/opengraph",
    "posts": "/posts",
    "preferences": "/users",
    "reactions": "/reactions",
    "roles": "/roles",
    "saml": "/saml",
    "schemes": "/schemes",
    "teams": "/teams",
    "users": "/users",
    "webhooks": "/hooks",
}


class WrappedPosts:
    """What a bot puts around an endpoint (logging, metrics...)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner


class BotDriver(Driver):
    """A 7.3.2-era subclass: a property over ``super().posts``, with a setter its tests use."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._posts_override: Any = None

    @property
    def posts(self) -> Any:  # type: ignore[override]
        if self._posts_override is not None:
            return self._posts_override
        return WrappedPosts(super().posts)

    @posts.setter
    def posts(self, value: Any) -> None:
        self._posts_override = value


def test_subclass_property_over_super_works() -> None:
    d = BotDriver({"url": "http://mm.test"})
    wrapped = d.posts
    assert isinstance(wrapped, WrappedPosts)
    assert isinstance(wrapped.inner, Posts) and wrapped.inner.client is d.client
    # super().posts built the real endpoint without going through the subclass's setter
    assert d._posts_override is None


def test_subclass_setter_keeps_its_double() -> None:
    d = BotDriver({"url": "http://mm.test"})
    double = object()
    d.posts = double
    assert d.posts is double
    d.users.get_user  # noqa: B018 - other areas are built as usual
    assert d.posts is double


def test_areas_are_class_attributes_made_once_per_driver() -> None:
    for name in AREAS:
        assert name in vars(Areas), name
    d = Driver()
    assert "users" not in vars(d)
    users = d.users
    assert isinstance(users, Users) and users.client is d.client
    assert d.users is users and vars(d)["users"] is users
    assert Driver().users is not users
    assert set(AREAS) <= set(dir(d))


def test_type_annotations_follow_the_registry() -> None:
    """The annotations type checkers read (under TYPE_CHECKING) list exactly the registry's areas."""
    tree = ast.parse(Path(endpoints.__file__).read_text())
    areas = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Areas")
    annotated = {
        stmt.target.id: ast.unparse(stmt.annotation)
        for block in areas.body
        if isinstance(block, ast.If)
        for stmt in block.body
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)
    }
    assert annotated == AREAS


def test_importing_the_package_loads_no_endpoint_module() -> None:
    code = (
        "import sys, mattermostdriver; d = mattermostdriver.Driver();"
        "print(sorted(m for m in sys.modules if m.startswith('mattermostdriver.endpoints.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out.replace("'", '"')) == ["mattermostdriver.endpoints.base"]


def test_api_dict_of_7_3_2() -> None:
    d = Driver()
    with pytest.warns(DeprecationWarning):
        api = d.api
    assert api["users"] is d.users and set(api) == set(AREAS)


@pytest.mark.parametrize("attribute, path", sorted(CLASSIC_ENDPOINTS.items()))
def test_endpoint_attribute_has_its_7_3_2_value(attribute: str, path: str) -> None:
    assert getattr(Driver(), attribute).endpoint == path


def test_every_area_names_its_main_path() -> None:
    for name in AREAS:
        value = getattr(Driver(), name).endpoint
        assert value.startswith("/") and len(value) > 1, name


@pytest.mark.parametrize("verb", ["post", "put", "patch"])
def test_body_methods_without_a_body_send_an_empty_object(
    driver: Driver, mock: responses.RequestsMock, verb: str
) -> None:
    mock.add(verb.upper(), f"{BASE}/users/u1/patch", json={"id": "u1"})
    assert getattr(driver.client, verb)("/users/u1/patch") == {"id": "u1"}
    sent = mock.calls[0].request
    assert sent.body in (b"{}", "{}") and sent.headers["Content-Type"] == "application/json"


def test_endpoint_method_without_options_sends_an_empty_object(
    driver: Driver, mock: responses.RequestsMock
) -> None:
    mock.put(f"{BASE}/users/u1/patch", json={"id": "u1"})
    driver.users.patch_user("u1")
    assert mock.calls[0].request.body in (b"{}", "{}")


@pytest.mark.parametrize("verb", ["get", "delete"])
def test_get_and_delete_send_no_body(driver: Driver, mock: responses.RequestsMock, verb: str) -> None:
    mock.add(verb.upper(), f"{BASE}/users/u1", json={"id": "u1"})
    getattr(driver.client, verb)("/users/u1")
    sent = mock.calls[0].request
    assert sent.body is None and "Content-Type" not in sent.headers


def test_a_callers_responses_mock_still_sees_the_requests() -> None:
    """Bots test their code with `responses`, as they did with 7.3.2 (which sent through requests)."""
    with responses.RequestsMock() as caller_mock:
        caller_mock.get("https://chat.example.com:443/api/v4/users/me", json={"id": "u1", "username": "bot"})
        caller_mock.post("https://chat.example.com:443/api/v4/posts", json={"id": "p1"}, status=201)
        d = Driver({"url": "https://chat.example.com", "token": "t"})
        assert d.login() == {"id": "u1", "username": "bot"}
        assert d.posts.create_post({"channel_id": "c", "message": "hi"}) == {"id": "p1"}
        assert caller_mock.calls[1].request.headers["Authorization"] == "Bearer t"


def test_a_callers_requests_mock_still_sees_the_requests() -> None:
    import requests_mock

    with requests_mock.Mocker() as caller_mock:
        caller_mock.get(
            "https://chat.example.com:443/api/v4/users/me",
            json={"id": "u1", "username": "bot"},
            headers={"Content-Type": "application/json"},
        )
        d = Driver({"url": "https://chat.example.com", "token": "t"})
        assert d.login()["username"] == "bot"
        assert caller_mock.call_count == 1


# -- a caller's HTTP mock, whenever the transport module is first imported ---------------------------

MOCK_THEN_UNMOCKED = r"""
import http.server, json, sys, threading
import requests_mock, responses
from mattermostdriver import Driver

assert "mattermostdriver.transports.pool" not in sys.modules  # loaded by the first unmocked request
d = Driver({"url": "http://mm.test", "port": 80, "token": "t"})
with responses.RequestsMock() as mocked:
    mocked.get("http://mm.test:80/api/v4/users/me", json={"id": "u1"})
    first = d.users.get_user("me")
assert "mattermostdriver.transports.pool" not in sys.modules  # a mocked request needs no pool
with requests_mock.Mocker() as mocked:
    json_type = {"Content-Type": "application/json"}
    mocked.get("http://mm.test:80/api/v4/users/me", json={"id": "u2"}, headers=json_type)
    second = d.users.get_user("me")

class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = b'{"id": "u3"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
with Driver({"url": f"http://127.0.0.1:{server.server_address[1]}", "token": "t"}) as unmocked:
    third = unmocked.users.get_user("me")
    pooled = type(unmocked.client.transport).__name__ == "PoolTransport"  # not requests' way
server.shutdown()
server.server_close()
print(json.dumps([first, second, third, pooled]))
"""


def test_first_request_under_responses_then_requests_mock_then_unmocked() -> None:
    """The transport loads on the first request: that it happens under a mock changes nothing."""
    done = subprocess.run(
        [sys.executable, "-c", MOCK_THEN_UNMOCKED], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [{"id": "u1"}, {"id": "u2"}, {"id": "u3"}, True]


FIXTURE_AND_ACTIVATE = """
import pytest
import responses
from mattermostdriver import Driver

ME = "https://chat.example.com:443/api/v4/users/me"


@pytest.fixture
def driver():
    with Driver({"url": "https://chat.example.com", "token": "t"}) as d:
        yield d


@responses.activate
def test_first(driver):
    responses.get(ME, json={"id": "u1"})
    assert driver.users.get_user("me") == {"id": "u1"}


@responses.activate
def test_second(driver):
    responses.get(ME, json={"id": "u2"})
    assert driver.users.get_user("me") == {"id": "u2"}
"""


def test_driver_in_a_fixture_and_responses_activate_on_the_test(tmp_path: Path) -> None:
    """The common shape of a bot's test suite, first test of a fresh interpreter included."""
    (tmp_path / "test_bot.py").write_text(FIXTURE_AND_ACTIVATE)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_bot.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 passed" in done.stdout


# -- what 7.3.2's callers catch and compare ------------------------------------------------------------


@pytest.mark.parametrize(
    "raised, caught",
    [
        (
            requests.exceptions.ConnectTimeout,
            (requests.exceptions.ConnectTimeout, requests.exceptions.Timeout),
        ),
        (requests.exceptions.ReadTimeout, (requests.exceptions.ReadTimeout, requests.exceptions.Timeout)),
        (requests.exceptions.SSLError, (requests.exceptions.SSLError,)),
    ],
)
def test_timeouts_and_tls_failures_are_still_requests_own_classes(
    driver: Driver, mock: responses.RequestsMock, raised: type, caught: Tuple[type, ...]
) -> None:
    """7.3.2 let requests' exceptions through: ``except requests.exceptions.Timeout`` still works."""
    driver.client.options["retries"] = 0
    mock.get(f"{BASE}/users/me", body=raised("boom"))
    with pytest.raises(TransportError) as info:
        driver.users.get_user("me")
    assert isinstance(info.value, caught) and isinstance(info.value, requests.ConnectionError)
    if raised is requests.exceptions.SSLError:
        assert not isinstance(info.value, requests.exceptions.Timeout)


def test_str_and_args_are_the_servers_message_as_in_7_3_2(
    driver: Driver, mock: responses.RequestsMock
) -> None:
    """mm-mcp tests ``"401" in str(exc)``; a 404 on a channel named release-2401 must not match."""
    body = {
        "id": "app.channel.get.existing.app_error",
        "message": "Channel not found.",
        "request_id": "rq401",
    }
    mock.get(f"{BASE}/teams/name/ops/channels/name/release-2401", json=body, status=404)
    with pytest.raises(ResourceNotFound) as info:
        driver.channels.get_channel_by_name_and_team_name("ops", "release-2401")
    e = info.value
    assert str(e) == e.args[0] == e.message == "Channel not found."
    assert "401" not in str(e) and "401" not in e.args[0]
    assert e.summary == (
        f"404 GET {BASE}/teams/name/ops/channels/name/release-2401: Channel not found. "
        "[app.channel.get.existing.app_error] (request id rq401)"
    )
    assert getattr(e, "__notes__", None) == [e.summary]  # what tracebacks show
    assert repr(e).startswith("ResourceNotFound('Channel not found.', status_code=404, error_id=")


def test_error_message_without_an_app_error_is_the_body(driver: Driver, mock: responses.RequestsMock) -> None:
    """7.3.2 put the whole body where it had no ``message``; so does this (cleaned and bounded)."""
    driver.client.options["retries"] = 0
    mock.get(f"{BASE}/users/me", json={"error": "mfa required"}, status=401)
    with pytest.raises(NoAccessTokenProvided) as info:
        driver.users.get_user("me")
    assert "mfa" in str(info.value) and str(info.value) == '{"error": "mfa required"}'


def test_errors_pickle_with_their_fields() -> None:
    e = ResourceNotFound("gone", status_code=404, error_id="x.y", method="GET", url="https://h/api/v4/x")
    copy = pickle.loads(pickle.dumps(e))  # noqa: S301 - our own bytes
    assert (type(copy), str(copy), copy.summary, copy.status_code) == (
        ResourceNotFound,
        "gone",
        e.summary,
        404,
    )


def test_errors_raised_by_callers_as_7_3_2_did() -> None:
    """Callers' own doubles (``raise ResourceNotFound("x")``) carry no note: the message is the line."""
    e = ResourceNotFound("not here")
    assert (str(e), e.summary, getattr(e, "__notes__", None)) == ("not here", "not here", None)


def test_traceback_shows_the_whole_line() -> None:
    code = (
        "from mattermostdriver import ResourceNotFound\n"
        "raise ResourceNotFound('Channel not found.', status_code=404, method='GET',"
        " url='https://h/api/v4/channels/c1', error_id='x.y', request_id='r1')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    last = done.stderr.strip().splitlines()[-2:]
    if sys.version_info >= (3, 11):
        assert last == [
            "mattermostdriver.exceptions.ResourceNotFound: Channel not found.",
            "404 GET https://h/api/v4/channels/c1: Channel not found. [x.y] (request id r1)",
        ]
    else:  # no notes without the exceptiongroup backport: the message, and repr() or .summary for the rest
        assert last[-1] == "mattermostdriver.exceptions.ResourceNotFound: Channel not found."
