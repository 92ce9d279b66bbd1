"""Endpoints of ``driver.boards``."""

from __future__ import annotations

from typing import Any, Dict, Optional, cast

from ..types import Channel
from .base import Base


class Boards(Base):
    """The ``boards`` routes: board channels (experimental, behind the ``IntegratedBoards`` feature flag)."""

    endpoint = "/boards"

    def create_board(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> Channel:
        """POST /api/v4/boards

        Create a board channel.

        Minimum server version: not stated by the description, which has the route since v11.8.

        Experimental: the description says it may change or be removed in a future release.

        Needs the ``IntegratedBoards`` feature flag: without it the route is not registered and the server
        answers 404.
        """
        return cast("Channel", self.client.post("/boards", options=options, params=params))
