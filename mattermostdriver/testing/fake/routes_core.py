"""REST routes of the fake: users, bots, teams, channels, members, the system ping."""

from __future__ import annotations

from typing import Any, Dict, List, Tuple

from . import models
from .http import Handler, Incoming, Reply
from .hub import broadcast, dumps
from .posts import State
from .store import AppError, bad_body_param, forbidden

__all__ = ["routes"]


def routes(state: State) -> List[Tuple[str, str, Handler]]:
    """(method, template, handler) for every route of this module."""

    def login(r: Incoming) -> Reply:
        body = r.object("login_id")
        user = state.user_by_name(str(body.get("login_id") or ""))
        if user is None:
            user = next((u for u in state.users.values() if u["email"] == body.get("login_id")), None)
        if user is not None and user["is_bot"]:
            raise AppError(401, "api.user.login.bot_login_forbidden.app_error", "Bot login is forbidden.")
        if user is None or state.passwords.get(user["id"]) != body.get("password"):
            raise AppError(
                401,
                "api.user.login.invalid_credentials_email_username",
                "Enter a valid email or username and/or password.",
            )
        token = state.new_token(user["id"])
        return Reply(200, models.user(user, own=True), headers={"Token": token})

    def logout(r: Incoming) -> Any:
        if r.token is not None:
            state.tokens.pop(r.token, None)
        return models.OK

    def get_user(r: Incoming) -> Any:
        user = state.user(r.params["user_id"], r.me)
        return models.user(user, own=user["id"] == r.me)

    def get_by_username(r: Incoming) -> Any:
        r.me  # noqa: B018 - authenticated
        user = state.user_by_name(r.params["username"])
        if user is None:
            raise AppError(
                404,
                "app.user.get_by_username.app_error",
                "Unable to find an existing account matching your username for this team. "
                "This team may require an invite from the team owner to join.",
            )
        return models.user(user, own=user["id"] == r.me)

    def users_by_ids(r: Incoming) -> Any:
        r.me  # noqa: B018
        ids = r.json("user_ids")
        if not isinstance(ids, list):
            raise bad_body_param("user_ids")
        return [models.user(state.users[i], own=i == r.me) for i in ids if i in state.users]

    def users_by_usernames(r: Incoming) -> Any:
        r.me  # noqa: B018
        names = r.json("usernames")
        found = [state.user_by_name(str(n)) for n in names or []]
        return [models.user(u, own=u["id"] == r.me) for u in found if u is not None]

    def create_user(r: Incoming) -> Reply:
        body = r.object("user")
        if r.user_id is not None and not state.is_admin(r.me):
            raise forbidden()
        user = state.add_user(
            str(body.get("username") or ""), password=str(body.get("password") or ""), email=body.get("email")
        )
        return Reply(201, models.user(user, own=True))

    def create_bot(r: Incoming) -> Reply:
        body = r.object("bot")
        if not state.is_admin(r.me):
            raise forbidden()
        user = state.add_user(
            str(body.get("username") or ""),
            bot=True,
            owner_id=r.me,
            display_name=str(body.get("display_name") or ""),
        )
        user["bot_description"] = str(body.get("description") or "")
        return Reply(201, models.bot(user))

    def get_bot(r: Incoming) -> Any:
        r.me  # noqa: B018
        user = state.users.get(r.params["bot_user_id"])
        if user is None or not user["is_bot"]:
            raise AppError(404, "store.sql_bot.get.missing.app_error", "Bot does not exist.")
        return models.bot(user)

    def create_token(r: Incoming) -> Any:
        user = state.user(r.params["user_id"], r.me)
        if user["id"] != r.me and not state.is_admin(r.me):
            raise forbidden()
        token = state.new_token(user["id"])
        description = str(r.object("token").get("description") or "")
        return {
            "id": models.new_id(),
            "token": token,
            "user_id": user["id"],
            "description": description,
            "is_active": True,
        }

    def create_team(r: Incoming) -> Reply:
        body = r.object("team")
        team = state.add_team(
            str(body.get("name") or ""), str(body.get("display_name") or ""), str(body.get("type") or "O")
        )
        state.join_team(team["id"], r.me, "team_user team_admin")
        return Reply(201, models.team(team))

    def get_team(r: Incoming) -> Any:
        team = state.team(r.params["team_id"])
        if not state.in_team(team["id"], r.me):
            raise forbidden()
        return models.team(team)

    def get_team_by_name(r: Incoming) -> Any:
        team = _team_named(r.params["name"])
        if not state.in_team(team["id"], r.me):
            raise forbidden()
        return models.team(team)

    def _team_named(name: str) -> Dict[str, Any]:
        team = next((t for t in state.teams.values() if t["name"] == name), None)
        if team is None:
            raise AppError(404, "app.team.get_by_name.missing.app_error", "Unable to find the existing team.")
        return team

    def my_teams(r: Incoming) -> Any:
        user = state.user(r.params["user_id"], r.me)
        return [models.team(t) for t in state.teams.values() if user["id"] in state.team_members[t["id"]]]

    def add_team_member(r: Incoming) -> Reply:
        team = state.team(r.params["team_id"])
        user = state.user(str(r.object("team_member").get("user_id") or ""))
        if not state.is_admin(r.me) and r.me not in state.team_members[team["id"]]:
            raise forbidden()
        return Reply(201, state.join_team(team["id"], user["id"]))

    def team_member(r: Incoming) -> Any:
        team = state.team(r.params["team_id"])
        user = state.user(r.params["user_id"], r.me)
        roles = state.team_members[team["id"]].get(user["id"])
        if roles is None:
            raise AppError(
                404,
                "app.team.get_member.missing.app_error",
                "No team member found for that user ID and team ID.",
            )
        return models.team_member(team["id"], user["id"], roles)

    def create_channel(r: Incoming) -> Reply:
        body = r.object("channel")
        team = state.team(str(body.get("team_id") or ""))
        if not state.in_team(team["id"], r.me):
            raise forbidden()
        kind = str(body.get("type") or "O")
        if kind not in ("O", "P"):
            raise AppError(
                400,
                "api.channel.create_channel.direct_channel.app_error",
                "Must use createDirectChannel API service for direct message channel creation.",
            )
        channel = state.add_channel(
            team["id"], str(body.get("name") or ""), str(body.get("display_name") or ""), kind, r.me
        )
        state.add_member(channel["id"], r.me)
        return Reply(201, models.channel(channel))

    def create_direct(r: Incoming) -> Reply:
        ids = r.json("user_ids")
        if not isinstance(ids, list) or len(ids) != 2 or not all(i in state.users for i in ids):
            raise bad_body_param("user_ids")
        if r.me not in ids and not state.is_admin(r.me):
            raise forbidden()
        new = not any(
            c["name"] == "__".join(sorted(set(ids)) * (2 if len(set(ids)) == 1 else 1))
            for c in state.channels.values()
        )
        channel = state.direct_channel(ids, r.me)
        if new:
            other = next((i for i in ids if i != r.me), r.me)
            data = {"creator_id": r.me, "teammate_id": other}
            where = broadcast(channel_id=channel["id"])
            state.hub.publish("direct_added", data, where, state.member_ids(channel["id"]))
        return Reply(201, models.channel(channel))

    def create_group(r: Incoming) -> Reply:
        ids = r.json("user_ids")
        if not isinstance(ids, list) or not all(i in state.users for i in ids):
            raise bad_body_param("user_ids")
        ids = sorted(set(ids) | {r.me})
        if not 3 <= len(ids) <= 8:
            raise AppError(
                400,
                "api.channel.create_group.bad_size.app_error",
                "Group message channels must contain at least 3 and no more than 8 users.",
            )
        existing = len(state.channels)
        channel = state.direct_channel(ids, r.me)
        if len(state.channels) > existing:
            for user_id in ids:
                data = {"teammate_ids": dumps(ids)}
                state.hub.publish(
                    "group_added", data, broadcast(user_id=user_id, channel_id=channel["id"]), [user_id]
                )
        return Reply(201, models.channel(channel))

    def get_channel(r: Incoming) -> Any:
        return models.channel(state.readable_channel(r.params["channel_id"], r.me))

    def channel_by_name(r: Incoming) -> Any:
        team = (
            state.team(r.params["team_id"]) if "team_id" in r.params else _team_named(r.params["team_name"])
        )
        channel = next(
            (
                c
                for c in state.channels.values()
                if c["team_id"] == team["id"] and c["name"] == r.params["name"]
            ),
            None,
        )
        if channel is None:
            raise AppError(404, "app.channel.get_by_name.missing.app_error", "Channel does not exist.")
        if not state.can_read(channel, r.me):
            raise forbidden()
        return models.channel(channel)

    def my_channels(r: Incoming) -> Any:
        user = state.user(r.params["user_id"], r.me)
        team = state.team(r.params["team_id"])
        return [
            models.channel(c)
            for c in state.channels.values()
            if c["team_id"] in ("", team["id"]) and user["id"] in state.members[c["id"]]
        ]

    def public_channels(r: Incoming) -> Any:
        team = state.team(r.params["team_id"])
        if not state.in_team(team["id"], r.me):
            raise forbidden()
        return [
            models.channel(c)
            for c in state.channels.values()
            if c["team_id"] == team["id"] and c["type"] == "O" and not c["delete_at"]
        ]

    def add_member(r: Incoming) -> Reply:
        channel = state.readable_channel(r.params["channel_id"], r.me)
        user = state.user(str(r.object("user_id").get("user_id") or ""))
        if channel["type"] in ("D", "G") or (
            r.me not in state.members[channel["id"]] and channel["type"] == "P" and not state.is_admin(r.me)
        ):
            raise forbidden()
        return Reply(201, state.join_channel(channel["id"], user["id"], r.me))

    def remove_member(r: Incoming) -> Any:
        channel = state.readable_channel(r.params["channel_id"], r.me)
        user = state.user(r.params["user_id"], r.me)
        if user["id"] != r.me and not state.is_admin(r.me):
            raise forbidden()
        state.members[channel["id"]].pop(user["id"], None)
        return models.OK

    def member(r: Incoming) -> Any:
        channel = state.readable_channel(r.params["channel_id"], r.me)
        user = state.user(r.params["user_id"], r.me)
        found = state.members[channel["id"]].get(user["id"])
        if found is None:
            raise AppError(
                404,
                "app.channel.get_member.missing.app_error",
                "No channel member found for that user ID and channel ID.",
            )
        return models.channel_member(found)

    def members(r: Incoming) -> Any:
        channel = state.readable_channel(r.params["channel_id"], r.me)
        return [models.channel_member(m) for m in state.members[channel["id"]].values()]

    def stats(r: Incoming) -> Any:
        channel = state.readable_channel(r.params["channel_id"], r.me)
        pinned = sum(1 for p in state.channel_posts(channel["id"]) if p["is_pinned"])
        files = sum(1 for f in state.files.values() if f["channel_id"] == channel["id"] and f["post_id"])
        return {
            "channel_id": channel["id"],
            "member_count": len(state.members[channel["id"]]),
            "guest_count": 0,
            "pinnedpost_count": pinned,
            "files_count": files,
        }

    def view(r: Incoming) -> Any:
        user = state.user(r.params["user_id"], r.me)
        if user["id"] != r.me:
            raise forbidden()
        body = r.object("channel_view")
        ids = [str(body.get(k)) for k in ("channel_id", "prev_channel_id") if body.get(k)]
        for channel_id in ids:
            state.readable_channel(channel_id, r.me)
        if body.get("channel_id"):
            state.statuses[r.me]["active_channel"] = body["channel_id"]
        return {"status": "OK", "last_viewed_at_times": state.mark_viewed(r.me, ids)}

    def ping(r: Incoming) -> Any:
        return {
            "ActiveSearchBackend": "database",
            "AndroidLatestVersion": "",
            "AndroidMinVersion": "",
            "IosLatestVersion": "",
            "IosMinVersion": "",
            "status": "OK",
        }

    return [
        ("POST", "/users/login", login),
        ("POST", "/users/logout", logout),
        ("POST", "/users", create_user),
        ("POST", "/users/ids", users_by_ids),
        ("POST", "/users/usernames", users_by_usernames),
        ("GET", "/users/username/{username}", get_by_username),
        ("GET", "/users/{user_id}", get_user),
        ("POST", "/users/{user_id}/tokens", create_token),
        ("GET", "/users/{user_id}/teams", my_teams),
        ("GET", "/users/{user_id}/teams/{team_id}/channels", my_channels),
        ("POST", "/bots", create_bot),
        ("GET", "/bots/{bot_user_id}", get_bot),
        ("POST", "/teams", create_team),
        ("GET", "/teams/{team_id}", get_team),
        ("GET", "/teams/name/{name}", get_team_by_name),
        ("POST", "/teams/{team_id}/members", add_team_member),
        ("GET", "/teams/{team_id}/members/{user_id}", team_member),
        ("GET", "/teams/{team_id}/channels", public_channels),
        ("GET", "/teams/{team_id}/channels/name/{name}", channel_by_name),
        ("GET", "/teams/name/{team_name}/channels/name/{name}", channel_by_name),
        ("POST", "/channels", create_channel),
        ("POST", "/channels/direct", create_direct),
        ("POST", "/channels/group", create_group),
        ("GET", "/channels/{channel_id}", get_channel),
        ("GET", "/channels/{channel_id}/stats", stats),
        ("POST", "/channels/{channel_id}/members", add_member),
        ("GET", "/channels/{channel_id}/members", members),
        ("GET", "/channels/{channel_id}/members/{user_id}", member),
        ("DELETE", "/channels/{channel_id}/members/{user_id}", remove_member),
        ("POST", "/channels/members/{user_id}/view", view),
        ("GET", "/system/ping", ping),
    ]
