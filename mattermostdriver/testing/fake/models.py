"""The JSON shapes of the objects the fake serves, as Mattermost 11 writes them.

Each function builds one object from the fake's stored record (a plain dict), key for key and in
the server's order, so that what a bot reads from the fake is what it reads from a real server.
Nothing here does I/O or touches the driver.
"""

from __future__ import annotations

import base64
import os
import re
import time
from typing import Any, Dict, List, Optional

__all__ = [
    "NOTIFY_PROPS",
    "OK",
    "SERVER_VERSION",
    "app_error",
    "bot",
    "channel",
    "channel_member",
    "file_info",
    "hook",
    "new_id",
    "now",
    "post_view",
    "reaction",
    "status",
    "team",
    "team_member",
    "user",
    "valid_id",
]

_ID = re.compile(r"[a-z0-9]{26}")

#: The Mattermost version the fake copies (its ``X-Version-Id``, ``hello`` and ``pong`` say it).
SERVER_VERSION = "11.4.0"

#: A user's notify_props, as the server gives a new user.
NOTIFY_PROPS = {
    "channel": "true",
    "comments": "never",
    "desktop": "mention",
    "desktop_sound": "true",
    "desktop_threads": "all",
    "email": "true",
    "email_threads": "all",
    "first_name": "false",
    "mention_keys": "",
    "push": "mention",
    "push_status": "online",
    "push_threads": "all",
}
CHANNEL_NOTIFY_PROPS = {
    "channel_auto_follow_threads": "off",
    "desktop": "default",
    "email": "default",
    "ignore_channel_mentions": "default",
    "mark_unread": "all",
    "push": "default",
}
#: What a route answers when it has nothing else to say.
OK = {"status": "OK"}
TIMEZONE = {"automaticTimezone": "", "manualTimezone": "", "useAutomaticTimezone": "true"}


def new_id() -> str:
    """A new 26-character id, lower-case letters and digits, as Mattermost's ``NewId``."""
    return base64.b32encode(os.urandom(16)).decode("ascii").lower().rstrip("=")


def valid_id(value: str) -> bool:
    """Whether ``value`` has the shape of a Mattermost id."""
    return bool(_ID.fullmatch(value))


def now() -> int:
    """Milliseconds since the epoch, as the server stamps objects."""
    return int(time.time() * 1000)


def app_error(
    error_id: str, message: str, status_code: int, request_id: str, detailed_error: str = ""
) -> Dict[str, Any]:
    """Mattermost's error body (``AppError``)."""
    return {
        "id": error_id,
        "message": message,
        "detailed_error": detailed_error,
        "request_id": request_id,
        "status_code": status_code,
    }


def user(record: Dict[str, Any], *, own: bool) -> Dict[str, Any]:
    """A user as ``GET /users/me`` (``own``) or ``GET /users/{id}`` (someone else) shows it."""
    out: Dict[str, Any] = {
        "id": record["id"],
        "create_at": record["create_at"],
        "update_at": record["update_at"],
        "delete_at": record["delete_at"],
        "username": record["username"],
    }
    if not own:
        out["auth_data"] = ""
    out.update(
        auth_service="",
        email=record["email"],
        nickname=record["nickname"],
        first_name=record["first_name"],
        last_name=record["last_name"],
        position=record["position"],
        roles=record["roles"],
    )
    if own:
        out["notify_props"] = dict(NOTIFY_PROPS)
        out["last_password_update"] = record["create_at"]
    out["locale"] = "en"
    out["timezone"] = dict(TIMEZONE)
    if record["is_bot"]:
        out["is_bot"] = True
        if record["bot_description"]:  # omitted when empty (omitempty)
            out["bot_description"] = record["bot_description"]
    if not (own and record["is_bot"]):  # a bot reading itself does not get it
        out["remote_id"] = ""
    out["disable_welcome_email"] = False
    return out


def bot(record: Dict[str, Any]) -> Dict[str, Any]:
    """A bot account, as ``/bots`` shows it."""
    return {
        "user_id": record["id"],
        "username": record["username"],
        "display_name": record["first_name"],
        "description": record["bot_description"],
        "owner_id": record["owner_id"],
        "create_at": record["create_at"],
        "update_at": record["update_at"],
        "delete_at": record["delete_at"],
    }


def team(record: Dict[str, Any]) -> Dict[str, Any]:
    """A team (the email is shown to no one in the fake, as to non-admins on a server)."""
    return {
        "id": record["id"],
        "create_at": record["create_at"],
        "update_at": record["update_at"],
        "delete_at": record["delete_at"],
        "display_name": record["display_name"],
        "name": record["name"],
        "description": record["description"],
        "email": "",
        "type": record["type"],
        "company_name": "",
        "allowed_domains": "",
        "invite_id": record["invite_id"],
        "allow_open_invite": False,
        "scheme_id": None,
        "group_constrained": None,
        "policy_id": None,
        "cloud_limits_archived": False,
    }


def team_member(team_id: str, user_id: str, roles: str = "team_user") -> Dict[str, Any]:
    """A team membership."""
    return {
        "team_id": team_id,
        "user_id": user_id,
        "roles": roles,
        "delete_at": 0,
        "scheme_guest": False,
        "scheme_user": True,
        "scheme_admin": "team_admin" in roles,
        "explicit_roles": "",
    }


