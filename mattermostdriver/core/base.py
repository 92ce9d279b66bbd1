"""What the sync and async clients share: their state, ``make_request`` and the verbs over it.

:class:`ClientBase` holds a client's state (the options and their :class:`~.settings.Settings`,
the token, the pending posts) and spells ``make_request`` once: it builds the call's
:class:`~.request.Request` and hands it to the client's ``_run``, which runs the request loop
(:func:`~.loop.exchange`) with blocking calls (``Client``) or with ``await`` (``AsyncClient``).
Nothing here does I/O.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, Generic, Mapping, Optional, TypeVar

import requests

from ..exceptions import UnexpectedResponse, json_or_none
from ..logs import enable_debug_logging
from ..options import Options, base_url
from ..paths import is_absolute_url
from ..redaction import redact_url
from ..retry import Retry, RetryArg
from ..timeouts import Timeout, Timeouts
from .pending import PendingPosts
from .request import Request, build_request
from .settings import Settings

__all__ = ["ClientBase"]

#: What ``make_request`` returns: the Response (sync), or an awaitable of it (async).
R = TypeVar("R")


class ClientBase(Generic[R]):
    """The state of a client and its calls; see :class:`~mattermostdriver.client.Client`."""

    def __init__(self, options: Optional[Mapping[str, Any]] = None, *, retry: Optional[Retry] = None) -> None:
        self.options: Options = options if isinstance(options, Options) else Options(options)
        if retry is not None:
            self.options.retry = retry
        self._token: Optional[str] = self.options.get("token") or None
        self._userid = ""
        self._username = ""
        self._cookies: Any = None
        self._pending_posts = PendingPosts()
        self._settings = Settings(self.options)

    def _current(self) -> Settings:
        """The settings of the options as they are now (made again only after they changed)."""
        settings = self._settings
        if settings.generation != self.options.generation:
            settings = self._settings = Settings(self.options)
            self._settings_changed(settings)
        return settings

    def _settings_changed(self, settings: Settings) -> None:
        """The options changed: a client whose transport depends on them makes a new one."""

    @property
    def retry(self) -> Retry:
        """The retry policy (the options' :attr:`~mattermostdriver.options.Options.retry`); settable."""
        return self.options.retry

    @retry.setter
    def retry(self, policy: Retry) -> None:
        self.options.retry = policy

    @property
    def timeouts(self) -> Timeouts:
        """The default (connect, read, total) seconds of an attempt."""
        return self._current().timeouts

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

    def build_url(self, endpoint: str, basepath: Optional[str] = None) -> str:
        """Return the full URL of ``endpoint`` (already escaped) under ``basepath``.

        ``basepath`` defaults to the API path (``/api/v4`` under the site path); an
        ``endpoint`` that is already an absolute ``http(s)://`` URL is used as it is.
        """
        if is_absolute_url(endpoint):
            return endpoint
        settings = self._current()
        return settings.origin + (settings.basepath if basepath is None else basepath) + endpoint

    # -- the request core -----------------------------------------------------------------------
    def make_request(
        self,
        method: str,
        endpoint: str,
        options: Any = None,
        params: Optional[Mapping[str, Any]] = None,
        data: Any = None,
        files: Any = None,
        basepath: Optional[str] = None,
        *,
        timeout: Optional[Timeout] = None,
        headers: Optional[Mapping[str, str]] = None,
        stream: bool = False,
        retry: RetryArg = None,
    ) -> R:
        """Send one request (retried as the policy allows) and return its :class:`requests.Response`.

        With the async client, the returned value is awaited for the Response.

        Args:
            method: the HTTP method (any case).
            endpoint: the path under ``basepath`` (already escaped), or an absolute URL
                (credentials are sent only to the configured server, never to another host).
            options: the JSON body (dict or list); POST, PUT and PATCH send ``{}`` without one.
            params: the query string.
            data: a form or raw body.
            files: multipart files, as for :mod:`requests`.
            basepath: replaces the API base path (e.g. ``/hooks``).
            timeout: seconds, (connect, read) or (connect, read, total), for this call only.
            headers: extra headers.
            stream: do not read the body yet (downloads).
            retry: ``True`` if the request is safe to repeat, ``False`` to repeat only what
                never reached the server, ``"dedupe"`` for a post with a ``pending_post_id``;
                by default idempotent methods are retried.

        Raises:
            ApiError: the server answered 4xx or 5xx (the subclass follows the status).
            TransportError: no answer (connection refused, reset, timed out, TLS failure).
            UnexpectedResponse: the server redirected elsewhere.
            ValueError: a path argument, option or body that cannot be sent.

        """
        request = build_request(
            self._current(),
            self._token,
            self._userid,
            self._pending_posts,
            method,
            endpoint,
            options=options,
            params=params,
            data=data,
            files=files,
            basepath=basepath,
            timeout=timeout,
            headers=headers,
            retry=retry,
            stream=stream,
        )
        return self._run(request)

    def _run(self, request: Request) -> R:
        """Run the request loop over ``request`` (blocking, or as a coroutine)."""
        raise NotImplementedError

    def _parsed(self, response: Any) -> Any:
        """The JSON of ``response`` (the async client awaits it first)."""
        raise NotImplementedError

    # -- the verbs: the JSON of a call (awaitable with the async client) --------------------------
    def get(
        self, endpoint: str, options: Any = None, params: Optional[Mapping[str, Any]] = None, **kwargs: Any
    ) -> Any:
        """GET ``endpoint`` and return its JSON (or the Response for binary content)."""
        return self._parsed(self.make_request("get", endpoint, options=options, params=params, **kwargs))

    def post(
        self,
        endpoint: str,
        options: Any = None,
        params: Optional[Mapping[str, Any]] = None,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> Any:
        """POST to ``endpoint`` and return its JSON."""
        sent = self.make_request(
            "post", endpoint, options=options, params=params, data=data, files=files, **kwargs
        )
        return self._parsed(sent)

    def put(
        self,
        endpoint: str,
        options: Any = None,
        params: Optional[Mapping[str, Any]] = None,
        data: Any = None,
        **kwargs: Any,
    ) -> Any:
        """PUT to ``endpoint`` and return its JSON."""
        return self._parsed(
            self.make_request("put", endpoint, options=options, params=params, data=data, **kwargs)
        )

    def patch(
        self,
        endpoint: str,
        options: Any = None,
        params: Optional[Mapping[str, Any]] = None,
        data: Any = None,
        **kwargs: Any,
    ) -> Any:
        """PATCH ``endpoint`` and return its JSON."""
        return self._parsed(
            self.make_request("patch", endpoint, options=options, params=params, data=data, **kwargs)
        )

    def delete(
        self,
        endpoint: str,
        options: Any = None,
        params: Optional[Mapping[str, Any]] = None,
        data: Any = None,
        **kwargs: Any,
    ) -> Any:
        """DELETE ``endpoint`` and return its JSON."""
        return self._parsed(
            self.make_request("delete", endpoint, options=options, params=params, data=data, **kwargs)
        )

    def head(self, endpoint: str, params: Optional[Mapping[str, Any]] = None, **kwargs: Any) -> R:
        """HEAD ``endpoint`` and return the Response (its headers)."""
        return self.make_request("head", endpoint, params=params, **kwargs)

    # -- JSON helpers (7.3.2) -------------------------------------------------------------------
    @staticmethod
    def parse(response: requests.Response) -> Any:
        """Return the parsed JSON of ``response``; the response itself for binary content.

        Raises:
            UnexpectedResponse: an HTML page or a broken JSON body where the API answers JSON.

        """
        ctype = response.headers.get("Content-Type", "").lower()
        content = response.content
        if response.status_code == 204 or not content:
            return None
        mime = ctype.split(";", 1)[0].strip()
        if mime == "application/json" or mime.endswith("+json"):
            value = json_or_none(content)
            if value is None and content.strip() != b"null":
                raise _unexpected(response, "the server's answer is not valid JSON")
            return value
        if "html" in ctype:
            raise _unexpected(
                response,
                "the server answered an HTML page, not the Mattermost API: check url, port and basepath",
            )
        return response


def _unexpected(response: requests.Response, message: str) -> UnexpectedResponse:
    """The error for a success answer whose body is not what the API sends."""
    return UnexpectedResponse(
        message,
        status_code=response.status_code,
        method=(response.request.method or "") if response.request is not None else "",
        url=redact_url(response.url or ""),
        response=response,
    )
