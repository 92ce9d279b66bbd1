"""Endpoints of ``driver.omnisearch``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from .base import Base


class Omnisearch(Base):
    """The ``omnisearch`` routes: search across the services plugins provide."""

    endpoint = "/omnisearch"

    def search_in_omni_search(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> List[Dict[str, Any]]:
        """POST /api/v4/omnisearch/search

        Search for items across different services.

        Minimum server version: 11.0, as the description says; yet an 11.4 server does not serve it (404).

        Searches the services that plugins provide. ``options`` holds ``terms`` (and ``page``, ``per_page``,
        ``is_or_search``, ``time_zone_offset``).
        """
        return cast(
            "List[Dict[str, Any]]", self.client.post("/omnisearch/search", options=options, params=params)
        )
