"""Endpoints of ``driver.groups``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import StatusOK
from .base import query
from .group_syncables import GroupSyncables


class Groups(GroupSyncables):
    """The ``groups`` routes.

    Needs an Enterprise licence: a server without one answers 501 or 403, raised as
    :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
    """

    endpoint = "/groups"

    def add_group_members(
        self, group_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/groups/{group_id}/members

        Adds members to a custom group.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "StatusOK",
            self.client.post(self.path("/groups/{}/members", group_id), options=options, params=params),
        )

    def create_group(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """POST /api/v4/groups

        Create a custom group.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("Dict[str, Any]", self.client.post("/groups", options=options, params=params))

    def delete_group(
        self, group_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """DELETE /api/v4/groups/{group_id}

        Deletes a custom group.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.delete(self.path("/groups/{}", group_id), options=options, params=params),
        )

    def delete_group_members(
        self, group_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> List[Dict[str, Any]]:
        """DELETE /api/v4/groups/{group_id}/members

        Removes members from a custom group.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.delete(self.path("/groups/{}/members", group_id), options=options, params=params),
        )

    def get_group(self, group_id: str, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/groups/{group_id}

        Get a group.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("Dict[str, Any]", self.client.get(self.path("/groups/{}", group_id), params=params))

    def get_group_stats(self, group_id: str, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/groups/{group_id}/stats

        Get group stats.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("Dict[str, Any]", self.client.get(self.path("/groups/{}/stats", group_id), params=params))

    def get_group_users(
        self,
        group_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> Dict[str, Any]:
        """GET /api/v4/groups/{group_id}/members

        Get group users.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of groups per page.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                self.path("/groups/{}/members", group_id), params=query(params, page=page, per_page=per_page)
            ),
        )

    def get_groups(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
        q: Optional[str] = None,
        include_member_count: Optional[bool] = None,
        not_associated_to_team: Optional[str] = None,
        not_associated_to_channel: Optional[str] = None,
        since: Optional[int] = None,
        filter_allow_reference: Optional[bool] = None,
    ) -> Any:
        """GET /api/v4/groups

        Get groups.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of groups per page.
        * ``q``: String to pattern match the ``name`` and ``display_name`` field.
        * ``include_member_count``: Boolean which adds the ``member_count`` attribute to each group JSON
          object
        * ``not_associated_to_team``: Team GUID which is used to return all the groups not associated to this
          team
        * ``not_associated_to_channel``: Group GUID which is used to return all the groups not associated to
          this channel
        * ``since``: Only return groups that have been modified since the given Unix timestamp (in
          milliseconds). All modified groups, including deleted and created groups, will be returned. *Minimum
          server version*: 5.24
        * ``filter_allow_reference``: Boolean which filters the group entries with the ``allow_reference``
          attribute set.
        """
        # Any: a list, or an object with total_count when include_total_count is set
        return self.client.get(
            "/groups",
            params=query(
                params,
                page=page,
                per_page=per_page,
                q=q,
                include_member_count=include_member_count,
                not_associated_to_team=not_associated_to_team,
                not_associated_to_channel=not_associated_to_channel,
                since=since,
                filter_allow_reference=filter_allow_reference,
            ),
        )

    def get_groups_by_names(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> List[Dict[str, Any]]:
        """POST /api/v4/groups/names

        Get groups by name.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("List[Dict[str, Any]]", self.client.post("/groups/names", options=options, params=params))

    def get_groups_by_user_id(
        self, user_id: str, params: Optional[Dict[str, Any]] = None
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/users/{user_id}/groups

        Get groups for a userId.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "List[Dict[str, Any]]", self.client.get(self.path("/users/{}/groups", user_id), params=params)
        )

    def patch_group(
        self, group_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """PUT /api/v4/groups/{group_id}/patch

        Patch a group.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.put(self.path("/groups/{}/patch", group_id), options=options, params=params),
        )

    def restore_group(
        self, group_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/groups/{group_id}/restore

        Restore a previously deleted group.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(self.path("/groups/{}/restore", group_id), options=options, params=params),
        )

    def unlink_ldap_group(
        self, remote_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/ldap/groups/{remote_id}/link

        Delete a link for LDAP group.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "StatusOK",
            self.client.delete(self.path("/ldap/groups/{}/link", remote_id), options=options, params=params),
        )
