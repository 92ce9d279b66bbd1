r"""The total deadline of an attempt, on top of urllib3's per-operation timeouts.

urllib3's connect and read timeouts apply to each socket operation, so a server that
trickles a byte every second never times out. Here every attempt also has a deadline:
each read and write on the connection waits at most until the attempt's ``total`` seconds
are over, and the clock restarts after each :data:`PROGRESS_BLOCK` moved, so a large upload
or download only has to keep moving. The connections of the transport's pools are made of
:class:`DeadlineSocket`\ s; :func:`start` and :func:`clear` set the deadline of the attempt
running on the calling thread, and :func:`deadline` sets it while a streamed body is read.

The pools themselves (:data:`POOL_CLASSES`) keep at most ``idle_max`` connections idle,
closing the others quietly (urllib3 would log "Connection pool is full, discarding
connection"), and :meth:`Tracked.close` ends the connections in use as well as the idle
ones: a thread blocked on one wakes at once with an error, and one waiting for a free
connection is let go.
"""

from __future__ import annotations

import io
import socket
import threading
import time
import weakref
from contextlib import contextmanager
from typing import Any, Dict, Iterator, List, Optional, Type

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ClosedPoolError

from ..timeouts import Timeouts

__all__ = [
    "PROGRESS_BLOCK",
    "POOL_CLASSES",
    "DeadlineSocket",
    "Pools",
    "Tracked",
    "clear",
    "deadline",
    "start",
]

#: Moving this many bytes restarts an attempt's deadline.
PROGRESS_BLOCK = 1024 * 1024
_SEND_PIECE = 256 * 1024


class _Attempt:
    """The deadline of the attempt running on this thread."""

    __slots__ = ("ends", "moved", "read", "total")

    def __init__(self, timeouts: Timeouts) -> None:
        self.read = timeouts.read
        self.total = timeouts.total
        self.ends = time.monotonic() + timeouts.total
        self.moved = 0

    def limit(self, sock: Any) -> None:
        """Give ``sock`` the timeout of its next operation; raise once the deadline has passed."""
        left = self.ends - time.monotonic()
        if left <= 0:
            raise socket.timeout(f"no progress for {self.total:g} s (the attempt's total deadline)")
        wait = left if left < self.read else self.read
        if wait != sock.gettimeout():
            sock.settimeout(wait)

    def moved_bytes(self, count: int) -> None:
        """``count`` bytes moved: each :data:`PROGRESS_BLOCK` starts the deadline again."""
        self.moved += count
        if self.moved >= PROGRESS_BLOCK:
            self.progress()

    def progress(self) -> None:
        """A :data:`PROGRESS_BLOCK` moved: the deadline starts again."""
        self.moved = 0
        self.ends = time.monotonic() + self.total


class _Local(threading.local):
    attempt: Optional[_Attempt] = None


_local = _Local()


