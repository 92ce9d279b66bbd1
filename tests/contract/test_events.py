"""Websocket events: the same events, with the same shapes, for the same actions, on both backends.

Each test compares the events the fake also sends (``FAKE_EVENTS``): it waits for the events it
expects, then for a sentinel (someone else typing in the channel), so that an event the action
should not have caused and that came meanwhile is seen too.
"""

from __future__ import annotations

import json
import queue
import time
from typing import Any, Iterator, List, Tuple

import pytest

from mattermostdriver import Driver, NotEnoughPermissions

from ..support.ws_server import TcpRelay
from .conftest import FAKE_EVENTS, Listener, World, post_of

BROADCAST = {"omit_users", "user_id", "channel_id", "team_id", "connection_id", "omit_connection_id"}
POSTED = {
    "channel_display_name",
    "channel_name",
    "channel_type",
    "post",
    "sender_name",
    "set_online",
    "team_id",
}


def settle(world: World, listener: Listener, typist: Driver, *channels: str) -> List[str]:
    """The names of the events received since the last call, up to a sentinel ``typing`` from ``typist``.

    With ``channels``, only events about those channels, the world's channel and none (the
    user's own) count: the real server also tells of the team's default channels (town-square,
    off-topic), which the fake does not make.
    """
    typing = {"channel_id": world.channel["id"], "parent_id": "sentinel"}
    typist.users.publish_user_typing(typist.client.userid, typing)
    listener.wait("typing", lambda e: e["data"]["parent_id"] == "sentinel")
    listener.names()
    events = [e for e in listener.events if e.get("event") in FAKE_EVENTS and e["event"] != "hello"]
    if channels:
        wanted = {*channels, world.channel["id"], ""}
        events = [e for e in events if e["broadcast"]["channel_id"] in wanted]
    listener.clear()
    names = [e["event"] for e in events]
    assert names[-1] == "typing"
    return names[:-1]


def test_hello_and_status(world: World) -> None:
    listener = world.listen(world.bot_token)
    hello = listener.hello
    assert set(hello) == {"event", "data", "broadcast", "seq"} and hello["seq"] == 0
    assert set(hello["data"]) == {"connection_id", "server_hostname", "server_version"}
    assert len(hello["data"]["connection_id"]) == 26
    assert set(hello["broadcast"]) == BROADCAST and hello["broadcast"]["user_id"] == world.bot["id"]
    change = listener.wait("status_change")  # the bot was offline until its websocket came
    assert change["data"] == {"status": "online", "user_id": world.bot["id"]} and change["seq"] == 1
    assert change["broadcast"]["user_id"] == world.bot["id"]


def test_posts_events(world: World) -> None:
    bot = world.listen(world.bot_token)
    user = world.listen(world.user_token)
    for listener in (bot, user):
        listener.wait("status_change")  # offline until connected
        listener.clear()
    post = world.as_user.posts.create_post(
        {"channel_id": world.channel["id"], "message": f"hi @{world.bot['username']}"}
    )
    event = bot.wait("posted")
    assert set(event["data"]) == POSTED | {"mentions"} and event["data"]["mentions"] == [world.bot["id"]]
    assert (event["data"]["channel_type"], event["data"]["sender_name"]) == (
        "O",
        "@" + world.user["username"],
    )
    assert event["data"]["set_online"] is True and event["data"]["team_id"] == world.team["id"]
    assert (
        event["broadcast"]["channel_id"] == world.channel["id"] and event["broadcast"]["omit_users"] is None
    )
    assert post_of(event) == {**post, "pending_post_id": post["pending_post_id"]}
    user.wait("multiple_channels_viewed")  # a person who posts has read the channel
    assert settle(world, bot, world.as_user) == ["posted"]
    assert settle(world, user, world.as_bot) == ["posted", "multiple_channels_viewed"]

    reply = world.as_bot.posts.create_post(
        {"channel_id": world.channel["id"], "message": "reply", "root_id": post["id"]}
    )
    event = user.wait("posted", lambda e: post_of(e)["id"] == reply["id"])
    assert "mentions" not in event["data"] and post_of(event)["props"] == {"from_bot": "true"}
    world.as_bot.posts.patch_post(reply["id"], {"message": "edited"})
    edited = user.wait("post_edited")
    assert set(edited["data"]) == {"post"} and post_of(edited)["message"] == "edited"
    world.as_bot.posts.delete_post(reply["id"])
    deleted = user.wait("post_deleted")
    assert "metadata" not in post_of(deleted) and deleted["broadcast"]["contains_sanitized_data"] is True
    assert settle(world, user, world.as_bot) == ["posted", "post_edited", "post_deleted"]
    assert settle(world, bot, world.as_user) == ["posted", "post_edited", "post_deleted"]


