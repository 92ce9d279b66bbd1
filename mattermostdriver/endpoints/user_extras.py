"""User routes described from v11.8 on, apart from ``users.py`` to keep it small."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import StatusOK, User
from .base import Base, query


class UserExtras(Base):
    """Token compliance and rotation, desktop login, auth data look-ups and admin notices; mixed into
    :class:`~mattermostdriver.endpoints.Users`.
    """

    def get_non_compliant_user_access_token_count(
        self, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """GET /api/v4/users/tokens/non_compliant/count

        Count non-compliant personal access tokens.

        Minimum server version: 11.1, as the description says; yet an 11.4 server answers 404 for the route.

        Counts the tokens beyond ``ServiceSettings.MaximumPersonalAccessTokenLifetimeDays``.
        """
        return cast("Dict[str, Any]", self.client.get("/users/tokens/non_compliant/count", params=params))

    def get_session_attributes_manifest(
        self, params: Optional[Dict[str, Any]] = None
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/users/sessions/attributes/manifest

        Get the session attributes manifest.

        Minimum server version: not stated by the description, which has the route since v11.9.

        Needs an Enterprise Advanced licence. It also needs the ``SessionAttributes`` feature flag.
        """
        return cast(
            "List[Dict[str, Any]]", self.client.get("/users/sessions/attributes/manifest", params=params)
        )

    def get_user_by_auth_data(
        self, params: Optional[Dict[str, Any]] = None, *, value: Optional[str] = None
    ) -> User:
        """GET /api/v4/users/auth_data

        Get a user by auth data.

        Minimum server version: not stated by the description, which has the route since v11.8.

        System admins only.

        Query parameters (keyword-only arguments):

        * ``value``: (required) The user's AuthData as stored in ``Users.AuthData`` (escaped for you).
        """
        return cast("User", self.client.get("/users/auth_data", params=query(params, value=value)))

    def login_with_desktop_token(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> User:
        """POST /api/v4/users/login/desktop_token

        Login using desktop token.

        Minimum server version: not stated by the description, which has the route since v11.8.

        An 11.4 server already serves it.
        """
        return cast("User", self.client.post("/users/login/desktop_token", options=options, params=params))

    def notify_admin(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> StatusOK:
        """POST /api/v4/users/notify-admin

        Save notify-admin intent.

        Minimum server version: not stated by the description, which has the route since v11.8.

        An 11.4 server already serves it.
        """
        return cast("StatusOK", self.client.post("/users/notify-admin", options=options, params=params))

    def revoke_non_compliant_user_access_tokens(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/users/tokens/non_compliant/revoke

        Revoke non-compliant personal access tokens.

        Minimum server version: 11.1, as the description says; yet an 11.4 server answers 404 for the route.

        Irreversible: count them first with :meth:`get_non_compliant_user_access_token_count`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post("/users/tokens/non_compliant/revoke", options=options, params=params),
        )

    def rotate_user_access_token(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/users/tokens/rotate

        Rotate a personal access token.

        Minimum server version: 10.10.

        The old secret stops working at once; the answer holds the new one, shown once.
        """
        return cast(
            "Dict[str, Any]", self.client.post("/users/tokens/rotate", options=options, params=params)
        )

    def trigger_notify_admin_posts(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/users/trigger-notify-admin-posts

        Trigger notify-admin posts.

        Minimum server version: not stated by the description, which has the route since v11.8.
        """
        return cast(
            "StatusOK", self.client.post("/users/trigger-notify-admin-posts", options=options, params=params)
        )
