r"""The total deadline of an attempt, on top of urllib3's per-operation timeouts.

urllib3's connect and read timeouts apply to each socket operation, so a server that
trickles a byte every second never times out. Here every attempt also has a deadline:
each read and write on the connection waits at most until the attempt's ``total`` seconds
are over, and the clock restarts after each :data:`PROGRESS_BLOCK` moved, so a large upload
or download only has to keep moving. The connections of the transport's pools are made of
:class:`DeadlineSocket`\ s; :func:`start` and :func:`clear` set the deadline of the attempt
running on the calling thread, and :func:`deadline` sets it while a streamed body is read.
"""

from __future__ import annotations

import io
import socket
import threading
import time
from contextlib import contextmanager
from typing import Any, Dict, Iterator, Optional, Type

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from .options import Timeouts

__all__ = ["PROGRESS_BLOCK", "POOL_CLASSES", "DeadlineSocket", "clear", "deadline", "start"]

#: Moving this many bytes restarts an attempt's deadline.
PROGRESS_BLOCK = 1024 * 1024
_SEND_PIECE = 256 * 1024

_local = threading.local()


class _Attempt:
    """The deadline of the attempt running on this thread."""

    __slots__ = ("ends", "moved", "read", "total")

    def __init__(self, timeouts: Timeouts) -> None:
        self.read = timeouts.read
        self.total = timeouts.total
        self.ends = time.monotonic() + timeouts.total
        self.moved = 0

    def wait(self) -> float:
        """The timeout for the next socket operation; raises once the deadline has passed."""
        left = self.ends - time.monotonic()
        if left <= 0:
            raise socket.timeout(f"no progress for {self.total:g} s (the attempt's total deadline)")
        return left if left < self.read else self.read

    def moved_bytes(self, count: int) -> None:
        self.moved += count
        if self.moved >= PROGRESS_BLOCK:
            self.moved = 0
            self.ends = time.monotonic() + self.total


class DeadlineSocket:
    """A connected socket whose every read and write also respects the thread's attempt deadline.

    ``http.client`` reads through ``makefile()``, so the file it gets is made over this
    object; everything else is the real socket's.
    """

    def __init__(self, sock: Any) -> None:
        self._sock = sock
        self._io_refs = 0
        self._closed = False
        self._timeout: Optional[float] = sock.gettimeout()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)

    def _limit(self) -> Optional[_Attempt]:
        attempt: Optional[_Attempt] = getattr(_local, "attempt", None)
        if attempt is not None:
            wait = attempt.wait()
            if wait != self._timeout:
                self._sock.settimeout(wait)
                self._timeout = wait
        return attempt

    def settimeout(self, value: Optional[float]) -> None:
        """Set the socket timeout (urllib3 sets the read timeout so)."""
        self._sock.settimeout(value)
        self._timeout = value

    def recv_into(self, buffer: Any, nbytes: int = 0, flags: int = 0) -> int:
        """Receive into ``buffer``, waiting no longer than the deadline allows."""
        attempt = self._limit()
        count: int = self._sock.recv_into(buffer, nbytes, flags)
        if attempt is not None:
            attempt.moved_bytes(count)
        return count

    def recv(self, bufsize: int, flags: int = 0) -> bytes:
        """Receive, waiting no longer than the deadline allows."""
        attempt = self._limit()
        data: bytes = self._sock.recv(bufsize, flags)
        if attempt is not None:
            attempt.moved_bytes(len(data))
        return data

    def send(self, data: Any, flags: int = 0) -> int:
        """Send, waiting no longer than the deadline allows."""
        attempt = self._limit()
        count: int = self._sock.send(data, flags)
        if attempt is not None:
            attempt.moved_bytes(count)
        return count

    def sendall(self, data: Any, flags: int = 0) -> None:
        """Send all of ``data`` in pieces, each waiting no longer than the deadline allows."""
        view = memoryview(data).cast("B")
        for start in range(0, len(view), _SEND_PIECE):
            piece = view[start : start + _SEND_PIECE]
            attempt = self._limit()
            self._sock.sendall(piece, flags)
            if attempt is not None:
                attempt.moved_bytes(len(piece))

    def makefile(self, mode: str = "r", buffering: Optional[int] = None, **kwargs: Any) -> Any:
        """The file ``http.client`` reads the answer from, made over this socket."""
        if mode not in ("r", "rb") or kwargs:
            return self._sock.makefile(mode, buffering, **kwargs)
        self._io_refs += 1
        raw = socket.SocketIO(self, "rb")  # type: ignore[arg-type]
        return io.BufferedReader(raw, io.DEFAULT_BUFFER_SIZE if buffering in (None, -1) else buffering)

    def _decref_socketios(self) -> None:
        if self._io_refs > 0:
            self._io_refs -= 1
        if self._closed and self._io_refs <= 0:
            self._sock.close()

    def close(self) -> None:
        """Close (the real socket closes once no file made over it is open)."""
        self._closed = True
        if self._io_refs <= 0:
            self._sock.close()

    def close_now(self) -> None:
        """Close the real socket now, whatever still reads from it (a broken answer)."""
        self._closed = True
        self._sock.close()


def _answer(conn: HTTPConnection, getresponse: Any) -> Any:
    """The connection's answer; if none can be made of what came (malformed headers), its socket closes now.

    urllib3 would leave the half-read answer, and the socket under it, to the garbage collector.
    """
    sock = conn.sock
    try:
        return getresponse()
    except BaseException:
        if isinstance(sock, DeadlineSocket):
            sock.close_now()
        raise


class _Connection(HTTPConnection):
    def connect(self) -> None:
        super().connect()
        self.sock = DeadlineSocket(self.sock)

    def getresponse(self) -> Any:
        return _answer(self, super().getresponse)


class _TLSConnection(HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        self.sock = DeadlineSocket(self.sock)

    def getresponse(self) -> Any:
        return _answer(self, super().getresponse)


class _Pool(HTTPConnectionPool):
    ConnectionCls = _Connection


class _TLSPool(HTTPSConnectionPool):
    ConnectionCls = _TLSConnection


POOL_CLASSES: Dict[str, Type[HTTPConnectionPool]] = {"http": _Pool, "https": _TLSPool}


def start(timeouts: Timeouts) -> None:
    """Give the attempt that starts on this thread its deadline."""
    _local.attempt = _Attempt(timeouts)


def clear() -> None:
    """The attempt on this thread is over (a streamed body is read under :func:`deadline`)."""
    _local.attempt = None


@contextmanager
def deadline(timeouts: Timeouts) -> Iterator[None]:
    """Read (part of) a streamed body under an attempt's deadline."""
    start(timeouts)
    try:
        yield
    finally:
        clear()
