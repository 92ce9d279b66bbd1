"""The engine's decisions, without I/O: the connection loop (plan) and the reading of frames (route,
receive), and what both runners hand it (the end of the loop, a connection's close).

No socket, no thread: the tests drive :meth:`Engine.plan` as a runner would, sending back made-up
sessions and errors, with a clock of their own.
"""

from __future__ import annotations

import json
import logging
from typing import Any, Dict, Generator, List, Optional, Tuple

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.frames import Close

from mattermostdriver.exceptions import WebsocketAuthError, WebsocketError
from mattermostdriver.options import Options
from mattermostdriver.websocket.connection import close_info
from mattermostdriver.websocket.engine import (
    GAP_RESUMES,
    PROBE_SEQ,
    UNPROVEN_RESUMES,
    Engine,
    FatalError,
    Open,
    Outcome,
    Resync,
)
from mattermostdriver.websocket.events import frame_text

URL = "ws://chat.example.com:8065/api/v4/websocket"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def engine(**overrides: Any) -> Tuple[Engine, Clock]:
    opts = {"url": "chat.example.com", "scheme": "http", "port": 8065, "keepalive": True}
    opts.update({"keepalive_delay": 0.5, **overrides})
    clock = Clock()
    return Engine(Options(opts), "tok", clock=clock), clock


class Recorder:
    """A sink and a reply callback that record what the engine passes on."""

    def __init__(self, refuse_from: Optional[int] = None) -> None:
        self.items: List[Any] = []
        self.replies: List[Tuple[int, Dict[str, Any]]] = []
        self.refuse_from = refuse_from

    def sink(self, item: Any, message: Optional[Dict[str, Any]], sequenced: bool) -> bool:
        if sequenced and self.refuse_from is not None and message and message["seq"] >= self.refuse_from:
            return False
        self.items.append(item)
        return True

    def reply(self, seq: int, message: Dict[str, Any]) -> None:
        self.replies.append((seq, message))

    def route(self, eng: Engine, frame: Any) -> bool:
        return eng.route(frame if isinstance(frame, str) else json.dumps(frame), self.sink, self.reply)


def event(seq: int, name: str = "posted", **data: Any) -> Dict[str, Any]:
    return {"event": name, "data": data, "broadcast": {}, "seq": seq}


def hello(connection_id: Any) -> Dict[str, Any]:
    return event(0, "hello", connection_id=connection_id)


def session(received: bool = True, **kw: Any) -> Outcome:
    fields = {"gap": False, "resumed": False, "by_server": True, "abrupt": False, "behind": False}
    fields.update(kw)
    return Outcome(received, **fields)


Plan = Generator[Any, Any, None]


# -- the connection loop ---------------------------------------------------------------------


def test_first_connect_asks_for_no_resume_and_a_drop_resumes_after_the_first_delay() -> None:
    eng, _ = engine()
    plan: Plan = eng.plan()
    first = next(plan)
    assert first == Open(URL, URL, False)
    rec = Recorder()
    for frame in (hello("conn-1"), event(1), event(2)):
        assert not rec.route(eng, frame)
    assert eng.opened(first) is None
    assert plan.send(session()) == 0.5  # keepalive_delay: the retry policy's first reconnect delay
    again = plan.send(None)
    assert again == Open(URL + "?connection_id=conn-1&sequence_number=3", URL, True)
    probe = eng.opened(again)
    assert probe is not None and json.loads(probe) == {"seq": PROBE_SEQ, "action": "ping"}


def test_backoff_grows_with_failures_through_the_retry_policy() -> None:
    eng, _ = engine(keepalive_delay=1)
    plan: Plan = eng.plan()
    next(plan)
    delays = []
    for _ in range(5):
        delays.append(plan.send(WebsocketError("refused", status_code=502)))
        assert isinstance(plan.send(None), Open)
    assert 1.5 <= delays[0] <= 2.5 and 24 <= delays[4] <= 40
    assert delays == sorted(delays)


def test_a_gap_reconnects_at_once_then_backs_off() -> None:
    eng, _ = engine()
    plan: Plan = eng.plan()
    next(plan)
    for _ in range(GAP_RESUMES):
        assert isinstance(plan.send(session(gap=True)), Open)  # no wait in between
    assert isinstance(plan.send(session(gap=True)), float)


def test_a_gap_without_keepalive_ends_with_an_error_after_the_immediate_tries() -> None:
    eng, _ = engine(keepalive=False)
    plan: Plan = eng.plan()
    next(plan)
    for _ in range(GAP_RESUMES):
        assert isinstance(plan.send(session(gap=True)), Open)
    with pytest.raises(WebsocketError, match="could not resume"):
        plan.send(session(gap=True))


def test_keepalive_off_ends_cleanly_on_a_drop() -> None:
    eng, _ = engine(keepalive=False)
    plan: Plan = eng.plan()
    next(plan)
    with pytest.raises(StopIteration):
        plan.send(session())


