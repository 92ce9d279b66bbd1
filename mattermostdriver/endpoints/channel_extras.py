"""Channel routes described from v11.7 on, apart from ``channels.py`` to keep it small."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

import requests

from ..types import Channel
from .base import Base, query


class ChannelExtras(Base):
    """Bulk reads, member counts, declarative membership and conversions of channels; mixed into
    :class:`~mattermostdriver.endpoints.Channels`.
    """

    def convert_group_message_to_channel(
        self, channel_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Channel:
        """POST /api/v4/channels/{channel_id}/convert_to_channel

        Convert group message to private channel.

        Minimum server version: not stated by the description, which has the route since v11.8.

        An 11.4 server already serves it.
        """
        return cast(
            "Channel",
            self.client.post(
                self.path("/channels/{}/convert_to_channel", channel_id), options=options, params=params
            ),
        )

    def get_channels_member_count(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/channels/stats/member_count

        Get member counts for multiple channels.

        Minimum server version: not stated by the description, which has the route since v11.8.

        An 11.4 server already serves it.

        ``options`` is the list of channel ids.
        """
        return cast(
            "Dict[str, Any]", self.client.post("/channels/stats/member_count", options=options, params=params)
        )

    def get_managed_categories(self, team_id: str, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/teams/{team_id}/channels/managed_categories

        Get managed category mappings.

        Minimum server version: not stated by the description, which has the route since v11.7.

        Needs an Enterprise licence. It also needs the ``ManagedChannelCategories`` feature flag: without it
        the server answers 404.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(self.path("/teams/{}/channels/managed_categories", team_id), params=params),
        )

    def get_recommended_channels_for_team(
        self, team_id: str, params: Optional[Dict[str, Any]] = None
    ) -> List[Channel]:
        """GET /api/v4/teams/{team_id}/channels/recommended

        Get recommended public channels for the current user.

        Minimum server version: 11.8.

        Without an Enterprise Advanced licence and attribute-based access control turned on, the list is
        empty.
        """
        return cast(
            "List[Channel]",
            self.client.get(self.path("/teams/{}/channels/recommended", team_id), params=params),
        )

    def mark_all_direct_messages_read(
        self, user_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """PUT /api/v4/channels/members/{user_id}/direct/read

        Mark all direct and group messages as read.

        Minimum server version: 11.3, as the description says; yet an 11.4 server answers 404 for the route.
        """
        return cast(
            "Dict[str, Any]",
            self.client.put(
                self.path("/channels/members/{}/direct/read", user_id), options=options, params=params
            ),
        )

    def mark_all_team_channels_read(
        self, user_id: str, team_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """PUT /api/v4/users/{user_id}/teams/{team_id}/read

        Mark all channels and threads in a team as read.

        Minimum server version: 11.3, as the description says; yet an 11.4 server answers 404 for the route.
        """
        return cast(
            "Dict[str, Any]",
            self.client.put(
                self.path("/users/{}/teams/{}/read", user_id, team_id), options=options, params=params
            ),
        )

    def mark_channels_read_for_user(
        self, user_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/channels/members/{user_id}/mark_read

        Mark multiple channels as read.

        Minimum server version: not stated by the description, which has the route since v11.8.

        An 11.4 server already serves it.

        ``options`` is the list of channel ids.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(
                self.path("/channels/members/{}/mark_read", user_id), options=options, params=params
            ),
        )

    def set_channel_members(
        self,
        channel_id: str,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
        *,
        batch_size: Optional[int] = None,
        batch_delay_ms: Optional[int] = None,
    ) -> requests.Response:
        """PUT /api/v4/channels/{channel_id}/members

        Set channel members.

        Minimum server version: 11.7.

        System admins only. ``options`` is ``{"members": [user ids], "channel_admins": [user ids]}``; the
        server adds and removes members until the channel has exactly those.

        The answer is streamed as NDJSON (one JSON object per batch), so the :class:`requests.Response` is
        returned: read it with ``iter_lines()``.

        Query parameters (keyword-only arguments):

        * ``batch_size``: Number of add/remove operations per batch.
        * ``batch_delay_ms``: Milliseconds to pause between batches, giving the server time to process
          websocket events and plugin hooks.
        """
        return self.client.make_request(
            "put",
            self.path("/channels/{}/members", channel_id),
            options=options,
            params=query(params, batch_size=batch_size, batch_delay_ms=batch_delay_ms),
        )
