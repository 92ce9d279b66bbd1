"""Endpoints of ``driver.data_retention``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import StatusOK, Team
from .base import Base, query


class DataRetention(Base):
    """The ``data_retention`` routes.

    Needs an Enterprise licence: a server without one answers 501 or 403, raised as
    :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
    """

    endpoint = "/data_retention"

    def add_channels_to_retention_policy(
        self, policy_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/data_retention/policies/{policy_id}/channels

        Add channels to a granular data retention policy.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "StatusOK",
            self.client.post(
                self.path("/data_retention/policies/{}/channels", policy_id), options=options, params=params
            ),
        )

    def add_teams_to_retention_policy(
        self, policy_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/data_retention/policies/{policy_id}/teams

        Add teams to a granular data retention policy.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "StatusOK",
            self.client.post(
                self.path("/data_retention/policies/{}/teams", policy_id), options=options, params=params
            ),
        )

    def create_data_retention_policy(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/data_retention/policies

        Create a new granular data retention policy.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]", self.client.post("/data_retention/policies", options=options, params=params)
        )

    def delete_data_retention_policy(
        self, policy_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/data_retention/policies/{policy_id}

        Delete a granular data retention policy.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "StatusOK",
            self.client.delete(
                self.path("/data_retention/policies/{}", policy_id), options=options, params=params
            ),
        )

    def get_channel_policies_for_user(
        self,
        user_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> Dict[str, Any]:
        """GET /api/v4/users/{user_id}/data_retention/channel_policies

        Get the policies which are applied to a user's channels.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of policies per page.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                self.path("/users/{}/data_retention/channel_policies", user_id),
                params=query(params, page=page, per_page=per_page),
            ),
        )

    def get_channels_for_retention_policy(
        self,
        policy_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> Dict[str, Any]:
        """GET /api/v4/data_retention/policies/{policy_id}/channels

        Get the channels for a granular data retention policy.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of channels per page.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                self.path("/data_retention/policies/{}/channels", policy_id),
                params=query(params, page=page, per_page=per_page),
            ),
        )

    def get_data_retention_policies(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> Dict[str, Any]:
        """GET /api/v4/data_retention/policies

        Get the granular data retention policies.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of policies per page.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get("/data_retention/policies", params=query(params, page=page, per_page=per_page)),
        )

    def get_data_retention_policies_count(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/data_retention/policies_count

        Get the number of granular data retention policies.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("Dict[str, Any]", self.client.get("/data_retention/policies_count", params=params))

    def get_data_retention_policy(self) -> Dict[str, Any]:
        """GET /api/v4/data_retention/policy

        Get the global data retention policy.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("Dict[str, Any]", self.client.get("/data_retention/policy"))

    def get_data_retention_policy_by_id(
        self, policy_id: str, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """GET /api/v4/data_retention/policies/{policy_id}

        Get a granular data retention policy.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(self.path("/data_retention/policies/{}", policy_id), params=params),
        )

    def get_team_policies_for_user(
        self,
        user_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> Dict[str, Any]:
        """GET /api/v4/users/{user_id}/data_retention/team_policies

        Get the policies which are applied to a user's teams.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of policies per page.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                self.path("/users/{}/data_retention/team_policies", user_id),
                params=query(params, page=page, per_page=per_page),
            ),
        )

    def get_teams_for_retention_policy(
        self,
        policy_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> Dict[str, Any]:
        """GET /api/v4/data_retention/policies/{policy_id}/teams

        Get the teams for a granular data retention policy.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of teams per page.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                self.path("/data_retention/policies/{}/teams", policy_id),
                params=query(params, page=page, per_page=per_page),
            ),
        )

    def patch_data_retention_policy(
        self, policy_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """PATCH /api/v4/data_retention/policies/{policy_id}

        Patch a granular data retention policy.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.patch(
                self.path("/data_retention/policies/{}", policy_id), options=options, params=params
            ),
        )

    def remove_channels_from_retention_policy(
        self, policy_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/data_retention/policies/{policy_id}/channels

        Delete channels from a granular data retention policy.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "StatusOK",
            self.client.delete(
                self.path("/data_retention/policies/{}/channels", policy_id), options=options, params=params
            ),
        )

    def remove_teams_from_retention_policy(
        self, policy_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/data_retention/policies/{policy_id}/teams

        Delete teams from a granular data retention policy.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "StatusOK",
            self.client.delete(
                self.path("/data_retention/policies/{}/teams", policy_id), options=options, params=params
            ),
        )

    def search_channels_for_retention_policy(
        self, policy_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> List[Dict[str, Any]]:
        """POST /api/v4/data_retention/policies/{policy_id}/channels/search

        Search for the channels in a granular data retention policy.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.post(
                self.path("/data_retention/policies/{}/channels/search", policy_id),
                options=options,
                params=params,
            ),
        )

    def search_teams_for_retention_policy(
        self, policy_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> List[Team]:
        """POST /api/v4/data_retention/policies/{policy_id}/teams/search

        Search for the teams in a granular data retention policy.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "List[Team]",
            self.client.post(
                self.path("/data_retention/policies/{}/teams/search", policy_id),
                options=options,
                params=params,
            ),
        )
