"""The websocket event listener: one connection engine in a named background thread.

:class:`Websocket` keeps one connection to ``ws[s]://host:port/<basepath>/websocket`` open in a
thread called ``mattermostdriver-websocket`` (built on :mod:`websockets.sync.client`), and hands
every message the server sends, as the raw JSON text, to the caller's handler:

* ``await ws.connect(handler)`` runs inside the caller's asyncio loop (the 7.3.2 contract used by
  ``Driver.init_websocket``): the socket work stays in the thread, messages are passed to the loop,
  so other tasks on that loop keep running. ``async def`` and plain handlers both work.
* ``ws.start(handler)`` returns at once; the handler is called from a dispatcher thread
  (``mattermostdriver-websocket-handler``). ``ws.stop()`` ends it.

The engine authenticates on the upgrade request (``Authorization: Bearer``), sends protocol pings
every ``timeout`` seconds and drops a link whose pong does not come back, reconnects with
exponential backoff and jitter when ``keepalive`` is set, and resumes with ``connection_id`` and
``sequence_number`` so the server replays what was missed; each event is passed once, in order.
When the server cannot resume (a ``hello`` with a new ``connection_id``), ``on_resync(old_id,
new_id)`` is called before that ``hello`` reaches the handler: events were lost and the
application should resync over REST. A refused token ends the engine with
:class:`~mattermostdriver.exceptions.WebsocketAuthError`; a valid one never does.

The package's modules:

* :mod:`.listener`: :class:`Websocket` and its front doors;
* :mod:`.actions`: client actions and their replies;
* :mod:`.engine`: the background loop (reconnect, resume, gaps, the bad-token check);
* :mod:`.connection`: the one module that uses websockets, internals included;
* :mod:`.compat`: the 7.3.2 internals that callers' own ``connect`` coroutines use;
* :mod:`.events`: each frame's JSON, the ``hello``, :func:`decode_event`.
"""

from __future__ import annotations

from ..exceptions import WebsocketAuthError, WebsocketError
from ..retry import Retry
from .actions import MAX_FRAME
from .engine import SILENT_CLOSE_WINDOW
from .events import NESTED_JSON_FIELDS, decode_event
from .listener import THREAD_NAME, EventHandler, ResyncHandler, Websocket

__all__ = [
    "BACKOFF_CAP",
    "MAX_FRAME",
    "NESTED_JSON_FIELDS",
    "SILENT_CLOSE_WINDOW",
    "THREAD_NAME",
    "EventHandler",
    "ResyncHandler",
    "Websocket",
    "WebsocketAuthError",
    "WebsocketError",
    "decode_event",
]

#: The longest wait between two reconnects, seconds (the retry policy's ``reconnect_max``).
BACKOFF_CAP = Retry().reconnect_max
