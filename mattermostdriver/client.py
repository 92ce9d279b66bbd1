"""The sync client: every call to the server goes through :meth:`Client.make_request`.

It runs the request loop (:mod:`~mattermostdriver.core.loop`: retries, timeouts, the status
-> exception table, one DEBUG line per request with nothing secret in it) with blocking calls
on a transport (:mod:`~mattermostdriver.transports`): by default a pool of connections
shared by every thread (:class:`~mattermostdriver.transports.pool.PoolTransport`), or the one
given (``transport=``, such as :class:`~mattermostdriver.transports.MockTransport`).
"""

from __future__ import annotations

import http.cookiejar
import threading
import time
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterator, List, Mapping, Optional

import requests

from .core.base import ClientBase
from .core.loop import closed_in_flight, exchange
from .core.request import Request
from .core.settings import Settings
from .multipart import Progress
from .pagination import MAX_PER_PAGE
from .redaction import install_urllib3_redactor, redact, redact_url
from .retry import Retry
from .transports.base import Transport
from .transports.compat import RequestsTransport, requests_patched

if TYPE_CHECKING:  # the pool loads with the first request (import time)
    from .transports.pool import PoolTransport


__all__ = ["Client", "redact", "redact_url"]


class Client(ClientBase[requests.Response]):
    """The HTTP client behind a :class:`~mattermostdriver.Driver`.

    Args:
        options: the driver's :class:`~mattermostdriver.options.Options` (shared with it),
            or a dict of options.
        retry: the retry policy (:class:`~mattermostdriver.retry.Retry`), instead of the one
            the options describe.
        transport: what sends the requests (a :class:`~mattermostdriver.transports.Transport`,
            such as :class:`~mattermostdriver.transports.MockTransport`); by default a pool of
            connections made from the options (``verify``, ``proxy``, ``max_connections``...).

    """

    def __init__(
        self,
        options: Optional[Mapping[str, Any]] = None,
        *,
        retry: Optional[Retry] = None,
        transport: Optional[Transport] = None,
    ) -> None:
        if transport is not None and not callable(getattr(transport, "send", None)):
            raise TypeError("transport must have send(), read_block() and close() (a sync transport)")
        self._given = transport
        self._pool: Optional[PoolTransport] = None
        self._compat: Optional[RequestsTransport] = None
        self._made_for: Any = None  # the settings' transport_key the pool and compat were made for
        self._transport_lock = threading.Lock()
        self._local = threading.local()
        self._sessions: List[requests.Session] = []
        install_urllib3_redactor()
        super().__init__(options, retry=retry)
        self._made_for = self._settings.transport_key

    def _settings_changed(self, settings: Settings) -> None:
        with self._transport_lock:  # threads may notice an options change together
            if settings.transport_key == self._made_for:
                return
            pool, self._pool, self._compat = self._pool, None, None
            self._made_for = settings.transport_key
        if pool is not None:
            pool.retire()  # calls in flight on it end normally

    @property
    def transport(self) -> Transport:
        """The transport requests go through now: the one given, else the pool (made on first use,
        made again when the TLS, proxy or connection options change), or requests' own way while a
        test's HTTP mock patches it (:mod:`~mattermostdriver.transports.compat`).
        """
        if self._given is not None:
            return self._given
        settings = self._current()
        if requests_patched():
            compat = self._compat
            if compat is None:
                compat = self._compat = RequestsTransport(settings.verify, settings.proxies)
            return compat
        pool = self._pool
        if pool is None:
            pool = self._new_pool(settings)
        return pool

    def _new_pool(self, settings: Settings) -> PoolTransport:
        from .transports.pool import PoolTransport

        with self._transport_lock:
            pool = self._pool
            if pool is None:
                cap, idle = settings.limits
                pool = self._pool = PoolTransport(settings.verify, settings.proxies, idle, cap)
        return pool

    @property
    def session(self) -> requests.Session:
        """A :class:`requests.Session` of this thread, for your own requests.

        The driver itself sends through :attr:`transport`.

        Its cookie jar stays empty, its ``verify`` and ``User-Agent`` are the driver's.
        """
        session: Optional[requests.Session] = getattr(self._local, "session", None)
        if session is None:
            settings = self._current()
            session = requests.Session()
            # The jar stays empty: an MMAUTHTOKEN cookie would beat the Bearer header and turn on CSRF.
            session.cookies.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
            session.headers["User-Agent"] = settings.headers["User-Agent"]
            session.verify = settings.verify
            self._local.session = session
            with self._transport_lock:
                self._sessions.append(session)
        return session

    def close(self) -> None:
        """Close every connection, idle or in use (and the sessions handed out by :attr:`session`).

        A call in flight in another thread fails at once; the next call opens new connections.
        A transport given to the client is closed too.
        """
        with self._transport_lock:
            pool, self._pool = self._pool, None
            sessions, self._sessions = self._sessions, []
        for transport in (pool, self._given):
            if transport is not None:
                transport.close()
        for session in sessions:
            session.close()
        self._local = threading.local()

    # -- the request loop, run with blocking calls -----------------------------------------------
    def _run(self, request: Request) -> requests.Response:
        flow = exchange(request)
        try:
            step = next(flow)
            while True:
                if isinstance(step, Request):
                    transport = self._given or self._pool
                    if transport is None or (transport is not self._given and requests_patched()):
                        transport = self.transport  # made now (a new one after close()), or requests' way
                    result: Any
                    try:
                        result = transport.send(step)
                    except requests.RequestException as exc:
                        if getattr(transport, "closed", False):
                            raise closed_in_flight(step) from None
                        result = exc
                else:  # seconds to wait
                    self._wait(step)
                    result = None
                step = flow.send(result)
        except StopIteration as done:
            response: requests.Response = done.value
            return response
        finally:
            flow.close()

    def _wait(self, seconds: float) -> None:
        """Wait before a retry, as the retry policy says (:attr:`Retry.sleep`)."""
        (self.retry.sleep or time.sleep)(seconds)

    def _read_block(self, response: requests.Response, size: int) -> bytes:
        """Up to ``size`` bytes of a streamed answer, under the attempt's deadline."""
        return self.transport.read_block(response, size, self.timeouts)

    def _parsed(self, response: requests.Response) -> Any:
        return self.parse(response)

    # -- what endpoint methods with logic of their own call (the async client has the same) --------
    def pages(
        self,
        fetch: Callable[[Dict[str, Any]], Any],
        params: Optional[Mapping[str, Any]] = None,
        *,
        per_page: int = MAX_PER_PAGE,
        key: Optional[str] = None,
    ) -> Iterator[Any]:
        """Iterate over a paged list route (see :func:`~mattermostdriver.pagination.iter_pages`)."""
        from .pagination import iter_pages

        return iter_pages(fetch, params, per_page=per_page, key=key)

    def channel_posts(
        self,
        fetch: Callable[[Dict[str, Any]], Any],
        *,
        per_page: int = MAX_PER_PAGE,
        before: Optional[str] = None,
        after: Optional[str] = None,
        params: Optional[Mapping[str, Any]] = None,
    ) -> Iterator[Dict[str, Any]]:
        """Iterate over a channel's posts (see :func:`~mattermostdriver.pagination.iter_channel_posts`)."""
        from .pagination import iter_channel_posts

        return iter_channel_posts(fetch, per_page=per_page, before=before, after=after, params=params)

    def download(
        self, endpoint: str, dest: Any, *, progress: Optional[Progress] = None, **kwargs: Any
    ) -> int:
        """Stream ``GET endpoint`` to ``dest`` (see :func:`~mattermostdriver.transfer.download`).

        ``progress(bytes_written, total)`` is called after each block written (``total``: the
        answer's ``Content-Length``, 0 when it gives none), across a resumed download too.
        """
        from .transfer import download

        return download(self, endpoint, dest, progress=progress, **kwargs)

    def upload_resumable(self, channel_id: str, source: Any, **kwargs: Any) -> Any:
        """Upload through an upload session (see :func:`~mattermostdriver.transfer.upload_resumable`)."""
        from .transfer import upload_resumable

        return upload_resumable(self, channel_id, source, **kwargs)
