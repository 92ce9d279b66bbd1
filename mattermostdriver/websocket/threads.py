"""The sync runner: the engine's connection loop in one named thread, over websockets' threading client.

Two threads per listener: this runner's (``mattermostdriver-websocket``) and the one websockets'
threading client reads the socket with (it answers the server's pings by itself). The client's
own keepalive would be a third thread, so the runner sends the pings: every ``timeout`` seconds
while it waits for a frame, and it closes a link that answered neither the last ping nor with
any frame since, which finds a half-open connection in about two intervals.

Each frame goes through :meth:`~.engine.Engine.route` to the sink. With ``after`` (the handler
front door, :meth:`Websocket.start <mattermostdriver.websocket.Websocket.start>`) the runner's
thread also hands the messages to the handler between two frames; while the handler works,
websockets' reader keeps reading (up to its queue) and answering pings. An action waited for
from inside that handler reads the frames itself until its reply comes.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import threading
import time
from typing import Any, Callable, Dict, Mapping, Optional, Union

from ..exceptions import WebsocketError
from .actions import action_frame, closed_while_sending, no_reply, not_connected, reply_result
from .connection import ClientConnection, ConnectionClosed, close_info, open_connection
from .engine import Engine, Open, Outcome, Sink

__all__ = ["THREAD_NAME", "ThreadRunner"]

log = logging.getLogger("mattermostdriver.websocket")

#: The name of the runner's thread.
THREAD_NAME = "mattermostdriver-websocket"


class _Pending:
    """An action waiting for its reply."""

    __slots__ = ("done", "reply")

    def __init__(self) -> None:
        self.done = threading.Event()
        self.reply: Optional[Dict[str, Any]] = None


class _Pinger:
    """Receives frames, sending a ping every ``interval`` seconds of waiting (None: never)."""

    def __init__(self, conn: ClientConnection, interval: Optional[float]) -> None:
        self.conn, self.interval = conn, interval
        self.deadline = time.monotonic() + interval if interval else None
        self.pong: Optional[threading.Event] = None
        self.heard = False  # a frame came since the last ping

    def recv(self) -> Union[str, bytes]:
        while True:
            if self.deadline is None:
                return self.conn.recv()
            try:
                raw = self.conn.recv(timeout=max(0.0, self.deadline - time.monotonic()))
            except TimeoutError:
                self._tick()
                continue
            self.heard = True
            return raw

    def _tick(self) -> None:
        if self.pong is not None and not self.pong.is_set() and not self.heard:
            log.warning("websocket: no pong within %.1f s; closing the connection", self.interval)
            self.deadline = None
            self.conn.close(1011, "keepalive ping timeout")
            return
        self.heard = False
        self.pong = self.conn.ping()
        self.deadline = time.monotonic() + (self.interval or 0)


class ThreadRunner:
    """Runs one listener's :meth:`~.engine.Engine.plan` in a thread until it ends or :meth:`stop`.

    Args:
        engine: the listener (its state and decisions).
        sink: where each message goes (called on the runner's thread).
        after: called on the runner's thread after each frame and after each connection (the
            handler front door hands its messages over there).
        on_end: called last on the runner's thread (posts the end to the consumer).

    """

    def __init__(
        self,
        engine: Engine,
        sink: Sink,
        *,
        after: Optional[Callable[[], None]] = None,
        on_end: Callable[[], None],
    ) -> None:
        self.engine, self.sink, self.after, self.on_end = engine, sink, after, on_end
        #: Set once the first attempt has settled (a first frame came, or it failed), and at the end.
        self.ready = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._conn: Optional[ClientConnection] = None
        self._req_seq = 0
        self._pending: Dict[int, _Pending] = {}
        self._gap = self._resuming = False
        self.thread = threading.Thread(target=self._run, name=THREAD_NAME, daemon=True)

    # -- control, from any thread -------------------------------------------------------------

    def start(self) -> None:
        """Start the runner."""
        self.thread.start()

    @property
    def connected(self) -> bool:
        """Whether a connection is open."""
        return self._conn is not None

    @property
    def alive(self) -> bool:
        """Whether the runner runs (connected, or waiting to reconnect)."""
        return self.thread.is_alive()

    @property
    def stopping(self) -> bool:
        """Whether :meth:`stop` was called."""
        return self._stop.is_set()

    def stop(self) -> None:
        """Close the connection and end the loop (idempotent)."""
        self._stop.set()
        with self._lock:
            conn = self._conn
        if conn is not None:
            conn.close()

    def can_wait(self) -> bool:
        """Whether :meth:`join` can wait here: not on the runner's own thread (a handler)."""
        return threading.current_thread() is not self.thread

    def join(self, timeout: Optional[float]) -> bool:
        """Wait for the thread to end (where it can); True if it has."""
        if self.can_wait() and self.thread.ident is not None:
            self.thread.join(timeout)
        return not self.alive

    def resume(self) -> None:
        """The consumer caught up: if events were refused, reconnect to have them replayed."""
        with self._lock:
            conn = self._conn
            behind = conn is not None and self.engine.behind and not self._resuming
            self._resuming = self._resuming or behind
        if behind and conn is not None:
            self.engine.caught_up()
            conn.close(4001, "resuming")

    # -- the loop, on the runner's thread -------------------------------------------------------

    def _run(self) -> None:
        steps = self.engine.plan()
        try:
            step = next(steps)
            while not self._stop.is_set():
                outcome: Any = None
                if isinstance(step, Open):
                    try:
                        outcome = self._session(step)
                    except WebsocketError as exc:
                        outcome = exc
                    self.ready.set()
                else:
                    self._stop.wait(step)
                if self._stop.is_set():
                    break
                step = steps.send(outcome)
        except StopIteration:
            pass
        except Exception as exc:  # a final WebsocketError, or a bug: end loudly rather than spin
            self.engine.failed(exc)
        finally:
            steps.close()
            self.ready.set()
            self.on_end()

    def _session(self, step: Open) -> Outcome:
        """Run one connection until it closes."""
        engine = self.engine
        conn = open_connection(step.url, engine._token, engine.options, step.shown)
        received = False
        close = None
        self._gap = self._resuming = False
        with conn:
            with self._lock:
                self._conn, self._req_seq = conn, 0
                if self._stop.is_set():
                    conn.close()
            try:
                first = engine.opened(step)
                if first is not None:
                    conn.send(first)
                pinger = _Pinger(conn, float(engine.options["timeout"] or 0) or None)
                while not self._gap:
                    if self.after is not None:
                        self.after()
                    raw = pinger.recv()
                    if not received:
                        received = True
                        self.ready.set()
                    self._frame(conn, raw)
            except ConnectionClosed as exc:
                close = close_info(exc)
            finally:
                with self._lock:
                    self._conn = None
                    pending, self._pending = self._pending, {}
                for waiter in pending.values():
                    waiter.done.set()
        if self.after is not None:
            self.after()
        return engine.closed(
            step,
            received=received,
            gap=self._gap,
            behind=self._resuming,
            stopping=self._stop.is_set(),
            close=close,
        )

    def _frame(self, conn: ClientConnection, raw: Union[str, bytes]) -> None:
        if self.engine.receive(raw, self.sink, self._reply, gap=self._gap):
            self._gap = True
            conn.close(4001, "missed events")

    def _reply(self, seq: int, message: Dict[str, Any]) -> None:
        with self._lock:
            waiter = self._pending.get(seq)
        if waiter is not None:
            waiter.reply = message
            waiter.done.set()

    # -- actions --------------------------------------------------------------------------------

    def send_action(
        self, action: str, data: Optional[Mapping[str, Any]], *, wait: bool, timeout: float
    ) -> Union[int, Dict[str, Any]]:
        """Send an action, from any thread (see :meth:`Websocket.send_action`)."""
        url = self.engine.url
        with self._lock:
            conn = self._conn
            if conn is None:
                raise not_connected(action, url)
            self._req_seq += 1
            seq = self._req_seq
            pending = _Pending() if wait else None
            if pending is not None:
                self._pending[seq] = pending
        try:
            conn.send(action_frame(seq, action, data))
            if pending is None:
                return seq
            if not self._wait(conn, pending, timeout):
                raise no_reply(action, seq, timeout, url)
        except ConnectionClosed as exc:
            raise closed_while_sending(action, url) from exc
        finally:
            with self._lock:
                self._pending.pop(seq, None)
        return reply_result(action, seq, pending.reply, url)

    async def send_action_async(
        self, action: str, data: Optional[Mapping[str, Any]], *, wait: bool, timeout: float
    ) -> Union[int, Dict[str, Any]]:
        """:meth:`send_action` in the running loop's default executor (it may block until the reply)."""
        call = functools.partial(self.send_action, action, data, wait=wait, timeout=timeout)
        return await asyncio.get_running_loop().run_in_executor(None, call)

    def _wait(self, conn: ClientConnection, pending: _Pending, timeout: float) -> bool:
        """Wait for a reply; on the runner's own thread (a handler), read the frames meanwhile."""
        if threading.current_thread() is not self.thread:
            return pending.done.wait(timeout)
        deadline = time.monotonic() + timeout
        while not pending.done.is_set() and not self._gap:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            try:
                raw = conn.recv(timeout=left)
            except TimeoutError:
                break
            self._frame(conn, raw)  # the handler's messages wait in its queue meanwhile
        return pending.done.is_set()
