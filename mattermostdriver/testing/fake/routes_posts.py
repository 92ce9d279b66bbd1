"""REST routes of the fake: posts, threads, pins, reactions, files, incoming webhooks, statuses, typing."""

from __future__ import annotations

import json
import mimetypes
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any, Dict, List, Tuple
from urllib.parse import parse_qsl

from . import models
from .http import Handler, Incoming, Reply
from .posts import State
from .store import AppError, bad_body_param, bad_url_param, forbidden

__all__ = ["hook_receiver", "routes"]


def routes(state: State) -> List[Tuple[str, str, Handler]]:
    """(method, template, handler) for every route of this module."""

    def create_post(r: Incoming) -> Reply:
        body = r.object("post")
        set_online = r.query.get("set_online", "true").lower() not in ("false", "0")
        return Reply(201, state.create_post(r.me, body, set_online=set_online))

    def get_post(r: Incoming) -> Any:
        return state.render(state.post(r.params["post_id"], r.me))

    def update_post(r: Incoming) -> Any:
        body = r.object("post")
        if body.get("id") not in (None, r.params["post_id"]):
            raise bad_body_param("id")
        return state.edit_post(
            r.params["post_id"], r.me, {k: body[k] for k in ("message", "props") if k in body}
        )

    def patch_post(r: Incoming) -> Any:
        body = r.object("post")
        return state.edit_post(
            r.params["post_id"], r.me, {k: body[k] for k in ("message", "props", "is_pinned") if k in body}
        )

    def delete_post(r: Incoming) -> Any:
        state.delete_post(r.params["post_id"], r.me)
        return models.OK

    def thread(r: Incoming) -> Any:
        post = state.post(r.params["post_id"], r.me)
        root = post["root_id"] or post["id"]
        posts = [
            p
            for p in state.posts.values()
            if (p["id"] == root or p["root_id"] == root) and not p["delete_at"]
        ]
        return state.post_list(posts, has_next=False)

    def channel_posts(r: Incoming) -> Any:
        channel = state.readable_channel(r.params["channel_id"], r.me)
        posts = state.channel_posts(channel["id"])
        since = r.query.get("since")
        if since:
            stamp = int(since)
            changed = [
                p
                for p in state.posts.values()
                if p["channel_id"] == channel["id"] and max(p["create_at"], p["update_at"]) > stamp
            ]
            return state.post_list(changed)
        newest = sorted(posts, key=lambda p: p["create_at"], reverse=True)
        for key, after in (("before", False), ("after", True)):
            if r.query.get(key):
                index = next((i for i, p in enumerate(newest) if p["id"] == r.query[key]), None)
                newest = [] if index is None else (newest[:index] if after else newest[index + 1 :])
        page, per_page = _paging(r)
        chosen = newest[page * per_page : (page + 1) * per_page]
        if r.query.get("after"):
            chosen = newest[::-1][page * per_page : (page + 1) * per_page]
        return state.post_list(chosen)

    def pinned(r: Incoming) -> Any:
        channel = state.readable_channel(r.params["channel_id"], r.me)
        return state.post_list([p for p in state.channel_posts(channel["id"]) if p["is_pinned"]])

    def pin(r: Incoming) -> Any:
        state.pin(r.params["post_id"], r.me, True)
        return models.OK

    def unpin(r: Incoming) -> Any:
        state.pin(r.params["post_id"], r.me, False)
        return models.OK

    def add_reaction(r: Incoming) -> Any:
        return state.add_reaction(r.me, r.object("reaction"))

    def reactions(r: Incoming) -> Any:
        post = state.post(r.params["post_id"], r.me)
        found = [models.reaction(x) for x in state.reactions.get(post["id"], [])]
        return found or None  # the server marshals an empty (nil) list as null

    def remove_reaction(r: Incoming) -> Any:
        state.remove_reaction(r.me, r.params["user_id"], r.params["post_id"], r.params["emoji_name"])
        return models.OK

    def upload(r: Incoming) -> Reply:
        fields, parts = _form(r)
        channel_id = fields.get("channel_id") or r.query.get("channel_id", "")
        channel = state.channels.get(channel_id)
        if channel is None or (r.me not in state.members[channel_id] and not state.is_admin(r.me)):
            raise forbidden()
        if not parts and r.body and r.query.get("filename"):
            parts = [(r.query["filename"], r.body)]
        if not parts:
            raise AppError(
                400,
                "api.file.upload_file.incorrect_number_of_files.app_error",
                "Unable to upload files. Incorrect number of files specified.",
            )
        infos = []
        for name, content in parts:
            stamp = models.now()
            extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
            mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
            if mime.startswith("text/"):
                mime += "; charset=utf-8"
            record: Dict[str, Any] = {
                "id": models.new_id(),
                "user_id": r.me,
                "post_id": "",
                "channel_id": channel_id,
                "create_at": stamp,
                "name": name,
                "extension": extension,
                "mime_type": mime,
                "content": content,
            }
            state.files[record["id"]] = record
            infos.append(models.file_info(record))
        client_ids = [v for k, v in fields.items() if k == "client_ids"]
        return Reply(201, {"file_infos": infos, "client_ids": client_ids})

    def _file(r: Incoming) -> Dict[str, Any]:
        record = state.files.get(r.params["file_id"])
        if record is None:
            raise AppError(404, "app.file_info.get.app_error", "Unable to get the file info.")
        state.readable_channel(record["channel_id"], r.me)
        return record

    def get_file(r: Incoming) -> Reply:
        record = _file(r)
        name = record["name"]
        disposition = f"attachment;filename=\"{name}\"; filename*=UTF-8''{name}"
        return Reply(
            200,
            raw=record["content"],
            content_type=record["mime_type"],
            headers={"Content-Disposition": disposition},
        )

    def file_info(r: Incoming) -> Any:
        return models.file_info(_file(r))

    def no_preview(r: Incoming) -> Any:
        _file(r)
        raise AppError(
            400, "api.file.get_file_preview.no_preview.app_error", "File doesn't have a preview image."
        )

    def no_thumbnail(r: Incoming) -> Any:
        _file(r)
        raise AppError(
            400, "api.file.get_file_thumbnail.no_thumbnail.app_error", "File doesn't have a thumbnail image."
        )

    def post_files(r: Incoming) -> Any:
        post = state.post(r.params["post_id"], r.me)
        return [models.file_info(state.files[f]) for f in post["file_ids"]]

    def create_hook(r: Incoming) -> Reply:
        body = r.object("incoming_webhook")
        channel = state.readable_channel(str(body.get("channel_id") or ""), r.me)
        stamp = models.now()
        record: Dict[str, Any] = {
            "id": models.new_id(),
            "create_at": stamp,
            "update_at": stamp,
            "delete_at": 0,
            "user_id": r.me,
            "channel_id": channel["id"],
            "team_id": channel["team_id"],
            "channel_locked": bool(body.get("channel_locked")),
        }
        for key in ("display_name", "description", "username", "icon_url"):
            record[key] = str(body.get(key) or "")
        state.hooks[record["id"]] = record
        return Reply(201, models.hook(record))

    def get_status(r: Incoming) -> Any:
        user = state.user(r.params["user_id"], r.me)
        return models.status(state.statuses[user["id"]])

    def statuses(r: Incoming) -> Any:
        r.me  # noqa: B018
        ids = r.json("user_ids")
        return [
            models.status(state.statuses[i]) for i in sorted(set(ids or []), key=str) if i in state.statuses
        ]

    def set_status(r: Incoming) -> Any:
        user = state.user(r.params["user_id"], r.me)
        body = r.object("status")
        if user["id"] != r.me and not state.is_admin(r.me):
            raise forbidden()
        if body.get("status") not in ("online", "away", "dnd", "offline"):
            raise bad_body_param("status")
        state.set_status(user["id"], body["status"], manual=True)
        return models.status(state.statuses[user["id"]])

    def typing(r: Incoming) -> Any:
        user = state.user(r.params["user_id"], r.me)
        if user["id"] != r.me:
            raise forbidden()
        body = r.object("typing_request")
        state.typing(r.me, str(body.get("channel_id") or ""), str(body.get("parent_id") or ""))
        return models.OK

    return [
        ("POST", "/posts", create_post),
        ("GET", "/posts/{post_id}", get_post),
        ("PUT", "/posts/{post_id}", update_post),
        ("PUT", "/posts/{post_id}/patch", patch_post),
        ("DELETE", "/posts/{post_id}", delete_post),
        ("GET", "/posts/{post_id}/thread", thread),
        ("POST", "/posts/{post_id}/pin", pin),
        ("POST", "/posts/{post_id}/unpin", unpin),
        ("GET", "/posts/{post_id}/reactions", reactions),
        ("GET", "/posts/{post_id}/files/info", post_files),
        ("GET", "/channels/{channel_id}/posts", channel_posts),
        ("GET", "/channels/{channel_id}/pinned", pinned),
        ("POST", "/reactions", add_reaction),
        ("DELETE", "/users/{user_id}/posts/{post_id}/reactions/{emoji_name}", remove_reaction),
        ("POST", "/files", upload),
        ("GET", "/files/{file_id}", get_file),
        ("GET", "/files/{file_id}/info", file_info),
        ("GET", "/files/{file_id}/preview", no_preview),
        ("GET", "/files/{file_id}/thumbnail", no_thumbnail),
        ("POST", "/hooks/incoming", create_hook),
        ("GET", "/users/{user_id}/status", get_status),
        ("PUT", "/users/{user_id}/status", set_status),
        ("POST", "/users/status/ids", statuses),
        ("POST", "/users/{user_id}/typing", typing),
    ]


