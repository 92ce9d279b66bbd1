"""The channel routes of a team, mixed into both ``driver.channels`` and ``driver.teams``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import Channel
from .base import Base, query


class TeamChannels(Base):
    """The channel routes of a team, which 7.3.2 offered on both ``driver.channels`` and ``driver.teams``."""

    def get_deleted_channels(
        self,
        team_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> List[Channel]:
        """GET /api/v4/teams/{team_id}/channels/deleted

        Get deleted channels.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of public channels per page.
        """
        return cast(
            "List[Channel]",
            self.client.get(
                self.path("/teams/{}/channels/deleted", team_id),
                params=query(params, page=page, per_page=per_page),
            ),
        )

    def get_public_channels(
        self,
        team_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> List[Channel]:
        """GET /api/v4/teams/{team_id}/channels

        Get public channels.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of public channels per page.
        """
        return cast(
            "List[Channel]",
            self.client.get(
                self.path("/teams/{}/channels", team_id), params=query(params, page=page, per_page=per_page)
            ),
        )

    def search_channels(self, team_id: str, options: Any = None) -> List[Channel]:
        """POST /api/v4/teams/{team_id}/channels/search

        Search channels.
        """
        return cast(
            "List[Channel]",
            self.client.post(self.path("/teams/{}/channels/search", team_id), options=options),
        )
