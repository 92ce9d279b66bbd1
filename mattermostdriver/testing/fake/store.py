"""The fake's state: users, tokens, teams, channels, memberships, statuses, and who may see what.

One lock guards everything: each request runs its whole operation under it, so the fake behaves
like a server whose requests never interleave (a real server may answer 500
``api.post.deduplicate_create_post.pending`` to two simultaneous posts with one
``pending_post_id``; the fake never does).
"""

from __future__ import annotations

import hashlib
import threading
from typing import Any, Callable, Dict, Iterable, List, Optional, Set, Tuple

from . import models
from .hub import Hub, broadcast

__all__ = ["AppError", "Store"]


class AppError(Exception):
    """An error answer: the status and Mattermost's error id and message."""

    def __init__(self, status: int, error_id: str, message: str, detailed_error: str = "") -> None:
        super().__init__(f"{status} {error_id}: {message}")
        self.status, self.error_id, self.message, self.detailed_error = (
            status,
            error_id,
            message,
            detailed_error,
        )


def forbidden() -> AppError:
    return AppError(403, "api.context.permissions.app_error", "You do not have the appropriate permissions.")


def bad_url_param(name: str) -> AppError:
    return AppError(
        400, "api.context.invalid_url_param.app_error", f"Invalid or missing {name} parameter in request URL."
    )


def bad_body_param(name: str) -> AppError:
    return AppError(
        400, "api.context.invalid_body_param.app_error", f"Invalid or missing {name} in request body."
    )


