"""The sync transport: sends one request over a urllib3 connection pool.

It decides nothing (no retry, no error mapping beyond :mod:`requests`' own exception
classes): :meth:`PoolTransport.send` sends one request and returns a :class:`requests.Response`.

Why urllib3 directly, not :meth:`requests.Session.request`: most of a Session call's CPU
goes on work that does not change between calls (merging the environment's proxies and
settings, hooks, the cookie jar, preparing the same headers again). Measured on loopback
over TLS, a Session call costs about three times a call on the urllib3 pool underneath.
So the route to the server (its pool, proxy and TLS settings) is resolved once, through
requests' own :class:`~requests.adapters.HTTPAdapter` so that proxies (``HTTPS_PROXY``,
``NO_PROXY``, SOCKS...) and CA bundles (``REQUESTS_CA_BUNDLE``, ``CURL_CA_BUNDLE``) mean
exactly what they mean to :mod:`requests`, and each call goes straight to the pool. The
response is still a :class:`requests.Response` and the errors are :mod:`requests`' own.

Every attempt also has a total deadline (see :mod:`~mattermostdriver.transports.deadline`).
"""

from __future__ import annotations

import socket
import threading
import time
from typing import Any, Callable, Dict, Mapping, Optional, Union

import requests
import urllib3
from requests.adapters import HTTPAdapter
from requests.utils import select_proxy
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

from ..timeouts import Timeouts
from .base import ERROR_BODY_LIMIT, LazyResponse, Outgoing, effective_verify, proxies_for, read_raw
from .deadline import POOL_CLASSES, Pools, Tracked, clear, deadline, start

__all__ = ["PoolTransport"]


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


class _Timeout(urllib3.Timeout):
    """urllib3's timeout, copied without checking again: urllib3 copies it at every request."""

    def clone(self) -> _Timeout:
        copy = _Timeout.__new__(_Timeout)
        copy.__dict__.update(self.__dict__)
        return copy


_TIMEOUTS: Dict[Timeouts, urllib3.Timeout] = {}
#: No retry, no redirect: the request loop decides (made once: urllib3 would make one per call of False).
_NO_RETRY = urllib3.Retry(total=False, redirect=False)


def _urllib3_timeout(timeouts: Timeouts) -> urllib3.Timeout:
    """urllib3's timeout for ``timeouts`` (made once for each value: they rarely vary)."""
    made = _TIMEOUTS.get(timeouts)
    if made is None:
        if len(_TIMEOUTS) > 64:
            _TIMEOUTS.clear()
        made = _TIMEOUTS[timeouts] = _Timeout(
            connect=timeouts.connect, read=min(timeouts.read, timeouts.total)
        )
    return made


class _Route:
    """How requests to one origin are sent: the pool, and whether it wants the full URL (a proxy)."""

    __slots__ = ("absolute", "pool")

    def __init__(self, pool: Any, absolute: bool) -> None:
        self.pool, self.absolute = pool, absolute


class PoolTransport:
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
        """How to send to ``origin`` (made on its first request, then kept for a few origins)."""
        with self._lock:
            proxies = proxies_for(origin + "/", self.proxies)
            proxy = select_proxy(origin + "/", proxies)
            try:
                pool = self._adapter.get_connection_with_tls_context(request, self.verify, proxies=proxies)
            except LocationValueError as exc:
                raise requests.exceptions.InvalidURL(exc, request=request) from None
            # requests' own TLS settings of a pool (untyped in requests' stubs: typed here)
            cert_verify: Callable[[Any, str, Union[bool, str], None], None] = self._adapter.cert_verify
            cert_verify(pool, origin + "/", self.verify, None)
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

    def send(self, request: Outgoing) -> requests.Response:
        """Send ``request`` (``origin + target``) and return its response.

        Without ``stream`` the body is read (at most :data:`~.base.ERROR_BODY_LIMIT` bytes of an
        error answer); with it, a success's body is left to be read with :meth:`read_block`.

        Raises:
            requests.RequestException: as :mod:`requests` raises them (``ConnectTimeout``,
                ``ReadTimeout``, ``SSLError``, ``ProxyError``, ``ConnectionError``...).

        """
        prepared, timeouts = request.prepared, request.timeouts
        if self.closed:
            raise requests.exceptions.ConnectionError("the transport is closed", request=prepared)
        route = self._routes.get(request.origin) or self._route(request.origin, prepared)
        started = time.monotonic()
        start(timeouts)
        headers = prepared.headers
        body: Any = prepared.body
        try:
            raw = route.pool.urlopen(
                prepared.method,
                prepared.url if route.absolute else request.target,
                body=body,
                headers=headers,
                redirect=False,
                assert_same_host=False,
                preload_content=False,
                decode_content=False,
                retries=_NO_RETRY,
                timeout=_TIMEOUTS.get(timeouts) or _urllib3_timeout(timeouts),
                pool_timeout=timeouts.total,  # waiting for a free connection counts against the deadline
                chunked=body is not None
                and "Content-Length" not in headers
                and not isinstance(body, (bytes, str)),
            )
            content: Optional[bytes] = None
            if (
                not request.stream or raw.status >= 300
            ):  # an error's body is read (to a point) even when streaming
                if raw.status < 400:
                    content = read_raw(raw)
                else:
                    content = read_raw(raw, ERROR_BODY_LIMIT)
                    if not raw.isclosed():
                        raw.close()  # not worth reading: drop the connection instead
                    raw.release_conn()
        except socket.timeout as exc:  # the attempt's deadline, outside urllib3's own handling
            raise requests.exceptions.ReadTimeout(str(exc), request=prepared) from None
        except (ProtocolError, OSError) as exc:
            raise requests.exceptions.ConnectionError(exc, request=prepared) from None
        except ClosedPoolError as exc:
            raise requests.exceptions.ConnectionError(exc, request=prepared) from None
        except _ProxyError as exc:
            raise requests.exceptions.ProxyError(exc, request=prepared) from None
        except _SSLError as exc:
            raise requests.exceptions.SSLError(exc, request=prepared) from None
        except ReadTimeoutError as exc:
            raise requests.exceptions.ReadTimeout(exc, request=prepared) from None
        except ConnectTimeoutError as exc:
            if isinstance(exc, NewConnectionError):
                raise requests.exceptions.ConnectionError(exc, request=prepared) from None
            raise requests.exceptions.ConnectTimeout(exc, request=prepared) from None
        except InvalidHeader as exc:
            raise requests.exceptions.InvalidHeader(exc, request=prepared) from None
        except EmptyPoolError:
            error = requests.exceptions.ConnectTimeout(
                f"no free connection within {timeouts.total:g} s (max_connections={self.max_connections})",
                request=prepared,
            )
            raise error from None
        except urllib3.exceptions.HTTPError as exc:
            raise requests.exceptions.ConnectionError(exc, request=prepared) from None
        finally:
            clear()  # a streamed body is read under deadline() by whoever reads it
        return LazyResponse(prepared, raw.status, raw.headers, raw.reason, content, started, raw)

    @staticmethod
    def read_block(response: requests.Response, size: int, timeouts: Timeouts) -> bytes:
        """Read up to ``size`` bytes of a streamed body, under the attempt's deadline."""
        with deadline(timeouts):
            return read_raw(response.raw, size)