class DeadlineSocket:
    """A connected socket whose every read and write also respects the thread's attempt deadline.

    ``http.client`` reads through ``makefile()``, so the file it gets is made over this
    object; everything else is the real socket's.
    """

    def __init__(self, sock: Any) -> None:
        self._sock = sock
        self._io_refs = 0
        self._closed = False
        # what urllib3 asks of the socket at each request goes straight to the real one
        self.settimeout = sock.settimeout
        self.gettimeout = sock.gettimeout
        self.fileno = sock.fileno
        self.shutdown = sock.shutdown

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)

    def recv_into(self, buffer: Any, nbytes: int = 0, flags: int = 0) -> int:
        """Receive into ``buffer``, waiting no longer than the deadline allows."""
        attempt = _local.attempt
        if attempt is None:
            return int(self._sock.recv_into(buffer, nbytes, flags))
        attempt.limit(self._sock)
        count: int = self._sock.recv_into(buffer, nbytes, flags)
        attempt.moved += count
        if attempt.moved >= PROGRESS_BLOCK:
            attempt.progress()
        return count

    def recv(self, bufsize: int, flags: int = 0) -> bytes:
        """Receive, waiting no longer than the deadline allows."""
        data: bytes = self._guarded(self._sock.recv, len, bufsize, flags)
        return data

    def send(self, data: Any, flags: int = 0) -> int:
        """Send, waiting no longer than the deadline allows."""
        count: int = self._guarded(self._sock.send, int, data, flags)
        return count

    def _guarded(self, operation: Any, moved: Any, *args: Any) -> Any:
        """``operation(*args)`` under the deadline; ``moved(result)`` is the bytes it moved."""
        attempt = _local.attempt
        if attempt is not None:
            attempt.limit(self._sock)
        result = operation(*args)
        if attempt is not None:
            attempt.moved_bytes(moved(result))
        return result

    def sendall(self, data: Any, flags: int = 0) -> None:
        """Send all of ``data`` in pieces, each waiting no longer than the deadline allows."""
        attempt = _local.attempt
        if attempt is None:
            self._sock.sendall(data, flags)
        elif len(data) <= _SEND_PIECE:  # a request's head, a JSON body
            attempt.limit(self._sock)
            self._sock.sendall(data, flags)
            attempt.moved_bytes(len(data))
        else:
            view = memoryview(data).cast("B")
            for start in range(0, len(view), _SEND_PIECE):
                piece = view[start : start + _SEND_PIECE]
                attempt.limit(self._sock)
                self._sock.sendall(piece, flags)
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

    def shut(self) -> None:
        """End the connection from another thread: a read or write blocked on it returns at once.

        Only the operating system's socket is shut (not TLS), so that the thread using it
        closes it, as after any broken connection.
        """
        try:
            socket.socket.shutdown(self._sock, socket.SHUT_RDWR)
        except OSError:
            pass  # closed already

    def force_close(self) -> None:
        """Close the real socket now, files made over it or not."""
        self._closed = True
        self._sock.close()


class _Deadline:
    """What the pools' connections add to urllib3's: deadline sockets, and no half-read answer left."""

    sock: Any

    def connect(self) -> None:
        super().connect()  # type: ignore[misc]
        self.sock = DeadlineSocket(self.sock)

    def getresponse(self) -> Any:
        """The answer; if none can be made of what came (malformed headers), the socket closes now.

        urllib3 would leave the half-read answer, and the socket under it, to the garbage collector.
        """
        sock = self.sock
        try:
            return super().getresponse()  # type: ignore[misc]
        except BaseException:
            if isinstance(sock, DeadlineSocket):
                sock.force_close()
            raise


class _DeadlineConnection(_Deadline, HTTPConnection):
    pass


class _DeadlineTLSConnection(_Deadline, HTTPSConnection):
    pass


