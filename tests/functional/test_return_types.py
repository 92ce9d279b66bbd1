"""The return annotations against the real server: each call's value must be what its method says.

A sample of routes of every kind (TypedDicts, lists of them, other objects, lists of strings,
``StatusOK``, JSON null, binary ``Response``s, ``HEAD``) is called and its answer checked with
:func:`tests.support.return_types.conforms` against the method's own annotation, so that an
annotation that lies about a real answer fails here.
"""

from __future__ import annotations

import asyncio
import io
import json
from typing import Any, Callable, Dict, List
from urllib.parse import parse_qs, urlsplit

import pytest

from mattermostdriver import AsyncDriver, Driver
from mattermostdriver.endpoints import all_endpoints
from mattermostdriver.types import Post, PostList, User, WebsocketEvent

from ..support.return_types import conforms, mismatch
from ..unit.test_return_types import return_hint
from .conftest import unique, wait_for
from .test_misc import tiny_png

ENDPOINTS = all_endpoints()
checked: List[str] = []


def answer(key: str, value: Any) -> Any:
    """Fail unless ``value``, what ``driver.<key>(...)`` returned, matches the method's annotation."""
    attribute, name = key.split(".")
    hint = return_hint(getattr(ENDPOINTS[attribute], name))
    problem = mismatch(value, hint)
    assert problem is None, f"{key} is annotated {hint}: {problem}"
    checked.append(key)
    return value


def call(driver: Driver, key: str, *args: Any, **kwargs: Any) -> Any:
    attribute, name = key.split(".")
    return answer(key, getattr(getattr(driver, attribute), name)(*args, **kwargs))


def test_users_teams_and_channels(admin: Driver, team: Dict[str, Any], channel: Dict[str, Any]) -> None:
    me = call(admin, "users.get_user", "me")
    call(admin, "users.get_user_by_username", me["username"])
    call(admin, "users.get_users", {"in_team": team["id"], "per_page": 20})
    call(admin, "users.get_users_by_ids", [me["id"]])
    call(admin, "users.search_users", {"term": me["username"]})
    call(admin, "users.autocomplete_users", name=me["username"][:3])
    call(admin, "users.get_known_users")
    call(admin, "users.get_stats")
    call(admin, "teams.get_team", team["id"])
    call(admin, "teams.get_team_by_name", team["name"])
    call(admin, "teams.get_user_teams", me["id"])
    call(admin, "teams.get_team_member", team["id"], me["id"])
    call(admin, "teams.get_team_members", team["id"])
    call(admin, "teams.get_team_stats", team["id"])
    call(admin, "channels.get_channel", channel["id"])
    call(admin, "channels.get_channel_by_name", team["id"], channel["name"])
    call(admin, "channels.get_channels_for_user", me["id"], team["id"])
    call(admin, "channels.get_public_channels", team["id"])
    call(admin, "teams.get_public_channels", team["id"])
    call(admin, "channels.get_channel_members", channel["id"])
    call(admin, "channels.get_channel_member", channel["id"], me["id"])
    call(admin, "channels.get_channel_statistics", channel["id"])
    call(admin, "channels.get_unread_messages", me["id"], channel["id"])
    call(admin, "channels.get_sidebar_categories_for_team_for_user", me["id"], team["id"])
    call(admin, "channels.get_sidebar_category_order_for_team_for_user", me["id"], team["id"])
    call(admin, "channels.patch_channel", channel["id"], {"purpose": "return types"})
    call(admin, "channels.view_channel", me["id"], {"channel_id": channel["id"]})
    call(admin, "status.get_user_status", me["id"])
    call(admin, "system.get_client_configuration", {"format": "old"})
    call(admin, "roles.get_all_roles")


def test_posts_and_status_ok(admin: Driver, channel: Dict[str, Any]) -> None:
    root = call(admin, "posts.create_post", {"channel_id": channel["id"], "message": unique("root")})
    reply = call(
        admin, "posts.create_post", {"channel_id": channel["id"], "message": "a reply", "root_id": root["id"]}
    )
    call(admin, "posts.get_post", root["id"])
    call(admin, "posts.patch_post", root["id"], {"message": "patched"})
    call(admin, "posts.update_post", root["id"], {"id": root["id"], "message": "updated"})
    call(admin, "posts.get_posts_for_channel", channel["id"])
    call(admin, "posts.get_thread", root["id"])
    call(admin, "posts.get_posts_by_ids", [root["id"], reply["id"]])
    call(admin, "posts.get_edit_history_for_post", root["id"])
    call(
        admin, "posts.search_for_team_posts", channel["team_id"], {"terms": "patched", "is_or_search": False}
    )
    call(admin, "posts.pin_post_to_channel", root["id"])
    call(admin, "channels.get_channel_pinned_posts", channel["id"])
    call(admin, "posts.unpin_post_to_channel", root["id"])
    call(admin, "posts.get_file_info_for_post", root["id"])
    call(admin, "posts.delete_post", reply["id"])
    thread = admin.posts.get_thread(root["id"])
    assert conforms(thread, PostList) and not conforms(thread, List[Post])  # the check tells them apart


def test_json_null_and_lists(admin: Driver, channel: Dict[str, Any]) -> None:
    """Routes an 11.4 server answers null for nothing: annotated Optional, and checked both ways."""
    post = admin.posts.create_post({"channel_id": channel["id"], "message": "react to me"})
    assert call(admin, "reactions.get_reactions_of_post", post["id"]) is None
    call(
        admin,
        "reactions.create_reaction",
        {"user_id": admin.client.userid, "post_id": post["id"], "emoji_name": "thumbsup"},
    )
    assert len(call(admin, "reactions.get_reactions_of_post", post["id"])) == 1
    call(admin, "reactions.delete_reaction", admin.client.userid, post["id"], "thumbsup")
    assert call(admin, "channels.get_channel_members_timezones", channel["id"]) is None
    call(admin, "jobs.get_jobs", page=10_000)


