"""Endpoints of ``driver.threads``."""

from __future__ import annotations

from typing import Any, Dict, Optional

from .base import Base


class Threads(Base):
    """The ``threads`` routes."""

    def get_thread_mention_counts_by_channel(
        self, user_id: str, team_id: str, params: Optional[Dict[str, Any]] = None
    ) -> Any:
        """GET /api/v4/users/{user_id}/teams/{team_id}/threads/mention_counts

        Get all unread mention counts from followed threads, per-channel.
        """
        return self.client.get(
            self.path("/users/{}/teams/{}/threads/mention_counts", user_id, team_id), params=params
        )

    def get_user_thread(
        self, user_id: str, team_id: str, thread_id: str, params: Optional[Dict[str, Any]] = None
    ) -> Any:
        """GET /api/v4/users/{user_id}/teams/{team_id}/threads/{thread_id}

        Get a thread followed by the user.
        """
        return self.client.get(
            self.path("/users/{}/teams/{}/threads/{}", user_id, team_id, thread_id), params=params
        )

    def get_user_threads(self, user_id: str, team_id: str, params: Optional[Dict[str, Any]] = None) -> Any:
        """GET /api/v4/users/{user_id}/teams/{team_id}/threads

        Get all threads that user is following.
        """
        return self.client.get(self.path("/users/{}/teams/{}/threads", user_id, team_id), params=params)

    def set_thread_unread_by_post_id(
        self,
        user_id: str,
        team_id: str,
        thread_id: str,
        post_id: str,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
    ) -> Any:
        """POST /api/v4/users/{user_id}/teams/{team_id}/threads/{thread_id}/set_unread/{post_id}

        Mark a thread that user is following as unread based on a post id.
        """
        return self.client.post(
            self.path("/users/{}/teams/{}/threads/{}/set_unread/{}", user_id, team_id, thread_id, post_id),
            options=options,
            params=params,
        )

    def start_following_thread(
        self,
        user_id: str,
        team_id: str,
        thread_id: str,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
    ) -> Any:
        """PUT /api/v4/users/{user_id}/teams/{team_id}/threads/{thread_id}/following

        Start following a thread.
        """
        return self.client.put(
            self.path("/users/{}/teams/{}/threads/{}/following", user_id, team_id, thread_id),
            options=options,
            params=params,
        )

    def stop_following_thread(
        self,
        user_id: str,
        team_id: str,
        thread_id: str,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
    ) -> Any:
        """DELETE /api/v4/users/{user_id}/teams/{team_id}/threads/{thread_id}/following

        Stop following a thread.
        """
        return self.client.delete(
            self.path("/users/{}/teams/{}/threads/{}/following", user_id, team_id, thread_id),
            options=options,
            params=params,
        )

    def update_thread_read_for_user(
        self,
        user_id: str,
        team_id: str,
        thread_id: str,
        timestamp: str,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
    ) -> Any:
        """PUT /api/v4/users/{user_id}/teams/{team_id}/threads/{thread_id}/read/{timestamp}

        Mark a thread that user is following read state to the timestamp.
        """
        return self.client.put(
            self.path("/users/{}/teams/{}/threads/{}/read/{}", user_id, team_id, thread_id, timestamp),
            options=options,
            params=params,
        )

    def update_threads_read_for_user(
        self, user_id: str, team_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Any:
        """PUT /api/v4/users/{user_id}/teams/{team_id}/threads/read

        Mark all threads that user is following as read.
        """
        return self.client.put(
            self.path("/users/{}/teams/{}/threads/read", user_id, team_id), options=options, params=params
        )
