"""The fake's websocket hub: connections, their ``seq`` counters and dead queues, resume, delivery.

It follows the real server (``server/channels/app/platform/web_conn.go``, ``web_hub.go``):

* each connection has a 26-character ``connection_id``, an event counter starting at 0 with the
  ``hello``, and a dead queue of the last 128 events sent;
* when the socket drops, the connection is only marked inactive and keeps queueing events;
* an upgrade with ``connection_id`` and ``sequence_number`` for an inactive connection of the same
  user replays the dead queue from that seq (no ``hello``), or simply goes on when nothing was
  missed; when the events are no longer queued, or the id is unknown, a new connection and a
  ``hello`` with a new id follow;
* ``connection_id`` without a numeric ``sequence_number`` closes the socket right after the upgrade.

Which users an event goes to is decided by the caller (:meth:`Hub.publish`).
"""

from __future__ import annotations

import collections
import json
import socket
import threading
from typing import Any, Deque, Dict, Iterable, List, Optional, Set, Tuple

from websockets.exceptions import ConnectionClosed
from websockets.sync.connection import Connection

from .models import SERVER_VERSION, new_id, valid_id

__all__ = ["DEAD_QUEUE", "Hub", "Link", "broadcast", "cut"]

#: Events kept per connection for a resume (``deadQueueSize``).
DEAD_QUEUE = 128


def broadcast(
    *,
    user_id: str = "",
    channel_id: str = "",
    team_id: str = "",
    omit_users: Optional[Iterable[str]] = None,
) -> Dict[str, Any]:
    """The ``broadcast`` object of an event."""
    omit = {u: True for u in omit_users} if omit_users else None
    return {
        "omit_users": omit,
        "user_id": user_id,
        "channel_id": channel_id,
        "team_id": team_id,
        "connection_id": "",
        "omit_connection_id": "",
    }


def dumps(value: Any) -> str:
    """JSON as the server writes it: compact, non-ASCII kept."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


class Link:
    """One logical connection (it outlives its sockets while it can be resumed)."""

    def __init__(self, user_id: str) -> None:
        self.id = new_id()
        self.user_id = user_id
        self.next_seq = 0
        self.dead: Deque[Tuple[int, str]] = collections.deque(maxlen=DEAD_QUEUE)
        self.ws: Optional[Connection] = None
        self.lost = False  # events fell out of the dead queue while inactive: cannot resume


class Hub:
    """Every websocket connection of the fake."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._links: Dict[str, Link] = {}
        self.sent: List[Tuple[str, Dict[str, Any]]] = []  # (user_id, event) of every event given a seq

    def attach(self, ws: Connection, user_id: str, query: Dict[str, str]) -> Optional[Link]:
        """Register a new socket of ``user_id``; None when the resume query is malformed."""
        wanted = query.get("connection_id", "")
        sequence = query.get("sequence_number")
        if wanted and (sequence is None or not sequence.isdigit() or not valid_id(wanted)):
            return None
        with self._lock:
            link = self._links.get(wanted) if wanted else None
            if link is not None and link.user_id == user_id and link.ws is None and not link.lost:
                seq = int(sequence or 0)
                queued = [text for event_seq, text in link.dead if event_seq >= seq]
                if seq == link.next_seq or (link.dead and link.dead[0][0] <= seq < link.next_seq):
                    link.ws = ws
                    for text in queued:
                        _send(ws, text)
                    return link
            link = Link(user_id)
            self._links[link.id] = link
            link.ws = ws
            hello = {
                "connection_id": link.id,
                "server_hostname": "fake",
                "server_version": f"{SERVER_VERSION}.fake",
            }
            self._deliver(link, "hello", hello, broadcast(user_id=user_id))
            return link

    def detach(self, link: Link, ws: Connection) -> None:
        """The socket ``ws`` of ``link`` closed: keep the link for a resume."""
        with self._lock:
            if link.ws is ws:
                link.ws = None

    def online(self, user_id: str) -> bool:
        """Whether the user has an open socket."""
        with self._lock:
            return any(link.ws is not None for link in self._links.values() if link.user_id == user_id)

    def publish(self, event: str, data: Dict[str, Any], where: Dict[str, Any], users: Iterable[str]) -> None:
        """Give ``event`` a seq on every connection of ``users`` (less ``omit_users``) and send it."""
        omit: Set[str] = set(where.get("omit_users") or ())
        targets = set(users) - omit
        with self._lock:
            for link in list(self._links.values()):
                if link.user_id in targets:
                    self._deliver(link, event, data, where)

    def reply(self, link: Link, message: Dict[str, Any]) -> None:
        """Send an action's reply (outside the event sequence)."""
        with self._lock:
            if link.ws is not None:
                _send(link.ws, dumps(message))

    def drop(self, user_id: Optional[str] = None) -> int:
        """Cut open sockets without a close frame (all, or ``user_id``'s); return how many."""
        sockets: List[Connection] = []
        with self._lock:
            for link in self._links.values():
                if link.ws is not None and (user_id is None or link.user_id == user_id):
                    sockets.append(link.ws)
                    link.ws = None
        for ws in sockets:
            cut(ws)
        return len(sockets)

    def forget(self) -> None:
        """Forget every connection id (a server restart): the next connects get a new ``hello``."""
        self.drop()
        with self._lock:
            self._links.clear()

    def close(self) -> None:
        """Close every socket with a close frame (going away)."""
        with self._lock:
            sockets = [link.ws for link in self._links.values() if link.ws is not None]
            self._links.clear()
        for ws in sockets:
            try:
                ws.close(1001, "server shutting down")
            except Exception:  # pragma: no cover - close() does not raise
                cut(ws)

    def _deliver(self, link: Link, event: str, data: Dict[str, Any], where: Dict[str, Any]) -> None:
        message = {"event": event, "data": data, "broadcast": where, "seq": link.next_seq}
        text = dumps(message)
        if link.ws is None and len(link.dead) == DEAD_QUEUE:
            link.lost = True
        link.dead.append((link.next_seq, text))
        link.next_seq += 1
        self.sent.append((link.user_id, message))
        if link.ws is not None and not _send(link.ws, text):
            link.ws = None


def _send(ws: Connection, text: str) -> bool:
    try:
        ws.send(text)
        return True
    except (ConnectionClosed, OSError):
        return False


def cut(ws: Connection) -> None:
    """End a socket abruptly: no close frame, the TCP stream just ends."""
    try:
        ws.socket.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