def test_reaction_pin_typing_view_events(world: World) -> None:
    user = world.listen(world.user_token)
    user.wait("status_change")
    post = world.as_user.posts.create_post({"channel_id": world.channel["id"], "message": "react"})
    user.wait("multiple_channels_viewed")
    user.clear()
    world.as_bot.reactions.create_reaction(
        {"user_id": world.bot["id"], "post_id": post["id"], "emoji_name": "tada"}
    )
    added = user.wait("reaction_added")
    assert (
        added["data"]["reaction"]["emoji_name"] == "tada"
        and added["broadcast"]["channel_id"] == world.channel["id"]
    )
    world.as_bot.reactions.delete_reaction(world.bot["id"], post["id"], "tada")
    removed = user.wait("reaction_removed")["data"]["reaction"]
    assert (removed["emoji_name"], removed["create_at"], removed["channel_id"]) == ("tada", 0, "")
    world.as_bot.posts.pin_post_to_channel(post["id"])
    assert post_of(user.wait("post_edited"))["is_pinned"] is True
    world.as_bot.users.publish_user_typing(
        world.bot["id"], {"channel_id": world.channel["id"], "parent_id": post["id"]}
    )
    typing = user.wait("typing", lambda e: e["data"]["parent_id"] == post["id"])
    assert typing["data"] == {"parent_id": post["id"], "user_id": world.bot["id"]}
    assert typing["broadcast"]["omit_users"] == {world.bot["id"]: True}
    world.as_bot.posts.create_post({"channel_id": world.channel["id"], "message": "unread for the user"})
    world.as_user.channels.view_channel(world.user["id"], {"channel_id": world.channel["id"]})
    viewed = user.wait("multiple_channels_viewed")
    assert list(viewed["data"]["channel_times"]) == [world.channel["id"]]
    assert viewed["broadcast"]["user_id"] == world.user["id"]
    names = settle(world, user, world.as_bot)
    assert names == [
        "reaction_added",
        "reaction_removed",
        "post_edited",
        "typing",
        "posted",
        "multiple_channels_viewed",
    ]
    world.as_user.channels.view_channel(
        world.user["id"], {"channel_id": world.channel["id"]}
    )  # nothing unread
    assert settle(world, user, world.as_bot) == []


def test_membership_and_direct_events(world: World) -> None:
    bot = world.listen(world.bot_token)
    bot.wait("status_change")
    bot.clear()
    dm = world.as_user.channels.create_direct_message_channel([world.user["id"], world.bot["id"]])
    direct = bot.wait("direct_added")
    assert direct["data"] == {"creator_id": world.user["id"], "teammate_id": world.bot["id"]}
    assert direct["broadcast"]["channel_id"] == dm["id"]
    newcomer = world.admin.users.create_user(
        {
            "username": f"n{time.time_ns()}",
            "email": f"n{time.time_ns()}@example.com",
            "password": "Contract-pw-1",
        }
    )
    try:
        world.admin.teams.add_user_to_team(
            world.team["id"], {"team_id": world.team["id"], "user_id": newcomer["id"]}
        )
        world.admin.channels.add_user(world.channel["id"], {"user_id": newcomer["id"]})
        added = bot.wait("user_added", lambda e: e["broadcast"]["channel_id"] == world.channel["id"])
        assert added["data"] == {"team_id": world.team["id"], "user_id": newcomer["id"]}
        assert added["broadcast"]["omit_users"] == {newcomer["id"]: True}
        system = post_of(bot.wait("posted", lambda e: e["broadcast"]["channel_id"] == world.channel["id"]))
        assert system["type"] == "system_add_to_channel" and system["props"]["addedUserId"] == newcomer["id"]
        assert "remote_id" not in system
        assert settle(world, bot, world.as_user, dm["id"]) == ["direct_added", "user_added", "posted"]
    finally:
        if world.kind == "real":
            world.admin.users.deactivate_user(newcomer["id"])


