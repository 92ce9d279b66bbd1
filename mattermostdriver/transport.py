"""The sync transport: sends one prepared request over a urllib3 connection pool.

It decides nothing (no retry, no error mapping beyond :mod:`requests`' own exception
classes): :meth:`Transport.send` sends one request and returns a :class:`requests.Response`.

Why urllib3 directly, not :meth:`requests.Session.request`: most of a Session call's CPU
goes on work that does not change between calls (merging the environment's proxies and
settings, hooks, the cookie jar, preparing the same headers again). Measured on loopback
over TLS, a Session call costs about three times a call on the urllib3 pool underneath.
So the route to the server (its pool, proxy and TLS settings) is resolved once, through
requests' own :class:`~requests.adapters.HTTPAdapter` so that proxies (``HTTPS_PROXY``,
``NO_PROXY``, SOCKS...) and CA bundles (``REQUESTS_CA_BUNDLE``, ``CURL_CA_BUNDLE``) mean
exactly what they mean to :mod:`requests`, and each call goes straight to the pool. The
response is still a :class:`requests.Response` and the errors are :mod:`requests`' own.

Every attempt also has a total deadline (see :mod:`~mattermostdriver.deadline`).
"""

from __future__ import annotations

import datetime
import os
import socket
import ssl
import threading
import time
from typing import Any, Dict, List, Mapping, Optional, Union

import requests
import urllib3
from requests.adapters import DEFAULT_CA_BUNDLE_PATH, HTTPAdapter
from requests.cookies import RequestsCookieJar, cookiejar_from_dict, extract_cookies_to_jar
from requests.structures import CaseInsensitiveDict
from requests.utils import get_encoding_from_headers, get_environ_proxies, select_proxy
from urllib3.exceptions import (
    ClosedPoolError,
    ConnectTimeoutError,
    EmptyPoolError,
    InvalidHeader,
    LocationValueError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
)
from urllib3.exceptions import ProxyError as _ProxyError
from urllib3.exceptions import SSLError as _SSLError

from .deadline import POOL_CLASSES, Pools, Tracked, clear, deadline, start
from .options import Timeouts

__all__ = [
    "ERROR_BODY_LIMIT",
    "Transport",
    "effective_verify",
    "proxies_for",
]

#: The most bytes of an error answer's body that are read (the rest is dropped with the connection).
ERROR_BODY_LIMIT = 64 * 1024
#: requests' own sending functions (module, name): a test's HTTP mock replaces one of them.
_OWN_SENDS = [("requests.adapters", "HTTPAdapter.send"), ("requests.sessions", "Session.send")]
_seen_own: Any = ()  # the sending functions last found to be requests' own
#: A body of unknown length, or declared longer than this, is read a block at a time, so that
#: memory follows what arrives rather than what the headers claim (``Content-Length: 10**17``).
_WHOLE_READ_LIMIT = 16 * 1024 * 1024
_BLOCK = 1024 * 1024


def requests_patched() -> bool:
    """Whether something (a test's HTTP mock) replaced requests' sending: see ``_send_through_requests``.

    Told by where the functions were defined, not by a copy taken at import (maybe under a mock).
    """
    global _seen_own
    sends = (HTTPAdapter.send, requests.Session.send)
    if sends == _seen_own:
        return False
    if [(getattr(f, "__module__", None), getattr(f, "__qualname__", None)) for f in sends] != _OWN_SENDS:
        return True
    _seen_own = sends
    return False


def _read(raw: Any, amount: Optional[int] = None) -> bytes:
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


class _Adapter(HTTPAdapter):
    """requests' adapter, its pools made of deadline-aware connections (SOCKS proxies excepted)."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = POOL_CLASSES

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if not proxy.lower().startswith("socks"):
            manager.pool_classes_by_scheme = POOL_CLASSES
        return manager


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


_TIMEOUTS: Dict[Timeouts, urllib3.Timeout] = {}


def _urllib3_timeout(timeouts: Timeouts) -> urllib3.Timeout:
    """urllib3's timeout for ``timeouts`` (made once for each value: they rarely vary)."""
    made = _TIMEOUTS.get(timeouts)
    if made is None:
        if len(_TIMEOUTS) > 64:
            _TIMEOUTS.clear()
        made = _TIMEOUTS[timeouts] = urllib3.Timeout(
            connect=timeouts.connect, read=min(timeouts.read, timeouts.total)
        )
    return made


class _Route:
    """How requests to one origin are sent: the pool, and whether it wants the full URL (a proxy)."""

    __slots__ = ("absolute", "pool")

    def __init__(self, pool: Any, absolute: bool) -> None:
        self.pool, self.absolute = pool, absolute


