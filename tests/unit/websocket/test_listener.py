"""The websocket listener's front doors, resume, keepalive, actions and options against a fake server."""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
from typing import Any, Callable, Dict, Iterator, List, Tuple

import pytest
import trustme

from mattermostdriver import Driver
from mattermostdriver.exceptions import WebsocketAuthError, WebsocketError
from mattermostdriver.options import Options
from mattermostdriver.websocket import THREAD_NAME, Websocket, decode_event

from ...support.ws_server import TOKEN, FakeMattermost, TcpRelay
from .helpers import TIMEOUT, AsyncCollector, Collector, listener_threads, options, started, wait_until

pytestmark = pytest.mark.timeout(60)

# -- connecting, handlers --------------------------------------------------------------------


def test_hello_and_events_reach_a_plain_handler_in_order(
    server: FakeMattermost, listeners: List[Websocket]
) -> None:
    ws, got = started(server, listeners)
    for i in range(5):
        server.emit("posted", {"n": i})
    assert got.wait_events(5) == [1, 2, 3, 4, 5]
    hello = got.messages()[0]
    assert hello["event"] == "hello" and hello["seq"] == 0
    assert ws.connection_id == hello["data"]["connection_id"] == server.active_ids[0]
    assert ws.sequence == 6
    assert [m["data"]["n"] for m in got.events()] == [0, 1, 2, 3, 4]
    assert all(isinstance(t, str) for t in got.texts)  # the raw JSON text, as 7.3.2 passed it
    assert any(t.name == THREAD_NAME for t in threading.enumerate())
    assert set(got.threads) == {THREAD_NAME}  # the handler runs on the listener's thread
    assert server.upgrades == [{}]  # the first connect asks for no resume
    ws.stop()
    assert not ws.running and ws.error is None


def test_async_handler_with_start(server: FakeMattermost, listeners: List[Websocket]) -> None:
    got = AsyncCollector()
    started(server, listeners, got)
    server.emit()
    server.emit()
    assert got.wait_events(2) == [1, 2]


def test_raw_options_are_normalized() -> None:
    ws = Websocket({"url": "https://chat.example.com/mm", "token": "x"}, "tok")
    assert ws.url == "wss://chat.example.com:443/mm/api/v4/websocket"
    ws = Websocket({"url": "chat.example.com", "scheme": "http", "port": 8065}, None)
    assert ws.url == "ws://chat.example.com:8065/api/v4/websocket"
    assert ws.connection_id is None and ws.sequence == 0 and not ws.connected and not ws.running
    assert isinstance(ws.options, Options) and ws._alive is False  # 7.3.2 set _alive = False too


def test_the_drivers_options_are_shared_and_read_at_each_connection(
    server: FakeMattermost, listeners: List[Websocket]
) -> None:
    other = FakeMattermost()
    try:
        d = Driver({**options(server.port), "token": TOKEN})
        got = Collector()
        ws = d.init_websocket(got, blocking=False)
        listeners.append(ws)
        assert ws.options is d.options  # one options object for REST and the websocket
        assert got.wait_for(lambda c: c.events("hello"))
        d.options["port"] = other.port  # changed after the listener started...
        assert ws.url == f"ws://127.0.0.1:{other.port}/api/v4/websocket"
        server.drop()
        assert got.wait_for(lambda c: len(c.events("hello")) == 2)  # ...used by the next connection
        assert len(server.upgrades) == 1 and len(other.upgrades) == 1
    finally:
        d.disconnect()
        other.close()


def test_handler_that_raises_is_logged_and_the_stream_goes_on(
    server: FakeMattermost, listeners: List[Websocket], caplog: pytest.LogCaptureFixture
) -> None:
    got = Collector()

    def handler(text: str) -> None:
        got.record(text)
        if json.loads(text).get("seq") == 1:
            raise RuntimeError("handler bug")

    started(server, listeners, handler, got)
    with caplog.at_level(logging.ERROR, logger="mattermostdriver.websocket"):
        for _ in range(3):
            server.emit()
        assert got.wait_events(3) == [1, 2, 3]
    records = [r for r in caplog.records if r.name == "mattermostdriver.websocket" and r.exc_info]
    assert len(records) == 1 and "handler bug" in str(records[0].exc_info[1])  # type: ignore[index]
    assert len(server.upgrades) == 1


