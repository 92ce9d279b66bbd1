"""Endpoints of ``driver.scheduled_posts``."""

from __future__ import annotations

from typing import Any, Dict, Optional, cast

from .base import Base, query


class ScheduledPosts(Base):
    """The ``scheduled_posts`` routes.

    Needs an Enterprise licence: a server without one answers 501 or 403, raised as
    :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
    """

    endpoint = "/posts/schedule"

    def create_scheduled_post(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/posts/schedule

        Creates a scheduled post.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("Dict[str, Any]", self.client.post("/posts/schedule", options=options, params=params))

    def delete_scheduled_post(
        self, scheduled_post_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """DELETE /api/v4/posts/schedule/{scheduled_post_id}

        Delete a scheduled post.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.delete(
                self.path("/posts/schedule/{}", scheduled_post_id), options=options, params=params
            ),
        )

    def get_user_scheduled_posts(
        self,
        team_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        include_direct_channels: Optional[bool] = None,
    ) -> Dict[str, Any]:
        """GET /api/v4/posts/scheduled/team/{team_id}

        Gets all scheduled posts for a user for the specified team.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``include_direct_channels`` (``includeDirectChannels``): Whether to include scheduled posts from DMs
          and GMs or not. Default is false
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                self.path("/posts/scheduled/team/{}", team_id),
                params=query(params, includeDirectChannels=include_direct_channels),
            ),
        )

    def update_scheduled_post(
        self, scheduled_post_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """PUT /api/v4/posts/schedule/{scheduled_post_id}

        Update a scheduled post.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.put(
                self.path("/posts/schedule/{}", scheduled_post_id), options=options, params=params
            ),
        )
