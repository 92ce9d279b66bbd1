"""The listener's decisions, without I/O: what to connect to, what each frame means, when to reconnect.

Written once and driven by two runners, as the request loop of :mod:`mattermostdriver.core` is
driven by the sync and the async client: :mod:`.threads` (websockets' threading client, one
named thread) and :mod:`.aio` (websockets' asyncio client, on the caller's event loop, no
thread). :meth:`Engine.plan` is the connection loop: a generator that yields each connection to
open (an :class:`Open`) or each wait (seconds, the one :class:`~mattermostdriver.retry.Retry`
policy's backoff), is sent back how the connection went (an :class:`Outcome`) or the
:class:`~mattermostdriver.exceptions.WebsocketError` that kept it from opening, returns when the
listener should end and raises the error that ends it. :meth:`Engine.route` reads one frame:
it keeps the ``connection_id`` of each ``hello`` and the ``seq`` of the next expected event,
drops duplicates, reports a gap, and passes each message on to the runner's sink.

Telling a bad token from a flapping link: Mattermost upgrades a request with a bad token anyway,
sends nothing, and closes the socket 5 s later without a close frame. A resumed connection gets
no ``hello`` either, so a resumed link that is cut before any event looks the same. Hence:

* on a resumed connection the runner sends a ``ping`` action at once (:meth:`Engine.opened`);
  the server answers it only when the token is good, which proves the link authenticated;
* only connections that did not ask to resume (the server greets those with a ``hello`` at once)
  count as "closed by the server without a word" (soon, with nothing received, without a close
  frame); two in a row (one without ``keepalive``) end the listener with
  :class:`~mattermostdriver.exceptions.WebsocketAuthError`;
* after :data:`UNPROVEN_RESUMES` resumed connections in a row that got nothing, the next one
  does not resume, so that a token revoked meanwhile is still found out in bounded time (a
  valid token then gets a new ``hello``, and a :class:`Resync` is passed on).

A consumer that falls behind (its sink refuses an event: its buffer is full) is not a loss
either: the engine stops taking events from that connection, without moving its sequence, and
the runner reconnects once the consumer has caught up, asking the server to replay from the
first event not taken (a :class:`Resync` follows if the server no longer has it).
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any, Callable, Dict, Generator, NamedTuple, Optional, Union
from urllib.parse import urlencode

from ..exceptions import WebsocketAuthError, WebsocketError
from ..options import Options
from ..redaction import clean
from .events import connection_id_problem, decode_event, frame_text, loads_object

__all__ = [
    "GAP_RESUMES",
    "PROBE_SEQ",
    "SILENT_CLOSE_WINDOW",
    "UNPROVEN_RESUMES",
    "UPGRADE_NOT_PASSED",
    "Engine",
    "FatalError",
    "Open",
    "Resync",
    "Outcome",
    "Sink",
]

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
#: Upgrade answers that mean the request never reached Mattermost's websocket: a proxy that does
#: not pass upgrades on (Mattermost answers 400 to a GET without ``Upgrade``) or a wrong path.
#: Final on a listener that never connected; retried (with a warning) on one that did.
UPGRADE_NOT_PASSED = (400, 404)


class FatalError(WebsocketError):
    """A connection error that retrying cannot fix (bad ``websocket_kw_args``, bad URL)."""


class Open(NamedTuple):
    """A connection for the runner to open."""

    url: str  # with the resume query, if any
    shown: str  # without it: for logs and exceptions
    resumed: bool  # it asks the server to resume (connection_id and sequence_number)


class Outcome(NamedTuple):
    """How one connection went (what the runner sends back into :meth:`Engine.plan`)."""

    received: bool  # the server sent something (a hello, an event, a reply)
    gap: bool  # it ended on a gap in the sequence (closed by us, to resume at once)
    resumed: bool  # the upgrade asked to resume (connection_id and sequence_number)
    by_server: bool  # the server or the network closed it, not this side
    abrupt: bool  # ...without a close frame, as Mattermost closes an unauthenticated socket
    behind: bool = False  # closed by us once a slow consumer caught up, to resume at once


#: What the engine never sends back: the ``Outcome`` of an attempt that did not connect.
NOT_CONNECTED = Outcome(False, False, False, False, False)


class Resync(NamedTuple):
    """Passed on, before its ``hello``, when a reconnect could not resume: events were missed.

    Fetch what happened meanwhile over REST (the channels' posts ``since`` a time, unread
    counts, statuses).
    """

    old_connection_id: str
    new_connection_id: str


#: The runner's sink: ``sink(text_or_resync, message, sequenced)`` passes one message on, where
#: ``message`` is the frame's decoded JSON object (None if it is not one) and ``sequenced`` says
#: it is an event of the sequence. It returns False only to refuse a sequenced event (full).
Sink = Callable[[Any, Optional[Dict[str, Any]], bool], bool]
#: ``reply(seq, message)`` completes the wait of the action whose request ``seq`` it answers.
ActionReply = Callable[[int, Dict[str, Any]], None]
Step = Union[Open, float]


class Engine:
    """The state and the decisions of one listener (the base of ``Websocket``).

    ``clock`` (seconds, monotonic) is what tells a quick close from a long-lived connection;
    the tests give their own.
    """

    def __init__(
        self, options: Options, token: Optional[str], *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.options = options
        self.decode = False
        self.error: Optional[WebsocketError] = None
        self._token = token or ""
        self._clock = clock
        self._connection_id: Optional[str] = None
        self._sequence = 0
        self._behind = False  # events are refused on this connection until it is resumed
        self._connected_once = False
        self._greeted = False  # a hello came before: a new one means a connection not resumed
        self._refusal_logged = False

    @property
    def url(self) -> str:
        """The websocket URL, from the options as they are now (``ws[s]://host:port/<basepath>/websocket``)."""
        scheme = "wss" if self.options["scheme"] == "https" else "ws"
        return f"{scheme}://{self.options['url']}:{self.options['port']}{self.options['basepath']}/websocket"

    def _backoff(self, failures: int) -> float:
        """The reconnect delay after ``failures`` failures in a row: the driver's retry policy."""
        return self.options.retry.reconnect_delay(failures)

    # -- the connection loop ------------------------------------------------------------------

    def plan(self) -> Generator[Step, Any, None]:
        """The connection loop: yields each :class:`Open` and each wait (see the module)."""
        failures = gaps = 0  # consecutive attempts that got no message / that ended on a gap
        silent = 0  # consecutive fresh connections the server closed soon, without a word
        unproven = 0  # consecutive resumed connections closed before anything came
        while True:
            opened = self._clock()
            outcome = yield self._attempt(resume=unproven < UNPROVEN_RESUMES)
            keepalive = bool(self.options["keepalive"])
            result = outcome if isinstance(outcome, Outcome) else self._not_connected(outcome, keepalive)
            if result.behind:
                continue  # the consumer caught up: resume at once from the first event not taken
            quick = self._clock() - opened < SILENT_CLOSE_WINDOW
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
            yield delay

    def failed(self, exc: Exception) -> None:
        """The connection loop raised ``exc``: log it and keep the error that ends the listener.

        A :class:`~mattermostdriver.exceptions.WebsocketError` (retrying cannot help) is kept as
        it is; anything else is a bug, not a network condition, and is logged with its traceback
        and wrapped, so that the runner ends loudly rather than spins.
        """
        if isinstance(exc, WebsocketError):
            log.error("websocket: %s; not retrying", exc.summary)
            self.error = exc
            return
        log.exception("websocket: the listener failed", exc_info=exc)
        self.error = WebsocketError(f"websocket listener failed: {exc!r}", url=self.url)

    def _attempt(self, *, resume: bool) -> Open:
        url = base = self.url
        resumed = bool(resume and self._connection_id)
        if resumed:
            url += "?" + urlencode({"connection_id": self._connection_id, "sequence_number": self._sequence})
        log.debug("websocket: connecting to %s", base)
        return Open(url, base, resumed)

    def _not_connected(self, exc: WebsocketError, keepalive: bool) -> Outcome:
        """The outcome of an attempt that failed to connect; raises when the listener must end."""
        if isinstance(exc, (WebsocketAuthError, FatalError)) or not keepalive:
            raise exc
        if exc.status_code in UPGRADE_NOT_PASSED and not self._connected_once:
            raise exc  # a proxy or a path that never worked: retrying will not help
        log.warning("websocket: %s", exc.summary)
        return NOT_CONNECTED

    # -- one connection ---------------------------------------------------------------------

    def opened(self, step: Open) -> Optional[str]:
        """A connection is open: log it; return the frame to send first (the probe of a resume)."""
        self._connected_once = True
        self._behind = False
        if step.resumed:
            log.info("websocket: connected; resuming %s from seq %d", self._connection_id, self._sequence)
            return json.dumps({"seq": PROBE_SEQ, "action": "ping"})  # only a valid token gets a reply
        if self._connection_id:
            log.info("websocket: connected to %s (checking the token: not resuming)", step.shown)
        else:
            log.info("websocket: connected to %s", step.shown)
        return None

    def closed(
        self,
        step: Open,
        *,
        received: bool,
        gap: bool,
        behind: bool,
        stopping: bool,
        close: Optional[Any] = None,
    ) -> Outcome:
        """A connection ended: log why, and say how it went.

        Args:
            step: the connection's :class:`Open`.
            received: the server sent something on it.
            gap: the runner closed it on a gap in the sequence.
            behind: the runner closed it to resume after a slow consumer caught up.
            stopping: the listener is being stopped (nothing to warn about).
            close: ``(code, reason, closed_by_us, close_frame_received)`` of its closing, when
                the library reported one.

        """
        by_server = abrupt = False
        if close is not None:
            code, reason, by_us, got_frame = close
            by_server, abrupt = not by_us, not by_us and not got_frame
            if not stopping and not gap and not behind:
                log.warning("websocket: connection closed (%s %s)", code, reason)
        return Outcome(received, gap, step.resumed, by_server, abrupt, behind)

    def receive(self, raw: Union[str, bytes], sink: Sink, reply: ActionReply, *, gap: bool = False) -> bool:
        """Read one frame as received (logged with ``debug``) and :meth:`route` it.

        Returns True when it shows a gap in the sequence, logged here: the runner then closes the
        connection (4001) to resume at once. ``gap``: the runner closes on one already (no
        second warning).
        """
        text = frame_text(raw)
        if self.options["debug"]:
            log.debug("websocket: received %s", clean(text))
        if self.route(text, sink, reply) and not gap:
            log.warning("websocket: missed events (expected seq %d); resuming", self._sequence)
            return True
        return False

    def caught_up(self) -> None:
        """The consumer caught up and the runner closes the connection to resume: log it."""
        log.info("websocket: the consumer caught up; resuming from seq %d", self._sequence)

    def route(self, text: str, sink: Sink, reply: ActionReply) -> bool:
        """Track seqs and pass one message on; return True on a gap (that message is not passed).

        Only events (``event`` and ``seq``) are sequence-checked: an older seq is a duplicate and
        is dropped, a newer one means events were missed. Responses (``seq_reply``) go to
        ``reply`` and are passed on. Everything else is passed on as received.
        """
        message = loads_object(text)
        if message is None:  # not JSON, nested too deeply, or not an object
            sink(text, None, False)
            return False
        reply_to = message.get("seq_reply")
        if isinstance(reply_to, int) and not isinstance(reply_to, bool):
            if reply_to == PROBE_SEQ:
                return False  # the engine's own ping: it has done its work by arriving
            reply(reply_to, message)
            sink(text, message, False)
            return False
        seq = message.get("seq")
        if "event" not in message or not isinstance(seq, int) or isinstance(seq, bool):
            sink(text, message, False)
            return False
        if message["event"] == "hello":
            self._hello(message, sink)
            self._sequence = seq + 1
            sink(text, message, False)
            return False
        if seq < self._sequence:
            log.debug("websocket: dropping duplicate event seq %d", seq)
            return False
        if self._behind:
            return False  # not taken: the resume asks the server for it again
        if seq > self._sequence:
            return True
        if not sink(text, message, True):
            self._behind = True
            log.warning(
                "websocket: the consumer is behind (its buffer is full); events from seq %d will be "
                "fetched again once it catches up",
                seq,
            )
            return False
        self._sequence = seq + 1
        return False

    @property
    def behind(self) -> bool:
        """Whether events are being refused on this connection (a slow consumer)."""
        return self._behind

    def _hello(self, message: Dict[str, Any], sink: Sink) -> None:
        """A new connection: keep its id; pass a :class:`Resync` when the previous one was not resumed.

        Also after a connection whose id could not be used: it could not be resumed either.
        """
        data = message.get("data")
        value = data.get("connection_id") if isinstance(data, dict) else None
        problem = connection_id_problem(value)
        if problem and not self._refusal_logged:
            self._refusal_logged = True
            log.warning("websocket: the hello's connection_id %s; this connection cannot resume", problem)
        new_id = "" if problem else str(value)
        old_id = self._connection_id or ""
        if self._greeted and (not old_id or new_id != old_id):
            log.warning(
                "websocket: could not resume %s (new id %s): events were missed",
                old_id or "a connection without an id",
                new_id or "none",
            )
            sink(Resync(old_id, new_id), None, False)
        self._connection_id = new_id or None
        self._greeted = True

    def _out(self, text: str, message: Dict[str, Any]) -> Any:
        """What a handler gets: the raw text (7.3.2), or with ``decode`` the decoded message."""
        return decode_event(message) if self.decode else text
