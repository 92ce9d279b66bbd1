"""The request core: every call to the server goes through :meth:`Client.make_request`.

One :class:`requests.Session` per thread, finite timeouts, retries in one layer, one
status -> exception table, and one DEBUG line per request with nothing secret in it.
"""

from __future__ import annotations

import http.cookiejar
import logging
import random
import re
import threading
import time
from typing import Any, Callable, Dict, List, Mapping, Optional
from urllib.parse import urlsplit

import requests
import urllib3

from . import __version__
from .exceptions import (
    ApiError,
    TooManyRequests,
    TransportError,
    UnexpectedResponse,
    error_for_status,
)
from .options import Timeout, base_url, normalize_options

log = logging.getLogger(__name__)

#: Methods that may be repeated without changing the result.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
#: Methods that carry a body: without one given, ``{}`` is sent (as 7.3.2 did).
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
#: Statuses retried for idempotent (or retry-safe) requests.
RETRY_STATUSES = frozenset({502, 503, 504})
#: A 500 the server gives while a post with the same ``pending_post_id`` is still being saved.
PENDING_POST_ERROR = "api.post.deduplicate_create_post.pending"

_SENSITIVE = re.compile(r"pass|token|secret|mfa|cookie|authorization|csrf|session|key", re.IGNORECASE)
_HOOK_PATH = re.compile(r"(/hooks/(?:commands/)?)[^/?#]+")


def redact(value: Any) -> Any:
    """Return ``value`` with the values of secret-looking keys replaced by ``"***"``."""
    if isinstance(value, Mapping):
        return {k: ("***" if _SENSITIVE.search(str(k)) else redact(v)) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [redact(v) for v in value]
    return value


def redact_url(url: str) -> str:
    """Return ``url`` without its query string, userinfo or webhook id (which is a credential)."""
    parts = urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)[-1]
    path = _HOOK_PATH.sub(r"\1***", parts.path)
    prefix = f"{parts.scheme}://{netloc}" if parts.scheme else ""
    return prefix + path


class _Urllib3Redactor(logging.Filter):
    """Take webhook ids and query strings out of urllib3's DEBUG lines ("POST /hooks/<id>?... 200").

    urllib3 logs each request line at DEBUG; the driver puts webhook ids (credentials) in
    paths, so the driver installs this filter on ``urllib3.connectionpool`` once.
    """

    _query = re.compile(r"\?[^\s\"]*")

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = self._query.sub("?***", _HOOK_PATH.sub(r"\1***", message))
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True


_URLLIB3_REDACTOR = _Urllib3Redactor()


def _install_urllib3_redactor() -> None:
    logger = logging.getLogger("urllib3.connectionpool")
    if _URLLIB3_REDACTOR not in logger.filters:
        logger.addFilter(_URLLIB3_REDACTOR)


def _rewinder(data: Any) -> Optional[Callable[[], None]]:
    """Return what puts a request body back at its start for a resend, or None if it cannot be.

    A file object is sought back to where it stood; a body that can be read only once (an
    unseekable stream, an iterator) cannot be resent. Multipart bodies built from ``files``
    rewind themselves (see :mod:`mattermostdriver.transfer`).
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


def _ms(started: float) -> float:
    """Milliseconds since ``started`` (a ``time.monotonic()`` reading)."""
    return (time.monotonic() - started) * 1000


def _nothing() -> None:
    """Rewind a body that needs no rewinding."""


def _was_not_sent(exc: requests.RequestException) -> bool:
    """True when the request certainly never reached the server (connect failed)."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return True
    if isinstance(exc, requests.exceptions.SSLError):
        return False
    if isinstance(exc, requests.exceptions.ConnectionError):
        reason: Any = exc.args[0] if exc.args else None
        reason = getattr(reason, "reason", reason)
        return isinstance(
            reason, (urllib3.exceptions.NewConnectionError, urllib3.exceptions.ConnectTimeoutError)
        )
    return False


def _unexpected(response: requests.Response, message: str) -> UnexpectedResponse:
    """The error for a success answer whose body is not what the API sends."""
    return UnexpectedResponse(
        message,
        status_code=response.status_code,
        method=(response.request.method or "") if response.request is not None else "",
        url=redact_url(response.url or ""),
        response=response,
    )


