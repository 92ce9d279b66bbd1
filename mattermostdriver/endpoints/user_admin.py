"""User routes of roles, guests, activation, profile images, audits and terms of service."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

import requests

from ..types import StatusOK
from .base import Base


class UserAdmin(Base):
    """Roles, guests, activation, profile images, audits and terms of service; mixed into
    :class:`~mattermostdriver.endpoints.Users`.
    """

    def demote_user_to_guest(
        self, user_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/users/{user_id}/demote

        Demote a user to a guest.
        """
        return cast(
            "StatusOK",
            self.client.post(self.path("/users/{}/demote", user_id), options=options, params=params),
        )

    def get_default_profile_image(
        self, user_id: str, params: Optional[Dict[str, Any]] = None
    ) -> requests.Response:
        """GET /api/v4/users/{user_id}/image/default

        Return user's default (generated) profile image.
        """
        return cast(
            "requests.Response", self.client.get(self.path("/users/{}/image/default", user_id), params=params)
        )

    def get_user_audits(self, user_id: str) -> Optional[List[Dict[str, Any]]]:
        """GET /api/v4/users/{user_id}/audits

        Get user's audits.
        """
        # None (JSON null) when the page is empty (past the end)
        return cast("Optional[List[Dict[str, Any]]]", self.client.get(self.path("/users/{}/audits", user_id)))

    def get_user_profile_image(
        self, user_id: str, params: Optional[Dict[str, Any]] = None
    ) -> requests.Response:
        """GET /api/v4/users/{user_id}/image

        Get user's profile image.

        Query parameters (in ``params``, since ``_`` is no keyword argument):

        * ``_``: Not used by the server: a cache buster, such as the user's
          ``last_picture_update``, so that a cache on the way fetches the new image
          (``params={"_": user["last_picture_update"]}``).
        """
        return cast(
            "requests.Response", self.client.get(self.path("/users/{}/image", user_id), params=params)
        )

    def get_user_terms_of_service(
        self, user_id: str, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """GET /api/v4/users/{user_id}/terms_of_service

        Fetches user's latest terms of service action if the latest action was for acceptance.
        """
        return cast(
            "Dict[str, Any]", self.client.get(self.path("/users/{}/terms_of_service", user_id), params=params)
        )

    def permanent_delete_all_users(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/users

        Permanent delete all users.
        """
        return cast("StatusOK", self.client.delete("/users", options=options, params=params))

    def promote_guest_to_user(
        self, user_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/users/{user_id}/promote

        Promote a guest to user.
        """
        return cast(
            "StatusOK",
            self.client.post(self.path("/users/{}/promote", user_id), options=options, params=params),
        )

    def register_terms_of_service_action(
        self, user_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/users/{user_id}/terms_of_service

        Records user action when they accept or decline custom terms of service.
        """
        return cast(
            "StatusOK",
            self.client.post(
                self.path("/users/{}/terms_of_service", user_id), options=options, params=params
            ),
        )

    def set_default_profile_image(
        self, user_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/users/{user_id}/image

        Delete user's profile image.
        """
        return cast(
            "StatusOK",
            self.client.delete(self.path("/users/{}/image", user_id), options=options, params=params),
        )

    def set_user_profile_image(self, user_id: str, files: Any) -> StatusOK:
        """POST /api/v4/users/{user_id}/image

        Set user's profile image.
        """
        return cast("StatusOK", self.client.post(self.path("/users/{}/image", user_id), files=files))

    def update_user_active_status(self, user_id: str, options: Any = None) -> StatusOK:
        """PUT /api/v4/users/{user_id}/active

        Activate or deactivate a user.
        """
        return cast("StatusOK", self.client.put(self.path("/users/{}/active", user_id), options=options))

    def update_user_role(self, user_id: str, options: Any = None) -> StatusOK:
        """PUT /api/v4/users/{user_id}/roles

        Update a user's roles.
        """
        return cast("StatusOK", self.client.put(self.path("/users/{}/roles", user_id), options=options))
