"""The base of every endpoint class: it holds the client and builds escaped paths."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..core.base import ClientBase
from ..paths import build_path, query

if TYPE_CHECKING:
    from ..client import Client

__all__ = ["Base", "build_path", "query"]


class Base:
    """An endpoint area of the API; its methods map one-to-one to routes.

    The same classes serve :class:`~mattermostdriver.Driver` and ``AsyncDriver``: a method
    returns what its client returns (the JSON, or with the async client an awaitable of
    it), so it does nothing with the answer itself.
    """

    #: The area's main path under the API base path (an attribute 7.3.2 had too).
    endpoint = ""

    def __init__(self, client: ClientBase[Any]) -> None:
        #: The client (typed as the sync one: with ``AsyncDriver`` its calls return awaitables).
        self.client: Client = client  # type: ignore[assignment]

    @staticmethod
    def path(template: str, *args: Any) -> str:
        """Return ``template`` with its ``{}`` slots filled with escaped ``args`` (see :func:`build_path`)."""
        return build_path(template, *args)
