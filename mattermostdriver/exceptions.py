"""The exceptions the driver raises, and the one table that maps a status to a class.

Every error from a Mattermost server is a :class:`ApiError`, a subclass of
:class:`requests.HTTPError` (as in mattermostdriver 7.3.2, whose class names are kept).
Each carries the server's ``error_id``, ``message``, ``detailed_error`` and ``request_id``,
the request's method and URL, and the :class:`requests.Response`.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Optional, Type

import requests

from .redaction import clean

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
    "UnexpectedResponse",
    "WebsocketError",
    "WebsocketAuthError",
    "error_for_status",
    "json_or_none",
]


class MattermostError(requests.exceptions.RequestException):
    """Base class of every error the driver raises."""

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
        super().__init__(self._line(), response=response)

    def _line(self) -> str:
        parts = []
        if self.status_code is not None:
            parts.append(str(self.status_code))
        if self.method or self.url:
            parts.append(f"{self.method} {self.url}".strip() + ":")
        parts.append(self.message or "(no message)")
        if self.error_id:
            parts.append(f"[{self.error_id}]")
        if self.request_id:
            parts.append(f"(request id {self.request_id})")
        return " ".join(parts)

    def __str__(self) -> str:
        return self._line()


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
    """No usable answer: the connection failed, was dropped, or timed out (after any retries)."""


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
        return json.loads(content)
    except (ValueError, RecursionError):
        return None


def error_for_status(response: requests.Response, method: str, url: str) -> ApiError:
    """Build the exception for an error response, from its AppError body when there is one.

    A body that is not JSON (a proxy's HTML page, the plain ``limit exceeded`` of a 429)
    still gives one readable message. Everything taken from the server is cleaned
    (:func:`~mattermostdriver.redaction.clean`): no control character, bounded length.
    """
    status = response.status_code
    content = response.content or b""
    body = json_or_none(content) if content.lstrip()[:1] == b"{" else None
    if isinstance(body, dict):
        message = clean(body.get("message") or "")
        error_id = clean(body.get("id") or "", 200)
        detailed = clean(body.get("detailed_error") or "")
        request_id = clean(body.get("request_id") or "", 200)
    else:
        error_id = detailed = request_id = ""
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
