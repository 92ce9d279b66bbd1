"""Endpoints of ``driver.posts``."""

from __future__ import annotations

from typing import Any, Dict, Iterator, List, Optional, cast

from ..core.pending import new_pending_post_id
from ..retry import DEDUPE
from ..types import FileInfo, Post, PostList, StatusOK
from .base import query
from .post_actions import PostActions

__all__ = ["Posts", "new_pending_post_id"]


class Posts(PostActions):
    """The ``posts`` routes."""

    endpoint = "/posts"

    def create_ephemeral_post(self, options: Any) -> Post:
        """POST /api/v4/posts/ephemeral

        Create a ephemeral post.
        """
        return cast("Post", self.client.post("/posts/ephemeral", options=options))

    def create_post(
        self, options: Any, *, set_online: Optional[bool] = None, silent: Optional[bool] = None
    ) -> Post:
        """POST /api/v4/posts

        Create a post. Safe to retry: unless ``options`` has one, a ``pending_post_id`` is
        added, which the server uses to drop a repeat for 30 s, so a request resent after a
        lost answer never posts twice; none is resent once that window may have passed.
        Calling it again with the same options after it failed without an answer (a
        timeout, a dropped connection, a cancelled task) sends the same id again, so that
        retry cannot post twice either. ``options`` is not modified.

        Query parameters (keyword-only arguments):

        * ``set_online``: Whether to set the user status as online or not (``False``: a bot's
          or a script's post leaves the account's status alone).
        * ``silent``: ``True`` delivers the post silently: it shows in the channel but sends no
          desktop, push or email notification, counts no unread or mention and draws no "New
          Messages" line. Only bots, OAuth apps, incoming webhooks and plugins may set it (anyone
          else gets 403, raised as :class:`~mattermostdriver.NotEnoughPermissions`); the post's
          ``force_notification`` overrides it. In the description by v11.11 (not in v11.9's); an
          older server ignores it.
        """
        return cast(
            "Post",
            self.client.post(
                "/posts",
                options=options,
                params=query(None, set_online=set_online, silent=silent),
                retry=DEDUPE,
            ),
        )

    def delete_post(self, post_id: str) -> StatusOK:
        """DELETE /api/v4/posts/{post_id}

        Delete a post.
        """
        return cast("StatusOK", self.client.delete(self.path("/posts/{}", post_id)))

    def get_file_info_for_post(
        self, post_id: str, *, include_deleted: Optional[bool] = None
    ) -> List[FileInfo]:
        """GET /api/v4/posts/{post_id}/files/info

        Get file info for post.

        Query parameters (keyword-only arguments):

        * ``include_deleted``: Defines if result should include deleted posts, must have 'manage_system'
          (admin) permission.
        """
        return cast(
            "List[FileInfo]",
            self.client.get(
                self.path("/posts/{}/files/info", post_id),
                params=query(None, include_deleted=include_deleted),
            ),
        )

    def get_list_of_flagged_posts(
        self,
        user_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        team_id: Optional[str] = None,
        channel_id: Optional[str] = None,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> PostList:
        """GET /api/v4/users/{user_id}/posts/flagged

        Get a list of flagged posts.

        Query parameters (keyword-only arguments):

        * ``team_id``: Team ID
        * ``channel_id``: Channel ID
        * ``page``: The page to select
        * ``per_page``: The number of posts per page
        """
        return cast(
            "PostList",
            self.client.get(
                self.path("/users/{}/posts/flagged", user_id),
                params=query(params, team_id=team_id, channel_id=channel_id, page=page, per_page=per_page),
            ),
        )

    def get_post(self, post_id: str, *, include_deleted: Optional[bool] = None) -> Post:
        """GET /api/v4/posts/{post_id}

        Get a post.

        Query parameters (keyword-only arguments):

        * ``include_deleted``: Defines if result should include deleted posts, must have 'manage_system'
          (admin) permission.
        """
        return cast(
            "Post",
            self.client.get(
                self.path("/posts/{}", post_id), params=query(None, include_deleted=include_deleted)
            ),
        )

    def get_post_info(self, post_id: str, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/posts/{post_id}/info

        Get post info.

        Minimum server version: not stated by the description, which has the route since v11.8.

        An 11.4 server already serves it.
        """
        return cast("Dict[str, Any]", self.client.get(self.path("/posts/{}/info", post_id), params=params))

    def get_posts_by_ids(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> List[Post]:
        """POST /api/v4/posts/ids

        Get posts by a list of ids.
        """
        return cast("List[Post]", self.client.post("/posts/ids", options=options, params=params))

    def get_posts_for_channel(
        self,
        channel_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
        since: Optional[int] = None,
        before: Optional[str] = None,
        after: Optional[str] = None,
        include_deleted: Optional[bool] = None,
        type_: Optional[str] = None,
    ) -> PostList:
        """GET /api/v4/channels/{channel_id}/posts

        Get posts for a channel.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select
        * ``per_page``: The number of posts per page
        * ``since``: Provide a non-zero value in Unix time milliseconds to select posts modified after that
          time
        * ``before``: A post id to select the posts that came before this one
        * ``after``: A post id to select the posts that came after this one
        * ``include_deleted``: Whether to include deleted posts or not.
        * ``type_`` (``type``): Filter posts by type.
        """
        return cast(
            "PostList",
            self.client.get(
                self.path("/channels/{}/posts", channel_id),
                params=query(
                    params,
                    page=page,
                    per_page=per_page,
                    since=since,
                    before=before,
                    after=after,
                    include_deleted=include_deleted,
                    type=type_,
                ),
            ),
        )

    def get_thread(
        self,
        post_id: str,
        *,
        per_page: Optional[int] = None,
        from_post: Optional[str] = None,
        from_create_at: Optional[int] = None,
        from_update_at: Optional[int] = None,
        direction: Optional[str] = None,
        skip_fetch_threads: Optional[bool] = None,
        collapsed_threads: Optional[bool] = None,
        collapsed_threads_extended: Optional[bool] = None,
        updates_only: Optional[bool] = None,
    ) -> PostList:
        """GET /api/v4/posts/{post_id}/thread

        Get a thread.

        Query parameters (keyword-only arguments):

        * ``per_page`` (``perPage``): The number of posts per page
        * ``from_post`` (``fromPost``): The post_id to return the next page of posts from
        * ``from_create_at`` (``fromCreateAt``): The create_at timestamp to return the next page of posts from
        * ``from_update_at`` (``fromUpdateAt``): The update_at timestamp to return the next page of posts
          from. You cannot set this flag with direction=down.
        * ``direction``: The direction to return the posts.
        * ``skip_fetch_threads`` (``skipFetchThreads``): Whether to skip fetching threads or not
        * ``collapsed_threads`` (``collapsedThreads``): Whether the client uses CRT or not
        * ``collapsed_threads_extended`` (``collapsedThreadsExtended``): Whether to return the associated
          users as part of the response or not
        * ``updates_only`` (``updatesOnly``): This flag is used to make the API work with the updateAt value.
        """
        return cast(
            "PostList",
            self.client.get(
                self.path("/posts/{}/thread", post_id),
                params=query(
                    None,
                    perPage=per_page,
                    fromPost=from_post,
                    fromCreateAt=from_create_at,
                    fromUpdateAt=from_update_at,
                    direction=direction,
                    skipFetchThreads=skip_fetch_threads,
                    collapsedThreads=collapsed_threads,
                    collapsedThreadsExtended=collapsed_threads_extended,
                    updatesOnly=updates_only,
                ),
            ),
        )

    def get_unread_posts_for_channel(
        self,
        user_id: str,
        channel_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        limit_before: Optional[int] = None,
        limit_after: Optional[int] = None,
        skip_fetch_threads: Optional[bool] = None,
        collapsed_threads: Optional[bool] = None,
        collapsed_threads_extended: Optional[bool] = None,
    ) -> PostList:
        """GET /api/v4/users/{user_id}/channels/{channel_id}/posts/unread

        Get posts around oldest unread.

        Query parameters (keyword-only arguments):

        * ``limit_before``: Number of posts before the oldest unread posts.
        * ``limit_after``: Number of posts after and including the oldest unread post.
        * ``skip_fetch_threads`` (``skipFetchThreads``): Whether to skip fetching threads or not
        * ``collapsed_threads`` (``collapsedThreads``): Whether the client uses CRT or not
        * ``collapsed_threads_extended`` (``collapsedThreadsExtended``): Whether to return the associated
          users as part of the response or not
        """
        return cast(
            "PostList",
            self.client.get(
                self.path("/users/{}/channels/{}/posts/unread", user_id, channel_id),
                params=query(
                    params,
                    limit_before=limit_before,
                    limit_after=limit_after,
                    skipFetchThreads=skip_fetch_threads,
                    collapsedThreads=collapsed_threads,
                    collapsedThreadsExtended=collapsed_threads_extended,
                ),
            ),
        )

    def patch_post(self, post_id: str, options: Any = None) -> Post:
        """PUT /api/v4/posts/{post_id}/patch

        Patch a post.
        """
        return cast("Post", self.client.put(self.path("/posts/{}/patch", post_id), options=options))

    def search_for_team_posts(self, team_id: str, options: Any) -> PostList:
        """POST /api/v4/teams/{team_id}/posts/search

        Search for team posts.
        """
        return cast(
            "PostList", self.client.post(self.path("/teams/{}/posts/search", team_id), options=options)
        )

    def search_posts_in_all_teams(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> PostList:
        """POST /api/v4/posts/search

        Search posts across all teams.

        Minimum server version: not stated by the description, which has the route since v11.8.

        An 11.4 server already serves it.

        ``options`` is as for :meth:`search_for_team_posts` (``terms``, ``is_or_search``, ``page``,
        ``per_page``...).
        """
        return cast("PostList", self.client.post("/posts/search", options=options, params=params))

    def update_post(self, post_id: str, options: Any = None) -> Post:
        """PUT /api/v4/posts/{post_id}

        Update a post.
        """
        return cast("Post", self.client.put(self.path("/posts/{}", post_id), options=options))

    def iter_posts_for_channel(
        self,
        channel_id: str,
        *,
        before: Optional[str] = None,
        after: Optional[str] = None,
        per_page: int = 200,
        params: Optional[Dict[str, Any]] = None,
    ) -> Iterator[Post]:
        """GET /api/v4/channels/{channel_id}/posts

        Iterate over the posts of a channel: newest first from the latest post (or from just
        before ``before``); with ``after``, oldest first from just after that post. Pages are
        walked with the ``before``/``after`` cursors, so new posts do not shift them, and each
        post is given once even where many share a millisecond. The posts that share the
        ``create_at`` of the ``before``/``after`` post come too (the server cannot order them):
        nothing made after a post you saw is missed.
        """
        return cast(
            "Iterator[Post]",
            self.client.channel_posts(
                lambda query: self.get_posts_for_channel(channel_id, query),
                per_page=per_page,
                before=before,
                after=after,
                params=params,
            ),
        )