@pytest.mark.parametrize("keepalive, closes", [(True, 2), (False, 1)])
def test_fresh_connections_closed_soon_without_a_word_mean_a_bad_token(keepalive: bool, closes: int) -> None:
    eng, clock = engine(keepalive=keepalive)
    plan: Plan = eng.plan()
    next(plan)
    silent = session(received=False, abrupt=True)
    for _ in range(closes - 1):
        clock.now += 5
        assert isinstance(plan.send(silent), float)
        assert isinstance(plan.send(None), Open)
    clock.now += 5
    with pytest.raises(WebsocketAuthError, match="without a hello") as info:
        plan.send(silent)
    assert info.value.status_code == 401


def test_a_long_lived_connection_closed_without_a_word_is_not_a_bad_token() -> None:
    eng, clock = engine()
    plan: Plan = eng.plan()
    next(plan)
    for _ in range(5):
        clock.now += 60  # an idle link cut by a NAT after a minute
        assert isinstance(plan.send(session(received=False, abrupt=True)), float)
        assert isinstance(plan.send(None), Open)


def test_resumes_that_get_nothing_stop_resuming_to_check_the_token() -> None:
    eng, clock = engine()
    rec = Recorder()
    plan: Plan = eng.plan()
    next(plan)
    rec.route(eng, hello("conn-1"))
    plan.send(session())
    steps = [plan.send(None)]
    for _ in range(UNPROVEN_RESUMES):
        clock.now += 1
        assert isinstance(plan.send(session(received=False, resumed=True, abrupt=True)), float)
        steps.append(plan.send(None))
    assert [s.resumed for s in steps] == [True] * UNPROVEN_RESUMES + [False]


def test_auth_and_fatal_errors_end_at_once_even_with_keepalive() -> None:
    for exc in (WebsocketAuthError("refused", status_code=403), FatalError("bad kwarg")):
        eng, _ = engine()
        plan: Plan = eng.plan()
        next(plan)
        with pytest.raises(type(exc)):
            plan.send(exc)


def test_an_upgrade_not_passed_ends_a_listener_that_never_connected(caplog: pytest.LogCaptureFixture) -> None:
    eng, _ = engine()
    plan: Plan = eng.plan()
    next(plan)
    with pytest.raises(WebsocketError) as info:
        plan.send(WebsocketError("refused with 404", status_code=404))
    assert info.value.status_code == 404
    eng, _ = engine()  # one that worked before: a proxy being restarted, retried with a warning
    plan = eng.plan()
    first = next(plan)
    assert isinstance(first, Open)
    eng.opened(first)
    with caplog.at_level(logging.WARNING, logger="mattermostdriver.websocket"):
        assert isinstance(plan.send(WebsocketError("refused with 404", status_code=404)), float)
    assert "404" in caplog.text


def test_behind_reconnects_at_once_resuming_from_the_first_refused_event() -> None:
    eng, _ = engine()
    plan: Plan = eng.plan()
    first = next(plan)
    eng.opened(first)
    rec = Recorder(refuse_from=3)
    for frame in (hello("c1"), event(1), event(2), event(3), event(4), event(5)):
        assert not rec.route(eng, frame)  # refused events are not a gap
    assert eng.behind and eng._sequence == 3
    assert [json.loads(i)["seq"] for i in rec.items] == [0, 1, 2]
    step = plan.send(session(behind=True))
    assert step == Open(URL + "?connection_id=c1&sequence_number=3", URL, True)
    eng.opened(step)
    assert not eng.behind


# -- reading frames --------------------------------------------------------------------------


def test_duplicates_are_dropped_and_a_newer_seq_is_a_gap() -> None:
    eng, _ = engine()
    rec = Recorder()
    for frame in (hello("c1"), event(1), event(2), event(1), event(2)):
        assert not rec.route(eng, frame)
    assert [json.loads(i)["seq"] for i in rec.items] == [0, 1, 2]
    assert rec.route(eng, event(5))  # 3 and 4 were missed
    assert eng._sequence == 3 and len(rec.items) == 3


def test_replies_complete_their_wait_and_the_probe_reply_is_swallowed() -> None:
    eng, _ = engine()
    rec = Recorder()
    rec.route(eng, {"status": "OK", "seq_reply": 3, "data": {"text": "pong"}})
    rec.route(eng, {"status": "OK", "seq_reply": PROBE_SEQ})
    assert rec.replies == [(3, {"status": "OK", "seq_reply": 3, "data": {"text": "pong"}})]
    assert len(rec.items) == 1 and eng._sequence == 0  # replies are outside the event sequence


def test_frames_that_are_not_json_objects_are_passed_on_as_received() -> None:
    eng, _ = engine()
    rec = Recorder()
    for frame in ("not json", "[1, 2]", '{"no": "event"}'):
        assert not rec.route(eng, frame)
    assert rec.items == ["not json", "[1, 2]", '{"no": "event"}']


def test_a_new_connection_id_passes_a_resync_before_its_hello() -> None:
    eng, _ = engine()
    rec = Recorder()
    rec.route(eng, hello("c1"))
    rec.route(eng, event(1))
    rec.route(eng, hello("c2"))  # the server could not resume
    assert rec.items[2] == Resync("c1", "c2") and json.loads(rec.items[3])["event"] == "hello"
    assert eng._connection_id == "c2" and eng._sequence == 1


