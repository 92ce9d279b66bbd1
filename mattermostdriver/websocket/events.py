"""What the server sends: each frame's JSON, the ``hello``'s connection id, the JSON nested in ``data``."""

from __future__ import annotations

import json
from typing import Any, Dict, Optional

__all__ = ["NESTED_JSON_FIELDS", "decode_event", "hello_connection_id", "loads_object"]

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


def loads_object(text: str) -> Optional[Dict[str, Any]]:
    """The JSON object in one frame's text, or None (not JSON or not an object)."""
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def hello_connection_id(message: Dict[str, Any]) -> str:
    """The ``connection_id`` of a ``hello`` event (``""`` when it has none)."""
    return str((message.get("data") or {}).get("connection_id") or "")


def decode_event(message: Dict[str, Any]) -> Dict[str, Any]:
    """Decode, in place, the JSON strings nested in an event's ``data`` and return the event.

    ``posted`` carries the post as a JSON string in ``data["post"]``, ``reaction_added`` the
    reaction in ``data["reaction"]``, and so on (:data:`NESTED_JSON_FIELDS`); a value that is
    not valid JSON is left as it is.
    """
    data = message.get("data")
    if isinstance(data, dict):
        for key in NESTED_JSON_FIELDS:
            value = data.get(key)
            if isinstance(value, str) and value[:1] in ("{", "["):
                try:
                    data[key] = json.loads(value)
                except ValueError:
                    pass
    return message
