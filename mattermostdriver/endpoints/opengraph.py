"""Endpoints of ``driver.opengraph``."""

from __future__ import annotations

from typing import Any, Dict, cast

from .base import Base


class Opengraph(Base):
    """The ``opengraph`` routes."""

    endpoint = "/opengraph"

    def get_opengraph_metadata_for_url(self, options: Any) -> Dict[str, Any]:
        """POST /api/v4/opengraph

        Get the OpenGraph metadata of a URL. Kept for 7.3.2 callers: the route is gone from current
        servers (11.4 answers 404, raised as ResourceNotFound). The API description once had it (a
        fragment since dropped), its body the JSON ``{"url": ...}``.
        """
        return cast("Dict[str, Any]", self.client.post("/opengraph", options=options))
