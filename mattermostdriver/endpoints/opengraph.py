"""Endpoints of ``driver.opengraph``."""

from __future__ import annotations

from typing import Any

from .base import Base


class Opengraph(Base):
    """The ``opengraph`` routes."""

    def get_opengraph_metadata_for_url(self, options: Any) -> Any:
        """POST /api/v4/opengraph

        Get the OpenGraph metadata of a URL.
        """
        return self.client.post("/opengraph", options=options)
