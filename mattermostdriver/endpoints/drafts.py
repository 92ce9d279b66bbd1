"""Endpoints of ``driver.drafts``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import StatusOK
from .base import Base


class Drafts(Base):
    """The ``drafts`` routes: the drafts a user's clients keep in sync.

    Synced drafts must be on (``ServiceSettings.AllowSyncedDrafts``).
    """

    endpoint = "/drafts"

    def delete_draft(
        self, user_id: str, channel_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/users/{user_id}/channels/{channel_id}/drafts

        Delete synced draft.

        Minimum server version: not stated by the description, which has the route since v11.8.

        An 11.4 server already serves it.

        Synced drafts must be on (``ServiceSettings.AllowSyncedDrafts``): otherwise the server answers 501.
        """
        return cast(
            "StatusOK",
            self.client.delete(
                self.path("/users/{}/channels/{}/drafts", user_id, channel_id), options=options, params=params
            ),
        )

    def delete_draft_for_thread(
        self,
        user_id: str,
        channel_id: str,
        thread_id: str,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
    ) -> StatusOK:
        """DELETE /api/v4/users/{user_id}/channels/{channel_id}/drafts/{thread_id}

        Delete synced thread draft.

        Minimum server version: not stated by the description, which has the route since v11.8.

        An 11.4 server already serves it.

        Synced drafts must be on (``ServiceSettings.AllowSyncedDrafts``): otherwise the server answers 501.
        """
        return cast(
            "StatusOK",
            self.client.delete(
                self.path("/users/{}/channels/{}/drafts/{}", user_id, channel_id, thread_id),
                options=options,
                params=params,
            ),
        )

    def get_drafts(
        self, user_id: str, team_id: str, params: Optional[Dict[str, Any]] = None
    ) -> Optional[List[Dict[str, Any]]]:
        """GET /api/v4/users/{user_id}/teams/{team_id}/drafts

        Get synced drafts for a team.

        Minimum server version: not stated by the description, which has the route since v11.8.

        An 11.4 server already serves it.

        Synced drafts must be on (``ServiceSettings.AllowSyncedDrafts``): otherwise the server answers 501.
        """
        # None (JSON null) when the user has no drafts
        return cast(
            "Optional[List[Dict[str, Any]]]",
            self.client.get(self.path("/users/{}/teams/{}/drafts", user_id, team_id), params=params),
        )

    def upsert_draft(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """POST /api/v4/drafts

        Upsert synced draft.

        Minimum server version: not stated by the description, which has the route since v11.8.

        An 11.4 server already serves it.

        Synced drafts must be on (``ServiceSettings.AllowSyncedDrafts``): otherwise the server answers 501.

        An empty ``message`` deletes the draft (the answer is then ``None``).
        """
        return cast("Dict[str, Any]", self.client.post("/drafts", options=options, params=params))
