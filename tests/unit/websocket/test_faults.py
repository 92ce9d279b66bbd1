"""Hostile input and faults (issue 11): secrets and terminal control in logs, bad JSON, flapping links."""

from __future__ import annotations

import json
import logging
from typing import Any, List

import pytest

from mattermostdriver.exceptions import WebsocketAuthError, WebsocketError
from mattermostdriver.websocket import Websocket

from ...support.ws_server import TOKEN, FakeMattermost
from .helpers import Collector, options, started, wait_until

pytestmark = pytest.mark.timeout(60)

DEEP = "[" * 100_000 + "]" * 100_000  # valid JSON that json.loads cannot parse (RecursionError)


def client_log(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith("websockets.server"))


# -- 5: the upgrade answer's cookies and Location in the DEBUG log ----------------------------


def test_upgrade_answer_cookies_and_location_are_redacted(
    server: FakeMattermost, listeners: List[Websocket], caplog: pytest.LogCaptureFixture
) -> None:
    # a sticky-session load balancer sets cookies on the upgrade; a redirect carries a token
    server.upgrade_headers = [
        ("Set-Cookie", "MMAUTHTOKEN=cookie-secret-123; Path=/; HttpOnly"),
        ("Set-Cookie", "AWSALB=sticky-secret-456; Path=/"),
    ]
    server.redirect_to = f"ws://127.0.0.1:{server.port}/api/v4/websocket?token=location-secret-789"
    with caplog.at_level(logging.DEBUG):
        ws, _ = started(server, listeners, debug=True)
        ws.disconnect()
    logged = client_log(caplog)
    for secret in ("cookie-secret-123", "sticky-secret-456", "location-secret-789", TOKEN):
        assert secret not in logged
    assert "MMAUTHTOKEN=***" in logged and "AWSALB=***" in logged  # the names stay, as in REST's log
    assert f"ws://127.0.0.1:{server.port}/api/v4/websocket" in logged  # the Location, without its query


# -- server text is data, never terminal control ---------------------------------------------


def test_server_text_in_log_lines_is_cleaned(
    server: FakeMattermost, listeners: List[Websocket], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        ws, got = started(server, listeners, debug=True)
        server.send_raw('{"event": "x\x1b]0;pwned\x07", "note": "\x1b[2J\u202e"}')
        assert got.wait_for(lambda c: len(c.texts) == 2)
        server.close_all(4000, "bye\x1b[31m\u2028red")
        assert wait_until(lambda: len(server.upgrades) == 2 and ws.connected)
    logged = client_log(caplog)
    assert "\x1b" not in logged and "\x07" not in logged and "\u202e" not in logged and "\u2028" not in logged
    assert "\\x1b]0;pwned" in logged  # shown escaped
    assert "4000" in logged and "bye\\x1b[31m" in logged


# -- 10: deeply nested JSON, a hello whose data is not an object ------------------------------


def test_deeply_nested_frame_is_passed_on_as_text_and_the_stream_goes_on(
    server: FakeMattermost, listeners: List[Websocket]
) -> None:
    ws, got = started(server, listeners)
    server.send_raw(DEEP)
    server.emit()
    assert got.wait_events(1) == [1]
    assert DEEP in got.texts  # passed on as received, like any frame that is not a JSON object
    assert ws.running and ws.error is None and len(server.upgrades) == 1


def test_deeply_nested_post_is_left_as_text_when_decoding(server: FakeMattermost) -> None:
    got: List[Any] = []
    ws = Websocket(options(server.port), TOKEN, decode=True).start(got.append)
    try:
        assert wait_until(lambda: len(got) == 1)
        server.emit("posted", {"post": DEEP})
        server.emit("posted", {"post": json.dumps({"id": "p2"})})
        assert wait_until(lambda: len(got) == 3)
    finally:
        ws.stop()
    assert got[1]["data"]["post"] == DEEP and got[2]["data"]["post"] == {"id": "p2"}
    assert ws.error is None


@pytest.mark.parametrize(
    "data", ["text", 5, [1, 2], {"connection_id": {"x": 1}}, {"connection_id": "\x1b" * 9}]
)
def test_hello_whose_data_is_not_an_object_is_passed_on(
    server: FakeMattermost, listeners: List[Websocket], data: Any
) -> None:
    server.hello_data = data
    ws, got = started(server, listeners)
    assert got.events("hello")[0]["data"] == data
    assert ws.connection_id is None  # no usable id: nothing to resume with
    server.emit()
    assert got.wait_events(1) == [1]
    assert ws.running and ws.error is None and len(server.upgrades) == 1


# -- 12: keepalive off, a server that never manages to resume ---------------------------------


def test_keepalive_off_server_that_never_resumes_ends_with_websocket_error(server: FakeMattermost) -> None:
    server.resume_gap = True  # every replay skips an event: the client sees a gap each time
    got = Collector()
    ws = Websocket(options(server.port, keepalive=False), TOKEN).start(got)
    try:
        assert got.wait_for(lambda c: c.events("hello"))
        server.emit()
        server.emit(skip_send=True)
        server.emit()
        assert ws.wait(15), "the listener is still retrying"
    finally:
        ws.stop()
    assert isinstance(ws.error, WebsocketError) and not isinstance(ws.error, WebsocketAuthError)
    assert "resume" in str(ws.error)
    assert got.seqs() == [1]


# -- 7: a quiet listener on a flapping link ---------------------------------------------------


@pytest.mark.parametrize("answers_actions", [True, False])
def test_resumed_links_cut_before_any_event_never_end_a_valid_listener(
    server: FakeMattermost, listeners: List[Websocket], monkeypatch: pytest.MonkeyPatch, answers_actions: bool
) -> None:
    ws, got = started(server, listeners)
    first_id = ws.connection_id
    if not answers_actions:  # nothing at all comes on a resumed link before it is cut
        monkeypatch.setattr(server, "_answer", lambda ws, request: None)
    for cut in range(1, 5):
        server.drop()
        assert wait_until(lambda n=cut: len(server.upgrades) == n + 1 and ws.connected), f"cut {cut}"
        if answers_actions:  # the server proved the token: the resumed link is not silent
            assert wait_until(lambda n=cut: len(server.actions) == n)
    assert ws.running and ws.error is None
    for _ in range(5):
        server.emit()
    assert len(got.wait_events(5)) == 5
    assert ws.running and ws.error is None
    if answers_actions:
        assert ws.connection_id == first_id and ws.resyncs == []  # type: ignore[attr-defined]
        assert all(u.get("connection_id") == first_id for u in server.upgrades[1:])


def test_fresh_connections_closed_at_once_with_a_close_frame_are_not_a_bad_token(
    server: FakeMattermost, listeners: List[Websocket]
) -> None:
    # a bad token is closed without a close frame; an overloaded server says so (1013)
    server.close_next = 3
    ws, got = started(server, listeners)
    assert ws.running and ws.error is None and server.attempts == 4
    server.emit()
    assert got.wait_events(1) == [1]


def test_token_revoked_while_resuming_ends_with_auth_error_in_bounded_time(
    server: FakeMattermost, listeners: List[Websocket]
) -> None:
    ws, _got = started(server, listeners)
    server.token = "another-token"  # the listener's token is revoked...
    server.silent_close_after = 0.2  # ...so the server upgrades it and closes without a word
    server.drop()
    assert ws.wait(20), "a revoked token must end the listener"
    assert isinstance(ws.error, WebsocketAuthError) and ws.error.status_code == 401
