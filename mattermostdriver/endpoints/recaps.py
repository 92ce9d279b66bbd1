"""Endpoints of ``driver.recaps``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import StatusOK
from .base import Base, query


class Recaps(Base):
    """The ``recaps`` routes.

    Served by the Mattermost AI plugin: without it the server answers 404 or 501
    (:class:`~mattermostdriver.ResourceNotFound`, :class:`~mattermostdriver.FeatureDisabled`).
    """

    endpoint = "/recaps"

    def create_recap(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """POST /api/v4/recaps

        Create a channel recap.

        Served by the Mattermost AI plugin: without it the server answers 404 or 501
        (:class:`~mattermostdriver.ResourceNotFound`, :class:`~mattermostdriver.FeatureDisabled`).
        """
        return cast("Dict[str, Any]", self.client.post("/recaps", options=options, params=params))

    def delete_recap(
        self, recap_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/recaps/{recap_id}

        Delete a recap.

        Served by the Mattermost AI plugin: without it the server answers 404 or 501
        (:class:`~mattermostdriver.ResourceNotFound`, :class:`~mattermostdriver.FeatureDisabled`).
        """
        return cast(
            "StatusOK", self.client.delete(self.path("/recaps/{}", recap_id), options=options, params=params)
        )

    def get_recap(self, recap_id: str, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/recaps/{recap_id}

        Get a specific recap.

        Served by the Mattermost AI plugin: without it the server answers 404 or 501
        (:class:`~mattermostdriver.ResourceNotFound`, :class:`~mattermostdriver.FeatureDisabled`).
        """
        return cast("Dict[str, Any]", self.client.get(self.path("/recaps/{}", recap_id), params=params))

    def get_recap_limit_status(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/recaps/limit_status

        Get recap limit status for the current user.

        Minimum server version: 11.2.

        Served by the Mattermost AI plugin: without it the server answers 404 or 501
        (:class:`~mattermostdriver.ResourceNotFound`, :class:`~mattermostdriver.FeatureDisabled`).
        """
        return cast("Dict[str, Any]", self.client.get("/recaps/limit_status", params=params))

    def get_recaps_for_user(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/recaps

        Get current user's recaps.

        Served by the Mattermost AI plugin: without it the server answers 404 or 501
        (:class:`~mattermostdriver.ResourceNotFound`, :class:`~mattermostdriver.FeatureDisabled`).

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of recaps per page.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get("/recaps", params=query(params, page=page, per_page=per_page)),
        )

    def mark_recap_as_read(
        self, recap_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/recaps/{recap_id}/read

        Mark a recap as read.

        Served by the Mattermost AI plugin: without it the server answers 404 or 501
        (:class:`~mattermostdriver.ResourceNotFound`, :class:`~mattermostdriver.FeatureDisabled`).
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(self.path("/recaps/{}/read", recap_id), options=options, params=params),
        )

    def mark_recaps_as_viewed(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/recaps/mark_viewed

        Mark all of the authenticated user's finished recaps as viewed.

        Minimum server version: 11.2.

        Served by the Mattermost AI plugin: without it the server answers 404 or 501
        (:class:`~mattermostdriver.ResourceNotFound`, :class:`~mattermostdriver.FeatureDisabled`).
        """
        return cast("Dict[str, Any]", self.client.post("/recaps/mark_viewed", options=options, params=params))

    def regenerate_recap(
        self, recap_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/recaps/{recap_id}/regenerate

        Regenerate a recap.

        Served by the Mattermost AI plugin: without it the server answers 404 or 501
        (:class:`~mattermostdriver.ResourceNotFound`, :class:`~mattermostdriver.FeatureDisabled`).
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(self.path("/recaps/{}/regenerate", recap_id), options=options, params=params),
        )
