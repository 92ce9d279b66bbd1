"""The fake's HTTP side: one threaded server on 127.0.0.1 for REST, webhooks and the websocket.

Every request is parsed here (body by ``Content-Length`` or chunked), recorded, checked against
the fault switches, authenticated (``Authorization: Bearer``/``Token``, or the ``MMAUTHTOKEN``
cookie), and routed; ``GET /api/v4/websocket`` with an ``Upgrade`` header becomes a websocket on
the same socket (:mod:`.wsconn`). Each open connection is tracked so that closing the server
ends them all and joins their threads.
"""

from __future__ import annotations

import json
import socket
import threading
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, NamedTuple, Optional, Pattern, Set, Tuple, cast
from urllib.parse import parse_qsl, unquote, urlsplit

from . import models
from .store import AppError, bad_body_param

__all__ = ["Call", "Fault", "HttpServer", "Reply", "Incoming", "Route"]

API_V4 = "/api/v4"
VERSION_ID = f"{models.SERVER_VERSION}.fake.fake.false"


class Call(NamedTuple):
    """One request the fake answered."""

    method: str
    path: str
    query: Dict[str, str]
    status: int
    user_id: Optional[str]
    body: Any  # the JSON body, or None


class Fault(NamedTuple):
    """A fault switch: answer ``status`` (429, 500...) or cut the connection (``status`` 0)."""

    status: int
    method: Optional[str]
    path: Optional[str]  # matched against the request path as a prefix
    retry_after: Optional[int]
    error_id: str


class Reply:
    """An answer: a JSON value (``body``), or raw bytes with their content type."""

    def __init__(
        self,
        status: int = 200,
        body: Any = None,
        *,
        raw: Optional[bytes] = None,
        content_type: str = "application/json",
        headers: Optional[Dict[str, str]] = None,
    ) -> None:
        self.status = status
        self.raw = raw if raw is not None else json.dumps(body, separators=(",", ":")).encode()
        self.content_type = content_type
        self.headers = dict(headers or {})


class Incoming:
    """What a route handler gets."""

    def __init__(self, method: str, path: str, query: Dict[str, str], headers: Any, body: bytes) -> None:
        self.method, self.path, self.query, self.headers, self.body = method, path, query, headers, body
        self.params: Dict[str, str] = {}
        self.user_id: Optional[str] = None
        self.request_id = models.new_id()
        self.token: Optional[str] = None

    @property
    def me(self) -> str:
        """The session's user id; 401 when the request has no valid session."""
        if self.user_id is None:
            raise AppError(
                401,
                "api.context.session_expired.app_error",
                "Invalid or expired session, please login again.",
            )
        return self.user_id

    def json(self, name: str) -> Any:
        """The JSON body; 400 ``invalid_body_param`` naming ``name`` when it is not JSON."""
        try:
            return json.loads(self.body or b"null")
        except ValueError:
            raise bad_body_param(name) from None

    def object(self, name: str) -> Dict[str, Any]:
        """The JSON body, which must be an object (400 naming ``name`` otherwise)."""
        value = self.json(name)
        if not isinstance(value, dict):
            raise bad_body_param(name)
        return value


Handler = Callable[[Incoming], Any]


class Route(NamedTuple):
    """One REST route: its method, path pattern and handler."""

    method: str
    pattern: Pattern[str]
    handler: Handler


class _Handler(BaseHTTPRequestHandler):
    """One HTTP connection (keep-alive: several requests in a row)."""

    protocol_version = "HTTP/1.1"

    @property
    def fake(self) -> HttpServer:
        """The server this connection came to (``self.server``, typed as what it is)."""
        return cast("HttpServer", self.server)

    def setup(self) -> None:
        """Send each answer at once (no Nagle delay between its head and its body)."""
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the calls are recorded
        pass

    def _body(self) -> bytes:
        """The request body, read by ``Content-Length`` or chunked (empty when there is none)."""
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks: List[bytes] = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _any(self) -> None:
        split = urlsplit(self.path)
        path = unquote(split.path)
        query = dict(parse_qsl(split.query, keep_blank_values=True))
        if self.command == "GET" and self.headers.get("Upgrade", "").lower() == "websocket":
            self.close_connection = True
            self.fake.websocket(self, query)
            return
        request = Incoming(self.command, path, query, self.headers, self._body())
        reply = self.fake.answer(request)
        if reply is None:  # a fault that cuts the connection
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.raw)))
        self.send_header("X-Request-Id", request.request_id)
        self.send_header("X-Version-Id", VERSION_ID)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.raw)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _any  # noqa: N815


