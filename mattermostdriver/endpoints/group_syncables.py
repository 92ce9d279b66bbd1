"""Group routes of the links between groups and teams or channels (syncables)."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import StatusOK
from .base import Base, query


class GroupSyncables(Base):
    """The links between groups and teams or channels (syncables), and the groups of a team or channel;
    mixed into :class:`~mattermostdriver.endpoints.Groups`.
    """

    def get_group_syncable_for_channel_id(
        self, group_id: str, channel_id: str, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """GET /api/v4/groups/{group_id}/channels/{channel_id}

        Get GroupSyncable from channel ID.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(self.path("/groups/{}/channels/{}", group_id, channel_id), params=params),
        )

    def get_group_syncable_for_team_id(
        self, group_id: str, team_id: str, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """GET /api/v4/groups/{group_id}/teams/{team_id}

        Get GroupSyncable from Team ID.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(self.path("/groups/{}/teams/{}", group_id, team_id), params=params),
        )

    def get_group_syncables_channels(
        self, group_id: str, params: Optional[Dict[str, Any]] = None
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/groups/{group_id}/channels

        Get group channels.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "List[Dict[str, Any]]", self.client.get(self.path("/groups/{}/channels", group_id), params=params)
        )

    def get_group_syncables_teams(
        self, group_id: str, params: Optional[Dict[str, Any]] = None
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/groups/{group_id}/teams

        Get group teams.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "List[Dict[str, Any]]", self.client.get(self.path("/groups/{}/teams", group_id), params=params)
        )

    def get_groups_associated_to_channels_by_team(
        self,
        team_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
        filter_allow_reference: Optional[bool] = None,
        paginate: Optional[bool] = None,
    ) -> Dict[str, Any]:
        """GET /api/v4/teams/{team_id}/groups_by_channels

        Get team groups by channels.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of groups per page.
        * ``filter_allow_reference``: Boolean which filters in the group entries with the ``allow_reference``
          attribute set.
        * ``paginate``: Boolean to determine whether the pagination should be applied or not
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                self.path("/teams/{}/groups_by_channels", team_id),
                params=query(
                    params,
                    page=page,
                    per_page=per_page,
                    filter_allow_reference=filter_allow_reference,
                    paginate=paginate,
                ),
            ),
        )

    def get_groups_by_channel(
        self,
        channel_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
        filter_allow_reference: Optional[bool] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/channels/{channel_id}/groups

        Get channel groups.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of groups per page.
        * ``filter_allow_reference``: Boolean which filters the group entries with the ``allow_reference``
          attribute set.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(
                self.path("/channels/{}/groups", channel_id),
                params=query(
                    params, page=page, per_page=per_page, filter_allow_reference=filter_allow_reference
                ),
            ),
        )

    def get_groups_by_team(
        self,
        team_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
        filter_allow_reference: Optional[bool] = None,
        include_member_count: Optional[bool] = None,
        include_timezones: Optional[bool] = None,
        include_total_count: Optional[bool] = None,
        include_archived: Optional[bool] = None,
        filter_archived: Optional[bool] = None,
        filter_parent_team_permitted: Optional[bool] = None,
        filter_has_member: Optional[str] = None,
        include_member_ids: Optional[bool] = None,
        only_syncable_sources: Optional[bool] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/teams/{team_id}/groups

        Get team groups.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of groups per page.
        * ``filter_allow_reference``: Boolean which filters in the group entries with the ``allow_reference``
          attribute set.
        * ``include_member_count``: Boolean which adds a ``member_count`` field to each group object.
        * ``include_timezones``: Boolean which adds timezone information for group members.
        * ``include_total_count``: Boolean which adds total count of groups in the response.
        * ``include_archived``: Boolean which includes archived groups in the response.
        * ``filter_archived``: Boolean which filters out archived groups from the response.
        * ``filter_parent_team_permitted``: Boolean which filters groups based on parent team permissions.
        * ``filter_has_member``: User ID to filter groups that have this member.
        * ``include_member_ids``: Boolean which adds member IDs to the group objects.
        * ``only_syncable_sources``: Boolean which includes groups from syncable sources.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(
                self.path("/teams/{}/groups", team_id),
                params=query(
                    params,
                    page=page,
                    per_page=per_page,
                    filter_allow_reference=filter_allow_reference,
                    include_member_count=include_member_count,
                    include_timezones=include_timezones,
                    include_total_count=include_total_count,
                    include_archived=include_archived,
                    filter_archived=filter_archived,
                    filter_parent_team_permitted=filter_parent_team_permitted,
                    filter_has_member=filter_has_member,
                    include_member_ids=include_member_ids,
                    only_syncable_sources=only_syncable_sources,
                ),
            ),
        )

    def link_group_syncable_for_channel(
        self, group_id: str, channel_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/groups/{group_id}/channels/{channel_id}/link

        Link a channel to a group.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(
                self.path("/groups/{}/channels/{}/link", group_id, channel_id), options=options, params=params
            ),
        )

    def link_group_syncable_for_team(
        self, group_id: str, team_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/groups/{group_id}/teams/{team_id}/link

        Link a team to a group.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(
                self.path("/groups/{}/teams/{}/link", group_id, team_id), options=options, params=params
            ),
        )

    def patch_group_syncable_for_channel(
        self, group_id: str, channel_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """PUT /api/v4/groups/{group_id}/channels/{channel_id}/patch

        Patch a GroupSyncable associated to Channel.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.put(
                self.path("/groups/{}/channels/{}/patch", group_id, channel_id),
                options=options,
                params=params,
            ),
        )

    def patch_group_syncable_for_team(
        self, group_id: str, team_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """PUT /api/v4/groups/{group_id}/teams/{team_id}/patch

        Patch a GroupSyncable associated to Team.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.put(
                self.path("/groups/{}/teams/{}/patch", group_id, team_id), options=options, params=params
            ),
        )

    def unlink_group_syncable_for_channel(
        self, group_id: str, channel_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/groups/{group_id}/channels/{channel_id}/link

        Delete a link from a channel to a group.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "StatusOK",
            self.client.delete(
                self.path("/groups/{}/channels/{}/link", group_id, channel_id), options=options, params=params
            ),
        )

    def unlink_group_syncable_for_team(
        self, group_id: str, team_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/groups/{group_id}/teams/{team_id}/link

        Delete a link from a team to a group.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "StatusOK",
            self.client.delete(
                self.path("/groups/{}/teams/{}/link", group_id, team_id), options=options, params=params
            ),
        )
