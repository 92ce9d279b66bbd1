"""Endpoints of ``driver.reports``."""

from __future__ import annotations

from typing import Any, Dict, Optional

from .base import Base


class Reports(Base):
    """The ``reports`` routes."""

    def get_posts_for_reporting(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> Any:
        """POST /api/v4/reports/posts

        Get posts for reporting and compliance purposes using cursor-based pagination.
        """
        return self.client.post("/reports/posts", options=options, params=params)

    def get_user_count_for_reporting(self, params: Optional[Dict[str, Any]] = None) -> Any:
        """GET /api/v4/reports/users/count

        Gets the full count of users that match the filter.
        """
        return self.client.get("/reports/users/count", params=params)

    def get_users_for_reporting(self, params: Optional[Dict[str, Any]] = None) -> Any:
        """GET /api/v4/reports/users

        Get a list of paged and sorted users for admin reporting purposes.
        """
        return self.client.get("/reports/users", params=params)

    def start_batch_users_export(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> Any:
        """POST /api/v4/reports/users/export

        Starts a job to export the users to a report file.
        """
        return self.client.post("/reports/users/export", options=options, params=params)
