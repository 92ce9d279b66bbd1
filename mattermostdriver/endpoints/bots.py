"""Endpoints of ``driver.bots``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

import requests

from ..types import StatusOK, User
from .base import Base, query


class Bots(Base):
    """The ``bots`` routes."""

    endpoint = "/bots"

    def assign_bot_to_user(self, bot_id: str, user_id: str) -> Dict[str, Any]:
        """POST /api/v4/bots/{bot_user_id}/assign/{user_id}

        Assign a bot to a user.
        """
        return cast("Dict[str, Any]", self.client.post(self.path("/bots/{}/assign/{}", bot_id, user_id)))

    def convert_bot_to_user(
        self,
        bot_user_id: str,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
        *,
        set_system_admin: Optional[bool] = None,
    ) -> User:
        """POST /api/v4/bots/{bot_user_id}/convert_to_user

        Convert a bot into a user.

        Query parameters (keyword-only arguments):

        * ``set_system_admin``: Whether to give the user the system admin role.
        """
        return cast(
            "User",
            self.client.post(
                self.path("/bots/{}/convert_to_user", bot_user_id),
                options=options,
                params=query(params, set_system_admin=set_system_admin),
            ),
        )

    def convert_user_to_bot(
        self, user_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/users/{user_id}/convert_to_bot

        Convert a user into a bot.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(self.path("/users/{}/convert_to_bot", user_id), options=options, params=params),
        )

    def create_bot(self, options: Any) -> Dict[str, Any]:
        """POST /api/v4/bots

        Create a bot.
        """
        return cast("Dict[str, Any]", self.client.post("/bots", options=options))

    def delete_bot_lhs_icon(self, bot_id: str) -> StatusOK:
        """DELETE /api/v4/bots/{bot_user_id}/icon

        Delete bot's LHS icon image.

        Removed from the server by v11.4 (an 11.4 server answers 404) and from the API description in v11.8;
        kept for callers of older servers, which still serve it.
        """
        return cast("StatusOK", self.client.delete(self.path("/bots/{}/icon", bot_id)))

    def disable_bot(self, bot_id: str) -> Dict[str, Any]:
        """POST /api/v4/bots/{bot_user_id}/disable

        Disable a bot.
        """
        return cast("Dict[str, Any]", self.client.post(self.path("/bots/{}/disable", bot_id)))

    def enable_bot(self, bot_id: str) -> Dict[str, Any]:
        """POST /api/v4/bots/{bot_user_id}/enable

        Enable a bot.
        """
        return cast("Dict[str, Any]", self.client.post(self.path("/bots/{}/enable", bot_id)))

    def get_bot(
        self, bot_id: str, params: Optional[Dict[str, Any]] = None, *, include_deleted: Optional[bool] = None
    ) -> Dict[str, Any]:
        """GET /api/v4/bots/{bot_user_id}

        Get a bot.

        Query parameters (keyword-only arguments):

        * ``include_deleted``: If deleted bots should be returned.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                self.path("/bots/{}", bot_id), params=query(params, include_deleted=include_deleted)
            ),
        )

    def get_bot_lhs_icon(self, bot_id: str) -> requests.Response:
        """GET /api/v4/bots/{bot_user_id}/icon

        Get bot's LHS icon.

        Removed from the server by v11.4 (an 11.4 server answers 404) and from the API description in v11.8;
        kept for callers of older servers, which still serve it.
        """
        return cast("requests.Response", self.client.get(self.path("/bots/{}/icon", bot_id)))

    def get_bots(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
        include_deleted: Optional[bool] = None,
        only_orphaned: Optional[bool] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/bots

        Get bots.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of users per page.
        * ``include_deleted``: If deleted bots should be returned.
        * ``only_orphaned``: When true, only orphaned bots will be returned.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(
                "/bots",
                params=query(
                    params,
                    page=page,
                    per_page=per_page,
                    include_deleted=include_deleted,
                    only_orphaned=only_orphaned,
                ),
            ),
        )

    def patch_bot(self, bot_id: str, options: Any) -> Dict[str, Any]:
        """PUT /api/v4/bots/{bot_user_id}

        Patch a bot.
        """
        return cast("Dict[str, Any]", self.client.put(self.path("/bots/{}", bot_id), options=options))

    def set_bot_lhs_icon(self, bot_id: str, files: Any) -> StatusOK:
        """POST /api/v4/bots/{bot_user_id}/icon

        Set bot's LHS icon image.

        Removed from the server by v11.4 (an 11.4 server answers 404) and from the API description in v11.8;
        kept for callers of older servers, which still serve it.
        """
        return cast("StatusOK", self.client.post(self.path("/bots/{}/icon", bot_id), files=files))
