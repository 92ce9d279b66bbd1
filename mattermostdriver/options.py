"""Driver options: the defaults, URL parsing and validation.

The 7.3.2 keys keep their meaning. ``url`` may be a host name (with ``scheme``, ``port``
and ``basepath`` beside it) or a full base URL such as ``https://chat.example.com/mattermost``,
whose scheme, port (the scheme's default when absent) and path are then used.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, Mapping, Optional, Tuple, Union
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

Timeout = Union[float, Tuple[float, float]]

#: The options and their defaults. The 7.3.2 keys keep their meaning:
#:
#: * ``url``, ``scheme``, ``port``, ``basepath``: where the server is (``url`` may be a full base URL);
#: * ``verify``: TLS verification, True, False or a CA bundle path (REST and websocket);
#: * ``timeout``: the websocket ping interval, seconds;
#: * ``request_timeout``: REST timeout, seconds or a (connect, read) pair; never unlimited;
#: * ``login_id``, ``password``, ``mfa_token``, ``token``: credentials for :meth:`Driver.login`;
#: * ``auth``: a :class:`requests.auth.AuthBase` (or a class of one) applied to every request;
#: * ``keepalive``, ``keepalive_delay``: reconnect the websocket, and the first delay before it;
#: * ``websocket_kw_args``: extra arguments for :func:`websockets.sync.client.connect`;
#: * ``debug``: show this package's DEBUG lines on stderr (nothing secret is ever logged);
#: * ``proxy``: an HTTP(S) proxy URL, or a :mod:`requests` proxies dict.
#:
#: New keys: ``retries`` (retries after the first attempt, 0 turns retrying off),
#: ``backoff_factor`` and ``backoff_max`` (seconds), ``retry_after_max`` (the longest
#: ``Retry-After`` honoured, seconds), ``user_agent``.
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
}

#: Keys 7.3.2 accepted and that mean nothing here (kept silent, not warned about).
IGNORED_KEYS = frozenset({"http2"})

_DEFAULT_PORTS = {"http": 80, "https": 443}


def _split_url(value: str) -> Dict[str, Any]:
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    if scheme in ("ws", "wss"):
        scheme = "https" if scheme == "wss" else "http"
    if scheme not in _DEFAULT_PORTS:
        raise ValueError(f"url {value!r}: scheme must be http or https")
    if not parts.hostname:
        raise ValueError(f"url {value!r}: no host name")
    if parts.username or parts.password:
        raise ValueError("url: credentials in the URL are not supported; use token or login_id/password")
    try:
        port = parts.port or _DEFAULT_PORTS[scheme]
    except ValueError as exc:
        raise ValueError(f"url {value!r}: invalid port") from exc
    path = parts.path.rstrip("/")
    if path.endswith("/api/v4"):
        path = path[: -len("/api/v4")]
    host = parts.hostname
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    return {"scheme": scheme, "url": host, "port": port, "site_path": path}


def _as_timeout(value: Any, key: str) -> Optional[Timeout]:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value <= 0:
            raise ValueError(f"{key} must be positive, got {value!r}")
        return float(value)
    if isinstance(value, (tuple, list)) and len(value) == 2:
        connect, read = (_as_timeout(v, key) for v in value)
        return (connect, read)  # type: ignore[return-value]
    raise ValueError(f"{key} must be seconds or a (connect, read) pair, got {value!r}")


def normalize_options(options: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
    """Merge ``options`` over the defaults, parse the URL and check the values.

    Returns a new dict with every default key plus ``site_path`` (the path the server is
    mounted under, ``""`` at the root). ``basepath`` then holds the full API path
    (``site_path + "/api/v4"``). Unknown keys are logged once and ignored.

    Raises:
        ValueError: a value that cannot work (bad scheme, port, timeout).

    """
    given = dict(options or {})
    unknown = sorted(k for k in given if k not in DEFAULT_OPTIONS and k not in IGNORED_KEYS)
    if unknown:
        log.warning("mattermostdriver: ignoring unknown option(s): %s", ", ".join(unknown))
    merged: Dict[str, Any] = dict(DEFAULT_OPTIONS)
    merged.update({k: v for k, v in given.items() if k in DEFAULT_OPTIONS})

    url = str(merged["url"] or "localhost").strip()
    site_path = ""
    if "://" in url:
        # a full base URL: its port wins, then a `port` key given beside it, then the scheme's default
        parsed = _split_url(url)
        merged["scheme"], merged["url"], site_path = parsed["scheme"], parsed["url"], parsed["site_path"]
        explicit_port = urlsplit(url).port
        merged["port"] = explicit_port or given.get("port") or parsed["port"]
    elif "/" in url:
        host, _, path = url.partition("/")
        merged["url"], site_path = host, "/" + path.strip("/")
    else:
        merged["url"] = url
    scheme = str(merged["scheme"]).lower()
    if scheme not in _DEFAULT_PORTS:
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
    merged["request_timeout"] = _as_timeout(merged["request_timeout"], "request_timeout")
    if merged["request_timeout"] is None:
        merged["request_timeout"] = DEFAULT_OPTIONS["request_timeout"]
    verify = merged["verify"]
    if not isinstance(verify, (bool, str)):
        raise ValueError("verify must be True, False or the path of a CA bundle")
    retries = merged["retries"]
    if isinstance(retries, bool) or not isinstance(retries, int) or retries < 0:
        raise ValueError(f"retries must be a whole number >= 0, got {retries!r}")
    for key in ("backoff_factor", "backoff_max", "retry_after_max", "keepalive_delay", "timeout"):
        value = merged[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ValueError(f"{key} must be a number >= 0, got {value!r}")
    return merged


def base_url(options: Mapping[str, Any], path: str = "") -> str:
    """Return ``scheme://host:port`` followed by ``path`` (which starts with ``/``)."""
    return f"{options['scheme']}://{options['url']}:{options['port']}{path}"
