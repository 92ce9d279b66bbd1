"""Endpoints of ``driver.shared_channels``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import StatusOK
from .base import Base, query


class SharedChannels(Base):
    """The ``shared_channels`` routes.

    Needs an Enterprise licence: a server without one answers 501 or 403, raised as
    :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
    """

    endpoint = "/sharedchannels"

    def can_user_direct_message(
        self, user_id: str, other_user_id: str, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """GET /api/v4/sharedchannels/users/{user_id}/can_dm/{other_user_id}

        Check if user can DM another user in shared channels context.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                self.path("/sharedchannels/users/{}/can_dm/{}", user_id, other_user_id), params=params
            ),
        )

    def get_all_shared_channels(
        self,
        team_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/sharedchannels/{team_id}

        Get all shared channels for team.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of sharedchannels per page.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(
                self.path("/sharedchannels/{}", team_id), params=query(params, page=page, per_page=per_page)
            ),
        )

    def get_remote_cluster_info(
        self,
        remote_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        include_deleted: Optional[bool] = None,
    ) -> Dict[str, Any]:
        """GET /api/v4/sharedchannels/remote_info/{remote_id}

        Get remote cluster info by ID for user.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``include_deleted``: Include deleted remote clusters
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                self.path("/sharedchannels/remote_info/{}", remote_id),
                params=query(params, include_deleted=include_deleted),
            ),
        )

    def get_shared_channel_remotes(
        self, channel_id: str, params: Optional[Dict[str, Any]] = None
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/sharedchannels/{channel_id}/remotes

        Get remote clusters for a shared channel.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(self.path("/sharedchannels/{}/remotes", channel_id), params=params),
        )

    def get_shared_channel_remotes_by_remote_cluster(
        self,
        remote_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        include_unconfirmed: Optional[bool] = None,
        exclude_confirmed: Optional[bool] = None,
        exclude_home: Optional[bool] = None,
        exclude_remote: Optional[bool] = None,
        include_deleted: Optional[bool] = None,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/remotecluster/{remote_id}/sharedchannelremotes

        Get shared channel remotes by remote cluster.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``include_unconfirmed``: Include those Shared channel remotes that are unconfirmed
        * ``exclude_confirmed``: Show only those Shared channel remotes that are not confirmed yet
        * ``exclude_home``: Show only those Shared channel remotes that were shared with this server
        * ``exclude_remote``: Show only those Shared channel remotes that were shared from this server
        * ``include_deleted``: Include those Shared channel remotes that have been deleted
        * ``page``: The page to select
        * ``per_page``: The number of shared channels per page
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(
                self.path("/remotecluster/{}/sharedchannelremotes", remote_id),
                params=query(
                    params,
                    include_unconfirmed=include_unconfirmed,
                    exclude_confirmed=exclude_confirmed,
                    exclude_home=exclude_home,
                    exclude_remote=exclude_remote,
                    include_deleted=include_deleted,
                    page=page,
                    per_page=per_page,
                ),
            ),
        )

    def invite_remote_cluster_to_channel(
        self, remote_id: str, channel_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/remotecluster/{remote_id}/channels/{channel_id}/invite

        Invites a remote cluster to a channel.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "StatusOK",
            self.client.post(
                self.path("/remotecluster/{}/channels/{}/invite", remote_id, channel_id),
                options=options,
                params=params,
            ),
        )

    def uninvite_remote_cluster_to_channel(
        self, remote_id: str, channel_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Optional[StatusOK]:
        """POST /api/v4/remotecluster/{remote_id}/channels/{channel_id}/uninvite

        Uninvites a remote cluster to a channel.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        # None (204) when the channel was not shared with the remote
        return cast(
            "Optional[StatusOK]",
            self.client.post(
                self.path("/remotecluster/{}/channels/{}/uninvite", remote_id, channel_id),
                options=options,
                params=params,
            ),
        )
