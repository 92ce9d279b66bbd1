"""The exceptions the driver raises, and the one table that maps a status to a class.

Every error from a Mattermost server is a :class:`ApiError`, a subclass of
:class:`requests.HTTPError` (as in mattermostdriver 7.3.2, whose class names are kept).
Each carries the server's ``error_id``, ``message``, ``detailed_error`` and ``request_id``,
the request's method and URL, and the :class:`requests.Response`.

What code compares and what a person reads are kept apart. ``str(e)`` and ``e.args[0]``
are :attr:`~MattermostError.message` alone: for an :class:`ApiError` the server's message,
as in 7.3.2 (callers test ``"mfa" in str(e)``), never the status, URL or ids (so that
``"401" in str(e)`` cannot match a channel named ``release-2401``); branch on ``status_code``
and ``error_id``. The whole line (status, method, URL, message, error id, request id) is
:attr:`~MattermostError.summary`, also the exception's note, which tracebacks show (Python
3.11+; on 3.9 and 3.10 where the ``exceptiongroup`` backport prints them, as under pytest);
``repr(e)`` shows every field. Log ``e.summary`` (:func:`summary_of` for any exception) or
``log.exception(...)``, not ``str(e)``.

A failure without an answer is a :class:`TransportError` (a :class:`requests.ConnectionError`)
whose message keeps the operating system's or TLS library's reason. As 7.3.2 let requests'
exceptions through, a timeout is also a :class:`requests.exceptions.Timeout`
(:class:`TransportConnectTimeout` a ``ConnectTimeout``, :class:`TransportReadTimeout` a
``ReadTimeout``), a TLS failure a :class:`requests.exceptions.SSLError` (:class:`TransportTLSError`).
"""

from __future__ import annotations

import json
import sys
from typing import Any, Dict, Optional, Tuple, Type

import requests

from .failures import answered_plain_http, failure_reason
from .redaction import clean, redact_urls
from .timeouts import Timeouts

__all__ = [
    "MattermostError",
    "ApiError",
    "ClientError",
    "ServerError",
    "InvalidOrMissingParameters",
    "NoAccessTokenProvided",
    "NotEnoughPermissions",
    "ResourceNotFound",
    "MethodNotAllowed",
    "Conflict",
    "ContentTooLarge",
    "TooManyRequests",
    "FeatureDisabled",
    "TransportError",
    "TransportTimeout",
    "TransportConnectTimeout",
    "TransportReadTimeout",
    "TransportTLSError",
    "UnexpectedResponse",
    "WebsocketError",
    "WebsocketAuthError",
    "answered_plain_http",
    "error_for_status",
    "failure_reason",
    "json_or_none",
    "summary_of",
    "transport_error",
]


class MattermostError(requests.exceptions.RequestException):
    """Base class of every error the driver raises.

    ``str(e)`` and ``e.args[0]`` are :attr:`message` alone; :attr:`summary` is the whole
    line (see the module).
    """

    def __init__(
        self,
        message: str = "",
        *,
        status_code: Optional[int] = None,
        error_id: str = "",
        detailed_error: str = "",
        request_id: str = "",
        method: str = "",
        url: str = "",
        response: Optional[requests.Response] = None,
    ) -> None:
        self.status_code = status_code
        self.error_id = error_id
        self.message = message
        self.detailed_error = detailed_error
        self.request_id = request_id
        self.method = method
        self.url = url
        super().__init__(message, response=response)
        summary = self.summary
        if summary != str(message):  # the traceback shows the whole line
            if sys.version_info >= (3, 11):
                self.add_note(summary)
            else:  # what the exceptiongroup backport shows on 3.9 and 3.10
                self.__notes__ = [summary]

    @property
    def summary(self) -> str:
        """The whole line for a person to read: status, method, URL, message, error id, request id.

        E.g. ``404 GET https://chat.example.com:443/api/v4/channels/xyz: Unable to find the
        channel. [app.channel.get.existing.app_error] (request id 8bz...)``.
        """
        parts = []
        if self.status_code is not None:
            parts.append(str(self.status_code))
        if self.method or self.url:
            parts.append(f"{self.method} {self.url}".strip() + ":")
        parts.append(str(self.message) or "(no message)")
        if self.error_id:
            parts.append(f"[{self.error_id}]")
        if self.request_id:
            parts.append(f"(request id {self.request_id})")
        return " ".join(parts)

    def __repr__(self) -> str:
        fields = ", ".join(
            f"{name}={value!r}"
            for name in ("status_code", "error_id", "method", "url", "request_id")
            for value in [getattr(self, name)]
            if value not in (None, "")
        )
        return f"{type(self).__name__}({self.message!r}{', ' if fields else ''}{fields})"


