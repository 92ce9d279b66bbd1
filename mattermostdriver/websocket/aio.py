"""The async runner: the engine's connection loop as a task of the caller's event loop, no thread.

Over websockets' asyncio client, whose keepalive is a task too. The task reads the socket without
pause and hands each frame through :meth:`~.engine.Engine.route` to the sink (an inbox that the
consumer, on the same loop, empties: ``await ws.connect(handler)``, ``AsyncDriver.events()``), so
a slow consumer never stalls the pings; it yields to the loop every :data:`BURST` frames, so that
a burst of frames does not fill the inbox before the consumer has had a turn. :meth:`LoopRunner.stop`
may be called from any thread.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from typing import Any, Coroutine, Dict, Mapping, Optional, Set, Tuple, Union

from ..exceptions import WebsocketError, summary_of
from .actions import action_frame, closed_while_sending, no_reply, not_connected, reply_result
from .connection import AsyncConnection, ConnectionClosed, close_info, open_async
from .engine import Engine, Open, Outcome, Sink

__all__ = ["LoopRunner"]

log = logging.getLogger("mattermostdriver.websocket")

#: Frames read in a row (while the library has them queued, recv() does not suspend) before the
#: runner yields to the loop.
BURST = 16


class LoopRunner:
    """Runs one listener's :meth:`~.engine.Engine.plan` as a task of the running loop.

    Args:
        engine: the listener (its state and decisions).
        sink: where each message goes (called on the loop).
        on_end: called last, on the loop (posts the end to the consumer).

    """

    def __init__(self, engine: Engine, sink: Sink, *, on_end: Any) -> None:
        self.engine, self.sink, self.on_end = engine, sink, on_end
        self.loop = asyncio.get_running_loop()
        #: Set once the first attempt has settled (a first frame came, or it failed), and at the end.
        self.ready = asyncio.Event()
        self._done = threading.Event()
        self._stopping = False
        self._conn: Optional[AsyncConnection] = None
        self._req_seq = 0
        self._pending: Dict[int, asyncio.Future[Optional[Dict[str, Any]]]] = {}
        self._gap = self._resuming = False
        self.task: Optional[asyncio.Task[None]] = None
        self._tasks: Set[asyncio.Task[Any]] = set()  # closes and sends under way (kept referenced)

    # -- control ------------------------------------------------------------------------------

    def start(self) -> None:
        """Start the runner."""
        self.task = self.loop.create_task(self._run())

    @property
    def connected(self) -> bool:
        """Whether a connection is open."""
        return self._conn is not None

    @property
    def alive(self) -> bool:
        """Whether the runner runs (connected, or waiting to reconnect)."""
        return self.task is not None and not self._done.is_set()

    @property
    def stopping(self) -> bool:
        """Whether :meth:`stop` was called."""
        return self._stopping

    def _on_loop(self) -> bool:
        try:
            return asyncio.get_running_loop() is self.loop
        except RuntimeError:
            return False

    def stop(self) -> None:
        """End the loop and close the connection (idempotent), from any thread."""
        self._stopping = True
        if self._on_loop():
            self._cancel()
            return
        try:
            self.loop.call_soon_threadsafe(self._cancel)
        except RuntimeError:  # the loop is closed: nothing runs on it any more
            pass

    def _cancel(self) -> None:
        if self.task is not None and not self.task.done():
            self.task.cancel()

    def can_wait(self) -> bool:
        """Whether :meth:`join` can wait here: not on the runner's own loop."""
        return not self._on_loop()

    def join(self, timeout: Optional[float]) -> bool:
        """Wait for the task to end (where it can); True if it has."""
        if self.can_wait() and self.task is not None:
            self._done.wait(timeout)
        return not self.alive

    async def finished(self) -> None:
        """Wait, on the loop, for the task to end (never raises)."""
        if self.task is not None:
            await asyncio.wait({self.task})

    def resume(self) -> None:
        """The consumer caught up: if events were refused, reconnect to have them replayed."""
        conn = self._conn
        if conn is not None and self.engine.behind and not self._resuming:
            self._resuming = True
            self.engine.caught_up()
            self._spawn(conn.close(4001, "resuming"))

    # -- the loop -------------------------------------------------------------------------------

    async def _run(self) -> None:
        steps = self.engine.plan()
        try:
            step = next(steps)
            while True:
                outcome: Any = None
                if isinstance(step, Open):
                    try:
                        outcome = await self._session(step)
                    except WebsocketError as exc:
                        outcome = exc
                    self.ready.set()
                else:
                    await asyncio.sleep(step)
                step = steps.send(outcome)
        except (StopIteration, asyncio.CancelledError):
            pass  # ended, or stopped (the task's only canceller is stop())
        except Exception as exc:  # a final WebsocketError, or a bug: end loudly rather than spin
            self.engine.failed(exc)
        finally:
            steps.close()
            self.ready.set()
            self._done.set()
            self.on_end()

    async def _session(self, step: Open) -> Outcome:
        """Run one connection until it closes."""
        engine = self.engine
        conn = await open_async(step.url, engine._token, engine.options, step.shown)
        received = False
        close = None
        self._gap = self._resuming = False
        self._conn, self._req_seq = conn, 0
        try:
            first = engine.opened(step)
            if first is not None:
                await conn.send(first)
            burst = 0
            while not self._gap:
                raw = await conn.recv()
                if not received:
                    received = True
                    self.ready.set()
                if engine.receive(raw, self.sink, self._reply, gap=self._gap):
                    self._gap = True
                    await conn.close(4001, "missed events")
                burst += 1
                if burst == BURST:  # recv() returns at once while frames are queued:
                    burst = 0  # let the consumer have its turn
                    await asyncio.sleep(0)
        except ConnectionClosed as exc:
            close = close_info(exc)
        finally:
            self._conn = None
            pending, self._pending = self._pending, {}
            for waiter in pending.values():
                if not waiter.done():
                    waiter.set_result(None)
            try:
                await conn.close()
            except BaseException:  # cancelled again while closing: do not leave the socket open
                conn.transport.abort()
                raise
        return engine.closed(
            step,
            received=received,
            gap=self._gap,
            behind=self._resuming,
            stopping=self._stopping,
            close=close,
        )

    def _reply(self, seq: int, message: Dict[str, Any]) -> None:
        waiter = self._pending.get(seq)
        if waiter is not None and not waiter.done():
            waiter.set_result(message)

    # -- actions --------------------------------------------------------------------------------

    def _reserve(self, action: str, data: Optional[Mapping[str, Any]]) -> Tuple[AsyncConnection, int, str]:
        conn = self._conn
        if conn is None:
            raise not_connected(action, self.engine.url)
        self._req_seq += 1
        return conn, self._req_seq, action_frame(self._req_seq, action, data)

    async def _send(
        self, action: str, data: Optional[Mapping[str, Any]], wait: bool, timeout: float
    ) -> Union[int, Dict[str, Any]]:
        url = self.engine.url
        conn, seq, frame = self._reserve(action, data)
        waiter = self.loop.create_future() if wait else None
        if waiter is not None:
            self._pending[seq] = waiter
        try:
            await conn.send(frame)
            if waiter is None:
                return seq
            try:
                reply = await asyncio.wait_for(waiter, timeout)
            except asyncio.TimeoutError:
                raise no_reply(action, seq, timeout, url) from None
        except ConnectionClosed as exc:
            raise closed_while_sending(action, url) from exc
        finally:
            self._pending.pop(seq, None)
        return reply_result(action, seq, reply, url)

    async def send_action_async(
        self, action: str, data: Optional[Mapping[str, Any]], *, wait: bool, timeout: float
    ) -> Union[int, Dict[str, Any]]:
        """Send an action from a coroutine: on the runner's loop directly, else through it."""
        if self._on_loop():
            return await self._send(action, data, wait, timeout)
        future = asyncio.run_coroutine_threadsafe(self._send(action, data, wait, timeout), self.loop)
        result: Union[int, Dict[str, Any]] = await asyncio.wrap_future(future)
        return result

    def send_action(
        self, action: str, data: Optional[Mapping[str, Any]], *, wait: bool, timeout: float
    ) -> Union[int, Dict[str, Any]]:
        """Send an action from plain code: through the loop from another thread; on it, without waiting."""
        if not self._on_loop():
            future = asyncio.run_coroutine_threadsafe(self._send(action, data, wait, timeout), self.loop)
            result: Union[int, Dict[str, Any]] = future.result()
            return result
        if wait:
            raise WebsocketError(
                f"cannot wait for the reply to {action!r} on the event loop the listener runs on: "
                "use `await websocket.send_action_async(..., wait=True)`",
                url=self.engine.url,
            )
        conn, seq, frame = self._reserve(action, data)
        self._spawn(conn.send(frame))
        return seq

    def _spawn(self, coroutine: Coroutine[Any, Any, None]) -> None:
        task = self.loop.create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._spawned)

    def _spawned(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        error = None if task.cancelled() else task.exception()
        if error is not None:
            log.warning("websocket: %s", summary_of(error))
