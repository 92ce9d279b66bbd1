"""Driver options: the defaults, URL parsing and validation, and the one options object.

The 7.3.2 keys keep their meaning. ``url`` is read by one rule (the command line's ``--url``
and ``MATTERMOST_URL`` too):

* without a scheme, a host name, ``host:port`` or ``host[:port]/path`` (an IPv6 address in
  brackets, ``[::1]:8065``): the ``scheme`` option gives the scheme (default ``https``), the
  port is the one written, else the ``port`` option (default ``8065``, as in 7.3.2), and the
  path is where the server is mounted (``basepath``, default ``/api/v4``, goes under it);
* a full base URL such as ``https://chat.example.com/mattermost``: its scheme, its port (else
  a ``port`` option given beside it, else the scheme's default, 443 or 80) and its path.

:class:`Options` is the one copy of a driver's options: ``driver.options``,
``driver.client.options`` and the websocket's options are the same object. It may be
changed after construction (``d.options["token"] = ...``, as 7.3.2 callers do): each write
is validated at once (a bad value raises :class:`ValueError` and changes nothing) and both
REST and the websocket use the new value from their next request or connection.
"""

from __future__ import annotations

import logging
import os
import re
from typing import Any, Dict, Mapping, Optional, Tuple
from urllib.parse import urlsplit

import requests

from .redaction import redact_url
from .retry import Retry, retry_fields
from .timeouts import Timeout, Timeouts, as_timeout, finite_number, timeouts
from .version import __version__

log = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_MAX_CONNECTIONS",
    "DEFAULT_OPTIONS",
    "Options",
    "Timeout",
    "Timeouts",
    "base_url",
    "connection_limits",
    "normalize_options",
    "timeouts",
    "user_agent",
]

#: The options and their defaults; :data:`~mattermostdriver.option_help.OPTION_HELP` says what
#: each one means (the options reference of the documentation is written from the two, and a
#: unit test checks that every key has its help there).
DEFAULT_OPTIONS: Dict[str, Any] = {
    "scheme": "https",
    "url": "localhost",
    "port": 8065,
    "basepath": "/api/v4",
    "verify": True,
    # websocket: ping interval in seconds (7.3.2 meaning)
    "timeout": 30,
    # REST: (connect, read) seconds; never unlimited by default
    "request_timeout": (10.0, 60.0),
    "login_id": None,
    "password": None,
    "token": None,
    "mfa_token": None,
    "auth": None,
    "keepalive": False,
    "keepalive_delay": 5,
    "websocket_kw_args": None,
    "debug": False,
    "proxy": None,
    # retries (new): attempts after the first; 0 turns retrying off
    "retries": 3,
    "backoff_factor": 0.5,
    "backoff_max": 30.0,
    "retry_after_max": 120.0,
    "user_agent": None,
    "pool_maxsize": None,
    "max_connections": None,
}

#: The most connections open at once to one host when ``max_connections`` is not given
#: (and ``pool_maxsize`` is not larger): enough for a bot's 32 threads, or for any number of
#: asyncio tasks (bench/concurrency.py: more connections serve no more requests per second).
DEFAULT_MAX_CONNECTIONS = 32

#: Keys 7.3.2 accepted and that mean nothing here (kept silent, not warned about).
IGNORED_KEYS = frozenset({"http2"})

#: The port of each scheme when a URL names none.
DEFAULT_PORTS = {"http": 80, "https": 443}
_HOST = re.compile(r"^(?:[A-Za-z0-9._~%!$&'()*+,;=-]+|\[[0-9A-Fa-f:.]+(?:%[\w.~-]+)?\])$")
# host[:port] without a scheme: a name or a bracketed IPv6 address, then an optional port
_HOST_PORT = re.compile(r"^(?P<host>\[[^\]]*\]|[^:\[\]]*)(?::(?P<port>[^:]*))?$")


def _shown(value: str) -> str:
    """A URL as it may appear in an error: no userinfo, no query (they may hold secrets)."""
    return repr(redact_url(value if "://" in value else "//" + value))


def _split_url(value: str) -> Dict[str, Any]:
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    if scheme in ("ws", "wss"):
        scheme = "https" if scheme == "wss" else "http"
    if scheme not in DEFAULT_PORTS:
        raise ValueError(f"url {_shown(value)}: scheme must be http or https")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise ValueError("url: credentials in the URL are not supported; use token or login_id/password")
    if not parts.hostname:
        raise ValueError(f"url {_shown(value)}: no host name")
    try:
        port = parts.port
    except ValueError as exc:
        raise ValueError(f"url {_shown(value)}: invalid port") from exc
    path = parts.path.rstrip("/")
    if path.endswith("/api/v4"):
        path = path[: -len("/api/v4")]
    host = parts.hostname
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    return {"scheme": scheme, "url": host, "port": port, "site_path": path}


