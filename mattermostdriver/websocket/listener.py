"""The public :class:`Websocket` and its front doors: ``await connect()``, ``start()``, ``disconnect()``."""

from __future__ import annotations

import asyncio
import inspect
import logging
import queue
import threading
from typing import Any, Awaitable, Callable, Mapping, Optional, Set

from ..options import Options
from . import compat
from .actions import Actions
from .engine import END, Resync
from .events import EventHandler, ResyncHandler

__all__ = ["EventHandler", "ResyncHandler", "THREAD_NAME", "Websocket"]

log = logging.getLogger("mattermostdriver.websocket")


#: The name of the engine's thread (the dispatcher of :meth:`Websocket.start` adds ``-handler``).
THREAD_NAME = "mattermostdriver-websocket"


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
            ``port``, ``basepath``, ``verify``, ``timeout`` (ping interval and pong deadline in
            seconds; 0 turns pings off), ``keepalive`` (reconnect after a drop, forever),
            ``keepalive_delay`` (first reconnect delay in seconds; later ones double, with
            jitter, up to 60 s), ``websocket_kw_args`` (extra keyword arguments for
            :func:`websockets.sync.client.connect`), ``debug`` (log every message).
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
        error: the exception that ended the engine (``None`` after a clean end or a
            :meth:`disconnect`); :meth:`connect` raises it, the non-blocking form keeps it here.

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
        self._thread: Optional[threading.Thread] = None
        self._dispatcher: Optional[threading.Thread] = None
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
        return self._conn is not None

    @property
    def running(self) -> bool:
        """Whether the engine thread is running (connected, or waiting to reconnect)."""
        return self._thread is not None and self._thread.is_alive()

    async def connect(self, event_handler: EventHandler) -> None:
        """Run the listener inside the running asyncio loop until it ends.

        Each message is passed to ``event_handler`` as its raw JSON text, in order; an
        awaitable result is awaited. A handler that raises is logged and the stream goes on.

        Returns when :meth:`disconnect` is called, or when the connection drops and
        ``keepalive`` is off.

        Raises:
            WebsocketAuthError: the server refused the token; never retried.
            WebsocketError: the connection could not be made (or resumed) and ``keepalive`` is off.

        """
        loop = asyncio.get_running_loop()
        inbox: asyncio.Queue[Any] = asyncio.Queue()

        def post(item: Any) -> None:
            try:
                loop.call_soon_threadsafe(inbox.put_nowait, item)
            except RuntimeError:  # the loop was closed under us
                self._stop.set()

        stop = self._launch(post)
        ended = False
        try:
            while True:
                item = await inbox.get()
                if item is END:
                    ended = True
                    break
                if stop.is_set():
                    continue
                try:
                    result = self._call(event_handler, item)
                    if inspect.isawaitable(result):
                        await result
                except Exception:
                    log.exception("websocket handler raised; the stream goes on")
        finally:
            if not ended:  # cancelled, or the handler raised BaseException: end the engine too
                self.disconnect()
        self.wait(1.0)  # the engine posted its last item and is ending: let it finish
        if self.error is not None:
            raise self.error

    def start(self, event_handler: EventHandler) -> Websocket:
        """Start the listener and return at once (non-blocking).

        ``event_handler`` is called from a dispatcher thread with each message's raw JSON text,
        in order (an ``async def`` handler runs on that thread's own event loop). A slow handler
        delays only later messages, never the pings. Call :meth:`stop` to end it; after an
        authentication failure the engine ends by itself and :attr:`error` holds the exception.

        Returns:
            this :class:`Websocket`.

        """
        inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()
        stop = self._launch(inbox.put)
        self._dispatcher = threading.Thread(
            target=self._dispatch,
            args=(inbox, event_handler, stop),
            name=THREAD_NAME + "-handler",
            daemon=True,
        )
        self._dispatcher.start()
        return self

    def wait(self, timeout: Optional[float] = None) -> bool:
        """Block until the listener has ended; return ``False`` if ``timeout`` passed first."""
        for thread in (self._thread, self._dispatcher):
            if thread is not None and thread is not threading.current_thread():
                thread.join(timeout)
                if thread.is_alive():
                    return False
        return True

    def disconnect(self, timeout: float = 2.0) -> None:
        """Close the connection and end the listener; idempotent, callable from any thread.

        Waits up to ``timeout`` seconds for the threads to end. Never raises. Also ends the
        7.3.2 loops (``_start_loop``) of code that replaced :meth:`connect`.
        """
        self._alive_flag = False
        for wake in list(self._wakers):
            wake()
        self._stop.set()
        with self._lock:
            conn = self._conn
        if conn is not None:
            log.info("websocket: disconnecting")
            try:
                conn.close()
            except Exception:  # pragma: no cover - close() does not raise
                log.debug("websocket: error while closing", exc_info=True)
        if not self.wait(timeout):
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

    def _launch(self, post: Callable[[Any], None]) -> threading.Event:
        if self.running:
            raise RuntimeError("this websocket is already running; call disconnect() first")
        self.error = None
        self._alive_flag = True
        self._stop = stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(post, stop), name=THREAD_NAME, daemon=True)
        self._thread.start()
        return stop

    def _run(self, post: Callable[[Any], None], stop: threading.Event) -> None:
        try:
            self._engine(post, stop)
        finally:
            if self._stop is stop:
                self._alive_flag = False

    def _call(self, handler: EventHandler, item: Any) -> Any:
        if isinstance(item, Resync):
            return self.on_resync(item.old, item.new) if self.on_resync is not None else None
        return handler(item)

    def _dispatch(self, inbox: queue.SimpleQueue[Any], handler: EventHandler, stop: threading.Event) -> None:
        loop: Optional[asyncio.AbstractEventLoop] = None
        try:
            while True:
                item = inbox.get()
                if item is END:
                    return
                if stop.is_set():
                    continue
                try:
                    result = self._call(handler, item)
                    if inspect.isawaitable(result):
                        loop = loop or asyncio.new_event_loop()
                        _run_awaitable(loop, result)
                except Exception:
                    log.exception("websocket handler raised; the stream goes on")
        finally:
            if loop is not None:
                loop.close()