def test_actions(world: World) -> None:
    listener = world.listen(world.bot_token)
    pong = listener.ws.send_action("ping", wait=True)
    assert pong["status"] == "OK" and set(pong["data"]) == {"node_id", "server_time", "text", "version"}
    statuses = listener.ws.get_statuses_by_ids([world.bot["id"]])
    assert statuses == {world.bot["id"]: "online"}
    with pytest.raises(Exception) as failed:
        listener.ws.send_action("no_such_action", wait=True)
    assert getattr(failed.value, "error_id", "") == "api.web_socket_router.bad_action.app_error"


@pytest.fixture
def relay(world: World) -> Iterator[TcpRelay]:
    r = TcpRelay(int(world.url.rsplit(":", 1)[1]))
    yield r
    r.close()


def test_resume_after_a_drop(world: World, relay: TcpRelay) -> None:
    listener = Listener(f"http://127.0.0.1:{relay.port}", world.bot_token)
    try:
        first_id = listener.hello["data"]["connection_id"]
        relay.cut()
        deadline = time.monotonic() + 15
        while listener.ws.connected and time.monotonic() < deadline:
            time.sleep(0.02)
        missed = [
            world.as_user.posts.create_post(
                {"channel_id": world.channel["id"], "message": f"while dropped {i}"}
            )["id"]
            for i in range(3)
        ]
        relay.accepting.set()
        for post_id in missed:
            listener.wait("posted", lambda e, p=post_id: post_of(e)["id"] == p, timeout=30)
        assert listener.ws.connection_id == first_id  # resumed: no new hello
        seqs = [e["seq"] for e in listener.events if "seq" in e]
        assert seqs == sorted(set(seqs))  # each event once, in order
        assert [e["event"] for e in listener.events].count("hello") == 1
        assert json.loads(json.dumps(listener.events))  # plain JSON
    finally:
        listener.close()


def test_slash_command_and_button(world: World, endpoint: Tuple[str, queue.Queue[Tuple[str, Any]]]) -> None:
    url, received = endpoint
    with pytest.raises(NotEnoughPermissions):  # a plain member may not manage slash commands
        world.as_bot.commands.create_command({"team_id": world.team["id"], "trigger": "x", "url": url})
    world.admin.commands.create_command(
        {"team_id": world.team["id"], "trigger": "contract", "url": url + "/command", "method": "P"}
    )
    user = world.listen(world.user_token)
    user.wait("status_change")
    answer = world.as_user.commands.execute_command(
        {"channel_id": world.channel["id"], "command": "/contract hi there"}
    )
    kind, form = received.get(timeout=15)
    assert kind == "command"
    assert (form["command"], form["text"], form["user_name"]) == (
        "/contract",
        "hi there",
        world.user["username"],
    )
    assert (form["channel_id"], form["team_id"], form["user_id"]) == (
        world.channel["id"],
        world.team["id"],
        world.user["id"],
    )
    assert form["token"] and form["trigger_id"]
    assert answer["response_type"] == "in_channel" and answer["text"] == "echo: hi there"
    echoed = post_of(user.wait("posted", lambda e: post_of(e)["message"] == "echo: hi there"))
    assert echoed["user_id"] == world.user["id"]

    button = {"id": "yes", "name": "Yes", "integration": {"url": url + "/action", "context": {"env": "prod"}}}
    post = world.as_bot.posts.create_post(
        {
            "channel_id": world.channel["id"],
            "message": "",
            "props": {"attachments": [{"text": "Deploy?", "actions": [button]}]},
        }
    )
    user.clear()
    clicked = world.as_user.posts.perform_post_action(post["id"], "yes", {})
    kind, payload = received.get(timeout=15)
    assert kind == "action" and payload["context"] == {"env": "prod"}
    assert (payload["post_id"], payload["user_id"], payload["channel_id"]) == (
        post["id"],
        world.user["id"],
        world.channel["id"],
    )
    assert clicked["status"] == "OK"
    edited = post_of(user.wait("post_edited"))
    assert edited["id"] == post["id"] and edited["message"] == "clicked by " + world.user["username"]
    ephemeral = post_of(user.wait("ephemeral_message"))
    assert ephemeral["message"] == "done" and ephemeral["channel_id"] == world.channel["id"]
