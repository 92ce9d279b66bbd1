"""A local HTTP echo server for the concurrency tests: every answer carries what its own request sent.

It speaks HTTP/1.1 with keep-alive (plain or TLS), one thread per connection, and counts the
connections open at once, so that a test sees cross-talk (an answer handed to another
caller), the cap on connections (counted here, at the server) and what a close leaves open.
A request whose path holds ``/slow`` is not answered until :attr:`EchoServer.release` is set
(meanwhile its connection reads nothing, not even a TLS close).
"""

from __future__ import annotations

import json
import os
import socket
import socketserver
import ssl
import threading
from http.server import BaseHTTPRequestHandler
from typing import Any, Dict, Optional, Set
from urllib.parse import parse_qsl, urlsplit

import trustme

from ..support.listening import stop_accepting


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self) -> None:
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # head and body: two writes
        if self.server.tls is not None:
            self.request = self.server.tls.wrap_socket(self.request, server_side=True)
        super().setup()
        self.server.echo.opened()

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            if self.server.tls is not None:
                self.request.close()  # the TLS socket took the accepted one's descriptor over
            self.server.echo.closed()

    def log_message(self, *args: Any) -> None:
        pass

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        parts = urlsplit(self.path)
        if "/slow" in parts.path:
            self.server.echo.slow_waiting()
            self.server.echo.release.wait(30)
        try:
            body: Any = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("latin-1")
        answer: Dict[str, Any] = {
            "method": self.command,
            "path": parts.path,
            "query": dict(parse_qsl(parts.query)),
            "body": body,
            "id": parts.path.rsplit("/", 1)[-1],
            "username": "echo",
            "authorization": self.headers.get("Authorization", ""),
        }
        if isinstance(body, dict):
            answer.update(body)  # a created post carries its own message and pending_post_id
        token = ""
        if parts.path.endswith("/users/login"):  # a password login opens a session
            token = self.server.echo.new_session()
            answer.update(id="u" * 26, username=str((body or {}).get("login_id")))
        elif parts.path.endswith("/users/logout"):
            self.server.echo.logged_out(answer["authorization"])
            answer = {"status": "OK"}
        data = json.dumps(answer).encode()
        self.send_response(201 if self.command == "POST" and not token else 200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        if token:
            self.send_header("Token", token)
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = _answer  # noqa: N815 - http.server's names


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 1024

    def __init__(self, echo: EchoServer, tls: Optional[ssl.SSLContext]) -> None:
        self.echo = echo
        self.tls = tls
        super().__init__(("127.0.0.1", 0), _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hangs up mid-request is no news here


class EchoServer:
    """The echo server on 127.0.0.1 (``tls=True``: a certificate of its own CA, :attr:`ca_path`)."""

    def __init__(self, tls: bool = False, ca_dir: str = "") -> None:
        self.release = threading.Event()
        self._lock = threading.Lock()
        self.open = 0
        self.max_open = 0
        self.accepted = 0
        self.slow = 0
        #: The sessions opened by a password login and not logged out.
        self.sessions: Set[str] = set()
        self.logins = 0
        context: Optional[ssl.SSLContext] = None
        self.ca_path = ""
        if tls:
            ca = trustme.CA()
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ca.issue_cert("127.0.0.1").configure_cert(context)
            self.ca_path = os.path.join(ca_dir, "echo-ca.pem")
            ca.cert_pem.write_to_path(self.ca_path)
        self._server = _Server(self, context)
        self.port: int = self._server.server_address[1]
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    def options(self, **extra: Any) -> Dict[str, Any]:
        """Driver options for this server (its CA trusted)."""
        options: Dict[str, Any] = {"url": self.url, "token": "t"}
        if self.ca_path:
            options["verify"] = self.ca_path
        return {**options, **extra}

    def opened(self) -> None:
        with self._lock:
            self.open += 1
            self.accepted += 1
            self.max_open = max(self.max_open, self.open)

    def closed(self) -> None:
        with self._lock:
            self.open -= 1

    def slow_waiting(self) -> None:
        with self._lock:
            self.slow += 1

    def new_session(self) -> str:
        with self._lock:
            self.logins += 1
            token = f"session-{self.logins}"
            self.sessions.add(token)
            return token

    def logged_out(self, authorization: str) -> None:
        with self._lock:
            self.sessions.discard(authorization.replace("Bearer ", ""))

    def close(self) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()


class Router:
    """A TCP front on loopback that hands each connection to a backend by its first request line.

    So that one driver URL reaches the echo server for REST and a fake websocket endpoint for
    ``/api/v4/websocket``.
    """

    def __init__(self, routes: Dict[str, int], default: int) -> None:
        self.routes, self.default = routes, default
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port: int = self.sock.getsockname()[1]
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._route, args=(client,), daemon=True).start()

    def _route(self, client: socket.socket) -> None:
        head = b""
        while b"\r\n" not in head:
            head = client.recv(4096, socket.MSG_PEEK)
            if not head:
                client.close()
                return
        path = head.split(b" ", 2)[1].decode("latin-1")
        port = next((p for prefix, p in self.routes.items() if path.startswith(prefix)), self.default)
        try:
            backend = socket.create_connection(("127.0.0.1", port))
        except OSError:
            client.close()
            return
        for src, dst in ((client, backend), (backend, client)):
            threading.Thread(target=_pump, args=(src, dst), daemon=True).start()

    def close(self) -> None:
        stop_accepting(self.sock, self._thread)


def _pump(src: socket.socket, dst: socket.socket) -> None:
    try:
        while True:
            data = src.recv(65536)
            if not data:
                break
            dst.sendall(data)
    except OSError:
        pass
    for sock in (src, dst):
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
    src.close()


def client_sockets(port: int) -> Set[int]:
    """The inodes of this process's TCP sockets connected to ``port`` (its client side)."""
    inodes = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(int(target[8:-1]))
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as lines:
                next(lines)
                for line in lines:
                    fields = line.split()
                    remote_port = int(fields[2].rsplit(":", 1)[1], 16)
                    inode = int(fields[9])
                    if remote_port == port and inode in inodes:
                        found.add(inode)
        except OSError:
            continue
    return found
