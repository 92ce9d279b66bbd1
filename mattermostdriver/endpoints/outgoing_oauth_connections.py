"""Endpoints of ``driver.outgoing_oauth_connections``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import StatusOK
from .base import Base, query


class OutgoingOauthConnections(Base):
    """The ``outgoing_oauth_connections`` routes.

    Needs an Enterprise licence: a server without one answers 501 or 403, raised as
    :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
    """

    endpoint = "/oauth/outgoing_connections"

    def create_outgoing_oauth_connection(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None, *, team_id: Optional[str] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/oauth/outgoing_connections

        Create a connection.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``team_id``: (required) Current Team ID in integrations backstage
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(
                "/oauth/outgoing_connections", options=options, params=query(params, team_id=team_id)
            ),
        )

    def delete_outgoing_oauth_connection(
        self,
        connection_id: str,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
        *,
        team_id: Optional[str] = None,
    ) -> StatusOK:
        """DELETE /api/v4/oauth/outgoing_connections/{outgoing_oauth_connection_id}

        Delete a connection.

        ``connection_id`` keeps its name: the description calls it ``outgoing_oauth_connection_id`` since
        v11.8.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``team_id``: (required) Current Team ID in integrations backstage.
        """
        return cast(
            "StatusOK",
            self.client.delete(
                self.path("/oauth/outgoing_connections/{}", connection_id),
                options=options,
                params=query(params, team_id=team_id),
            ),
        )

    def get_outgoing_oauth_connection(
        self, connection_id: str, params: Optional[Dict[str, Any]] = None, *, team_id: Optional[str] = None
    ) -> Dict[str, Any]:
        """GET /api/v4/oauth/outgoing_connections/{outgoing_oauth_connection_id}

        Get a connection.

        ``connection_id`` keeps its name: the description calls it ``outgoing_oauth_connection_id`` since
        v11.8.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``team_id``: (required) Current Team ID in integrations backstage.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                self.path("/oauth/outgoing_connections/{}", connection_id),
                params=query(params, team_id=team_id),
            ),
        )

    def list_outgoing_oauth_connections(
        self, params: Optional[Dict[str, Any]] = None, *, team_id: Optional[str] = None
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/oauth/outgoing_connections

        List all connections.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``team_id``: (required) Current Team ID in integrations backstage
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get("/oauth/outgoing_connections", params=query(params, team_id=team_id)),
        )

    def update_outgoing_oauth_connection(
        self,
        connection_id: str,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
        *,
        team_id: Optional[str] = None,
    ) -> Dict[str, Any]:
        """PUT /api/v4/oauth/outgoing_connections/{outgoing_oauth_connection_id}

        Update a connection.

        ``connection_id`` keeps its name: the description calls it ``outgoing_oauth_connection_id`` since
        v11.8.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``team_id``: (required) Current Team ID in integrations backstage.
        """
        return cast(
            "Dict[str, Any]",
            self.client.put(
                self.path("/oauth/outgoing_connections/{}", connection_id),
                options=options,
                params=query(params, team_id=team_id),
            ),
        )

    def validate_outgoing_oauth_connection(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None, *, team_id: Optional[str] = None
    ) -> StatusOK:
        """POST /api/v4/oauth/outgoing_connections/validate

        Validate a connection configuration.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``team_id``: (required) Current Team ID in integrations backstage
        """
        return cast(
            "StatusOK",
            self.client.post(
                "/oauth/outgoing_connections/validate", options=options, params=query(params, team_id=team_id)
            ),
        )
