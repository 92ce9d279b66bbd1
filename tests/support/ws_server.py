"""A small fake of the Mattermost websocket endpoint, and a TCP relay that can black-hole a link.

``FakeMattermost`` follows the server rules of the reference (section 7): Bearer auth on the
upgrade (401/403 otherwise, or like the real server an upgrade closed without a word when
``silent_close_after`` is set); an upgrade without ``Authorization`` waits for an
``authentication_challenge`` (``hello`` and an OK reply for the right token, the socket closed for
a wrong one); ``hello`` as seq 0 with a fresh 26-character ``connection_id``, one seq counter and
a dead queue of the last 128 events per connection id; a reconnect with ``connection_id`` +
``sequence_number`` replays from that seq without a ``hello`` while the id is known and the seq
still queued, else a new id and a new ``hello``; actions get ``seq_reply``.

A few switches make it hostile or faulty: extra upgrade headers, a redirect, a ``hello`` with any
``data``, raw frames, a resume that always leaves a gap.
"""

from __future__ import annotations

import collections
import json
import socket
import sys
import threading
import time
import uuid
from typing import Any, Deque, Dict, List, Optional, Tuple
from urllib.parse import parse_qs, urlsplit

from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response
from websockets.sync.server import Server, ServerConnection, serve

from .listening import stop_accepting

TOKEN = "s3cret-ws-token-0123456789"
DEAD_QUEUE = 128


class _Conn:
    def __init__(self) -> None:
        self.id = uuid.uuid4().hex[:26]
        self.next_seq = 0
        self.dead: Deque[Tuple[int, str]] = collections.deque(maxlen=DEAD_QUEUE)
        self.ws: Optional[ServerConnection] = None


