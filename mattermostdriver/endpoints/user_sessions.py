"""User routes of sessions and personal access tokens."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import StatusOK
from .base import Base, query


class UserSessions(Base):
    """Sessions and personal access tokens; mixed into :class:`~mattermostdriver.endpoints.Users`."""

    def attach_mobile_device(self, options: Any = None) -> StatusOK:
        """PUT /api/v4/users/sessions/device

        Attach mobile device and extra props to the session object.
        """
        return cast("StatusOK", self.client.put("/users/sessions/device", options=options))

    def create_user_access_token(self, user_id: str, options: Any = None) -> Dict[str, Any]:
        """POST /api/v4/users/{user_id}/tokens

        Create a user access token.
        """
        return cast(
            "Dict[str, Any]", self.client.post(self.path("/users/{}/tokens", user_id), options=options)
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

    def get_user_sessions(self, user_id: str) -> List[Dict[str, Any]]:
        """GET /api/v4/users/{user_id}/sessions

        Get user's sessions.
        """
        return cast("List[Dict[str, Any]]", self.client.get(self.path("/users/{}/sessions", user_id)))

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
