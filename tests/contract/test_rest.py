"""REST answers: the same shapes, status codes and error ids on the fake and on the real server."""

from __future__ import annotations

import time

import pytest

from mattermostdriver import (
    InvalidOrMissingParameters,
    NoAccessTokenProvided,
    NotEnoughPermissions,
    ResourceNotFound,
)

from .conftest import World

USER_OWN = {
    "id",
    "create_at",
    "update_at",
    "delete_at",
    "username",
    "auth_service",
    "email",
    "nickname",
    "first_name",
    "last_name",
    "position",
    "roles",
    "notify_props",
    "last_password_update",
    "locale",
    "timezone",
    "disable_welcome_email",
}
USER_OTHER = {
    "id",
    "create_at",
    "update_at",
    "delete_at",
    "username",
    "auth_data",
    "auth_service",
    "email",
    "nickname",
    "first_name",
    "last_name",
    "position",
    "roles",
    "locale",
    "timezone",
    "remote_id",
    "disable_welcome_email",
}
TEAM = {
    "id",
    "create_at",
    "update_at",
    "delete_at",
    "display_name",
    "name",
    "description",
    "email",
    "type",
    "company_name",
    "allowed_domains",
    "invite_id",
    "allow_open_invite",
    "scheme_id",
    "group_constrained",
    "policy_id",
    "cloud_limits_archived",
}
CHANNEL = {
    "id",
    "create_at",
    "update_at",
    "delete_at",
    "team_id",
    "type",
    "display_name",
    "name",
    "header",
    "purpose",
    "last_post_at",
    "total_msg_count",
    "extra_update_at",
    "creator_id",
    "scheme_id",
    "props",
    "group_constrained",
    "autotranslation",
    "shared",
    "total_msg_count_root",
    "policy_id",
    "last_root_post_at",
    "banner_info",
    "policy_enforced",
    "policy_is_active",
    "default_category_name",
}
MEMBER = {
    "channel_id",
    "user_id",
    "roles",
    "last_viewed_at",
    "msg_count",
    "mention_count",
    "mention_count_root",
    "urgent_mention_count",
    "msg_count_root",
    "notify_props",
    "last_update_at",
    "scheme_guest",
    "scheme_user",
    "scheme_admin",
    "explicit_roles",
}
POST = {
    "id",
    "create_at",
    "update_at",
    "edit_at",
    "delete_at",
    "is_pinned",
    "user_id",
    "channel_id",
    "root_id",
    "original_id",
    "message",
    "type",
    "props",
    "hashtags",
    "file_ids",
    "pending_post_id",
    "remote_id",
    "reply_count",
    "last_reply_at",
    "participants",
    "metadata",
}
FILE_INFO = {
    "id",
    "user_id",
    "channel_id",
    "create_at",
    "update_at",
    "delete_at",
    "name",
    "extension",
    "size",
    "mime_type",
    "mini_preview",
    "remote_id",
    "archived",
}
REACTION = {
    "user_id",
    "post_id",
    "emoji_name",
    "create_at",
    "update_at",
    "delete_at",
    "remote_id",
    "channel_id",
}
STATUS = {"user_id", "status", "manual", "last_activity_at", "active_channel", "dnd_end_time"}
APP_ERROR = {"id", "message", "detailed_error", "request_id", "status_code"}


def test_users_teams_channels_shapes(world: World) -> None:
    me = world.as_bot.users.get_user("me")
    assert set(me) == USER_OWN | {"is_bot"} and me["is_bot"] is True  # bot_description: omitted when empty
    other = world.as_bot.users.get_user(world.user["id"])
    assert set(other) == USER_OTHER and "notify_props" not in other
    assert set(world.as_user.users.get_user("me")) == USER_OWN | {"remote_id"}
    assert [u["id"] for u in world.as_bot.users.get_users_by_ids([world.user["id"]])] == [world.user["id"]]
    assert set(world.as_bot.teams.get_team(world.team["id"])) == TEAM
    assert [t["id"] for t in world.as_bot.teams.get_user_teams("me")] == [world.team["id"]]
    channel = world.as_bot.channels.get_channel(world.channel["id"])
    assert set(channel) == CHANNEL and channel["type"] == "O" and channel["shared"] is None
    by_name = world.as_bot.channels.get_channel_by_name(world.team["id"], world.channel["name"])
    assert by_name["id"] == world.channel["id"]
    member = world.as_bot.channels.get_channel_member(world.channel["id"], world.bot["id"])
    assert set(member) == MEMBER and member["roles"] == "channel_user"
    mine = world.as_bot.channels.get_channels_for_user("me", world.team["id"])
    assert world.channel["id"] in [c["id"] for c in mine]


