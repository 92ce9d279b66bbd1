"""Slash commands and interactive message buttons: the fake calls the bot's own HTTP endpoint.

As the server does (``server/channels/app/command.go``, ``post_action.go``), the fake:

* on ``POST /commands/execute`` (or :meth:`FakeMattermost.run_command`) POSTs the command's form
  (``channel_id``, ``command``, ``text``, ``token``, ``user_id``, ``user_name``...) to the URL
  registered with ``POST /commands``, and posts its ``in_channel`` answer as the user, or sends
  an ``ephemeral`` one as an ``ephemeral_message`` event to that user only;
* on ``POST /posts/{post_id}/actions/{action_id}`` (or :meth:`FakeMattermost.click`) POSTs the
  action's JSON (``user_id``, ``post_id``, ``context``...) to the button's ``integration.url``,
  and applies the answer's ``update`` (the post is edited) and ``ephemeral_text``.

Only loopback URLs are called (127.0.0.1, localhost, ::1): tests never leave the machine.
"""

from __future__ import annotations

import json
import urllib.request
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple
from urllib.parse import urlencode, urlsplit

from . import models
from .http import Handler, Incoming, Reply
from .hub import broadcast, dumps
from .store import AppError, forbidden

if TYPE_CHECKING:
    from .server import FakeMattermost