def _paging(r: Incoming) -> Tuple[int, int]:
    try:
        page = max(0, int(r.query.get("page", "0")))
        per_page = min(200, max(1, int(r.query.get("per_page", "60"))))
    except ValueError:
        raise bad_url_param("page") from None
    return page, per_page


def _form(r: Incoming) -> Tuple[Dict[str, str], List[Tuple[str, bytes]]]:
    """The fields and the files (name, content) of a multipart body."""
    content_type = r.headers.get("Content-Type", "")
    if not content_type.startswith("multipart/form-data"):
        return {}, []
    message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + r.body)
    fields: Dict[str, str] = {}
    files: List[Tuple[str, bytes]] = []
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        filename = part.get_filename()
        payload = part.get_payload(decode=True) or b""
        if filename is not None and name == "files":
            files.append((filename, bytes(payload)))
        elif name:
            fields[str(name)] = bytes(payload).decode("utf-8", "replace")
    return fields, files


def hook_receiver(state: State, hook_id: str, r: Incoming) -> Reply:
    """``POST /hooks/{hook_id}``: the incoming webhook, as ``server/channels/web/webhook.go``."""
    content_type = r.headers.get("Content-Type", "").split(";")[0].strip()
    payload: Any = None
    try:
        if content_type == "application/x-www-form-urlencoded":
            payload = json.loads(dict(parse_qsl(r.body.decode())).get("payload", "null"))
        else:
            payload = json.loads(r.body or b"null")
    except ValueError:
        payload = None
    hook = state.hooks.get(hook_id)
    shown = content_type or "application/json"
    if (
        hook is None
        or not isinstance(payload, dict)
        or not (payload.get("text") or payload.get("attachments"))
    ):
        message = f"Failed to handle the payload of media type {shown} for incoming webhook {hook_id}."
        raise AppError(400, "web.incoming_webhook.general.app_error", message)
    channel = state.channels[hook["channel_id"]]
    wanted = str(payload.get("channel") or "")
    if wanted:
        named = next(
            (
                c
                for c in state.channels.values()
                if c["name"] == wanted.lstrip("#~") and c["team_id"] == hook["team_id"]
            ),
            None,
        )
        if named is None:
            raise AppError(404, "web.incoming_webhook.channel.app_error", "Couldn't find the channel.")
        if hook["channel_locked"] and named["id"] != channel["id"]:
            raise AppError(
                403,
                "web.incoming_webhook.channel_locked.app_error",
                "This webhook is not permitted to post to the requested channel.",
            )
        channel = named
    username = str(payload.get("username") or hook["username"] or "webhook")
    props: Dict[str, Any] = dict(payload.get("props") or {})
    props.update(from_webhook="true", override_username=username, webhook_display_name=hook["display_name"])
    if payload.get("icon_url") or hook["icon_url"]:
        props["override_icon_url"] = payload.get("icon_url") or hook["icon_url"]
    post_type = str(payload.get("type") or "")
    if payload.get("attachments"):
        props["attachments"] = payload["attachments"]
        post_type = "slack_attachment"
    state.make_post(
        hook["user_id"],
        channel["id"],
        str(payload.get("text") or ""),
        post_type=post_type,
        props=props,
        remote_id=None,
        set_online=False,
        sender_name=username,
    )
    return Reply(200, raw=b"ok", content_type="text/plain")
