"""User routes of logging in and out, passwords, MFA, email verification and authentication methods."""

from __future__ import annotations

from typing import Any, Dict, Optional, cast

import requests

from ..types import StatusOK, User
from .base import Base


class UserAuth(Base):
    """Logging in and out, passwords, MFA, email verification and sign-in methods; mixed into
    :class:`~mattermostdriver.endpoints.Users`.
    """

    def check_mfa(self, options: Any = None) -> Dict[str, Any]:
        """POST /api/v4/users/mfa

        Check MFA.

        Removed from the server by v11.4 (an 11.4 server answers 404) and from the API description in v11.8;
        kept for callers of older servers, which still serve it.
        """
        return cast("Dict[str, Any]", self.client.post("/users/mfa", options=options))

    def generate_mfa(self, user_id: str) -> Dict[str, Any]:
        """POST /api/v4/users/{user_id}/mfa/generate

        Generate MFA secret.
        """
        return cast("Dict[str, Any]", self.client.post(self.path("/users/{}/mfa/generate", user_id)))

    def get_login_type(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """POST /api/v4/users/login/type

        Get login authentication type.
        """
        return cast("Dict[str, Any]", self.client.post("/users/login/type", options=options, params=params))

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

    def switch_login_method(self, options: Any = None) -> Dict[str, Any]:
        """POST /api/v4/users/login/switch

        Switch login method.
        """
        return cast("Dict[str, Any]", self.client.post("/users/login/switch", options=options))

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
