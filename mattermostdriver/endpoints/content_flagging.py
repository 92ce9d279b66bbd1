"""Endpoints of ``driver.content_flagging``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

import requests

from ..types import Post, StatusOK, User
from .base import Base, query


class ContentFlagging(Base):
    """The ``content_flagging`` routes.

    Needs an Enterprise licence: a server without one answers 501 or 403, raised as
    :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
    """

    endpoint = "/content_flagging"

    def generate_cf_post_exposure_report(
        self, post_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> requests.Response:
        """POST /api/v4/content_flagging/post/{post_id}/exposure_report

        Generate and download a post exposure report.

        Minimum server version: not stated by the description, which has the route by v11.11.

        Needs an Enterprise Advanced licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        The report is a download: returns the :class:`requests.Response` for a non-JSON answer.
        """
        return cast(
            "requests.Response",
            self.client.post(
                self.path("/content_flagging/post/{}/exposure_report", post_id),
                options=options,
                params=params,
            ),
        )

    def generate_cf_post_report(
        self, post_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> requests.Response:
        """POST /api/v4/content_flagging/post/{post_id}/report

        Generate and download a flagged post report.

        Minimum server version: not stated by the description, which has the route since v11.8.

        Needs an Enterprise Advanced licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        The report is a ZIP archive: returns the :class:`requests.Response` (read ``.content``).
        """
        return cast(
            "requests.Response",
            self.client.post(
                self.path("/content_flagging/post/{}/report", post_id), options=options, params=params
            ),
        )

    def get_cf_config(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/content_flagging/config

        Get the system content flagging configuration.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("Dict[str, Any]", self.client.get("/content_flagging/config", params=params))

    def get_cf_fields(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/content_flagging/fields

        Get content flagging property fields.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("Dict[str, Any]", self.client.get("/content_flagging/fields", params=params))

    def get_cf_flag_config(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/content_flagging/flag/config

        Get content flagging configuration.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("Dict[str, Any]", self.client.get("/content_flagging/flag/config", params=params))

    def get_cf_post(self, post_id: str, params: Optional[Dict[str, Any]] = None) -> Post:
        """GET /api/v4/content_flagging/post/{post_id}

        Get a flagged post with all its content.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("Post", self.client.get(self.path("/content_flagging/post/{}", post_id), params=params))

    def get_cf_post_field_values(
        self, post_id: str, params: Optional[Dict[str, Any]] = None
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/content_flagging/post/{post_id}/field_values

        Get content flagging property field values for a post.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(self.path("/content_flagging/post/{}/field_values", post_id), params=params),
        )

    def get_cf_team_status(self, team_id: str, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/content_flagging/team/{team_id}/status

        Get content flagging status for a team.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(self.path("/content_flagging/team/{}/status", team_id), params=params),
        )

    def keep_cf_post(
        self, post_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """PUT /api/v4/content_flagging/post/{post_id}/keep

        Keep a flagged post.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "StatusOK",
            self.client.put(
                self.path("/content_flagging/post/{}/keep", post_id), options=options, params=params
            ),
        )

    def post_cf_post_flag(
        self, post_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/content_flagging/post/{post_id}/flag

        Flag a post.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "StatusOK",
            self.client.post(
                self.path("/content_flagging/post/{}/flag", post_id), options=options, params=params
            ),
        )

    def post_cf_post_reviewer(
        self,
        post_id: str,
        content_reviewer_id: str,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
    ) -> StatusOK:
        """POST /api/v4/content_flagging/post/{post_id}/assign/{content_reviewer_id}

        Assign a content reviewer to a flagged post.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "StatusOK",
            self.client.post(
                self.path("/content_flagging/post/{}/assign/{}", post_id, content_reviewer_id),
                options=options,
                params=params,
            ),
        )

    def remove_cf_post(
        self, post_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """PUT /api/v4/content_flagging/post/{post_id}/remove

        Remove a flagged post.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "StatusOK",
            self.client.put(
                self.path("/content_flagging/post/{}/remove", post_id), options=options, params=params
            ),
        )

    def search_cf_team_reviewers(
        self, team_id: str, params: Optional[Dict[str, Any]] = None, *, term: Optional[str] = None
    ) -> List[User]:
        """GET /api/v4/content_flagging/team/{team_id}/reviewers/search

        Search content reviewers in a team.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``term``: (required) The search term to filter content reviewers by
        """
        return cast(
            "List[User]",
            self.client.get(
                self.path("/content_flagging/team/{}/reviewers/search", team_id),
                params=query(params, term=term),
            ),
        )

    def update_cf_config(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> StatusOK:
        """PUT /api/v4/content_flagging/config

        Update the system content flagging configuration.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("StatusOK", self.client.put("/content_flagging/config", options=options, params=params))
