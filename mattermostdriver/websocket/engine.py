"""The connection engine: one connection at a time in a background thread, reconnect and resume.

The engine authenticates on the upgrade request, keeps the ``connection_id`` of each ``hello``
and the ``seq`` of the next expected event, and after a drop reconnects (with backoff, when
``keepalive`` is set) asking the server to resume from there; a gap in the sequence reconnects at
once. Messages go to ``post`` in order; the front doors (:mod:`.listener`) hand them to the
caller's handler.

Telling a bad token from a flapping link: Mattermost upgrades a request with a bad token anyway,
sends nothing, and closes the socket 5 s later without a close frame. A resumed connection gets
no ``hello`` either, so a resumed link that is cut before any event looks the same. Hence:

* on a resumed connection the engine sends a ``ping`` action at once; the server answers it only
  when the token is good, which proves the link authenticated;
* only connections that did not ask to resume (the server greets those with a ``hello`` at once)
  count as "closed by the server without a word" (soon, with nothing received, without a close
  frame); two in a row (one without ``keepalive``) end the engine with
  :class:`~mattermostdriver.exceptions.WebsocketAuthError`;
* after :data:`UNPROVEN_RESUMES` resumed connections in a row that got nothing, the next one
  does not resume, so that a token revoked meanwhile is still found out in bounded time (a
  valid token then gets a new ``hello``, and ``on_resync`` is called).
"""

from __future__ import annotations

import json
import logging
import threading
import time
from typing import Any, Callable, Dict, NamedTuple, Optional
from urllib.parse import urlencode

from ..exceptions import WebsocketAuthError, WebsocketError
from ..options import Options
from ..redaction import clean
from ..retry import Retry
from .connection import ClientConnection, ConnectionClosed, FatalError, close_info, open_connection
from .events import decode_event, hello_connection_id, loads_object

__all__ = ["END", "GAP_RESUMES", "PROBE_SEQ", "SILENT_CLOSE_WINDOW", "UNPROVEN_RESUMES", "Engine", "Resync"]

log = logging.getLogger("mattermostdriver.websocket")

#: A connection the server closes within this many seconds, having sent nothing (not even
#: ``hello``), may not be authenticated (the server closes those after 5 s).
SILENT_CLOSE_WINDOW = 10.0
#: Resumed connections in a row that got nothing before the engine checks the token on one
#: that does not resume.
UNPROVEN_RESUMES = 2
#: Immediate reconnects after a gap in the sequence, before the backoff (or, without
#: ``keepalive``, before giving up).
GAP_RESUMES = 3
#: The request ``seq`` of the ``ping`` that proves a resumed connection authenticated (far from
#: the caller's own seqs, which restart at 1 on each connection); its reply is not passed on.
PROBE_SEQ = 2**31 - 1

Post = Callable[[Any], None]
#: End of the message stream, posted by the engine when it exits.
END = object()


class Resync:
    """Posted before the ``hello`` of a connection that could not resume."""

    __slots__ = ("new", "old")

    def __init__(self, old: str, new: str) -> None:
        self.old, self.new = old, new


class Pending:
    """A :meth:`~mattermostdriver.websocket.Websocket.send_action` waiting for its reply."""

    __slots__ = ("done", "reply")

    def __init__(self) -> None:
        self.done = threading.Event()
        self.reply: Optional[Dict[str, Any]] = None


class Session(NamedTuple):
    """How one connection went."""

    received: bool  # the server sent something (a hello, an event, a reply)
    gap: bool  # it ended on a gap in the sequence (closed by us, to resume at once)
    resumed: bool  # the upgrade asked to resume (connection_id and sequence_number)
    by_server: bool  # the server or the network closed it, not this side
    abrupt: bool  # ...without a close frame, as Mattermost closes an unauthenticated socket


