"""Endpoints of ``driver.users``."""

from __future__ import annotations

from typing import Any, Dict, Iterator, List, Optional, cast

from ..types import StatusOK, User
from .base import query
from .user_admin import UserAdmin
from .user_auth import UserAuth
from .user_extras import UserExtras
from .user_sessions import UserSessions


class Users(UserAuth, UserSessions, UserAdmin, UserExtras):
    """The ``users`` routes."""

    endpoint = "/users"

    def autocomplete_users(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        team_id: Optional[str] = None,
        channel_id: Optional[str] = None,
        name: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> Dict[str, Any]:
        """GET /api/v4/users/autocomplete

        Autocomplete users.

        Query parameters (keyword-only arguments):

        * ``team_id``: Team ID
        * ``channel_id``: Channel ID
        * ``name``: (required) Username, nickname first name or last name
        * ``limit``: The maximum number of users to return in each subresult
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                "/users/autocomplete",
                params=query(params, team_id=team_id, channel_id=channel_id, name=name, limit=limit),
            ),
        )

    def create_user(
        self,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
        *,
        t: Optional[str] = None,
        iid: Optional[str] = None,
    ) -> User:
        """POST /api/v4/users

        Create a user.

        Query parameters (keyword-only arguments):

        * ``t``: Token id from an email invitation
        * ``iid``: Token id from an invitation link
        """
        return cast("User", self.client.post("/users", options=options, params=query(params, t=t, iid=iid)))

    def deactivate_user(self, user_id: str) -> StatusOK:
        """DELETE /api/v4/users/{user_id}

        Deactivate a user account.
        """
        return cast("StatusOK", self.client.delete(self.path("/users/{}", user_id)))

    def get_channel_members_with_team_data_for_user(
        self,
        user_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> Any:
        """GET /api/v4/users/{user_id}/channel_members

        Get all channel members from all teams for a user.

        Query parameters (keyword-only arguments):

        * ``page``: Page specifies which part of the results to return, by perPage.
        * ``per_page``: The size of the returned chunk of results.
        """
        # Any: a JSON list when paged, else an NDJSON stream (the Response)
        return self.client.get(
            self.path("/users/{}/channel_members", user_id),
            params=query(params, page=page, per_page=per_page),
        )

    def get_known_users(self, params: Optional[Dict[str, Any]] = None) -> List[str]:
        """GET /api/v4/users/known

        Get user IDs of known users.
        """
        return cast("List[str]", self.client.get("/users/known", params=params))

    def get_server_limits(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/limits/server

        Gets the server limits for the server.
        """
        return cast("Dict[str, Any]", self.client.get("/limits/server", params=params))

    def get_stats(self) -> Dict[str, Any]:
        """GET /api/v4/users/stats

        Get total count of users in the system.
        """
        return cast("Dict[str, Any]", self.client.get("/users/stats"))

    def get_total_users_stats_filtered(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        in_team: Optional[str] = None,
        in_channel: Optional[str] = None,
        include_deleted: Optional[bool] = None,
        include_bots: Optional[bool] = None,
        roles: Optional[str] = None,
        channel_roles: Optional[str] = None,
        team_roles: Optional[str] = None,
    ) -> Dict[str, Any]:
        """GET /api/v4/users/stats/filtered

        Get total count of users in the system matching the specified filters.

        Query parameters (keyword-only arguments):

        * ``in_team``: The ID of the team to get user stats for.
        * ``in_channel``: The ID of the channel to get user stats for.
        * ``include_deleted``: If deleted accounts should be included in the count.
        * ``include_bots``: If bot accounts should be included in the count.
        * ``roles``: Comma separated string used to filter users based on any of the specified system roles
        * ``channel_roles``: Comma separated string used to filter users based on any of the specified channel
          roles, can only be used in conjunction with ``in_channel``
        * ``team_roles``: Comma separated string used to filter users based on any of the specified team
          roles, can only be used in conjunction with ``in_team``
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                "/users/stats/filtered",
                params=query(
                    params,
                    in_team=in_team,
                    in_channel=in_channel,
                    include_deleted=include_deleted,
                    include_bots=include_bots,
                    roles=roles,
                    channel_roles=channel_roles,
                    team_roles=team_roles,
                ),
            ),
        )

    def get_uploads_for_user(
        self, user_id: str, params: Optional[Dict[str, Any]] = None
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/users/{user_id}/uploads

        Get uploads for a user.
        """
        return cast(
            "List[Dict[str, Any]]", self.client.get(self.path("/users/{}/uploads", user_id), params=params)
        )

    def get_user(self, user_id: str) -> User:
        """GET /api/v4/users/{user_id}

        Get a user.
        """
        return cast("User", self.client.get(self.path("/users/{}", user_id)))

    def get_user_by_email(self, email: str) -> User:
        """GET /api/v4/users/email/{email}

        Get a user by email.
        """
        return cast("User", self.client.get(self.path("/users/email/{}", email)))

    def get_user_by_username(self, username: str) -> User:
        """GET /api/v4/users/username/{username}

        Get a user by username.
        """
        return cast("User", self.client.get(self.path("/users/username/{}", username)))

    def get_users(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
        in_team: Optional[str] = None,
        not_in_team: Optional[str] = None,
        in_channel: Optional[str] = None,
        not_in_channel: Optional[str] = None,
        in_group: Optional[str] = None,
        group_constrained: Optional[bool] = None,
        abac_match_only: Optional[bool] = None,
        without_team: Optional[bool] = None,
        active: Optional[bool] = None,
        inactive: Optional[bool] = None,
        role: Optional[str] = None,
        sort: Optional[str] = None,
        roles: Optional[str] = None,
        channel_roles: Optional[str] = None,
        team_roles: Optional[str] = None,
    ) -> List[User]:
        """GET /api/v4/users

        Get users.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of users per page.
        * ``in_team``: The ID of the team to get users for.
        * ``not_in_team``: The ID of the team to exclude users for.
        * ``in_channel``: The ID of the channel to get users for.
        * ``not_in_channel``: The ID of the channel to exclude users for.
        * ``in_group``: The ID of the group to get users for.
        * ``group_constrained``: When used with ``not_in_channel`` or ``not_in_team``, returns only the users
          that are allowed to join the channel or team based on its group constraints.
        * ``abac_match_only``: With ``not_in_channel``, only the users whose attributes satisfy the
          channel's attribute-based access control policy (always so on a private channel with a
          policy). Server 11.8 or later; an older server ignores it.
        * ``without_team``: Whether or not to list users that are not on any team.
        * ``active``: Whether or not to list only users that are active.
        * ``inactive``: Whether or not to list only users that are deactivated.
        * ``role``: Returns users that have this role.
        * ``sort``: Sort is only available in conjunction with certain options below.
        * ``roles``: Comma separated string used to filter users based on any of the specified system roles
        * ``channel_roles``: Comma separated string used to filter users based on any of the specified channel
          roles, can only be used in conjunction with ``in_channel``
        * ``team_roles``: Comma separated string used to filter users based on any of the specified team
          roles, can only be used in conjunction with ``in_team``
        """
        return cast(
            "List[User]",
            self.client.get(
                "/users",
                params=query(
                    params,
                    page=page,
                    per_page=per_page,
                    in_team=in_team,
                    not_in_team=not_in_team,
                    in_channel=in_channel,
                    not_in_channel=not_in_channel,
                    in_group=in_group,
                    group_constrained=group_constrained,
                    abac_match_only=abac_match_only,
                    without_team=without_team,
                    active=active,
                    inactive=inactive,
                    role=role,
                    sort=sort,
                    roles=roles,
                    channel_roles=channel_roles,
                    team_roles=team_roles,
                ),
            ),
        )

    def get_users_by_group_channel_ids(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/users/group_channels

        Get users by group channels ids.
        """
        return cast(
            "Dict[str, Any]", self.client.post("/users/group_channels", options=options, params=params)
        )

    def get_users_by_ids(self, options: Any = None, *, since: Optional[int] = None) -> List[User]:
        """POST /api/v4/users/ids

        Get users by ids.

        Query parameters (keyword-only arguments):

        * ``since``: Only return users that have been modified since the given Unix timestamp (in
          milliseconds). *Minimum server version*: 5.14
        """
        return cast(
            "List[User]", self.client.post("/users/ids", options=options, params=query(None, since=since))
        )

    def get_users_by_usernames(self, options: Any = None) -> List[User]:
        """POST /api/v4/users/usernames

        Get users by usernames.
        """
        return cast("List[User]", self.client.post("/users/usernames", options=options))

    def get_users_with_invalid_emails(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> List[User]:
        """GET /api/v4/users/invalid_emails

        Get users with invalid emails.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of users per page.
        """
        return cast(
            "List[User]",
            self.client.get("/users/invalid_emails", params=query(params, page=page, per_page=per_page)),
        )

    def patch_user(self, user_id: str, options: Any = None) -> User:
        """PUT /api/v4/users/{user_id}/patch

        Patch a user.
        """
        return cast("User", self.client.put(self.path("/users/{}/patch", user_id), options=options))

    def publish_user_typing(
        self, user_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/users/{user_id}/typing

        Publish a user typing websocket event.
        """
        return cast(
            "StatusOK",
            self.client.post(self.path("/users/{}/typing", user_id), options=options, params=params),
        )

    def search_users(self, options: Any = None) -> List[User]:
        """POST /api/v4/users/search

        Search users.
        """
        return cast("List[User]", self.client.post("/users/search", options=options))

    def update_user(self, user_id: str, options: Any = None) -> User:
        """PUT /api/v4/users/{user_id}

        Update a user.
        """
        return cast("User", self.client.put(self.path("/users/{}", user_id), options=options))

    def iter_users(self, params: Optional[Dict[str, Any]] = None, *, per_page: int = 200) -> Iterator[User]:
        """GET /api/v4/users

        Iterate over every user the query matches (``in_team``, ``in_channel``, ``active``,
        ``role``, ...), fetching one page of ``per_page`` at a time.
        """
        return cast(
            "Iterator[User]",
            self.client.pages(lambda query: self.get_users(query), params, per_page=per_page),
        )
