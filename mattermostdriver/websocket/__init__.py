"""The websocket event listener: one engine, two runners, several front doors.

:class:`Websocket` keeps one connection to ``ws[s]://host:port/<basepath>/websocket`` open and
hands every message the server sends to the caller:

* ``await ws.connect(handler)`` runs as a task of the caller's asyncio loop, with no thread
  (the 7.3.2 contract used by ``Driver.init_websocket`` and ``AsyncDriver.init_websocket``):
  the handler gets each message as its raw JSON text; ``async def`` and plain handlers work.
* ``ws.start(handler)`` returns at once; the listener and the handler run in one thread
  (``mattermostdriver-websocket``), beside websockets' reader thread. ``ws.stop()`` ends it.
* :class:`Events` (``Driver.events()``) and :class:`AsyncEvents` (``AsyncDriver.events()``)
  are iterators over the events, with filters and a bounded buffer.

The engine authenticates on the upgrade request (``Authorization: Bearer``, with the REST
client's ``User-Agent``), sends protocol pings every ``timeout`` seconds and drops a link whose
pong does not come back, reconnects with exponential backoff and jitter when ``keepalive`` is
set, and resumes with ``connection_id`` and ``sequence_number`` so the server replays what was
missed; each event is passed once, in order. When the server cannot resume (a ``hello`` with a
new ``connection_id``), a :class:`Resync` (or ``on_resync(old_id, new_id)``) comes before that
``hello``: events were lost and the application should resync over REST. A refused token ends
the listener with :class:`~mattermostdriver.exceptions.WebsocketAuthError`; a valid one never
does. An upgrade answered 400 or 404 (a proxy that does not pass websocket upgrades, or a wrong
path) ends a listener that never connected, with a message that says so.

The package's modules:

* :mod:`.listener`: :class:`Websocket` and its handler front doors;
* :mod:`.blocking`: the blocking ``init_websocket``, in the calling thread's event loop;
* :mod:`.stream`: the iterators;
* :mod:`.actions`: client actions and their replies;
* :mod:`.engine`: the decisions, without I/O (reconnect, resume, gaps, the bad-token check);
* :mod:`.threads` and :mod:`.aio`: the sync and the async runner of the engine;
* :mod:`.inbox`: the bounded buffers between a runner and its consumer;
* :mod:`.connection`: the one module that uses websockets, internals included;
* :mod:`.compat`: the 7.3.2 internals that callers' own ``connect`` coroutines use;
* :mod:`.events`: each frame's JSON, the ``hello``, :func:`decode_event`.
"""

from __future__ import annotations

from ..exceptions import WebsocketAuthError, WebsocketError
from ..retry import Retry
from .actions import MAX_FRAME
from .engine import SILENT_CLOSE_WINDOW, Resync
from .events import MAX_CONNECTION_ID, NESTED_JSON_FIELDS, decode_event
from .inbox import BUFFER
from .listener import THREAD_NAME, EventHandler, ResyncHandler, Websocket
from .stream import AsyncEvents, Events

__all__ = [
    "BACKOFF_CAP",
    "BUFFER",
    "MAX_CONNECTION_ID",
    "MAX_FRAME",
    "NESTED_JSON_FIELDS",
    "SILENT_CLOSE_WINDOW",
    "THREAD_NAME",
    "AsyncEvents",
    "EventHandler",
    "Events",
    "Resync",
    "ResyncHandler",
    "Websocket",
    "WebsocketAuthError",
    "WebsocketError",
    "decode_event",
]

#: The longest wait between two reconnects, seconds (the retry policy's ``reconnect_max``).
BACKOFF_CAP = Retry().reconnect_max
