"""What the sync and async clients share: their state, the requests they build, and the request loop.

:meth:`ClientBase._exchange` is the request loop, written once: a generator that yields
each request to send (an :class:`Outgoing`) or each wait (a float, seconds) and is sent
back the response or the :mod:`requests` exception. It decides everything (what is
retried, after how long, which exception is raised) over the one
:class:`~mattermostdriver.retry.Retry` policy; the clients only run it, one with blocking
calls and one with ``await``. Nothing here does I/O.
"""

from __future__ import annotations

import json
import logging
import re
import time
from typing import Any, Callable, Dict, Generator, List, Mapping, Optional, Union
from urllib.parse import urlsplit

import requests
from requests.models import RequestEncodingMixin
from requests.structures import CaseInsensitiveDict
from requests.utils import requote_uri

from .exceptions import TransportError, UnexpectedResponse, error_for_status, json_or_none
from .logs import enable_debug_logging
from .options import Options, Timeout, Timeouts, base_url, timeouts
from .paths import is_absolute_url
from .redaction import clean, redact, redact_url
from .retry import DEDUPE, PendingPosts, Retry, RetryArg, Safety
from .version import __version__

__all__ = ["BODY_METHODS", "ClientBase", "Outgoing", "reached_server"]

log = logging.getLogger("mattermostdriver.client")

#: Methods that carry a body: without one given, ``{}`` is sent (as 7.3.2 did).
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
# what build_path makes (unreserved characters and %XX): sent as it is, never re-quoted
_CLEAN_TARGET = re.compile(r"[A-Za-z0-9._~%/:@!$&'()*+,;=?-]*")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def reached_server(exc: BaseException) -> bool:
    """False only when the request surely never reached the server (the connection was not made)."""
    if isinstance(exc, requests.exceptions.ConnectTimeout) or getattr(exc, "never_sent", False):
        return False
    if isinstance(exc, requests.exceptions.SSLError) or not isinstance(
        exc, requests.exceptions.ConnectionError
    ):
        return True
    import urllib3

    reason: Any = exc.args[0] if exc.args else None
    reason = getattr(reason, "reason", reason)
    return not isinstance(
        reason, (urllib3.exceptions.NewConnectionError, urllib3.exceptions.ConnectTimeoutError)
    )


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


Step = Union[Outgoing, float]


