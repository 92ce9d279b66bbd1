"""Endpoints of ``driver.channels``."""

from __future__ import annotations

from typing import Any, Dict, Iterator, List, Optional, cast

from ..types import Channel, PostList, StatusOK, Team
from .base import Base, query
from .channel_extras import ChannelExtras


class TeamChannels(Base):
    """The channel routes of a team, which 7.3.2 offered on both ``driver.channels`` and ``driver.teams``."""

    def get_deleted_channels(
        self,
        team_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> List[Channel]:
        """GET /api/v4/teams/{team_id}/channels/deleted

        Get deleted channels.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of public channels per page.
        """
        return cast(
            "List[Channel]",
            self.client.get(
                self.path("/teams/{}/channels/deleted", team_id),
                params=query(params, page=page, per_page=per_page),
            ),
        )

    def get_public_channels(
        self,
        team_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> List[Channel]:
        """GET /api/v4/teams/{team_id}/channels

        Get public channels.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of public channels per page.
        """
        return cast(
            "List[Channel]",
            self.client.get(
                self.path("/teams/{}/channels", team_id), params=query(params, page=page, per_page=per_page)
            ),
        )

    def search_channels(self, team_id: str, options: Any = None) -> List[Channel]:
        """POST /api/v4/teams/{team_id}/channels/search

        Search channels.
        """
        return cast(
            "List[Channel]",
            self.client.post(self.path("/teams/{}/channels/search", team_id), options=options),
        )


class Channels(TeamChannels, ChannelExtras):
    """The ``channels`` routes."""

    endpoint = "/channels"

    def add_user(self, channel_id: str, options: Any = None) -> Any:
        """POST /api/v4/channels/{channel_id}/members

        Add user(s) to channel.
        """
        # Any: one member for user_id, a list of them for user_ids
        return self.client.post(self.path("/channels/{}/members", channel_id), options=options)

    def autocomplete_channels(
        self, team_id: str, params: Optional[Dict[str, Any]] = None, *, name: Optional[str] = None
    ) -> List[Channel]:
        """GET /api/v4/teams/{team_id}/channels/autocomplete

        Autocomplete channels.

        Query parameters (keyword-only arguments):

        * ``name``: (required) Name or display name
        """
        return cast(
            "List[Channel]",
            self.client.get(
                self.path("/teams/{}/channels/autocomplete", team_id), params=query(params, name=name)
            ),
        )

    def autocomplete_channels_for_team_for_search(
        self, team_id: str, params: Optional[Dict[str, Any]] = None, *, name: Optional[str] = None
    ) -> List[Channel]:
        """GET /api/v4/teams/{team_id}/channels/search_autocomplete

        Autocomplete channels for search.

        Query parameters (keyword-only arguments):

        * ``name``: (required) Name or display name
        """
        return cast(
            "List[Channel]",
            self.client.get(
                self.path("/teams/{}/channels/search_autocomplete", team_id), params=query(params, name=name)
            ),
        )

    def channel_members_minus_group_members(
        self,
        channel_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        group_ids: Optional[str] = None,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> Dict[str, Any]:
        """GET /api/v4/channels/{channel_id}/members_minus_group_members

        Channel members minus group members.

        Query parameters (keyword-only arguments):

        * ``group_ids``: (required) A comma-separated list of group ids.
        * ``page``: The page to select.
        * ``per_page``: The number of users per page.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                self.path("/channels/{}/members_minus_group_members", channel_id),
                params=query(params, group_ids=group_ids, page=page, per_page=per_page),
            ),
        )

    def convert_channel(self, channel_id: str, options: Any = None) -> Channel:
        """PUT /api/v4/channels/{channel_id}/privacy

        Change a channel's privacy: ``options`` defaults to ``{"privacy": "P"}`` (make it
        private, as 7.3.2's ``convert_channel`` did); pass ``{"privacy": "O"}`` to make it public.
        The old ``/convert`` route is gone from the server.
        """
        body = options if options is not None else {"privacy": "P"}
        return cast("Channel", self.client.put(self.path("/channels/{}/privacy", channel_id), options=body))

    def create_channel(self, options: Any) -> Channel:
        """POST /api/v4/channels

        Create a channel.
        """
        return cast("Channel", self.client.post("/channels", options=options))

    def create_direct_message_channel(self, options: Any) -> Channel:
        """POST /api/v4/channels/direct

        Create a direct message channel.
        """
        return cast("Channel", self.client.post("/channels/direct", options=options))

    def create_group_message_channel(self, options: Any) -> Channel:
        """POST /api/v4/channels/group

        Create a group message channel.
        """
        return cast("Channel", self.client.post("/channels/group", options=options))

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

    def delete_channel(self, channel_id: str) -> StatusOK:
        """DELETE /api/v4/channels/{channel_id}

        Delete a channel.
        """
        return cast("StatusOK", self.client.delete(self.path("/channels/{}", channel_id)))

    def get_all_channels(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        not_associated_to_group: Optional[str] = None,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
        exclude_default_channels: Optional[bool] = None,
        include_deleted: Optional[bool] = None,
        include_total_count: Optional[bool] = None,
        exclude_policy_constrained: Optional[bool] = None,
    ) -> Any:
        """GET /api/v4/channels

        Get a list of all channels.

        Query parameters (keyword-only arguments):

        * ``not_associated_to_group``: A group id to exclude channels that are associated with that group via
          GroupChannel records. This can also be left blank with ``not_associated_to_group=``.
        * ``page``: The page to select.
        * ``per_page``: The number of channels per page.
        * ``exclude_default_channels``: Whether to exclude default channels (ex Town Square, Off-Topic) from
          the results.
        * ``include_deleted``: Include channels that have been archived.
        * ``include_total_count``: Appends a total count of returned channels inside the response object - ex:
          ``{ "channels": [], "total_count" : 0 }``.
        * ``exclude_policy_constrained``: If set to true, channels which are part of a data retention policy
          will be excluded. The ``sysconsole_read_compliance`` permission is required to use this parameter.
          *Minimum server version*: 5.35
        """
        # Any: a list, or an object with total_count when include_total_count is set
        return self.client.get(
            "/channels",
            params=query(
                params,
                not_associated_to_group=not_associated_to_group,
                page=page,
                per_page=per_page,
                exclude_default_channels=exclude_default_channels,
                include_deleted=include_deleted,
                include_total_count=include_total_count,
                exclude_policy_constrained=exclude_policy_constrained,
            ),
        )

    def get_channel(self, channel_id: str) -> Channel:
        """GET /api/v4/channels/{channel_id}

        Get a channel.
        """
        return cast("Channel", self.client.get(self.path("/channels/{}", channel_id)))

    def get_channel_by_name(
        self, team_id: str, channel_name: str, *, include_deleted: Optional[bool] = None
    ) -> Channel:
        """GET /api/v4/teams/{team_id}/channels/name/{channel_name}

        Get a channel by name.

        Query parameters (keyword-only arguments):

        * ``include_deleted``: Defines if deleted channels should be returned or not (Mattermost Server
          5.26.0+)
        """
        return cast(
            "Channel",
            self.client.get(
                self.path("/teams/{}/channels/name/{}", team_id, channel_name),
                params=query(None, include_deleted=include_deleted),
            ),
        )

    def get_channel_by_name_and_team_name(
        self, team_name: str, channel_name: str, *, include_deleted: Optional[bool] = None
    ) -> Channel:
        """GET /api/v4/teams/name/{team_name}/channels/name/{channel_name}

        Get a channel by name and team name.

        Query parameters (keyword-only arguments):

        * ``include_deleted``: Defines if deleted channels should be returned or not (Mattermost Server
          5.26.0+)
        """
        return cast(
            "Channel",
            self.client.get(
                self.path("/teams/name/{}/channels/name/{}", team_name, channel_name),
                params=query(None, include_deleted=include_deleted),
            ),
        )

    def get_channel_for_user(
        self,
        user_id: str,
        team_id: str,
        *,
        include_deleted: Optional[bool] = None,
        last_delete_at: Optional[int] = None,
    ) -> List[Channel]:
        """GET /api/v4/users/{user_id}/teams/{team_id}/channels

        Get channels for user.

        Query parameters (keyword-only arguments):

        * ``include_deleted``: Defines if deleted channels should be returned or not
        * ``last_delete_at``: Filters the deleted channels by this time in epoch format.
        """
        return cast(
            "List[Channel]",
            self.client.get(
                self.path("/users/{}/teams/{}/channels", user_id, team_id),
                params=query(None, include_deleted=include_deleted, last_delete_at=last_delete_at),
            ),
        )

    def get_channel_member(self, channel_id: str, user_id: str) -> Dict[str, Any]:
        """GET /api/v4/channels/{channel_id}/members/{user_id}

        Get channel member.
        """
        return cast(
            "Dict[str, Any]", self.client.get(self.path("/channels/{}/members/{}", channel_id, user_id))
        )

    def get_channel_member_counts_by_group(
        self,
        channel_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        include_timezones: Optional[bool] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/channels/{channel_id}/member_counts_by_group

        Channel members counts for each group that has at least one member in the channel.

        Query parameters (keyword-only arguments):

        * ``include_timezones``: Defines if member timezone counts should be returned or not
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(
                self.path("/channels/{}/member_counts_by_group", channel_id),
                params=query(params, include_timezones=include_timezones),
            ),
        )

    def get_channel_members(
        self,
        channel_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/channels/{channel_id}/members

        Get channel members.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of members per page.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(
                self.path("/channels/{}/members", channel_id),
                params=query(params, page=page, per_page=per_page),
            ),
        )

    def get_channel_members_by_ids(self, channel_id: str, options: Any = None) -> List[Dict[str, Any]]:
        """POST /api/v4/channels/{channel_id}/members/ids

        Get channel members by ids.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.post(self.path("/channels/{}/members/ids", channel_id), options=options),
        )

    def get_channel_members_for_user(self, user_id: str, team_id: str) -> List[Dict[str, Any]]:
        """GET /api/v4/users/{user_id}/teams/{team_id}/channels/members

        Get channel memberships and roles for a user.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(self.path("/users/{}/teams/{}/channels/members", user_id, team_id)),
        )

    def get_channel_members_timezones(
        self, channel_id: str, params: Optional[Dict[str, Any]] = None
    ) -> Optional[List[str]]:
        """GET /api/v4/channels/{channel_id}/timezones

        Get timezones in a channel.
        """
        # None (JSON null) when no member has a timezone set
        return cast(
            "Optional[List[str]]",
            self.client.get(self.path("/channels/{}/timezones", channel_id), params=params),
        )

    def get_channel_moderations(
        self, channel_id: str, params: Optional[Dict[str, Any]] = None
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/channels/{channel_id}/moderations

        Get information about channel's moderation.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(self.path("/channels/{}/moderations", channel_id), params=params),
        )

    def get_channel_pinned_posts(self, channel_id: str) -> PostList:
        """GET /api/v4/channels/{channel_id}/pinned

        Get a channel's pinned posts.
        """
        return cast("PostList", self.client.get(self.path("/channels/{}/pinned", channel_id)))

    def get_channel_statistics(self, channel_id: str) -> Dict[str, Any]:
        """GET /api/v4/channels/{channel_id}/stats

        Get channel statistics.
        """
        return cast("Dict[str, Any]", self.client.get(self.path("/channels/{}/stats", channel_id)))

    def get_channels_for_user(
        self, user_id: str, team_id: Optional[str] = None, params: Optional[Dict[str, Any]] = None
    ) -> List[Channel]:
        """GET /api/v4/users/{user_id}/teams/{team_id}/channels

        Get the channels of a user in a team. With ``team_id`` left out, it calls
        ``GET /api/v4/users/{user_id}/channels``: the user's channels in every team.
        """
        if team_id is None:
            return cast(
                "List[Channel]", self.client.get(self.path("/users/{}/channels", user_id), params=params)
            )
        return cast(
            "List[Channel]",
            self.client.get(self.path("/users/{}/teams/{}/channels", user_id, team_id), params=params),
        )

    def get_group_message_members_common_teams(
        self, channel_id: str, params: Optional[Dict[str, Any]] = None
    ) -> List[Team]:
        """GET /api/v4/channels/{channel_id}/common_teams

        Get common teams for members of a Group Message.
        """
        return cast(
            "List[Team]", self.client.get(self.path("/channels/{}/common_teams", channel_id), params=params)
        )

    def get_list_of_channels_by_ids(self, team_id: str, options: Any = None) -> List[Channel]:
        """POST /api/v4/teams/{team_id}/channels/ids

        Get a list of channels by ids.
        """
        return cast(
            "List[Channel]", self.client.post(self.path("/teams/{}/channels/ids", team_id), options=options)
        )

    def get_private_channels_for_team(
        self,
        team_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> List[Channel]:
        """GET /api/v4/teams/{team_id}/channels/private

        Get private channels.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of private channels per page.
        """
        return cast(
            "List[Channel]",
            self.client.get(
                self.path("/teams/{}/channels/private", team_id),
                params=query(params, page=page, per_page=per_page),
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

    def get_unread_messages(self, user_id: str, channel_id: str) -> Dict[str, Any]:
        """GET /api/v4/users/{user_id}/channels/{channel_id}/unread

        Get unread messages.
        """
        return cast(
            "Dict[str, Any]", self.client.get(self.path("/users/{}/channels/{}/unread", user_id, channel_id))
        )

    def move_channel(
        self, channel_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Channel:
        """POST /api/v4/channels/{channel_id}/move

        Move a channel.
        """
        return cast(
            "Channel",
            self.client.post(self.path("/channels/{}/move", channel_id), options=options, params=params),
        )

    def patch_channel(self, channel_id: str, options: Any) -> Channel:
        """PUT /api/v4/channels/{channel_id}/patch

        Patch a channel.
        """
        return cast("Channel", self.client.put(self.path("/channels/{}/patch", channel_id), options=options))

    def patch_channel_moderations(
        self, channel_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> List[Dict[str, Any]]:
        """PUT /api/v4/channels/{channel_id}/moderations/patch

        Update a channel's moderation settings.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.put(
                self.path("/channels/{}/moderations/patch", channel_id), options=options, params=params
            ),
        )

    def remove_channel_member(self, channel_id: str, user_id: str) -> StatusOK:
        """DELETE /api/v4/channels/{channel_id}/members/{user_id}

        Remove user from channel.
        """
        return cast("StatusOK", self.client.delete(self.path("/channels/{}/members/{}", channel_id, user_id)))

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

    def restore_channel(self, channel_id: str) -> Channel:
        """POST /api/v4/channels/{channel_id}/restore

        Restore a channel.
        """
        return cast("Channel", self.client.post(self.path("/channels/{}/restore", channel_id)))

    def search_all_channels(
        self,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
        *,
        system_console: Optional[bool] = None,
    ) -> Any:
        """POST /api/v4/channels/search

        Search all private and open type channels across all teams.

        Query parameters (keyword-only arguments):

        * ``system_console``: Is the request from system_console.
        """
        # Any: a list, or an object with total_count when the search is paged
        return self.client.post(
            "/channels/search", options=options, params=query(params, system_console=system_console)
        )

    def search_group_channels(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> List[Channel]:
        """POST /api/v4/channels/group/search

        Search Group Channels.
        """
        return cast(
            "List[Channel]", self.client.post("/channels/group/search", options=options, params=params)
        )

    def set_channel_scheme(self, channel_id: str, options: Any = None) -> StatusOK:
        """PUT /api/v4/channels/{channel_id}/scheme

        Set a channel's scheme: ``options`` is ``{"scheme_id": ...}``.
        """
        return cast(
            "StatusOK", self.client.put(self.path("/channels/{}/scheme", channel_id), options=options)
        )

    def update_channel(self, channel_id: str, options: Any) -> Channel:
        """PUT /api/v4/channels/{channel_id}

        Update a channel.
        """
        return cast("Channel", self.client.put(self.path("/channels/{}", channel_id), options=options))

    def update_channel_member_autotranslation(
        self, channel_id: str, user_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """PUT /api/v4/channels/{channel_id}/members/{user_id}/autotranslation

        Update channel member autotranslation setting.
        """
        return cast(
            "StatusOK",
            self.client.put(
                self.path("/channels/{}/members/{}/autotranslation", channel_id, user_id),
                options=options,
                params=params,
            ),
        )

    def update_channel_notifications(self, channel_id: str, user_id: str, options: Any = None) -> StatusOK:
        """PUT /api/v4/channels/{channel_id}/members/{user_id}/notify_props

        Update channel notifications.
        """
        return cast(
            "StatusOK",
            self.client.put(
                self.path("/channels/{}/members/{}/notify_props", channel_id, user_id), options=options
            ),
        )

    def update_channel_roles(self, channel_id: str, user_id: str, options: Any) -> StatusOK:
        """PUT /api/v4/channels/{channel_id}/members/{user_id}/roles

        Update channel roles.
        """
        return cast(
            "StatusOK",
            self.client.put(self.path("/channels/{}/members/{}/roles", channel_id, user_id), options=options),
        )

    def update_scheme_derived_roles_of_channel_member(
        self, channel_id: str, user_id: str, options: Any = None
    ) -> StatusOK:
        """PUT /api/v4/channels/{channel_id}/members/{user_id}/schemeRoles

        Update the scheme-derived roles of a channel member.
        """
        return cast(
            "StatusOK",
            self.client.put(
                self.path("/channels/{}/members/{}/schemeRoles", channel_id, user_id), options=options
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

    def view_channel(self, user_id: str, options: Any) -> Dict[str, Any]:
        """POST /api/v4/channels/members/{user_id}/view

        View channel.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(self.path("/channels/members/{}/view", user_id), options=options),
        )

    def iter_public_channels(
        self, team_id: str, params: Optional[Dict[str, Any]] = None, *, per_page: int = 200
    ) -> Iterator[Channel]:
        """GET /api/v4/teams/{team_id}/channels

        Iterate over every public channel of a team, one page at a time.
        """
        return cast(
            "Iterator[Channel]",
            self.client.pages(
                lambda query: self.get_public_channels(team_id, query), params, per_page=per_page
            ),
        )

    def iter_channel_members(
        self, channel_id: str, params: Optional[Dict[str, Any]] = None, *, per_page: int = 200
    ) -> Iterator[Dict[str, Any]]:
        """GET /api/v4/channels/{channel_id}/members

        Iterate over every member of a channel, one page at a time.
        """
        return cast(
            "Iterator[Dict[str, Any]]",
            self.client.pages(
                lambda query: self.get_channel_members(channel_id, query), params, per_page=per_page
            ),
        )

    def iter_all_channels(
        self, params: Optional[Dict[str, Any]] = None, *, per_page: int = 200
    ) -> Iterator[Channel]:
        """GET /api/v4/channels

        Iterate over every channel of the system (needs ``manage_system``), one page at a time.
        """
        return cast(
            "Iterator[Channel]",
            self.client.pages(lambda query: self.get_all_channels(query), params, per_page=per_page),
        )
