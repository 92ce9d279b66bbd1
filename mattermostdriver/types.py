"""Typed shapes of the objects scripts touch most, for type checkers and the reference docs.

The driver hands back plain dicts, parsed from the server's JSON, and these classes change
nothing about that: a :class:`typing.TypedDict` is a dict at run time, and the endpoint methods
do no work to build one. They are the return annotations of the routes that answer these
objects (``driver.users.get_user("me")`` is a :class:`User`), so that an editor completes
``user["username"]`` and mypy flags ``user["usrname"]``.

Every class is ``total=False``: the server leaves out empty fields (``omitempty``), sanitizes
others for callers without permission (a user's ``email``), and adds fields over the versions,
so no key is promised; the fields listed are the ones the API description documents, with
the types it gives them. Read an optional field with ``.get()``. A field the server sends as
``null`` when it is unset (an 11.4 server does, for the pointer fields of its models) is
``Optional``.

Import them from here: ``from mattermostdriver.types import Post, User``.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, TypedDict

__all__ = ["Channel", "FileInfo", "Post", "PostList", "StatusOK", "Team", "User", "WebsocketEvent"]


class StatusOK(TypedDict, total=False):
    """The answer of the routes that only confirm: ``{"status": "OK"}``."""

    #: ``"OK"``.
    status: str


class User(TypedDict, total=False):
    """A user account (``GET /api/v4/users/{user_id}``)."""

    id: str
    create_at: int
    update_at: int
    #: 0 while the account is active; the deactivation time (ms) after.
    delete_at: int
    username: str
    first_name: str
    last_name: str
    nickname: str
    #: Sanitized (left out or empty) for callers without permission to see it.
    email: str
    email_verified: bool
    #: ``""`` for email/password accounts, else ``"ldap"``, ``"saml"``, ``"gitlab"``...
    auth_service: str
    #: Space-separated role names, e.g. ``"system_user system_admin"``.
    roles: str
    locale: str
    position: str
    is_bot: bool
    bot_description: str
    notify_props: Dict[str, Any]
    props: Dict[str, Any]
    #: ``null`` for an account whose timezone was never set.
    timezone: Optional[Dict[str, Any]]
    last_password_update: int
    last_picture_update: int
    failed_attempts: int
    mfa_active: bool
    terms_of_service_id: str
    terms_of_service_create_at: int


class Team(TypedDict, total=False):
    """A team (``GET /api/v4/teams/{team_id}``)."""

    id: str
    create_at: int
    update_at: int
    delete_at: int
    display_name: str
    #: The URL name, e.g. ``"my-team"``.
    name: str
    description: str
    email: str
    #: ``"O"`` (open) or ``"I"`` (invite only).
    type: str
    allowed_domains: str
    invite_id: str
    allow_open_invite: bool
    scheme_id: Optional[str]
    group_constrained: Optional[bool]
    policy_id: Optional[str]


class Channel(TypedDict, total=False):
    """A channel (``GET /api/v4/channels/{channel_id}``)."""

    id: str
    create_at: int
    update_at: int
    delete_at: int
    #: ``""`` for direct and group messages.
    team_id: str
    #: ``"O"`` public, ``"P"`` private, ``"D"`` direct, ``"G"`` group message.
    type: str
    display_name: str
    #: The URL name; ``"<user_id>__<user_id>"`` for a direct message.
    name: str
    header: str
    purpose: str
    last_post_at: int
    total_msg_count: int
    extra_update_at: int
    creator_id: str
    scheme_id: Optional[str]
    group_constrained: Optional[bool]
    shared: Optional[bool]
    policy_id: Optional[str]
    props: Optional[Dict[str, Any]]


class Post(TypedDict, total=False):
    """A post (``GET /api/v4/posts/{post_id}``)."""

    id: str
    create_at: int
    update_at: int
    #: The last edit time (ms), 0 if never edited.
    edit_at: int
    delete_at: int
    user_id: str
    channel_id: str
    #: The thread's first post, ``""`` for a post that starts a thread.
    root_id: str
    original_id: str
    message: str
    #: ``""`` for a user's post; system posts have types such as ``"system_join_channel"``.
    type: str
    props: Optional[Dict[str, Any]]
    hashtags: str
    file_ids: Optional[List[str]]
    pending_post_id: str
    is_pinned: bool
    reply_count: int
    last_reply_at: int
    #: The users who replied (:class:`User` dicts); ``null`` without replies.
    participants: Optional[List[Dict[str, Any]]]
    #: Embeds, emojis, file infos, images, reactions, priority and acknowledgements.
    metadata: Dict[str, Any]


class PostList(TypedDict, total=False):
    """Posts by id with their order (``GET /api/v4/channels/{channel_id}/posts``, threads, searches).

    A search adds ``matches`` (the terms matched per post id).
    """

    #: Post ids, newest first.
    order: List[str]
    #: The posts by id.
    posts: Dict[str, Post]
    next_post_id: str
    prev_post_id: str
    has_next: bool
    first_inaccessible_post_time: int


class FileInfo(TypedDict, total=False):
    """The metadata of an uploaded file (``GET /api/v4/files/{file_id}/info``)."""

    id: str
    user_id: str
    #: ``""`` until the file is attached to a post.
    post_id: str
    channel_id: str
    create_at: int
    update_at: int
    delete_at: int
    name: str
    extension: str
    #: In bytes.
    size: int
    mime_type: str
    width: int
    height: int
    has_preview_image: bool
    #: A tiny base64 JPEG of an image, else ``null``.
    mini_preview: Optional[str]


class WebsocketEvent(TypedDict, total=False):
    """One event of the websocket stream: the JSON text a handler receives, parsed.

    The ``data`` of some events holds JSON text in turn (a ``posted`` event's ``data["post"]``),
    which :func:`mattermostdriver.websocket.decode_event` decodes.
    """

    #: The event type: ``"posted"``, ``"typing"``, ``"hello"``, ``"status_change"``...
    event: str
    data: Dict[str, Any]
    #: Who the event went to: ``user_id``, ``channel_id``, ``team_id``, ``omit_users``...
    broadcast: Dict[str, Any]
    #: The event's sequence number on this connection (the server replays from it on resume).
    seq: int
