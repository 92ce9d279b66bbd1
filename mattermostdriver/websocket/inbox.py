"""The bounded buffers between a runner and its consumer, and the sinks that fill them.

A runner reads the socket without pause (so that pings are answered and action replies arrive
whatever the consumer does) and hands each message to a sink, which filters it and puts it in
an inbox. An inbox holds at most ``size`` events; when it is full it refuses the next one: the
engine then stops taking events on that connection without moving its sequence, and once the
consumer has taken enough to bring the inbox down to half, ``on_drained`` asks the runner to
reconnect, resuming from the first event refused (see :mod:`.engine`). Nothing is lost in
silence: the server replays what it still has, and a :class:`~.engine.Resync` says when it
had not.

Messages outside the event sequence (``hello``, action replies, frames that are not JSON
objects, resync notices) cannot be fetched again, so they are always taken, up to a hard cap
that only a server flooding them can reach.
"""

from __future__ import annotations

import asyncio
import collections
import logging
import threading
from typing import Any, Callable, Collection, Deque, Dict, Optional

from .engine import Engine, Resync, Sink
from .events import decode_event

__all__ = ["BUFFER", "END", "AsyncInbox", "Inbox", "event_sink", "handler_sink"]

log = logging.getLogger("mattermostdriver.websocket")

#: Events an inbox holds by default before the consumer counts as behind.
BUFFER = 1000
#: Posted by the runner when it ends.
END: Any = object()


class _Box:
    """What both inboxes share: the items, the bound, the refusal and its recovery."""

    def __init__(self, size: int, on_drained: Optional[Callable[[], None]]) -> None:
        if size < 1:
            raise ValueError(f"buffer must be at least 1, got {size}")
        self.size = size
        self.on_drained = on_drained
        self._items: Deque[Any] = collections.deque()
        self._refused = False
        self._drained = False

    def _take(self, item: Any, sequenced: bool) -> bool:
        waiting = len(self._items)
        if waiting >= self.size:
            if sequenced:
                self._refused = True
                return False
            if waiting >= 2 * self.size + 16:
                log.warning("websocket: too many messages outside the event sequence waiting; dropping one")
                return True
        self._items.append(item)
        return True

    def _pop(self) -> Any:
        """Take the first item; ``self._drained`` tells whether the consumer just caught up."""
        item = self._items.popleft()
        self._drained = self._refused and len(self._items) <= self.size // 2
        if self._drained:
            self._refused = False
        return item

    def _caught_up(self) -> None:
        if self._drained and self.on_drained is not None:
            self._drained = False
            self.on_drained()

    def __len__(self) -> int:
        return len(self._items)


class Inbox(_Box):
    """A bounded buffer that one thread fills and another empties."""

    def __init__(self, size: int = BUFFER, on_drained: Optional[Callable[[], None]] = None) -> None:
        super().__init__(size, on_drained)
        self._cond = threading.Condition(threading.Lock())

    def put(self, item: Any, sequenced: bool = False) -> bool:
        """Add ``item``; False when it is a sequenced event and the inbox is full."""
        with self._cond:
            taken = self._take(item, sequenced)
            if taken:
                self._cond.notify()
        return taken

    def end(self) -> None:
        """Post :data:`END` (whatever the bound)."""
        with self._cond:
            self._items.append(END)
            self._cond.notify()

    def get(self) -> Any:
        """The next item (blocking), :data:`END` last."""
        with self._cond:
            while not self._items:
                self._cond.wait()
            if self._items[0] is END:
                return END  # left in place: every later get() sees the end too
            item = self._pop()
        self._caught_up()  # outside the lock: it may close a connection
        return item


class AsyncInbox(_Box):
    """A bounded buffer that a task fills and another empties, on one event loop."""

    def __init__(self, size: int = BUFFER, on_drained: Optional[Callable[[], None]] = None) -> None:
        super().__init__(size, on_drained)
        self._waiter: Optional[asyncio.Future[None]] = None

    def _wake(self) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)

    def put(self, item: Any, sequenced: bool = False) -> bool:
        """Add ``item``; False when it is a sequenced event and the inbox is full."""
        taken = self._take(item, sequenced)
        if taken:
            self._wake()
        return taken

    def end(self) -> None:
        """Post :data:`END` (whatever the bound)."""
        self._items.append(END)
        self._wake()

    async def get(self) -> Any:
        """The next item, :data:`END` last."""
        while not self._items:
            self._waiter = asyncio.get_running_loop().create_future()
            try:
                await self._waiter
            finally:
                self._waiter = None
        if self._items[0] is END:
            return END
        item = self._pop()
        self._caught_up()
        return item


def handler_sink(engine: Engine, put: Callable[[Any, bool], bool]) -> Sink:
    """The sink of the handler front doors: every message, as the handler gets it (``Engine._out``)."""

    def sink(item: Any, message: Optional[Dict[str, Any]], sequenced: bool) -> bool:
        return put(item if message is None else engine._out(item, message), sequenced)

    return sink


def event_channel(message: Dict[str, Any]) -> Any:
    """The channel an event concerns: ``broadcast.channel_id``, else ``data.channel_id``."""
    for key in ("broadcast", "data"):
        part = message.get(key)
        if isinstance(part, dict) and part.get("channel_id"):
            return part["channel_id"]
    return None


def event_sink(
    put: Callable[[Any, bool], bool],
    *,
    decode: bool,
    names: Collection[str] = (),
    channels: Collection[str] = (),
) -> Sink:
    """The sink of the iterators: events only (and resync notices), filtered by name and channel.

    Action replies and frames that are not JSON objects are not events: they are not passed on.
    """

    def sink(item: Any, message: Optional[Dict[str, Any]], sequenced: bool) -> bool:
        if isinstance(item, Resync):
            return put(item, False)
        if message is None or not isinstance(message.get("event"), str):
            return True
        if names and message["event"] not in names:
            return True
        if channels and event_channel(message) not in channels:
            return True
        return put(decode_event(message) if decode else item, sequenced)

    return sink