__all__ = ["routes"]

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _call(url: str, data: bytes, content_type: str, timeout: float = 10.0) -> Dict[str, Any]:
    if urlsplit(url).hostname not in LOOPBACK:
        raise AppError(
            400,
            "api.command.execute_command.failed.app_error",
            f"the fake Mattermost calls only loopback URLs, not {url!r}",
        )
    if urlsplit(url).scheme not in ("http", "https"):
        raise AppError(400, "api.command.execute_command.failed.app_error", "the URL must be http or https")
    request = urllib.request.Request(  # noqa: S310 - http(s) on loopback only, checked above
        url, data=data, headers={"Content-Type": content_type, "Accept": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310 - loopback http only
            body = answer.read()
    except OSError as exc:
        raise AppError(
            500, "api.command.execute_command.failed.app_error", f"Command with a trigger of failed: {exc}"
        ) from None
    try:
        value = json.loads(body or b"{}")
    except ValueError:
        value = {"text": body.decode("utf-8", "replace")}
    return value if isinstance(value, dict) else {}


def routes(fake: FakeMattermost) -> List[Tuple[str, str, Handler]]:
    """(method, template, handler) for commands and post actions."""
    state = fake.store

    def create_command(r: Incoming) -> Reply:
        body = r.object("command")
        team = state.team(str(body.get("team_id") or ""))
        roles = state.team_members[team["id"]].get(r.me, "").split()
        if "team_admin" not in roles and not state.is_admin(r.me):  # manage_slash_commands
            raise forbidden()
        stamp = models.now()
        record: Dict[str, Any] = {
            "id": models.new_id(),
            "token": models.new_id(),
            "create_at": stamp,
            "update_at": stamp,
            "delete_at": 0,
            "creator_id": r.me,
            "team_id": team["id"],
            "trigger": str(body.get("trigger") or "").lstrip("/"),
            "method": str(body.get("method") or "P"),
            "username": str(body.get("username") or ""),
            "icon_url": "",
            "auto_complete": bool(body.get("auto_complete")),
            "auto_complete_desc": "",
            "auto_complete_hint": "",
            "display_name": str(body.get("display_name") or ""),
            "description": str(body.get("description") or ""),
            "url": str(body.get("url") or ""),
        }
        state.commands[record["id"]] = record
        return Reply(201, record)

    def execute(r: Incoming) -> Any:
        body = r.object("command_args")
        return run_command(r.me, str(body.get("channel_id") or ""), str(body.get("command") or ""))

    def run_command(user_id: str, channel_id: str, command: str) -> Dict[str, Any]:
        channel = state.readable_channel(channel_id, user_id)
        trigger, _, text = command.lstrip("/").partition(" ")
        team_id = channel["team_id"] or next(
            iter(t for t, m in state.team_members.items() if user_id in m), ""
        )
        found = next(
            (c for c in state.commands.values() if c["trigger"] == trigger and c["team_id"] == team_id), None
        )
        if found is None:
            raise AppError(
                404,
                "api.command.execute_command.not_found.app_error",
                f"Command with a trigger of '/{trigger}' not found.",
            )
        user = state.users[user_id]
        form = {
            "channel_id": channel_id,
            "channel_name": channel["name"],
            "command": "/" + trigger,
            "response_url": "",
            "team_domain": state.teams[team_id]["name"] if team_id else "",
            "team_id": team_id,
            "text": text,
            "token": found["token"],
            "trigger_id": models.new_id(),
            "user_id": user_id,
            "user_name": user["username"],
        }
        state.lock.release()  # the bot's endpoint may call back into the fake
        try:
            answer = _call(found["url"], urlencode(form).encode(), "application/x-www-form-urlencoded")
        finally:
            state.lock.acquire()
        respond(user_id, channel, answer)
        return {
            "response_type": answer.get("response_type") or "ephemeral",
            "text": answer.get("text") or "",
            "username": answer.get("username") or "",
            "trigger_id": form["trigger_id"],
        }

    def respond(user_id: str, channel: Dict[str, Any], answer: Dict[str, Any]) -> None:
        text = str(answer.get("text") or "")
        props = dict(answer.get("props") or {})
        if answer.get("attachments"):
            props["attachments"] = answer["attachments"]
        if not text and not props:
            return
        if answer.get("response_type") == "in_channel":
            state.make_post(
                user_id, channel["id"], text, props=props, root_id=str(answer.get("root_id") or "")
            )
        else:
            ephemeral(user_id, channel["id"], text, props)

    def ephemeral(user_id: str, channel_id: str, text: str, props: Optional[Dict[str, Any]] = None) -> None:
        stamp = models.now()
        record: Dict[str, Any] = {
            "id": models.new_id(),
            "create_at": stamp,
            "update_at": stamp,
            "edit_at": 0,
            "delete_at": 0,
            "is_pinned": False,
            "user_id": user_id,
            "channel_id": channel_id,
            "root_id": "",
            "message": text,
            "type": "system_ephemeral",
            "props": props or {},
            "hashtags": "",
            "file_ids": [],
            "pending_post_id": "",
            "remote_id": None,
        }
        data = {"post": dumps(models.post_view(record, reply_count=0, metadata={}))}
        state.hub.publish(
            "ephemeral_message", data, broadcast(user_id=user_id, channel_id=channel_id), [user_id]
        )

    def do_action(r: Incoming) -> Any:
        return click(
            r.me, r.params["post_id"], r.params["action_id"], r.object("post_action").get("selected_option")
        )

    def click(user_id: str, post_id: str, action_id: str, selected: Any = None) -> Dict[str, Any]:
        post = state.post(post_id, user_id)
        actions = [a for att in post["props"].get("attachments") or [] for a in att.get("actions") or []]
        action = next((a for a in actions if a.get("id") == action_id), None)
        if action is None:
            raise AppError(404, "api.post.do_action.action_id.app_error", "Invalid action id.")
        integration = action.get("integration") or {}
        channel = state.channels[post["channel_id"]]
        payload = {
            "user_id": user_id,
            "user_name": state.users[user_id]["username"],
            "channel_id": channel["id"],
            "channel_name": channel["name"],
            "team_id": channel["team_id"],
            "team_domain": state.teams[channel["team_id"]]["name"] if channel["team_id"] else "",
            "post_id": post_id,
            "trigger_id": models.new_id(),
            "type": action.get("type") or "button",
            "data_source": action.get("data_source") or "",
            "context": dict(integration.get("context") or {}),
        }
        if selected is not None:
            payload["context"]["selected_option"] = selected
        state.lock.release()
        try:
            answer = _call(
                str(integration.get("url") or ""), json.dumps(payload).encode(), "application/json"
            )
        finally:
            state.lock.acquire()
        update = answer.get("update")
        if isinstance(update, dict):
            state.edit_post(
                post_id, post["user_id"], {k: update[k] for k in ("message", "props") if k in update}
            )
        if answer.get("ephemeral_text"):
            ephemeral(user_id, channel["id"], str(answer["ephemeral_text"]))
        return {"status": "OK", "trigger_id": payload["trigger_id"]}

    fake._integrations = (run_command, click)
    return [
        ("POST", "/commands", create_command),
        ("POST", "/commands/execute", execute),
        ("POST", "/posts/{post_id}/actions/{action_id}", do_action),
    ]