def test_slow_handler_does_not_stall_pings(server: FakeMattermost, listeners: List[Websocket]) -> None:
    release = threading.Event()
    got = Collector()

    def handler(text: str) -> None:
        got.record(text)
        if json.loads(text).get("seq") == 1:
            release.wait(10)

    ping = 0.2
    started(server, listeners, handler, got, timeout=ping)
    for _ in range(20):  # more than websockets' read buffer (16 frames) takes before it stops reading
        server.emit()
    # blocked in the handler for 5 ping intervals: the link must stay up (pings answered, so
    # no keepalive failure closing it, no reconnect)
    assert not wait_until(lambda: not server.active_ids or len(server.upgrades) > 1, timeout=5 * ping)
    release.set()
    assert got.wait_events(20) == list(range(1, 21))
    assert len(server.upgrades) == 1


def test_token_never_logged(
    server: FakeMattermost, listeners: List[Websocket], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        ws, _ = started(server, listeners, debug=True)
        ws.disconnect()
    client_side = "\n".join(
        r.getMessage() for r in caplog.records if not r.name.startswith("websockets.server")
    )
    assert "Authorization: ***" in client_side  # websockets logs the headers at DEBUG (as REST: ***)...
    assert TOKEN not in client_side  # ...but never the token


# -- blocking use through an asyncio loop (the init_websocket contract) ----------------------


@pytest.mark.parametrize("handler_cls", [Collector, AsyncCollector])
def test_connect_runs_in_the_callers_loop_beside_other_tasks(
    server: FakeMattermost, handler_cls: type
) -> None:
    got = handler_cls()
    ws = Websocket(options(server.port), TOKEN)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.01)

    def on_message(text: str) -> None:
        message = json.loads(text)
        if message.get("event") == "hello":
            for _ in range(3):
                server.emit()
        elif message.get("seq") == 3:
            ws.disconnect()  # from inside the handler, on the loop's thread

    async def handler(text: str) -> None:
        result = got(text)
        if asyncio.iscoroutine(result):
            await result
        on_message(text)

    loop = asyncio.new_event_loop()
    try:
        task = loop.create_task(ticker())
        loop.run_until_complete(ws.connect(handler))
        task.cancel()
    finally:
        loop.close()
    assert got.seqs() == [1, 2, 3]
    assert ticks > 0
    assert set(got.threads) == {threading.current_thread().name}  # handlers ran on the loop's thread
    assert not ws.running


def test_disconnect_from_another_thread_ends_connect_within_2s(server: FakeMattermost) -> None:
    got = Collector()
    ws = Websocket(options(server.port), TOKEN)
    called: List[float] = []

    def other() -> None:
        if got.wait_for(lambda c: c.events("hello")):
            called.append(time.monotonic())
            ws.disconnect()

    threading.Thread(target=other).start()
    asyncio.run(ws.connect(got))
    elapsed = time.monotonic() - called[0]
    assert elapsed < 2.0
    assert not listener_threads()
    ws.disconnect()  # idempotent


def test_disconnect_from_inside_a_start_handler(server: FakeMattermost, listeners: List[Websocket]) -> None:
    ws = Websocket(options(server.port), TOKEN)
    listeners.append(ws)
    done = threading.Event()

    def handler(text: str) -> None:
        ws.disconnect()
        done.set()

    ws.start(handler)
    assert done.wait(5)
    assert ws.wait(2) and not ws.running


def test_disconnect_before_start_is_harmless() -> None:
    ws = Websocket(options(1), TOKEN)
    ws.disconnect()
    ws.stop()
    assert not ws.running


# -- drops, resume, gaps, resync -------------------------------------------------------------


