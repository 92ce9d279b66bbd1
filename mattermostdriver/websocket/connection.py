"""The one module that uses :mod:`websockets` (its threading and asyncio clients), internals included.

Everything the listener needs from the library goes through here, so that a new major version
of websockets is checked in one place: this module was checked with websockets 15, 16 and 17
(``setup.py`` bounds the dependency to them). :func:`open_connection` opens a connection of the
threading client (for :mod:`.threads`), :func:`open_async` one of the asyncio client (for
:mod:`.aio`); both send the REST client's ``User-Agent`` and turn every failure into one of the
driver's exceptions. What this module relies on beyond the documented API:

* :class:`_Connection` overrides ``recv_events``, ``send_data`` and ``close_socket`` of
  :class:`websockets.sync.connection.Connection`;
* :class:`Redacting` knows the shape of the client's DEBUG lines (``"> %s: %s"`` for a request
  header, ``"< %s: %s"`` for a response header, ``"> GET %s HTTP/1.1"`` for the request line);
* :func:`open_connection` calls :func:`websockets.sync.client.connect` and enters the connection
  at once (websockets 17 warns about a connection that is not used as a context manager).

The threading client gets no ``ping_interval``: its keepalive would be one more thread per
connection, and :mod:`.threads` sends the pings from its own thread instead. The asyncio client
keeps its own keepalive (a task, not a thread).
"""

from __future__ import annotations

import logging
import re
import threading
from typing import TYPE_CHECKING, Any, Dict, Mapping, NoReturn, Tuple

from websockets.asyncio.client import ClientConnection as AsyncConnection
from websockets.asyncio.client import connect as aio_connect
from websockets.exceptions import ConnectionClosed, InvalidStatus, InvalidURI
from websockets.sync.client import ClientConnection
from websockets.sync.client import connect as ws_connect
from websockets.version import version as websockets_version

from ..exceptions import WebsocketAuthError, WebsocketError
from ..options import user_agent
from ..redaction import clean, redact_header, redact_url
from ..transports.base import ssl_context
from .engine import UPGRADE_NOT_PASSED, FatalError

if TYPE_CHECKING:
    _AdapterBase = logging.LoggerAdapter[logging.Logger]
else:
    _AdapterBase = logging.LoggerAdapter

__all__ = [
    "CHECKED_MAJOR_VERSIONS",
    "AsyncConnection",
    "ClientConnection",
    "ConnectionClosed",
    "FatalError",
    "Redacting",
    "close_info",
    "open_async",
    "open_connection",
]

log = logging.getLogger("mattermostdriver.websocket")

#: The websockets major versions this module was checked with.
CHECKED_MAJOR_VERSIONS = (15, 16, 17)

# 7.3.2 passed websocket_kw_args to the asyncio client; map or drop what the sync client lacks.
_KW_RENAMED = {"extra_headers": "additional_headers", "timeout": "close_timeout"}
_KW_DROPPED = frozenset({"loop", "read_limit", "write_limit", "legacy_recv", "klass", "create_protocol"})
#: Messages the library keeps for the listener before it stops reading the socket (``max_queue``).
QUEUE = 256
_URL_IN_TEXT = re.compile(r"\b(?:wss?|https?)://[^\s'\"]+")
_BEARER = re.compile(r"(?i)(bearer\s+)\S+")
_warned_version = False


def _scrub(text: str) -> str:
    """Server or library text for a log line or an exception: URLs redacted, one clean line."""
    return clean(_BEARER.sub(r"\1***", _URL_IN_TEXT.sub(lambda m: redact_url(m.group()), text)))


class Redacting(_AdapterBase):
    """The websockets client's logger: no secret (token, cookie, query) and no terminal control.

    Header lines go through :func:`~mattermostdriver.redaction.redact_header` as REST's do
    (``Authorization`` and ``Cookie`` hidden, ``Set-Cookie`` reduced to its name, ``Location``
    without its query); the request line loses its query; every other argument, which may hold
    server text (a frame, a close reason), is cleaned.
    """

    def log(self, level: int, msg: object, *args: Any, **kwargs: Any) -> None:
        """Log one line of the library, its arguments redacted and cleaned."""
        if args:
            if isinstance(msg, str) and msg.endswith("%s: %s") and len(args) == 2:
                args = (clean(args[0], 100), redact_header(str(args[0]), args[1]))
            elif msg == "> GET %s HTTP/1.1":
                args = (redact_url(str(args[0])),)
            else:
                args = tuple(a if isinstance(a, (int, float)) else _scrub(str(a)) for a in args)
        super().log(level, msg, *args, **kwargs)

    def process(self, msg: Any, kwargs: Any) -> Tuple[Any, Any]:
        """Leave the line as it is."""
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


