"""Endpoints of ``driver.users``."""

from __future__ import annotations

from typing import Any, Dict, Iterator, List, Optional, cast

import requests

from ..types import StatusOK, User
from .base import query
from .user_extras import UserExtras


class Users(UserExtras):
    """The ``users`` routes."""

    endpoint = "/users"

    def attach_mobile_device(self, options: Any = None) -> StatusOK:
        """PUT /api/v4/users/sessions/device

        Attach mobile device and extra props to the session object.
        """
        return cast("StatusOK", self.client.put("/users/sessions/device", options=options))

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

    def check_mfa(self, options: Any = None) -> Dict[str, Any]:
        """POST /api/v4/users/mfa

        Check MFA.

        Removed from the server by v11.4 (an 11.4 server answers 404) and from the API description in v11.8;
        kept for callers of older servers, which still serve it.
        """
        return cast("Dict[str, Any]", self.client.post("/users/mfa", options=options))

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

    def create_user_access_token(self, user_id: str, options: Any = None) -> Dict[str, Any]:
        """POST /api/v4/users/{user_id}/tokens

        Create a user access token.
        """
        return cast(
            "Dict[str, Any]", self.client.post(self.path("/users/{}/tokens", user_id), options=options)
        )

    def deactivate_user(self, user_id: str) -> StatusOK:
        """DELETE /api/v4/users/{user_id}

        Deactivate a user account.
        """
        return cast("StatusOK", self.client.delete(self.path("/users/{}", user_id)))

    def demote_user_to_guest(
        self, user_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/users/{user_id}/demote

        Demote a user to a guest.
        """
        return cast(
            "StatusOK",
            self.client.post(self.path("/users/{}/demote", user_id), options=options, params=params),
        )

    def disable_personal_access_token(self, options: Any = None) -> StatusOK:
        """POST /api/v4/users/tokens/disable

        Disable personal access token.
        """
        return cast("StatusOK", self.client.post("/users/tokens/disable", options=options))

    def enable_personal_access_token(self, options: Any = None) -> StatusOK:
        """POST /api/v4/users/tokens/enable

        Enable personal access token.
        """
        return cast("StatusOK", self.client.post("/users/tokens/enable", options=options))

    def generate_mfa(self, user_id: str) -> Dict[str, Any]:
        """POST /api/v4/users/{user_id}/mfa/generate

        Generate MFA secret.
        """
        return cast("Dict[str, Any]", self.client.post(self.path("/users/{}/mfa/generate", user_id)))

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

    def get_default_profile_image(
        self, user_id: str, params: Optional[Dict[str, Any]] = None
    ) -> requests.Response:
        """GET /api/v4/users/{user_id}/image/default

        Return user's default (generated) profile image.
        """
        return cast(
            "requests.Response", self.client.get(self.path("/users/{}/image/default", user_id), params=params)
        )

    def get_known_users(self, params: Optional[Dict[str, Any]] = None) -> List[str]:
        """GET /api/v4/users/known

        Get user IDs of known users.
        """
        return cast("List[str]", self.client.get("/users/known", params=params))

    def get_login_type(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """POST /api/v4/users/login/type

        Get login authentication type.
        """
        return cast("Dict[str, Any]", self.client.post("/users/login/type", options=options, params=params))

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

    def get_user_access_token(self, token_id: str) -> Dict[str, Any]:
        """GET /api/v4/users/tokens/{token_id}

        Get a user access token.
        """
        return cast("Dict[str, Any]", self.client.get(self.path("/users/tokens/{}", token_id)))

    def get_user_access_tokens(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/users/tokens

        Get user access tokens.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of tokens per page.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get("/users/tokens", params=query(params, page=page, per_page=per_page)),
        )

    def get_user_access_tokens_for_user(
        self,
        user_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/users/{user_id}/tokens

        Get user access tokens.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of tokens per page.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(
                self.path("/users/{}/tokens", user_id), params=query(params, page=page, per_page=per_page)
            ),
        )

    def get_user_audits(self, user_id: str) -> Optional[List[Dict[str, Any]]]:
        """GET /api/v4/users/{user_id}/audits

        Get user's audits.
        """
        # None (JSON null) when the page is empty (past the end)
        return cast("Optional[List[Dict[str, Any]]]", self.client.get(self.path("/users/{}/audits", user_id)))

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

    def get_user_profile_image(self, user_id: str) -> requests.Response:
        """GET /api/v4/users/{user_id}/image

        Get user's profile image.

        Query parameters (keyword-only arguments):

        * ``_``: Not used by the server.
        """
        return cast("requests.Response", self.client.get(self.path("/users/{}/image", user_id)))

    def get_user_sessions(self, user_id: str) -> List[Dict[str, Any]]:
        """GET /api/v4/users/{user_id}/sessions

        Get user's sessions.
        """
        return cast("List[Dict[str, Any]]", self.client.get(self.path("/users/{}/sessions", user_id)))

    def get_user_terms_of_service(
        self, user_id: str, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """GET /api/v4/users/{user_id}/terms_of_service

        Fetches user's latest terms of service action if the latest action was for acceptance.
        """
        return cast(
            "Dict[str, Any]", self.client.get(self.path("/users/{}/terms_of_service", user_id), params=params)
        )

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

    def login_by_cws_token(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> Any:
        """POST /api/v4/users/login/cws

        Auto-Login to Mattermost server using CWS token.
        """
        # Any: the server answers a redirect to the web app (its HTML page is raised)
        return self.client.post("/users/login/cws", options=options, params=params)

    def login_intune(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> User:
        """POST /oauth/intune

        Login with Microsoft Intune MAM.
        """
        return cast(
            "User",
            self.client.post(
                "/oauth/intune", options=options, params=params, basepath=self.client.options["site_path"]
            ),
        )

    def login_sso_code_exchange(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/users/login/sso/code-exchange

        Exchange SSO login code for session tokens.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post("/users/login/sso/code-exchange", options=options, params=params),
        )

    def login_user(self, options: Any) -> requests.Response:
        """POST /api/v4/users/login

        Log in with ``{"login_id", "password"[, "token" (MFA code)]}``. Returns the
        :class:`requests.Response`, as 7.3.2 did: the session token is its ``Token`` header.
        :meth:`mattermostdriver.Driver.login` does all of this for you.
        """
        return self.client.make_request("post", "/users/login", options=options)

    def logout_user(self) -> StatusOK:
        """POST /api/v4/users/logout

        Logout from the Mattermost server.
        """
        return cast("StatusOK", self.client.post("/users/logout"))

    def migrate_auth_to_ldap(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> StatusOK:
        """POST /api/v4/users/migrate_auth/ldap

        Migrate user accounts authentication type to LDAP.
        """
        return cast("StatusOK", self.client.post("/users/migrate_auth/ldap", options=options, params=params))

    def migrate_auth_to_saml(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> StatusOK:
        """POST /api/v4/users/migrate_auth/saml

        Migrate user accounts authentication type to SAML.
        """
        return cast("StatusOK", self.client.post("/users/migrate_auth/saml", options=options, params=params))

    def patch_user(self, user_id: str, options: Any = None) -> User:
        """PUT /api/v4/users/{user_id}/patch

        Patch a user.
        """
        return cast("User", self.client.put(self.path("/users/{}/patch", user_id), options=options))

    def permanent_delete_all_users(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/users

        Permanent delete all users.
        """
        return cast("StatusOK", self.client.delete("/users", options=options, params=params))

    def promote_guest_to_user(
        self, user_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/users/{user_id}/promote

        Promote a guest to user.
        """
        return cast(
            "StatusOK",
            self.client.post(self.path("/users/{}/promote", user_id), options=options, params=params),
        )

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

    def register_terms_of_service_action(
        self, user_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/users/{user_id}/terms_of_service

        Records user action when they accept or decline custom terms of service.
        """
        return cast(
            "StatusOK",
            self.client.post(
                self.path("/users/{}/terms_of_service", user_id), options=options, params=params
            ),
        )

    def reset_password(self, options: Any = None) -> StatusOK:
        """POST /api/v4/users/password/reset

        Reset password.
        """
        return cast("StatusOK", self.client.post("/users/password/reset", options=options))

    def reset_password_failed_attempts(
        self, user_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/users/{user_id}/reset_failed_attempts

        Reset the failed password attempts for a user.
        """
        return cast(
            "StatusOK",
            self.client.post(
                self.path("/users/{}/reset_failed_attempts", user_id), options=options, params=params
            ),
        )

    def revoke_all_user_sessions(self, user_id: str) -> StatusOK:
        """POST /api/v4/users/{user_id}/sessions/revoke/all

        Revoke all active sessions for a user.
        """
        return cast("StatusOK", self.client.post(self.path("/users/{}/sessions/revoke/all", user_id)))

    def revoke_sessions_from_all_users(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/users/sessions/revoke/all

        Revoke all sessions from all users.
        """
        return cast(
            "StatusOK", self.client.post("/users/sessions/revoke/all", options=options, params=params)
        )

    def revoke_user_access_token(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/users/tokens/revoke

        Revoke a user access token.
        """
        return cast("StatusOK", self.client.post("/users/tokens/revoke", options=options, params=params))

    def revoke_user_session(self, user_id: str, options: Any = None) -> StatusOK:
        """POST /api/v4/users/{user_id}/sessions/revoke

        Revoke a user session.
        """
        return cast(
            "StatusOK", self.client.post(self.path("/users/{}/sessions/revoke", user_id), options=options)
        )

    def search_tokens(self, options: Any = None) -> List[Dict[str, Any]]:
        """POST /api/v4/users/tokens/search

        Search tokens.
        """
        return cast("List[Dict[str, Any]]", self.client.post("/users/tokens/search", options=options))

    def search_users(self, options: Any = None) -> List[User]:
        """POST /api/v4/users/search

        Search users.
        """
        return cast("List[User]", self.client.post("/users/search", options=options))

    def send_password_reset_mail(self, options: Any = None) -> StatusOK:
        """POST /api/v4/users/password/reset/send

        Send password reset email.
        """
        return cast("StatusOK", self.client.post("/users/password/reset/send", options=options))

    def send_verification_mail(self, options: Any = None) -> StatusOK:
        """POST /api/v4/users/email/verify/send

        Send verification email.
        """
        return cast("StatusOK", self.client.post("/users/email/verify/send", options=options))

    def set_default_profile_image(
        self, user_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/users/{user_id}/image

        Delete user's profile image.
        """
        return cast(
            "StatusOK",
            self.client.delete(self.path("/users/{}/image", user_id), options=options, params=params),
        )

    def set_user_profile_image(self, user_id: str, files: Any) -> StatusOK:
        """POST /api/v4/users/{user_id}/image

        Set user's profile image.
        """
        return cast("StatusOK", self.client.post(self.path("/users/{}/image", user_id), files=files))

    def switch_login_method(self, options: Any = None) -> Dict[str, Any]:
        """POST /api/v4/users/login/switch

        Switch login method.
        """
        return cast("Dict[str, Any]", self.client.post("/users/login/switch", options=options))

    def update_user(self, user_id: str, options: Any = None) -> User:
        """PUT /api/v4/users/{user_id}

        Update a user.
        """
        return cast("User", self.client.put(self.path("/users/{}", user_id), options=options))

    def update_user_active_status(self, user_id: str, options: Any = None) -> StatusOK:
        """PUT /api/v4/users/{user_id}/active

        Activate or deactivate a user.
        """
        return cast("StatusOK", self.client.put(self.path("/users/{}/active", user_id), options=options))

    def update_user_authentication_method(self, user_id: str, options: Any = None) -> Dict[str, Any]:
        """PUT /api/v4/users/{user_id}/auth

        Update a user's authentication method.
        """
        return cast("Dict[str, Any]", self.client.put(self.path("/users/{}/auth", user_id), options=options))

    def update_user_mfa(self, user_id: str, options: Any = None) -> StatusOK:
        """PUT /api/v4/users/{user_id}/mfa

        Update a user's MFA.
        """
        return cast("StatusOK", self.client.put(self.path("/users/{}/mfa", user_id), options=options))

    def update_user_password(self, user_id: str, options: Any = None) -> StatusOK:
        """PUT /api/v4/users/{user_id}/password

        Update a user's password.
        """
        return cast("StatusOK", self.client.put(self.path("/users/{}/password", user_id), options=options))

    def update_user_role(self, user_id: str, options: Any = None) -> StatusOK:
        """PUT /api/v4/users/{user_id}/roles

        Update a user's roles.
        """
        return cast("StatusOK", self.client.put(self.path("/users/{}/roles", user_id), options=options))

    def verify_user_email(self, options: Any = None) -> StatusOK:
        """POST /api/v4/users/email/verify

        Verify user email.
        """
        return cast("StatusOK", self.client.post("/users/email/verify", options=options))

    def verify_user_email_without_token(
        self, user_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> User:
        """POST /api/v4/users/{user_id}/email/verify/member

        Verify user email by ID.
        """
        return cast(
            "User",
            self.client.post(
                self.path("/users/{}/email/verify/member", user_id), options=options, params=params
            ),
        )

    def iter_users(self, params: Optional[Dict[str, Any]] = None, *, per_page: int = 200) -> Iterator[User]:
        """GET /api/v4/users

        Iterate over every user the query matches (``in_team``, ``in_channel``, ``active``,
        ``role``, ...), fetching one page of ``per_page`` at a time.
        """
        return cast(
            "Iterator[User]",
            self.client.pages(lambda query: self.get_users(query), params, per_page=per_page),
        )
