"""Endpoints of ``driver.bookmarks``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from .base import Base, query


class Bookmarks(Base):
    """The ``bookmarks`` routes.

    Needs an Enterprise licence: a server without one answers 501 or 403, raised as
    :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
    """

    endpoint = "/channels"

    def create_channel_bookmark(
        self, channel_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/channels/{channel_id}/bookmarks

        Create channel bookmark.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(self.path("/channels/{}/bookmarks", channel_id), options=options, params=params),
        )

    def delete_channel_bookmark(
        self, channel_id: str, bookmark_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """DELETE /api/v4/channels/{channel_id}/bookmarks/{bookmark_id}

        Delete channel bookmark.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.delete(
                self.path("/channels/{}/bookmarks/{}", channel_id, bookmark_id),
                options=options,
                params=params,
            ),
        )

    def list_channel_bookmarks_for_channel(
        self,
        channel_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        bookmarks_since: Optional[float] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/channels/{channel_id}/bookmarks

        Get channel bookmarks for Channel.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``bookmarks_since``: Timestamp to filter the bookmarks with.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(
                self.path("/channels/{}/bookmarks", channel_id),
                params=query(params, bookmarks_since=bookmarks_since),
            ),
        )

    def update_channel_bookmark(
        self, channel_id: str, bookmark_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """PATCH /api/v4/channels/{channel_id}/bookmarks/{bookmark_id}

        Update channel bookmark.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.patch(
                self.path("/channels/{}/bookmarks/{}", channel_id, bookmark_id),
                options=options,
                params=params,
            ),
        )

    def update_channel_bookmark_sort_order(
        self, channel_id: str, bookmark_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> List[Dict[str, Any]]:
        """POST /api/v4/channels/{channel_id}/bookmarks/{bookmark_id}/sort_order

        Update channel bookmark's order.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.post(
                self.path("/channels/{}/bookmarks/{}/sort_order", channel_id, bookmark_id),
                options=options,
                params=params,
            ),
        )
