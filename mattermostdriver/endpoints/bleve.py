"""Endpoints of ``driver.bleve``."""

from __future__ import annotations

from typing import Any, Dict, Optional, cast

from ..types import StatusOK
from .base import Base


class Bleve(Base):
    """The ``bleve`` routes."""

    endpoint = "/bleve"

    def purge_bleve_indexes(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> StatusOK:
        """POST /api/v4/bleve/purge_indexes

        Purge all Bleve indexes.

        Removed in server 11.0, which retired Bleve search; the API description dropped it in v11.8. Kept for
        callers of older servers.
        """
        return cast("StatusOK", self.client.post("/bleve/purge_indexes", options=options, params=params))