class Client:
    """The HTTP client behind a :class:`~mattermostdriver.Driver`.

    Args:
        options: the driver options (see :func:`~mattermostdriver.options.normalize_options`).

    """

    def __init__(self, options: Optional[Mapping[str, Any]] = None) -> None:
        opts = dict(options or {})
        self.options: Dict[str, Any] = opts if "site_path" in opts else normalize_options(opts)
        self._token: Optional[str] = self.options.get("token") or None
        self._userid = ""
        self._username = ""
        self._cookies: Any = None
        self._local = threading.local()
        self._sessions: List[requests.Session] = []
        self._sessions_lock = threading.Lock()
        self._sleep: Callable[[float], None] = time.sleep
        _install_urllib3_redactor()
        auth = self.options.get("auth")
        self._auth: Any = auth() if isinstance(auth, type) else auth
        proxy = self.options.get("proxy")
        self._proxies: Optional[Dict[str, str]] = (
            {"http": proxy, "https": proxy} if isinstance(proxy, str) else proxy
        )
        self._user_agent = self.options.get("user_agent") or (
            f"mattermostdriver/{__version__} python-requests/{requests.__version__}"
        )

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
        self._token = token or None

    @property
    def request_timeout(self) -> Timeout:
        """The default (connect, read) timeout in seconds."""
        timeout: Timeout = self.options["request_timeout"]
        return timeout

    def auth_header(self) -> Optional[Dict[str, str]]:
        """Return the ``Authorization`` header for the current token, or None without one."""
        if not self._token:
            return None
        return {"Authorization": f"Bearer {self._token}"}

    def __repr__(self) -> str:
        return f"<Client {self.url} user={self._username or '-'}>"

    # -- sessions ---------------------------------------------------------------------------
    @property
    def session(self) -> requests.Session:
        """This thread's :class:`requests.Session` (one per thread; connections are reused)."""
        session: Optional[requests.Session] = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            # The jar stays empty: an MMAUTHTOKEN cookie would beat the Bearer header and turn on CSRF.
            session.cookies.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
            session.headers["User-Agent"] = self._user_agent
            self._local.session = session
            with self._sessions_lock:
                self._sessions.append(session)
        return session

    def close(self) -> None:
        """Close the sessions of every thread (their pooled connections)."""
        with self._sessions_lock:
            sessions, self._sessions = self._sessions, []
        for session in sessions:
            session.close()
        self._local = threading.local()

    # -- the request core ---------------------------------------------------------------------
    def build_url(self, endpoint: str, basepath: Optional[str] = None) -> str:
        """Return the full URL of ``endpoint`` (already escaped) under ``basepath``.

        ``basepath`` defaults to the API path (``/api/v4`` under the site path); an
        ``endpoint`` that is already an absolute ``http(s)://`` URL is used as it is.
        """
        if endpoint.startswith(("http://", "https://")):
            return endpoint
        path = self.options["basepath"] if basepath is None else basepath
        return base_url(self.options, path + endpoint)

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
        retry: Optional[bool] = None,
    ) -> requests.Response:
        """Send one request and return its :class:`requests.Response`.

        Args:
            method: the HTTP method (any case).
            endpoint: the path under ``basepath`` (already escaped), or an absolute URL.
            options: the JSON body (dict or list).
            params: the query string.
            data: a form or raw body.
            files: multipart files, as for :mod:`requests`.
            basepath: replaces the API base path (e.g. ``/hooks``).
            timeout: seconds, or (connect, read), for this call only.
            headers: extra headers.
            stream: do not read the body yet (downloads).
            retry: ``True`` if the request is safe to repeat (a POST made idempotent),
                ``False`` to repeat only what never reached the server; by default
                idempotent methods are retried.

        Raises:
            ApiError: the server answered 4xx or 5xx (the subclass follows the status).
            TransportError: no answer (connection refused, reset, timed out, TLS failure).

        """
        method = method.upper()
        url = self.build_url(endpoint, basepath)
        if options is None and data is None and files is None and method in BODY_METHODS:
            options = {}  # 7.3.2 always sent a JSON body; some routes refuse a POST/PUT without one
        safe_to_repeat = retry if retry is not None else method in IDEMPOTENT_METHODS
        content_type: Dict[str, str] = {}
        if files is not None:
            # multipart bodies stream: files are read a block at a time, and every pass
            # over the body (a retry) starts again from each file's start
            from .transfer import multipart_body

            body = multipart_body(data, files)
            data, files = body, None
            content_type["Content-Type"] = body.content_type or ""
        rewind = _rewinder(data)
        # a body that can be sent only once is resent only when it surely never left
        can_resend = rewind is not None
        retries: int = self.options["retries"]
        send_headers: Dict[str, str] = {**(self.auth_header() or {}), **content_type}
        if headers:
            send_headers.update(headers)
        attempt = 0
        while True:
            if attempt and rewind is not None:
                rewind()
            started = time.monotonic()
            try:
                response = self.session.request(
                    method,
                    url,
                    json=options,
                    params=params,
                    data=data,
                    files=files,
                    headers=send_headers,
                    auth=self._auth,
                    timeout=timeout if timeout is not None else self.request_timeout,
                    verify=self.options["verify"],
                    proxies=self._proxies,
                    stream=stream,
                    # never followed: a redirect would leave the route the path builder made
                    allow_redirects=False,
                )
            except requests.RequestException as exc:
                cause = type(exc).__name__
                if log.isEnabledFor(logging.DEBUG):
                    log.debug("%s %s -> %s after %.1f ms", method, redact_url(url), cause, _ms(started))
                repeatable = _was_not_sent(exc) or (
                    safe_to_repeat and can_resend and not isinstance(exc, requests.exceptions.SSLError)
                )
                if repeatable and attempt < retries:
                    attempt += 1
                    self._wait(self._backoff(attempt), method, url, cause, attempt)
                    continue
                raise self._transport_error(exc, method, redact_url(url)) from None
            status = response.status_code
            if log.isEnabledFor(logging.DEBUG):
                self._log_response(method, url, response, started, params)
            if status < 300 or status == 304:
                return response
            shown = redact_url(url)
            if status < 400:
                location = redact_url(response.headers.get("Location", ""))
                raise UnexpectedResponse(
                    f"the server redirected to {location or 'another address'}: set url to the final address",
                    status_code=status,
                    method=method,
                    url=shown,
                    response=response,
                )
            error = error_for_status(response, method, shown)
            delay = self._retry_delay(error, safe_to_repeat, attempt) if can_resend else None
            if delay is not None and attempt < retries:
                attempt += 1
                response.close()
                self._wait(delay, method, url, str(status), attempt)
                continue
            raise error

    def _log_response(
        self,
        method: str,
        url: str,
        response: requests.Response,
        started: float,
        params: Optional[Mapping[str, Any]],
    ) -> None:
        """The one DEBUG line of a request: method, path, status, time, request id (never a secret)."""
        request_id = response.headers.get("X-Request-ID") or "-"
        line = "%s %s -> %s in %.1f ms (request id %s)"
        args: List[Any] = [method, redact_url(url), response.status_code, _ms(started), request_id]
        if self.options.get("debug") and params:
            line = line[:-1] + ", params %s)"
            args.append(redact(dict(params)))
        log.debug(line, *args)

    def _backoff(self, attempt: int) -> float:
        """Exponential backoff with jitter: half to all of ``factor * 2**(attempt-1)``, capped."""
        ceiling = min(float(self.options["backoff_max"]), self.options["backoff_factor"] * 2 ** (attempt - 1))
        return random.uniform(ceiling / 2, ceiling)

    def _retry_delay(self, error: ApiError, safe_to_repeat: bool, attempt: int) -> Optional[float]:
        """How long to wait before repeating a request that got ``error``, or None to give up."""
        if isinstance(error, TooManyRequests):
            if error.retry_after is None:
                return self._backoff(attempt + 1)
            if error.retry_after > self.options["retry_after_max"]:
                return None
            return error.retry_after + random.uniform(0, 0.1)
        if not safe_to_repeat:
            return None
        if error.status_code in RETRY_STATUSES or error.error_id == PENDING_POST_ERROR:
            return self._backoff(attempt + 1)
        return None

    def _wait(self, delay: float, method: str, url: str, cause: str, attempt: int) -> None:
        log.info(
            "retrying %s %s after %s in %.2f s (retry %d of %d)",
            method,
            redact_url(url),
            cause,
            delay,
            attempt,
            self.options["retries"],
        )
        self._sleep(delay)

    def _transport_error(self, exc: requests.RequestException, method: str, shown: str) -> TransportError:
        if isinstance(exc, requests.exceptions.SSLError):
            what = "TLS failed (certificate not trusted? see the 'verify' option)"
        elif isinstance(exc, requests.exceptions.Timeout):
            what = "timed out"
        elif _was_not_sent(exc):
            what = "could not connect (wrong url or port, or the server is down)"
        else:
            what = "connection failed"
        return TransportError(f"{what}: {type(exc).__name__}", method=method, url=shown)

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
        if "json" in ctype:
            try:
                return response.json()
            except ValueError:
                raise _unexpected(response, "the server's answer is not valid JSON") from None
        if "html" in ctype:
            raise _unexpected(
                response,
                "the server answered an HTML page, not the Mattermost API: check url, port and basepath",
            )
        return response

    def get(
        self, endpoint: str, options: Any = None, params: Optional[Mapping[str, Any]] = None, **kwargs: Any
    ) -> Any:
        """GET ``endpoint`` and return its JSON (or the Response for binary content)."""
        return self.parse(self.make_request("get", endpoint, options=options, params=params, **kwargs))

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
        return self.parse(
            self.make_request(
                "post", endpoint, options=options, params=params, data=data, files=files, **kwargs
            )
        )

    def put(
        self,
        endpoint: str,
        options: Any = None,
        params: Optional[Mapping[str, Any]] = None,
        data: Any = None,
        **kwargs: Any,
    ) -> Any:
        """PUT to ``endpoint`` and return its JSON."""
        return self.parse(
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
        return self.parse(
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
        return self.parse(
            self.make_request("delete", endpoint, options=options, params=params, data=data, **kwargs)
        )


__all__ = ["Client", "redact", "redact_url"]