def test_abrupt_drop_resumes_and_events_in_the_gap_arrive_once_in_order(
    server: FakeMattermost, listeners: List[Websocket]
) -> None:
    ws, got = started(server, listeners)
    first_id = ws.connection_id
    for _ in range(3):
        server.emit()
    got.wait_events(3)
    server.paused_status = 503  # the reconnect attempts fail for a while (backoff)...
    server.drop()
    for _ in range(5):
        server.emit()  # ...while events pile up on the server for this connection
    assert wait_until(lambda: server.attempts >= 3)
    server.paused_status = None
    assert got.wait_events(8) == list(range(1, 9))
    assert ws.connection_id == first_id and ws.sequence == 9
    assert server.upgrades[-1] == {"connection_id": first_id, "sequence_number": "4"}
    assert len(got.events("hello")) == 1 and ws.resyncs == []  # type: ignore[attr-defined]
    server.emit()
    assert got.wait_events(9) == list(range(1, 10))


def test_resume_timing_drop_to_first_replayed_event(
    server: FakeMattermost, listeners: List[Websocket]
) -> None:
    ws, got = started(server, listeners)
    server.emit()
    got.wait_events(1)
    t0 = time.monotonic()
    server.drop()
    for _ in range(3):
        server.emit()
    assert got.wait_events(4) == [1, 2, 3, 4]
    elapsed = got.times[got.texts.index(next(t for t in got.texts if '"seq": 2' in t))] - t0
    assert elapsed < 1.0
    assert ws.resyncs == []  # type: ignore[attr-defined]


def test_duplicates_from_the_replay_are_dropped(server: FakeMattermost, listeners: List[Websocket]) -> None:
    _ws, got = started(server, listeners)
    for _ in range(4):
        server.emit()
    got.wait_events(4)
    server.replay_overlap = 3  # the server replays 3 events the client already has
    server.drop()
    server.emit()
    server.emit()
    assert got.wait_events(6) == [1, 2, 3, 4, 5, 6]
    assert wait_until(lambda: len(server.upgrades) == 2)
    time.sleep(0.05)  # let any stray duplicate arrive before checking there is none
    assert got.seqs() == [1, 2, 3, 4, 5, 6]


def test_gap_reconnects_at_once_with_the_same_id_and_sequence(
    server: FakeMattermost, listeners: List[Websocket]
) -> None:
    ws, got = started(server, listeners, keepalive_delay=5)  # a gap must not wait for the backoff
    first_id = ws.connection_id
    server.emit()
    got.wait_events(1)
    server.emit(skip_send=True)  # seq 2 never sent on this socket
    server.emit()  # seq 3 shows the gap
    assert got.wait_events(3, timeout=3) == [1, 2, 3]
    assert server.upgrades[-1] == {"connection_id": first_id, "sequence_number": "2"}
    assert ws.resyncs == []  # type: ignore[attr-defined]


def test_server_restart_new_connection_id_calls_on_resync(
    server: FakeMattermost, listeners: List[Websocket]
) -> None:
    ws, got = started(server, listeners)
    old_id = ws.connection_id
    server.emit()
    got.wait_events(1)
    server.restart()
    assert got.wait_for(lambda c: len(c.events("hello")) == 2)
    new_id = ws.connection_id
    assert new_id and new_id != old_id
    assert ws.resyncs == [(old_id, new_id)]  # type: ignore[attr-defined]
    assert server.upgrades[-1] == {"connection_id": old_id, "sequence_number": "2"}
    server.emit()
    assert got.wait_for(lambda c: c.seqs() == [1, 1])  # the new connection counts from 1 again
    assert ws.sequence == 2


def test_starting_again_after_stop_resumes(server: FakeMattermost, listeners: List[Websocket]) -> None:
    ws, got = started(server, listeners)
    server.emit()
    got.wait_events(1)
    ws.stop()
    assert wait_until(lambda: not server.active_ids)
    server.emit()
    server.emit()
    ws.start(got)
    assert got.wait_events(3) == [1, 2, 3]
    assert len(got.events("hello")) == 1 and server.upgrades[-1]["sequence_number"] == "2"


