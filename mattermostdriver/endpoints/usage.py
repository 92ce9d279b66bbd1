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
