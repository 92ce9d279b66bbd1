"""Endpoints of ``driver.usage``."""

from __future__ import annotations

from typing import Any, Dict, Optional

from .base import Base


class Usage(Base):
    """The ``usage`` routes."""

    endpoint = "/usage"

    def get_posts_usage(self, params: Optional[Dict[str, Any]] = None) -> Any:
        """GET /api/v4/usage/posts

        Get current usage of posts.
        """
        return self.client.get("/usage/posts", params=params)

    def get_storage_usage(self, params: Optional[Dict[str, Any]] = None) -> Any:
        """GET /api/v4/usage/storage

        Get the total file storage usage for the instance in bytes.
        """
        return self.client.get("/usage/storage", params=params)

    def get_teams_usage(self, params: Optional[Dict[str, Any]] = None) -> Any:
        """GET /api/v4/usage/teams

        Get current usage of teams.

        Minimum server version: not stated by the description, which has the route since v11.8.

        An 11.4 server already serves it.
        """
        return self.client.get("/usage/teams", params=params)
