"""A fault-injecting TCP proxy for HTTP/1.1 on loopback: it can lose the answer of a chosen request.

Each client connection gets its own upstream connection; bytes from the client go upstream at
once. Before a request's answer comes back, :attr:`FaultProxy.fault` is asked what to do with
it, by the request's first line (``"POST /api/v4/posts HTTP/1.1"``):

* ``"pass"``: forward the answer;
* ``"reset"``: the request reached the server, its answer is lost: close the client connection;
* ``"hold:<seconds>"``: keep the answer that long (the client times out meanwhile), then close;
* ``"refuse"``: close the client connection before the request goes upstream (it never arrives).

Used by the functional tests (the server is the real one) and by ``bench/faults.py``.
"""

from __future__ import annotations

import socket
import threading
from typing import Callable, List, Optional, Tuple

from .listening import stop_accepting

Fault = Callable[[str], str]


class FaultProxy:
    """A proxy on 127.0.0.1 in front of ``upstream`` (host, port); ``url`` is its base URL."""

    def __init__(self, upstream: Tuple[str, int], fault: Optional[Fault] = None) -> None:
        self.upstream = upstream
        self.fault: Fault = fault or (lambda line: "pass")
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        #: (request line, what was done) for every request seen
        self.log: List[Tuple[str, str]] = []
        self._lock = threading.Lock()
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._closed.set()
        stop_accepting(self.sock, self._thread)

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(self.upstream, timeout=10)
        except OSError:
            client.close()
            return
        state = {"action": "pass"}
        answers = threading.Thread(target=self._answers, args=(upstream, client, state), daemon=True)
        answers.start()
        try:
            while True:
                data = client.recv(65536)
                if not data:
                    break
                line = _request_line(data)
                if line:
                    action = self.fault(line)
                    with self._lock:
                        self.log.append((line, action))
                    if action == "refuse":
                        break
                    state["action"] = action
                upstream.sendall(data)
        except OSError:
            pass
        finally:
            _close(client)
            _close(upstream)

    def _answers(self, upstream: socket.socket, client: socket.socket, state: dict) -> None:  # type: ignore[type-arg]
        try:
            while True:
                data = upstream.recv(65536)
                if not data:
                    break
                action = state["action"]
                if action == "reset":
                    break
                if action.startswith("hold:"):
                    self._closed.wait(float(action.split(":", 1)[1]))
                    break
                client.sendall(data)
        except OSError:
            pass
        finally:
            _close(client)
            _close(upstream)


def _request_line(data: bytes) -> str:
    """The request line that starts ``data``, if it starts with one."""
    head = data[:200].split(b"\r\n", 1)[0]
    for method in (b"GET ", b"POST ", b"PUT ", b"PATCH ", b"DELETE ", b"HEAD "):
        if head.startswith(method):
            return head.decode("latin-1")
    return ""


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()


def once(match: str, action: str, then: str = "pass") -> Fault:
    """A fault that does ``action`` to the first request whose line contains ``match``."""
    done = threading.Event()

    def fault(line: str) -> str:
        if match in line and not done.is_set():
            done.set()
            return action
        return then

    return fault
