"""Channel routes of members: adding and removing, roles, notification props, moderation, views, unreads."""

from __future__ import annotations

from typing import Any, Dict, Iterator, List, Optional, cast

from ..types import StatusOK
from .base import Base, query


class ChannelMembers(Base):
    """Members of a channel: adding and removing them, their roles and notification props, what they
    may do (moderation), views and unreads; mixed into :class:`~mattermostdriver.endpoints.Channels`.
    """

    def add_user(self, channel_id: str, options: Any = None) -> Any:
        """POST /api/v4/channels/{channel_id}/members

        Add user(s) to channel.
        """
        # Any: one member for user_id, a list of them for user_ids
        return self.client.post(self.path("/channels/{}/members", channel_id), options=options)

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

    def get_unread_messages(self, user_id: str, channel_id: str) -> Dict[str, Any]:
        """GET /api/v4/users/{user_id}/channels/{channel_id}/unread

        Get unread messages.
        """
        return cast(
            "Dict[str, Any]", self.client.get(self.path("/users/{}/channels/{}/unread", user_id, channel_id))
        )

    def remove_channel_member(self, channel_id: str, user_id: str) -> StatusOK:
        """DELETE /api/v4/channels/{channel_id}/members/{user_id}

        Remove user from channel.
        """
        return cast("StatusOK", self.client.delete(self.path("/channels/{}/members/{}", channel_id, user_id)))

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

    def view_channel(self, user_id: str, options: Any) -> Dict[str, Any]:
        """POST /api/v4/channels/members/{user_id}/view

        View channel.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(self.path("/channels/members/{}/view", user_id), options=options),
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