class HttpServer(ThreadingHTTPServer):
    """The listening socket on 127.0.0.1 (a free port) and its connection threads."""

    daemon_threads = True

    def __init__(
        self,
        answer: Callable[[Incoming], Optional[Reply]],
        websocket: Callable[[_Handler, Dict[str, str]], None],
    ) -> None:
        self.answer = answer
        #: Runs an upgrade request (the connection's handler, the query) as a websocket.
        self.websocket = websocket
        self._open: Set[socket.socket] = set()
        self._conn_threads: List[threading.Thread] = []
        self._open_lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        """Serve the connection in a thread of its own, tracked so that closing ends it."""
        with self._open_lock:
            self._open.add(request)
            self._conn_threads = [t for t in self._conn_threads if t.is_alive()]
            thread = threading.Thread(
                target=self.process_request_thread,
                args=(request, client_address),
                name="fake-mattermost-connection",
                daemon=True,
            )
            self._conn_threads.append(thread)
        thread.start()

    def shutdown_request(self, request: Any) -> None:
        """Forget a connection that ended."""
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_all(self, timeout: float = 5.0) -> None:
        """Stop accepting, end every open connection and join its thread."""
        self.shutdown()
        with self._open_lock:
            sockets, threads = list(self._open), list(self._conn_threads)
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        for thread in threads:
            thread.join(timeout)
        self.server_close()


def compile_route(method: str, template: str, handler: Handler) -> Route:
    """``/users/{user_id}/teams`` -> a pattern with one named group per ``{name}``."""
    import re

    pattern = re.escape(template).replace(r"\{", "{").replace(r"\}", "}")
    pattern = re.sub(r"{(\w+)}", r"(?P<\1>[^/]+)", pattern)
    return Route(method, re.compile(pattern + r"\Z"), handler)


def session_token(headers: Any) -> Optional[str]:
    """The token of a request, where the server looks for it (the cookie first)."""
    cookie = headers.get("Cookie")
    if cookie:
        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(cookie)
        except Exception:
            jar = SimpleCookie()
        if "MMAUTHTOKEN" in jar:
            return jar["MMAUTHTOKEN"].value
    auth = headers.get("Authorization") or ""
    scheme, _, value = auth.partition(" ")
    if scheme.lower() in ("bearer", "token") and value.strip():
        return value.strip()
    return None


def error_reply(error: AppError, request_id: str) -> Reply:
    body = models.app_error(error.error_id, error.message, error.status, request_id, error.detailed_error)
    return Reply(error.status, body)


def not_found(path: str) -> Reply:
    """The server's answer to a URL it has no route for (no request id, as the server's)."""
    detail = (
        f"There doesn't appear to be an api call for the url='{path}'.  "
        "Typo? are you missing a team_id or user_id as part of the url?"
    )
    body = {
        "id": "api.context.404.app_error",
        "message": "Sorry, we could not find the page.",
        "detailed_error": detail,
        "status_code": 404,
    }
    return Reply(404, body)


def match(routes: List[Route], method: str, path: str) -> Tuple[Optional[Route], Dict[str, str]]:
    """The route for ``method path`` (a GET route answers HEAD too) and its parameters."""
    for route in routes:
        found = route.pattern.match(path)
        if found is not None and (route.method == method or (method == "HEAD" and route.method == "GET")):
            return route, found.groupdict()
    return None, {}