class Transport:
    """Sends requests over pooled connections (thread-safe; connections are reused).

    Args:
        verify: True, False or a CA bundle path (as for :mod:`requests`).
        proxies: a :mod:`requests` proxies dict (the environment's apply beside it).
        pool_maxsize: idle connections kept open per origin.
        max_connections: the most connections open at once per origin (default
            ``pool_maxsize``); a caller waits for a free one within its attempt's deadline.

    """

    def __init__(
        self,
        verify: Union[bool, str] = True,
        proxies: Optional[Mapping[str, str]] = None,
        pool_maxsize: int = 10,
        max_connections: Optional[int] = None,
    ) -> None:
        self.verify = effective_verify(verify)
        self.proxies = dict(proxies or {})
        self.max_connections = max(max_connections or pool_maxsize, 1)
        self.idle_max = min(pool_maxsize, self.max_connections)
        self._adapter = _Adapter(pool_connections=10, pool_maxsize=self.max_connections, pool_block=True)
        self._routes: Dict[str, _Route] = {}
        self.pools = Pools()  # every pool it made
        self._lock = threading.Lock()
        self.closed = False  # then a call in flight fails, and nothing more is sent

    def close(self, wait: float = 1.0) -> None:
        """Close every connection, idle or in use (a call in flight fails at once); idempotent.

        The threads using one have ``wait`` seconds to drop it; what is left is closed then.
        """
        self.shut()
        ends = time.monotonic() + wait
        while self.pools.busy() and time.monotonic() < ends:
            time.sleep(0.002)
        self.pools.force_close()

    def shut(self) -> None:
        """The first half of :meth:`close`: close the idle connections, shut those in use."""
        with self._lock:
            self.closed = True
            self._routes.clear()
            self._adapter.close()
            self.pools.close()  # also those the manager no longer holds

    def retire(self) -> None:
        """Close the idle connections; those in use close when their calls end (options changed)."""
        with self._lock:
            self._routes.clear()
            self.pools.close(abort=False)

    def _route(self, origin: str, request: requests.PreparedRequest) -> _Route:
        route = self._routes.get(origin)
        if route is not None:
            return route
        with self._lock:
            proxies = proxies_for(origin + "/", self.proxies)
            proxy = select_proxy(origin + "/", proxies)
            try:
                pool = self._adapter.get_connection_with_tls_context(request, self.verify, proxies=proxies)
            except LocationValueError as exc:
                raise requests.exceptions.InvalidURL(exc, request=request) from None
            self._adapter.cert_verify(pool, origin + "/", self.verify, None)  # type: ignore[no-untyped-call]
            if isinstance(pool, Tracked):
                pool.idle_max = self.idle_max
            self.pools.add(pool)
            absolute = (
                bool(proxy) and origin.startswith("http:") and not str(proxy).lower().startswith("socks")
            )
            route = _Route(pool, absolute)
            if len(self._routes) < 8:  # the server's origin, and a few webhook hosts
                self._routes[origin] = route
        return route

    def send(
        self,
        request: requests.PreparedRequest,
        origin: str,
        target: str,
        timeouts: Timeouts,
        *,
        stream: bool = False,
    ) -> requests.Response:
        """Send ``request`` (``origin + target``) and return its response.

        Without ``stream`` the body is read (at most :data:`ERROR_BODY_LIMIT` bytes of an
        error answer); with it, a success's body is left to be read from the response.

        Raises:
            requests.RequestException: as :mod:`requests` raises them (``ConnectTimeout``,
                ``ReadTimeout``, ``SSLError``, ``ProxyError``, ``ConnectionError``...).

        """
        if requests_patched():
            return self._send_through_requests(request, timeouts, stream)
        if self.closed:
            raise requests.exceptions.ConnectionError("the transport is closed", request=request)
        route = self._route(origin, request)
        started = time.monotonic()
        start(timeouts)
        headers = request.headers
        body: Any = request.body
        try:
            raw = route.pool.urlopen(
                request.method,
                request.url if route.absolute else target,
                body=body,
                headers=headers,
                redirect=False,
                assert_same_host=False,
                preload_content=False,
                decode_content=False,
                retries=False,
                timeout=_urllib3_timeout(timeouts),
                pool_timeout=timeouts.total,  # waiting for a free connection counts against the deadline
                chunked=body is not None
                and "Content-Length" not in headers
                and not isinstance(body, (bytes, str)),
            )
            content: Optional[bytes] = None
            if not stream or raw.status >= 300:  # an error's body is read (to a point) even when streaming
                if raw.status < 400:
                    content = _read(raw)
                else:
                    content = _read(raw, ERROR_BODY_LIMIT)
                    if not raw.isclosed():
                        raw.close()  # not worth reading: drop the connection instead
                    raw.release_conn()
        except socket.timeout as exc:  # the attempt's deadline, outside urllib3's own handling
            raise requests.exceptions.ReadTimeout(str(exc), request=request) from None
        except (ProtocolError, OSError) as exc:
            raise requests.exceptions.ConnectionError(exc, request=request) from None
        except ClosedPoolError as exc:
            raise requests.exceptions.ConnectionError(exc, request=request) from None
        except _ProxyError as exc:
            raise requests.exceptions.ProxyError(exc, request=request) from None
        except _SSLError as exc:
            raise requests.exceptions.SSLError(exc, request=request) from None
        except ReadTimeoutError as exc:
            raise requests.exceptions.ReadTimeout(exc, request=request) from None
        except ConnectTimeoutError as exc:
            if isinstance(exc, NewConnectionError):
                raise requests.exceptions.ConnectionError(exc, request=request) from None
            raise requests.exceptions.ConnectTimeout(exc, request=request) from None
        except InvalidHeader as exc:
            raise requests.exceptions.InvalidHeader(exc, request=request) from None
        except EmptyPoolError:
            error = requests.exceptions.ConnectTimeout(
                f"no free connection within {timeouts.total:g} s (max_connections={self.max_connections})",
                request=request,
            )
            raise error from None
        except urllib3.exceptions.HTTPError as exc:
            raise requests.exceptions.ConnectionError(exc, request=request) from None
        finally:
            clear()  # a streamed body is read under deadline() by whoever reads it
        return Response(request, raw, content, started)

    def _send_through_requests(
        self, request: requests.PreparedRequest, timeouts: Timeouts, stream: bool
    ) -> requests.Response:
        """Send through requests' own adapter, because something patched it: a test's HTTP mock.

        ``responses`` patches ``HTTPAdapter.send`` and ``requests-mock`` patches
        ``Session.send``; callers' test suites written for 7.3.2 (which sent through
        requests) rely on them seeing every request. Nothing else takes this way.
        """
        with requests.Session() as session:
            response = session.send(
                request,
                stream=stream,
                timeout=(timeouts.connect, timeouts.read),
                verify=self.verify,
                proxies=proxies_for(request.url or "", self.proxies),
                allow_redirects=False,
            )
        if not stream:
            response.content  # noqa: B018 - read the body, as the pooled way does
        return response

    @staticmethod
    def read_block(response: requests.Response, size: int, timeouts: Timeouts) -> bytes:
        """Read up to ``size`` bytes of a streamed body, under the attempt's deadline."""
        with deadline(timeouts):
            return _read(response.raw, size)