def test_resume_too_old_gets_a_new_id_and_on_resync(
    server: FakeMattermost, listeners: List[Websocket]
) -> None:
    ws, got = started(server, listeners)
    old_id = ws.connection_id
    server.paused_status = 503
    server.drop()
    for _ in range(200):  # more than the 128-event dead queue
        server.emit()
    server.paused_status = None
    assert got.wait_for(lambda c: len(c.events("hello")) == 2)
    assert ws.resyncs == [(old_id, ws.connection_id)]  # type: ignore[attr-defined]
    assert got.seqs() == []


async def _async_resync(old: str, new: str, out: List[Tuple[str, str]]) -> None:
    await asyncio.sleep(0)
    out.append((old, new))


def test_on_resync_may_be_async_and_runs_before_the_new_hello(server: FakeMattermost) -> None:
    order: List[str] = []
    resyncs: List[Tuple[str, str]] = []

    async def on_resync(old: str, new: str) -> None:
        order.append("resync")
        await _async_resync(old, new, resyncs)

    ws = Websocket(options(server.port), TOKEN, on_resync=on_resync)

    def handler(text: str) -> None:
        message = json.loads(text)
        order.append(message.get("event", "?"))
        if message.get("event") == "hello":
            if len(resyncs) == 0:
                server.restart()
            else:
                ws.disconnect()

    asyncio.run(ws.connect(handler))
    assert order == ["hello", "resync", "hello"]
    assert len(resyncs) == 1


def test_half_open_link_is_detected_and_reconnected(
    server: FakeMattermost, listeners: List[Websocket]
) -> None:
    relay = TcpRelay(server.port)
    try:
        got = Collector()
        ws = Websocket(options(relay.port), TOKEN)
        listeners.append(ws)
        ws.start(got)
        assert got.wait_for(lambda c: c.events("hello"))
        t0 = time.monotonic()
        relay.freeze()  # no pong, no FIN, no RST: only the keepalive can notice
        assert wait_until(lambda: len(server.upgrades) == 2, timeout=6 * TIMEOUT + 2)
        detected = time.monotonic() - t0
        assert got.wait_for(lambda c: len(c.events("hello")) == 2)
        assert detected < 4 * TIMEOUT + 0.5
        server.emit()
        assert got.wait_for(lambda c: c.events("posted"))
        ws.disconnect()
    finally:
        relay.close()


def test_keepalive_off_ends_on_a_drop(server: FakeMattermost, listeners: List[Websocket]) -> None:
    ws, _got = started(server, listeners, keepalive=False)
    server.drop()
    assert ws.wait(3) and not ws.running
    assert ws.error is None
    assert len(server.upgrades) == 1


def test_keepalive_off_connect_failure_raises(server: FakeMattermost) -> None:
    server.paused_status = 502
    ws = Websocket(options(server.port, keepalive=False), TOKEN)
    with pytest.raises(WebsocketError) as info:
        asyncio.run(ws.connect(Collector()))
    assert info.value.status_code == 502 and not isinstance(info.value, WebsocketAuthError)
    assert server.attempts == 1


# -- authentication ---------------------------------------------------------------------------


@pytest.mark.parametrize("status", [401, 403])
def test_rejected_token_stops_without_retrying(server: FakeMattermost, status: int) -> None:
    server.auth_status = status
    token = "wrong-token-987654321"
    ws = Websocket(options(server.port), token)  # keepalive on: still no retry loop
    t0 = time.monotonic()
    with pytest.raises(WebsocketAuthError) as info:
        asyncio.run(ws.connect(Collector()))
    assert time.monotonic() - t0 < 2
    err = info.value
    assert err.status_code == status and err.method == "GET"
    assert err.url == f"ws://127.0.0.1:{server.port}/api/v4/websocket"
    assert token not in str(err) and token not in repr(err.args)
    assert server.attempts == 1


@pytest.mark.parametrize("keepalive, attempts", [(True, 2), (False, 1)])
def test_bad_token_upgraded_then_closed_silently_stops(
    server: FakeMattermost, keepalive: bool, attempts: int
) -> None:
    # the real server upgrades a bad token and closes the socket without a hello
    server.silent_close_after = 0.2
    ws = Websocket(options(server.port, keepalive=keepalive), "wrong-token-123")
    t0 = time.monotonic()
    with pytest.raises(WebsocketAuthError, match="without a hello") as info:
        asyncio.run(ws.connect(Collector()))
    assert time.monotonic() - t0 < 5
    assert info.value.status_code == 401 and "wrong-token-123" not in str(info.value)
    assert server.attempts == attempts


