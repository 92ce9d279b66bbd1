"""Endpoints of ``driver.usage``."""

from __future__ import annotations

from typing import Any, Dict, Optional, cast

from .base import Base


class Usage(Base):
    """The ``usage`` routes."""

    endpoint = "/usage"

    def get_posts_usage(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/usage/posts

        Get current usage of posts.
        """
        return cast("Dict[str, Any]", self.client.get("/usage/posts", params=params))

    def get_storage_usage(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/usage/storage

        Get the total file storage usage for the instance in bytes.
        """
        return cast("Dict[str, Any]", self.client.get("/usage/storage", params=params))

    def get_teams_usage(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/usage/teams

        Get current usage of teams.

        Minimum server version: not stated by the description, which has the route since v11.8.

        An 11.4 server already serves it.
        """
        return cast("Dict[str, Any]", self.client.get("/usage/teams", params=params))
