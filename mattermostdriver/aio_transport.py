"""The async transports: send one prepared request from an asyncio loop; decide nothing.

Two, chosen by what is installed (see :func:`make_transport`):

* :class:`AiohttpTransport`, with the ``async`` extra (``pip install
  mattermostdriver[async]``, i.e. aiohttp): requests are sent on the loop itself, over
  pooled connections. Measured on loopback over TLS with 64 requests in flight, it
  serves several times the requests of a thread pool over urllib3, with less loop lag.
* :class:`ThreadTransport`, without it: each request is sent by the sync
  :class:`~mattermostdriver.transport.Transport` in a worker thread (``asyncio``'s default
  executor). It works everywhere, slower; a cancelled call returns at once and its thread
  ends within the attempt's deadline, having read the whole answer (no half-read
  connection goes back to the pool).

Both return a :class:`requests.Response` and raise :mod:`requests`' exceptions, as the sync
transport does, so the client's request loop is the same code.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any, AsyncIterator, Dict, Mapping, Optional, Union

import requests
from requests.cookies import RequestsCookieJar
from requests.structures import CaseInsensitiveDict
from requests.utils import select_proxy

from .options import Timeouts
from .transport import ERROR_BODY_LIMIT, Response, Transport, proxies_for, ssl_context

__all__ = ["AiohttpTransport", "AsyncResponse", "ThreadTransport", "make_transport"]

log = logging.getLogger("mattermostdriver.client")


class AsyncResponse(Response):
    """A :class:`requests.Response` made from an aiohttp answer (its body read, unless streamed).

    For a streamed answer, :attr:`stream` is aiohttp's ``ClientResponse``: read its
    ``content`` and ``release()`` it.
    """

    def __init__(
        self,
        request: Optional[requests.PreparedRequest] = None,
        answer: Any = None,
        content: Optional[bytes] = None,
        started: float = 0.0,
    ) -> None:
        if answer is None:
            self._set(request, None, CaseInsensitiveDict(), None, content, started)
        else:  # aiohttp's case-insensitive multidict for headers
            self._set(request, answer.status, answer.headers, answer.reason or "", content, started)
        self.raw = None
        #: aiohttp's response, for a streamed body.
        self.stream: Any = answer if content is None else None

    def _fill_cookies(self, jar: RequestsCookieJar) -> None:
        for header in self.headers.getall("Set-Cookie", []) if hasattr(self.headers, "getall") else []:
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
        limit: the most connections open at once.

    """

    def __init__(
        self, verify: Union[bool, str] = True, proxies: Optional[Mapping[str, str]] = None, limit: int = 100
    ) -> None:
        import aiohttp  # the `async` extra
        from yarl import URL  # comes with aiohttp

        self._aiohttp = aiohttp
        self._url = URL
        self._ssl = ssl_context(verify)
        self.proxies = dict(proxies or {})
        self._limit = limit
        self._session: Any = None
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._routes: Dict[str, Optional[str]] = {}
        self._timeouts: Dict[Timeouts, Any] = {}
        self._errors = _Errors(aiohttp)

    def _session_now(self) -> Any:
        session = self._session
        loop = asyncio.get_running_loop()
        if session is None or session.closed or self._loop is not loop:
            self._loop = loop  # a session serves the loop it was made in
            aiohttp = self._aiohttp
            connector = aiohttp.TCPConnector(limit=self._limit, ssl=self._ssl)
            session = self._session = aiohttp.ClientSession(
                connector=connector,
                cookie_jar=aiohttp.DummyCookieJar(),  # cookies never carry the session (see the client)
                auto_decompress=True,
                skip_auto_headers=("User-Agent",),
            )
        return session

    async def close(self) -> None:
        """Close the pooled connections."""
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

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

    async def send(
        self,
        request: requests.PreparedRequest,
        origin: str,
        target: str,
        timeouts: Timeouts,
        *,
        stream: bool = False,
    ) -> requests.Response:
        """Send ``request`` and return its response, as the sync transport's ``send`` does.

        Raises:
            requests.RequestException: the :mod:`requests` class of the failure.

        """
        body: Any = request.body
        if body is not None and not isinstance(body, (bytes, str)):
            body = _body_blocks(body)
        started = time.monotonic()
        try:
            answer = await self._session_now().request(
                request.method,
                self._url(request.url or "", encoded=True),
                headers=request.headers,
                data=body,
                allow_redirects=False,
                timeout=self._timeout(timeouts, stream),
                proxy=self._proxy(origin),
            )
            if stream and answer.status < 300:
                return AsyncResponse(request, answer, None, started)
            try:
                if answer.status < 400:
                    content = await answer.read()
                else:
                    content = await answer.content.read(ERROR_BODY_LIMIT)
                    answer.close()  # not worth reading: drop the connection instead
            finally:
                answer.release()
        except self._errors.all as exc:
            raise self._errors.translate(exc, request) from None
        return AsyncResponse(request, answer, content, started)

    async def read_block(self, response: requests.Response, size: int, timeouts: Timeouts) -> bytes:
        """Read up to ``size`` bytes of a streamed body, under the attempt's deadline."""
        answer = getattr(response, "stream", None)
        if answer is None:
            return b""
        try:
            return bytes(await asyncio.wait_for(answer.content.read(size), timeouts.total))
        except (asyncio.TimeoutError, *self._errors.all) as exc:
            raise self._errors.translate(exc, response.request) from None


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


class ThreadTransport:
    """The sync transport run in worker threads, for an asyncio loop without aiohttp."""

    def __init__(
        self, verify: Union[bool, str] = True, proxies: Optional[Mapping[str, str]] = None, limit: int = 10
    ) -> None:
        self._sync = Transport(verify, proxies, limit)

    async def close(self) -> None:
        """Close the pooled connections."""
        self._sync.close()

    async def send(
        self,
        request: requests.PreparedRequest,
        origin: str,
        target: str,
        timeouts: Timeouts,
        *,
        stream: bool = False,
    ) -> requests.Response:
        """Send ``request`` in a worker thread and return its response."""
        loop = asyncio.get_running_loop()

        def call() -> requests.Response:
            return self._sync.send(request, origin, target, timeouts, stream=stream)

        return await loop.run_in_executor(None, call)

    async def read_block(self, response: requests.Response, size: int, timeouts: Timeouts) -> bytes:
        """Read up to ``size`` bytes of a streamed body in a worker thread, under the attempt's deadline."""
        return await asyncio.get_running_loop().run_in_executor(
            None, self._sync.read_block, response, size, timeouts
        )


AsyncTransport = Union[AiohttpTransport, ThreadTransport]


def make_transport(
    verify: Union[bool, str], proxies: Optional[Mapping[str, str]], limit: int
) -> AsyncTransport:
    """Aiohttp's transport when the ``async`` extra is installed, else the thread transport."""
    try:
        import aiohttp  # noqa: F401
    except ImportError:
        log.info("aiohttp is not installed (pip install mattermostdriver[async]): async calls run in threads")
        return ThreadTransport(verify, proxies, limit)
    return AiohttpTransport(verify, proxies, max(limit, 100))
