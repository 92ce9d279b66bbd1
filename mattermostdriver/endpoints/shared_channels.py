"""Endpoints of ``driver.shared_channels``."""

from __future__ import annotations

from typing import Any, Dict, Optional

from .base import Base


class SharedChannels(Base):
    """The ``shared_channels`` routes."""

    def can_user_direct_message(
        self, user_id: str, other_user_id: str, params: Optional[Dict[str, Any]] = None
    ) -> Any:
        """GET /api/v4/sharedchannels/users/{user_id}/can_dm/{other_user_id}

        Check if user can DM another user in shared channels context.
        """
        return self.client.get(
            self.path("/sharedchannels/users/{}/can_dm/{}", user_id, other_user_id), params=params
        )

    def get_all_shared_channels(self, team_id: str, params: Optional[Dict[str, Any]] = None) -> Any:
        """GET /api/v4/sharedchannels/{team_id}

        Get all shared channels for team.
        """
        return self.client.get(self.path("/sharedchannels/{}", team_id), params=params)

    def get_remote_cluster_info(self, remote_id: str, params: Optional[Dict[str, Any]] = None) -> Any:
        """GET /api/v4/sharedchannels/remote_info/{remote_id}

        Get remote cluster info by ID for user.
        """
        return self.client.get(self.path("/sharedchannels/remote_info/{}", remote_id), params=params)

    def get_shared_channel_remotes(self, channel_id: str, params: Optional[Dict[str, Any]] = None) -> Any:
        """GET /api/v4/sharedchannels/{channel_id}/remotes

        Get remote clusters for a shared channel.
        """
        return self.client.get(self.path("/sharedchannels/{}/remotes", channel_id), params=params)

    def get_shared_channel_remotes_by_remote_cluster(
        self, remote_id: str, params: Optional[Dict[str, Any]] = None
    ) -> Any:
        """GET /api/v4/remotecluster/{remote_id}/sharedchannelremotes

        Get shared channel remotes by remote cluster.
        """
        return self.client.get(self.path("/remotecluster/{}/sharedchannelremotes", remote_id), params=params)

    def invite_remote_cluster_to_channel(
        self, remote_id: str, channel_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Any:
        """POST /api/v4/remotecluster/{remote_id}/channels/{channel_id}/invite

        Invites a remote cluster to a channel.
        """
        return self.client.post(
            self.path("/remotecluster/{}/channels/{}/invite", remote_id, channel_id),
            options=options,
            params=params,
        )

    def uninvite_remote_cluster_to_channel(
        self, remote_id: str, channel_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Any:
        """POST /api/v4/remotecluster/{remote_id}/channels/{channel_id}/uninvite

        Uninvites a remote cluster to a channel.
        """
        return self.client.post(
            self.path("/remotecluster/{}/channels/{}/uninvite", remote_id, channel_id),
            options=options,
            params=params,
        )