class FakeMattermost:
    """The fake server; ``port`` is set once it listens on 127.0.0.1."""

    def __init__(self, token: str = TOKEN, *, ssl_context: Any = None) -> None:
        self.token = token
        self.auth_status = 401  # the status given to a bad token
        # like the real server: upgrade a bad token anyway, then close after this many seconds
        # without a hello (Mattermost waits 5 s for an authentication challenge)
        self.silent_close_after: Optional[float] = None
        self.paused_status: Optional[int] = None  # when set, every upgrade gets this status
        self.replay_overlap = 0  # a faulty server replaying this many events too many
        self.resume_gap = False  # a faulty server whose replay always skips the first event
        self.upgrade_headers: List[Tuple[str, str]] = []  # added to every 101 answer
        self.redirect_to: Optional[str] = None  # the next upgrade is answered 307 with this Location
        self.hello_data: Any = None  # when set, the data of every hello (a hostile server)
        self.close_next = 0  # close this many authenticated upgrades at once with 1013 (overloaded)
        self.attempts = 0  # upgrade requests seen (before auth)
        self.upgrades: List[Dict[str, str]] = []  # query of each accepted upgrade, in order
        self.user_agents: List[Optional[str]] = []  # the User-Agent of every upgrade request, in order
        self.actions: List[Dict[str, Any]] = []
        self.challenges: List[Dict[str, Any]] = []  # authentication_challenge frames, in order
        self._cond = threading.Condition(threading.RLock())
        self._conns: Dict[str, _Conn] = {}
        self._server: Server = serve(
            self._handler,
            "127.0.0.1",
            0,
            ssl=ssl_context,
            process_request=self._process_request,
            process_response=self._process_response,
            ping_interval=None,  # like a half-open link the server has not noticed yet
        )
        self.port: int = self._server.socket.getsockname()[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="fake-mattermost", daemon=True
        )
        self._thread.start()

    def close(self) -> None:
        self.drop()
        self._server.shutdown()
        self._thread.join(5)

    # -- controls -------------------------------------------------------------------------

    @property
    def active_ids(self) -> List[str]:
        with self._cond:
            return [c.id for c in self._conns.values() if c.ws is not None]

    def emit(
        self,
        event: str = "posted",
        data: Optional[Dict[str, Any]] = None,
        *,
        skip_send: bool = False,
        channel_id: str = "",
    ) -> None:
        """Give an event a seq on every known connection; send it to those that are connected.

        ``skip_send`` queues it without sending, as the real server drops typing events for a busy
        connection: the next event then shows the client a gap. ``channel_id`` goes in ``broadcast``.
        """
        with self._cond:
            for conn in list(self._conns.values()):
                self._send_event(conn, event, data or {}, skip_send=skip_send, channel_id=channel_id)

    def send_raw(self, text: str) -> None:
        """Send ``text`` as one frame, outside the event sequence, on every open connection."""
        with self._cond:
            for conn in self._conns.values():
                if conn.ws is not None:
                    conn.ws.send(text)

    def close_all(self, code: int, reason: str) -> None:
        """Close every open connection with a close frame of ``code`` and ``reason``."""
        with self._cond:
            sockets = [c.ws for c in self._conns.values() if c.ws is not None]
        for ws in sockets:
            ws.close(code, reason)

    def drop(self) -> None:
        """End every connection abruptly: no close frame, the TCP stream just ends."""
        with self._cond:
            for conn in self._conns.values():
                ws, conn.ws = conn.ws, None
                if ws is not None:
                    _shutdown(ws.socket)
            self._cond.notify_all()

    def restart(self) -> None:
        """Forget every connection id, as a server restart does, and drop every socket."""
        with self._cond:
            self.drop()
            self._conns.clear()

    # -- the server -----------------------------------------------------------------------

    def _process_request(self, ws: ServerConnection, request: Request) -> Optional[Response]:
        with self._cond:
            self.attempts += 1
            self.user_agents.append(request.headers.get("User-Agent"))
            if self.paused_status is not None:
                return ws.respond(self.paused_status, "unavailable\n")
            if self.redirect_to is not None:
                location, self.redirect_to = self.redirect_to, None
                response = ws.respond(307, "moved\n")
                response.headers["Location"] = location
                return response
        auth = request.headers.get("Authorization")
        if auth is not None and auth != f"Bearer {self.token}":
            if self.silent_close_after is not None:
                return None
            return ws.respond(self.auth_status, "invalid or expired session\n")
        return None

    def _process_response(self, ws: ServerConnection, request: Request, response: Response) -> None:
        if response.status_code == 101:
            for name, value in self.upgrade_headers:
                response.headers[name] = value

    def _handler(self, ws: ServerConnection) -> None:
        auth = ws.request.headers.get("Authorization") if ws.request is not None else None
        if auth is not None and auth != f"Bearer {self.token}":
            # like the real server: upgraded, never registered, closed without a close frame
            time.sleep(self.silent_close_after or 0)
            _shutdown(ws.socket)
            return
        with self._cond:
            overloaded, self.close_next = self.close_next > 0, max(0, self.close_next - 1)
        if overloaded:
            ws.close(1013, "try again later")
            return
        query = {k: v[0] for k, v in parse_qs(urlsplit(ws.request.path if ws.request else "").query).items()}
        challenge_seq = None
        if auth is None:  # authenticated by the first frame, as 7.3.2 and the Go client do
            try:
                request = json.loads(ws.recv(timeout=5))
            except (ConnectionClosed, TimeoutError):
                _shutdown(ws.socket)
                return
            with self._cond:
                self.challenges.append(request)
            if (
                request.get("action") != "authentication_challenge"
                or (request.get("data") or {}).get("token") != self.token
            ):
                _shutdown(ws.socket)
                return
            challenge_seq = request.get("seq")
            query = {}  # an upgrade without a session cannot resume
        conn = self._attach(ws, query)
        try:
            if challenge_seq is not None:
                ws.send(json.dumps({"status": "OK", "seq_reply": challenge_seq}))
            for raw in ws:
                self._answer(ws, json.loads(raw))
        except ConnectionClosed:
            pass
        finally:
            with self._cond:
                if conn.ws is ws:
                    conn.ws = None
                self._cond.notify_all()

    def _attach(self, ws: ServerConnection, query: Dict[str, str]) -> _Conn:
        with self._cond:
            self.upgrades.append(query)
            conn = self._conns.get(query.get("connection_id", ""))
            # the old socket of this id may still be closing: give it a moment to be released
            deadline = time.monotonic() + 0.5
            while conn is not None and conn.ws is not None and time.monotonic() < deadline:
                self._cond.wait(0.05)
            if conn is not None and conn.ws is None:
                seq = int(query["sequence_number"])
                if seq == conn.next_seq:  # nothing missed: the stream just goes on
                    conn.ws = ws
                    return conn
                if conn.dead and conn.dead[0][0] <= seq < conn.next_seq:  # replay, no hello
                    first = max(conn.dead[0][0], seq - self.replay_overlap) + int(self.resume_gap)
                    for event_seq, text in list(conn.dead):
                        if event_seq >= first:
                            ws.send(text)
                    conn.ws = ws
                    return conn
            conn = _Conn()  # unknown, still active, or too old: a new connection and a hello
            self._conns[conn.id] = conn
            conn.ws = ws
            hello = {"server_version": "10.11.0.fake", "connection_id": conn.id, "server_hostname": "fake"}
            self._send_event(conn, "hello", hello if self.hello_data is None else self.hello_data)
            return conn

    def _send_event(
        self, conn: _Conn, event: str, data: Any, *, skip_send: bool = False, channel_id: str = ""
    ) -> None:
        broadcast = {
            "omit_users": None,
            "user_id": "",
            "channel_id": channel_id,
            "team_id": "",
            "connection_id": "",
        }
        text = json.dumps({"event": event, "data": data, "broadcast": broadcast, "seq": conn.next_seq})
        conn.dead.append((conn.next_seq, text))
        conn.next_seq += 1
        if conn.ws is not None and not skip_send:
            try:
                conn.ws.send(text)
            except ConnectionClosed:
                conn.ws = None

    def _answer(self, ws: ServerConnection, request: Dict[str, Any]) -> None:
        with self._cond:
            self.actions.append(request)
        seq, action, data = request.get("seq"), request.get("action"), request.get("data") or {}
        reply: Dict[str, Any] = {"status": "OK", "seq_reply": seq}
        if action == "get_statuses":
            reply["data"] = {"user1": "online", "user2": "away"}
        elif action == "get_statuses_by_ids":
            reply["data"] = {uid: "offline" for uid in data.get("user_ids", [])}
        elif action == "ping":
            reply["data"] = {"text": "pong"}
        elif action != "user_typing":
            reply = {
                "status": "FAIL",
                "seq_reply": seq,
                "error": {
                    "id": "api.web_socket_router.bad_action.app_error",
                    "message": "invalid action",
                    "status_code": 500,
                },
            }
        ws.send(json.dumps(reply))


