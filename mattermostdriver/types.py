"""Typed shapes of the objects scripts touch most, for type checkers and the reference docs.

The driver hands back plain dicts, parsed from the server's JSON, and these classes change
nothing about that: a :class:`typing.TypedDict` is a dict at run time, and the endpoint methods
do no work to build one. They are the return annotations of the routes that answer these
objects (``driver.users.get_user("me")`` is a :class:`User`), so that an editor completes
``user["username"]`` and mypy flags ``user["usrname"]``.

The fields every answer of the server carries are *required*: ``user["username"]``,
``post["message"]``, ``channel["team_id"]`` type-check as they are. They are the fields the
server's model always writes with a value (no ``omitempty``, not a pointer that may be
``null``), such as ids, names, ``message`` and the ``create_at`` times; a sanitized field
(a user's ``email`` for a caller without permission) is still sent, empty. The functional
tests hold every required field to the real server's answers. The other fields may be left
out (``omitempty``), be ``null``, or be missing on older servers: read them with ``.get()``.
A field the server sends as ``null`` when it is unset is ``Optional``. The fields listed are
the ones the API description documents, with the types it gives them.

Each class holds the fields every answer has; those an answer may leave out are in a private
base (``_UserOptional`` for :class:`User`: Python 3.9 has no ``NotRequired``), and the reference
lists them after the others.

Import them from here: ``from mattermostdriver.types import Post, User``.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, TypedDict

__all__ = ["Channel", "FileInfo", "Post", "PostList", "StatusOK", "Team", "User", "WebsocketEvent"]


class StatusOK(TypedDict):
    """The answer of the routes that only confirm: ``{"status": "OK"}``."""

    #: ``"OK"``.
    status: str


class _UserOptional(TypedDict, total=False):
    """The fields of a :class:`User` that an answer may leave out."""

    email_verified: bool
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


class User(_UserOptional):
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
    #: Empty for callers without permission to see it.
    email: str
    #: ``""`` for email/password accounts, else ``"ldap"``, ``"saml"``, ``"gitlab"``...
    auth_service: str
    #: Space-separated role names, e.g. ``"system_user system_admin"``.
    roles: str
    locale: str
    position: str


class _TeamOptional(TypedDict, total=False):
    """The fields of a :class:`Team` that an answer may leave out."""

    scheme_id: Optional[str]
    group_constrained: Optional[bool]
    policy_id: Optional[str]


class Team(_TeamOptional):
    """A team (``GET /api/v4/teams/{team_id}``)."""

    id: str
    create_at: int
    update_at: int
    delete_at: int
    display_name: str
    #: The URL name, e.g. ``"my-team"``.
    name: str
    description: str
    #: Empty for callers without permission to see it.
    email: str
    #: ``"O"`` (open) or ``"I"`` (invite only).
    type: str
    allowed_domains: str
    #: Empty for callers without permission to see it.
    invite_id: str
    allow_open_invite: bool


class _ChannelOptional(TypedDict, total=False):
    """The fields of a :class:`Channel` that an answer may leave out."""

    scheme_id: Optional[str]
    group_constrained: Optional[bool]
    shared: Optional[bool]
    policy_id: Optional[str]
    props: Optional[Dict[str, Any]]


class Channel(_ChannelOptional):
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


class _PostOptional(TypedDict, total=False):
    """The fields of a :class:`Post` that an answer may leave out."""

    props: Optional[Dict[str, Any]]
    #: Left out by older servers when the post has no files.
    file_ids: Optional[List[str]]
    #: The users who replied (:class:`User` dicts); ``null`` without replies.
    participants: Optional[List[Dict[str, Any]]]
    #: Embeds, emojis, file infos, images, reactions, priority and acknowledgements.
    metadata: Dict[str, Any]


class Post(_PostOptional):
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
    hashtags: str
    pending_post_id: str
    is_pinned: bool
    reply_count: int
    last_reply_at: int


class _PostListOptional(TypedDict, total=False):
    """The fields of a :class:`PostList` that an answer may leave out."""

    has_next: bool
    first_inaccessible_post_time: int


class PostList(_PostListOptional):
    """Posts by id with their order (``GET /api/v4/channels/{channel_id}/posts``, threads, searches).

    A search adds ``matches`` (the terms matched per post id).
    """

    #: Post ids, newest first.
    order: List[str]
    #: The posts by id.
    posts: Dict[str, Post]
    next_post_id: str
    prev_post_id: str


class _FileInfoOptional(TypedDict, total=False):
    """The fields of a :class:`FileInfo` that an answer may leave out."""

    #: Left out until the file is attached to a post.
    post_id: str
    width: int
    height: int
    has_preview_image: bool
    #: A tiny base64 JPEG of an image, else ``null``.
    mini_preview: Optional[str]


class FileInfo(_FileInfoOptional):
    """The metadata of an uploaded file (``GET /api/v4/files/{file_id}/info``)."""

    id: str
    user_id: str
    channel_id: str
    create_at: int
    update_at: int
    delete_at: int
    name: str
    extension: str
    #: In bytes.
    size: int
    mime_type: str


class WebsocketEvent(TypedDict):
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
