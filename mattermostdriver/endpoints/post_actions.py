"""Post routes beyond writing and reading: pins, acknowledgements, reminders, unread marks, actions, edits."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import Post, StatusOK
from .base import Base


class PostActions(Base):
    """Pins, acknowledgements, reminders, unread marks, interactive actions, edit history and versions,
    moving threads, burn-on-read and rewriting; mixed into :class:`~mattermostdriver.endpoints.Posts`.
    """

    def burn_post(
        self, post_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/posts/{post_id}/burn

        Burn a burn-on-read post.
        """
        return cast(
            "StatusOK",
            self.client.delete(self.path("/posts/{}/burn", post_id), options=options, params=params),
        )

    def delete_acknowledgement_for_post(
        self, user_id: str, post_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/users/{user_id}/posts/{post_id}/ack

        Delete a post acknowledgement.
        """
        return cast(
            "StatusOK",
            self.client.delete(
                self.path("/users/{}/posts/{}/ack", user_id, post_id), options=options, params=params
            ),
        )

    def get_edit_history_for_post(self, post_id: str, params: Optional[Dict[str, Any]] = None) -> List[Post]:
        """GET /api/v4/posts/{post_id}/edit_history

        Get post edit history.

        Minimum server version: not stated by the description, which has the route since v11.8.

        An 11.4 server already serves it.

        Only the post's author can read it, as a rule.
        """
        return cast(
            "List[Post]", self.client.get(self.path("/posts/{}/edit_history", post_id), params=params)
        )

    def move_thread(
        self, post_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/posts/{post_id}/move

        Move a post (and any posts within that post's thread).
        """
        return cast(
            "StatusOK", self.client.post(self.path("/posts/{}/move", post_id), options=options, params=params)
        )

    def perform_post_action(self, post_id: str, action_id: str, options: Any = None) -> StatusOK:
        """POST /api/v4/posts/{post_id}/actions/{action_id}

        Perform a post action.
        """
        return cast(
            "StatusOK",
            self.client.post(self.path("/posts/{}/actions/{}", post_id, action_id), options=options),
        )

    def pin_post_to_channel(self, post_id: str) -> StatusOK:
        """POST /api/v4/posts/{post_id}/pin

        Pin a post to the channel.
        """
        return cast("StatusOK", self.client.post(self.path("/posts/{}/pin", post_id)))

    def restore_post_version(
        self,
        post_id: str,
        restore_version_id: str,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
    ) -> Post:
        """POST /api/v4/posts/{post_id}/restore/{restore_version_id}

        Restores a past version of a post.
        """
        return cast(
            "Post",
            self.client.post(
                self.path("/posts/{}/restore/{}", post_id, restore_version_id), options=options, params=params
            ),
        )

    def reveal_post(self, post_id: str, params: Optional[Dict[str, Any]] = None) -> Post:
        """GET /api/v4/posts/{post_id}/reveal

        Reveal a burn-on-read post.
        """
        return cast("Post", self.client.get(self.path("/posts/{}/reveal", post_id), params=params))

    def rewrite_message(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """POST /api/v4/posts/rewrite

        Rewrite a message using AI.
        """
        return cast("Dict[str, Any]", self.client.post("/posts/rewrite", options=options, params=params))

    def save_acknowledgement_for_post(
        self, user_id: str, post_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/users/{user_id}/posts/{post_id}/ack

        Acknowledge a post.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(
                self.path("/users/{}/posts/{}/ack", user_id, post_id), options=options, params=params
            ),
        )

    def set_post_reminder(
        self, user_id: str, post_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/users/{user_id}/posts/{post_id}/reminder

        Set a post reminder.
        """
        return cast(
            "StatusOK",
            self.client.post(
                self.path("/users/{}/posts/{}/reminder", user_id, post_id), options=options, params=params
            ),
        )

    def set_post_unread(
        self, user_id: str, post_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/users/{user_id}/posts/{post_id}/set_unread

        Mark as unread from a post.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(
                self.path("/users/{}/posts/{}/set_unread", user_id, post_id), options=options, params=params
            ),
        )

    def unpin_post_to_channel(self, post_id: str) -> StatusOK:
        """POST /api/v4/posts/{post_id}/unpin

        Unpin a post to the channel.
        """
        return cast("StatusOK", self.client.post(self.path("/posts/{}/unpin", post_id)))