def test_direct_and_group_channels(world: World) -> None:
    dm = world.as_bot.channels.create_direct_message_channel([world.bot["id"], world.user["id"]])
    assert set(dm) == CHANNEL and dm["type"] == "D" and dm["team_id"] == "" and dm["shared"] is False
    assert dm["name"] == "__".join(sorted([world.bot["id"], world.user["id"]]))
    again = world.as_bot.channels.create_direct_message_channel([world.user["id"], world.bot["id"]])
    assert again["id"] == dm["id"]
    admin_id = world.admin.client.userid
    gm = world.as_bot.channels.create_group_message_channel([world.bot["id"], world.user["id"], admin_id])
    assert gm["type"] == "G" and len(gm["name"]) == 40
    names = sorted([world.bot["username"], world.user["username"], world.admin.client.username])
    assert gm["display_name"] == ", ".join(names)


def test_post_lifecycle(world: World) -> None:
    post = world.as_bot.posts.create_post({"channel_id": world.channel["id"], "message": "hello #contract"})
    assert set(post) == POST and post["metadata"] == {} and post["props"] == {"from_bot": "true"}
    assert post["hashtags"] == "#contract" and post["pending_post_id"]  # the driver sent one
    stored = world.as_bot.posts.get_post(post["id"])
    assert stored["pending_post_id"] == "" and stored["id"] == post["id"]
    reply = world.as_user.posts.create_post(
        {"channel_id": world.channel["id"], "message": "re", "root_id": post["id"]}
    )
    assert reply["root_id"] == post["id"] and reply["reply_count"] == 1 and reply["props"] == {}
    thread = world.as_bot.posts.get_thread(post["id"])
    assert thread["order"] == [post["id"], reply["id"]] or set(thread["order"]) == {post["id"], reply["id"]}
    assert set(thread) == {
        "order",
        "posts",
        "next_post_id",
        "prev_post_id",
        "has_next",
        "first_inaccessible_post_time",
    }
    listing = world.as_bot.posts.get_posts_for_channel(world.channel["id"], params={"per_page": 2})
    assert listing["order"] == [reply["id"], post["id"]]
    assert set(listing) == {"order", "posts", "next_post_id", "prev_post_id", "first_inaccessible_post_time"}
    patched = world.as_bot.posts.patch_post(post["id"], {"message": "edited"})
    assert (
        patched["message"] == "edited"
        and patched["edit_at"] > 0
        and patched["edit_at"] == patched["update_at"]
    )
    with pytest.raises(NotEnoughPermissions) as denied:
        world.as_bot.posts.patch_post(reply["id"], {"message": "not mine"})
    assert denied.value.error_id == "api.context.permissions.app_error"
    world.as_bot.posts.pin_post_to_channel(post["id"])
    pinned = world.as_bot.channels.get_channel_pinned_posts(world.channel["id"])
    assert pinned["order"] == [post["id"]] and pinned["posts"][post["id"]]["is_pinned"] is True
    assert world.as_bot.posts.unpin_post_to_channel(post["id"]) == {"status": "OK"}
    assert world.as_bot.posts.delete_post(post["id"]) == {"status": "OK"}
    for post_id in (post["id"], reply["id"]):  # a root takes its replies with it
        with pytest.raises(ResourceNotFound) as gone:
            world.as_bot.posts.get_post(post_id)
        assert gone.value.error_id == "app.post.get.app_error"


