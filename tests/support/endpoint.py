"""A bot's own HTTP endpoint for slash commands and message buttons, on loopback (a fixture).

``/command`` answers a slash command ``in_channel`` with ``"echo: <text>"``; ``/action`` answers
a button with an ``update`` of the post (``"clicked by <user>"``) and an ``ephemeral_text``.
Each request is put on the queue the fixture gives, as ``("command", form)`` or
``("action", payload)``.
"""

from __future__ import annotations

import json
import queue
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any, Iterator, Tuple
from urllib.parse import parse_qsl

import pytest

__all__ = ["Endpoint", "endpoint"]


class Endpoint(BaseHTTPRequestHandler):
    """The bot's own HTTP endpoint for slash commands and buttons."""

    received: queue.Queue[Tuple[str, Any]]

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.path == "/command":
            form = dict(parse_qsl(body.decode()))
            self.received.put(("command", form))
            answer = {"response_type": "in_channel", "text": "echo: " + form["text"]}
        else:
            payload = json.loads(body)
            self.received.put(("action", payload))
            answer = {"update": {"message": "clicked by " + payload["user_name"]}, "ephemeral_text": "done"}
        raw = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)


@pytest.fixture
def endpoint() -> Iterator[Tuple[str, queue.Queue[Tuple[str, Any]]]]:
    received: queue.Queue[Tuple[str, Any]] = queue.Queue()
    handler = type("Handler", (Endpoint,), {"received": received})
    server = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,))
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", received
    server.shutdown()
    server.server_close()
    thread.join()
