"""Endpoints of ``driver.emoji``."""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional, cast

import requests

from ..types import StatusOK
from .base import Base, query


class Emoji(Base):
    """The ``emoji`` routes."""

    endpoint = "/emoji"

    def autocomplete_custom_emoji(
        self, params: Optional[Dict[str, Any]] = None, *, name: Optional[str] = None
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/emoji/autocomplete

        Autocomplete custom emoji.

        Query parameters (keyword-only arguments):

        * ``name``: (required) The emoji name to search.
        """
        return cast(
            "List[Dict[str, Any]]", self.client.get("/emoji/autocomplete", params=query(params, name=name))
        )

    def create_custom_emoji(self, emoji_name: str, files: Any) -> Dict[str, Any]:
        """POST /api/v4/emoji

        Create a custom emoji named ``emoji_name``, owned by the logged-in user; ``files`` is
        the multipart dict with the image, e.g. ``{"image": ("party.png", data)}``.
        """
        emoji = {"name": emoji_name, "creator_id": self.client.userid}
        return cast(
            "Dict[str, Any]", self.client.post("/emoji", data={"emoji": json.dumps(emoji)}, files=files)
        )

    def delete_custom_emoji(self, emoji_id: str) -> StatusOK:
        """DELETE /api/v4/emoji/{emoji_id}

        Delete a custom emoji.
        """
        return cast("StatusOK", self.client.delete(self.path("/emoji/{}", emoji_id)))

    def get_custom_emoji(self, emoji_id: str) -> Dict[str, Any]:
        """GET /api/v4/emoji/{emoji_id}

        Get a custom emoji.
        """
        return cast("Dict[str, Any]", self.client.get(self.path("/emoji/{}", emoji_id)))

    def get_custom_emoji_by_name(self, name: str) -> Dict[str, Any]:
        """GET /api/v4/emoji/name/{emoji_name}

        Get a custom emoji by name.
        """
        return cast("Dict[str, Any]", self.client.get(self.path("/emoji/name/{}", name)))

    def get_custom_emoji_image(self, emoji_id: str) -> requests.Response:
        """GET /api/v4/emoji/{emoji_id}/image

        Get custom emoji image.
        """
        return cast("requests.Response", self.client.get(self.path("/emoji/{}/image", emoji_id)))

    def get_emoji_list(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
        sort: Optional[str] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/emoji

        Get a list of custom emoji.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of emojis per page.
        * ``sort``: Either blank for no sorting or "name" to sort by emoji names.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get("/emoji", params=query(params, page=page, per_page=per_page, sort=sort)),
        )

    def get_emojis_by_names(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> List[Dict[str, Any]]:
        """POST /api/v4/emoji/names

        Get custom emojis by name.
        """
        return cast("List[Dict[str, Any]]", self.client.post("/emoji/names", options=options, params=params))

    def search_custom_emoji(self, options: Any = None) -> List[Dict[str, Any]]:
        """POST /api/v4/emoji/search

        Search custom emoji.
        """
        return cast("List[Dict[str, Any]]", self.client.post("/emoji/search", options=options))