def test_pending_post_id_dedupe(world: World) -> None:
    pending = f"{world.bot['id']}:{time.time_ns()}"
    body = {"channel_id": world.channel["id"], "message": "once", "pending_post_id": pending}
    first = world.raw("POST", "/api/v4/posts", world.bot_token, json=body)
    second = world.raw("POST", "/api/v4/posts", world.bot_token, json={**body, "message": "other text"})
    assert (first.status_code, second.status_code) == (201, 201)
    assert second.json()["id"] == first.json()["id"] and second.json()["message"] == "once"
    assert "metadata" in first.json() and "metadata" not in second.json()  # the repeat is not prepared
    assert second.json()["pending_post_id"] == ""
    # the id alone decides: another author repeating it gets the bot's post
    by_user = world.raw("POST", "/api/v4/posts", world.user_token, json={**body, "message": "user"})
    assert by_user.status_code == 201 and by_user.json()["id"] == first.json()["id"]
    messages = [
        p["message"] for p in world.as_bot.posts.get_posts_for_channel(world.channel["id"])["posts"].values()
    ]
    assert messages.count("once") == 1 and "other text" not in messages and "user" not in messages


def test_post_errors(world: World) -> None:
    cases = [
        ({"channel_id": "x" * 26, "message": "x"}, 403, "api.context.permissions.app_error"),
        ({"message": "no channel"}, 403, "api.context.permissions.app_error"),
        (
            {"channel_id": world.channel["id"], "message": "x", "root_id": "y" * 26},
            400,
            "api.post.create_post.root_id.app_error",
        ),
    ]
    for body, status, error_id in cases:
        answer = world.raw("POST", "/api/v4/posts", world.bot_token, json=body)
        assert (answer.status_code, answer.json()["id"]) == (status, error_id), body
        assert set(answer.json()) == APP_ERROR and answer.json()["status_code"] == status
        assert answer.json()["request_id"] == answer.headers["X-Request-Id"]
    bad = world.raw(
        "POST", "/api/v4/posts", world.bot_token, data="{nope", headers={"Content-Type": "application/json"}
    )
    assert (bad.status_code, bad.json()["id"]) == (400, "api.context.invalid_body_param.app_error")


def test_auth_and_lookup_errors(world: World) -> None:
    for token in (None, "not-a-token"):
        answer = world.raw("GET", "/api/v4/users/me", token)
        assert (answer.status_code, answer.json()["id"]) == (401, "api.context.session_expired.app_error")
    with pytest.raises(NoAccessTokenProvided):
        world.driver("wrong-token")
    with pytest.raises(ResourceNotFound) as unknown:
        world.as_bot.users.get_user("u" * 26)
    assert unknown.value.error_id == "app.user.missing_account.const"
    with pytest.raises(InvalidOrMissingParameters) as bad:
        world.as_bot.users.get_user("nope")
    assert bad.value.error_id == "api.context.invalid_url_param.app_error"
    private = world.admin.channels.create_channel(
        {"team_id": world.team["id"], "name": f"p{time.time_ns()}", "display_name": "P", "type": "P"}
    )
    with pytest.raises(NotEnoughPermissions):
        world.as_bot.channels.get_channel(private["id"])


def test_reactions(world: World) -> None:
    post = world.as_user.posts.create_post({"channel_id": world.channel["id"], "message": "react to me"})
    reaction = world.as_bot.reactions.create_reaction(
        {"user_id": world.bot["id"], "post_id": post["id"], "emoji_name": "thumbsup"}
    )
    assert set(reaction) == REACTION and reaction["channel_id"] == world.channel["id"]
    assert [r["emoji_name"] for r in world.as_bot.reactions.get_reactions_of_post(post["id"])] == ["thumbsup"]
    shown = world.as_bot.posts.get_post(post["id"])
    assert shown["has_reactions"] is True and [r["emoji_name"] for r in shown["metadata"]["reactions"]] == [
        "thumbsup"
    ]
    with pytest.raises(NotEnoughPermissions) as other:
        world.as_bot.reactions.create_reaction(
            {"user_id": world.user["id"], "post_id": post["id"], "emoji_name": "smile"}
        )
    assert other.value.error_id == "api.reaction.save_reaction.user_id.app_error"
    assert world.as_bot.reactions.delete_reaction(world.bot["id"], post["id"], "thumbsup") == {"status": "OK"}
    assert world.as_bot.reactions.get_reactions_of_post(post["id"]) is None  # null, not []


