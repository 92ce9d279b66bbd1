"""Paths and query strings: the one place route arguments are escaped.

Every path argument is escaped whole (``quote(str(x), safe="")``), so an id such as
``a/b`` or ``x?y`` stays one path segment. ``.`` and ``..`` cannot be escaped that way
(``quote`` leaves dots alone, URL normalisation then removes or climbs the segment, and
``%2E`` is turned back into a dot on the way), so they are refused, as is an empty id.
"""

from __future__ import annotations

import re
from typing import Any, Dict, Mapping, Optional
from urllib.parse import quote

__all__ = ["build_path", "escape_segment", "is_absolute_url", "query"]

_DOT_SEGMENTS = frozenset({".", ".."})
# what quote(x, safe="") leaves as it is: such a segment (an id, "me") needs no quoting
_UNRESERVED = re.compile(r"[A-Za-z0-9_.~-]+").fullmatch


def escape_segment(value: Any) -> str:
    """Return ``value`` as one escaped path segment.

    Raises:
        ValueError: ``value`` is None, empty, ``.`` or ``..`` (each would change the route).

    """
    text = "" if value is None else str(value)
    if text == "" or text in _DOT_SEGMENTS:
        raise ValueError(f"invalid path argument {text!r}: an id cannot be empty, '.' or '..'")
    return text if _UNRESERVED(text) else quote(text, safe="")


def build_path(template: str, *args: Any) -> str:
    """Fill the ``{}`` slots of ``template`` with escaped path arguments (:func:`escape_segment`).

    Raises:
        ValueError: an argument is None, empty, ``.`` or ``..``.

    """
    return template.format(*map(escape_segment, args))


def query(params: Optional[Mapping[str, Any]], **named: Any) -> Optional[Dict[str, Any]]:
    """Merge keyword query arguments into ``params``: None is left out, booleans become ``true``/``false``.

    Returns None when there is nothing to send.
    """
    merged: Dict[str, Any] = dict(params or {})
    for key, value in named.items():
        if value is not None:
            merged[key] = ("true" if value else "false") if isinstance(value, bool) else value
    return merged or None


def is_absolute_url(value: str) -> bool:
    """Whether ``value`` is an absolute ``http(s)://`` URL (any case), not a path."""
    return value[:8].lower().startswith(("http://", "https://"))
