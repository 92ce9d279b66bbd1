"""Client actions on the current connection (``user_typing``, ``get_statuses``...) and their replies.

Request seqs start at 1 on each connection. The server answers with ``{"status", "seq_reply",
"data"?, "error"?}``; the engine passes each answer on like every message and the runner that
holds the connection completes the matching wait (:mod:`.threads`, :mod:`.aio`). The actions
work from any thread, and with :meth:`Actions.send_action_async` from any event loop.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Literal, Mapping, Optional, Protocol, Union, overload

from ..exceptions import WebsocketError
from ..redaction import clean
from .engine import Engine

__all__ = ["MAX_FRAME", "Actions", "Runner", "action_frame", "reply_result"]

MAX_FRAME = 8 * 1024  # the server closes the socket on a bigger client frame


class Runner(Protocol):
    """What a listener asks of the runner that holds its connection (:mod:`.threads`, :mod:`.aio`)."""

    @property
    def connected(self) -> bool:
        """Whether a connection is open."""
        ...

    @property
    def alive(self) -> bool:
        """Whether the runner runs (connected, or waiting to reconnect)."""
        ...

    @property
    def stopping(self) -> bool:
        """Whether :meth:`stop` was called."""
        ...

    def stop(self) -> None:
        """End the runner and close its connection, from any thread."""
        ...

    def join(self, timeout: Optional[float]) -> bool:
        """Wait for the runner to end; True if it has."""
        ...

    def can_wait(self) -> bool:
        """Whether :meth:`join` can wait here (not on the runner's own thread or loop)."""
        ...

    def send_action(
        self, action: str, data: Optional[Mapping[str, Any]], *, wait: bool, timeout: float
    ) -> Union[int, Dict[str, Any]]:
        """Send an action from plain code."""
        ...

    async def send_action_async(
        self, action: str, data: Optional[Mapping[str, Any]], *, wait: bool, timeout: float
    ) -> Union[int, Dict[str, Any]]:
        """Send an action from a coroutine."""
        ...


def action_frame(seq: int, action: str, data: Optional[Mapping[str, Any]]) -> str:
    """The frame of one action; ValueError when it is over the server's 8 KiB limit."""
    frame = json.dumps({"seq": seq, "action": action, "data": dict(data or {})})
    if len(frame.encode()) > MAX_FRAME:
        raise ValueError(f"websocket action {action!r} is over {MAX_FRAME} bytes")
    return frame


def reply_result(action: str, seq: int, reply: Optional[Dict[str, Any]], url: str) -> Dict[str, Any]:
    """The reply of a waited action, or the exception: closed before it came, or ``FAIL``."""
    if reply is None:
        raise WebsocketError(f"websocket closed before the reply to {action!r} (seq {seq})", url=url)
    if reply.get("status") != "OK":
        raise _failure(action, reply, url)
    return reply


def not_connected(action: str, url: str) -> WebsocketError:
    return WebsocketError(f"websocket not connected; cannot send {action!r}", url=url)


def no_reply(action: str, seq: int, timeout: float, url: str) -> WebsocketError:
    return WebsocketError(f"no reply to websocket action {action!r} (seq {seq}) within {timeout} s", url=url)


def closed_while_sending(action: str, url: str) -> WebsocketError:
    return WebsocketError(f"websocket closed while sending {action!r}", url=url)


class Actions(Engine):
    """The actions of a :class:`~mattermostdriver.websocket.Websocket`."""

    #: The runner of the listener while it runs (its connection), else None.
    _runner: Optional[Runner] = None

    @overload
    def send_action(
        self,
        action: str,
        data: Optional[Mapping[str, Any]] = None,
        *,
        wait: Literal[False] = False,
        timeout: float = 10.0,
    ) -> int: ...

    @overload
    def send_action(
        self,
        action: str,
        data: Optional[Mapping[str, Any]] = None,
        *,
        wait: Literal[True],
        timeout: float = 10.0,
    ) -> Dict[str, Any]: ...

    def send_action(
        self,
        action: str,
        data: Optional[Mapping[str, Any]] = None,
        *,
        wait: bool = False,
        timeout: float = 10.0,
    ) -> Union[int, Dict[str, Any]]:
        """Send ``{"seq", "action", "data"}`` on the current connection.

        Request seqs start at 1 on each connection. The server's ``seq_reply`` answer is passed
        to the handler like every message; with ``wait=True`` it is also returned.

        Args:
            action: the action name (``user_typing``, ``get_statuses``, ``ping``, ...).
            data: the action's ``data`` object.
            wait: block until the matching reply comes. On the event loop the listener itself
                runs on (``await ws.connect()``, ``AsyncDriver.events()``) that would block the
                loop that receives the reply: there it raises, and
                :meth:`send_action_async` waits instead.
            timeout: seconds to wait for the reply.

        Returns:
            the request's ``seq``, or with ``wait=True`` the reply dict (``status`` ``OK``).

        Raises:
            WebsocketError: not connected, the connection closed, no reply within ``timeout``,
                or the reply's status is ``FAIL``.
            ValueError: the frame is over the server's 8 KiB limit.

        """
        runner = self._runner
        if runner is None:
            raise not_connected(action, self.url)
        return runner.send_action(action, data, wait=wait, timeout=timeout)

    async def send_action_async(
        self,
        action: str,
        data: Optional[Mapping[str, Any]] = None,
        *,
        wait: bool = False,
        timeout: float = 10.0,
    ) -> Any:
        """:meth:`send_action`, awaitable: what a handler or a task on an event loop calls.

        On the loop the listener runs on (``await ws.connect()``, ``AsyncDriver.events()``)
        it waits without blocking that loop; for a listener on threads it runs
        :meth:`send_action` in the loop's default executor.

        Returns:
            the request's ``seq``, or with ``wait=True`` the reply dict.

        """
        runner = self._runner
        if runner is None:
            raise not_connected(action, self.url)
        return await runner.send_action_async(action, data, wait=wait, timeout=timeout)

    def user_typing(self, channel_id: str, parent_id: str = "") -> int:
        """Tell the channel the user is typing (action ``user_typing``); returns the request seq."""
        return self.send_action("user_typing", {"channel_id": channel_id, "parent_id": parent_id})

    def get_statuses(self, timeout: float = 10.0) -> Dict[str, Any]:
        """Return ``{user_id: status}`` for the users the server tracks (action ``get_statuses``)."""
        return _data(self.send_action("get_statuses", wait=True, timeout=timeout))

    def get_statuses_by_ids(self, user_ids: List[str], timeout: float = 10.0) -> Dict[str, Any]:
        """Return ``{user_id: status}`` for ``user_ids`` (action ``get_statuses_by_ids``)."""
        reply = self.send_action(
            "get_statuses_by_ids", {"user_ids": list(user_ids)}, wait=True, timeout=timeout
        )
        return _data(reply)


def _data(reply: Dict[str, Any]) -> Dict[str, Any]:
    data = reply.get("data")
    return dict(data) if isinstance(data, dict) else {}


def _failure(action: str, reply: Dict[str, Any], url: str) -> WebsocketError:
    """The exception for a ``FAIL`` reply, from its AppError (server text cleaned)."""
    error = reply.get("error")
    error = error if isinstance(error, dict) else {}
    status = error.get("status_code")
    return WebsocketError(
        clean(error.get("message") or f"websocket action {action!r} failed"),
        status_code=status if isinstance(status, int) and not isinstance(status, bool) else None,
        error_id=clean(error.get("id") or "", 200),
        detailed_error=clean(error.get("detailed_error") or ""),
        url=url,
    )
