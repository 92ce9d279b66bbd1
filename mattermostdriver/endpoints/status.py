"""Endpoints of ``driver.status``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import StatusOK
from .base import Base


class Status(Base):
    """The ``status`` routes."""

    endpoint = "/users"

    def get_user_status(self, user_id: str) -> Dict[str, Any]:
        """GET /api/v4/users/{user_id}/status

        Get user status.
        """
        return cast("Dict[str, Any]", self.client.get(self.path("/users/{}/status", user_id)))

    def get_user_statuses_by_id(self, options: Any = None) -> List[Dict[str, Any]]:
        """POST /api/v4/users/status/ids

        Get user statuses by id.
        """
        return cast("List[Dict[str, Any]]", self.client.post("/users/status/ids", options=options))

    def post_user_recent_custom_status_delete(
        self, user_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/users/{user_id}/status/custom/recent/delete

        Delete user's recent custom status.
        """
        return cast(
            "StatusOK",
            self.client.post(
                self.path("/users/{}/status/custom/recent/delete", user_id), options=options, params=params
            ),
        )

    def remove_recent_custom_status(
        self, user_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/users/{user_id}/status/custom/recent

        Delete user's recent custom status.
        """
        return cast(
            "StatusOK",
            self.client.delete(
                self.path("/users/{}/status/custom/recent", user_id), options=options, params=params
            ),
        )

    def unset_user_custom_status(
        self, user_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/users/{user_id}/status/custom

        Unsets user custom status.
        """
        return cast(
            "StatusOK",
            self.client.delete(self.path("/users/{}/status/custom", user_id), options=options, params=params),
        )

    def update_user_custom_status(
        self, user_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """PUT /api/v4/users/{user_id}/status/custom

        Update user custom status.
        """
        return cast(
            "StatusOK",
            self.client.put(self.path("/users/{}/status/custom", user_id), options=options, params=params),
        )

    def update_user_status(self, user_id: str, options: Any = None) -> Dict[str, Any]:
        """PUT /api/v4/users/{user_id}/status

        Update user status.
        """
        return cast(
            "Dict[str, Any]", self.client.put(self.path("/users/{}/status", user_id), options=options)
        )
