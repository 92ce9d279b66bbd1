"""Endpoints of ``driver.oauth``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import StatusOK
from .base import Base, query


class OAuth(Base):
    """The ``oauth`` routes."""

    endpoint = "/oauth"

    def delete_oauth_app(self, app_id: str) -> StatusOK:
        """DELETE /api/v4/oauth/apps/{app_id}

        Delete an OAuth app.
        """
        return cast("StatusOK", self.client.delete(self.path("/oauth/apps/{}", app_id)))

    def get_authorization_server_metadata(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /.well-known/oauth-authorization-server

        Get OAuth 2.0 Authorization Server Metadata.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                "/.well-known/oauth-authorization-server",
                params=params,
                basepath=self.client.options["site_path"],
            ),
        )

    def get_authorized_oauth_apps(
        self,
        user_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/users/{user_id}/oauth/apps/authorized

        Get authorized OAuth apps.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of apps per page.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(
                self.path("/users/{}/oauth/apps/authorized", user_id),
                params=query(params, page=page, per_page=per_page),
            ),
        )

    def get_info_on_oauth_app(self, app_id: str) -> Dict[str, Any]:
        """GET /api/v4/oauth/apps/{app_id}/info

        Get info on an OAuth app.
        """
        return cast("Dict[str, Any]", self.client.get(self.path("/oauth/apps/{}/info", app_id)))

    def get_oauth_app(self, app_id: str) -> Dict[str, Any]:
        """GET /api/v4/oauth/apps/{app_id}

        Get an OAuth app.
        """
        return cast("Dict[str, Any]", self.client.get(self.path("/oauth/apps/{}", app_id)))

    def get_oauth_apps(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/oauth/apps

        Get OAuth apps.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of apps per page.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get("/oauth/apps", params=query(params, page=page, per_page=per_page)),
        )

    def regenerate_oauth_app_secret(self, app_id: str) -> Dict[str, Any]:
        """POST /api/v4/oauth/apps/{app_id}/regen_secret

        Regenerate OAuth app secret.
        """
        return cast("Dict[str, Any]", self.client.post(self.path("/oauth/apps/{}/regen_secret", app_id)))

    def register_oauth_app(self, options: Any) -> Dict[str, Any]:
        """POST /api/v4/oauth/apps

        Register OAuth app.
        """
        return cast("Dict[str, Any]", self.client.post("/oauth/apps", options=options))

    def register_oauth_client(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/oauth/apps/register

        Register OAuth client using Dynamic Client Registration.
        """
        return cast(
            "Dict[str, Any]", self.client.post("/oauth/apps/register", options=options, params=params)
        )

    def update_oauth_app(
        self, app_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """PUT /api/v4/oauth/apps/{app_id}

        Update an OAuth app.
        """
        return cast(
            "Dict[str, Any]",
            self.client.put(self.path("/oauth/apps/{}", app_id), options=options, params=params),
        )
