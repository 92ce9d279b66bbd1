"""Posts, threads, pins and reactions, with the websocket events the server sends for them.

Create follows ``CreatePostAsUser``/``CreatePost`` (``server/channels/app/post.go``): the checks in
the server's order, the ``pending_post_id`` duplicate window (30 s, keyed by that id alone: a
repeat returns the first post, without ``metadata``, whatever its channel or author), ``from_bot``
on a bot's posts, and ``multiple_channels_viewed`` for a person who posts at the root (not for a
bot, a webhook or a reply).
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional

from . import models
from .hub import broadcast, dumps
from .store import AppError, Store, bad_body_param, bad_url_param, forbidden

__all__ = ["DEDUPE_WINDOW_MS", "State"]

#: How long a ``pending_post_id`` is remembered (``pendingPostIDsCacheTTL``), milliseconds.
DEDUPE_WINDOW_MS = 30_000
_HASHTAG = re.compile(r"(?<![\w#])#[A-Za-z][\w.-]*[\w]")
_MENTION = re.compile(r"\B@([a-z0-9._-]+)", re.I)
_EMOJI = re.compile(r"[a-z0-9_+-]{1,64}")


def _sorted(data: Dict[str, Any]) -> Dict[str, Any]:
    return dict(sorted(data.items()))  # a Go map: the server writes its keys sorted


class State(Store):
    """The store, with the post operations."""

    # -- reading ------------------------------------------------------------------------------

    def render(self, post: Dict[str, Any], *, metadata: bool = True, fresh: bool = False) -> Dict[str, Any]:
        """A post as the API shows it (its thread's reply count, its files and reactions).

        Only the answer to its creation and its ``posted`` event (``fresh``) show its
        ``pending_post_id``: the server does not store it.
        """
        root = post["root_id"] or post["id"]
        replies = sum(1 for p in self.posts.values() if p["root_id"] == root and not p["delete_at"])
        reactions = self.reactions.get(post["id"], [])
        meta: Optional[Dict[str, Any]] = None
        if metadata:
            meta = {}
            if post["file_ids"]:
                meta["files"] = [models.file_info(self.files[f]) for f in post["file_ids"]]
            if reactions:
                meta["reactions"] = [models.reaction(r) for r in reactions]
        shown = models.post_view(post, reply_count=replies, metadata=meta, has_reactions=bool(reactions))
        if not fresh:
            shown["pending_post_id"] = ""
        return shown

    def post(self, post_id: str, user_id: str) -> Dict[str, Any]:
        """A post the user may read (404 for a deleted or unknown one, 403 for an unreadable channel)."""
        if not models.valid_id(post_id):
            raise bad_url_param("post_id")
        found = self.posts.get(post_id)
        if found is None or found["delete_at"]:
            raise AppError(404, "app.post.get.app_error", "Unable to get the post.")
        self.readable_channel(found["channel_id"], user_id)
        return found

    def post_list(self, posts: List[Dict[str, Any]], **extra: Any) -> Dict[str, Any]:
        """A ``PostList``: ids newest first, the posts by id."""
        ordered = sorted(posts, key=lambda p: p["create_at"], reverse=True)
        return {
            "order": [p["id"] for p in ordered],
            "posts": {p["id"]: self.render(p) for p in ordered},
            "next_post_id": "",
            "prev_post_id": "",
            **extra,
            "first_inaccessible_post_time": 0,
        }

    def channel_posts(self, channel_id: str) -> List[Dict[str, Any]]:
        """The channel's posts, oldest first, deleted ones left out."""
        return [p for p in self.posts.values() if p["channel_id"] == channel_id and not p["delete_at"]]

    # -- creating -----------------------------------------------------------------------------

    def create_post(self, user_id: str, body: Dict[str, Any], *, set_online: bool = True) -> Dict[str, Any]:
        """``POST /posts`` as ``user_id``: checks, the duplicate window, the post and its events."""
        channel = self.channels.get(str(body.get("channel_id") or ""))
        if channel is None or (user_id not in self.members[channel["id"]] and not self.is_admin(user_id)):
            raise forbidden()
        if str(body.get("type") or "").startswith("system_"):
            raise AppError(400, "api.context.invalid_param.app_error", "Invalid post.type parameter.")
        if channel["delete_at"]:
            raise AppError(
                400, "api.post.create_post.can_not_post_to_deleted.error", "Can not post to deleted channel."
            )
        pending = str(body.get("pending_post_id") or "")
        root_id = str(body.get("root_id") or "")
        found = self._deduplicate(pending, user_id)
        if found is not None:
            if not root_id:  # the server marks the channel read for a repeat, even from a bot
                self.mark_viewed(user_id, [found["channel_id"]])
            return self.render(found, metadata=False)
        if root_id:
            root = self.posts.get(root_id)
            if root is None or root["delete_at"] or root["root_id"]:
                self._forget(pending)
                raise AppError(400, "api.post.create_post.root_id.app_error", "Invalid RootId parameter.")
            if root["channel_id"] != channel["id"]:
                self._forget(pending)
                raise AppError(
                    400,
                    "api.post.create_post.channel_root_id.app_error",
                    "Invalid ChannelId for RootId parameter.",
                )
        file_ids = [
            f for f in body.get("file_ids") or [] if f in self.files and self.files[f]["user_id"] == user_id
        ]
        props = body.get("props") if isinstance(body.get("props"), dict) else {}
        post = self.make_post(
            user_id,
            channel["id"],
            str(body.get("message") or ""),
            root_id=root_id,
            props=props,
            file_ids=file_ids,
            pending_post_id=pending,
            set_online=set_online,
        )
        if set_online:
            self.set_status(user_id, "online", manual=False)
        if not self.users[user_id]["is_bot"] and not root_id:
            self.mark_viewed(user_id, [channel["id"]])
        return self.render(post, fresh=True)

    def _deduplicate(self, pending: str, user_id: str) -> Optional[Dict[str, Any]]:
        if not pending:
            return None
        stamp = models.now()
        entry = self.pending.get(pending)
        if entry is None or entry[1] < stamp:
            self.pending[pending] = ("", stamp + DEDUPE_WINDOW_MS)
            return None
        found = self.posts.get(entry[0])
        if found is None or not self.can_read(self.channels[found["channel_id"]], user_id):
            return None  # the server ignores an id whose post the user may not see
        return found

    def _forget(self, pending: str) -> None:
        if pending:
            self.pending.pop(pending, None)

    def make_post(
        self,
        user_id: str,
        channel_id: str,
        message: str,
        *,
        root_id: str = "",
        post_type: str = "",
        props: Optional[Dict[str, Any]] = None,
        file_ids: Optional[List[str]] = None,
        pending_post_id: str = "",
        remote_id: Optional[str] = "",
        set_online: bool = True,
        system: bool = False,
        sender_name: str = "",
    ) -> Dict[str, Any]:
        """Save a post and send its ``posted`` event (no permission checks: the callers did them)."""
        author = self.users[user_id]
        channel = self.channels[channel_id]
        props = dict(props or {})
        for attachment in props.get("attachments") or []:
            for action in attachment.get("actions") or [] if isinstance(attachment, dict) else []:
                if isinstance(action, dict) and not action.get("id"):
                    action["id"] = models.new_id()  # as the server's GenerateActionIds
        if author["is_bot"] and not system:
            props["from_bot"] = "true"
        # a post's create_at orders the channel: two posts never share one (fast tests post
        # several in a millisecond, which a real server does not)
        stamp = self.last_create_at = max(models.now(), self.last_create_at + 1)
        post: Dict[str, Any] = {
            "id": models.new_id(),
            "create_at": stamp,
            "update_at": stamp,
            "edit_at": 0,
            "delete_at": 0,
            "is_pinned": False,
            "user_id": user_id,
            "channel_id": channel_id,
            "root_id": root_id,
            "message": message,
            "type": post_type,
            "props": props,
            "hashtags": " ".join(_HASHTAG.findall(message)),
            "file_ids": list(file_ids or []),
            "pending_post_id": pending_post_id,
            "remote_id": remote_id,
        }
        self.posts[post["id"]] = post
        if pending_post_id:
            self.pending[pending_post_id] = (post["id"], stamp + DEDUPE_WINDOW_MS)
        for file_id in post["file_ids"]:
            self.files[file_id]["post_id"] = post["id"]
        if root_id:
            self.posts[root_id]["update_at"] = stamp
        channel.update(last_post_at=stamp, total_msg_count=channel["total_msg_count"] + 1)
        if not root_id:
            channel.update(last_root_post_at=stamp, total_msg_count_root=channel["total_msg_count_root"] + 1)
        self._posted(post, channel, set_online=set_online, system=system, sender_name=sender_name)
        if self.on_post is not None:
            self.on_post(post)
        return post

    def _posted(
        self,
        post: Dict[str, Any],
        channel: Dict[str, Any],
        *,
        set_online: bool,
        system: bool,
        sender_name: str,
    ) -> None:
        author = self.users[post["user_id"]]
        members = self.member_ids(channel["id"])
        mentioned = sorted(
            u["id"]
            for u in (self.user_by_name(name.rstrip(".")) for name in _MENTION.findall(post["message"]))
            if u is not None and u["id"] in members and u["id"] != post["user_id"]
        )
        for user_id in mentioned:
            self.members[channel["id"]][user_id]["mention_count"] += 1
        if channel["type"] == "D":
            shown = "@" + author["username"]
        elif channel["type"] == "G":
            shown = ", ".join(sorted(self.users[u]["username"] for u in members if u != post["user_id"]))
        else:
            shown = channel["display_name"]
        data: Dict[str, Any] = {
            "channel_display_name": shown,
            "channel_name": channel["name"],
            "channel_type": channel["type"],
            "post": dumps(self.render(post, fresh=True)),
            "sender_name": "System" if system else (sender_name or "@" + author["username"]),
            "set_online": set_online,
            "team_id": channel["team_id"],
        }
        if mentioned:
            data["mentions"] = dumps(mentioned)
        if post["file_ids"]:
            data["otherFile"] = "true"
            if any(self.files[f]["mime_type"].startswith("image/") for f in post["file_ids"]):
                data["image"] = "true"
        self.hub.publish("posted", _sorted(data), broadcast(channel_id=channel["id"]), members)

    # -- changing -----------------------------------------------------------------------------

    def edit_post(self, post_id: str, user_id: str, changes: Dict[str, Any]) -> Dict[str, Any]:
        """``PUT /posts/{id}`` and ``/patch``: message, props, file_ids, is_pinned of one's own post."""
        post = self.post(post_id, user_id)
        if post["user_id"] != user_id and not self.is_admin(user_id):
            raise forbidden()
        stamp = models.now()
        if "message" in changes:
            post["message"] = str(changes["message"] or "")
            post["hashtags"] = " ".join(_HASHTAG.findall(post["message"]))
        if isinstance(changes.get("props"), dict):
            post["props"] = dict(changes["props"])
        if isinstance(changes.get("is_pinned"), bool):
            post["is_pinned"] = changes["is_pinned"]
        post.update(update_at=stamp, edit_at=stamp)
        self._edited(post)
        return self.render(post)

    def _edited(self, post: Dict[str, Any]) -> None:
        data = {"post": dumps(self.render(post))}
        channel_id = post["channel_id"]
        self.hub.publish("post_edited", data, broadcast(channel_id=channel_id), self.member_ids(channel_id))

    def pin(self, post_id: str, user_id: str, pinned: bool) -> None:
        """Pin or unpin a post of a channel the user is in (a ``post_edited`` event)."""
        post = self.post(post_id, user_id)
        if user_id not in self.members[post["channel_id"]] and not self.is_admin(user_id):
            raise forbidden()
        post.update(is_pinned=pinned, update_at=models.now())
        self._edited(post)

    def delete_post(self, post_id: str, user_id: str) -> None:
        """Delete a post (and its replies, as the server does for a root)."""
        post = self.post(post_id, user_id)
        if post["user_id"] != user_id and not self.is_admin(user_id):
            raise forbidden()
        shown = self.render(post, metadata=False)
        stamp = models.now()
        for other in self.posts.values():
            if other["id"] == post_id or other["root_id"] == post_id:
                other.update(delete_at=stamp, update_at=stamp)
        where = broadcast(channel_id=post["channel_id"])
        where["contains_sanitized_data"] = True
        self.hub.publish("post_deleted", {"post": dumps(shown)}, where, self.member_ids(post["channel_id"]))

    # -- reactions ----------------------------------------------------------------------------

    def add_reaction(self, user_id: str, body: Dict[str, Any]) -> Dict[str, Any]:
        """``POST /reactions`` as ``user_id``, with the ``reaction_added`` event."""
        if body.get("user_id") != user_id:
            raise AppError(
                403,
                "api.reaction.save_reaction.user_id.app_error",
                "You cannot save reaction for the other user.",
            )
        name = str(body.get("emoji_name") or "")
        if not _EMOJI.fullmatch(name):
            raise bad_body_param("reaction")
        post = self.post(str(body.get("post_id") or ""), user_id)
        reactions = self.reactions.setdefault(post["id"], [])
        existing = next((r for r in reactions if r["user_id"] == user_id and r["emoji_name"] == name), None)
        if existing is not None:
            return models.reaction(existing)
        stamp = models.now()
        record: Dict[str, Any] = {
            "user_id": user_id,
            "post_id": post["id"],
            "emoji_name": name,
            "create_at": stamp,
            "update_at": stamp,
            "channel_id": post["channel_id"],
        }
        reactions.append(record)
        post["update_at"] = stamp + 1
        data = {"reaction": dumps(models.reaction(record))}
        channel_id = post["channel_id"]
        self.hub.publish(
            "reaction_added", data, broadcast(channel_id=channel_id), self.member_ids(channel_id)
        )
        return models.reaction(record)

    def remove_reaction(self, actor_id: str, user_id: str, post_id: str, name: str) -> None:
        """Remove ``user_id``'s reaction (``actor_id`` acting), with the ``reaction_removed`` event."""
        if actor_id != user_id and not self.is_admin(actor_id):
            raise forbidden()
        post = self.post(post_id, actor_id)
        reactions = self.reactions.get(post_id, [])
        kept = [r for r in reactions if not (r["user_id"] == user_id and r["emoji_name"] == name)]
        self.reactions[post_id] = kept
        stamp = models.now()
        post["update_at"] = stamp
        gone = {
            "user_id": user_id,
            "post_id": post_id,
            "emoji_name": name,
            "create_at": 0,
            "update_at": stamp,
            "channel_id": "",
        }
        data = {"reaction": dumps(models.reaction(gone))}
        channel_id = post["channel_id"]
        self.hub.publish(
            "reaction_removed", data, broadcast(channel_id=channel_id), self.member_ids(channel_id)
        )

    def typing(self, user_id: str, channel_id: str, parent_id: str) -> None:
        """Someone is typing: ``typing`` to the channel's other members."""
        channel = self.readable_channel(channel_id, user_id)
        where = broadcast(channel_id=channel["id"], omit_users=[user_id])
        data = {"parent_id": parent_id, "user_id": user_id}
        self.hub.publish("typing", data, where, self.member_ids(channel["id"]))
