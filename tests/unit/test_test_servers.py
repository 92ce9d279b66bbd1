"""The tests' own servers: once closed, none of them accepts a connection again.

A server whose accept loop outlived its socket once answered a later test's request (sent to
pytest-httpserver's port) with its own canned user (see tests/support/listening.py).
"""

from __future__ import annotations

import socket
from typing import Any, Callable, Iterator, List, Tuple

import pytest

from ..support.faults import FaultProxy
from ..support.ws_server import TcpRelay
from .echo import Router
from .servers import RawServer
from .test_transfer import RawServer as DownloadServer


def _threads(server: Any) -> List[Any]:
    return [value for value in vars(server).values() if hasattr(value, "is_alive")]


SERVERS: List[Tuple[str, Callable[[], Any]]] = [
    ("servers.RawServer", lambda: RawServer(lambda conn: None)),
    ("test_transfer.RawServer", lambda: DownloadServer(b"", drops=[])),
    ("echo.Router", lambda: Router({}, 9)),
    ("faults.FaultProxy", lambda: FaultProxy(("127.0.0.1", 9))),
    ("ws_server.TcpRelay", lambda: TcpRelay(9)),
]


@pytest.fixture(params=[make for _, make in SERVERS], ids=[name for name, _ in SERVERS])
def server(request: pytest.FixtureRequest) -> Iterator[Any]:
    made = request.param()
    yield made
    made.close()


def test_close_ends_the_accept_loop_before_the_socket_closes(server: Any) -> None:
    (thread,) = _threads(server)
    assert thread.is_alive()
    server.close()
    assert not thread.is_alive()  # nothing left to accept on the descriptor number once reused


def test_a_socket_opened_after_close_keeps_its_connections(server: Any) -> None:
    server.close()
    with socket.create_server(("127.0.0.1", 0)) as new:
        new.settimeout(5)
        with socket.create_connection(new.getsockname()):
            conn, _ = new.accept()  # the new socket's, not the closed server's
            conn.close()