class Tracked(HTTPConnectionPool):
    """A pool that knows its connections in use, keeps at most :attr:`idle_max` idle, closes them all."""

    #: Whether idle connections beyond :attr:`idle_max` are closed (then getters are counted).
    _trims = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: Every connection it made (each knows whether it is handed out: ``in_use``).
        self.made: weakref.WeakSet[Any] = weakref.WeakSet()
        self._idle_max: Optional[int] = None
        self._getting_lock = threading.Lock()
        self._getting = 0  # callers in _get_conn (waiting for a connection, or about to take one)
        self._closing = False

    @property
    def idle_max(self) -> Optional[int]:
        """The most idle connections kept (the transport sets it; None: as many as the pool holds)."""
        return self._idle_max

    @idle_max.setter
    def idle_max(self, value: Optional[int]) -> None:
        self._idle_max = value
        self._trims = value is not None and self.pool is not None and value < self.pool.maxsize

    def _get_conn(self, timeout: Optional[float] = None) -> Any:
        if self._trims:
            with self._getting_lock:
                self._getting += 1
            try:
                conn: Any = super()._get_conn(timeout)
            finally:
                with self._getting_lock:
                    self._getting -= 1
        else:
            conn = super()._get_conn(timeout)
        if self._closing:  # woken by close(): no new connection on a closed pool
            conn.close()
            raise ClosedPoolError(self, "Pool is closed.")
        conn.in_use = True
        return conn

    def _new_conn(self) -> Any:
        conn: Any = super()._new_conn()
        with self._getting_lock:
            self.made.add(conn)
        return conn

    def _put_conn(self, conn: Any) -> None:
        if conn is not None:
            conn.in_use = False
        super()._put_conn(conn)
        if self._trims and not self._getting:
            for surplus in self._surplus():
                surplus.close()  # quietly: its place is free for a new one

    def _surplus(self) -> List[Any]:
        """Take the idle connections beyond :attr:`idle_max` out of the pool, least recently used first.

        Only while no caller is getting a connection: one that waits takes the next put back.
        """
        queue = self.pool
        if queue is None or self.idle_max is None or self.idle_max >= queue.maxsize:
            return []
        with queue.mutex:
            stack = queue.queue  # a LifoQueue's list: the most recently put last
            if len(stack) - stack.count(None) <= self.idle_max:
                return []
            idle = [i for i, item in enumerate(stack) if item is not None]
            taken = [stack[i] for i in idle[: len(idle) - self.idle_max]]
            for i in idle[: len(taken)]:
                stack[i] = None
        return taken

    def close(self, abort: bool = True) -> None:
        """Close the idle connections and let go of callers waiting for one.

        With ``abort``, the connections in use are shut too (their calls fail at once);
        else each is closed when its call puts it back.
        """
        self._closing = abort
        queue = self.pool
        super().close()
        for conn in self.busy() if abort else ():
            sock = getattr(conn, "sock", None)
            if isinstance(sock, DeadlineSocket):
                sock.shut()
        if queue is not None:
            for _ in range(queue.maxsize):  # wake every caller blocked waiting for a connection
                try:
                    queue.put_nowait(None)
                except Exception:
                    break

    def busy(self) -> List[Any]:
        """The connections in use (their sockets still open)."""
        with self._getting_lock:
            made = list(self.made)
        return [c for c in made if getattr(c, "in_use", False) and getattr(c, "sock", None) is not None]

    def force_close(self) -> None:
        """Close the sockets of the connections still in use, whoever holds them."""
        for conn in self.busy():
            sock = getattr(conn, "sock", None)
            if isinstance(sock, DeadlineSocket):
                sock.force_close()


class Pools:
    """The pools of one transport (every one it made), closed together."""

    def __init__(self) -> None:
        self._pools: weakref.WeakSet[Any] = weakref.WeakSet()

    def add(self, pool: Any) -> None:
        """Note a pool the transport made."""
        self._pools.add(pool)

    def _tracked(self) -> List[Tracked]:
        return [pool for pool in list(self._pools) if isinstance(pool, Tracked)]

    def close(self, abort: bool = True) -> None:
        """Close them (see :meth:`Tracked.close`)."""
        for pool in list(self._pools):
            if isinstance(pool, Tracked):
                pool.close(abort)
            else:  # a SOCKS proxy's
                pool.close()

    def busy(self) -> bool:
        """Whether a connection is still in use."""
        return any(pool.busy() for pool in self._tracked())

    def force_close(self) -> None:
        """Close the sockets still in use, whoever holds them."""
        for pool in self._tracked():
            pool.force_close()


# pyright finds urllib3's own HTTPConnection and HTTPSConnection unfit for the Protocols that
# urllib3 declares ConnectionCls with (a property for the protocol's ``host``, a Final list for its
# ClassVar ``default_socket_options``...): it says so of ``ConnectionCls = HTTPConnection`` as well.
class _Pool(Tracked):
    ConnectionCls = _DeadlineConnection  # pyright: ignore[reportAssignmentType]


class _TLSPool(Tracked, HTTPSConnectionPool):
    ConnectionCls = _DeadlineTLSConnection  # pyright: ignore[reportAssignmentType]


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