def test_rejected_token_non_blocking_keeps_the_error(server: FakeMattermost) -> None:
    ws = Websocket(options(server.port), "wrong").start(Collector())
    assert ws.wait(3)
    assert isinstance(ws.error, WebsocketAuthError)
    ws.stop()  # does not raise
    assert server.attempts == 1


@pytest.mark.parametrize("runner", ["thread", "event loop"])
def test_the_logged_failures_give_the_status_and_the_url_never_the_token(
    server: FakeMattermost, caplog: pytest.LogCaptureFixture, runner: str
) -> None:
    # str(e) is the server's message alone: a log line of it would say neither what nor where
    token = "wrong-token-5550123"
    ws = Websocket(options(server.port), token)
    server.paused_status = 503  # retried, with a warning each time...
    with caplog.at_level(logging.WARNING, logger="mattermostdriver.websocket"):
        if runner == "thread":
            ws.start(Collector())
            assert wait_until(lambda: server.attempts >= 2)
            server.paused_status = None  # ...then the token is refused: the end, logged as an error
            assert ws.wait(5)
        else:

            async def main() -> None:
                listening = asyncio.ensure_future(ws.connect(Collector()))
                while server.attempts < 2:
                    await asyncio.sleep(0.01)
                server.paused_status = None
                with pytest.raises(WebsocketAuthError):
                    await listening

            asyncio.run(main())
    where = f"GET ws://127.0.0.1:{server.port}/api/v4/websocket"
    lines = {r.levelname: r.getMessage() for r in caplog.records if r.name == "mattermostdriver.websocket"}
    assert lines["WARNING"].startswith(f"websocket: 503 {where}: websocket upgrade refused with HTTP 503")
    assert lines["ERROR"] == (
        f"websocket: 401 {where}: websocket upgrade refused: the token is missing or invalid; not retrying"
    )
    assert token not in caplog.text


@pytest.fixture
def loops_made(monkeypatch: pytest.MonkeyPatch) -> Iterator[List[asyncio.AbstractEventLoop]]:
    """Every event loop made meanwhile, explicitly or by the policy itself, in a fresh policy
    (no loop set in any thread yet), which is dropped at the end."""
    made: List[asyncio.AbstractEventLoop] = []
    policy_cls = type(asyncio.get_event_loop_policy())
    real = policy_cls.new_event_loop

    def recording(self: Any) -> asyncio.AbstractEventLoop:
        loop = real(self)
        made.append(loop)
        return loop

    monkeypatch.setattr(policy_cls, "new_event_loop", recording)
    asyncio.set_event_loop_policy(None)
    try:
        yield made
    finally:
        asyncio.set_event_loop_policy(None)


def _in_thread(where: str, call: Callable[[], None]) -> None:
    if where == "main thread":
        call()
        return
    thread = threading.Thread(target=call)
    thread.start()
    thread.join(30)


@pytest.mark.parametrize("where", ["main thread", "another thread"])
def test_refused_blocking_init_websocket_closes_the_loop_it_made(
    server: FakeMattermost, loops_made: List[asyncio.AbstractEventLoop], where: str
) -> None:
    d = Driver({**options(server.port), "token": "wrong"})
    errors: List[BaseException] = []
    left_set: List[Any] = []

    def listen() -> None:
        try:
            d.init_websocket(Collector())
        except WebsocketAuthError as exc:
            errors.append(exc)
        try:
            left_set.append(asyncio.get_event_loop_policy().get_event_loop())
        except RuntimeError:  # no loop set in this thread
            left_set.append(None)

    _in_thread(where, listen)
    assert len(errors) == 1 and server.attempts == 1
    assert len(loops_made) == 1 and loops_made[0].is_closed()
    assert left_set == [None]  # not the closed loop: a later get_event_loop() makes a usable one