class ClientBase:
    """The state of a client and the request loop; see :class:`~mattermostdriver.client.Client`."""

    def __init__(self, options: Optional[Mapping[str, Any]] = None) -> None:
        self.options: Options = options if isinstance(options, Options) else Options(options)
        self._token: Optional[str] = self.options.get("token") or None
        self._userid = ""
        self._username = ""
        self._cookies: Any = None
        self._pending_posts = PendingPosts()
        self._generation = -1
        self._configure()

    def _configure(self) -> None:
        """Derive what the requests need from the options (again after they change)."""
        opts = self.options
        self._generation = opts.generation
        self._origin = base_url(opts)
        self._origin_key = (opts["scheme"], opts["url"].lower(), opts["port"])
        self._basepath: str = opts["basepath"]
        self._timeouts = timeouts(opts["request_timeout"])
        self.retry = Retry.from_options(opts)
        auth = opts.get("auth")
        self._auth: Any = auth() if isinstance(auth, type) else auth
        self._base_headers = {
            "User-Agent": opts.get("user_agent")
            or f"mattermostdriver/{__version__} python-requests/{requests.__version__}",
            "Accept-Encoding": "gzip, deflate",
            "Accept": "*/*",
        }

    # -- 7.3.2 attributes -------------------------------------------------------------------
    @property
    def userid(self) -> str:
        """The logged-in user's id (set by ``Driver.login``)."""
        return self._userid

    @userid.setter
    def userid(self, user_id: str) -> None:
        self._userid = user_id

    @property
    def username(self) -> str:
        """The logged-in user's name (set by ``Driver.login``)."""
        return self._username

    @username.setter
    def username(self, username: str) -> None:
        self._username = username

    @property
    def url(self) -> str:
        """The API base URL, e.g. ``https://chat.example.com:443/api/v4``."""
        return base_url(self.options, self.options["basepath"])

    @property
    def cookies(self) -> Any:
        """The cookies of the login response (kept for 7.3.2 callers; never sent back)."""
        return self._cookies

    @cookies.setter
    def cookies(self, cookies: Any) -> None:
        self._cookies = cookies

    @property
    def token(self) -> Optional[str]:
        """The session or personal access token sent as ``Authorization: Bearer``."""
        return self._token

    @token.setter
    def token(self, token: Optional[str]) -> None:
        if token is not None and (not isinstance(token, str) or any(c in token for c in "\r\n\0")):
            raise ValueError("a token must be a string without line breaks")
        self._token = token or None

    @property
    def request_timeout(self) -> Timeout:
        """The default timeout in seconds, as the ``request_timeout`` option gives it."""
        timeout: Timeout = self.options["request_timeout"]
        return timeout

    def auth_header(self) -> Optional[Dict[str, str]]:
        """Return the ``Authorization`` header for the current token, or None without one."""
        if not self._token:
            return None
        return {"Authorization": f"Bearer {self._token}"}

    @staticmethod
    def activate_verbose_logging(level: int = logging.DEBUG) -> None:
        """Show this package's log lines at ``level`` on stderr (7.3.2; nothing secret is logged)."""
        enable_debug_logging(level)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.url} user={self._username or '-'}>"

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

    # -- the request loop -----------------------------------------------------------------------
    def _exchange(
        self,
        method: str,
        endpoint: str,
        options: Any = None,
        params: Optional[Mapping[str, Any]] = None,
        data: Any = None,
        files: Any = None,
        basepath: Optional[str] = None,
        timeout: Optional[Timeout] = None,
        headers: Optional[Mapping[str, str]] = None,
        retry: RetryArg = None,
    ) -> Generator[Step, Any, requests.Response]:
        """The request loop: yields each send and each wait; returns the final response (see the module)."""
        out = self._outgoing(
            method, endpoint, options, params, data, files, basepath, timeout, headers, retry
        )
        method = out.request.method or ""
        debug = log.isEnabledFor(logging.DEBUG)
        attempt = 0
        first_sent = time.monotonic()
        sent = False
        try:
            while True:
                started = time.monotonic()
                sent = True
                result = yield out
                if isinstance(result, BaseException):
                    if debug:
                        log.debug(
                            "%s %s -> %s after %.1f ms",
                            method,
                            out.shown,
                            type(result).__name__,
                            _ms(started),
                        )
                    delay = self.retry.after_failure(
                        safety=out.safety,
                        attempt=attempt,
                        reached_server=reached_server(result),
                        resendable=out.rewind is not None,
                        elapsed=time.monotonic() - first_sent,
                    )
                    if delay is None:
                        if out.dedupe_body is not None and reached_server(result):
                            self._pending_posts.in_doubt(out.dedupe_body, first_sent)
                        raise _transport_error(result, method, out.shown, out.dedupe_body is not None)
                    cause = type(result).__name__
                else:
                    response: requests.Response = result
                    status = response.status_code
                    if debug:
                        self._log_response(method, out.shown, response, started, out.request)
                    if status < 300 or status == 304:
                        if out.dedupe_body is not None:
                            self._pending_posts.settled(out.dedupe_body)
                        return response
                    if status < 400:
                        location = redact_url(response.headers.get("Location", ""))
                        raise UnexpectedResponse(
                            f"the server redirected to {location or 'another address'}: "
                            "set url to the final address",
                            status_code=status,
                            method=method,
                            url=out.shown,
                            response=response,
                        )
                    error = error_for_status(response, method, out.shown)
                    delay = self.retry.after_status(
                        status=status,
                        error_id=error.error_id,
                        retry_after=getattr(error, "retry_after", None),
                        safety=out.safety,
                        attempt=attempt,
                        resendable=out.rewind is not None,
                        elapsed=time.monotonic() - first_sent,
                    )
                    if delay is None:
                        if out.dedupe_body is not None:
                            if status >= 500:
                                self._pending_posts.in_doubt(out.dedupe_body, first_sent)
                            else:
                                self._pending_posts.settled(out.dedupe_body)
                        raise error
                    response.close()
                    cause = str(status)
                attempt += 1
                log.info(
                    "retrying %s %s after %s in %.2f s (retry %d of %d)",
                    method, out.shown, cause, delay, attempt, self.retry.total,
                )  # fmt: skip
                yield delay
                if out.rewind is not None:
                    out.rewind()
        except GeneratorExit:  # cancelled or interrupted while the request was out
            if sent and out.dedupe_body is not None:
                self._pending_posts.in_doubt(out.dedupe_body, first_sent)
            raise

    def _log_response(
        self,
        method: str,
        shown: str,
        response: requests.Response,
        started: float,
        request: requests.PreparedRequest,
    ) -> None:
        """The one DEBUG line of a request: method, path, status, time, request id (never a secret)."""
        request_id = clean(response.headers.get("X-Request-ID") or "-", 100)
        line = "%s %s -> %s in %.1f ms (request id %s)"
        args: List[Any] = [method, shown, response.status_code, _ms(started), request_id]
        query = urlsplit(request.url or "").query
        if self.options.get("debug") and query:
            from urllib.parse import parse_qsl

            line = line[:-1] + ", params %s)"
            args.append(redact(dict(parse_qsl(query))))
        log.debug(line, *args)

    # -- JSON helpers (7.3.2) -------------------------------------------------------------------
    @staticmethod
    def parse(response: requests.Response) -> Any:
        """Return the parsed JSON of ``response``; the response itself for binary content.

        Raises:
            UnexpectedResponse: an HTML page or a broken JSON body where the API answers JSON.

        """
        ctype = response.headers.get("Content-Type", "").lower()
        if response.status_code == 204 or not response.content:
            return None
        mime = ctype.split(";", 1)[0].strip()
        if mime == "application/json" or mime.endswith("+json"):
            value = json_or_none(response.content)
            if value is None and response.content.strip() != b"null":
                raise _unexpected(response, "the server's answer is not valid JSON")
            return value
        if "html" in ctype:
            raise _unexpected(
                response,
                "the server answered an HTML page, not the Mattermost API: check url, port and basepath",
            )
        return response


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


def _ms(started: float) -> float:
    """Milliseconds since ``started`` (a ``time.monotonic()`` reading)."""
    return (time.monotonic() - started) * 1000


def _unexpected(response: requests.Response, message: str) -> UnexpectedResponse:
    """The error for a success answer whose body is not what the API sends."""
    return UnexpectedResponse(
        message,
        status_code=response.status_code,
        method=(response.request.method or "") if response.request is not None else "",
        url=redact_url(response.url or ""),
        response=response,
    )


def _transport_error(exc: BaseException, method: str, shown: str, post: bool) -> TransportError:
    if isinstance(exc, requests.exceptions.SSLError):
        what = "TLS failed (certificate not trusted? see the 'verify' option)"
    elif isinstance(exc, requests.exceptions.Timeout):
        what = "timed out"
    elif not reached_server(exc):
        what = "could not connect (wrong url or port, or the server is down)"
    else:
        what = "connection failed"
    if post and reached_server(exc):
        what += " (the post may have been created; calling create_post again with the same options is safe)"
    return TransportError(f"{what}: {type(exc).__name__}", method=method, url=shown)
