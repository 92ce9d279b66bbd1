"""Endpoints of ``driver.custom_profile_attributes``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import StatusOK
from .base import Base


class CustomProfileAttributes(Base):
    """The ``custom_profile_attributes`` routes.

    Needs an Enterprise licence: a server without one answers 501 or 403, raised as
    :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
    """

    endpoint = "/custom_profile_attributes"

    def create_cpa_field(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/custom_profile_attributes/fields

        Create a Custom Profile Attribute field.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post("/custom_profile_attributes/fields", options=options, params=params),
        )

    def delete_cpa_field(
        self, field_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/custom_profile_attributes/fields/{field_id}

        Delete a Custom Profile Attribute field.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "StatusOK",
            self.client.delete(
                self.path("/custom_profile_attributes/fields/{}", field_id), options=options, params=params
            ),
        )

    def get_cpa_group(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/custom_profile_attributes/group

        Get Custom Profile Attribute property group data.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("Dict[str, Any]", self.client.get("/custom_profile_attributes/group", params=params))

    def list_all_cpa_fields(self, params: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
        """GET /api/v4/custom_profile_attributes/fields

        List all the Custom Profile Attributes fields.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "List[Dict[str, Any]]", self.client.get("/custom_profile_attributes/fields", params=params)
        )

    def list_cpa_values(self, user_id: str, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/users/{user_id}/custom_profile_attributes

        List Custom Profile Attribute values.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(self.path("/users/{}/custom_profile_attributes", user_id), params=params),
        )

    def patch_cpa_field(
        self, field_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """PATCH /api/v4/custom_profile_attributes/fields/{field_id}

        Patch a Custom Profile Attribute field.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.patch(
                self.path("/custom_profile_attributes/fields/{}", field_id), options=options, params=params
            ),
        )

    def patch_cpa_values(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """PATCH /api/v4/custom_profile_attributes/values

        Patch Custom Profile Attribute values.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.patch("/custom_profile_attributes/values", options=options, params=params),
        )

    def patch_cpa_values_for_user(
        self, user_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """PATCH /api/v4/users/{user_id}/custom_profile_attributes

        Update custom profile attribute values for a user.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.patch(
                self.path("/users/{}/custom_profile_attributes", user_id), options=options, params=params
            ),
        )
