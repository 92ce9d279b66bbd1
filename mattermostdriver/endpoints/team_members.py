"""Team routes of members: adding and removing, roles, invitations and unreads."""

from __future__ import annotations

from typing import Any, Dict, Iterator, List, Optional, cast

from ..types import StatusOK
from .base import Base, query


class TeamMembers(Base):
    """Members of a team: adding and removing them, their roles, invitations and unreads; mixed into
    :class:`~mattermostdriver.endpoints.Teams`.
    """

    def add_multiple_users_to_team(
        self, team_id: str, options: Any = None, *, graceful: Optional[bool] = None
    ) -> List[Dict[str, Any]]:
        """POST /api/v4/teams/{team_id}/members/batch

        Add multiple users to team.

        Query parameters (keyword-only arguments):

        * ``graceful``: Instead of aborting the operation if a user cannot be added, return an array that will
          contain both the success and added members and the ones with error, in form of ``[{"member": {...},
          "user_id", "...", "error": {...}}]``. The server takes any value as true: ``False``
          sends nothing.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.post(
                self.path("/teams/{}/members/batch", team_id),
                options=options,
                params=query(None, graceful=graceful or None),
            ),
        )

    def add_user_to_team(self, team_id: str, options: Any = None) -> Dict[str, Any]:
        """POST /api/v4/teams/{team_id}/members

        Add user to team.
        """
        return cast(
            "Dict[str, Any]", self.client.post(self.path("/teams/{}/members", team_id), options=options)
        )

    def add_user_to_team_from_invite(
        self, params: Optional[Dict[str, Any]] = None, *, token: Optional[str] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/teams/members/invite

        Add user to team from invite.

        Query parameters (keyword-only arguments):

        * ``token``: (required) Token id from the invitation
        """
        return cast(
            "Dict[str, Any]", self.client.post("/teams/members/invite", params=query(params, token=token))
        )

    def get_invite_info_for_team(self, invite_id: str) -> Dict[str, Any]:
        """GET /api/v4/teams/invite/{invite_id}

        Get invite info for a team.
        """
        return cast("Dict[str, Any]", self.client.get(self.path("/teams/invite/{}", invite_id)))

    def get_team_member(self, team_id: str, user_id: str) -> Dict[str, Any]:
        """GET /api/v4/teams/{team_id}/members/{user_id}

        Get a team member.
        """
        return cast("Dict[str, Any]", self.client.get(self.path("/teams/{}/members/{}", team_id, user_id)))

    def get_team_members(
        self,
        team_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
        sort: Optional[str] = None,
        exclude_deleted_users: Optional[bool] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/teams/{team_id}/members

        Get team members.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of users per page.
        * ``sort``: To sort by Username, set to 'Username', otherwise sort is by 'UserID'
        * ``exclude_deleted_users``: Excludes deleted users from the results
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(
                self.path("/teams/{}/members", team_id),
                params=query(
                    params,
                    page=page,
                    per_page=per_page,
                    sort=sort,
                    exclude_deleted_users=exclude_deleted_users,
                ),
            ),
        )

    def get_team_members_by_id(self, team_id: str, options: Any = None) -> List[Dict[str, Any]]:
        """POST /api/v4/teams/{team_id}/members/ids

        Get team members by ids.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.post(self.path("/teams/{}/members/ids", team_id), options=options),
        )

    def get_team_members_for_user(self, user_id: str) -> List[Dict[str, Any]]:
        """GET /api/v4/users/{user_id}/teams/members

        Get team members for a user.
        """
        return cast("List[Dict[str, Any]]", self.client.get(self.path("/users/{}/teams/members", user_id)))

    def get_team_unreads_for_user(
        self,
        user_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        exclude_team: Optional[str] = None,
        include_collapsed_threads: Optional[bool] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/users/{user_id}/teams/unread

        Get team unreads for a user.

        Query parameters (keyword-only arguments):

        * ``exclude_team``: (required) Optional team id to be excluded from the results
        * ``include_collapsed_threads``: Boolean to determine whether the collapsed threads should be included
          or not
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(
                self.path("/users/{}/teams/unread", user_id),
                params=query(
                    params, exclude_team=exclude_team, include_collapsed_threads=include_collapsed_threads
                ),
            ),
        )

    def get_unreads_for_team(self, user_id: str, team_id: str) -> Dict[str, Any]:
        """GET /api/v4/users/{user_id}/teams/{team_id}/unread

        Get unreads for a team.
        """
        return cast(
            "Dict[str, Any]", self.client.get(self.path("/users/{}/teams/{}/unread", user_id, team_id))
        )

    def invalidate_email_invites(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/teams/invites/email

        Invalidate active email invitations.
        """
        return cast("StatusOK", self.client.delete("/teams/invites/email", options=options, params=params))

    def invite_guests_to_team(
        self,
        team_id: str,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
        *,
        graceful: Optional[bool] = None,
        guest_magic_link: Optional[bool] = None,
    ) -> Any:
        """POST /api/v4/teams/{team_id}/invite-guests/email

        Invite guests to the team by email.

        Query parameters (keyword-only arguments):

        * ``graceful``: If true, returns an array with both successful invites and errors instead of aborting
          on first error. The server takes any value as true: ``False`` sends nothing.
        * ``guest_magic_link``: If true, invites guests with magic link (passwordless) authentication.
        """
        # Any: {"status": "OK"}, or the list of invites with errors when graceful is set
        return self.client.post(
            self.path("/teams/{}/invite-guests/email", team_id),
            options=options,
            params=query(params, graceful=graceful or None, guest_magic_link=guest_magic_link),
        )

    def invite_users_to_team_by_mail(
        self, team_id: str, options: Any = None, *, graceful: Optional[bool] = None
    ) -> Any:
        """POST /api/v4/teams/{team_id}/invite/email

        Invite users to the team by email; ``options`` is the list of addresses.

        Query parameters (keyword-only arguments):

        * ``graceful``: Invite the addresses that can be invited and answer, for each address,
          whether it was (a list of ``{"email": ..., "error": ...}``), instead of failing whole
          on the first that cannot. The server takes any value as true (``inviteUsersToTeam`` in
          ``server/channels/api4/team.go``): ``False`` sends nothing. (The description of April
          2026 left this parameter out; it has it by v11.11.)
        """
        # Any: {"status": "OK"}, or the list of invites with errors when graceful is set
        return self.client.post(
            self.path("/teams/{}/invite/email", team_id),
            options=options,
            params=query(None, graceful=graceful or None),
        )

    def remove_user_from_team(self, team_id: str, user_id: str) -> StatusOK:
        """DELETE /api/v4/teams/{team_id}/members/{user_id}

        Remove user from team.
        """
        return cast("StatusOK", self.client.delete(self.path("/teams/{}/members/{}", team_id, user_id)))

    def team_members_minus_group_members(
        self,
        team_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        group_ids: Optional[str] = None,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> Dict[str, Any]:
        """GET /api/v4/teams/{team_id}/members_minus_group_members

        Team members minus group members.

        Query parameters (keyword-only arguments):

        * ``group_ids``: (required) A comma-separated list of group ids.
        * ``page``: The page to select.
        * ``per_page``: The number of users per page.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                self.path("/teams/{}/members_minus_group_members", team_id),
                params=query(params, group_ids=group_ids, page=page, per_page=per_page),
            ),
        )

    def update_scheme_derived_roles_of_team_member(
        self, team_id: str, user_id: str, options: Any = None
    ) -> StatusOK:
        """PUT /api/v4/teams/{team_id}/members/{user_id}/schemeRoles

        Update the scheme-derived roles of a team member.
        """
        return cast(
            "StatusOK",
            self.client.put(self.path("/teams/{}/members/{}/schemeRoles", team_id, user_id), options=options),
        )

    def update_team_member_roles(self, team_id: str, user_id: str, options: Any = None) -> StatusOK:
        """PUT /api/v4/teams/{team_id}/members/{user_id}/roles

        Update a team member roles.
        """
        return cast(
            "StatusOK",
            self.client.put(self.path("/teams/{}/members/{}/roles", team_id, user_id), options=options),
        )

    def iter_team_members(
        self, team_id: str, params: Optional[Dict[str, Any]] = None, *, per_page: int = 200
    ) -> Iterator[Dict[str, Any]]:
        """GET /api/v4/teams/{team_id}/members

        Iterate over every member of a team, one page at a time.
        """
        return cast(
            "Iterator[Dict[str, Any]]",
            self.client.pages(lambda query: self.get_team_members(team_id, query), params, per_page=per_page),
        )