def normalize_options(options: Optional[Mapping[str, Any]] = None, *, warn: bool = True) -> Dict[str, Any]:
    """Merge ``options`` over the defaults, parse the URL and check the values.

    Returns a new dict with every default key plus ``site_path`` (the path the server is
    mounted under, ``""`` at the root). ``basepath`` then holds the full API path
    (``site_path + "/api/v4"``). Unknown keys are logged and ignored.

    Raises:
        ValueError: a value that cannot work (bad URL, scheme, port, timeout, CA bundle...).
            Its text never holds a password or query string from the URL.

    """
    given = dict(options or {})
    unknown = sorted(str(k) for k in given if k not in DEFAULT_OPTIONS and k not in IGNORED_KEYS)
    if unknown and warn:
        log.warning("mattermostdriver: ignoring unknown option(s): %s", ", ".join(unknown))
    merged: Dict[str, Any] = dict(DEFAULT_OPTIONS)
    merged.update({k: v for k, v in given.items() if k in DEFAULT_OPTIONS})

    raw_url = merged["url"]
    if raw_url is None:
        raw_url = DEFAULT_OPTIONS["url"]
    if not isinstance(raw_url, str) or not raw_url.strip():
        raise ValueError("url must be a host name or a base URL such as https://chat.example.com")
    url = raw_url.strip()
    site_path = ""
    if "://" in url:
        # a full base URL: its port wins, then a `port` key given beside it, then the scheme's default
        parsed = _split_url(url)
        merged["scheme"], merged["url"], site_path = parsed["scheme"], parsed["url"], parsed["site_path"]
        if parsed["port"] is not None:
            merged["port"] = parsed["port"]
        elif given.get("port") is None:
            merged["port"] = DEFAULT_PORTS[parsed["scheme"]]
    else:
        if "@" in url:
            raise ValueError("url: credentials in the URL are not supported; use token or login_id/password")
        host, _, path = url.partition("/")
        host_port = _HOST_PORT.match(host)
        if host_port is None:
            raise ValueError(f"url {_shown(url)}: write an IPv6 address in brackets, e.g. [::1]:8065")
        host, port_text = host_port.group("host"), host_port.group("port")
        if port_text is not None:  # host:port: the port written wins, as in a full URL
            if not port_text.isdigit() or not port_text.isascii():
                raise ValueError(f"url {_shown(url)}: invalid port")
            merged["port"] = int(port_text)
        merged["url"], site_path = host, ("/" + path.strip("/") if path.strip("/") else "")
    if not _HOST.match(merged["url"]):
        raise ValueError(f"url {_shown(url)}: not a valid host name")
    scheme = str(merged["scheme"]).lower()
    if scheme not in DEFAULT_PORTS:
        raise ValueError(f"scheme must be 'http' or 'https', got {merged['scheme']!r}")
    merged["scheme"] = scheme
    try:
        port = int(merged["port"])
    except (TypeError, ValueError) as exc:
        raise ValueError(f"port must be a number, got {merged['port']!r}") from exc
    if not 0 < port < 65536:
        raise ValueError(f"port out of range: {port}")
    merged["port"] = port
    basepath = "/" + str(merged["basepath"] or "").strip("/")
    merged["site_path"] = site_path.rstrip("/")
    merged["basepath"] = (
        (merged["site_path"] + basepath).rstrip("/") if basepath != "/" else merged["site_path"]
    )
    merged["request_timeout"] = as_timeout(merged["request_timeout"], "request_timeout")
    if merged["request_timeout"] is None:
        merged["request_timeout"] = DEFAULT_OPTIONS["request_timeout"]
    verify = merged["verify"]
    if isinstance(verify, os.PathLike):
        verify = merged["verify"] = os.fspath(verify)
    if not isinstance(verify, (bool, str)):
        raise ValueError("verify must be True, False or the path of a CA bundle")
    if isinstance(verify, str) and not os.path.exists(verify):
        raise ValueError(f"verify: no CA bundle at {verify!r}")
    retries = merged["retries"]
    if isinstance(retries, bool) or not isinstance(retries, int) or retries < 0:
        raise ValueError(f"retries must be a whole number >= 0, got {retries!r}")
    for key in ("pool_maxsize", "max_connections"):
        pool = merged[key]
        if pool is None:
            continue
        if isinstance(pool, bool) or not isinstance(pool, int) or pool < 1:
            raise ValueError(f"{key} must be a whole number >= 1, got {pool!r}")
    for key in ("backoff_factor", "backoff_max", "retry_after_max", "keepalive_delay", "timeout"):
        finite_number(merged[key], key)
    for key in ("token", "login_id", "password", "mfa_token", "user_agent"):
        value = merged[key]
        if value is not None and not isinstance(value, str):
            raise ValueError(f"{key} must be a string")
        if isinstance(value, str) and any(c in value for c in "\r\n\0"):
            raise ValueError(f"{key} holds a line break or NUL")  # it would split the header it goes in
    return merged


