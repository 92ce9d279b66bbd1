"""One websocket connection of the fake: the upgrade, the authentication, the client's actions.

The upgrade request arrives through the HTTP server (:mod:`.http`), already parsed: it is fed to a
:class:`websockets.server.ServerProtocol` (the library's sans-I/O server), whose answer goes out on
the same socket, which then becomes a :class:`websockets.sync.connection.Connection`.

Authentication follows the server: a token on the upgrade (header or cookie) is checked at once;
without one, the first frame must be an ``authentication_challenge`` with a valid token. A socket
that never authenticates (or brings a bad token) is upgraded anyway and closed without a close
frame after :attr:`~.server.FakeMattermost.unauthenticated_timeout` seconds, as the server does.
"""

from __future__ import annotations

import contextlib
import json
from typing import TYPE_CHECKING, Any, Dict, Optional

from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request as WsRequest
from websockets.server import ServerProtocol
from websockets.sync.connection import Connection

from . import models
from .http import session_token
from .hub import cut
from .store import AppError

if TYPE_CHECKING:
    from .server import FakeMattermost

__all__ = ["serve_websocket"]

MAX_FRAME = 8 * 1024  # the server closes a socket whose client sends a bigger frame


def _upgrade(handler: Any) -> Optional[Connection]:
    protocol = ServerProtocol(max_size=MAX_FRAME)
    head = f"GET {handler.path} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in handler.headers.items())
    protocol.receive_data((head + "\r\n").encode("latin-1"))
    events = protocol.events_received()
    if not events:
        return None
    request = events[0]
    if not isinstance(request, WsRequest):
        return None
    response = protocol.accept(request)
    protocol.send_response(response)
    handler.connection.sendall(b"".join(protocol.data_to_send()))
    if response.status_code != 101:
        return None
    return Connection(handler.connection, protocol, ping_interval=None, close_timeout=1)


def serve_websocket(fake: FakeMattermost, handler: Any, query: Dict[str, str]) -> None:
    """Run one websocket connection until it closes (in the HTTP connection's thread)."""
    ws = _upgrade(handler)
    if ws is None:
        return
    store = fake.store
    try:
        token = session_token(Headers(handler.headers.items()))
        user_id = store.tokens.get(token or "")
        challenge: Optional[Dict[str, Any]] = None
        if user_id is None:
            challenge, user_id = _challenge(fake, ws)
            if user_id is None:
                cut(ws)
                return
            query = {}  # an upgrade without a session cannot resume
        with store.lock:
            link = store.hub.attach(ws, user_id, query)
            if link is None:
                cut(ws)
                return
            store.set_status(user_id, "online", manual=False)
            fake._changed.notify_all()
        if challenge is not None:
            store.hub.reply(link, {"status": "OK", "seq_reply": challenge.get("seq")})
        try:
            for raw in ws:
                request = _decode(raw)
                reply = _act(fake, user_id, request)
                if reply is not None:
                    store.hub.reply(link, reply)
        except ConnectionClosed:
            pass
        finally:
            with store.lock:
                store.hub.detach(link, ws)
                status = store.statuses[user_id]
                if not store.hub.online(user_id) and not status["manual"]:
                    status["status"] = "offline"
    finally:
        ws.close()
        ws.recv_events_thread.join(2)


def _challenge(fake: FakeMattermost, ws: Connection) -> Any:
    """Wait for an ``authentication_challenge``; (the request, the user id) or (None, None)."""
    try:
        request = _decode(ws.recv(timeout=fake.unauthenticated_timeout))
    except (TimeoutError, ConnectionClosed):
        return None, None
    if request.get("action") != "authentication_challenge":
        return None, None
    token = (request.get("data") or {}).get("token")
    user_id = fake.store.tokens.get(token) if isinstance(token, str) else None
    return (request, user_id) if user_id else (None, None)


def _decode(raw: Any) -> Dict[str, Any]:
    try:
        value = json.loads(raw)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _act(fake: FakeMattermost, user_id: str, request: Dict[str, Any]) -> Optional[Dict[str, Any]]:
    """Answer one client action, as ``server/channels/wsapi`` does."""
    store = fake.store
    seq, action = request.get("seq"), request.get("action")
    data: Dict[str, Any] = request["data"] if isinstance(request.get("data"), dict) else {}
    with store.lock:
        fake.actions.append({"user_id": user_id, **request})
        if action == "user_typing":
            with contextlib.suppress(AppError):  # the server answers OK whatever the channel
                store.typing(user_id, str(data.get("channel_id") or ""), str(data.get("parent_id") or ""))
            return {"status": "OK", "seq_reply": seq}
        if action == "get_statuses":
            online = {u: s["status"] for u, s in store.statuses.items() if s["status"] != "offline"}
            return {"status": "OK", "seq_reply": seq, "data": online}
        if action == "get_statuses_by_ids":
            ids = [u for u in data.get("user_ids") or [] if isinstance(u, str)]
            found = {u: store.statuses[u]["status"] for u in ids if u in store.statuses}
            return {"status": "OK", "seq_reply": seq, "data": found}
        if action == "ping":
            pong = {
                "node_id": "",
                "server_time": models.now(),
                "text": "pong",
                "version": models.SERVER_VERSION,
            }
            return {"status": "OK", "seq_reply": seq, "data": pong}
        if action in ("user_update_active_status", "presence", "posted_notify_ack"):
            return {"status": "OK", "seq_reply": seq}
    error = {
        "id": "api.web_socket_router.bad_action.app_error",
        "message": "Unknown WebSocket action.",
        "detailed_error": "",
        "status_code": 500,
    }
    return {"status": "FAIL", "seq_reply": seq, "error": error}