def summary_of(exc: BaseException) -> str:
    """One line for a log or a warning about ``exc``, with nothing secret in it.

    The driver's errors give their whole :attr:`~MattermostError.summary` (status, method, URL,
    message, ids: ``str(e)`` is the message alone); any other exception its class name and its
    text, URLs without their query, userinfo or webhook id, control characters escaped.
    """
    if isinstance(exc, MattermostError):
        return exc.summary
    text = clean(redact_urls(" ".join(str(exc).split())), 300)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class ApiError(MattermostError, requests.HTTPError):
    """The server answered with an error status (any 4xx or 5xx)."""


class ClientError(ApiError):
    """A 4xx status without a more specific class."""


class ServerError(ApiError):
    """A 5xx status without a more specific class."""


class InvalidOrMissingParameters(ClientError):
    """400: a parameter is missing or invalid."""


class NoAccessTokenProvided(ClientError):
    """401: no valid session or token (also wrong credentials on login)."""


class NotEnoughPermissions(ClientError):
    """403: the caller lacks a permission, or the feature is disabled for it."""


class ResourceNotFound(ClientError):
    """404: no such resource (or route)."""


class MethodNotAllowed(ClientError):
    """405: the route does not take this HTTP method."""


class Conflict(ClientError):
    """409: the request conflicts with the current state."""


class ContentTooLarge(ClientError):
    """413: the body is over the server's limit."""


class TooManyRequests(ClientError):
    """429: rate limited; ``retry_after`` holds the seconds the server asked to wait."""

    def __init__(self, message: str = "", *, retry_after: Optional[float] = None, **kwargs: Any) -> None:
        self.retry_after = retry_after
        super().__init__(message, **kwargs)


class FeatureDisabled(ServerError):
    """501: the feature is turned off in the server's configuration or needs a licence."""


class TransportError(MattermostError, requests.ConnectionError):
    """No usable answer: the connection failed, was dropped, or timed out (after any retries).

    Its message says what failed and keeps the reason the operating system or the TLS
    library gave (``[Errno 111] Connection refused``), with nothing secret in it.
    """


class TransportTimeout(TransportError, requests.exceptions.Timeout):
    """The server did not answer in time; also a :class:`requests.exceptions.Timeout`."""


class TransportConnectTimeout(TransportTimeout, requests.exceptions.ConnectTimeout):
    """The connection could not be made in time; also a :class:`requests.exceptions.ConnectTimeout`."""


class TransportReadTimeout(TransportTimeout, requests.exceptions.ReadTimeout):
    """The answer did not come in time; also a :class:`requests.exceptions.ReadTimeout`."""


class TransportTLSError(TransportError, requests.exceptions.SSLError):
    """The TLS handshake failed (an untrusted certificate, or a plain-HTTP port); not retried.

    Also a :class:`requests.exceptions.SSLError`.
    """


class UnexpectedResponse(MattermostError):
    """The server answered success with a body that is not what the API returns (e.g. an HTML page)."""


class WebsocketError(MattermostError):
    """The websocket could not connect or was closed for good."""


class WebsocketAuthError(WebsocketError):
    """The server refused the websocket upgrade with 401 or 403: the token is missing or invalid."""


#: The one status -> class table.
STATUS_CLASSES: Dict[int, Type[ApiError]] = {
    400: InvalidOrMissingParameters,
    401: NoAccessTokenProvided,
    403: NotEnoughPermissions,
    404: ResourceNotFound,
    405: MethodNotAllowed,
    409: Conflict,
    413: ContentTooLarge,
    429: TooManyRequests,
    501: FeatureDisabled,
}


def class_for_status(status: int) -> Type[ApiError]:
    """Return the exception class for an HTTP error status."""
    cls = STATUS_CLASSES.get(status)
    if cls is not None:
        return cls
    return ServerError if status >= 500 else ClientError