def _shutdown(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


class TcpRelay:
    """Forwards 127.0.0.1:``port`` to the target; :meth:`freeze` turns the open links into black holes.

    A frozen link reads and discards everything and never closes the other side: to the client it
    is a half-open connection (no pong, no FIN, no RST); to the server the client is still there.
    :meth:`cut` drops the open links instead and refuses new ones until ``accepting`` is set again.
    """

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._links: List[Tuple[socket.socket, socket.socket, threading.Event]] = []
        self._lock = threading.Lock()
        self.accepting = threading.Event()
        self.accepting.set()
        self.connections = 0  # links made so far
        self._thread = threading.Thread(target=self._accept, name="relay-accept", daemon=True)
        self._thread.start()

    def freeze(self) -> None:
        with self._lock:
            for _, _, frozen in self._links:
                frozen.set()

    def cut(self) -> None:
        """Refuse new connections and end the open links without a close frame."""
        self.accepting.clear()
        with self._lock:
            links, self._links = self._links, []
        for a, b, _ in links:
            for sock in (a, b):
                _shutdown(sock)
                sock.close()

    def close(self) -> None:
        stop_accepting(self._listener, self._thread)  # wakes the accept() below, then closes
        with self._lock:
            for a, b, _ in self._links:
                for sock in (a, b):
                    _shutdown(sock)
                    sock.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            if not self.accepting.is_set():
                client.close()
                continue
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            frozen = threading.Event()
            with self._lock:
                self._links.append((client, upstream, frozen))
                self.connections += 1
            for src, dst in ((client, upstream), (upstream, client)):
                threading.Thread(
                    target=_pump, args=(src, dst, frozen), name="relay-pump", daemon=True
                ).start()


def _pump(src: socket.socket, dst: socket.socket, frozen: threading.Event) -> None:
    try:
        while True:
            data = src.recv(65536)
            if frozen.is_set():
                if not data:
                    return  # a black hole passes nothing on, not even the end of the stream
                continue
            if not data:
                _shutdown(dst)
                return
            dst.sendall(data)
    except OSError:
        return


def main() -> None:
    """Run a FakeMattermost in a process of its own (for tests that count their own threads).

    Prints its port, then obeys the lines of stdin: ``emit <event>``, ``drop``; answers each with
    ``ok``; ends at the end of stdin.
    """
    srv = FakeMattermost()
    print(srv.port, flush=True)
    for line in sys.stdin:
        command, _, arg = line.strip().partition(" ")
        if command == "emit":
            srv.emit(arg or "posted")
        elif command == "drop":
            srv.drop()
        print("ok", flush=True)
    srv.close()


if __name__ == "__main__":
    main()
