"""Endpoints of ``driver.channels``."""

from __future__ import annotations

from typing import Any, Dict, Iterator, List, Optional, cast

from ..types import Channel, PostList, StatusOK, Team
from .base import query
from .channel_extras import ChannelExtras
from .channel_members import ChannelMembers
from .channel_sidebar import ChannelSidebar
from .team_channels import TeamChannels


class Channels(TeamChannels, ChannelMembers, ChannelSidebar, ChannelExtras):
    """The ``channels`` routes."""

    endpoint = "/channels"

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
        self,
        user_id: str,
        team_id: Optional[str] = None,
        params: Optional[Dict[str, Any]] = None,
        *,
        include_deleted: Optional[bool] = None,
        last_delete_at: Optional[int] = None,
    ) -> List[Channel]:
        """GET /api/v4/users/{user_id}/teams/{team_id}/channels
        GET /api/v4/users/{user_id}/channels (``team_id`` left out)

        Get the channels of a user in a team; with ``team_id`` left out, the user's channels
        in every team.

        Query parameters (keyword-only arguments), of both routes:

        * ``include_deleted``: Defines if deleted channels should be returned or not.
        * ``last_delete_at``: Filters the deleted channels by this time in epoch format. Does not
          have any effect if include_deleted is set to false.
        """
        sent = query(params, include_deleted=include_deleted, last_delete_at=last_delete_at)
        if team_id is None:
            return cast(
                "List[Channel]", self.client.get(self.path("/users/{}/channels", user_id), params=sent)
            )
        return cast(
            "List[Channel]",
            self.client.get(self.path("/users/{}/teams/{}/channels", user_id, team_id), params=sent),
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
