"""A transport for unit tests: a function of yours answers every request, and nothing goes on the network.

In the manner of httpx's ``MockTransport``::

    def handler(request):
        if request.url.endswith("/users/me"):
            return MockResponse(200, json={"id": "u1", "username": "bot"})
        return MockResponse(404, json={"id": "api.context.404.app_error", "message": "no route"})

    d = Driver({"url": "https://chat.example.com", "token": "t"}, transport=MockTransport(handler))

The same object serves ``Driver`` and ``AsyncDriver`` (whose handler may be ``async def``).
Everything above the transport runs as it does against a server: paths, bodies, headers,
retries (give ``retry=Retry(total=0)``, or ``Retry(sleep=...)`` so as not to wait), the error
table, ``pending_post_id``.
"""

from __future__ import annotations

import http.client
import io
import json
from collections.abc import Awaitable as _Awaitable
from typing import Any, Awaitable, Callable, Mapping, Optional, Union

import requests
from requests.structures import CaseInsensitiveDict

from ..timeouts import Timeouts
from .base import Outgoing

__all__ = ["MockHandler", "MockResponse", "MockTransport"]

#: ``handler(request)``: the :class:`requests.PreparedRequest` (``method``, ``url``, ``headers``,
#: ``body`` as bytes) in, a :class:`requests.Response` out (or its awaitable, with ``AsyncDriver``).
MockHandler = Callable[[requests.PreparedRequest], Union[requests.Response, Awaitable[requests.Response]]]

_NO_JSON: Any = object()


class MockResponse(requests.Response):
    """A :class:`requests.Response` made up by a test: ``MockResponse(200, json={...})``.

    Args:
        status_code: the HTTP status.
        json: a JSON body (its ``Content-Type`` is then ``application/json``).
        content: a raw body (bytes), instead.
        headers: the response's headers.

    An error status in Mattermost's shape is raised as the driver raises the server's:
    ``MockResponse(404, json={"id": "app.user.missing_account.const", "message": "..."})``
    is a :class:`~mattermostdriver.exceptions.ResourceNotFound` with that ``error_id``.

    """

    def __init__(
        self,
        status_code: int = 200,
        json: Any = _NO_JSON,
        *,
        content: bytes = b"",
        headers: Optional[Mapping[str, str]] = None,
    ) -> None:
        super().__init__()
        self.status_code = status_code
        self.reason = http.client.responses.get(status_code, "")
        self.headers = CaseInsensitiveDict(headers or {})
        if json is not _NO_JSON:
            content = _dumps(json)
            self.headers.setdefault("Content-Type", "application/json")
        self._content = content
        self.encoding = "utf-8"


def _dumps(value: Any) -> bytes:
    return json.dumps(value).encode()


class MockTransport:
    """A transport whose every answer is ``handler(request)``'s (see the module).

    Args:
        handler: gets each request as a :class:`requests.PreparedRequest` (its ``body`` as
            bytes, a multipart body joined) and returns a :class:`requests.Response`, such as a
            :class:`MockResponse`. To play a failure it raises :mod:`requests`' exception:
            ``requests.ConnectionError`` (a dropped connection), ``requests.ReadTimeout``,
            ``requests.ConnectTimeout`` (a server that never answered the connection)...
            With ``AsyncDriver`` it may be ``async def``.

    """

    def __init__(self, handler: MockHandler) -> None:
        self.handler = handler

    def send(self, request: Outgoing) -> requests.Response:
        """The handler's answer to ``request`` (``Driver``'s way)."""
        answer = self.handler(_copy(request.prepared))
        if isinstance(answer, _Awaitable):
            getattr(answer, "close", lambda: None)()  # a coroutine never awaited
            raise TypeError("an async handler needs AsyncDriver; give Driver a plain function")
        return _response(request, answer)

    async def asend(self, request: Outgoing) -> requests.Response:
        """The handler's answer to ``request``, awaited if it is awaitable (``AsyncDriver``'s way)."""
        answer = self.handler(_copy(request.prepared))
        if isinstance(answer, _Awaitable):
            answer = await answer
        return _response(request, answer)

    @staticmethod
    def read_block(response: requests.Response, size: int, timeouts: Timeouts) -> bytes:
        """Up to ``size`` bytes of a streamed answer's body."""
        return bytes(response.raw.read(size)) if response.raw is not None else b""

    async def aread_block(self, response: requests.Response, size: int, timeouts: Timeouts) -> bytes:
        """Up to ``size`` bytes of a streamed answer's body."""
        return self.read_block(response, size, timeouts)

    def close(self) -> None:
        """Nothing to close."""

    async def aclose(self) -> None:
        """Nothing to close."""


def _copy(prepared: requests.PreparedRequest) -> requests.PreparedRequest:
    """The request as the handler sees it: a copy whose body is bytes (a multipart body read whole)."""
    seen = prepared.copy()
    body: Any = seen.body
    if body is not None and not isinstance(body, (bytes, str)):
        seen.body = b"".join(bytes(block) for block in body)
    elif isinstance(body, str):
        seen.body = body.encode()
    return seen


def _response(request: Outgoing, answer: Any) -> requests.Response:
    if not isinstance(answer, requests.Response):
        raise TypeError(f"a MockTransport handler returns a requests.Response, not {type(answer).__name__}")
    answer.request = request.prepared
    answer.url = answer.url or request.prepared.url or ""
    if request.stream and answer.status_code < 300:  # the body is read with read_block
        answer.raw = io.BytesIO(answer.content)
        answer._content = False  # type: ignore[assignment]
        answer._content_consumed = False  # type: ignore[attr-defined]
    return answer
