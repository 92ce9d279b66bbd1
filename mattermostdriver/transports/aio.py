"""The aiohttp transport: sends one request from an asyncio loop, on the loop itself; decides nothing.

With the ``async`` extra (``pip install mattermostdriver[async]``, i.e. aiohttp), the async
client sends over :class:`AiohttpTransport`, on pooled connections. Measured on loopback
over TLS with 64 requests in flight, it serves several times the requests of a thread pool
over urllib3 (:class:`~mattermostdriver.transports.threads.ThreadTransport`, the way without
aiohttp), with less loop lag. It returns a :class:`requests.Response` and raises
:mod:`requests`' exceptions, as the sync transport does, so the request loop is the same code.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any, AsyncGenerator, AsyncIterator, Dict, Mapping, Optional, Set, Tuple, Union

import requests
from requests.cookies import RequestsCookieJar
from requests.utils import select_proxy

from ..timeouts import Timeouts
from .base import ERROR_BODY_LIMIT, LazyResponse, Outgoing, proxies_for, ssl_context

__all__ = ["AiohttpResponse", "AiohttpTransport"]


class AiohttpResponse(LazyResponse):
    """A :class:`requests.Response` made from an aiohttp answer (its body read, unless streamed).

    For a streamed answer, :attr:`stream` is aiohttp's ``ClientResponse``: read its
    ``content`` and ``release()`` it.
    """

    def __init__(
        self, request: requests.PreparedRequest, answer: Any, content: Optional[bytes], started: float
    ) -> None:
        # aiohttp's case-insensitive multidict for headers
        super().__init__(request, answer.status, answer.headers, answer.reason or "", content, started)
        #: aiohttp's response, for a streamed body.
        self.stream: Any = answer if content is None else None

    def _fill_cookies(self, jar: RequestsCookieJar) -> None:
        getall = getattr(self.headers, "getall", None)  # a multidict's: each Set-Cookie header
        for header in getall("Set-Cookie", []) if getall is not None else []:
            name, _, rest = header.partition("=")
            jar.set(name.strip(), rest.split(";", 1)[0])

    def close(self) -> None:
        """Release a streamed answer's connection."""
        if self.stream is not None:
            self.stream.release()
            self.stream = None


async def _body_blocks(body: Any) -> AsyncIterator[bytes]:
    """A streaming body read block by block in a thread (file reads never block the loop)."""
    blocks = iter(body)
    loop = asyncio.get_running_loop()
    while True:
        block: Optional[bytes] = await loop.run_in_executor(None, next, blocks, None)
        if block is None:
            return
        yield block