def test_files(world: World) -> None:
    upload = world.as_bot.files.upload_file(world.channel["id"], {"files": ("hello.txt", b"hello file")})
    assert set(upload) == {"file_infos", "client_ids"} and upload["client_ids"] == []
    info = upload["file_infos"][0]
    assert set(info) == FILE_INFO and (info["name"], info["extension"], info["size"]) == (
        "hello.txt",
        "txt",
        10,
    )
    assert info["mime_type"] == "text/plain; charset=utf-8"
    assert world.as_bot.files.get_file(info["id"]).content == b"hello file"
    for kind in ("preview", "thumbnail"):
        answer = world.raw("GET", f"/api/v4/files/{info['id']}/{kind}", world.bot_token)
        assert (
            answer.status_code == 400
            and answer.json()["id"] == f"api.file.get_file_{kind}.no_{kind}.app_error"
        )
    post = world.as_bot.posts.create_post(
        {"channel_id": world.channel["id"], "message": "file", "file_ids": [info["id"]]}
    )
    assert post["file_ids"] == [info["id"]] and post["metadata"]["files"][0]["post_id"] == post["id"]
    attached = world.as_bot.posts.get_file_info_for_post(post["id"])
    assert set(attached[0]) == FILE_INFO | {"post_id"}


def test_statuses_and_view(world: World) -> None:
    status = world.as_user.status.update_user_status(
        world.user["id"], {"user_id": world.user["id"], "status": "dnd"}
    )
    assert set(status) == STATUS - {"active_channel"}  # omitted while no channel was viewed
    assert (status["status"], status["manual"]) == ("dnd", True)
    assert world.as_bot.status.get_user_status(world.user["id"])["status"] == "dnd"
    found = world.as_bot.status.get_user_statuses_by_id([world.user["id"]])
    assert [s["user_id"] for s in found] == [world.user["id"]]
    bad = world.raw(
        "PUT",
        f"/api/v4/users/{world.user['id']}/status",
        world.user_token,
        json={"user_id": world.user["id"], "status": "sleepy"},
    )
    assert (bad.status_code, bad.json()["id"]) == (400, "api.context.invalid_body_param.app_error")
    world.as_bot.posts.create_post({"channel_id": world.channel["id"], "message": "unread"})
    viewed = world.as_user.channels.view_channel(world.user["id"], {"channel_id": world.channel["id"]})
    assert viewed["status"] == "OK" and set(viewed["last_viewed_at_times"]) == {world.channel["id"]}
    assert world.as_bot.status.get_user_status(world.user["id"])["active_channel"] == world.channel["id"]
    assert world.as_user.users.publish_user_typing(world.user["id"], {"channel_id": world.channel["id"]}) == {
        "status": "OK"
    }


def test_incoming_webhook(world: World) -> None:
    hook = world.admin.webhooks.create_incoming_hook(
        {"channel_id": world.channel["id"], "display_name": "contract"}
    )
    called = world.raw(
        "POST", f"/hooks/{hook['id']}", None, json={"text": "from the hook", "username": "hooky"}
    )
    assert (called.status_code, called.text, called.headers["Content-Type"]) == (200, "ok", "text/plain")
    posts = world.as_bot.posts.get_posts_for_channel(world.channel["id"])["posts"].values()
    post = next(p for p in posts if p["message"] == "from the hook")
    assert post["props"] == {
        "from_webhook": "true",
        "override_username": "hooky",
        "webhook_display_name": "contract",
    }
    assert "remote_id" not in post
    empty = world.raw("POST", f"/hooks/{hook['id']}", None, json={})
    assert (empty.status_code, empty.json()["id"]) == (400, "web.incoming_webhook.general.app_error")


def test_channel_posts_paging(world: World) -> None:
    ids = [
        world.as_bot.posts.create_post({"channel_id": world.channel["id"], "message": f"p{i}"})["id"]
        for i in range(5)
    ]
    get = world.as_bot.posts.get_posts_for_channel
    channel_id = world.channel["id"]

    def order(**params: object) -> list:  # type: ignore[type-arg]
        return [i for i in get(channel_id, params=params)["order"] if i in ids]

    assert order(per_page=2) == [ids[4], ids[3]]
    assert order(per_page=2, page=1) == [ids[2], ids[1]]
    assert order(before=ids[2], per_page=10) == [ids[1], ids[0]]
    assert order(after=ids[2], per_page=10) == [ids[4], ids[3]]
    assert order(after=ids[0], per_page=2) == [ids[2], ids[1]]  # the two just after, newest first
    created = world.as_bot.posts.get_post(ids[3])["create_at"]
    assert order(since=created) == [ids[4]] or order(since=created) == [ids[4], ids[3]]
