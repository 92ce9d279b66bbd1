"""What the sync and async clients share: their state, the requests they build, and the request loop.

:meth:`ClientBase._exchange` is the request loop, written once: a generator that yields
each request to send (an :class:`Outgoing`) or each wait (a float, seconds) and is sent
back the response or the :mod:`requests` exception. It decides everything (what is
retried, after how long, which exception is raised) over the one
:class:`~mattermostdriver.retry.Retry` policy; the clients only run it, one with blocking
calls and one with ``await``. Nothing here does I/O.
"""

from __future__ import annotations

import logging
import time
from typing import Any, Dict, Generator, List, Mapping, Optional, Union
from urllib.parse import urlsplit

import requests

from .exceptions import TransportError, UnexpectedResponse, error_for_status, json_or_none, transport_error
from .logs import enable_debug_logging
from .options import Options, Timeout, Timeouts, base_url, connection_limits, timeouts, user_agent
from .outgoing import BODY_METHODS, Outgoing, RequestBuilder
from .redaction import clean, redact, redact_url
from .retry import PendingPosts, Retry, RetryArg, cannot_cure, reached_server

__all__ = ["BODY_METHODS", "ClientBase", "Outgoing", "reached_server"]

log = logging.getLogger("mattermostdriver.client")


Step = Union[Outgoing, float]


class ClientBase(RequestBuilder):
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
            "User-Agent": user_agent(opts),
            "Accept-Encoding": "gzip, deflate",
            "Accept": "*/*",
        }
        proxy = opts.get("proxy")
        self._proxies: Optional[Dict[str, str]] = (
            {"http": proxy, "https": proxy} if isinstance(proxy, str) else proxy
        )
        #: The most connections open at once to one host, and the most kept idle.
        self._limits = connection_limits(opts)
        #: What a transport is made from: when it changes, the client makes a new one.
        self._transport_settings = (opts["verify"], repr(self._proxies), self._limits)

    @property
    def timeouts(self) -> Timeouts:
        """The default (connect, read, total) seconds of an attempt."""
        if self._generation != self.options.generation:
            self._configure()
        return self._timeouts

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
                        final=cannot_cure(result),
                    )
                    if delay is None:
                        if out.dedupe_body is not None and reached_server(result):
                            self._pending_posts.in_doubt(out.dedupe_body, first_sent)
                        raise transport_error(
                            result,
                            method=method,
                            url=out.shown,
                            timeouts=out.timeouts,
                            reached_server=reached_server(result),
                            post=out.dedupe_body is not None,
                        )
                    cause = type(result).__name__
                else:
                    response: requests.Response = result
                    status = response.status_code
                    if debug:
                        self._log_response(method, out.shown, response, started, out.request)
                    if not 200 <= status < 600:  # an interim (1xx) or made-up status as the answer
                        raise UnexpectedResponse(
                            f"the server answered status {status}, which is not a final HTTP status",
                            status_code=status,
                            method=method,
                            url=out.shown,
                            response=response,
                        )
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

    # -- the verbs: the JSON of a call (awaitable with the async client) --------------------------
    def make_request(self, method: str, endpoint: str, *args: Any, **kwargs: Any) -> Any:
        """Send one request: see :meth:`mattermostdriver.client.Client.make_request`."""
        raise NotImplementedError

    def _parsed(self, response: Any) -> Any:
        """The JSON of ``response`` (the async client awaits it first)."""
        raise NotImplementedError

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

    def head(self, endpoint: str, params: Optional[Mapping[str, Any]] = None, **kwargs: Any) -> Any:
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


def closed_in_flight(out: Outgoing) -> TransportError:
    """The error of a call whose connection the driver's ``close()`` ended."""
    what = "the driver was closed while the call was in flight"
    if out.dedupe_body is not None:
        what += " (the post may have been created; calling create_post again with the same options is safe)"
    return TransportError(what, method=out.request.method or "", url=out.shown)
