"""The base of every endpoint class: it holds the client and builds escaped paths."""

from __future__ import annotations

from typing import Any, Dict, Mapping, Optional
from urllib.parse import quote

from ..client import Client


def build_path(template: str, *args: Any) -> str:
    """Fill the ``{}`` slots of ``template`` with URL-escaped path arguments.

    Every argument is escaped whole (``quote(str(x), safe="")``), so an id such as
    ``../x`` or ``a/b`` stays one path segment and can never change the route.

    Raises:
        ValueError: an argument is None or empty (it would change the route).

    """
    escaped = []
    for arg in args:
        if arg is None or str(arg) == "":
            raise ValueError(f"empty path argument for {template!r}")
        escaped.append(quote(str(arg), safe=""))
    return template.format(*escaped)


def query(params: Optional[Mapping[str, Any]], **named: Any) -> Optional[Dict[str, Any]]:
    """Merge keyword query arguments into ``params``: None is left out, booleans become ``true``/``false``.

    Returns None when there is nothing to send.
    """
    merged: Dict[str, Any] = dict(params or {})
    for key, value in named.items():
        if value is not None:
            merged[key] = ("true" if value else "false") if isinstance(value, bool) else value
    return merged or None


class Base:
    """An endpoint area of the API; its methods map one-to-one to routes."""

    #: The 7.3.2 attribute: the area's main path under the API base path.
    endpoint = ""

    def __init__(self, client: Client) -> None:
        self.client = client

    @staticmethod
    def path(template: str, *args: Any) -> str:
        """Return ``template`` with its ``{}`` slots filled with escaped ``args`` (see :func:`build_path`)."""
        return build_path(template, *args)
