"""Channel routes of a user's sidebar categories."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import StatusOK
from .base import Base


class ChannelSidebar(Base):
    """A user's sidebar categories in a team; mixed into :class:`~mattermostdriver.endpoints.Channels`."""

    def create_sidebar_category_for_team_for_user(
        self, user_id: str, team_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/users/{user_id}/teams/{team_id}/channels/categories

        Create user's sidebar category.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(
                self.path("/users/{}/teams/{}/channels/categories", user_id, team_id),
                options=options,
                params=params,
            ),
        )

    def get_sidebar_categories_for_team_for_user(
        self, user_id: str, team_id: str, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """GET /api/v4/users/{user_id}/teams/{team_id}/channels/categories

        Get user's sidebar categories.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                self.path("/users/{}/teams/{}/channels/categories", user_id, team_id), params=params
            ),
        )

    def get_sidebar_category_for_team_for_user(
        self, user_id: str, team_id: str, category_id: str, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """GET /api/v4/users/{user_id}/teams/{team_id}/channels/categories/{category_id}

        Get sidebar category.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                self.path("/users/{}/teams/{}/channels/categories/{}", user_id, team_id, category_id),
                params=params,
            ),
        )

    def get_sidebar_category_order_for_team_for_user(
        self, user_id: str, team_id: str, params: Optional[Dict[str, Any]] = None
    ) -> List[str]:
        """GET /api/v4/users/{user_id}/teams/{team_id}/channels/categories/order

        Get user's sidebar category order.
        """
        return cast(
            "List[str]",
            self.client.get(
                self.path("/users/{}/teams/{}/channels/categories/order", user_id, team_id), params=params
            ),
        )

    def remove_sidebar_category_for_team_for_user(
        self,
        user_id: str,
        team_id: str,
        category_id: str,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
    ) -> StatusOK:
        """DELETE /api/v4/users/{user_id}/teams/{team_id}/channels/categories/{category_id}

        Delete sidebar category.
        """
        return cast(
            "StatusOK",
            self.client.delete(
                self.path("/users/{}/teams/{}/channels/categories/{}", user_id, team_id, category_id),
                options=options,
                params=params,
            ),
        )

    def update_sidebar_categories_for_team_for_user(
        self, user_id: str, team_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> List[Dict[str, Any]]:
        """PUT /api/v4/users/{user_id}/teams/{team_id}/channels/categories

        Update user's sidebar categories.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.put(
                self.path("/users/{}/teams/{}/channels/categories", user_id, team_id),
                options=options,
                params=params,
            ),
        )

    def update_sidebar_category_for_team_for_user(
        self,
        user_id: str,
        team_id: str,
        category_id: str,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
    ) -> Dict[str, Any]:
        """PUT /api/v4/users/{user_id}/teams/{team_id}/channels/categories/{category_id}

        Update sidebar category.
        """
        return cast(
            "Dict[str, Any]",
            self.client.put(
                self.path("/users/{}/teams/{}/channels/categories/{}", user_id, team_id, category_id),
                options=options,
                params=params,
            ),
        )

    def update_sidebar_category_order_for_team_for_user(
        self, user_id: str, team_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> List[str]:
        """PUT /api/v4/users/{user_id}/teams/{team_id}/channels/categories/order

        Update user's sidebar category order.
        """
        return cast(
            "List[str]",
            self.client.put(
                self.path("/users/{}/teams/{}/channels/categories/order", user_id, team_id),
                options=options,
                params=params,
            ),
        )
