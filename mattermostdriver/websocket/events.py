"""What the server sends: each frame's JSON, the ``hello``'s connection id, the JSON nested in ``data``.

A hostile or broken server may send anything: a frame that is not JSON, JSON nested too deeply
for Python's parser, a ``hello`` whose ``data`` is not an object. None of that may end the
listener: such a frame is passed to the handler as received and the stream goes on.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Dict, Optional, Union

from ..redaction import clean

#: A handler receives each message as the raw JSON text; it may be ``async def``.
EventHandler = Callable[[Any], Any]
#: ``on_resync(old_connection_id, new_connection_id)``; it may be ``async def``.
ResyncHandler = Callable[[str, str], Any]

__all__ = [
    "MAX_CONNECTION_ID",
    "NESTED_JSON_FIELDS",
    "connection_id_problem",
    "decode_event",
    "frame_text",
    "hello_connection_id",
    "loads_object",
]

#: The ``data`` fields whose values Mattermost sends as JSON text inside the JSON event.
NESTED_JSON_FIELDS = (
    "post",
    "reaction",
    "thread",
    "channelMember",
    "preference",
    "preferences",
    "emoji",
    "role",
    "team",
    "draft",
    "bookmark",
    "bookmarks",
    "dialog",
    "mentions",
    "followers",
)

#: The longest ``connection_id`` kept (Mattermost's are 26 letters and digits; a proxy or another
#: server may use its own form: any printable text is kept, and URL-encoded in the resume).
MAX_CONNECTION_ID = 128
_NESTED = frozenset(NESTED_JSON_FIELDS)
_INVALID = object()


def _loads(text: str) -> Any:
    """``json.loads``, or ``_INVALID`` for text that is not JSON or is nested too deeply to parse.

    The text counterpart of :func:`mattermostdriver.exceptions.json_or_none` (which takes bytes).
    """
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return _INVALID


def frame_text(raw: Union[str, bytes, bytearray, memoryview]) -> str:
    """A frame's text: a text frame as received, a binary one decoded as UTF-8 (bad bytes replaced).

    Any bytes-like value is taken (``bytes(raw)``), as the sockets of callers' own ``connect``
    coroutines may give a bytearray or a memoryview; websockets' clients give str or bytes.
    """
    return raw if isinstance(raw, str) else bytes(raw).decode("utf-8", "replace")


def loads_object(text: str) -> Optional[Dict[str, Any]]:
    """The JSON object in one frame's text, or None (not JSON, too deep, or not an object)."""
    value = _loads(text)
    return value if isinstance(value, dict) else None


def connection_id_problem(value: Any) -> str:
    """Why a ``hello``'s ``connection_id`` cannot be used to resume ("" if it can), for a log line."""
    if value is None:
        return "is missing"
    if not isinstance(value, str):
        return f"is not text ({type(value).__name__})"
    if not value:
        return "is empty"
    if len(value) > MAX_CONNECTION_ID:
        return f"is longer than {MAX_CONNECTION_ID} characters"
    if not value.isprintable():
        return f"'{clean(value, 80)}' has control characters"
    return ""


def hello_connection_id(message: Dict[str, Any]) -> str:
    """The ``connection_id`` of a ``hello`` event, or ``""`` when it has none that can be used."""
    data = message.get("data")
    value = data.get("connection_id") if isinstance(data, dict) else None
    return value if isinstance(value, str) and not connection_id_problem(value) else ""


def decode_event(message: Dict[str, Any]) -> Dict[str, Any]:
    """Decode, in place, the JSON strings nested in an event's ``data`` and return the event.

    ``posted`` carries the post as a JSON string in ``data["post"]``, ``reaction_added`` the
    reaction in ``data["reaction"]``, and so on (:data:`NESTED_JSON_FIELDS`); a value that is
    not valid JSON (or is nested too deeply to parse) is left as it is.
    """
    data = message.get("data")
    if isinstance(data, dict):
        for key, value in data.items():  # replacing values, not keys: the iteration holds
            if key in _NESTED and isinstance(value, str) and value[:1] in ("{", "["):
                decoded = _loads(value)
                if decoded is not _INVALID:
                    data[key] = decoded
    return message
