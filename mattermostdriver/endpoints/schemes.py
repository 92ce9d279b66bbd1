"""Endpoints of ``driver.schemes``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import Channel, StatusOK, Team
from .base import Base, query


class Schemes(Base):
    """The ``schemes`` routes."""

    endpoint = "/schemes"

    def create_scheme(self, options: Any = None) -> Dict[str, Any]:
        """POST /api/v4/schemes

        Create a scheme.
        """
        return cast("Dict[str, Any]", self.client.post("/schemes", options=options))

    def delete_scheme(self, scheme_id: str) -> StatusOK:
        """DELETE /api/v4/schemes/{scheme_id}

        Delete a scheme.
        """
        return cast("StatusOK", self.client.delete(self.path("/schemes/{}", scheme_id)))

    def get_page_of_channels_using_scheme(
        self,
        scheme_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> List[Channel]:
        """GET /api/v4/schemes/{scheme_id}/channels

        Get a page of channels which use this scheme.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of channels per page.
        """
        return cast(
            "List[Channel]",
            self.client.get(
                self.path("/schemes/{}/channels", scheme_id),
                params=query(params, page=page, per_page=per_page),
            ),
        )

    def get_page_of_teams_using_scheme(
        self,
        scheme_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> List[Team]:
        """GET /api/v4/schemes/{scheme_id}/teams

        Get a page of teams which use this scheme.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of teams per page.
        """
        return cast(
            "List[Team]",
            self.client.get(
                self.path("/schemes/{}/teams", scheme_id), params=query(params, page=page, per_page=per_page)
            ),
        )

    def get_scheme(self, scheme_id: str) -> Dict[str, Any]:
        """GET /api/v4/schemes/{scheme_id}

        Get a scheme.
        """
        return cast("Dict[str, Any]", self.client.get(self.path("/schemes/{}", scheme_id)))

    def get_schemes(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        scope: Optional[str] = None,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/schemes

        Get the schemes.

        Query parameters (keyword-only arguments):

        * ``scope``: Limit the results returned to the provided scope, either ``team`` or ``channel``.
        * ``page``: The page to select.
        * ``per_page``: The number of schemes per page.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get("/schemes", params=query(params, scope=scope, page=page, per_page=per_page)),
        )

    def patch_scheme(self, scheme_id: str, options: Any = None) -> Dict[str, Any]:
        """PUT /api/v4/schemes/{scheme_id}/patch

        Patch a scheme.
        """
        return cast(
            "Dict[str, Any]", self.client.put(self.path("/schemes/{}/patch", scheme_id), options=options)
        )
