"""The 7.3.2 internals that callers' own ``connect`` coroutines use, on a socket they opened.

7.3.2's wss was broken on Python 3.10+ (a server-side TLS context), and the common workaround
replaces ``Websocket.connect`` with the caller's coroutine: it opens the socket itself with the
asyncio ``websockets.connect(url, ssl=context)``, then calls
``await self._authenticate_websocket(websocket, event_handler)`` and
``await self._start_loop(websocket, event_handler)`` while ``self._alive``. These functions give
those two methods 7.3.2's behaviour on any such connection (anything with ``send``, ``recv``,
``pong`` and ``close`` coroutines):

* :func:`authenticate` sends ``{"seq": 1, "action": "authentication_challenge", "data":
  {"token": ...}}`` and passes every message to the handler until the ``hello`` (seq 0), then
  returns True. A closed socket (a wrong token) raises the library's ``ConnectionClosed``.
* :func:`start_loop` passes every message to the handler while ``_alive``, sending a pong every
  ``timeout`` seconds as 7.3.2's heartbeat did; a dropped connection raises the library's
  ``ConnectionClosedError`` to the caller, which reconnects.

Unlike 7.3.2, :meth:`~mattermostdriver.websocket.Websocket.disconnect` (or ``_alive = False``)
ends the loop at once rather than at the next message or heartbeat, closing the socket; the
handler may be a plain function too; and a handler that raises is logged and the stream goes on
(as everywhere else in this driver) instead of ending the connection.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
from types import TracebackType
from typing import Any, Callable, Dict, Mapping, Optional, Protocol, Set, Type

from .events import EventHandler, frame_text, hello_connection_id, loads_object


class WebsocketView(Protocol):
    """What these coroutines use of :class:`mattermostdriver.websocket.Websocket`."""

    _wakers: Set[Callable[[], None]]

    @property
    def options(self) -> Mapping[str, Any]: ...

    @property
    def _token(self) -> str: ...

    @property
    def _alive(self) -> bool: ...

    @property
    def _connection_id(self) -> Optional[str]: ...

    @_connection_id.setter
    def _connection_id(self, value: Optional[str]) -> None: ...

    def _out(self, text: str, message: Dict[str, Any]) -> Any: ...


__all__ = ["authenticate", "start_loop"]

log = logging.getLogger("mattermostdriver.websocket")

_STOPPED = object()  # disconnect() was called
_TIMEOUT = object()  # time for a heartbeat


class _Stopper:
    """An event of the running loop that :meth:`Websocket.disconnect` sets, from any thread."""

    def __init__(self, ws: WebsocketView, *, now: bool = True) -> None:
        self.ws = ws
        self.now = now  # set at once when ws._alive is already False
        self.loop = asyncio.get_running_loop()
        self.event = asyncio.Event()
        self.waiter: Optional[asyncio.Future[Any]] = None

    def wake(self) -> None:
        try:
            self.loop.call_soon_threadsafe(self.event.set)
        except RuntimeError:  # the loop is closed: nothing runs on it any more
            pass

    def __enter__(self) -> asyncio.Future[Any]:
        self.ws._wakers.add(self.wake)
        if self.now and not self.ws._alive:
            self.event.set()
        self.waiter = asyncio.ensure_future(self.event.wait())
        return self.waiter

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.ws._wakers.discard(self.wake)
        if self.waiter is not None:
            self.waiter.cancel()


async def _receive(websocket: Any, stopped: asyncio.Future[Any], timeout: Optional[float]) -> Any:
    """The next message, or ``_STOPPED`` (disconnect), or ``_TIMEOUT`` after ``timeout`` seconds."""
    recv = asyncio.ensure_future(websocket.recv())
    try:
        await asyncio.wait({recv, stopped}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    finally:
        if not recv.done():
            recv.cancel()  # safe: no message is lost, the next recv() gets it
            await asyncio.wait({recv})
    if stopped.done():
        if not recv.cancelled():
            recv.exception()  # retrieved: a message or a close racing the disconnect is dropped
        return _STOPPED
    if recv.cancelled():
        return _TIMEOUT
    return recv.result()  # the message, or the library's ConnectionClosed raised


async def _hand(ws: WebsocketView, handler: EventHandler, raw: Any) -> Optional[Dict[str, Any]]:
    """Pass one message to the handler (awaiting it if needed); return it decoded, if it is an object."""
    text = frame_text(raw)
    message = loads_object(text)
    try:
        result = handler(ws._out(text, message) if message is not None else text)
        if inspect.isawaitable(result):
            await result
    except Exception:
        log.exception("websocket handler raised; the stream goes on")
    return message


async def authenticate(ws: WebsocketView, websocket: Any, handler: EventHandler) -> bool:
    """Authenticate ``websocket`` with the token and pass messages on until the ``hello``.

    Returns:
        True once the ``hello`` came; False if :meth:`Websocket.disconnect` came first.

    """
    log.debug("websocket: authenticating with an authentication_challenge")
    challenge = {"seq": 1, "action": "authentication_challenge", "data": {"token": ws._token}}
    await websocket.send(json.dumps(challenge))
    with _Stopper(ws, now=False) as stopped:  # 7.3.2 authenticated whatever _alive said
        while True:
            raw = await _receive(websocket, stopped, None)
            if raw is _STOPPED:
                return False
            message = await _hand(ws, handler, raw)
            if message is not None and message.get("event") == "hello" and message.get("seq") == 0:
                ws._connection_id = hello_connection_id(message) or None
                log.info("websocket: authenticated")
                return True


async def start_loop(
    ws: WebsocketView, websocket: Any, handler: EventHandler, *, heartbeat: bool = True
) -> None:
    """Pass every message of ``websocket`` to ``handler`` while ``ws._alive``.

    With ``heartbeat``, a pong goes out every ``timeout`` seconds (the option; 0 turns it off).
    When :meth:`Websocket.disconnect` is called the socket is closed and this returns.

    Raises:
        websockets.exceptions.ConnectionClosed: the connection dropped (the caller reconnects).

    """
    log.debug("websocket: starting the receive loop")
    loop = asyncio.get_running_loop()
    interval = float(ws.options["timeout"] or 0) if heartbeat else 0.0
    next_beat = loop.time() + interval
    with _Stopper(ws) as stopped:
        while ws._alive:
            wait = max(0.0, next_beat - loop.time()) if interval else None
            raw = await _receive(websocket, stopped, wait)
            if raw is _STOPPED:
                break
            if raw is _TIMEOUT:
                await websocket.pong()
                log.debug("websocket: heartbeat sent")
                next_beat = max(next_beat + interval, loop.time())
                continue
            await _hand(ws, handler, raw)
    await websocket.close()  # disconnect() was called
