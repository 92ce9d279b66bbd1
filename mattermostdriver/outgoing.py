"""How a request is built: the one place a call's URL, headers, body and timeouts are made.

:class:`RequestBuilder` (a base of :class:`~mattermostdriver.core.ClientBase`) turns a
call (method, endpoint, JSON body or form or files, query, timeout...) into an
:class:`Outgoing`: the :class:`requests.PreparedRequest` the transport sends, with what the
request loop needs to know about it. Credentials (the Bearer token, the ``auth`` hook) are
added only for the configured server's scheme, host and port. Nothing here does I/O.
"""

from __future__ import annotations

import json
import re
from typing import Any, Callable, Dict, Mapping, Optional, Tuple
from urllib.parse import urlsplit

import requests
from requests.models import RequestEncodingMixin
from requests.structures import CaseInsensitiveDict
from requests.utils import requote_uri

from .options import Options, Timeout, Timeouts, timeouts
from .paths import is_absolute_url
from .redaction import redact_url
from .retry import DEDUPE, PendingPosts, Retry, RetryArg, Safety

__all__ = ["BODY_METHODS", "Outgoing", "RequestBuilder"]

#: Methods that carry a body: without one given, ``{}`` is sent (as 7.3.2 did).
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
# what build_path makes (unreserved characters and %XX): sent as it is, never re-quoted
_CLEAN_TARGET = re.compile(r"[A-Za-z0-9._~%/:@!$&'()*+,;=?-]*")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _rewinder(data: Any) -> Optional[Callable[[], None]]:
    """What puts a request body back at its start for a resend, or None if it cannot be.

    A file object is sought back to where it stood; a body that can be read only once (an
    unseekable stream, an iterator) cannot be resent. Multipart bodies rewind themselves.
    """
    if data is None or isinstance(data, (str, bytes, bytearray, Mapping, list, tuple)):
        return _nothing
    if hasattr(data, "read"):
        try:
            mark = data.tell()
        except (AttributeError, OSError, ValueError):
            return None
        return lambda: data.seek(mark)
    try:
        if iter(data) is data:
            return None  # an iterator is consumed by the first send
    except TypeError:
        pass
    return _nothing


def _nothing() -> None:
    """Rewind a body that needs no rewinding."""


def _json_body(value: Any) -> bytes:
    try:
        return json.dumps(value, allow_nan=False).encode("ascii")
    except RecursionError:
        raise ValueError("the JSON body is nested too deeply to encode") from None
    except ValueError as exc:  # NaN, infinity, a circular reference
        raise ValueError(f"the JSON body cannot be encoded: {exc}") from None


class Outgoing:
    """One request as the transport sends it, and what the loop needs to know about it."""

    __slots__ = ("dedupe_body", "origin", "request", "rewind", "safety", "target", "timeouts")

    def __init__(
        self,
        request: requests.PreparedRequest,
        origin: str,
        target: str,
        timeouts: Timeouts,
        safety: Safety,
        rewind: Optional[Callable[[], None]],
        dedupe_body: Optional[Dict[str, Any]],
    ) -> None:
        self.request = request
        self.origin = origin
        self.target = target
        self.timeouts = timeouts
        self.safety = safety
        self.rewind = rewind
        self.dedupe_body = dedupe_body

    @property
    def shown(self) -> str:
        """The URL as it may be shown (in a log line or an exception)."""
        return redact_url(self.origin + self.target)