def user_agent(options: Mapping[str, Any]) -> str:
    """The ``User-Agent`` of REST requests and websocket upgrades: the ``user_agent`` option, else ours."""
    given: Optional[str] = options.get("user_agent")
    return given or f"mattermostdriver/{__version__} python-requests/{requests.__version__}"


def connection_limits(options: Mapping[str, Any]) -> Tuple[int, int]:
    """The most connections open at once to one host, and the most kept idle (see the options)."""
    idle: Optional[int] = options["pool_maxsize"]
    cap: int = options["max_connections"] or max(DEFAULT_MAX_CONNECTIONS, idle or 0)
    return cap, min(idle or cap, cap)


def base_url(options: Mapping[str, Any], path: str = "") -> str:
    """Return ``scheme://host:port`` followed by ``path`` (which starts with ``/``)."""
    return f"{options['scheme']}://{options['url']}:{options['port']}{path}"


class Options(Dict[str, Any]):
    """The driver's options, normalized (see :func:`normalize_options`); one object for REST and websocket.

    A plain dict to read. A write (``options[key] = value``, ``update``, ``del``...) is
    normalized and validated with the rest at once: a bad value raises
    :class:`ValueError` and leaves the options as they were. :attr:`generation` counts
    the changes, so that the client can rebuild what it derives from them.

    The options also hold the driver's one retry policy, :attr:`retry`.
    """

    def __init__(self, options: Optional[Mapping[str, Any]] = None, *, retry: Optional[Retry] = None) -> None:
        given: Dict[str, Any] = dict(options.given if isinstance(options, Options) else (options or {}))
        super().__init__(normalize_options(given))
        #: The options as the caller gave them (before normalization).
        self.given: Dict[str, Any] = given
        #: Bumped on every change.
        self.generation = 0
        if retry is None:
            retry = options.retry if isinstance(options, Options) else Retry.from_options(self)
        self._retry = _checked(retry)

    @property
    def retry(self) -> Retry:
        """The retry policy of REST calls, transfers and websocket reconnects (``d.client.retry``).

        Built from ``retries``, ``backoff_factor``, ``backoff_max``, ``retry_after_max`` and
        ``keepalive_delay``, or given (``Driver(retry=Retry(...))``, or set here). It is
        :class:`~mattermostdriver.retry.Retry`, immutable: a later write of one of those
        options changes that field of it (:meth:`~mattermostdriver.retry.Retry.new`) and
        nothing else; no other write touches it.
        """
        return self._retry

    @retry.setter
    def retry(self, policy: Retry) -> None:
        self._retry = _checked(policy)
        self.generation += 1

    def _replace(self, given: Dict[str, Any], *, warn: bool = False) -> None:
        merged = normalize_options(given, warn=warn)
        before = retry_fields(self)
        self.given = given
        # the new values in one step, then the keys no longer given go: a call starting in
        # another thread meanwhile reads every key (emptied and filled again, it could miss one)
        super().update(merged)
        for key in [key for key in self if key not in merged]:
            super().__delitem__(key)
        changed = {field: value for field, value in retry_fields(self).items() if before[field] != value}
        if changed:
            self._retry = self._retry.new(**changed)
        self.generation += 1

    def __setitem__(self, key: str, value: Any) -> None:
        self._replace({**self.given, key: value}, warn=key not in self.given)

    def __delitem__(self, key: str) -> None:
        if key not in self:
            raise KeyError(key)
        self._replace({k: v for k, v in self.given.items() if k != key})

    def update(self, *args: Any, **kwargs: Any) -> None:
        """Change several options at once (validated together)."""
        new = dict(*args, **kwargs)
        self._replace({**self.given, **new}, warn=any(k not in self.given for k in new))

    def setdefault(self, key: str, default: Any = None) -> Any:
        """As :meth:`dict.setdefault`, validated."""
        if key not in self:
            self[key] = default
        return self[key]

    def pop(self, key: str, *default: Any) -> Any:
        """Reset ``key`` to its default and return its value."""
        if key not in self:
            if default:
                return default[0]
            raise KeyError(key)
        value = self[key]
        del self[key]
        return value

    def popitem(self) -> Tuple[str, Any]:
        """Not supported: every key always has a value."""
        raise TypeError("options cannot be popped; set a value or del a key to reset it")

    def clear(self) -> None:
        """Reset every option to its default."""
        self._replace({})

    def copy(self) -> Options:
        """An independent copy (with the same retry policy)."""
        return Options(self)

    def __copy__(self) -> Options:
        return self.copy()

    def __reduce__(self) -> Tuple[Any, Tuple[Dict[str, Any]]]:
        # the retry policy is made again from the options (a given one may hold a function)
        return (Options, (self.given,))


def _checked(policy: Any) -> Retry:
    if not isinstance(policy, Retry):
        raise TypeError(f"retry must be a mattermostdriver.retry.Retry, got {type(policy).__name__}")
    return policy
