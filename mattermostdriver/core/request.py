"""How a request is built: the one place a call's URL, headers, body and timeouts are made.

:func:`build_request` turns a call (method, endpoint, JSON body or form or files, query,
timeout...) into a :class:`Request`, the one object that carries it from there on: to the
request loop (:mod:`~mattermostdriver.core.loop`) and to the transport, which sends its
:attr:`~Request.prepared` request. Credentials (the Bearer token, the ``auth`` hook) are added
only for the configured server's scheme, host and port. Nothing here does I/O.
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

from ..options import DEFAULT_PORTS
from ..paths import is_absolute_url
from ..redaction import redact_url
from ..retry import DEDUPE, IDEMPOTENT, IDEMPOTENT_METHODS, ONCE, Retry, RetryArg, Safety
from ..timeouts import Timeout, Timeouts, call_timeout
from .pending import PendingPosts
from .settings import Settings

__all__ = ["BODY_METHODS", "Request", "build_request"]

#: Methods that carry a body: without one given, ``{}`` is sent (as 7.3.2 did).
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
# what build_path makes (unreserved characters and %XX): sent as it is, never re-quoted
_CLEAN_TARGET = re.compile(r"[A-Za-z0-9._~%/:@!$&'()*+,;=?-]*")


class Request:
    """One call to the server, from the moment it is built to its answer.

    What a transport reads: :attr:`prepared` (a :class:`requests.PreparedRequest`: method,
    URL, headers, body), :attr:`origin` (``scheme://host:port``) and :attr:`target` (path and
    query) of its URL, :attr:`timeouts` (the seconds of one attempt) and :attr:`stream`
    (leave a success's body unread). The rest is the request loop's.
    """

    __slots__ = (
        "origin",
        "pending",
        "post",
        "prepared",
        "rewind",
        "safety",
        "settings",
        "stream",
        "target",
        "timeouts",
    )

    prepared: requests.PreparedRequest
    origin: str
    target: str
    timeouts: Timeouts
    stream: bool
    #: How safe it is to resend (:data:`~mattermostdriver.retry.IDEMPOTENT`...).
    safety: Safety
    #: What puts the body back at its start for a resend (None: it cannot be resent).
    rewind: Optional[Callable[[], None]]
    #: A post's body with its ``pending_post_id`` (None for any other request), and where its
    #: fate is kept.
    post: Optional[Dict[str, Any]]
    pending: PendingPosts
    #: The settings of the call, read once when it was built.
    settings: Settings

    @property
    def method(self) -> str:
        """The HTTP method, upper case."""
        return self.prepared.method or ""

    @property
    def shown(self) -> str:
        """The URL as it may be shown (in a log line or an exception)."""
        return redact_url(self.origin + self.target)


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


def _same_origin(origin: str, settings: Settings) -> bool:
    parts = urlsplit(origin)
    scheme = parts.scheme.lower()
    try:
        port = parts.port or DEFAULT_PORTS.get(scheme)
    except ValueError:
        return False
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    return (scheme, host, port) == settings.origin_key


def _where(endpoint: str, basepath: Optional[str], settings: Settings) -> Tuple[str, str, bool]:
    """The origin and target of ``endpoint``, and whether credentials may go there."""
    if is_absolute_url(endpoint):
        scheme_end = endpoint.index("://") + 3
        slash = endpoint.find("/", scheme_end)
        origin, target = (endpoint, "/") if slash < 0 else (endpoint[:slash], endpoint[slash:])
        origin = origin.split("://", 1)[0] + "://" + origin.split("://", 1)[1].rsplit("@", 1)[-1]
        return origin, target, _same_origin(origin, settings)
    return settings.origin, (settings.basepath if basepath is None else basepath) + endpoint, True


def build_request(
    settings: Settings,
    token: Optional[str],
    user_id: str,
    pending: PendingPosts,
    method: str,
    endpoint: str,
    *,
    options: Any,
    params: Optional[Mapping[str, Any]],
    data: Any,
    files: Any,
    basepath: Optional[str],
    timeout: Optional[Timeout],
    headers: Optional[Mapping[str, str]],
    retry: RetryArg,
    stream: bool,
) -> Request:
    """The :class:`Request` of one call (the arguments are those of ``make_request``).

    Raises:
        ValueError: a timeout, body or ``retry`` that cannot be sent.

    """
    method = method.upper()
    if retry is None:
        safety = IDEMPOTENT if method in IDEMPOTENT_METHODS else ONCE
    else:
        safety = Retry.safety(method, retry)
    if endpoint[:1] == "/":  # a path under the API (or ``basepath``): the server's
        origin, trusted = settings.origin, True
        target = (settings.basepath if basepath is None else basepath) + endpoint
    else:
        origin, target, trusted = _where(endpoint, basepath, settings)
    if not _CLEAN_TARGET.fullmatch(target):
        target = requote_uri(target)
    if params:
        encoded = RequestEncodingMixin._encode_params(params)  # type: ignore[attr-defined]
        if encoded:
            target += ("&" if "?" in target else "?") + encoded
    # headers as a plain dict (urllib3 handles it far faster than a CaseInsensitiveDict)
    send_headers: Dict[str, str] = settings.headers.copy()
    if trusted and token:
        send_headers["Authorization"] = f"Bearer {token}"
    prepared = requests.PreparedRequest()
    prepared.method = method
    prepared.url = origin + target
    prepared.headers = send_headers  # type: ignore[assignment]
    post: Optional[Dict[str, Any]] = None
    if safety == DEDUPE and isinstance(options, Mapping):
        options = post = pending.assign(options, user_id)
    if files is not None:
        # multipart bodies stream, a block at a time, and every pass starts from the files' starts
        from ..multipart import multipart_body

        body = multipart_body(data, files)
        send_headers["Content-Type"] = body.content_type or ""
        send_headers["Content-Length"] = str(len(body))
        prepared.body = body  # type: ignore[assignment]
        data = body
    elif data is None:
        if options is None and method in BODY_METHODS:
            options = {}  # 7.3.2 always sent a JSON body; some routes refuse a POST/PUT without one
        if options is not None:
            encoded_body = _json_body(options)
            prepared.body = encoded_body
            send_headers["Content-Type"] = "application/json"
            send_headers["Content-Length"] = str(len(encoded_body))
    auth = settings.auth if trusted else None
    if headers or (data is not None and files is None) or auth is not None:
        # the rarer cases, in requests' own terms: the caller's headers (case-insensitive),
        # form and raw bodies, an auth hook
        prepared.headers = CaseInsensitiveDict(send_headers)
        if headers:
            prepared.headers.update(headers)
        if data is not None and files is None:
            prepared.prepare_body(data, None, None)
        if auth is not None:
            prepared = auth(prepared) or prepared
            origin, target = _split(prepared.url or "", origin, target)
    request = Request()
    request.prepared = prepared
    request.origin = origin
    request.target = target
    attempt = settings.timeouts if timeout is None else call_timeout(timeout)
    request.timeouts = attempt if safety != DEDUPE else settings.retry.attempt_timeouts(safety, attempt)
    request.stream = stream
    request.safety = safety
    request.rewind = _nothing if data is None else _rewinder(data)
    request.post = post
    request.pending = pending
    request.settings = settings
    return request


def _split(url: str, origin: str, target: str) -> Tuple[str, str]:
    """Where an ``auth`` hook left the URL: the same origin with a new target, or as it was."""
    if url.startswith(origin + "/"):
        return origin, url[len(origin) :]
    return origin, target