def test_a_new_hello_after_a_connection_without_an_id_is_a_resync_too() -> None:
    eng, _ = engine()
    rec = Recorder()
    rec.route(eng, hello("bad\x1bid"))  # that connection could not be resumed...
    rec.route(eng, event(1))
    rec.route(eng, hello("c2"))  # ...so what came while it was down was missed
    assert rec.items[2] == Resync("", "c2")
    rec.route(eng, hello("c2"))  # the same id again: nothing missed
    assert not any(isinstance(item, Resync) for item in rec.items[3:])


@pytest.mark.parametrize(
    "value, kept",
    [
        ("ab-cd_ef", True),
        ("x" * 128, True),
        ("x" * 129, False),
        ("tab\there", False),
        ("\u202ertl", False),
        ("", False),
        (None, False),
        (5, False),
    ],
)
def test_connection_ids_kept_are_printable_and_of_sane_length(value: Any, kept: bool) -> None:
    eng, _ = engine()
    Recorder().route(eng, hello(value))
    assert eng._connection_id == (value if kept else None)


def test_decode_affects_only_what_handlers_get() -> None:
    eng, _ = engine()
    message = event(1, post=json.dumps({"id": "p"}))
    assert eng._out(json.dumps(message), dict(message)) == json.dumps(message)
    eng.decode = True
    assert eng._out("", dict(message))["data"]["post"] == {"id": "p"}


# -- what both runners do with a frame and with the loop's end ---------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        '{"a": "\u00e9"}',
        '{"a": "\u00e9"}'.encode(),
        bytearray(b'{"a": "\xc3\xa9"}'),
        memoryview(b'{"a": "\xc3\xa9"}'),
    ],
)
def test_a_frame_is_its_text_or_its_bytes_decoded(raw: Any) -> None:
    assert frame_text(raw) == '{"a": "\u00e9"}'
    assert frame_text(b"bad \xff") == "bad \ufffd"  # bad bytes replaced, the stream goes on


def test_receive_logs_the_frame_with_debug_and_warns_once_on_a_gap(caplog: pytest.LogCaptureFixture) -> None:
    eng, _ = engine(debug=True)
    rec = Recorder()
    caplog.set_level(logging.DEBUG, "mattermostdriver.websocket")
    assert not eng.receive(json.dumps(hello("c1")).encode(), rec.sink, rec.reply)
    assert json.loads(rec.items[0])["event"] == "hello"
    assert any(
        r.levelno == logging.DEBUG and r.getMessage().startswith("websocket: received {")
        for r in caplog.records
    )
    assert eng.receive(json.dumps(event(3)), rec.sink, rec.reply)  # 1 and 2 were missed
    assert not eng.receive(json.dumps(event(4)), rec.sink, rec.reply, gap=True)  # closing already
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings == ["websocket: missed events (expected seq 1); resuming"]


def test_receive_logs_no_frame_without_debug(caplog: pytest.LogCaptureFixture) -> None:
    eng, _ = engine()
    caplog.set_level(logging.DEBUG, "mattermostdriver.websocket")
    eng.receive("not json", Recorder().sink, Recorder().reply)
    assert not any("received" in r.getMessage() for r in caplog.records)


def test_the_loops_end_keeps_a_websocket_error_and_wraps_a_bug(caplog: pytest.LogCaptureFixture) -> None:
    eng, _ = engine()
    final = WebsocketError("websocket upgrade refused with HTTP 400", status_code=400, url=URL)
    eng.failed(final)
    assert eng.error is final
    assert [(r.levelno, r.getMessage()) for r in caplog.records] == [
        (logging.ERROR, f"websocket: {final.summary}; not retrying")
    ]
    caplog.clear()
    try:
        raise KeyError("oops")
    except KeyError as exc:
        eng.failed(exc)
    assert isinstance(eng.error, WebsocketError) and str(eng.error).startswith(
        "websocket listener failed: KeyError"
    )
    (record,) = caplog.records
    assert record.levelno == logging.ERROR and record.getMessage() == "websocket: the listener failed"
    assert record.exc_info is not None and record.exc_info[0] is KeyError


def test_a_catching_up_consumer_is_logged_with_the_seq_it_resumes_from(
    caplog: pytest.LogCaptureFixture,
) -> None:
    eng, _ = engine()
    eng._sequence = 7
    caplog.set_level(logging.INFO, "mattermostdriver.websocket")
    eng.caught_up()
    assert [r.getMessage() for r in caplog.records] == [
        "websocket: the consumer caught up; resuming from seq 7"
    ]


def test_close_info_is_the_close_the_engine_takes() -> None:
    by_server = ConnectionClosed(Close(1001, "going away"), None)
    assert close_info(by_server) == (1001, "going away", False, True)
    dropped = ConnectionClosed(None, Close(1000, ""))
    assert close_info(dropped) == (1006, "no close frame", True, False)
    step = Open(URL, URL, False)
    outcome = engine()[0].closed(
        step, received=True, gap=False, behind=False, stopping=True, close=close_info(by_server)
    )
    assert outcome.by_server and not outcome.abrupt
