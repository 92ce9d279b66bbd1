"""Small real servers on loopback for the transport tests: raw TCP with scripted answers."""

from __future__ import annotations

import datetime
import json
import socket
import threading
from typing import Any, Callable, Iterator, Optional

import pytest
import requests

from ..support.listening import stop_accepting

USER = {"id": "u1", "username": "bob"}


class RawServer:
    """A TCP server on loopback whose connections are handled by ``serve(conn)``; it records them."""

    def __init__(self, serve: Callable[[socket.socket], None]) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.serve = serve
        self.accepted = 0
        self.hung_up = 0  # connections the client closed (keepalive_server)
        self.closed_by_peer = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted += 1
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            try:
                self.serve(conn)
            except OSError:
                pass

    def close(self) -> None:
        stop_accepting(self.sock, self._thread)


def read_request(conn: socket.socket) -> bytes:
    """Read one request head (and a Content-Length body); b"" when the peer closed."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return b""
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
            while len(body) < length:
                body += conn.recv(65536)
    return head


def json_answer(value: Any, status: str = "200 OK", extra: str = "") -> bytes:
    body = json.dumps(value).encode()
    return (
        f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n{extra}\r\n"
    ).encode() + body


def check_response(response: Any) -> None:
    """What requests' own Response has (made when first read by the transports' responses)."""
    assert response.json() == USER
    assert response.cookies.get("MMAUTHTOKEN") == "cookie-token"
    assert response.encoding == "ISO-8859-1"
    assert isinstance(response.elapsed, datetime.timedelta) and response.elapsed.total_seconds() >= 0
    assert not hasattr(response, "no_such_attribute")
    response.encoding, response.elapsed = "utf-8", datetime.timedelta(seconds=2)
    response.cookies = requests.cookies.cookiejar_from_dict({"a": "b"})
    assert (response.encoding, response.elapsed.total_seconds(), dict(response.cookies)) == (
        "utf-8",
        2,
        {"a": "b"},
    )


@pytest.fixture
def keepalive_server() -> Iterator[RawServer]:
    """Answers every request on a connection with the user, until the client closes it."""
    server: Optional[RawServer] = None

    def serve(conn: socket.socket) -> None:
        while read_request(conn):
            conn.sendall(json_answer(USER))
        assert server is not None
        server.hung_up += 1
        server.closed_by_peer.set()

    server = RawServer(serve)
    yield server
    server.close()


@pytest.fixture
def cookie_server() -> Iterator[RawServer]:
    """Answers every request with the user, a session cookie and a Latin-1 charset (see check_response)."""

    def serve(conn: socket.socket) -> None:
        while read_request(conn):
            conn.sendall(
                json_answer(USER, extra="Set-Cookie: MMAUTHTOKEN=cookie-token; Path=/\r\n").replace(
                    b"application/json", b"application/json; charset=ISO-8859-1"
                )
            )

    server = RawServer(serve)
    yield server
    server.close()


@pytest.fixture
def silent_server() -> Iterator[RawServer]:
    """Accepts, reads each request, and never answers (until the test ends)."""
    done = threading.Event()

    def serve(conn: socket.socket) -> None:
        read_request(conn)
        done.wait(30)

    server = RawServer(serve)
    yield server
    done.set()
    server.close()