@pytest.mark.parametrize("where", ["main thread", "another thread"])
def test_refused_blocking_init_websocket_leaves_the_callers_loop_open(
    server: FakeMattermost, loops_made: List[asyncio.AbstractEventLoop], where: str
) -> None:
    d = Driver({**options(server.port), "token": "wrong"})
    seen: List[Any] = []

    def listen() -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        try:
            with pytest.raises(WebsocketAuthError):
                d.init_websocket(Collector())
            seen.append(loop.is_closed())
            seen.append(asyncio.get_event_loop_policy().get_event_loop() is loop)  # still the thread's
            seen.append(loop.run_until_complete(asyncio.sleep(0, "usable")))
        finally:
            asyncio.set_event_loop(None)
            loop.close()

    _in_thread(where, listen)
    assert seen == [False, True, "usable"]


# -- TLS ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("verify", ["ca", False])
def test_wss_accepted_with_the_ca_bundle_or_without_verification(
    tls_server: FakeMattermost, ca: trustme.CA, tmp_path: Any, verify: Any
) -> None:
    if verify == "ca":
        verify = str(tmp_path / "ca.pem")
        ca.cert_pem.write_to_path(verify)
    got = Collector()
    ws = Websocket(options(tls_server.port, scheme="https", verify=verify), TOKEN)
    assert ws.url.startswith("wss://")
    try:
        ws.start(got)
        assert got.wait_for(lambda c: c.events("hello"))
    finally:
        ws.disconnect()


def test_wss_rejected_with_default_verification(tls_server: FakeMattermost) -> None:
    ws = Websocket(options(tls_server.port, scheme="https", verify=True, keepalive=False), TOKEN)
    with pytest.raises(WebsocketError) as info:
        asyncio.run(ws.connect(Collector()))
    assert not isinstance(info.value, WebsocketAuthError)
    assert "CERTIFICATE_VERIFY_FAILED" in str(info.value) or "certificate" in str(info.value).lower()
    assert tls_server.attempts == 0  # the TLS handshake failed; nothing retried


# -- actions -----------------------------------------------------------------------------------


def test_actions_and_their_seq_replies(server: FakeMattermost, listeners: List[Websocket]) -> None:
    ws, got = started(server, listeners)
    assert ws.user_typing("chan1") == 1
    assert ws.user_typing("chan1", parent_id="root") == 2
    reply = ws.send_action("ping", wait=True, timeout=5)
    assert reply["status"] == "OK" and reply["seq_reply"] == 3 and reply["data"]["text"] == "pong"
    assert ws.get_statuses() == {"user1": "online", "user2": "away"}
    assert ws.get_statuses_by_ids(["a", "b"]) == {"a": "offline", "b": "offline"}
    with pytest.raises(WebsocketError, match="invalid action") as info:
        ws.send_action("no_such_action", wait=True, timeout=5)
    assert info.value.error_id == "api.web_socket_router.bad_action.app_error"
    assert [a["seq"] for a in server.actions] == [1, 2, 3, 4, 5, 6]
    assert server.actions[1] == {
        "seq": 2,
        "action": "user_typing",
        "data": {"channel_id": "chan1", "parent_id": "root"},
    }
    # every reply also reached the handler, in order, and did not move the event sequence
    assert got.wait_for(lambda c: len([m for m in c.messages() if "seq_reply" in m]) == 6)
    assert [m["seq_reply"] for m in got.messages() if "seq_reply" in m] == [1, 2, 3, 4, 5, 6]
    assert ws.sequence == 1
    with pytest.raises(ValueError):
        ws.send_action("user_typing", {"channel_id": "x" * 9000})


def test_action_seq_restarts_per_connection_and_needs_a_connection(
    server: FakeMattermost, listeners: List[Websocket]
) -> None:
    ws, _got = started(server, listeners)
    ws.user_typing("c")
    ws.user_typing("c")
    server.drop()
    assert wait_until(lambda: len(server.upgrades) == 2 and ws.connected)
    assert ws.send_action("ping", wait=True)["seq_reply"] == 1
    ws.disconnect()
    with pytest.raises(WebsocketError, match="not connected"):
        ws.user_typing("c")


