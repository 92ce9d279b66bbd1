"""Endpoints of ``driver.preferences``."""

from __future__ import annotations

from typing import Any, Dict, List, cast

from ..types import StatusOK
from .base import Base


class Preferences(Base):
    """The ``preferences`` routes."""

    endpoint = "/users"

    def delete_user_preferences(self, user_id: str, options: Any = None) -> StatusOK:
        """POST /api/v4/users/{user_id}/preferences/delete

        Delete user's preferences.
        """
        return cast(
            "StatusOK", self.client.post(self.path("/users/{}/preferences/delete", user_id), options=options)
        )

    def get_specific_user_preference(
        self, user_id: str, category: str, preference_name: str
    ) -> Dict[str, Any]:
        """GET /api/v4/users/{user_id}/preferences/{category}/name/{preference_name}

        Get a specific user preference.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                self.path("/users/{}/preferences/{}/name/{}", user_id, category, preference_name)
            ),
        )

    def get_user_preferences(self, user_id: str) -> List[Dict[str, Any]]:
        """GET /api/v4/users/{user_id}/preferences

        Get the user's preferences.
        """
        return cast("List[Dict[str, Any]]", self.client.get(self.path("/users/{}/preferences", user_id)))

    def list_user_preferences_by_category(self, user_id: str, category: str) -> List[Dict[str, Any]]:
        """GET /api/v4/users/{user_id}/preferences/{category}

        List a user's preferences by category.
        """
        return cast(
            "List[Dict[str, Any]]", self.client.get(self.path("/users/{}/preferences/{}", user_id, category))
        )

    def save_user_preferences(self, user_id: str, options: Any = None) -> StatusOK:
        """PUT /api/v4/users/{user_id}/preferences

        Save the user's preferences.
        """
        return cast("StatusOK", self.client.put(self.path("/users/{}/preferences", user_id), options=options))