class AiohttpTransport:
    """Sends requests with aiohttp over pooled connections (one session per transport).

    Args:
        verify: True, False or a CA bundle path, trusted as the sync transport trusts it.
        proxies: a :mod:`requests` proxies dict (the environment's apply beside it, as in requests).
        limit: the most connections open at once to one host (a request waits for a free
            one within its timeout).
        idle: the most connections kept open while idle, per host (default ``limit``).

    """

    def __init__(
        self,
        verify: Union[bool, str] = True,
        proxies: Optional[Mapping[str, str]] = None,
        limit: int = 100,
        idle: Optional[int] = None,
    ) -> None:
        import aiohttp  # the `async` extra
        from yarl import URL  # comes with aiohttp

        self._aiohttp = aiohttp
        self._url = URL
        self._ssl = ssl_context(verify)
        self.proxies = dict(proxies or {})
        self._limit = limit
        self._idle = min(idle or limit, limit)
        self._session: Any = None
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._guard: Optional[AsyncGenerator[None, None]] = None
        self._routes: Dict[str, Optional[str]] = {}
        self._timeouts: Dict[Timeouts, Any] = {}
        self._errors = _Errors(aiohttp)
        self.closed = False

    async def _open_session(self) -> Any:
        """A session for the running loop (a session serves the loop it was made in).

        When one driver is used from several loops in turn (``asyncio.run`` called twice),
        each loop's session is closed as that loop shuts down, by an async generator the loop
        finalizes (``shutdown_asyncgens``, as ``asyncio.run`` does): no socket outlives its loop.
        """
        self._loop = asyncio.get_running_loop()
        aiohttp = self._aiohttp
        # every socket the session opens and maybe not yet closed, so that closing ends them all
        opened: Set[Tuple[Any, Any]] = set()
        connector = _connector_class()(
            limit=0, limit_per_host=self._limit, ssl=self._ssl, idle=self._idle, opened=opened
        )
        session = self._session = aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),  # cookies never carry the session (see the client)
            auto_decompress=True,
            skip_auto_headers=("User-Agent",),
        )
        self._guard = guard = _closing_on_shutdown(session, opened)
        await guard.__anext__()  # started: its loop now finalizes it (see _closing_on_shutdown)
        return session

    async def aclose(self) -> None:
        """Close every connection, idle or in use, at once (no TLS goodbye awaited); idempotent.

        aiohttp closes a connection politely: over TLS it waits for the server's answer to its
        goodbye, up to 30 s, and a connection whose call was cancelled or timed out closes the
        same way, out of the session's sight. Here every socket opened is aborted, and the loop
        is let run until their file descriptors are closed. Called from another loop than the
        session's, the session's own loop closes it (when it runs, or has already, as it shut
        down); nothing is done across loops.
        """
        self.closed = True
        guard, self._guard = self._guard, None
        self._session, loop = None, self._loop
        if guard is None or loop is None:
            return
        if loop is asyncio.get_running_loop():
            await guard.aclose()
        elif not loop.is_closed():
            loop.call_soon_threadsafe(loop.create_task, guard.aclose())

    def _proxy(self, origin: str) -> Optional[str]:
        if origin not in self._routes:
            proxy = select_proxy(origin + "/", proxies_for(origin + "/", self.proxies))
            if proxy and proxy.lower().startswith("socks"):
                raise requests.exceptions.InvalidProxyURL(
                    "a SOCKS proxy needs the sync driver (aiohttp has none)"
                )
            if len(self._routes) < 8:
                self._routes[origin] = proxy
            return proxy
        return self._routes[origin]

    def _timeout(self, timeouts: Timeouts, stream: bool) -> Any:
        key = timeouts if not stream else Timeouts(timeouts.connect, timeouts.read, 0.0)
        made = self._timeouts.get(key)
        if made is None:
            # a whole answer must come within the total deadline (which, at connect + read
            # seconds by default, also bounds any wait between two reads); a streamed one must
            # keep coming (each block is read under the deadline, see read_block)
            made = self._timeouts[key] = self._aiohttp.ClientTimeout(
                total=None if stream else timeouts.total,
                sock_connect=timeouts.connect,
                sock_read=timeouts.read if stream else None,
            )
        return made

    async def asend(self, request: Outgoing) -> requests.Response:
        """Send ``request`` and return its response, as the sync transport's ``send`` does.

        Raises:
            requests.RequestException: the :mod:`requests` class of the failure.

        """
        prepared, timeouts, stream = request.prepared, request.timeouts, request.stream
        if self.closed:
            raise requests.exceptions.ConnectionError("the transport is closed", request=prepared)
        body: Any = prepared.body
        if body is not None and not isinstance(body, (bytes, str)):
            body = _body_blocks(body)
        started = time.monotonic()
        try:
            session = self._session
            if session is None or session.closed or self._loop is not asyncio.get_running_loop():
                session = await self._open_session()
            answer = await session.request(
                prepared.method,
                self._url(prepared.url or "", encoded=True),
                headers=prepared.headers,
                data=body,
                allow_redirects=False,
                timeout=self._timeout(timeouts, stream),
                proxy=self._proxy(request.origin),
            )
            if stream and answer.status < 300:
                return AiohttpResponse(prepared, answer, None, started)
            try:
                if answer.status < 400:
                    content = await answer.read()
                else:
                    content = await answer.content.read(ERROR_BODY_LIMIT)
                    answer.close()  # not worth reading: drop the connection instead
            finally:
                answer.release()
        except self._errors.all as exc:
            raise self._errors.translate(exc, prepared) from None
        return AiohttpResponse(prepared, answer, content, started)

    async def aread_block(self, response: requests.Response, size: int, timeouts: Timeouts) -> bytes:
        """Read up to ``size`` bytes of a streamed body, under the attempt's deadline."""
        answer = getattr(response, "stream", None)
        if answer is None:
            return b""
        try:
            return bytes(await asyncio.wait_for(answer.content.read(size), timeouts.total))
        except (asyncio.TimeoutError, *self._errors.all) as exc:
            raise self._errors.translate(exc, response.request) from None