def test_waiting_for_a_reply_from_inside_a_handler(
    server: FakeMattermost, listeners: List[Websocket]
) -> None:
    ws = Websocket(options(server.port), TOKEN)
    listeners.append(ws)
    replies: List[Dict[str, Any]] = []
    done = threading.Event()

    def handler(text: str) -> None:
        if json.loads(text).get("event") == "hello":
            replies.append(ws.send_action("ping", wait=True, timeout=5))
            done.set()

    ws.start(handler)
    assert done.wait(5)
    assert replies[0]["data"]["text"] == "pong"


def test_cancelling_connect_ends_the_listener(server: FakeMattermost) -> None:
    ws = Websocket(options(server.port), TOKEN)
    got = Collector()

    async def main() -> None:
        task = asyncio.ensure_future(ws.connect(got))
        while not got.events("hello"):
            await asyncio.sleep(0.005)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(main())
    assert not ws.running and not listener_threads()


def test_action_reply_timeout(server: FakeMattermost, listeners: List[Websocket], monkeypatch: Any) -> None:
    ws, _ = started(server, listeners)
    monkeypatch.setattr(server, "_answer", lambda ws, request: None)  # the server never answers
    with pytest.raises(WebsocketError, match="no reply"):
        ws.send_action("ping", wait=True, timeout=0.2)


# -- options -----------------------------------------------------------------------------------


def test_websocket_kw_args_are_passed_and_legacy_ones_mapped(
    server: FakeMattermost, listeners: List[Websocket], caplog: pytest.LogCaptureFixture
) -> None:
    kw = {"max_queue": 64, "extra_headers": {"X-Test": "1"}, "loop": None}
    with caplog.at_level(logging.WARNING, logger="mattermostdriver.websocket"):
        ws, _ = started(server, listeners, websocket_kw_args=kw)
    assert "loop" in caplog.text
    assert ws.connected


def test_bad_websocket_kw_args_are_fatal_not_retried(server: FakeMattermost) -> None:
    ws = Websocket(options(server.port, websocket_kw_args={"no_such_kwarg": 1}), TOKEN)
    with pytest.raises(WebsocketError, match="cannot connect"):
        asyncio.run(ws.connect(Collector()))


def test_backoff_starts_at_keepalive_delay_doubles_with_jitter_and_is_capped() -> None:
    ws = Websocket(options(1, keepalive_delay=5), TOKEN)
    assert ws._backoff(0) == 5
    assert 7.5 <= ws._backoff(1) <= 12.5
    assert 15 <= ws._backoff(2) <= 25
    assert all(ws._backoff(20) <= 60 for _ in range(50))
    ws = Websocket(options(1, keepalive_delay=0), TOKEN)
    assert ws._backoff(0) == 0 and ws._backoff(1) > 0  # never a hot loop


def test_decode_hands_dicts_with_nested_json_decoded(server: FakeMattermost) -> None:
    got: List[Any] = []
    done = threading.Event()

    def handler(message: Any) -> None:
        got.append(message)
        if len(got) == 3:
            done.set()

    ws = Websocket(options(server.port), TOKEN, decode=True).start(handler)
    try:
        assert wait_until(lambda: len(got) >= 1, timeout=5)
        post = {"id": "p1", "message": "hi"}
        server.emit("posted", {"post": json.dumps(post), "mentions": '["u1"]', "channel_name": "{not json"})
        server.emit("reaction_added", {"reaction": json.dumps({"emoji_name": "+1"})})
        assert done.wait(5)
    finally:
        ws.stop()
    hello, posted, reaction = got
    assert isinstance(hello, dict) and hello["event"] == "hello"
    assert posted["data"]["post"] == post and posted["data"]["mentions"] == ["u1"]
    assert posted["data"]["channel_name"] == "{not json"  # not a nested-JSON field: left alone
    assert reaction["data"]["reaction"] == {"emoji_name": "+1"}


def test_decode_event_leaves_bad_json_alone() -> None:
    event = {"event": "posted", "data": {"post": "{broken", "team": '{"id": "t"}'}}
    assert decode_event(event)["data"] == {"post": "{broken", "team": {"id": "t"}}