def _check_version() -> None:
    global _warned_version
    major = websockets_version.split(".", 1)[0]
    if not _warned_version and (not major.isdigit() or int(major) not in CHECKED_MAJOR_VERSIONS):
        _warned_version = True
        log.warning(
            "websocket: websockets %s was not checked with this driver (checked: %s)",
            websockets_version,
            ", ".join(map(str, CHECKED_MAJOR_VERSIONS)),
        )


def _connect_kwargs(url: str, token: str, options: Mapping[str, Any], *, threads: bool) -> Dict[str, Any]:
    timeout = float(options["timeout"] or 0) or None
    kwargs: Dict[str, Any] = {
        # the threading client's keepalive would be a thread more: .threads pings from its own
        "ping_interval": None if threads else timeout,
        "ping_timeout": None if threads else timeout,
        "close_timeout": min(1.0, timeout or 1.0),
        "max_size": 2**24,
        "max_queue": QUEUE,
        "user_agent_header": user_agent(options),
        "logger": Redacting(logging.getLogger("websockets.client"), {}),
    }
    if threads:
        kwargs["create_connection"] = _Connection
    if url.startswith("wss:"):
        kwargs["ssl"] = ssl_context(options["verify"])
    extra: Mapping[str, Any] = options.get("websocket_kw_args") or {}
    for key, value in extra.items():
        if key in _KW_DROPPED:
            log.warning("websocket: ignoring websocket_kw_args[%r] (not supported by websockets)", key)
            continue
        kwargs[_KW_RENAMED.get(key, key)] = value
    headers = dict(kwargs.pop("additional_headers", None) or {})
    headers["Authorization"] = f"Bearer {token}"
    kwargs["additional_headers"] = headers
    return kwargs


def open_connection(url: str, token: str, options: Mapping[str, Any], shown_url: str) -> ClientConnection:
    """Open one connection of the threading client, authenticated with ``token`` on the upgrade request.

    Args:
        url: the URL to connect to (with its resume query, if any).
        token: sent as ``Authorization: Bearer`` only.
        options: the driver's options (``timeout``, ``verify``, ``user_agent``, ``websocket_kw_args``).
        shown_url: the URL named in exceptions (without the query).

    Returns:
        the open connection, entered as a context manager (the caller closes it).

    Raises:
        WebsocketAuthError: the upgrade was refused with 401 or 403.
        FatalError: ``websocket_kw_args`` or the URL cannot work; retrying cannot help.
        WebsocketError: any other failure (refused, unreachable, TLS, timeout...).

    """
    _check_version()
    kwargs = _connect_kwargs(url, token, options, threads=True)
    try:
        conn: ClientConnection = ws_connect(url, **kwargs)
    except Exception as exc:
        _raise_for(exc, shown_url)
    return conn.__enter__()


async def open_async(url: str, token: str, options: Mapping[str, Any], shown_url: str) -> AsyncConnection:
    """Open one connection of the asyncio client on the running loop: as :func:`open_connection`.

    The connection is not entered: the caller closes it (``await conn.close()``).
    """
    _check_version()
    kwargs = _connect_kwargs(url, token, options, threads=False)
    try:
        conn: AsyncConnection = await aio_connect(url, **kwargs)
    except Exception as exc:
        _raise_for(exc, shown_url)
    return conn


def _raise_for(exc: Exception, shown_url: str) -> NoReturn:
    """Raise the driver's exception for a failed connection attempt."""
    if isinstance(exc, InvalidStatus):
        status = exc.response.status_code
        if status in (401, 403):
            raise WebsocketAuthError(
                "websocket upgrade refused: the token is missing or invalid",
                status_code=status,
                method="GET",
                url=shown_url,
            ) from None
        message = f"websocket upgrade refused with HTTP {status}"
        if status in UPGRADE_NOT_PASSED:
            message += (
                ": the upgrade did not reach Mattermost's websocket. Is a proxy in front of it not "
                "passing websocket upgrades (it must forward the Upgrade and Connection headers), "
                "or is the url's path wrong?"
            )
        raise WebsocketError(message, status_code=status, method="GET", url=shown_url) from None
    if isinstance(exc, (TypeError, ValueError, InvalidURI)):  # bad websocket_kw_args or URL: final
        raise FatalError(f"websocket cannot connect: {_scrub(str(exc))}", url=shown_url) from exc
    raise WebsocketError(
        f"websocket connection failed: {type(exc).__name__}: {_scrub(str(exc))}",
        method="GET",
        url=shown_url,
    ) from exc


def close_info(exc: ConnectionClosed) -> Tuple[int, str, bool, bool]:
    """The ``close`` that :meth:`.engine.Engine.closed` takes, from the library's exception.

    The close code, the reason (cleaned), whether this side closed first (keepalive, gap, stop)
    and whether a close frame came.
    """
    rcvd, sent = exc.rcvd, exc.sent
    closed_by_us = sent is not None and (rcvd is None or not exc.rcvd_then_sent)
    if rcvd is None:
        return 1006, "no close frame", closed_by_us, False
    return rcvd.code, clean(rcvd.reason, 200), closed_by_us, True