def test_files_and_binary_answers(admin: Driver, channel: Dict[str, Any]) -> None:
    uploaded = call(admin, "files.upload_file", channel["id"], {"files": ("dot.png", tiny_png())})
    info = uploaded["file_infos"][0]
    answer("files.get_file_metadata", admin.files.get_file_metadata(info["id"]))
    post = admin.posts.create_post(
        {"channel_id": channel["id"], "message": "a file", "file_ids": [info["id"]]}
    )
    assert [i["id"] for i in call(admin, "posts.get_file_info_for_post", post["id"])] == [info["id"]]
    assert call(admin, "files.get_file", info["id"]).content == tiny_png()
    link = call(admin, "files.get_public_file_link", info["id"])["link"]
    head = call(admin, "files.head_file_public", info["id"], h=parse_qs(urlsplit(link).query)["h"][0])
    assert head.headers["Content-Type"].startswith("image/png") and not head.content
    call(admin, "users.get_user_profile_image", admin.client.userid)
    call(admin, "users.get_default_profile_image", admin.client.userid)
    resumable = call(
        admin, "uploads.upload_file_resumable", channel["id"], io.BytesIO(b"chunk" * 100), filename="r.bin"
    )
    assert resumable["size"] == 500


def test_iterators_yield_what_they_say(admin: Driver, team: Dict[str, Any], channel: Dict[str, Any]) -> None:
    admin.posts.create_post({"channel_id": channel["id"], "message": "iterated"})
    for key, make in {
        "users.iter_users": lambda: admin.users.iter_users({"in_team": team["id"]}, per_page=2),
        "teams.iter_team_members": lambda: admin.teams.iter_team_members(team["id"], per_page=2),
        "channels.iter_public_channels": lambda: admin.channels.iter_public_channels(team["id"]),
        "posts.iter_posts_for_channel": lambda: admin.posts.iter_posts_for_channel(channel["id"]),
    }.items():
        attribute, name = key.split(".")
        item_hint = return_hint(getattr(ENDPOINTS[attribute], name)).__args__[0]
        items = list(make())
        assert items, key
        problems = [p for p in (mismatch(item, item_hint) for item in items) if p]
        assert not problems, f"{key} yields {problems[0]}"


def test_any_is_left_where_the_shape_depends_on_the_call(admin: Driver, team: Dict[str, Any]) -> None:
    """teams.get_teams stays Any: a list, or an object with the total count when asked for it."""
    assert isinstance(call(admin, "teams.get_teams"), list)
    counted = call(admin, "teams.get_teams", include_total_count=True)
    assert isinstance(counted, dict) and {"teams", "total_count"} <= counted.keys()


def test_login_and_websocket_events(server: Dict[str, str], channel: Dict[str, Any]) -> None:
    """The driver's own results: login's :class:`User`, and every event the websocket hands over
    (the hello, a posted event...) is a :class:`WebsocketEvent` with its required keys."""
    d = Driver({"url": server["MM_URL"], "token": server["MM_TOKEN"]})
    me = d.login()
    assert mismatch(me, User) is None
    received: List[Dict[str, Any]] = []
    ws = d.init_websocket(lambda message: received.append(json.loads(message)), blocking=False)
    try:
        wait_for(lambda: any(e.get("event") == "hello" for e in list(received)))
        text = unique("event")
        d.posts.create_post({"channel_id": channel["id"], "message": text})
        wait_for(lambda: any(text in e.get("data", {}).get("post", "") for e in list(received)))
    finally:
        ws.disconnect()
        d.client.close()
    events = [e for e in received if "event" in e]
    problems = [p for p in (mismatch(e, WebsocketEvent, f"the {e['event']} event") for e in events) if p]
    assert not problems, problems
    assert {"hello", "posted"} <= {e["event"] for e in events}


def test_async_driver_answers_the_same_kinds(server: Dict[str, str], channel: Dict[str, Any]) -> None:
    """With AsyncDriver the same annotated methods return awaitables of the same values."""

    async def main() -> None:
        d = AsyncDriver({"url": server["MM_URL"], "token": server["MM_TOKEN"]})
        try:
            assert mismatch(await d.login(), User) is None
            answer("users.get_user", await d.users.get_user("me"))
            answer("channels.get_channel", await d.channels.get_channel(channel["id"]))
            answer("posts.get_posts_for_channel", await d.posts.get_posts_for_channel(channel["id"]))
            answer("users.get_user_profile_image", await d.users.get_user_profile_image(d.client.userid))
        finally:
            await d.close()

    asyncio.run(main())


@pytest.fixture(scope="module", autouse=True)
def every_kind_was_checked() -> Any:
    """At the end: the sample covered every kind of annotation it is meant to cover."""
    yield
    kinds: Dict[str, Callable[[Any], bool]] = {
        "TypedDict": lambda h: hasattr(h, "__total__"),
        "List": lambda h: getattr(h, "__origin__", None) is list,
        "Optional": lambda h: type(None) in getattr(h, "__args__", ()),
        "Response": lambda h: getattr(h, "__name__", "") == "Response",
        "Dict": lambda h: getattr(h, "__origin__", None) is dict,
    }
    if len(checked) > 50:  # the whole module ran
        hints = [return_hint(getattr(ENDPOINTS[k.split(".")[0]], k.split(".")[1])) for k in checked]
        missing = [kind for kind, test in kinds.items() if not any(test(h) for h in hints)]
        assert not missing, missing
