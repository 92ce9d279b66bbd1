"""Client actions on the current connection (``user_typing``, ``get_statuses``...) and their replies.

Request seqs start at 1 on each connection. The server answers with ``{"status", "seq_reply",
"data"?, "error"?}``; the engine passes each answer to the handler like every message and
completes the matching wait here (:class:`~.engine.Pending`).
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Literal, Mapping, Optional, Union, overload

from ..exceptions import WebsocketError
from ..redaction import clean
from .connection import ConnectionClosed
from .engine import Engine, Pending

__all__ = ["MAX_FRAME", "Actions"]

MAX_FRAME = 8 * 1024  # the server closes the socket on a bigger client frame


class Actions(Engine):
    """The actions of a :class:`~mattermostdriver.websocket.Websocket`."""

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
            wait: block until the matching reply comes (do not call it so from a handler
                running in the loop of :meth:`connect` if you need that loop meanwhile).
            timeout: seconds to wait for the reply.

        Returns:
            the request's ``seq``, or with ``wait=True`` the reply dict (``status`` ``OK``).

        Raises:
            WebsocketError: not connected, the connection closed, no reply within ``timeout``,
                or the reply's status is ``FAIL``.
            ValueError: the frame is over the server's 8 KiB limit.

        """
        with self._lock:
            conn = self._conn
            if conn is None:
                raise WebsocketError(f"websocket not connected; cannot send {action!r}", url=self.url)
            self._req_seq += 1
            seq = self._req_seq
            pending = Pending() if wait else None
            if pending is not None:
                self._pending[seq] = pending
        frame = json.dumps({"seq": seq, "action": action, "data": dict(data or {})})
        try:
            if len(frame.encode()) > MAX_FRAME:
                raise ValueError(f"websocket action {action!r} is over {MAX_FRAME} bytes")
            conn.send(frame)
            if pending is None:
                return seq
            if not pending.done.wait(timeout):
                raise WebsocketError(
                    f"no reply to websocket action {action!r} (seq {seq}) within {timeout} s", url=self.url
                )
        except ConnectionClosed as exc:
            raise WebsocketError(f"websocket closed while sending {action!r}", url=self.url) from exc
        finally:
            with self._lock:
                self._pending.pop(seq, None)
        reply = pending.reply
        if reply is None:
            raise WebsocketError(f"websocket closed before the reply to {action!r} (seq {seq})", url=self.url)
        if reply.get("status") != "OK":
            raise _failure(action, reply, self.url)
        return reply

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
