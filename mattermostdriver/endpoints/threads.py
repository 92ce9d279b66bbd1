"""Endpoints of ``driver.threads``."""

from __future__ import annotations

from typing import Any, Dict, Optional, cast

from ..types import StatusOK
from .base import Base, query


class Threads(Base):
    """The ``threads`` routes."""

    endpoint = "/users"

    def get_thread_mention_counts_by_channel(
        self, user_id: str, team_id: str, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """GET /api/v4/users/{user_id}/teams/{team_id}/threads/mention_counts

        Get all unread mention counts from followed threads, per-channel.

        Removed from the server by v11.4 (an 11.4 server answers 404) and from the API description in v11.8;
        kept for callers of older servers, which still serve it.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                self.path("/users/{}/teams/{}/threads/mention_counts", user_id, team_id), params=params
            ),
        )

    def get_user_thread(
        self, user_id: str, team_id: str, thread_id: str, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """GET /api/v4/users/{user_id}/teams/{team_id}/threads/{thread_id}

        Get a thread followed by the user.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                self.path("/users/{}/teams/{}/threads/{}", user_id, team_id, thread_id), params=params
            ),
        )

    def get_user_threads(
        self,
        user_id: str,
        team_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        since: Optional[int] = None,
        deleted: Optional[bool] = None,
        extended: Optional[bool] = None,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
        totals_only: Optional[bool] = None,
        threads_only: Optional[bool] = None,
    ) -> Dict[str, Any]:
        """GET /api/v4/users/{user_id}/teams/{team_id}/threads

        Get all threads that user is following.

        Query parameters (keyword-only arguments):

        * ``since``: Since filters the threads based on their LastUpdateAt timestamp.
        * ``deleted``: Deleted will specify that even deleted threads should be returned (For mobile sync).
        * ``extended``: Extended will enrich the response with participant details.
        * ``page``: Page specifies which part of the results to return, by per_page.
        * ``per_page``: The size of the returned chunk of results.
        * ``totals_only`` (``totalsOnly``): Setting this to true will only return the total counts.
        * ``threads_only`` (``threadsOnly``): Setting this to true will only return threads.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                self.path("/users/{}/teams/{}/threads", user_id, team_id),
                params=query(
                    params,
                    since=since,
                    deleted=deleted,
                    extended=extended,
                    page=page,
                    per_page=per_page,
                    totalsOnly=totals_only,
                    threadsOnly=threads_only,
                ),
            ),
        )

    def set_thread_unread_by_post_id(
        self,
        user_id: str,
        team_id: str,
        thread_id: str,
        post_id: str,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
    ) -> Dict[str, Any]:
        """POST /api/v4/users/{user_id}/teams/{team_id}/threads/{thread_id}/set_unread/{post_id}

        Mark a thread that user is following as unread based on a post id.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(
                self.path(
                    "/users/{}/teams/{}/threads/{}/set_unread/{}", user_id, team_id, thread_id, post_id
                ),
                options=options,
                params=params,
            ),
        )

    def start_following_thread(
        self,
        user_id: str,
        team_id: str,
        thread_id: str,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
    ) -> StatusOK:
        """PUT /api/v4/users/{user_id}/teams/{team_id}/threads/{thread_id}/following

        Start following a thread.
        """
        return cast(
            "StatusOK",
            self.client.put(
                self.path("/users/{}/teams/{}/threads/{}/following", user_id, team_id, thread_id),
                options=options,
                params=params,
            ),
        )

    def stop_following_thread(
        self,
        user_id: str,
        team_id: str,
        thread_id: str,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
    ) -> StatusOK:
        """DELETE /api/v4/users/{user_id}/teams/{team_id}/threads/{thread_id}/following

        Stop following a thread.
        """
        return cast(
            "StatusOK",
            self.client.delete(
                self.path("/users/{}/teams/{}/threads/{}/following", user_id, team_id, thread_id),
                options=options,
                params=params,
            ),
        )

    def update_thread_read_for_user(
        self,
        user_id: str,
        team_id: str,
        thread_id: str,
        timestamp: str,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
    ) -> Dict[str, Any]:
        """PUT /api/v4/users/{user_id}/teams/{team_id}/threads/{thread_id}/read/{timestamp}

        Mark a thread that user is following read state to the timestamp.
        """
        return cast(
            "Dict[str, Any]",
            self.client.put(
                self.path("/users/{}/teams/{}/threads/{}/read/{}", user_id, team_id, thread_id, timestamp),
                options=options,
                params=params,
            ),
        )

    def update_threads_read_for_user(
        self, user_id: str, team_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """PUT /api/v4/users/{user_id}/teams/{team_id}/threads/read

        Mark all threads that user is following as read.
        """
        return cast(
            "StatusOK",
            self.client.put(
                self.path("/users/{}/teams/{}/threads/read", user_id, team_id), options=options, params=params
            ),
        )
