"""Hostile servers and bad arguments: one clear exception, nothing lost, nothing leaked (REST side)."""

from __future__ import annotations

import json
import math
import re
from typing import Any, Dict, List

import pytest
import requests
import responses

from mattermostdriver import Driver, ServerError, TransportError, UnexpectedResponse
from mattermostdriver.options import normalize_options

from .conftest import BASE, OPTIONS, Recorded, make_driver

ESC = "\x1b[2J\x1b[H"  # clear the screen, cursor home


# -- 3: server text reaches exceptions and the terminal raw ------------------------------------------
@pytest.mark.parametrize("field", ["message", "id", "detailed_error", "request_id"])
def test_control_characters_from_the_server_are_neutralised(
    driver: Driver, mock: responses.RequestsMock, field: str
) -> None:
    body = {"id": "x.y", "message": "m", "detailed_error": "d", "request_id": "r", "status_code": 400}
    body[field] = f"evil{ESC}\r\nline two\u202e"
    mock.get(f"{BASE}/users/me", json=body, status=400)
    with pytest.raises(requests.HTTPError) as info:
        driver.users.get_user("me")
    error = info.value
    texts = (str(error), error.summary, error.message, error.error_id, error.detailed_error, error.request_id)  # type: ignore[attr-defined]
    for text in texts:
        assert "\x1b" not in text and "\n" not in text and "\r" not in text and "\u202e" not in text
    assert "\\x1b[2J" in error.summary or field == "detailed_error"  # type: ignore[attr-defined] # shown, escaped


def test_control_characters_in_the_request_id_header(driver: Driver, mock: responses.RequestsMock) -> None:
    mock.get(f"{BASE}/users/me", body="nope", status=418, headers={"X-Request-ID": f"rid{ESC}"})
    with pytest.raises(requests.HTTPError) as info:
        driver.users.get_user("me")
    assert "\x1b" not in str(info.value) and info.value.request_id == "rid\\x1b[2J\\x1b[H"  # type: ignore[attr-defined]


def test_a_megabyte_message_makes_a_short_line(driver: Driver, mock: responses.RequestsMock) -> None:
    mock.get(f"{BASE}/users/me", json={"id": "x", "message": "A" * 1_000_000}, status=400)
    with pytest.raises(requests.HTTPError) as info:
        driver.users.get_user("me")
    assert len(str(info.value)) < 800 and "more characters" in str(info.value)


def test_debug_log_line_has_no_control_characters(
    driver: Driver, mock: responses.RequestsMock, caplog: pytest.LogCaptureFixture
) -> None:
    mock.get(f"{BASE}/users/me", json={"id": "u"}, headers={"X-Request-ID": f"r{ESC}\n"})
    with caplog.at_level("DEBUG", logger="mattermostdriver"):
        driver.users.get_user("me")
    lines = [r.getMessage() for r in caplog.records]
    assert lines and all("\x1b" not in line and "\n" not in line for line in lines)


# -- 4: a password in url is echoed --------------------------------------------------------------
@pytest.mark.parametrize(
    "url",
    ["ftp://user:PW-SECRET@host", "https://user:PW-SECRET@/", "https://user:PW-SECRET@h:99999/x?token=q"],
)
def test_password_in_url_never_echoed(url: str) -> None:
    with pytest.raises(ValueError) as info:
        Driver({"url": url})
    assert "PW-SECRET" not in str(info.value) and "PW-SECRET" not in repr(info.value)


def test_bad_url_message_drops_the_query() -> None:
    with pytest.raises(ValueError) as info:
        Driver({"url": "gopher://chat.example.com/?access_token=TOK-SECRET"})
    assert "TOK-SECRET" not in str(info.value) and "scheme" in str(info.value)


