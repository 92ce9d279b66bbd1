"""What a transport is, and what the transports share.

A transport sends one request and returns its :class:`requests.Response`; it decides nothing
(no retry, no error mapping beyond :mod:`requests`' own exception classes): the request loop
does (:mod:`~mattermostdriver.core.loop`). A sync one has :meth:`Transport.send`,
:meth:`~Transport.read_block` and :meth:`~Transport.close`; an async one
:meth:`AsyncTransport.asend`, :meth:`~AsyncTransport.aread_block` and
:meth:`~AsyncTransport.aclose`. ``Driver(transport=...)`` and ``AsyncDriver(transport=...)``
take any object that has them, such as :class:`~mattermostdriver.transports.MockTransport`.
"""

from __future__ import annotations

import datetime
import os
import ssl
import time
from typing import Any, Callable, Dict, List, Mapping, Optional, Protocol, Union

import requests
from requests.adapters import DEFAULT_CA_BUNDLE_PATH
from requests.cookies import RequestsCookieJar, extract_cookies_to_jar
from requests.utils import get_encoding_from_headers, get_environ_proxies
from urllib3.exceptions import ProtocolError

from ..timeouts import Timeouts

__all__ = [
    "ERROR_BODY_LIMIT",
    "AsyncTransport",
    "LazyResponse",
    "Outgoing",
    "Transport",
    "effective_verify",
    "proxies_for",
    "read_raw",
    "ssl_context",
]

#: The most bytes of an error answer's body that are read (the rest is dropped with the connection).
ERROR_BODY_LIMIT = 64 * 1024
#: A body of unknown length, or declared longer than this, is read a block at a time, so that
#: memory follows what arrives rather than what the headers claim (``Content-Length: 10**17``).
_WHOLE_READ_LIMIT = 16 * 1024 * 1024
_BLOCK = 1024 * 1024
#: requests' adapter's way to take an answer's cookies (untyped in requests' stubs: typed here).
_extract_cookies: Callable[[RequestsCookieJar, requests.PreparedRequest, Any], None] = extract_cookies_to_jar


class Outgoing(Protocol):
    """What a transport is given: a :class:`~mattermostdriver.core.request.Request`."""

    @property
    def prepared(self) -> requests.PreparedRequest:
        """The request to send: its ``method``, ``url``, ``headers`` and ``body``."""
        ...

    @property
    def origin(self) -> str:
        """``scheme://host:port`` of its URL."""
        ...

    @property
    def target(self) -> str:
        """The path and query of its URL."""
        ...

    @property
    def timeouts(self) -> Timeouts:
        """The seconds of the attempt: to connect, between two reads, in all."""
        ...

    @property
    def stream(self) -> bool:
        """Leave a success's body unread (a download); it is read with ``read_block``."""
        ...


class Transport(Protocol):
    """A sync transport (``Driver(transport=...)``): sends one request, decides nothing."""

    def send(self, request: Outgoing) -> requests.Response:
        """Send ``request`` and return its response (the body read, unless streamed).

        Raises:
            requests.RequestException: no answer (``ConnectionError``, ``ConnectTimeout``,
                ``ReadTimeout``, ``SSLError``...); an error status is an answer, not an exception.

        """
        ...

    def read_block(self, response: requests.Response, size: int, timeouts: Timeouts) -> bytes:
        """Up to ``size`` bytes of a streamed answer's body (``b""`` at its end)."""
        ...

    def close(self) -> None:
        """Close every connection (idempotent)."""
        ...


class AsyncTransport(Protocol):
    """An async transport (``AsyncDriver(transport=...)``): the same, awaited."""

    async def asend(self, request: Outgoing) -> requests.Response:
        """Send ``request`` and return its response (see :meth:`Transport.send`)."""
        ...

    async def aread_block(self, response: requests.Response, size: int, timeouts: Timeouts) -> bytes:
        """Up to ``size`` bytes of a streamed answer's body (``b""`` at its end)."""
        ...

    async def aclose(self) -> None:
        """Close every connection (idempotent)."""
        ...


