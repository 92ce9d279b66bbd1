"""Endpoints of ``driver.scheduled_recaps``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import StatusOK
from .base import Base, query


class ScheduledRecaps(Base):
    """The ``scheduled_recaps`` routes: AI recaps of channels that run on a schedule.

    Served by the Mattermost AI plugin: without it the server answers 404 or 501
    (:class:`~mattermostdriver.ResourceNotFound`, :class:`~mattermostdriver.FeatureDisabled`).
    """

    endpoint = "/scheduled_recaps"

    def create_scheduled_recap(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/scheduled_recaps

        Create a scheduled recap.

        Minimum server version: 11.2.

        Served by the Mattermost AI plugin: without it the server answers 404 or 501
        (:class:`~mattermostdriver.ResourceNotFound`, :class:`~mattermostdriver.FeatureDisabled`).
        """
        return cast("Dict[str, Any]", self.client.post("/scheduled_recaps", options=options, params=params))

    def delete_scheduled_recap(
        self, scheduled_recap_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/scheduled_recaps/{scheduled_recap_id}

        Delete a scheduled recap.

        Minimum server version: 11.2.

        Served by the Mattermost AI plugin: without it the server answers 404 or 501
        (:class:`~mattermostdriver.ResourceNotFound`, :class:`~mattermostdriver.FeatureDisabled`).
        """
        return cast(
            "StatusOK",
            self.client.delete(
                self.path("/scheduled_recaps/{}", scheduled_recap_id), options=options, params=params
            ),
        )

    def get_scheduled_recap(
        self, scheduled_recap_id: str, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """GET /api/v4/scheduled_recaps/{scheduled_recap_id}

        Get a scheduled recap.

        Minimum server version: 11.2.

        Served by the Mattermost AI plugin: without it the server answers 404 or 501
        (:class:`~mattermostdriver.ResourceNotFound`, :class:`~mattermostdriver.FeatureDisabled`).
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(self.path("/scheduled_recaps/{}", scheduled_recap_id), params=params),
        )

    def get_scheduled_recaps(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/scheduled_recaps

        Get current user's scheduled recaps.

        Minimum server version: 11.2.

        Served by the Mattermost AI plugin: without it the server answers 404 or 501
        (:class:`~mattermostdriver.ResourceNotFound`, :class:`~mattermostdriver.FeatureDisabled`).

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of scheduled recaps per page.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get("/scheduled_recaps", params=query(params, page=page, per_page=per_page)),
        )

    def pause_scheduled_recap(
        self, scheduled_recap_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/scheduled_recaps/{scheduled_recap_id}/pause

        Pause a scheduled recap.

        Minimum server version: 11.2.

        Served by the Mattermost AI plugin: without it the server answers 404 or 501
        (:class:`~mattermostdriver.ResourceNotFound`, :class:`~mattermostdriver.FeatureDisabled`).
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(
                self.path("/scheduled_recaps/{}/pause", scheduled_recap_id), options=options, params=params
            ),
        )

    def resume_scheduled_recap(
        self, scheduled_recap_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/scheduled_recaps/{scheduled_recap_id}/resume

        Resume a scheduled recap.

        Minimum server version: 11.2.

        Served by the Mattermost AI plugin: without it the server answers 404 or 501
        (:class:`~mattermostdriver.ResourceNotFound`, :class:`~mattermostdriver.FeatureDisabled`).
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(
                self.path("/scheduled_recaps/{}/resume", scheduled_recap_id), options=options, params=params
            ),
        )

    def update_scheduled_recap(
        self, scheduled_recap_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """PUT /api/v4/scheduled_recaps/{scheduled_recap_id}

        Update a scheduled recap.

        Minimum server version: 11.2.

        Served by the Mattermost AI plugin: without it the server answers 404 or 501
        (:class:`~mattermostdriver.ResourceNotFound`, :class:`~mattermostdriver.FeatureDisabled`).
        """
        return cast(
            "Dict[str, Any]",
            self.client.put(
                self.path("/scheduled_recaps/{}", scheduled_recap_id), options=options, params=params
            ),
        )
