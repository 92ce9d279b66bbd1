"""Endpoints of ``driver.cards``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import Post, StatusOK
from .base import Base, query


class Cards(Base):
    """The ``cards`` routes: card posts (experimental, behind the ``IntegratedBoards`` feature flag)."""

    endpoint = "/cards"

    def create_card(
        self,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
        *,
        set_online: Optional[bool] = None,
    ) -> Post:
        """POST /api/v4/cards

        Create a card post.

        Minimum server version: not stated; the description has the routes since v12 (after v11.11).

        Experimental: the description says it may change or be removed in a future release.

        Needs the ``IntegratedBoards`` feature flag: without it the routes are not registered (404).

        Query parameters (keyword-only arguments):

        * ``set_online``: Whether to set the user status as online or not.
        """
        return cast(
            "Post", self.client.post("/cards", options=options, params=query(params, set_online=set_online))
        )

    def delete_card(
        self,
        post_id: str,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
        *,
        permanent: Optional[bool] = None,
    ) -> StatusOK:
        """DELETE /api/v4/cards/{post_id}

        Delete a card post.

        Minimum server version: not stated; the description has the routes since v12 (after v11.11).

        Experimental: the description says it may change or be removed in a future release.

        Needs the ``IntegratedBoards`` feature flag: without it the routes are not registered (404).

        Query parameters (keyword-only arguments):

        * ``permanent``: Set to ``true`` to permanently delete the post
        """
        return cast(
            "StatusOK",
            self.client.delete(
                self.path("/cards/{}", post_id), options=options, params=query(params, permanent=permanent)
            ),
        )

    def get_card_edit_history(self, post_id: str, params: Optional[Dict[str, Any]] = None) -> List[Post]:
        """GET /api/v4/cards/{post_id}/edit_history

        Get edit history for a card post.

        Minimum server version: not stated; the description has the routes since v12 (after v11.11).

        Experimental: the description says it may change or be removed in a future release.

        Needs the ``IntegratedBoards`` feature flag: without it the routes are not registered (404).
        """
        return cast(
            "List[Post]", self.client.get(self.path("/cards/{}/edit_history", post_id), params=params)
        )

    def patch_card(self, post_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None) -> Post:
        """PUT /api/v4/cards/{post_id}/patch

        Patch a card post.

        Minimum server version: not stated; the description has the routes since v12 (after v11.11).

        Experimental: the description says it may change or be removed in a future release.

        Needs the ``IntegratedBoards`` feature flag: without it the routes are not registered (404).
        """
        return cast(
            "Post", self.client.put(self.path("/cards/{}/patch", post_id), options=options, params=params)
        )

    def update_card(self, post_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None) -> Post:
        """PUT /api/v4/cards/{post_id}

        Update a card post.

        Minimum server version: not stated; the description has the routes since v12 (after v11.11).

        Experimental: the description says it may change or be removed in a future release.

        Needs the ``IntegratedBoards`` feature flag: without it the routes are not registered (404).
        """
        return cast("Post", self.client.put(self.path("/cards/{}", post_id), options=options, params=params))
