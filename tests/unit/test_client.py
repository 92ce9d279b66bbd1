"""The request core: errors, retries, timeouts, escaping, cookies, 7.3.2 helpers."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import threading
from typing import Any, List

import pytest
import requests
import responses
from responses import matchers

from mattermostdriver import (
    ApiError,
    AsyncDriver,
    ClientError,
    Conflict,
    ContentTooLarge,
    Driver,
    FeatureDisabled,
    InvalidOrMissingParameters,
    MethodNotAllowed,
    NoAccessTokenProvided,
    NotEnoughPermissions,
    ResourceNotFound,
    ServerError,
    TooManyRequests,
    TransportError,
    UnexpectedResponse,
)
from mattermostdriver.exceptions import summary_of
from mattermostdriver.transports import MockTransport

from .conftest import BASE, OPTIONS, Recorded, make_driver, no_sleep, read_body, through_requests


def app_error(status: int, error_id: str = "some.error.id", message: str = "it went wrong") -> dict:
    return {
        "id": error_id,
        "message": message,
        "detailed_error": "details",
        "request_id": "req123",
        "status_code": status,
    }


@pytest.mark.parametrize(
    "status, cls",
    [
        (400, InvalidOrMissingParameters),
        (401, NoAccessTokenProvided),
        (403, NotEnoughPermissions),
        (404, ResourceNotFound),
        (405, MethodNotAllowed),
        (409, Conflict),
        (413, ContentTooLarge),
        (429, TooManyRequests),
        (501, FeatureDisabled),
        (418, ClientError),
        (500, ServerError),
        (507, ServerError),
    ],
)
def test_each_status_maps_to_its_class(
    driver: Driver, mock: responses.RequestsMock, status: int, cls: type
) -> None:
    driver.client.options["retries"] = 0
    mock.get(f"{BASE}/users/me", json=app_error(status), status=status)
    with pytest.raises(cls) as info:
        driver.users.get_user("me")
    e = info.value
    assert type(e) is cls
    assert isinstance(e, requests.HTTPError) and isinstance(e, ApiError)
    assert (e.status_code, e.error_id, e.message, e.detailed_error, e.request_id) == (
        status,
        "some.error.id",
        "it went wrong",
        "details",
        "req123",
    )
    assert e.method == "GET" and e.url == f"{BASE}/users/me"
    assert e.response is not None and e.response.status_code == status
    assert str(e) == e.args[0] == "it went wrong"  # the server's message alone, as in 7.3.2
    line = e.summary
    assert "\n" not in line and str(status) in line and "some.error.id" in line and "req123" in line


def test_summary_of_any_exception_is_one_safe_line() -> None:
    error = ResourceNotFound("gone", status_code=404, method="GET", url=f"{BASE}/x", request_id="r1")
    assert summary_of(error) == error.summary == f"404 GET {BASE}/x: gone (request id r1)"
    line = summary_of(ConnectionError("closed by https://u:pw@h/hooks/abc?access_token=s3cret \x1b[2J\nnext"))
    assert line == "ConnectionError: closed by https://h/hooks/*** \\x1b[2J next"
    assert summary_of(KeyError()) == "KeyError"


def test_classic_classes_subclass_http_error() -> None:
    for cls in (
        InvalidOrMissingParameters,
        NoAccessTokenProvided,
        NotEnoughPermissions,
        ResourceNotFound,
        MethodNotAllowed,
        ContentTooLarge,
        FeatureDisabled,
    ):
        assert issubclass(cls, requests.HTTPError)


def test_html_error_body_gives_one_clear_error(driver: Driver, mock: responses.RequestsMock) -> None:
    html = "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1>" + "x" * 5000 + "</body></html>"
    mock.get(f"{BASE}/users/me", body=html, status=502, content_type="text/html")
    driver.client.options["retries"] = 0
    with pytest.raises(ServerError) as info:
        driver.users.get_user("me")
    assert "HTML page" in str(info.value) and "<html" not in str(info.value)
    assert len(str(info.value)) < 300


def test_request_id_falls_back_to_header(driver: Driver, mock: responses.RequestsMock) -> None:
    mock.get(f"{BASE}/users/me", body="limit exceeded\n", status=429, headers={"X-Request-ID": "hdr-id"})
    driver.client.options["retries"] = 0
    with pytest.raises(TooManyRequests) as info:
        driver.users.get_user("me")
    assert info.value.request_id == "hdr-id" and info.value.message == "limit exceeded"


def test_success_html_page_is_unexpected_response(driver: Driver, mock: responses.RequestsMock) -> None:
    mock.get(f"{BASE}/users/me", body="<html>login page</html>", status=200, content_type="text/html")
    with pytest.raises(UnexpectedResponse, match="HTML page"):
        driver.users.get_user("me")


def test_broken_json_is_unexpected_response(driver: Driver, mock: responses.RequestsMock) -> None:
    mock.get(f"{BASE}/users/me", body="{not json", status=200, content_type="application/json")
    with pytest.raises(UnexpectedResponse, match="not valid JSON"):
        driver.users.get_user("me")


def test_get_redirect_is_not_followed(driver: Driver, mock: responses.RequestsMock) -> None:
    # e.g. a server cleaning "/users/../system/ping": following it would change the route
    mock.get(f"{BASE}/users/..%2Fsystem%2Fping", status=301, headers={"Location": "/api/v4/system/ping"})
    with pytest.raises(UnexpectedResponse, match="redirected to /api/v4/system/ping"):
        driver.users.get_user("../system/ping")
    assert len(mock.calls) == 1


def test_post_redirect_is_a_clear_error(driver: Driver, mock: responses.RequestsMock) -> None:
    mock.post(f"{BASE}/users/search", status=301, headers={"Location": "https://mm.test/api/v4/users/search"})
    with pytest.raises(
        UnexpectedResponse, match=re.escape("redirected to https://mm.test/api/v4/users/search")
    ):
        driver.users.search_users({"term": "x"})


# -- retries ---------------------------------------------------------------------------------------


def test_get_retried_on_503_then_succeeds(
    driver: Driver, mock: responses.RequestsMock, sleeps: List[float]
) -> None:
    mock.get(f"{BASE}/users/me", json=app_error(503), status=503)
    mock.get(f"{BASE}/users/me", json=app_error(504), status=504)
    mock.get(f"{BASE}/users/me", json={"id": "u1"}, status=200)
    assert driver.users.get_user("me") == {"id": "u1"}
    assert len(sleeps) == 2
    assert 0.25 <= sleeps[0] <= 0.5 and 0.5 <= sleeps[1] <= 1.0  # exponential with jitter


def test_retries_give_up_after_the_limit(
    driver: Driver, mock: responses.RequestsMock, sleeps: List[float]
) -> None:
    mock.get(f"{BASE}/users/me", json=app_error(502), status=502)
    with pytest.raises(ServerError):
        driver.users.get_user("me")
    assert len(mock.calls) == 4 and len(sleeps) == 3


def test_backoff_is_capped(driver: Driver, mock: responses.RequestsMock, sleeps: List[float]) -> None:
    driver.client.options.update(retries=8, backoff_max=2.0)
    mock.get(f"{BASE}/users/me", json=app_error(503), status=503)
    with pytest.raises(ServerError):
        driver.users.get_user("me")
    assert len(sleeps) == 8 and max(sleeps) <= 2.0


def test_retries_can_be_turned_off(driver: Driver, mock: responses.RequestsMock, sleeps: List[float]) -> None:
    driver.client.options["retries"] = 0
    mock.get(f"{BASE}/users/me", json=app_error(503), status=503)
    with pytest.raises(ServerError):
        driver.users.get_user("me")
    assert len(mock.calls) == 1 and sleeps == []


def test_post_not_retried_after_5xx(
    driver: Driver, mock: responses.RequestsMock, sleeps: List[float]
) -> None:
    mock.post(f"{BASE}/teams", json=app_error(503), status=503)
    with pytest.raises(ServerError):
        driver.teams.create_team({"name": "t"})
    assert len(mock.calls) == 1 and sleeps == []


def test_post_not_retried_after_read_error(
    driver: Driver, mock: responses.RequestsMock, sleeps: List[float]
) -> None:
    mock.post(f"{BASE}/teams", body=requests.exceptions.ReadTimeout("read timed out"))
    with pytest.raises(TransportError, match="timed out"):
        driver.teams.create_team({"name": "t"})
    assert len(mock.calls) == 1 and sleeps == []


def test_get_retried_after_connection_reset(
    driver: Driver, mock: responses.RequestsMock, sleeps: List[float]
) -> None:
    mock.get(f"{BASE}/users/me", body=requests.exceptions.ConnectionError("reset by peer"))
    mock.get(f"{BASE}/users/me", json={"id": "u1"})
    assert driver.users.get_user("me") == {"id": "u1"}
    assert len(sleeps) == 1


def test_429_retried_for_post_honouring_retry_after(
    driver: Driver, mock: responses.RequestsMock, sleeps: List[float]
) -> None:
    mock.post(f"{BASE}/teams", body="limit exceeded\n", status=429, headers={"Retry-After": "3"})
    mock.post(f"{BASE}/teams", json={"id": "t1"}, status=201)
    assert driver.teams.create_team({"name": "t"}) == {"id": "t1"}
    assert len(sleeps) == 1 and 3.0 <= sleeps[0] <= 3.1


def test_429_falls_back_to_ratelimit_reset(
    driver: Driver, mock: responses.RequestsMock, sleeps: List[float]
) -> None:
    mock.get(f"{BASE}/users/me", body="limit exceeded\n", status=429, headers={"X-Ratelimit-Reset": "2"})
    mock.get(f"{BASE}/users/me", json={"id": "u1"})
    driver.users.get_user("me")
    assert 2.0 <= sleeps[0] <= 2.1


def test_429_retry_after_too_long_raises_with_retry_after(
    driver: Driver, mock: responses.RequestsMock, sleeps: List[float]
) -> None:
    mock.get(f"{BASE}/users/me", body="limit exceeded\n", status=429, headers={"Retry-After": "3600"})
    with pytest.raises(TooManyRequests) as info:
        driver.users.get_user("me")
    assert info.value.retry_after == 3600.0 and sleeps == []


def test_create_post_retried_with_the_same_pending_post_id(
    driver: Driver, mock: responses.RequestsMock, sleeps: List[float]
) -> None:
    mock.post(f"{BASE}/posts", body="limit exceeded\n", status=429, headers={"Retry-After": "1"})
    mock.post(f"{BASE}/posts", json=app_error(503), status=503)
    mock.post(f"{BASE}/posts", body=requests.exceptions.ConnectionError("reset"))
    mock.post(
        f"{BASE}/posts",
        json=app_error(500, "api.post.deduplicate_create_post.pending"),
        status=500,
    )
    driver.client.options["retries"] = 5
    mock.post(f"{BASE}/posts", json={"id": "p1"}, status=201)
    given = {"channel_id": "c1", "message": "hello"}
    assert driver.posts.create_post(given) == {"id": "p1"}
    assert given == {"channel_id": "c1", "message": "hello"}  # the caller's dict is untouched
    bodies = [json.loads(c.request.body) for c in mock.calls]
    ids = {b["pending_post_id"] for b in bodies}
    assert len(bodies) == 5 and len(ids) == 1 and ids.pop()


def test_create_post_keeps_callers_pending_post_id(driver: Driver, mock: responses.RequestsMock) -> None:
    mock.post(f"{BASE}/posts", json={"id": "p1"}, status=201)
    driver.posts.create_post({"channel_id": "c", "message": "m", "pending_post_id": "mine:1"})
    assert json.loads(mock.calls[0].request.body)["pending_post_id"] == "mine:1"


def test_create_post_not_retried_on_plain_500(driver: Driver, mock: responses.RequestsMock) -> None:
    mock.post(f"{BASE}/posts", json=app_error(500, "app.post.save.app_error"), status=500)
    with pytest.raises(ServerError):
        driver.posts.create_post({"channel_id": "c", "message": "m"})
    assert len(mock.calls) == 1


def test_connect_error_retried_even_for_post(sleeps: List[float]) -> None:
    # nothing listens on port 9 of loopback: the request never reaches a server
    options = {"url": "http://127.0.0.1:9", "token": "t", "retries": 2}
    d = Driver(options, retry=no_sleep(options, sleeps))
    with pytest.raises(TransportError, match="could not connect") as info:
        d.teams.create_team({"name": "x"})
    assert len(sleeps) == 2
    assert isinstance(info.value, requests.ConnectionError)
    assert info.value.url == "http://127.0.0.1:9/api/v4/teams"


def test_upload_rewound_between_attempts(driver: Driver, mock: responses.RequestsMock, tmp_path: Any) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"payload-bytes")
    mock.put(f"{BASE}/users/u1/image", body="limit exceeded", status=429, headers={"Retry-After": "0"})
    mock.put(f"{BASE}/users/u1/image", json={"status": "OK"})
    with f.open("rb") as fh:
        driver.client.make_request("put", "/users/u1/image", files={"image": fh})
        assert all(b"payload-bytes" in read_body(c.request.body) for c in mock.calls)
    assert len(mock.calls) == 2


# -- timeouts ---------------------------------------------------------------------------------------


def test_default_timeout_is_sent(kind: str, mock: responses.RequestsMock) -> None:
    transport = Recorded()
    driver = make_driver(kind, OPTIONS, transport=transport)
    mock.get(f"{BASE}/users/me", json={})
    driver.users.get_user("me")
    driver.client.make_request("get", "/users/me", timeout=1.5)
    driver.client.make_request("get", "/users/me", timeout=(2, 3, 4))
    seen = [request.timeouts for request in transport.seen]
    assert seen[0] == (10.0, 60.0, 70.0) and driver.options["request_timeout"] == (10.0, 60.0)
    assert seen[1] == (1.5, 1.5, 3.0) and seen[2] == (2, 3, 4)


def test_read_timeout_on_real_socket_is_transport_error(sleeps: List[float]) -> None:
    import socket

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)  # accepts the connection, never answers
    port = server.getsockname()[1]
    try:
        options = {"url": f"http://127.0.0.1:{port}", "request_timeout": (1, 0.3), "retries": 1}
        d = Driver(options, retry=no_sleep(options, sleeps))
        with pytest.raises(TransportError, match="timed out"):
            d.users.get_user("me")
        assert len(sleeps) == 1  # a GET is retried once, then gives up
    finally:
        server.close()


# -- paths, helpers, cookies --------------------------------------------------------------------------


def test_path_arguments_are_escaped(driver: Driver, mock: responses.RequestsMock) -> None:
    mock.get(f"{BASE}/users/..%2Fx", json={"id": "x"})
    driver.users.get_user("../x")
    assert mock.calls[0].request.path_url == "/api/v4/users/..%2Fx"


@pytest.mark.parametrize("bad", ["", None, ".", ".."])
def test_empty_and_dot_path_arguments_are_refused(
    driver: Driver, mock: responses.RequestsMock, bad: Any
) -> None:
    with pytest.raises(ValueError, match=re.escape("cannot be empty, '.' or '..'")):
        driver.users.get_user(bad)
    with pytest.raises(ValueError):
        driver.channels.remove_channel_member("cid", bad)
    assert not mock.calls


def test_make_request_keeps_its_732_signature(driver: Driver, mock: responses.RequestsMock) -> None:
    mock.post(
        f"{BASE}/users/search",
        json=[{"id": "u"}],
        match=[matchers.json_params_matcher({"term": "bob"}), matchers.query_param_matcher({"page": "1"})],
    )
    response = driver.client.make_request("post", "/users/search", {"term": "bob"}, {"page": 1})
    assert isinstance(response, requests.Response) and response.json() == [{"id": "u"}]
    assert response.request.headers["Authorization"] == "Bearer s3cret-token"


def test_basepath_argument_replaces_api_path(driver: Driver, mock: responses.RequestsMock) -> None:
    mock.post("http://mm.test:80/plugins/x/hook", body="ok")
    assert driver.client.make_request("post", "/hook", basepath="/plugins/x").text == "ok"


def test_json_helpers(driver: Driver, mock: responses.RequestsMock) -> None:
    mock.get(f"{BASE}/x", json={"a": 1})
    mock.post(f"{BASE}/x", json=[1])
    mock.put(f"{BASE}/x", json={"b": 2})
    mock.patch(f"{BASE}/x", json={"c": 3})
    mock.delete(f"{BASE}/x", json={"status": "OK"})
    c = driver.client
    assert (c.get("/x"), c.post("/x"), c.put("/x"), c.patch("/x"), c.delete("/x")) == (
        {"a": 1},
        [1],
        {"b": 2},
        {"c": 3},
        {"status": "OK"},
    )


def test_binary_download_returns_response(driver: Driver, mock: responses.RequestsMock) -> None:
    mock.get(f"{BASE}/files/f1", body=b"\x89PNG...", content_type="image/png")
    response = driver.files.get_file("f1")
    assert isinstance(response, requests.Response) and response.content == b"\x89PNG..."


def test_json_null_is_none(driver: Driver, mock: responses.RequestsMock) -> None:
    mock.get(f"{BASE}/x", body="null", content_type="application/json")
    assert driver.client.get("/x") is None


def test_cookies_never_sent(driver: Driver, mock: responses.RequestsMock) -> None:
    mock.get(
        f"{BASE}/users/me",
        json={"id": "u"},
        headers={"Set-Cookie": "MMAUTHTOKEN=cookie-token; Path=/; HttpOnly"},
    )
    mock.post(f"{BASE}/posts", json={"id": "p"}, status=201)
    driver.users.get_user("me")
    driver.posts.create_post({"channel_id": "c", "message": "m"})
    assert "Cookie" not in mock.calls[1].request.headers


def test_the_session_for_callers_keeps_no_cookie(sync_driver: Driver, mock: responses.RequestsMock) -> None:
    mock.get(f"{BASE}/users/me", json={"id": "u"}, headers={"Set-Cookie": "MMAUTHTOKEN=cookie-token; Path=/"})
    sync_driver.client.session.get(f"{BASE}/users/me")
    assert len(sync_driver.client.session.cookies) == 0


def test_one_session_per_thread(sync_driver: Driver) -> None:
    driver = sync_driver
    sessions: List[requests.Session] = []
    t = threading.Thread(target=lambda: sessions.append(driver.client.session))
    t.start()
    t.join()
    assert driver.client.session is driver.client.session
    assert sessions[0] is not driver.client.session
    driver.client.close()
    assert driver.client.session is not sessions[0]


def test_auth_option_applied(mock: responses.RequestsMock) -> None:
    d = Driver({"url": "http://mm.test", "port": 80, "auth": requests.auth.HTTPBasicAuth("proxyuser", "pw")})
    mock.get(f"{BASE}/system/ping", json={"status": "OK"})
    d.system.check_system_health()
    assert mock.calls[0].request.headers["Authorization"].startswith("Basic ")


# -- webhooks -----------------------------------------------------------------------------------------


def test_call_webhook_by_id_is_outside_the_api_path(mock: responses.RequestsMock) -> None:
    d = Driver({"url": "https://chat.example.com/mattermost"})
    mock.post(
        "https://chat.example.com:443/mattermost/hooks/abc123",
        body="ok",
        match=[matchers.json_params_matcher({"text": "hi"})],
    )
    response = d.webhooks.call_webhook("abc123", {"text": "hi"})
    assert response.status_code == 200 and response.text == "ok"
    assert "Authorization" not in mock.calls[0].request.headers


def test_call_webhook_by_full_url(driver: Driver, mock: responses.RequestsMock) -> None:
    mock.post("https://hooks.example.org/hooks/xyz", body="ok")
    assert driver.webhooks.call_webhook("https://hooks.example.org/hooks/xyz", {"text": "hi"}).text == "ok"


def test_call_webhook_error_hides_hook_id(mock: responses.RequestsMock) -> None:
    d = Driver({"url": "http://mm.test", "port": 80, "retries": 0})
    mock.post(
        "http://mm.test:80/hooks/secrethookid",
        json=app_error(400, "web.incoming_webhook.text.app_error"),
        status=400,
    )
    with pytest.raises(InvalidOrMissingParameters) as info:
        d.webhooks.call_webhook("secrethookid", {})
    assert (
        "secrethookid" not in str(info.value) and info.value.error_id == "web.incoming_webhook.text.app_error"
    )


# -- login / logout -----------------------------------------------------------------------------------


def test_login_with_password_keeps_session_token(mock: responses.RequestsMock) -> None:
    d = Driver(
        {"url": "http://mm.test", "port": 80, "login_id": "bob", "password": "pw", "mfa_token": "123456"}
    )
    mock.post(
        f"{BASE}/users/login",
        json={"id": "u1", "username": "bob"},
        headers={"Token": "session-tok"},
        match=[matchers.json_params_matcher({"login_id": "bob", "password": "pw", "token": "123456"})],
    )
    mock.get(f"{BASE}/users/me", json={"id": "u1"})
    assert d.login() == {"id": "u1", "username": "bob"}
    assert (d.client.token, d.client.userid, d.client.username) == ("session-tok", "u1", "bob")
    d.users.get_user("me")
    assert mock.calls[1].request.headers["Authorization"] == "Bearer session-tok"


def test_login_with_token_checks_me(mock: responses.RequestsMock) -> None:
    d = Driver({"url": "http://mm.test", "port": 80, "token": "pat"})
    mock.get(f"{BASE}/users/me", json={"id": "u2", "username": "bot"})
    assert d.login()["username"] == "bot" and d.client.userid == "u2"


def test_login_without_credentials_is_value_error() -> None:
    with pytest.raises(ValueError, match="token"):
        Driver().login()


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_failed_logout_on_leaving_with_is_logged_whole(
    mock: responses.RequestsMock, caplog: pytest.LogCaptureFixture, kind: str
) -> None:
    # str(e) is the server's message alone: the warning must say which call failed and how
    options = {"url": "http://mm.test", "port": 80, "login_id": "bob", "password": "pw-secret"}
    mock.post(f"{BASE}/users/login", json={"id": "u1", "username": "bob"}, headers={"Token": "session-tok"})
    mock.post(f"{BASE}/users/logout", status=500, json=app_error(500, "app.logout.failed", "not ended"))
    with caplog.at_level(logging.WARNING, logger="mattermostdriver"):
        if kind == "sync":
            with Driver(options) as d:
                d.login()
        else:

            async def main() -> None:
                # the async client's requests reach responses through a MockTransport (make_driver's way)
                async with AsyncDriver(options, transport=MockTransport(through_requests)) as d:
                    await d.login()

            asyncio.run(main())
    (warning,) = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warning == (
        "closing the driver: its password session was not logged out: "
        f"500 POST {BASE}/users/logout: not ended [app.logout.failed] (request id req123)"
    )
    assert "session-tok" not in caplog.text and "pw-secret" not in caplog.text


def test_logout_forgets_token(driver: Driver, mock: responses.RequestsMock) -> None:
    mock.post(f"{BASE}/users/logout", json={"status": "OK"})
    assert driver.logout() == {"status": "OK"}
    assert driver.client.token is None


def test_one_shot_body_not_resent_after_429(
    driver: Driver, mock: responses.RequestsMock, sleeps: List[float]
) -> None:
    mock.put(f"{BASE}/x", body="limit exceeded", status=429, headers={"Retry-After": "0"})
    mock.put(f"{BASE}/x", json={})
    with pytest.raises(TooManyRequests):
        driver.client.make_request("put", "/x", data=(chunk for chunk in [b"a", b"b"]))
    assert len(mock.calls) == 1 and sleeps == []


def test_unseekable_upload_read_once_and_resent_whole(
    driver: Driver, mock: responses.RequestsMock, sleeps: List[float]
) -> None:
    class Pipe:
        def __init__(self) -> None:
            self.chunks = [b"from a pipe"]

        def read(self, n: int = -1) -> bytes:
            return self.chunks.pop() if self.chunks else b""

        def tell(self) -> int:
            raise OSError("not seekable")

    mock.put(f"{BASE}/x", json=app_error(503), status=503)
    mock.put(f"{BASE}/x", json={})
    driver.client.make_request("put", "/x", files={"f": ("a", Pipe())})
    assert len(mock.calls) == 2
    assert all(b"from a pipe" in read_body(c.request.body) for c in mock.calls)
