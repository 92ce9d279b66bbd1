"""The websocket event listener: one connection engine in a named background thread.

:class:`Websocket` keeps one connection to ``ws[s]://host:port/<basepath>/websocket`` open in a
thread called ``mattermostdriver-websocket`` (built on :mod:`websockets.sync.client`), and hands
every message the server sends, as the raw JSON text, to the caller's handler:

* ``await ws.connect(handler)`` runs inside the caller's asyncio loop (the 7.3.2 contract used by
  ``Driver.init_websocket``): the socket work stays in the thread, messages are passed to the loop,
  so other tasks on that loop keep running. ``async def`` and plain handlers both work.
* ``ws.start(handler)`` returns at once; the handler is called from a dispatcher thread
  (``mattermostdriver-websocket-handler``). ``ws.stop()`` ends it.

The engine authenticates on the upgrade request (``Authorization: Bearer``), sends protocol pings
every ``timeout`` seconds and drops a link whose pong does not come back, reconnects with
exponential backoff and jitter when ``keepalive`` is set, and resumes with ``connection_id`` and
``sequence_number`` so the server replays what was missed; each event is passed once, in order.
When the server cannot resume (a ``hello`` with a new ``connection_id``), ``on_resync(old_id,
new_id)`` is called before that ``hello`` reaches the handler: events were lost and the
application should resync over REST. A 401/403 on the upgrade ends the engine with
:class:`~mattermostdriver.exceptions.WebsocketAuthError`.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
import queue
import random
import re
import ssl
import threading
import time
from typing import (
    TYPE_CHECKING,
    Any,
    Awaitable,
    Callable,
    Dict,
    List,
    Literal,
    Mapping,
    Optional,
    Tuple,
    Union,
    overload,
)
from urllib.parse import urlencode

from websockets.exceptions import ConnectionClosed, InvalidStatus, InvalidURI
from websockets.sync.client import ClientConnection
from websockets.sync.client import connect as ws_connect

from .exceptions import WebsocketAuthError, WebsocketError
from .options import normalize_options

if TYPE_CHECKING:
    _AdapterBase = logging.LoggerAdapter[logging.Logger]
else:
    _AdapterBase = logging.LoggerAdapter

__all__ = ["Websocket", "EventHandler", "ResyncHandler"]

log = logging.getLogger(__name__)

#: A handler receives each message as the raw JSON text; it may be ``async def``.
EventHandler = Callable[[str], Any]
#: ``on_resync(old_connection_id, new_connection_id)``; it may be ``async def``.
ResyncHandler = Callable[[str, str], Any]

THREAD_NAME = "mattermostdriver-websocket"
BACKOFF_CAP = 60.0
#: A connection the server closes within this many seconds, having sent nothing (not even
#: ``hello``), was not authenticated: twice in a row (once without ``keepalive``) is a bad token.
SILENT_CLOSE_WINDOW = 10.0
MAX_FRAME = 8 * 1024  # the server closes the socket on a bigger client frame
_END = object()  # end of the message stream, posted by the engine when it exits

# 7.3.2 passed websocket_kw_args to the asyncio client; map or drop what the sync client lacks.
_KW_RENAMED = {"extra_headers": "additional_headers", "timeout": "close_timeout"}
_KW_DROPPED = frozenset({"loop", "read_limit", "write_limit", "legacy_recv", "klass", "create_protocol"})


class _FatalError(WebsocketError):
    """A connection error that retrying cannot fix (bad ``websocket_kw_args``, bad URL)."""


class _Resync:
    __slots__ = ("new", "old")

    def __init__(self, old: str, new: str) -> None:
        self.old, self.new = old, new


class _Pending:
    __slots__ = ("done", "reply")

    def __init__(self) -> None:
        self.done = threading.Event()
        self.reply: Optional[Dict[str, Any]] = None


class _Redacting(_AdapterBase):
    """Logger for the websockets library that never lets the token through (it logs headers)."""

    _bearer = re.compile(r"(?i)(bearer\s+)\S+")

    def log(self, level: int, msg: object, *args: Any, **kwargs: Any) -> None:
        if args:
            if len(args) == 2 and str(args[0]).lower() in ("authorization", "cookie"):
                args = (args[0], "[redacted]")
            args = tuple(self._bearer.sub(r"\1[redacted]", a) if isinstance(a, str) else a for a in args)
        super().log(level, msg, *args, **kwargs)

    def process(self, msg: Any, kwargs: Any) -> Tuple[Any, Any]:
        return msg, kwargs  # keep the caller's ``extra`` (websockets adds the connection)


class _Connection(ClientConnection):
    """A client connection whose reader thread starts once the upgrade request is written.

    websockets starts its reader thread before it sends the request. Over TLS 1.3 the reader
    may then be inside ``SSL_read`` (taking the server's session tickets) while the request is
    written with ``SSL_write`` on the same SSL object, which OpenSSL does not support: about
    one connection in a few hundred then hangs until ``open_timeout``. Holding the reader back
    until the request is out removes the overlap (the tickets precede the server's response).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._request_sent = threading.Event()
        super().__init__(*args, **kwargs)

    def recv_events(self) -> None:
        self._request_sent.wait(60)
        super().recv_events()

    def send_data(self) -> None:
        super().send_data()
        self._request_sent.set()

    def close_socket(self) -> None:
        self._request_sent.set()
        super().close_socket()


def _ssl_context(verify: Union[bool, str]) -> ssl.SSLContext:
    if verify is False:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        return context
    if isinstance(verify, str):
        return ssl.create_default_context(cafile=verify)
    return ssl.create_default_context()


def _run_awaitable(loop: asyncio.AbstractEventLoop, awaitable: Awaitable[Any]) -> Any:
    async def wrapper() -> Any:
        return await awaitable

    return loop.run_until_complete(wrapper())


#: The ``data`` fields whose values Mattermost sends as JSON text inside the JSON event.
NESTED_JSON_FIELDS = (
    "post",
    "reaction",
    "thread",
    "channelMember",
    "preference",
    "preferences",
    "emoji",
    "role",
    "team",
    "draft",
    "bookmark",
    "bookmarks",
    "dialog",
    "mentions",
    "followers",
)


def decode_event(message: Dict[str, Any]) -> Dict[str, Any]:
    """Decode, in place, the JSON strings nested in an event's ``data`` and return the event.

    ``posted`` carries the post as a JSON string in ``data["post"]``, ``reaction_added`` the
    reaction in ``data["reaction"]``, and so on (:data:`NESTED_JSON_FIELDS`); a value that is
    not valid JSON is left as it is.
    """
    data = message.get("data")
    if isinstance(data, dict):
        for key in NESTED_JSON_FIELDS:
            value = data.get(key)
            if isinstance(value, str) and value[:1] in ("{", "["):
                try:
                    data[key] = json.loads(value)
                except ValueError:
                    pass
    return message


class Websocket:
    """A Mattermost websocket listener with keepalive, reconnect and resume.

    Args:
        options: the driver's options (normalized by
            :func:`~mattermostdriver.options.normalize_options`; a raw dict is normalized here).
            Used: ``scheme``, ``url``, ``port``, ``basepath``, ``verify``, ``timeout`` (ping
            interval and pong deadline in seconds; 0 turns pings off), ``keepalive`` (reconnect
            after a drop, forever), ``keepalive_delay`` (first reconnect delay in seconds),
            ``websocket_kw_args`` (extra keyword arguments for
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
        self.options: Dict[str, Any] = dict(options) if "site_path" in options else normalize_options(options)
        self.on_resync = on_resync
        self.decode = decode
        self.error: Optional[WebsocketError] = None
        self._token = token or ""
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: Optional[threading.Thread] = None
        self._dispatcher: Optional[threading.Thread] = None
        self._conn: Optional[ClientConnection] = None
        self._connection_id: Optional[str] = None
        self._sequence = 0
        self._req_seq = 0
        self._pending: Dict[int, _Pending] = {}
        scheme = "wss" if self.options["scheme"] == "https" else "ws"
        self.url = (
            f"{scheme}://{self.options['url']}:{self.options['port']}{self.options['basepath']}/websocket"
        )

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
            WebsocketAuthError: the server refused the token (401/403); never retried.
            WebsocketError: the connection could not be made and ``keepalive`` is off.

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
                if item is _END:
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

        Waits up to ``timeout`` seconds for the threads to end. Never raises.
        """
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

    @overload
    def send_action(
        self,
        action: str,
        data: Optional[Mapping[str, Any]] = None,
        *,
        wait: Literal[False] = False,
        timeout: float = 10.0,
    ) -> int: ...

    @overload
    def send_action(
        self,
        action: str,
        data: Optional[Mapping[str, Any]] = None,
        *,
        wait: Literal[True],
        timeout: float = 10.0,
    ) -> Dict[str, Any]: ...

    def send_action(
        self,
        action: str,
        data: Optional[Mapping[str, Any]] = None,
        *,
        wait: bool = False,
        timeout: float = 10.0,
    ) -> Union[int, Dict[str, Any]]:
        """Send ``{"seq", "action", "data"}`` on the current connection.

        Request seqs start at 1 on each connection. The server's ``seq_reply`` answer is passed
        to the handler like every message; with ``wait=True`` it is also returned.

        Args:
            action: the action name (``user_typing``, ``get_statuses``, ``ping``, ...).
            data: the action's ``data`` object.
            wait: block until the matching reply comes (do not call it so from a handler
                running in the loop of :meth:`connect` if you need that loop meanwhile).
            timeout: seconds to wait for the reply.

        Returns:
            the request's ``seq``, or with ``wait=True`` the reply dict (``status`` ``OK``).

        Raises:
            WebsocketError: not connected, the connection closed, no reply within ``timeout``,
                or the reply's status is ``FAIL``.
            ValueError: the frame is over the server's 8 KiB limit.

        """
        with self._lock:
            conn = self._conn
            if conn is None:
                raise WebsocketError(f"websocket not connected; cannot send {action!r}", url=self.url)
            self._req_seq += 1
            seq = self._req_seq
            pending = _Pending() if wait else None
            if pending is not None:
                self._pending[seq] = pending
        frame = json.dumps({"seq": seq, "action": action, "data": dict(data or {})})
        try:
            if len(frame.encode()) > MAX_FRAME:
                raise ValueError(f"websocket action {action!r} is over {MAX_FRAME} bytes")
            conn.send(frame)
            if pending is None:
                return seq
            if not pending.done.wait(timeout):
                raise WebsocketError(
                    f"no reply to websocket action {action!r} (seq {seq}) within {timeout} s", url=self.url
                )
        except ConnectionClosed as exc:
            raise WebsocketError(f"websocket closed while sending {action!r}", url=self.url) from exc
        finally:
            with self._lock:
                self._pending.pop(seq, None)
        reply = pending.reply
        if reply is None:
            raise WebsocketError(f"websocket closed before the reply to {action!r} (seq {seq})", url=self.url)
        if reply.get("status") != "OK":
            error = reply.get("error") or {}
            raise WebsocketError(
                str(error.get("message") or f"websocket action {action!r} failed"),
                status_code=error.get("status_code"),
                error_id=str(error.get("id") or ""),
                detailed_error=str(error.get("detailed_error") or ""),
                url=self.url,
            )
        return reply

    def user_typing(self, channel_id: str, parent_id: str = "") -> int:
        """Tell the channel the user is typing (action ``user_typing``); returns the request seq."""
        return self.send_action("user_typing", {"channel_id": channel_id, "parent_id": parent_id})

    def get_statuses(self, timeout: float = 10.0) -> Dict[str, Any]:
        """Return ``{user_id: status}`` for the users the server tracks (action ``get_statuses``)."""
        return dict(self.send_action("get_statuses", wait=True, timeout=timeout).get("data") or {})

    def get_statuses_by_ids(self, user_ids: List[str], timeout: float = 10.0) -> Dict[str, Any]:
        """Return ``{user_id: status}`` for ``user_ids`` (action ``get_statuses_by_ids``)."""
        reply = self.send_action(
            "get_statuses_by_ids", {"user_ids": list(user_ids)}, wait=True, timeout=timeout
        )
        return dict(reply.get("data") or {})

    # -- front-door plumbing ----------------------------------------------------------------

    def _launch(self, post: Callable[[Any], None]) -> threading.Event:
        if self.running:
            raise RuntimeError("this websocket is already running; call disconnect() first")
        self.error = None
        self._stop = stop = threading.Event()
        self._thread = threading.Thread(target=self._engine, args=(post, stop), name=THREAD_NAME, daemon=True)
        self._thread.start()
        return stop

    def _call(self, handler: EventHandler, item: Any) -> Any:
        if isinstance(item, _Resync):
            return self.on_resync(item.old, item.new) if self.on_resync is not None else None
        return handler(item)

    def _dispatch(self, inbox: queue.SimpleQueue[Any], handler: EventHandler, stop: threading.Event) -> None:
        loop: Optional[asyncio.AbstractEventLoop] = None
        try:
            while True:
                item = inbox.get()
                if item is _END:
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

    # -- the engine (runs in the background thread) -----------------------------------------

    def _engine(self, post: Callable[[Any], None], stop: threading.Event) -> None:
        failures = gaps = 0  # consecutive attempts that got no message / that ended on a gap
        silent = 0  # consecutive connections the server closed soon, without a word
        try:
            while not stop.is_set():
                try:
                    opened = time.monotonic()
                    received, gap = self._session(post, stop)
                    quick = time.monotonic() - opened < SILENT_CLOSE_WINDOW
                    silent = silent + 1 if quick and not received else 0
                    if silent and silent >= (2 if self.options["keepalive"] else 1) and not stop.is_set():
                        # Mattermost upgrades a bad token anyway and closes the socket after 5 s
                        # without a hello: there is no 401 to see
                        raise WebsocketAuthError(
                            "the server closed the websocket without a hello: the token is missing, "
                            "invalid or expired",
                            status_code=401,
                            method="GET",
                            url=self.url,
                        )
                except (WebsocketAuthError, _FatalError) as exc:
                    log.error("websocket: %s; not retrying", exc)
                    self.error = exc
                    return
                except WebsocketError as exc:
                    if stop.is_set():
                        return
                    if not self.options["keepalive"]:
                        self.error = exc
                        return
                    log.warning("websocket: %s", exc)
                    received = gap = False
                if stop.is_set():
                    return
                failures = 0 if received else failures + 1
                gaps = gaps + 1 if gap else 0
                if gap and gaps <= 3:
                    continue  # reconnect at once with the same id and sequence
                if not gap and not self.options["keepalive"]:
                    log.info("websocket: connection closed; keepalive is off, so the listener ends")
                    return
                delay = self._backoff(max(failures, gaps))
                log.info("websocket: reconnecting in %.2f s", delay)
                stop.wait(delay)
        except Exception as exc:  # a bug, not a network condition: end loudly rather than spin
            log.exception("websocket: the listener failed")
            self.error = WebsocketError(f"websocket listener failed: {exc!r}", url=self.url)
        finally:
            post(_END)

    def _backoff(self, failures: int) -> float:
        """First delay ``keepalive_delay``, then doubling with +-25 % jitter, capped at 60 s."""
        base = float(self.options["keepalive_delay"])
        if failures == 0:
            return base
        return min(BACKOFF_CAP, max(base, 0.05) * 2.0**failures * random.uniform(0.75, 1.25))

    def _open(self) -> ClientConnection:
        """Open one connection (resuming if possible); map failures to the driver's exceptions."""
        url = self.url
        if self._connection_id:
            url += "?" + urlencode({"connection_id": self._connection_id, "sequence_number": self._sequence})
        timeout = float(self.options["timeout"] or 0) or None
        kwargs: Dict[str, Any] = {
            "ping_interval": timeout,
            "ping_timeout": timeout,
            "close_timeout": min(1.0, timeout or 1.0),
            "max_size": 2**24,
            "create_connection": _Connection,
            "logger": _Redacting(logging.getLogger("websockets.client"), {}),
        }
        if self.url.startswith("wss:"):
            kwargs["ssl"] = _ssl_context(self.options["verify"])
        for key, value in (self.options.get("websocket_kw_args") or {}).items():
            if key in _KW_DROPPED:
                log.warning(
                    "websocket: ignoring websocket_kw_args[%r] (not supported by websockets.sync)", key
                )
                continue
            kwargs[_KW_RENAMED.get(key, key)] = value
        headers = dict(kwargs.pop("additional_headers", None) or {})
        headers["Authorization"] = f"Bearer {self._token}"
        log.debug("websocket: connecting to %s", url)
        try:
            conn: ClientConnection = ws_connect(url, additional_headers=headers, **kwargs)
            return conn
        except InvalidStatus as exc:
            status = exc.response.status_code
            if status in (401, 403):
                raise WebsocketAuthError(
                    "websocket upgrade refused: the token is missing or invalid",
                    status_code=status,
                    method="GET",
                    url=self.url,
                ) from None
            raise WebsocketError(
                f"websocket upgrade refused with HTTP {status}",
                status_code=status,
                method="GET",
                url=self.url,
            ) from None
        except (TypeError, ValueError, InvalidURI) as exc:  # bad websocket_kw_args or URL: final
            raise _FatalError(f"websocket cannot connect: {exc}", url=self.url) from exc
        except Exception as exc:
            raise WebsocketError(
                f"websocket connection failed: {type(exc).__name__}: {exc}", method="GET", url=self.url
            ) from exc

    def _session(self, post: Callable[[Any], None], stop: threading.Event) -> Tuple[bool, bool]:
        """Run one connection until it closes; return (received anything, closed on a gap)."""
        conn = self._open()
        received = gap = False
        with conn:
            with self._lock:
                self._conn, self._req_seq = conn, 0
                if stop.is_set():
                    conn.close()
            if self._connection_id:
                log.info("websocket: connected; resuming %s from seq %d", self._connection_id, self._sequence)
            else:
                log.info("websocket: connected to %s", self.url)
            try:
                while True:
                    raw = conn.recv()
                    received = True
                    text = raw if isinstance(raw, str) else raw.decode("utf-8", "replace")
                    if self.options["debug"]:
                        log.debug("websocket: received %.500s", text)
                    if self._route(text, post):
                        log.warning("websocket: missed events (expected seq %d); resuming", self._sequence)
                        gap = True
                        conn.close(4001, "missed events")
                        break
            except ConnectionClosed as exc:
                if not stop.is_set() and not gap:
                    rcvd = exc.rcvd
                    code, reason = (rcvd.code, rcvd.reason) if rcvd else (1006, "no close frame")
                    log.warning("websocket: connection closed (%s %s)", code, reason)
            finally:
                with self._lock:
                    self._conn = None
                    pending, self._pending = self._pending, {}
                for waiter in pending.values():
                    waiter.done.set()
        return received, gap

    def _out(self, text: str, message: Dict[str, Any]) -> Any:
        """What the handler gets: the raw text (7.3.2), or with ``decode`` the decoded message."""
        return decode_event(message) if self.decode else text

    def _route(self, text: str, post: Callable[[Any], None]) -> bool:
        """Track seqs and pass one message on; return True on a gap (that message is not passed).

        Only events (``event`` and ``seq``) are sequence-checked: an older seq is a duplicate and
        is dropped, a newer one means events were missed. Responses (``seq_reply``) complete
        the matching :meth:`send_action` wait. Everything is passed on as received.
        """
        try:
            message = json.loads(text)
        except ValueError:
            message = None
        if not isinstance(message, dict):
            post(text)
            return False
        reply_to = message.get("seq_reply")
        if isinstance(reply_to, int):
            with self._lock:
                waiter = self._pending.get(reply_to)
            if waiter is not None:
                waiter.reply = message
                waiter.done.set()
            post(self._out(text, message))
            return False
        seq = message.get("seq")
        if "event" not in message or not isinstance(seq, int):
            post(self._out(text, message))
            return False
        if message["event"] == "hello":
            new_id = str((message.get("data") or {}).get("connection_id") or "")
            old_id = self._connection_id
            if new_id and new_id != old_id:
                if old_id:
                    log.warning(
                        "websocket: could not resume %s (new id %s): events were missed", old_id, new_id
                    )
                    post(_Resync(old_id, new_id))
                self._connection_id = new_id
                self._sequence = seq + 1
                post(self._out(text, message))
                return False
        if seq < self._sequence:
            log.debug("websocket: dropping duplicate event seq %d", seq)
            return False
        if seq > self._sequence:
            return True
        self._sequence = seq + 1
        post(self._out(text, message))
        return False