# -- 6: create_post never posts twice ------------------------------------------------------------
def test_create_post_resent_within_the_window_keeps_its_pending_id(
    driver: Driver, mock: responses.RequestsMock, sleeps: List[float]
) -> None:
    bodies: List[Dict[str, Any]] = []

    def answer(request: requests.PreparedRequest) -> Any:
        bodies.append(json.loads(request.body or b"{}"))
        if len(bodies) == 1:
            raise requests.exceptions.ReadTimeout("lost answer")
        return (201, {"Content-Type": "application/json"}, json.dumps({"id": "p1"}))

    mock.add_callback("POST", f"{BASE}/posts", callback=answer)
    assert driver.posts.create_post({"channel_id": "c", "message": "hi"}) == {"id": "p1"}
    assert len(bodies) == 2 and bodies[0]["pending_post_id"] == bodies[1]["pending_post_id"]


def test_create_post_not_resent_once_the_window_may_have_passed(
    driver: Driver, mock: responses.RequestsMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = [1000.0]
    monkeypatch.setattr("mattermostdriver.core.loop.time.monotonic", lambda: clock[0])
    calls: List[int] = []

    def answer(request: requests.PreparedRequest) -> Any:
        calls.append(1)
        clock[0] += 26.0  # the answer was lost after a long wait
        raise requests.exceptions.ReadTimeout("lost answer")

    mock.add_callback("POST", f"{BASE}/posts", callback=answer)
    driver.client.options.update(retries=10, request_timeout=(60, 600))
    with pytest.raises(TransportError, match="may have been created"):
        driver.posts.create_post({"channel_id": "c", "message": "hi"})
    assert len(calls) == 1


@pytest.mark.parametrize("timeout", [(10, 60), (600, 600, 6000), 5])
def test_create_post_attempts_are_short_enough_to_resend_in_the_window(
    kind: str, mock: responses.RequestsMock, timeout: Any
) -> None:
    transport = Recorded()
    driver = make_driver(kind, OPTIONS, transport=transport)
    mock.post(f"{BASE}/posts", json={"id": "p1"})
    driver.client.options["request_timeout"] = timeout
    driver.posts.create_post({"channel_id": "c", "message": "hi"})
    seen = [request.timeouts for request in transport.seen]
    assert seen and seen[0].total <= 12.5 and seen[0].read <= 12.5


def test_create_post_repeated_by_the_caller_after_no_answer_reuses_the_id(
    driver: Driver, mock: responses.RequestsMock
) -> None:
    bodies: List[Dict[str, Any]] = []

    def answer(request: requests.PreparedRequest) -> Any:
        bodies.append(json.loads(request.body or b"{}"))
        if len(bodies) <= 4:  # the first call: every attempt times out
            raise requests.exceptions.ReadTimeout("lost answer")
        return (201, {"Content-Type": "application/json"}, json.dumps({"id": "p1"}))

    mock.add_callback("POST", f"{BASE}/posts", callback=answer)
    post = {"channel_id": "c", "message": "same text"}
    with pytest.raises(TransportError):
        driver.posts.create_post(post)
    assert driver.posts.create_post(post) == {"id": "p1"}
    assert len({b["pending_post_id"] for b in bodies}) == 1
    assert "pending_post_id" not in post
    # once answered, the same text again is a new post
    driver.posts.create_post(post)
    assert bodies[-1]["pending_post_id"] != bodies[0]["pending_post_id"]


def test_a_post_the_server_refused_is_not_remembered(driver: Driver, mock: responses.RequestsMock) -> None:
    bodies: List[Dict[str, Any]] = []

    def answer(request: requests.PreparedRequest) -> Any:
        bodies.append(json.loads(request.body or b"{}"))
        return (400, {}, json.dumps({"id": "bad", "message": "no"})) if len(bodies) == 1 else (201, {}, "{}")

    mock.add_callback("POST", f"{BASE}/posts", callback=answer)
    with pytest.raises(requests.HTTPError):
        driver.posts.create_post({"channel_id": "c", "message": "x"})
    driver.posts.create_post({"channel_id": "c", "message": "x"})
    assert bodies[0]["pending_post_id"] != bodies[1]["pending_post_id"]


# -- 9: answers of the wrong shape ---------------------------------------------------------------
@pytest.mark.parametrize(
    "body, ctype",
    [
        ("[]", "application/json"),
        ("null", "application/json"),
        ("", "application/json"),
        ("hello", "text/plain"),
        ('{"id": "u1"}', "application/json"),
        ('{"username": "bob"}', "application/json"),
        ('{"id": 5, "username": "bob"}', "application/json"),
    ],
)
@pytest.mark.parametrize("how", ["token", "password"])
def test_login_on_a_wrong_shaped_answer(
    mock: responses.RequestsMock, body: str, ctype: str, how: str
) -> None:
    options: Dict[str, Any] = {"url": "http://mm.test", "port": 80}
    if how == "token":
        options["token"] = "t"
        mock.get(f"{BASE}/users/me", body=body, content_type=ctype)
    else:
        options.update(login_id="bob", password="pw")
        mock.post(f"{BASE}/users/login", body=body, content_type=ctype, headers={"Token": "tok"})
    with pytest.raises(UnexpectedResponse):
        Driver(options).login()


def test_login_without_a_session_token(mock: responses.RequestsMock) -> None:
    mock.post(f"{BASE}/users/login", json={"id": "u1", "username": "bob"})
    with pytest.raises(UnexpectedResponse, match="session token"):
        Driver({"url": "http://mm.test", "port": 80, "login_id": "bob", "password": "pw"}).login()


@pytest.mark.parametrize("page", ['{"a": 1}', '"text"', "5", '{"channels": 3}'])
def test_iterators_on_a_page_of_the_wrong_shape(
    driver: Driver, mock: responses.RequestsMock, page: str
) -> None:
    mock.get(re.compile(f"{re.escape(BASE)}/users.*"), body=page, content_type="application/json")
    with pytest.raises(UnexpectedResponse):
        list(driver.users.iter_users())


@pytest.mark.parametrize("page", ["[]", '{"order": 5, "posts": {}}', '{"order": ["p1"], "posts": ["p1"]}'])
def test_post_iterator_on_a_page_of_the_wrong_shape(
    driver: Driver, mock: responses.RequestsMock, page: str
) -> None:
    mock.get(re.compile(f"{re.escape(BASE)}/channels/c/posts.*"), body=page, content_type="application/json")
    with pytest.raises(UnexpectedResponse):
        list(driver.posts.iter_posts_for_channel("c"))


def test_iterator_stops_when_the_server_ignores_paging(driver: Driver, mock: responses.RequestsMock) -> None:
    page = [{"id": f"u{i}"} for i in range(3)]
    mock.get(re.compile(f"{re.escape(BASE)}/users.*"), json=page)
    users = list(driver.users.iter_users(per_page=3))
    assert users == page and len(mock.calls) == 2


def test_post_iterator_stops_when_the_cursor_does_not_move(
    driver: Driver, mock: responses.RequestsMock
) -> None:
    page = {"order": ["p2", "p1"], "posts": {"p1": {"id": "p1"}, "p2": {"id": "p2"}}}
    mock.get(re.compile(f"{re.escape(BASE)}/channels/c/posts.*"), json=page)
    posts = list(driver.posts.iter_posts_for_channel("c", per_page=2, before="p1"))
    # p1 is the post the walk starts before: never given; p2 given once; a few pages asked for
    assert [p["id"] for p in posts] == ["p2"] and len(mock.calls) <= 5


# -- 10: deeply nested JSON -------------------------------------------------------------------------
@pytest.mark.parametrize("status", [200, 400])
def test_deeply_nested_json_is_invalid_json(
    driver: Driver, mock: responses.RequestsMock, status: int
) -> None:
    mock.get(
        f"{BASE}/users/me", body="[" * 100_000 + "]" * 100_000, status=status, content_type="application/json"
    )
    with pytest.raises((UnexpectedResponse, requests.HTTPError)) as info:
        driver.users.get_user("me")
    assert not isinstance(info.value, RecursionError)
    if status == 200:
        assert isinstance(info.value, UnexpectedResponse)


# -- 11: bad arguments fail at once ----------------------------------------------------------------
def _deep(n: int) -> Any:
    value: Any = 1
    for _ in range(n):
        value = [value]
    return value


def _circular() -> Any:
    value: Dict[str, Any] = {}
    value["self"] = value
    return value


@pytest.mark.parametrize("body", [{"x": math.nan}, {"x": math.inf}, _circular(), _deep(100_000)])
def test_bodies_that_cannot_be_json_raise_at_once(
    driver: Driver, mock: responses.RequestsMock, sleeps: List[float], body: Any
) -> None:
    with pytest.raises(ValueError):
        driver.client.post("/x", options=body)
    assert not mock.calls and not sleeps


@pytest.mark.parametrize(
    "options, message",
    [
        ({"verify": "/missing/ca.pem"}, "CA bundle"),
        ({"request_timeout": math.inf}, "request_timeout"),
        ({"request_timeout": (1, math.nan)}, "request_timeout"),
        ({"url": "http://h:0"}, "port"),
        ({"url": "h", "port": 0}, "port"),
        ({"url": ""}, "url"),
        ({"url": "   "}, "url"),
        ({"url": "chat example.com"}, "host"),
        ({"timeout": math.inf}, "timeout"),
        ({"keepalive_delay": math.nan}, "keepalive_delay"),
        ({"token": "a\r\nX-Evil: 1"}, "token"),
    ],
)
def test_bad_options_raise_value_error_from_the_driver(options: Dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Driver(options)


def test_timeout_per_call_is_checked(driver: Driver, mock: responses.RequestsMock) -> None:
    for bad in (math.inf, -1, "soon", (1, 2, 3, 4)):
        with pytest.raises(ValueError):
            driver.client.get("/users/me", timeout=bad)
    assert not mock.calls


def test_options_written_later_are_validated_and_seen(driver: Driver, mock: responses.RequestsMock) -> None:
    with pytest.raises(ValueError):
        driver.options["port"] = 0
    assert driver.options["port"] == 80
    driver.options["url"] = "http://other.test:81"
    mock.get("http://other.test:81/api/v4/users/me", json={"id": "u"})
    assert driver.users.get_user("me") == {"id": "u"}
    assert driver.client.options is driver.options
    assert normalize_options({"url": "http://h:81"})["port"] == 81


def test_retried_5xx_with_html_then_garbage_gives_one_clear_error(
    driver: Driver, mock: responses.RequestsMock
) -> None:
    mock.get(f"{BASE}/users/me", body="<html>bad</html>", status=502, content_type="text/html")
    mock.get(f"{BASE}/users/me", body=b"\x00\xff garbage", status=503)
    driver.client.options["retries"] = 1
    with pytest.raises(ServerError) as info:
        driver.users.get_user("me")
    assert info.value.status_code == 503 and "\x00" not in str(info.value)


@pytest.mark.parametrize(
    "body",
    [
        '{"a": "\u00e9\u20ac"}'.encode(),
        '{"a": "\u00e9"}'.encode("utf-16"),  # with its BOM
        '{"a": "\u00e9"}'.encode("utf-16-le"),  # without: NULs tell it
        '{"a": "\u00e9"}'.encode("utf-32"),
        '\ufeff{"a": "\u00e9"}'.encode(),  # UTF-8 with a BOM
        b'["\\ud800"]',  # a lone surrogate, escaped
    ],
)
def test_json_is_read_in_whatever_encoding_json_loads_reads(body: bytes) -> None:
    from mattermostdriver.exceptions import json_or_none

    assert json_or_none(body) == json.loads(body)


@pytest.mark.parametrize("body", [b'{"a": "\xff"}', b"{", b"[1,", b"\x00\x00"])
def test_broken_json_is_none(body: bytes) -> None:
    from mattermostdriver.exceptions import json_or_none

    assert json_or_none(body) is None
