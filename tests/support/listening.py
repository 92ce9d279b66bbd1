"""Stopping the accept loop of a test server before its listening socket is closed.

Closing a socket does not stop a thread that accepts on it, and the descriptor number it frees
goes to the next socket opened, such as another test's server. The loop's next ``accept()`` (one
already past reading the number when the socket closed, under load) then takes a connection of
that server and answers it as its own: a request of a later test answered by an earlier test's
server. So the loop is woken (a listening socket shut down fails its ``accept()``) and waited
for first, and only then is the socket closed.
"""

from __future__ import annotations

import socket
import threading

__all__ = ["stop_accepting"]


def stop_accepting(sock: socket.socket, thread: threading.Thread, timeout: float = 5.0) -> None:
    """End ``thread``, the loop accepting on ``sock`` (it must return on ``OSError``), then close ``sock``."""
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # closed already
    if thread is not threading.current_thread():
        thread.join(timeout)
    sock.close()