async def _closing_on_shutdown(session: Any, opened: Set[Tuple[Any, Any]]) -> AsyncGenerator[None, None]:
    """Wait, then close ``session`` and abort every socket it opened: when the transport is
    closed, or when the loop that started this generator shuts its generators down.
    """
    try:
        yield
    finally:
        connector = session.connector
        await session.close()
        for _ in range(500):  # a connection being made when close() came: aborted once made
            if not getattr(connector, "connecting", 0):
                break
            await asyncio.sleep(0.001)
        for each in list(opened):
            if not _is_closed(each):
                each[0].abort()
        for _ in range(100):  # an abort closes the socket on the loop's next round
            if all(_is_closed(each) for each in opened):
                break
            await asyncio.sleep(0)
        opened.clear()


def _is_closed(opened: Tuple[Any, Any]) -> bool:
    """Whether the socket under an asyncio transport is closed (its file descriptor given back)."""
    return opened[1] is None or opened[1].fileno() == -1


_CONNECTORS: Dict[int, Any] = {}


def _connector_class() -> Any:
    """The TCPConnector of aiohttp, keeping at most ``idle`` connections idle, noting every socket opened."""
    import aiohttp  # the `async` extra (imported already by the transport that asks)

    made = _CONNECTORS.get(id(aiohttp))
    if made is not None:
        return made

    class Connector(aiohttp.TCPConnector):
        def __init__(self, *, idle: int, opened: Set[Tuple[Any, Any]], **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self._idle_max = idle
            self._opened = opened
            self.connecting = 0  # connections being made

        async def _create_connection(self, req: Any, traces: Any, timeout: Any) -> Any:
            if self.closed:  # aiohttp retries a request whose connection close() ended: not here
                raise aiohttp.ClientConnectionError("the connector is closed")
            self.connecting += 1
            try:
                protocol = await super()._create_connection(req, traces, timeout)
            finally:
                self.connecting -= 1
            transport = protocol.transport
            if transport is not None:
                if len(self._opened) > 64 + 2 * self.limit_per_host:
                    self._opened -= {opened for opened in self._opened if _is_closed(opened)}
                # the socket itself: a TLS transport no longer shows it once closing
                self._opened.add((transport, transport.get_extra_info("socket")))
                if self.closed:  # closed while this one was connecting
                    transport.abort()
                    raise aiohttp.ClientConnectionError("the connector is closed")
            return protocol

        def _release(self, key: Any, protocol: Any, *args: Any, should_close: bool = False, **kw: Any) -> Any:
            idle = len(self._conns.get(key) or ())
            if not should_close and idle >= self._idle_max and not self._waiters.get(key):
                should_close = True  # enough kept idle, and no request waits for it: closed
            if (should_close or protocol.should_close) and protocol.transport is not None:
                # at once, as the cap counts it (over TLS aiohttp waits up to 30 s for the
                # server's goodbye, more if the server is busy, while a new one takes the place)
                protocol.transport.abort()
            return super()._release(key, protocol, *args, should_close=should_close, **kw)

    _CONNECTORS[id(aiohttp)] = Connector
    return Connector


class _Errors:
    """aiohttp's exceptions and the :mod:`requests` ones they stand for."""

    def __init__(self, aiohttp: Any) -> None:
        self.aiohttp = aiohttp
        self.all = (aiohttp.ClientError, asyncio.TimeoutError, OSError)

    def translate(self, exc: BaseException, request: Any) -> requests.RequestException:
        """The :mod:`requests` exception for ``exc``, which it holds (its reason is read from it)."""
        aiohttp = self.aiohttp
        exceptions = requests.exceptions
        if isinstance(exc, (aiohttp.ClientSSLError, aiohttp.ClientConnectorCertificateError)):
            return exceptions.SSLError(exc, request=request)
        if isinstance(exc, (aiohttp.ClientProxyConnectionError, aiohttp.ClientHttpProxyError)):
            return exceptions.ProxyError(exc, request=request)
        if isinstance(exc, getattr(aiohttp, "ConnectionTimeoutError", ())):
            return exceptions.ConnectTimeout(exc, request=request)
        if isinstance(exc, (asyncio.TimeoutError, aiohttp.ServerTimeoutError)):
            return exceptions.ReadTimeout(exc if str(exc) else "timed out", request=request)
        if isinstance(exc, aiohttp.ClientConnectorError):
            error = exceptions.ConnectionError(exc, request=request)
            error.never_sent = True  # type: ignore[attr-defined]
            return error
        return exceptions.ConnectionError(exc if str(exc) else type(exc).__name__, request=request)