class Response(requests.Response):
    """A :class:`requests.Response` as requests' adapter builds it; cookies and encoding made when read.

    Most calls read neither, and making them costs more than the rest of the response.
    """

    def __init__(
        self,
        request: Optional[requests.PreparedRequest] = None,
        raw: Any = None,
        content: Optional[bytes] = None,
        started: Optional[float] = None,
    ) -> None:
        if raw is None:
            self._set(request, None, CaseInsensitiveDict(), None, content, started)
        else:  # urllib3's own case-insensitive headers (requests copies them into a CaseInsensitiveDict)
            self._set(request, raw.status, raw.headers, raw.reason, content, started)
        self.raw = raw

    def _set(
        self,
        request: Optional[requests.PreparedRequest],
        status: Optional[int],
        headers: Any,
        reason: Optional[str],
        content: Optional[bytes],
        started: Optional[float],
    ) -> None:
        """The attributes requests' own ``Response.__init__`` and adapter would set."""
        self._content = content if content is not None else False  # type: ignore[assignment]
        self._content_consumed = content is not None
        self._next = None
        self.history = []
        self.status_code = status  # type: ignore[assignment]
        self.headers = headers
        self.reason = reason  # type: ignore[assignment]
        self.url = (request.url or "") if request is not None else None  # type: ignore[assignment]
        self.request = request  # type: ignore[assignment]
        self.elapsed = datetime.timedelta(seconds=time.monotonic() - started if started else 0)

    @property
    def cookies(self) -> RequestsCookieJar:
        jar: Optional[RequestsCookieJar] = self.__dict__.get("_cookie_jar")
        if jar is None:
            jar = self.__dict__["_cookie_jar"] = cookiejar_from_dict({})  # type: ignore[no-untyped-call]
            self._fill_cookies(jar)
        return jar

    @cookies.setter
    def cookies(self, jar: RequestsCookieJar) -> None:
        self.__dict__["_cookie_jar"] = jar

    def _fill_cookies(self, jar: RequestsCookieJar) -> None:
        """Put the cookies the server set into ``jar`` (as requests' adapter does)."""
        if self.raw is not None and self.request is not None and "set-cookie" in self.headers:
            extract_cookies_to_jar(jar, self.request, self.raw)  # type: ignore[no-untyped-call]

    @property
    def encoding(self) -> Optional[str]:
        if "_encoding" not in self.__dict__:
            self.__dict__["_encoding"] = get_encoding_from_headers(self.headers)
        value: Optional[str] = self.__dict__["_encoding"]
        return value

    @encoding.setter
    def encoding(self, value: Optional[str]) -> None:
        self.__dict__["_encoding"] = value
