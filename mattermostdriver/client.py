"""The sync client: every call to the server goes through :meth:`Client.make_request`.

It runs the request loop of :class:`~mattermostdriver.core.ClientBase` (retries,
timeouts, the status -> exception table, one DEBUG line per request with nothing secret
in it) with blocking calls on a :class:`~mattermostdriver.transport.Transport`, whose
connections are pooled and shared by every thread.
"""

from __future__ import annotations

import http.cookiejar
import threading
import time
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterator, List, Mapping, Optional

import requests

from .core import ClientBase, closed_in_flight
from .options import Timeout
from .pagination import MAX_PER_PAGE
from .redaction import install_urllib3_redactor, redact, redact_url
from .retry import RetryArg

if TYPE_CHECKING:  # the transport loads with the first request (import time)
    from .transport import Transport


__all__ = ["Client", "redact", "redact_url"]


class Client(ClientBase):
    """The HTTP client behind a :class:`~mattermostdriver.Driver`.

    Args:
        options: the driver's :class:`~mattermostdriver.options.Options` (shared with it),
            or a dict of options.

    """

    def __init__(self, options: Optional[Mapping[str, Any]] = None) -> None:
        self._transport: Optional[Transport] = None
        self._transport_key: Any = None
        self._transport_lock = threading.Lock()
        self._sleep: Callable[[float], None] = time.sleep
        self._local = threading.local()
        self._sessions: List[requests.Session] = []
        install_urllib3_redactor()
        super().__init__(options)

    def _configure(self) -> None:
        super()._configure()
        with self._transport_lock:  # threads may notice an options change together
            if self._transport_settings == self._transport_key:
                return
            old, self._transport = self._transport, None
            self._transport_key = self._transport_settings
        if old is not None:
            old.retire()  # calls in flight on it end normally

    @property
    def transport(self) -> Transport:
        """The transport requests go through (made on first use; remade when TLS or proxy options change)."""
        if self._generation != self.options.generation:
            self._configure()
        transport = self._transport
        if transport is None:
            from .transport import Transport

            with self._transport_lock:
                if self._transport is None:
                    cap, idle = self._limits
                    self._transport = Transport(self.options["verify"], self._proxies, idle, cap)
                transport = self._transport
        return transport

    @property
    def session(self) -> requests.Session:
        """A :class:`requests.Session` of this thread, for your own requests.

        The driver itself sends through :attr:`transport`.

        Its cookie jar stays empty, its ``verify`` and ``User-Agent`` are the driver's.
        """
        session: Optional[requests.Session] = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            # The jar stays empty: an MMAUTHTOKEN cookie would beat the Bearer header and turn on CSRF.
            session.cookies.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
            session.headers["User-Agent"] = self._base_headers["User-Agent"]
            session.verify = self.options["verify"]
            self._local.session = session
            with self._transport_lock:
                self._sessions.append(session)
        return session

    def close(self) -> None:
        """Close every connection, idle or in use (and the sessions handed out by :attr:`session`).

        A call in flight in another thread fails at once; the next call opens new connections.
        """
        with self._transport_lock:
            transport, self._transport = self._transport, None
            sessions, self._sessions = self._sessions, []
        if transport is not None:
            transport.close()
        for session in sessions:
            session.close()
        self._local = threading.local()

    # -- the request core ---------------------------------------------------------------------
    def make_request(
        self,
        method: str,
        endpoint: str,
        options: Any = None,
        params: Optional[Mapping[str, Any]] = None,
        data: Any = None,
        files: Any = None,
        basepath: Optional[str] = None,
        *,
        timeout: Optional[Timeout] = None,
        headers: Optional[Mapping[str, str]] = None,
        stream: bool = False,
        retry: RetryArg = None,
    ) -> requests.Response:
        """Send one request (retried as the policy allows) and return its :class:`requests.Response`.

        Args:
            method: the HTTP method (any case).
            endpoint: the path under ``basepath`` (already escaped), or an absolute URL
                (credentials are sent only to the configured server, never to another host).
            options: the JSON body (dict or list); POST, PUT and PATCH send ``{}`` without one.
            params: the query string.
            data: a form or raw body.
            files: multipart files, as for :mod:`requests`.
            basepath: replaces the API base path (e.g. ``/hooks``).
            timeout: seconds, (connect, read) or (connect, read, total), for this call only.
            headers: extra headers.
            stream: do not read the body yet (downloads).
            retry: ``True`` if the request is safe to repeat, ``False`` to repeat only what
                never reached the server, ``"dedupe"`` for a post with a ``pending_post_id``;
                by default idempotent methods are retried.

        Raises:
            ApiError: the server answered 4xx or 5xx (the subclass follows the status).
            TransportError: no answer (connection refused, reset, timed out, TLS failure).
            UnexpectedResponse: the server redirected elsewhere.
            ValueError: a path argument, option or body that cannot be sent.

        """
        flow = self._exchange(
            method, endpoint, options, params, data, files, basepath, timeout, headers, retry
        )
        try:
            step = next(flow)
            while True:
                if isinstance(step, float):
                    self._sleep(step)
                    result: Any = None
                else:
                    transport = self.transport  # a new one after close()
                    try:
                        result = transport.send(
                            step.request, step.origin, step.target, step.timeouts, stream=stream
                        )
                    except requests.RequestException as exc:
                        if getattr(transport, "closed", False):
                            raise closed_in_flight(step) from None
                        result = exc
                step = flow.send(result)
        except StopIteration as done:
            response: requests.Response = done.value
            return response
        finally:
            flow.close()

    def _parsed(self, response: requests.Response) -> Any:
        return self.parse(response)

    if TYPE_CHECKING:  # the verbs of ClientBase, as they are typed here: head gives the Response

        def head(
            self, endpoint: str, params: Optional[Mapping[str, Any]] = None, **kwargs: Any
        ) -> requests.Response:
            """HEAD ``endpoint`` and return the Response (its headers)."""

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

    def download(self, endpoint: str, dest: Any, **kwargs: Any) -> int:
        """Stream ``GET endpoint`` to ``dest`` (see :func:`~mattermostdriver.transfer.download`)."""
        from .transfer import download

        return download(self, endpoint, dest, **kwargs)

    def upload_resumable(self, channel_id: str, source: Any, **kwargs: Any) -> Any:
        """Upload through an upload session (see :func:`~mattermostdriver.transfer.upload_resumable`)."""
        from .transfer import upload_resumable

        return upload_resumable(self, channel_id, source, **kwargs)
