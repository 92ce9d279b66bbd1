"""Endpoints of ``driver.access_control``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from .base import Base, query


class AccessControl(Base):
    """The ``access_control`` routes.

    Needs an Enterprise licence: a server without one answers 501 or 403, raised as
    :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
    """

    endpoint = "/access_control_policies"

    def assign_access_control_policy_to_channels(
        self, policy_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> None:
        """POST /api/v4/access_control_policies/{policy_id}/assign

        Assign an access control policy to channels.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "None",
            self.client.post(
                self.path("/access_control_policies/{}/assign", policy_id), options=options, params=params
            ),
        )

    def check_access_control_policy_expression(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> List[Dict[str, Any]]:
        """POST /api/v4/access_control_policies/cel/check

        Check an access control policy expression.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.post("/access_control_policies/cel/check", options=options, params=params),
        )

    def create_access_control_policy(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """PUT /api/v4/access_control_policies

        Create an access control policy.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]", self.client.put("/access_control_policies", options=options, params=params)
        )

    def delete_access_control_policy(
        self, policy_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> None:
        """DELETE /api/v4/access_control_policies/{policy_id}

        Delete an access control policy.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "None",
            self.client.delete(
                self.path("/access_control_policies/{}", policy_id), options=options, params=params
            ),
        )

    def get_access_control_policy(
        self, policy_id: str, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """GET /api/v4/access_control_policies/{policy_id}

        Get an access control policy.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(self.path("/access_control_policies/{}", policy_id), params=params),
        )

    def get_access_control_policy_autocomplete_fields(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        after: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/access_control_policies/cel/autocomplete/fields

        Get autocomplete fields for access control policies.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``after``: The field ID to start after for pagination.
        * ``limit``: (required) The maximum number of fields to return.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(
                "/access_control_policies/cel/autocomplete/fields",
                params=query(params, after=after, limit=limit),
            ),
        )

    def get_cel_visual_ast(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/access_control_policies/cel/visual_ast

        Get the visual AST for a CEL expression.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post("/access_control_policies/cel/visual_ast", options=options, params=params),
        )

    def get_channel_access_control_attributes(
        self, channel_id: str, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """GET /api/v4/channels/{channel_id}/access_control/attributes

        Get access control attributes for a channel.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(self.path("/channels/{}/access_control/attributes", channel_id), params=params),
        )

    def get_channels_for_access_control_policy(
        self,
        policy_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        after: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> Dict[str, Any]:
        """GET /api/v4/access_control_policies/{policy_id}/resources/channels

        Get channels for an access control policy.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``after``: The channel ID to start after for pagination.
        * ``limit``: (required) The maximum number of channels to return.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                self.path("/access_control_policies/{}/resources/channels", policy_id),
                params=query(params, after=after, limit=limit),
            ),
        )

    def search_access_control_policies(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/access_control_policies/search

        Search access control policies.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post("/access_control_policies/search", options=options, params=params),
        )

    def search_channels_for_access_control_policy(
        self, policy_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/access_control_policies/{policy_id}/resources/channels/search

        Search channels for an access control policy.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(
                self.path("/access_control_policies/{}/resources/channels/search", policy_id),
                options=options,
                params=params,
            ),
        )

    def simulate_access_control_policy_for_users(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/access_control_policies/cel/simulate_users

        Simulate an access control policy decision for an explicit user list.

        Minimum server version: not stated by the description, which has the route since v11.8.

        Needs the ``PermissionPolicies`` feature flag and an Enterprise Advanced licence: without either the
        server answers 501.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post("/access_control_policies/cel/simulate_users", options=options, params=params),
        )

    def test_access_control_policy_expression(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/access_control_policies/cel/test

        Test an access control policy expression.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post("/access_control_policies/cel/test", options=options, params=params),
        )

    def unassign_access_control_policy_from_channels(
        self, policy_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> None:
        """DELETE /api/v4/access_control_policies/{policy_id}/unassign

        Unassign an access control policy from channels.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "None",
            self.client.delete(
                self.path("/access_control_policies/{}/unassign", policy_id), options=options, params=params
            ),
        )

    def update_access_control_policies_active(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> List[Dict[str, Any]]:
        """PUT /api/v4/access_control_policies/activate

        Activate or deactivate access control policies.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.put("/access_control_policies/activate", options=options, params=params),
        )

    def update_access_control_policy_active_status(
        self, policy_id: str, params: Optional[Dict[str, Any]] = None, *, active: Optional[bool] = None
    ) -> Dict[str, Any]:
        """GET /api/v4/access_control_policies/{policy_id}/activate

        Activate or deactivate an access control policy.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``active``: (required) Set to "true" to activate, "false" to deactivate.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                self.path("/access_control_policies/{}/activate", policy_id),
                params=query(params, active=active),
            ),
        )

    def validate_expression_against_requester(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/access_control_policies/cel/validate_requester

        Validate if the current user matches a CEL expression.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(
                "/access_control_policies/cel/validate_requester", options=options, params=params
            ),
        )