def read_raw(raw: Any, amount: Optional[int] = None) -> bytes:
    """Up to ``amount`` bytes of an answer's body (all of it without), decoded; a broken answer's
    connection is closed, and an absurd length or chunk size a ``ProtocolError`` like other bad framing.
    """
    try:
        declared = raw.length_remaining if amount is None else None
        if amount is not None or (declared is not None and declared <= _WHOLE_READ_LIMIT):
            return bytes(raw.read(amount, decode_content=True))
        blocks: List[bytes] = []
        while True:
            block = raw.read(_BLOCK, decode_content=True)
            if not block:
                return b"".join(blocks)
            blocks.append(block)
    except BaseException as exc:  # a broken answer (or an interrupt): its connection is useless
        raw.close()
        raw.release_conn()
        if isinstance(exc, (OverflowError, ValueError)):
            raise ProtocolError(f"malformed answer from the server: {exc}", exc) from None
        raise


def effective_verify(verify: Union[bool, str]) -> Union[bool, str]:
    """``verify`` as :mod:`requests` applies it: True means the environment's CA bundle when set."""
    if verify is True:
        return os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or True
    return verify


def ssl_context(verify: Union[bool, str]) -> ssl.SSLContext:
    """A client TLS context that trusts what :mod:`requests` would for ``verify`` (for the websocket).

    True: the environment's ``REQUESTS_CA_BUNDLE``/``CURL_CA_BUNDLE`` when set, else the
    bundle requests uses (certifi's); a path: that file or directory; False: no checks.
    """
    context = ssl.create_default_context(purpose=ssl.Purpose.SERVER_AUTH)
    verify = effective_verify(verify)
    if verify is False:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        return context
    location = verify if isinstance(verify, str) else DEFAULT_CA_BUNDLE_PATH
    if os.path.isdir(location):
        context.load_verify_locations(capath=location)
    else:
        context.load_verify_locations(cafile=location)
    return context


def proxies_for(url: str, proxies: Optional[Mapping[str, str]]) -> Dict[str, str]:
    """The proxies :mod:`requests` would use for ``url``: the given ones, then the environment's."""
    merged = dict(proxies or {})
    for key, value in get_environ_proxies(url, no_proxy=merged.get("no_proxy")).items():
        merged.setdefault(key, value)
    return merged


class LazyResponse(requests.Response):
    """A :class:`requests.Response` as requests' adapter builds it; cookies and encoding made when read.

    Most calls read neither, and making them costs more than the rest of the response.
    """

    def __init__(
        self,
        request: requests.PreparedRequest,
        status: int,
        headers: Any,
        reason: Optional[str],
        content: Optional[bytes],
        started: float,
        raw: Any = None,
    ) -> None:
        """The attributes requests' own ``Response.__init__`` and adapter would set.

        ``headers``: a case-insensitive mapping (urllib3's own, not copied into a
        ``CaseInsensitiveDict`` as requests does); ``content``: the body, or None while
        ``raw`` holds it unread; ``started``: when the request was sent (``time.monotonic()``).
        """
        self._content = content if content is not None else False  # type: ignore[assignment]
        self._content_consumed = content is not None
        self._next = None
        self.history = []
        self.status_code = status
        self.headers = headers
        self.reason = reason  # type: ignore[assignment]
        self.url = request.url or ""
        self.request = request
        self._started, self._received = started, time.monotonic()
        self.raw = raw

    def __getattr__(self, name: str) -> Any:
        """``elapsed``, ``cookies`` and ``encoding``, made when first read, then kept as attributes.

        ``elapsed``: the time from sending the request to the answer's headers; ``cookies``: what
        the server set; ``encoding``: the ``Content-Type`` header's. Only a missing attribute
        comes here: once made (or set), each is a plain attribute, as on requests' responses.
        """
        value: Any
        if name == "elapsed":
            value = datetime.timedelta(seconds=self._received - self._started)
        elif name == "cookies":
            value = RequestsCookieJar()
            self._fill_cookies(value)
        elif name == "encoding":
            value = get_encoding_from_headers(self.headers)
        else:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        self.__dict__[name] = value
        return value

    def _fill_cookies(self, jar: RequestsCookieJar) -> None:
        """Put the cookies the server set into ``jar`` (as requests' adapter does)."""
        if self.raw is not None and self.request is not None and "set-cookie" in self.headers:
            _extract_cookies(jar, self.request, self.raw)