def _retry_after(response: requests.Response) -> Optional[float]:
    for header in ("Retry-After", "X-Ratelimit-Reset"):
        value = response.headers.get(header)
        if value is None:
            continue
        try:
            seconds = float(value)
        except ValueError:
            continue
        if 0 <= seconds < float("inf"):
            return seconds
    return None


def json_or_none(content: bytes) -> Any:
    """The JSON in ``content``, or None when it is not valid JSON (or nested too deeply to parse)."""
    try:
        if content[:1] in (b"{", b"[") and content[1:2] != b"\0":
            # UTF-8, as json.loads would find it (no BOM, no NUL of UTF-16 or UTF-32): decoded at once
            return json.loads(content.decode("utf-8", "surrogatepass"))
        return json.loads(content)
    except (ValueError, RecursionError):
        return None


def error_for_status(response: requests.Response, method: str, url: str) -> ApiError:
    """Build the exception for an error response, from its AppError body when there is one.

    The message is the AppError's ``message``, as in 7.3.2; a body without one (a proxy's
    HTML page, the plain ``limit exceeded`` of a 429, JSON of another shape) still gives one
    readable message. Everything taken from the server is cleaned
    (:func:`~mattermostdriver.redaction.clean`): no control character, bounded length.
    """
    status = response.status_code
    content = response.content or b""
    body = json_or_none(content) if content.lstrip()[:1] == b"{" else None
    message = error_id = detailed = request_id = ""
    if isinstance(body, dict):
        message = clean(body.get("message") or "")
        error_id = clean(body.get("id") or "", 200)
        detailed = clean(body.get("detailed_error") or "")
        request_id = clean(body.get("request_id") or "", 200)
    if not message:
        text = content[:4096].decode("utf-8", "replace").strip()
        ctype = response.headers.get("Content-Type", "")
        reason = clean(response.reason or "error", 100)
        if "html" in ctype.lower() or text.lower().startswith(("<!doctype", "<html")):
            message = f"{reason} (the server answered an HTML page, not the Mattermost API)"
        else:
            message = clean(" ".join(text.split()), 200) or reason
    request_id = request_id or clean(response.headers.get("X-Request-ID", ""), 200)
    cls = class_for_status(status)
    kwargs: Dict[str, Any] = dict(
        status_code=status,
        error_id=error_id,
        detailed_error=detailed,
        request_id=request_id,
        method=method,
        url=url,
        response=response,
    )
    if cls is TooManyRequests:
        kwargs["retry_after"] = _retry_after(response)
    return cls(message, **kwargs)


#: The :mod:`requests` class of a failure -> the TransportError class that is also one (first match).
TRANSPORT_CLASSES: Tuple[Tuple[Type[requests.RequestException], Type[TransportError]], ...] = (
    (requests.exceptions.ConnectTimeout, TransportConnectTimeout),
    (requests.exceptions.ReadTimeout, TransportReadTimeout),
    (requests.exceptions.Timeout, TransportTimeout),
    (requests.exceptions.SSLError, TransportTLSError),
)


def transport_error(
    exc: BaseException, *, method: str, url: str, timeouts: Timeouts, reached_server: bool, post: bool
) -> TransportError:
    """The error for a request that got no answer (``exc``, the :mod:`requests` exception of its
    last attempt): what failed, then the OS or TLS reason; of the class that is also ``exc``'s kind.
    """
    if answered_plain_http(exc):
        what = "the server answered plain HTTP: use http:// (or the server's HTTPS port)"
    elif isinstance(exc, requests.exceptions.SSLError):
        what = "TLS failed (certificate not trusted? see the 'verify' option)"
    elif isinstance(exc, requests.exceptions.ConnectTimeout):
        what = f"timed out connecting ({timeouts.connect:g} s)"
    elif isinstance(exc, requests.exceptions.Timeout):
        limits = f"{timeouts.read:g} s between reads, {timeouts.total:g} s in all"
        what = f"timed out waiting for the answer ({limits})"
    elif not reached_server:
        what = "could not connect (wrong url or port, or the server is down)"
    else:
        what = "connection failed"
    reason = failure_reason(exc)
    message = what if reason.lower().endswith("timed out") else f"{what}: {reason}"
    if post and reached_server:
        message += (
            " (the post may have been created; calling create_post again with the same options is safe)"
        )
    cls = next((cls for kind, cls in TRANSPORT_CLASSES if isinstance(exc, kind)), TransportError)
    return cls(message, method=method, url=url)
