"""Endpoints of ``driver.webhooks``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

import requests

from ..paths import is_absolute_url
from ..types import StatusOK
from .base import Base, query


class Webhooks(Base):
    """The ``webhooks`` routes."""

    endpoint = "/hooks"

    def call_webhook(self, hook_id: str, options: Any = None) -> requests.Response:
        """POST /hooks/{hook_id}

        Post a message through an incoming webhook; needs no token. ``hook_id`` is the hook's
        id or its full URL (``https://chat.example.com/hooks/xxx``); ``options`` is the payload
        (``text``, ``channel``, ``username``, ``icon_url``, ``attachments``, ``props``...).
        The route is outside the API base path, and no API description has it: the server
        (``incomingWebhook`` in ``server/channels/web/webhook.go``) reads the body as JSON, as
        sent here (it also takes a form's ``payload`` field, or a multipart form). Returns the
        :class:`requests.Response` (its text is ``ok``), as 7.3.2 did.
        """
        if is_absolute_url(str(hook_id)):
            return self.client.make_request("post", str(hook_id), options=options)
        site_path = self.client.options["site_path"]
        return self.client.make_request(
            "post", self.path("/{}", hook_id), options=options, basepath=site_path + "/hooks"
        )

    def create_incoming_hook(self, options: Any) -> Dict[str, Any]:
        """POST /api/v4/hooks/incoming

        Create an incoming webhook.
        """
        return cast("Dict[str, Any]", self.client.post("/hooks/incoming", options=options))

    def create_outgoing_hook(self, options: Any) -> Dict[str, Any]:
        """POST /api/v4/hooks/outgoing

        Create an outgoing webhook.
        """
        return cast("Dict[str, Any]", self.client.post("/hooks/outgoing", options=options))

    def delete_incoming_webhook(
        self, hook_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/hooks/incoming/{hook_id}

        Delete an incoming webhook.
        """
        return cast(
            "StatusOK",
            self.client.delete(self.path("/hooks/incoming/{}", hook_id), options=options, params=params),
        )

    def delete_outgoing_hook(self, hook_id: str) -> StatusOK:
        """DELETE /api/v4/hooks/outgoing/{hook_id}

        Delete an outgoing webhook.
        """
        return cast("StatusOK", self.client.delete(self.path("/hooks/outgoing/{}", hook_id)))

    def get_incoming_hook(self, hook_id: str) -> Dict[str, Any]:
        """GET /api/v4/hooks/incoming/{hook_id}

        Get an incoming webhook.
        """
        return cast("Dict[str, Any]", self.client.get(self.path("/hooks/incoming/{}", hook_id)))

    def get_outgoing_hook(self, hook_id: str) -> Dict[str, Any]:
        """GET /api/v4/hooks/outgoing/{hook_id}

        Get an outgoing webhook.
        """
        return cast("Dict[str, Any]", self.client.get(self.path("/hooks/outgoing/{}", hook_id)))

    def list_incoming_hooks(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
        team_id: Optional[str] = None,
        include_total_count: Optional[bool] = None,
    ) -> Any:
        """GET /api/v4/hooks/incoming

        List incoming webhooks.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of hooks per page.
        * ``team_id``: The ID of the team to get hooks for.
        * ``include_total_count``: Appends a total count of returned hooks inside the response object - ex:
          ``{ "incoming_webhooks": [], "total_count": 0 }``.
        """
        # Any: a list, or an object with total_count when include_total_count is set
        return self.client.get(
            "/hooks/incoming",
            params=query(
                params, page=page, per_page=per_page, team_id=team_id, include_total_count=include_total_count
            ),
        )

    def list_outgoing_hooks(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
        team_id: Optional[str] = None,
        channel_id: Optional[str] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/hooks/outgoing

        List outgoing webhooks.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of hooks per page.
        * ``team_id``: The ID of the team to get hooks for.
        * ``channel_id``: The ID of the channel to get hooks for.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(
                "/hooks/outgoing",
                params=query(params, page=page, per_page=per_page, team_id=team_id, channel_id=channel_id),
            ),
        )

    def regenerate_token_outgoing_hook(self, hook_id: str) -> Dict[str, Any]:
        """POST /api/v4/hooks/outgoing/{hook_id}/regen_token

        Regenerate the token for the outgoing webhook.
        """
        return cast("Dict[str, Any]", self.client.post(self.path("/hooks/outgoing/{}/regen_token", hook_id)))

    def update_incoming_hook(self, hook_id: str, options: Any) -> Dict[str, Any]:
        """PUT /api/v4/hooks/incoming/{hook_id}

        Update an incoming webhook.
        """
        return cast(
            "Dict[str, Any]", self.client.put(self.path("/hooks/incoming/{}", hook_id), options=options)
        )

    def update_outgoing_hook(self, hook_id: str, options: Any) -> Dict[str, Any]:
        """PUT /api/v4/hooks/outgoing/{hook_id}

        Update an outgoing webhook.
        """
        return cast(
            "Dict[str, Any]", self.client.put(self.path("/hooks/outgoing/{}", hook_id), options=options)
        )