class Store:
    """Everything the fake knows; its methods are called with :attr:`lock` held."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.hub = Hub()
        self.users: Dict[str, Dict[str, Any]] = {}
        self.passwords: Dict[str, str] = {}
        self.tokens: Dict[str, str] = {}  # token -> user id
        self.teams: Dict[str, Dict[str, Any]] = {}
        self.team_members: Dict[str, Dict[str, str]] = {}  # team id -> {user id: roles}
        self.channels: Dict[str, Dict[str, Any]] = {}
        self.members: Dict[str, Dict[str, Dict[str, Any]]] = {}  # channel id -> {user id: member}
        self.statuses: Dict[str, Dict[str, Any]] = {}
        self.posts: Dict[str, Dict[str, Any]] = {}
        self.reactions: Dict[str, List[Dict[str, Any]]] = {}  # post id -> reactions
        self.files: Dict[str, Dict[str, Any]] = {}
        self.hooks: Dict[str, Dict[str, Any]] = {}
        self.commands: Dict[str, Dict[str, Any]] = {}
        self.pending: Dict[str, Tuple[str, int]] = {}  # pending_post_id -> (post id, expiry in ms)
        self.last_create_at = 0  # of the newest post
        #: Called for every post made (``on_post(post)``), after its events went out.
        self.on_post: Optional[Callable[[Dict[str, Any]], None]] = None

    # -- users --------------------------------------------------------------------------------

    def add_user(
        self,
        username: str,
        *,
        password: Optional[str] = None,
        roles: str = "system_user",
        bot: bool = False,
        owner_id: str = "",
        display_name: str = "",
        email: Optional[str] = None,
    ) -> Dict[str, Any]:
        """Create a user (or a bot account) with an offline status."""
        username = username.lower()
        if self.user_by_name(username) is not None:
            raise AppError(
                400,
                "app.user.save.username_exists.app_error",
                "An account with that username already exists.",
            )
        stamp = models.now()
        record: Dict[str, Any] = {
            "id": models.new_id(),
            "create_at": stamp,
            "update_at": stamp,
            "delete_at": 0,
            "username": username,
            "email": email or f"{username}@{'localhost' if bot else 'example.com'}",
            "nickname": "",
            "first_name": display_name if bot else "",
            "last_name": "",
            "position": "",
            "roles": roles,
            "is_bot": bot,
            "bot_description": "",
            "owner_id": owner_id,
        }
        self.users[record["id"]] = record
        if password is not None:
            self.passwords[record["id"]] = password
        self.statuses[record["id"]] = {
            "user_id": record["id"],
            "status": "offline",
            "manual": False,
            "last_activity_at": 0,
            "active_channel": "",
        }
        return record

    def new_token(self, user_id: str) -> str:
        """A new session token of ``user_id``."""
        token = models.new_id()
        self.tokens[token] = user_id
        return token

    def user_by_name(self, username: str) -> Optional[Dict[str, Any]]:
        """The user named ``username``, or None."""
        return next((u for u in self.users.values() if u["username"] == username.lower()), None)

    def user(self, user_id: str, me: Optional[str] = None) -> Dict[str, Any]:
        """The user ``user_id`` (``me`` allowed when ``me`` is given); 400 for a bad id, 404 unknown."""
        if user_id == "me" and me:
            user_id = me
        if not models.valid_id(user_id):
            raise bad_url_param("user_id")
        found = self.users.get(user_id)
        if found is None:
            raise AppError(404, "app.user.missing_account.const", "Unable to find the user.")
        return found

    def is_admin(self, user_id: str) -> bool:
        """Whether the user is a system admin (who may do anything)."""
        return "system_admin" in self.users[user_id]["roles"].split()

    def set_status(self, user_id: str, status: str, *, manual: bool) -> None:
        """Set a status; ``status_change`` to the user when it changed."""
        record = self.statuses[user_id]
        changed = record["status"] != status
        if record["manual"] and not manual and status == "online":
            return  # a status set by hand is kept when the user becomes active
        record.update(status=status, manual=manual, last_activity_at=models.now())
        if changed:
            data = {"status": status, "user_id": user_id}
            self.hub.publish("status_change", data, broadcast(user_id=user_id), [user_id])

    # -- teams and channels -------------------------------------------------------------------

    def add_team(self, name: str, display_name: str = "", team_type: str = "O") -> Dict[str, Any]:
        """Create a team."""
        if any(t["name"] == name for t in self.teams.values()):
            raise AppError(400, "app.team.save.existing.app_error", "A team with that name already exists")
        stamp = models.now()
        record: Dict[str, Any] = {
            "id": models.new_id(),
            "create_at": stamp,
            "update_at": stamp,
            "delete_at": 0,
            "display_name": display_name or name,
            "name": name,
            "description": "",
            "type": team_type,
            "invite_id": models.new_id(),
        }
        self.teams[record["id"]] = record
        self.team_members[record["id"]] = {}
        return record

    def team(self, team_id: str) -> Dict[str, Any]:
        """The team ``team_id``: 400 for a bad id, 404 unknown."""
        if not models.valid_id(team_id):
            raise bad_url_param("team_id")
        found = self.teams.get(team_id)
        if found is None:
            raise AppError(404, "app.team.get.find.app_error", "We couldn't find the existing team.")
        return found

    def join_team(self, team_id: str, user_id: str, roles: str = "team_user") -> Dict[str, Any]:
        """Add a team member (no event: the fake sends none for teams)."""
        self.team_members[team_id].setdefault(user_id, roles)
        return models.team_member(team_id, user_id, self.team_members[team_id][user_id])

    def in_team(self, team_id: str, user_id: str) -> bool:
        """Whether the user is in the team (admins are everywhere)."""
        return user_id in self.team_members.get(team_id, {}) or self.is_admin(user_id)

    def add_channel(
        self,
        team_id: str,
        name: str,
        display_name: str = "",
        channel_type: str = "O",
        creator_id: str = "",
    ) -> Dict[str, Any]:
        """Create a channel (no member, no event)."""
        if any(c["team_id"] == team_id and c["name"] == name for c in self.channels.values()):
            raise AppError(
                400,
                "store.sql_channel.save_channel.exists.app_error",
                "A channel with that name already exists on the same team.",
            )
        stamp = models.now()
        record: Dict[str, Any] = {
            "id": models.new_id(),
            "create_at": stamp,
            "update_at": stamp,
            "delete_at": 0,
            "team_id": team_id,
            "type": channel_type,
            "display_name": display_name if channel_type != "D" else "",
            "name": name,
            "header": "",
            "purpose": "",
            "last_post_at": 0,
            "total_msg_count": 0,
            "total_msg_count_root": 0,
            "last_root_post_at": 0,
            "creator_id": creator_id,
        }
        self.channels[record["id"]] = record
        self.members[record["id"]] = {}
        return record

    def direct_channel(self, user_ids: List[str], creator_id: str) -> Dict[str, Any]:
        """The direct (two users) or group (3 to 8) channel of ``user_ids``, made when new."""
        ids = sorted(set(user_ids))
        if len(ids) <= 2:
            name = "__".join(ids if len(ids) == 2 else ids * 2)
        else:
            name = hashlib.sha1(",".join(ids).encode(), usedforsecurity=False).hexdigest()
        for record in self.channels.values():
            if record["team_id"] == "" and record["name"] == name:
                return record
        if len(ids) <= 2:
            record = self.add_channel("", name, "", "D", creator_id)
        else:
            shown = ", ".join(sorted(self.users[u]["username"] for u in ids))
            record = self.add_channel("", name, shown, "G", "")
        for user_id in ids:
            self.add_member(record["id"], user_id)
        return record

    def channel(self, channel_id: str) -> Dict[str, Any]:
        """The channel ``channel_id``: 400 for a bad id, 404 unknown."""
        if not models.valid_id(channel_id):
            raise bad_url_param("channel_id")
        found = self.channels.get(channel_id)
        if found is None:
            raise AppError(404, "app.channel.get.existing.app_error", "Unable to find the existing channel.")
        return found

    def add_member(self, channel_id: str, user_id: str) -> Dict[str, Any]:
        """Make the user a channel member quietly (no event, no post: :meth:`join_channel` sends them)."""
        member: Dict[str, Any] = {
            "channel_id": channel_id,
            "user_id": user_id,
            "roles": "channel_user",
            "last_viewed_at": 0,
            "msg_count": 0,
            "mention_count": 0,
            "mention_count_root": 0,
            "msg_count_root": 0,
            "last_update_at": models.now(),
        }
        self.members[channel_id][user_id] = member
        return member

    def join_channel(self, channel_id: str, user_id: str, actor_id: str) -> Dict[str, Any]:
        """Add a member, with the ``user_added`` events and the system post the server makes."""
        channel = self.channels[channel_id]
        members = self.members[channel_id]
        if user_id in members:
            return models.channel_member(members[user_id])
        if channel["team_id"] and not self.in_team(channel["team_id"], user_id):
            raise AppError(
                403,
                "api.channel.add_user.to.channel.failed.deleted.app_error",
                "Failed to add user to channel because they are not a member of the team.",
            )
        shown = models.channel_member(self.add_member(channel_id, user_id))
        shown.update(last_viewed_at=-1, last_update_at=-1)  # as the server answers a new member
        data = {"team_id": channel["team_id"], "user_id": user_id}
        self.hub.publish("user_added", data, broadcast(user_id=user_id, channel_id=channel_id), [user_id])
        others = broadcast(channel_id=channel_id, omit_users=[user_id])
        self.hub.publish("user_added", dict(data), others, self.member_ids(channel_id))
        actor = self.users[actor_id]
        added = self.users[user_id]
        props = {
            "addedUserId": user_id,
            "addedUsername": added["username"],
            "userId": actor_id,
            "username": actor["username"],
        }
        if actor_id == user_id:
            message, post_type, props = (
                f"{added['username']} joined the channel.",
                "system_join_channel",
                {"username": added["username"]},
            )
        else:
            message, post_type = (
                f"{added['username']} added to the channel by {actor['username']}.",
                "system_add_to_channel",
            )
        self.make_post(
            actor_id, channel_id, message, post_type=post_type, props=props, remote_id=None, system=True
        )
        return shown

    def member_ids(self, channel_id: str) -> Set[str]:
        """The ids of the channel's members."""
        return set(self.members.get(channel_id, {}))

    def can_read(self, channel: Dict[str, Any], user_id: str) -> bool:
        """Whether the user may read the channel (a member, an admin, or open and in its team)."""
        if user_id in self.members[channel["id"]] or self.is_admin(user_id):
            return True
        return channel["type"] == "O" and self.in_team(channel["team_id"], user_id)

    def readable_channel(self, channel_id: str, user_id: str) -> Dict[str, Any]:
        """The channel, if the user may read it (403 otherwise)."""
        channel = self.channel(channel_id)
        if not self.can_read(channel, user_id):
            raise forbidden()
        return channel

    def mark_viewed(self, user_id: str, channel_ids: Iterable[str]) -> Dict[str, int]:
        """Mark channels read for the user; ``multiple_channels_viewed`` when one had unreads."""
        times: Dict[str, int] = {}
        unread = False
        for channel_id in channel_ids:
            channel = self.channels[channel_id]
            times[channel_id] = channel["last_post_at"]
            member = self.members[channel_id].get(user_id)
            if member is None:
                continue
            if member["last_viewed_at"] < channel["last_post_at"] or member["mention_count"]:
                unread = True
                member.update(
                    last_viewed_at=channel["last_post_at"],
                    msg_count=channel["total_msg_count"],
                    msg_count_root=channel["total_msg_count_root"],
                    mention_count=0,
                    mention_count_root=0,
                    last_update_at=models.now(),
                )
        if unread:
            data = {"channel_times": dict(times)}
            self.hub.publish("multiple_channels_viewed", data, broadcast(user_id=user_id), [user_id])
        return times

    def make_post(
        self,
        user_id: str,
        channel_id: str,
        message: str,
        *,
        post_type: str = "",
        props: Optional[Dict[str, Any]] = None,
        remote_id: Optional[str] = "",
        system: bool = False,
    ) -> Dict[str, Any]:
        """Save a post and send its events: defined by :class:`~.posts.State`."""
        raise NotImplementedError