class Engine:
    """The state and the background loop of one listener (the base of ``Websocket``)."""

    def __init__(self, options: Options, token: Optional[str]) -> None:
        self.options = options
        self.decode = False
        self.error: Optional[WebsocketError] = None
        self._token = token or ""
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._conn: Optional[ClientConnection] = None
        self._connection_id: Optional[str] = None
        self._sequence = 0
        self._req_seq = 0
        self._pending: Dict[int, Pending] = {}

    @property
    def url(self) -> str:
        """The websocket URL, from the options as they are now (``ws[s]://host:port/<basepath>/websocket``)."""
        scheme = "wss" if self.options["scheme"] == "https" else "ws"
        return f"{scheme}://{self.options['url']}:{self.options['port']}{self.options['basepath']}/websocket"

    def _backoff(self, failures: int) -> float:
        """The reconnect delay after ``failures`` failures in a row: the driver's retry policy."""
        return Retry.from_options(self.options).reconnect_delay(failures)

    def _engine(self, post: Post, stop: threading.Event) -> None:
        failures = gaps = 0  # consecutive attempts that got no message / that ended on a gap
        silent = 0  # consecutive fresh connections the server closed soon, without a word
        unproven = 0  # consecutive resumed connections closed before anything came
        try:
            while not stop.is_set():
                try:
                    opened = time.monotonic()
                    result = self._session(post, stop, resume=unproven < UNPROVEN_RESUMES)
                except (WebsocketAuthError, FatalError) as exc:
                    log.error("websocket: %s; not retrying", exc)
                    self.error = exc
                    return
                except WebsocketError as exc:
                    if stop.is_set():
                        return
                    if not self.options["keepalive"]:
                        self.error = exc
                        return
                    log.warning("websocket: %s", exc)
                    result = Session(False, False, False, False, False)
                if stop.is_set():
                    return
                keepalive = bool(self.options["keepalive"])
                quick = time.monotonic() - opened < SILENT_CLOSE_WINDOW
                if result.received or (result.by_server and not quick):
                    silent = unproven = 0  # the server kept or answered it: the token is good
                elif result.abrupt and result.resumed:
                    unproven += 1
                elif result.abrupt:
                    silent += 1
                if silent >= (2 if keepalive else 1):
                    # Mattermost upgrades a bad token anyway and closes the socket after 5 s
                    # without a hello: there is no 401 to see
                    raise WebsocketAuthError(
                        "the server closed the websocket without a hello: the token is missing, "
                        "invalid or expired",
                        status_code=401,
                        method="GET",
                        url=self.url,
                    )
                failures = 0 if result.received else failures + 1
                gaps = gaps + 1 if result.gap else 0
                if result.gap and gaps <= GAP_RESUMES:
                    continue  # reconnect at once with the same id and sequence
                if result.gap and not keepalive:
                    raise WebsocketError(
                        f"the server could not resume the websocket after {GAP_RESUMES} tries: "
                        "events were missed",
                        url=self.url,
                    )
                if not result.gap and not keepalive:
                    log.info("websocket: connection closed; keepalive is off, so the listener ends")
                    return
                delay = self._backoff(max(failures, gaps))
                log.info("websocket: reconnecting in %.2f s", delay)
                stop.wait(delay)
        except WebsocketError as exc:
            log.error("websocket: %s; not retrying", exc)
            self.error = exc
        except Exception as exc:  # a bug, not a network condition: end loudly rather than spin
            log.exception("websocket: the listener failed")
            self.error = WebsocketError(f"websocket listener failed: {exc!r}", url=self.url)
        finally:
            post(END)

    def _session(self, post: Post, stop: threading.Event, *, resume: bool) -> Session:
        """Run one connection until it closes."""
        url = base = self.url
        resumed = bool(resume and self._connection_id)
        if resumed:
            url += "?" + urlencode({"connection_id": self._connection_id, "sequence_number": self._sequence})
        log.debug("websocket: connecting to %s", base)
        conn = open_connection(url, self._token, self.options, base)
        received = gap = by_server = abrupt = False
        with conn:
            with self._lock:
                self._conn, self._req_seq = conn, 0
                if stop.is_set():
                    conn.close()
            if resumed:
                log.info("websocket: connected; resuming %s from seq %d", self._connection_id, self._sequence)
            elif self._connection_id:
                log.info("websocket: connected to %s (checking the token: not resuming)", base)
            else:
                log.info("websocket: connected to %s", base)
            try:
                if resumed:  # no hello comes: ask for a reply, which only a valid token gets
                    conn.send(json.dumps({"seq": PROBE_SEQ, "action": "ping"}))
                while True:
                    raw = conn.recv()
                    received = True
                    text = raw if isinstance(raw, str) else raw.decode("utf-8", "replace")
                    if self.options["debug"]:
                        log.debug("websocket: received %s", clean(text))
                    if self._route(text, post):
                        log.warning("websocket: missed events (expected seq %d); resuming", self._sequence)
                        gap = True
                        conn.close(4001, "missed events")
                        break
            except ConnectionClosed as exc:
                code, reason, by_us = close_info(exc)
                by_server, abrupt = not by_us, not by_us and exc.rcvd is None
                if not stop.is_set() and not gap:
                    log.warning("websocket: connection closed (%s %s)", code, reason)
            finally:
                with self._lock:
                    self._conn = None
                    pending, self._pending = self._pending, {}
                for waiter in pending.values():
                    waiter.done.set()
        return Session(received, gap, resumed, by_server, abrupt)

    def _out(self, text: str, message: Dict[str, Any]) -> Any:
        """What the handler gets: the raw text (7.3.2), or with ``decode`` the decoded message."""
        return decode_event(message) if self.decode else text

    def _route(self, text: str, post: Post) -> bool:
        """Track seqs and pass one message on; return True on a gap (that message is not passed).

        Only events (``event`` and ``seq``) are sequence-checked: an older seq is a duplicate and
        is dropped, a newer one means events were missed. Responses (``seq_reply``) complete
        the matching :meth:`send_action` wait. Everything else is passed on as received.
        """
        message = loads_object(text)
        if message is None:  # not JSON, nested too deeply, or not an object
            post(text)
            return False
        reply_to = message.get("seq_reply")
        if isinstance(reply_to, int) and not isinstance(reply_to, bool):
            if reply_to == PROBE_SEQ:
                return False  # the engine's own ping: it has done its work by arriving
            with self._lock:
                waiter = self._pending.get(reply_to)
            if waiter is not None:
                waiter.reply = message
                waiter.done.set()
            post(self._out(text, message))
            return False
        seq = message.get("seq")
        if "event" not in message or not isinstance(seq, int) or isinstance(seq, bool):
            post(self._out(text, message))
            return False
        if message["event"] == "hello":
            self._hello(message, post)
            self._sequence = seq + 1
            post(self._out(text, message))
            return False
        if seq < self._sequence:
            log.debug("websocket: dropping duplicate event seq %d", seq)
            return False
        if seq > self._sequence:
            return True
        self._sequence = seq + 1
        post(self._out(text, message))
        return False

    def _hello(self, message: Dict[str, Any], post: Post) -> None:
        """A new connection: keep its id; tell ``on_resync`` when the previous one was not resumed."""
        new_id = hello_connection_id(message)
        old_id = self._connection_id
        if not new_id:
            log.warning("websocket: the hello has no usable connection_id; this connection cannot resume")
            self._connection_id = None
        elif new_id != old_id:
            if old_id:
                log.warning("websocket: could not resume %s (new id %s): events were missed", old_id, new_id)
                post(Resync(old_id, new_id))
            self._connection_id = new_id