class RequestBuilder:
    """Builds the requests of a client (its state is set by :class:`~mattermostdriver.core.ClientBase`)."""

    options: Options
    retry: Retry
    _generation: int
    _origin: str
    _origin_key: Tuple[str, str, int]
    _basepath: str
    _timeouts: Timeouts
    _token: Optional[str]
    _userid: str
    _auth: Any
    _base_headers: Dict[str, str]
    _pending_posts: PendingPosts

    def _configure(self) -> None:
        raise NotImplementedError

    # -- building a request -------------------------------------------------------------------
    def build_url(self, endpoint: str, basepath: Optional[str] = None) -> str:
        """Return the full URL of ``endpoint`` (already escaped) under ``basepath``.

        ``basepath`` defaults to the API path (``/api/v4`` under the site path); an
        ``endpoint`` that is already an absolute ``http(s)://`` URL is used as it is.
        """
        if is_absolute_url(endpoint):
            return endpoint
        if self._generation != self.options.generation:
            self._configure()
        return self._origin + (self._basepath if basepath is None else basepath) + endpoint

    def _same_origin(self, origin: str) -> bool:
        parts = urlsplit(origin)
        scheme = parts.scheme.lower()
        try:
            port = parts.port or _DEFAULT_PORTS.get(scheme)
        except ValueError:
            return False
        host = (parts.hostname or "").lower()
        if ":" in host:
            host = f"[{host}]"
        return (scheme, host, port) == self._origin_key

    def _outgoing(
        self,
        method: str,
        endpoint: str,
        options: Any,
        params: Optional[Mapping[str, Any]],
        data: Any,
        files: Any,
        basepath: Optional[str],
        timeout: Optional[Timeout],
        headers: Optional[Mapping[str, str]],
        retry: RetryArg,
    ) -> Outgoing:
        if self._generation != self.options.generation:
            self._configure()
        method = method.upper()
        safety = self.retry.safety(method, retry)
        if is_absolute_url(endpoint):
            scheme_end = endpoint.index("://") + 3
            slash = endpoint.find("/", scheme_end)
            origin, target = (endpoint, "/") if slash < 0 else (endpoint[:slash], endpoint[slash:])
            origin = origin.split("://", 1)[0] + "://" + origin.split("://", 1)[1].rsplit("@", 1)[-1]
            trusted = self._same_origin(origin)
        else:
            origin = self._origin
            target = (self._basepath if basepath is None else basepath) + endpoint
            trusted = True
        if not _CLEAN_TARGET.fullmatch(target):
            target = requote_uri(target)
        if params:
            encoded = RequestEncodingMixin._encode_params(params)  # type: ignore[attr-defined]
            if encoded:
                target += ("&" if "?" in target else "?") + encoded
        # headers as a plain dict (urllib3 handles it far faster than a CaseInsensitiveDict)
        send_headers: Dict[str, str] = self._base_headers.copy()
        if trusted and self._token:
            send_headers["Authorization"] = f"Bearer {self._token}"
        request = requests.PreparedRequest()
        request.method = method
        request.url = origin + target
        request.headers = send_headers  # type: ignore[assignment]
        dedupe_body: Optional[Dict[str, Any]] = None
        if safety == DEDUPE and isinstance(options, Mapping):
            options = dedupe_body = self._pending_posts.assign(options, self._userid)
        if files is not None:
            # multipart bodies stream, a block at a time, and every pass starts from the files' starts
            from .multipart import multipart_body

            body = multipart_body(data, files)
            send_headers["Content-Type"] = body.content_type or ""
            send_headers["Content-Length"] = str(len(body))
            request.body = body  # type: ignore[assignment]
            data = body
        elif data is None:
            if options is None and method in BODY_METHODS:
                options = {}  # 7.3.2 always sent a JSON body; some routes refuse a POST/PUT without one
            if options is not None:
                encoded_body = _json_body(options)
                request.body = encoded_body
                send_headers["Content-Type"] = "application/json"
                send_headers["Content-Length"] = str(len(encoded_body))
        auth = self._auth if trusted else None
        if headers or (data is not None and files is None) or auth is not None:
            # the rarer cases, in requests' own terms: the caller's headers (case-insensitive),
            # form and raw bodies, an auth hook
            request.headers = CaseInsensitiveDict(send_headers)
            if headers:
                request.headers.update(headers)
            if data is not None and files is None:
                request.prepare_body(data, None, None)
            if auth is not None:
                request = auth(request) or request
                origin, target = _split(request.url or "", origin, target)
        per_call = self._timeouts if timeout is None else timeouts(_check_timeout(timeout))
        return Outgoing(
            request,
            origin,
            target,
            self.retry.attempt_timeouts(safety, per_call),
            safety,
            _rewinder(data),
            dedupe_body,
        )


def _check_timeout(value: Timeout) -> Timeout:
    from .options import _as_timeout

    checked = _as_timeout(value, "timeout")
    if checked is None:
        raise ValueError("timeout cannot be None: every request has a finite timeout")
    return checked


def _split(url: str, origin: str, target: str) -> tuple[str, str]:
    """Where an ``auth`` hook left the URL: the same origin with a new target, or as it was."""
    if url.startswith(origin + "/"):
        return origin, url[len(origin) :]
    return origin, target
