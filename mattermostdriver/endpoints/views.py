"""Endpoints of ``driver.views``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import PostList, StatusOK
from .base import Base, query


class Views(Base):
    """The ``views`` routes: the views (kanban boards) of a channel, at ``/channels/{channel_id}/views``."""

    endpoint = "/channels"

    def create_channel_view(
        self, channel_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/channels/{channel_id}/views

        Create channel view.

        Minimum server version: 11.6.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(self.path("/channels/{}/views", channel_id), options=options, params=params),
        )

    def delete_channel_view(
        self, channel_id: str, view_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/channels/{channel_id}/views/{view_id}

        Delete a channel view.

        Minimum server version: 11.6.
        """
        return cast(
            "StatusOK",
            self.client.delete(
                self.path("/channels/{}/views/{}", channel_id, view_id), options=options, params=params
            ),
        )

    def get_channel_view(
        self, channel_id: str, view_id: str, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """GET /api/v4/channels/{channel_id}/views/{view_id}

        Get a channel view.

        Minimum server version: 11.6.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(self.path("/channels/{}/views/{}", channel_id, view_id), params=params),
        )

    def get_posts_for_view(
        self,
        channel_id: str,
        view_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> PostList:
        """GET /api/v4/channels/{channel_id}/views/{view_id}/posts

        Get posts for a view.

        Minimum server version: 11.6.

        Query parameters (keyword-only arguments):

        * ``page``: The 0-based page number for pagination (default 0)
        * ``per_page``: The number of posts per page (default 60, max 200)
        """
        return cast(
            "PostList",
            self.client.get(
                self.path("/channels/{}/views/{}/posts", channel_id, view_id),
                params=query(params, page=page, per_page=per_page),
            ),
        )

    def list_channel_views(
        self,
        channel_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        per_page: Optional[int] = None,
        page: Optional[int] = None,
        include_total_count: Optional[bool] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/channels/{channel_id}/views

        List channel views.

        Minimum server version: 11.6.

        Query parameters (keyword-only arguments):

        * ``per_page``: The number of views per page (default 60, max 200)
        * ``page``: The 0-based page number for pagination (default 0)
        * ``include_total_count``: When true, the answer is an object with ``views`` and ``total_count``;
          otherwise a list of views.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(
                self.path("/channels/{}/views", channel_id),
                params=query(params, per_page=per_page, page=page, include_total_count=include_total_count),
            ),
        )

    def update_channel_view(
        self, channel_id: str, view_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """PATCH /api/v4/channels/{channel_id}/views/{view_id}

        Update a channel view.

        Minimum server version: 11.6.
        """
        return cast(
            "Dict[str, Any]",
            self.client.patch(
                self.path("/channels/{}/views/{}", channel_id, view_id), options=options, params=params
            ),
        )

    def update_channel_view_sort_order(
        self, channel_id: str, view_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> List[Dict[str, Any]]:
        """POST /api/v4/channels/{channel_id}/views/{view_id}/sort_order

        Update a channel view's sort order.

        Minimum server version: 11.6.

        ``options`` is the new index (an integer).
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.post(
                self.path("/channels/{}/views/{}/sort_order", channel_id, view_id),
                options=options,
                params=params,
            ),
        )
