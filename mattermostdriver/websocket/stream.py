"""Events as an iterator: ``with d.events() as events: for event in events`` and ``async for``.

On the same engine as ``init_websocket`` (keepalive, reconnect and resume, the bad-token verdict),
the sync form with the listener in a thread (two with websockets' reader), the async form as a
task of the running loop (no thread). Between the socket and the loop body sits an inbox of at
most ``buffer`` events (see :mod:`mattermostdriver.websocket.inbox` for what happens when the
body is slower than the server). The items are the events only (action replies and frames that
are not JSON objects are not events), and :class:`~mattermostdriver.websocket.Resync` notices
unless ``on_resync`` takes them.
"""

from __future__ import annotations

import inspect
from types import TracebackType
from typing import Any, AsyncIterator, FrozenSet, Generic, Iterable, Iterator, Optional, Type, TypeVar, Union

from .aio import LoopRunner
from .engine import Resync
from .events import ResyncHandler
from .inbox import BUFFER, END, AsyncInbox, Inbox, event_sink
from .listener import Websocket
from .threads import ThreadRunner

__all__ = ["AsyncEvents", "Events", "Names"]

T = TypeVar("T")
#: An event name or channel id, several, or None for all.
Names = Union[None, str, Iterable[str]]


def _names(value: Names, what: str) -> FrozenSet[str]:
    if value is None:
        return frozenset()
    names = frozenset([value] if isinstance(value, str) else value)
    if not names or not all(isinstance(name, str) and name for name in names):
        raise ValueError(f"{what} must be a non-empty string or strings, got {value!r}")
    return names


class _Stream(Generic[T]):
    """What both iterators share: the filters, the buffer, and the run in progress.

    A run is one life of the listener: :meth:`open` (entering the ``with``) starts one, the next
    loop over the stream consumes it, and the end of that loop (its last event, a ``break``, an
    exception) closes it. A later loop starts a new run, which resumes where the last one stopped.
    """

    def __init__(
        self,
        websocket: Websocket,
        *,
        event: Names = None,
        channel_id: Names = None,
        buffer: int = BUFFER,
        on_resync: Optional[ResyncHandler] = None,
    ) -> None:
        if not isinstance(buffer, int) or isinstance(buffer, bool) or buffer < 1:
            raise ValueError(f"buffer must be a positive number of events, got {buffer!r}")
        #: The listener: its actions (``user_typing``...), ``connection_id``, ``connected``...
        self.websocket = websocket
        self.on_resync = on_resync
        self._names = _names(event, "event")
        self._channels = _names(channel_id, "channel_id")
        self._buffer = buffer
        self._runner: Any = None  # the runner of the latest run
        self._unconsumed: Any = None  # (inbox, runner) of a run no loop has taken yet

    def _sink(self, put: Any) -> Any:
        return event_sink(put, decode=self.websocket.decode, names=self._names, channels=self._channels)

    def _take_run(self) -> Any:
        run, self._unconsumed = self._unconsumed, None
        return run


class Events(_Stream[T]):
    """A blocking iterator over a listener's events (``Driver.events()``).

    Entering the ``with`` connects and returns once the first connection is up (its first frame
    came) or has failed; leaving it, or the end of the ``for`` (a ``break`` included), closes the
    connection and joins the listener's thread. Looping again later resumes where the stream
    left off. An error that ends the listener (:class:`~mattermostdriver.exceptions.WebsocketAuthError`,
    or any :class:`~mattermostdriver.exceptions.WebsocketError` without ``keepalive``) is raised
    by the loop after the events that came before it.
    """

    def __enter__(self) -> Events[T]:
        self.open()
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close()

    def open(self) -> None:
        """Start a run (unless one is waiting for its loop) and wait for its first connection."""
        if self._unconsumed is not None:
            return
        inbox = Inbox(self._buffer)
        runner = ThreadRunner(self.websocket, self._sink(inbox.put), on_end=inbox.end)
        inbox.on_drained = runner.resume
        self._runner, self._unconsumed = runner, (inbox, runner)
        self.websocket._launch(runner)
        runner.ready.wait()

    def close(self) -> None:
        """Close the connection and end the listener (idempotent, from any thread)."""
        self._close(self._runner)

    def _close(self, runner: Any) -> None:
        if runner is not None and self.websocket._runner is runner:
            self.websocket.disconnect()

    def __iter__(self) -> Iterator[Union[T, Resync]]:
        self.open()
        inbox, runner = self._take_run()
        try:
            while True:
                item = inbox.get()
                if item is END:
                    break
                if isinstance(item, Resync) and self.on_resync is not None:
                    self.on_resync(item.old_connection_id, item.new_connection_id)
                    continue
                yield item
        finally:
            self._close(runner)
        if self.websocket.error is not None:
            raise self.websocket.error


class AsyncEvents(_Stream[T]):
    """An ``async for`` iterator over a listener's events, on the running loop (``AsyncDriver.events()``).

    As :class:`Events`, with ``async with``; the listener is a task of the loop, no thread.
    ``on_resync`` may be ``async def``.
    """

    async def __aenter__(self) -> AsyncEvents[T]:
        await self.open()
        return self

    async def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        await self.aclose()

    async def open(self) -> None:
        """Start a run (unless one is waiting for its loop) and wait for its first connection."""
        if self._unconsumed is not None:
            return
        inbox = AsyncInbox(self._buffer)
        runner = LoopRunner(self.websocket, self._sink(inbox.put), on_end=inbox.end)
        inbox.on_drained = runner.resume
        self._runner, self._unconsumed = runner, (inbox, runner)
        self.websocket._launch(runner)
        await runner.ready.wait()

    async def aclose(self) -> None:
        """Close the connection and end the listener (idempotent)."""
        await self._close(self._runner)

    async def _close(self, runner: Optional[LoopRunner]) -> None:
        if runner is not None and self.websocket._runner is runner:
            self.websocket.disconnect()
            await runner.finished()

    async def __aiter__(self) -> AsyncIterator[Union[T, Resync]]:
        await self.open()
        inbox, runner = self._take_run()
        try:
            while True:
                item = await inbox.get()
                if item is END:
                    break
                if isinstance(item, Resync) and self.on_resync is not None:
                    result = self.on_resync(item.old_connection_id, item.new_connection_id)
                    if inspect.isawaitable(result):
                        await result
                    continue
                yield item
        finally:
            await self._close(runner)
        if self.websocket.error is not None:
            raise self.websocket.error
