"""Endpoints of ``driver.reactions``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import StatusOK
from .base import Base


class Reactions(Base):
    """The ``reactions`` routes."""

    endpoint = "/reactions"

    def create_reaction(self, options: Any = None) -> Dict[str, Any]:
        """POST /api/v4/reactions

        Create a reaction.
        """
        return cast("Dict[str, Any]", self.client.post("/reactions", options=options))

    def delete_reaction(
        self, user_id: str, post_id: str, emoji_name: str, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/users/{user_id}/posts/{post_id}/reactions/{emoji_name}

        Remove a reaction from a post.
        """
        return cast(
            "StatusOK",
            self.client.delete(
                self.path("/users/{}/posts/{}/reactions/{}", user_id, post_id, emoji_name), params=params
            ),
        )

    def get_bulk_reactions(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/posts/ids/reactions

        Bulk get the reaction for posts.

        Left out of the API description by v11.11 (it is in v11.9's, not in v11.11.1's); an 11.4 server still
        serves it.
        """
        return cast(
            "Dict[str, Any]", self.client.post("/posts/ids/reactions", options=options, params=params)
        )

    def get_reactions_of_post(self, post_id: str) -> Optional[List[Dict[str, Any]]]:
        """GET /api/v4/posts/{post_id}/reactions

        Get a list of reactions to a post.
        """
        # None (JSON null) when the post has no reactions
        return cast(
            "Optional[List[Dict[str, Any]]]", self.client.get(self.path("/posts/{}/reactions", post_id))
        )