def channel(record: Dict[str, Any]) -> Dict[str, Any]:
    """A channel of any type (open, private, direct, group)."""
    direct = record["type"] in ("D", "G")
    return {
        "id": record["id"],
        "create_at": record["create_at"],
        "update_at": record["update_at"],
        "delete_at": record["delete_at"],
        "team_id": record["team_id"],
        "type": record["type"],
        "display_name": record["display_name"],
        "name": record["name"],
        "header": record["header"],
        "purpose": record["purpose"],
        "last_post_at": record["last_post_at"],
        "total_msg_count": record["total_msg_count"],
        "extra_update_at": 0,
        "creator_id": record["creator_id"],
        "scheme_id": None,
        "props": None,
        "group_constrained": None,
        "autotranslation": False,
        "shared": False if direct else None,
        "total_msg_count_root": record["total_msg_count_root"],
        "policy_id": None,
        "last_root_post_at": record["last_root_post_at"],
        "banner_info": None,
        "policy_enforced": False,
        "policy_is_active": False,
        "default_category_name": "",
    }


def channel_member(record: Dict[str, Any]) -> Dict[str, Any]:
    """A channel membership."""
    return {
        "channel_id": record["channel_id"],
        "user_id": record["user_id"],
        "roles": record["roles"],
        "last_viewed_at": record["last_viewed_at"],
        "msg_count": record["msg_count"],
        "mention_count": record["mention_count"],
        "mention_count_root": record["mention_count_root"],
        "urgent_mention_count": 0,
        "msg_count_root": record["msg_count_root"],
        "notify_props": dict(CHANNEL_NOTIFY_PROPS),
        "last_update_at": record["last_update_at"],
        "scheme_guest": False,
        "scheme_user": True,
        "scheme_admin": "channel_admin" in record["roles"],
        "explicit_roles": "",
    }


def post_view(
    record: Dict[str, Any],
    *,
    reply_count: int,
    metadata: Optional[Dict[str, Any]],
    has_reactions: bool = False,
) -> Dict[str, Any]:
    """A post; ``metadata`` None leaves the key out (a deleted post's event, a deduplicated answer)."""
    out: Dict[str, Any] = {
        "id": record["id"],
        "create_at": record["create_at"],
        "update_at": record["update_at"],
        "edit_at": record["edit_at"],
        "delete_at": record["delete_at"],
        "is_pinned": record["is_pinned"],
        "user_id": record["user_id"],
        "channel_id": record["channel_id"],
        "root_id": record["root_id"],
        "original_id": "",
        "message": record["message"],
        "type": record["type"],
        "props": dict(record["props"]),
        "hashtags": record["hashtags"],
        "file_ids": list(record["file_ids"]),
        "pending_post_id": record["pending_post_id"],
    }
    if has_reactions:
        out["has_reactions"] = True
    if record["remote_id"] is not None:  # posts made over REST have it; system and webhook posts not
        out["remote_id"] = record["remote_id"]
    out.update(reply_count=reply_count, last_reply_at=0, participants=None)
    if metadata is not None:
        out["metadata"] = metadata
    return out


def reaction(record: Dict[str, Any]) -> Dict[str, Any]:
    """A reaction."""
    return {
        "user_id": record["user_id"],
        "post_id": record["post_id"],
        "emoji_name": record["emoji_name"],
        "create_at": record["create_at"],
        "update_at": record["update_at"],
        "delete_at": 0,
        "remote_id": "",
        "channel_id": record["channel_id"],
    }


def file_info(record: Dict[str, Any]) -> Dict[str, Any]:
    """A file's info (``post_id`` only once the file is attached to a post)."""
    out: Dict[str, Any] = {"id": record["id"], "user_id": record["user_id"]}
    if record["post_id"]:
        out["post_id"] = record["post_id"]
    out.update(
        channel_id=record["channel_id"],
        create_at=record["create_at"],
        update_at=record["create_at"],
        delete_at=0,
        name=record["name"],
        extension=record["extension"],
        size=len(record["content"]),
        mime_type=record["mime_type"],
        mini_preview=None,
        remote_id="",
        archived=False,
    )
    return out


def status(record: Dict[str, Any]) -> Dict[str, Any]:
    """A user's status."""
    out = {
        "user_id": record["user_id"],
        "status": record["status"],
        "manual": record["manual"],
        "last_activity_at": record["last_activity_at"],
    }
    if record["active_channel"]:  # omitted when empty (omitempty)
        out["active_channel"] = record["active_channel"]
    out["dnd_end_time"] = 0
    return out


def hook(record: Dict[str, Any]) -> Dict[str, Any]:
    """An incoming webhook."""
    return {k: record[k] for k in HOOK_KEYS}


HOOK_KEYS: List[str] = [
    "id",
    "create_at",
    "update_at",
    "delete_at",
    "user_id",
    "channel_id",
    "team_id",
    "display_name",
    "description",
    "username",
    "icon_url",
    "channel_locked",
]
