"""The public :class:`Websocket` and its front doors: ``await connect()``, ``start()``, ``disconnect()``."""

from __future__ import annotations

import asyncio
import collections
import inspect
import logging
from typing import Any, Awaitable, Callable, Deque, List, Mapping, Optional, Set

from ..options import Options
from . import compat
from .actions import Actions
from .aio import LoopRunner
from .engine import Resync
from .events import EventHandler, ResyncHandler
from .inbox import BUFFER, END, AsyncInbox, handler_sink
from .threads import THREAD_NAME, ThreadRunner

__all__ = ["EventHandler", "ResyncHandler", "THREAD_NAME", "Websocket"]

log = logging.getLogger("mattermostdriver.websocket")


def _as_options(options: Mapping[str, Any]) -> Options:
    if isinstance(options, Options):
        return options
    # a dict normalized by normalize_options (as the driver passed before Options) has site_path
    # folded into basepath already: leave that key out rather than warn about it
    return Options({k: v for k, v in options.items() if k != "site_path"})


def _run_awaitable(loop: asyncio.AbstractEventLoop, awaitable: Awaitable[Any]) -> Any:
    async def wrapper() -> Any:
        return await awaitable

    return loop.run_until_complete(wrapper())


class Websocket(Actions):
    """A Mattermost websocket listener with keepalive, reconnect and resume.

    Args:
        options: the driver's :class:`~mattermostdriver.options.Options` (a plain dict, as
            7.3.2 callers pass, is wrapped in one). They are read at each connection, so a
            change made meanwhile is used from the next one. Used: ``scheme``, ``url``,
            ``port``, ``basepath``, ``verify``, ``user_agent``, ``timeout`` (ping interval and
            pong deadline in seconds; 0 turns pings off), ``keepalive`` (reconnect after a drop,
            forever), ``keepalive_delay`` (first reconnect delay in seconds; later ones double,
            with jitter, up to 60 s), ``websocket_kw_args`` (extra keyword arguments for
            websockets' ``connect``), ``debug`` (log every message).
        token: the session, personal access or bot token, sent in the upgrade request's
            ``Authorization`` header only.
        on_resync: called as ``on_resync(old_connection_id, new_connection_id)`` (plain or
            ``async def``, in the handler's context, before the new ``hello``) when a reconnect
            could not resume: events were missed and should be fetched over REST.
        decode: hand the handler each message as a dict (decoded once) instead of its raw JSON
            text, with the JSON strings nested in ``data`` (``post``, ``reaction``, ``mentions``...)
            decoded too (see :func:`decode_event`).

    ``connection_id`` and ``sequence`` are kept when the listener ends, so starting it again
    (:meth:`start` or :meth:`connect` after :meth:`disconnect`) resumes where it left off.

    Code written for 7.3.2 that replaces :meth:`connect` with its own coroutine (opening the
    socket with the asyncio ``websockets.connect``) keeps working: ``_authenticate_websocket``,
    ``_start_loop`` and ``_alive`` behave as they did (see :mod:`mattermostdriver.websocket.compat`).

    Attributes:
        error: the exception that ended the listener (``None`` after a clean end or a
            :meth:`disconnect`); :meth:`connect` raises it, the non-blocking form keeps it here.
        buffer: the events :meth:`connect` keeps for a slow handler before the listener falls
            behind (see :mod:`mattermostdriver.websocket.inbox`).

    """

    def __init__(
        self,
        options: Mapping[str, Any],
        token: Optional[str],
        *,
        on_resync: Optional[ResyncHandler] = None,
        decode: bool = False,
    ) -> None:
        super().__init__(_as_options(options), token)
        self.on_resync = on_resync
        self.decode = decode
        self.buffer = BUFFER
        self._alive_flag = False
        self._wakers: Set[Callable[[], None]] = set()  # wake the 7.3.2 loops on disconnect()

    # -- public surface ---------------------------------------------------------------------

    @property
    def connection_id(self) -> Optional[str]:
        """The ``connection_id`` from the server's last ``hello`` (``None`` before the first)."""
        return self._connection_id

    @property
    def sequence(self) -> int:
        """The ``seq`` of the next expected event (resumes ask the server to replay from it)."""
        return self._sequence

    @property
    def connected(self) -> bool:
        """Whether a connection is open right now."""
        runner = self._runner
        return runner is not None and runner.connected

    @property
    def running(self) -> bool:
        """Whether the listener runs (connected, or waiting to reconnect)."""
        runner = self._runner
        return runner is not None and runner.alive

    async def connect(self, event_handler: EventHandler) -> None:
        """Run the listener inside the running asyncio loop until it ends, with no thread.

        Each message is passed to ``event_handler`` as its raw JSON text, in order; an
        awaitable result is awaited. A handler that raises is logged and the stream goes on.
        The socket is read by a task of the same loop while the handler works (at most
        :attr:`buffer` events wait for it; see :mod:`mattermostdriver.websocket.inbox`).

        Returns when :meth:`disconnect` is called, or when the connection drops and
        ``keepalive`` is off.

        Raises:
            WebsocketAuthError: the server refused the token; never retried.
            WebsocketError: the connection could not be made (or resumed) and ``keepalive`` is off.

        """
        inbox = AsyncInbox(self.buffer)
        runner = self._launch(LoopRunner(self, handler_sink(self, inbox.put), on_end=inbox.end))
        inbox.on_drained = runner.resume
        ended = False
        try:
            while True:
                item = await inbox.get()
                if item is END:
                    ended = True
                    break
                if runner.stopping:
                    continue
                try:
                    result = self._call(event_handler, item)
                    if inspect.isawaitable(result):
                        await result
                except Exception:
                    log.exception("websocket handler raised; the stream goes on")
        finally:
            if not ended:  # cancelled, or the handler raised BaseException: end the listener too
                runner.stop()
            await runner.finished()
        if self.error is not None:
            raise self.error

    def start(self, event_handler: EventHandler) -> Websocket:
        """Start the listener in a background thread and return at once (non-blocking).

        ``event_handler`` is called on the listener's thread (``mattermostdriver-websocket``)
        with each message's raw JSON text, in order (an ``async def`` handler runs on that
        thread's own event loop). While it works, websockets' reader thread goes on reading
        and answering the server's pings, so a slow handler delays only later messages. Two
        threads in all. Call :meth:`stop` to end it; after an authentication failure the
        listener ends by itself and :attr:`error` holds the exception.

        Returns:
            this :class:`Websocket`.

        """
        waiting: Deque[Any] = collections.deque()
        loops: List[asyncio.AbstractEventLoop] = []

        def put(item: Any, sequenced: bool) -> bool:
            waiting.append(item)
            return True

        def hand_over() -> None:
            while waiting:
                item = waiting.popleft()
                if not runner.stopping:
                    self._handle(event_handler, item, loops)

        def end() -> None:
            for loop in loops:
                loop.close()

        runner = ThreadRunner(self, handler_sink(self, put), after=hand_over, on_end=end)
        self._launch(runner)
        return self

    def wait(self, timeout: Optional[float] = None) -> bool:
        """Block until the listener has ended; return ``False`` if ``timeout`` passed first.

        On the listener's own thread or event loop it cannot block: it tells whether it has ended.
        """
        runner = self._runner
        return runner is None or runner.join(timeout)

    def disconnect(self, timeout: float = 2.0) -> None:
        """Close the connection and end the listener; idempotent, callable from any thread.

        Waits up to ``timeout`` seconds for it to end (not on the listener's own thread or
        event loop, where it cannot). Never raises. Also ends the 7.3.2 loops
        (``_start_loop``) of code that replaced :meth:`connect`.
        """
        self._alive_flag = False
        for wake in list(self._wakers):
            wake()
        runner = self._runner
        if runner is None:
            return
        if runner.connected:
            log.info("websocket: disconnecting")
        runner.stop()
        if runner.can_wait() and not runner.join(timeout):
            log.warning("websocket: the listener did not end within %.1f s", timeout)

    def stop(self) -> None:
        """Alias of :meth:`disconnect`, for the non-blocking form."""
        self.disconnect()

    # -- the 7.3.2 internals that callers' own connect() coroutines use ----------------------

    @property
    def _alive(self) -> bool:
        """7.3.2's flag: True from ``connect`` until :meth:`disconnect`; writing False disconnects."""
        return self._alive_flag

    @_alive.setter
    def _alive(self, value: bool) -> None:
        if value:
            self._alive_flag = True
        else:
            self.disconnect()

    async def _authenticate_websocket(self, websocket: Any, event_handler: EventHandler) -> bool:
        """7.3.2: send the ``authentication_challenge`` and pass messages on until the ``hello``."""
        return await compat.authenticate(self, websocket, event_handler)

    async def _start_loop(self, websocket: Any, event_handler: EventHandler) -> None:
        """7.3.2: pass every message on while ``_alive``, with a pong every ``timeout`` seconds."""
        await compat.start_loop(self, websocket, event_handler)

    async def _wait_for_message(self, websocket: Any, event_handler: EventHandler) -> None:
        """7.3.2: pass every message on while ``_alive`` (no heartbeat)."""
        await compat.start_loop(self, websocket, event_handler, heartbeat=False)

    # -- front-door plumbing ----------------------------------------------------------------

    def _launch(self, runner: Any) -> Any:
        """Make ``runner`` the listener's and start it."""
        if self.running:
            raise RuntimeError("this websocket is already running; call disconnect() first")
        self.error = None
        self._alive_flag = True
        self._runner = runner
        then = runner.on_end

        def on_end() -> None:
            if self._runner is runner:
                self._alive_flag = False
            then()

        runner.on_end = on_end
        runner.start()
        return runner

    def _call(self, handler: EventHandler, item: Any) -> Any:
        if isinstance(item, Resync):
            if self.on_resync is None:
                return None
            return self.on_resync(item.old_connection_id, item.new_connection_id)
        return handler(item)

    def _handle(self, handler: EventHandler, item: Any, loops: List[asyncio.AbstractEventLoop]) -> None:
        """Pass one item to a handler on a thread (an awaitable result runs on that thread's loop)."""
        try:
            result = self._call(handler, item)
            if inspect.isawaitable(result):
                if not loops:
                    loops.append(asyncio.new_event_loop())
                _run_awaitable(loops[0], result)
        except Exception:
            log.exception("websocket handler raised; the stream goes on")
