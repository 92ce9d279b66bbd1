"""A typed script over the Driver: what a type checker must see for every kind of return.

Never run: ``scripts/test`` checks it with ``mypy --strict`` and with pyright (basedpyright,
``tests/typecheck/pyrightconfig.json``); each ``assert_type`` fails the build when the driver's
types say otherwise. ``test_checkers.py`` proves that a wrong ``assert_type`` fails both.
"""

from __future__ import annotations

import io
from typing import Any, Dict, Iterator, List, Optional, Type

import requests
from typing_extensions import assert_type

import mattermostdriver
from mattermostdriver import ApiError, AsyncDriver, Driver, ResourceNotFound, TooManyRequests, Websocket
from mattermostdriver.retry import Retry
from mattermostdriver.testing import MockResponse, MockTransport
from mattermostdriver.types import Channel, FileInfo, Post, PostList, StatusOK, Team, User
from mattermostdriver.websocket import decode_event


def users_and_teams(d: Driver) -> None:
    me = d.login()
    assert_type(me, User)
    assert_type(me["id"], str)
    assert_type(me["username"], str)
    assert_type(me["nickname"], str)
    assert_type(me.get("is_bot"), Optional[bool])
    user = d.users.get_user("me")
    assert_type(user, User)
    assert_type(user["username"], str)
    assert_type(user["delete_at"], int)
    assert_type(user.get("timezone"), Optional[Dict[str, Any]])
    assert_type(d.users.get_users({"per_page": 10}), List[User])
    assert_type(d.users.get_user_by_username("alice"), User)
    assert_type(d.users.get_known_users(), List[str])
    team = d.teams.get_team_by_name("ops")
    assert_type(team, Team)
    assert_type(team["name"], str)
    channel = d.channels.get_channel_by_name(team["id"], "town-square")
    assert_type(channel, Channel)
    assert_type(channel["team_id"], str)
    assert_type(d.channels.get_channels_for_user(me["id"], team["id"]), List[Channel])
    assert_type(d.status.get_user_status(me["id"]), Dict[str, Any])
    assert_type(d.channels.add_user(channel["id"], {"user_id": me["id"]}), Any)


def posts(d: Driver, channel_id: str) -> None:
    post = d.posts.create_post({"channel_id": channel_id, "message": "hello"})
    assert_type(post, Post)
    assert_type(post["id"], str)
    assert_type(post["channel_id"], str)
    assert_type(post["message"], str)
    assert_type(post["create_at"], int)
    assert_type(post["root_id"], str)
    assert_type(post.get("file_ids"), Optional[List[str]])
    root_id = post["root_id"] or post["id"]  # a reply to a reply goes to the thread's root
    reply = d.posts.create_post({"channel_id": channel_id, "root_id": root_id, "message": "re"})
    assert_type(reply, Post)
    page = d.posts.get_posts_for_channel(channel_id, per_page=20)
    assert_type(page, PostList)
    assert_type(page["order"], List[str])
    assert_type(page["posts"], Dict[str, Post])
    assert_type(d.posts.get_thread(post["id"]), PostList)
    assert_type(d.posts.delete_post(reply["id"]), StatusOK)
    assert_type(d.posts.delete_post(reply["id"])["status"], str)
    assert_type(d.reactions.get_reactions_of_post(post["id"]), Optional[List[Dict[str, Any]]])
    assert_type(d.reactions.create_reaction({"post_id": post["id"]}), Dict[str, Any])


def iterators(d: Driver, channel_id: str) -> None:
    users = d.users.iter_users({"active": True})
    assert_type(users, Iterator[User])
    for user in users:
        assert_type(user["username"], str)
    for post in d.posts.iter_posts_for_channel(channel_id):
        assert_type(post, Post)
    for team in d.teams.iter_teams():
        assert_type(team, Team)


def files(d: Driver, channel_id: str) -> None:
    uploaded = d.files.upload_file(channel_id, {"files": ("a.txt", io.BytesIO(b"hi"))})
    assert_type(uploaded, Dict[str, Any])
    info = d.files.get_file_metadata("file-id")
    assert_type(info, FileInfo)
    assert_type(info["size"], int)
    assert_type(info["name"], str)
    assert_type(d.posts.get_file_info_for_post("post-id"), List[FileInfo])
    response = d.files.get_file("file-id")
    assert_type(response, requests.Response)
    assert_type(d.files.head_file("file-id"), requests.Response)
    assert_type(d.files.download_file("file-id", "/tmp/a.txt"), int)
    assert_type(d.uploads.upload_file_resumable(channel_id, "/tmp/big.bin"), FileInfo)
    assert_type(d.uploads.get_upload("upload-id"), Dict[str, Any])
    assert_type(d.webhooks.call_webhook("hook-id", {"text": "hi"}), requests.Response)


def nothing_and_errors(d: Driver) -> None:
    assert_type(d.playbooks.end_playbook_run("run-id"), None)
    assert_type(d.shared_channels.uninvite_remote_cluster_to_channel("r", "c"), Optional[StatusOK])
    try:
        d.users.get_user("nobody")
    except ResourceNotFound as e:
        assert_type(e.status_code, Optional[int])
        assert_type(e.error_id, str)
    except TooManyRequests as e:
        assert_type(e.retry_after, Optional[float])
    except ApiError as e:
        assert_type(e.request_id, str)
    assert_type(d.logout(), StatusOK)


def websocket(d: Driver) -> None:
    def handler(message: str) -> None:
        print(message)

    ws = d.init_websocket(handler, blocking=False)
    assert_type(ws, Websocket)
    ws.disconnect()
    assert_type(d.websocket, Optional[Websocket])
    assert_type(Websocket(d.options, d.client.token).start(handler), Websocket)


def the_client_and_events(d: Driver) -> None:
    """What scripts reach below the areas: the raw request, and a decoded websocket event."""
    response = d.client.make_request("get", "/users/me")
    assert_type(response, requests.Response)
    assert_type(d.client.get("/users/me"), Any)  # any route: the parsed JSON, shape unknown
    assert_type(decode_event({"event": "posted", "data": {}}), Dict[str, Any])


def the_front_door() -> None:
    assert_type(mattermostdriver.__version__, str)
    assert_type(mattermostdriver.AsyncDriver, Type[mattermostdriver.AsyncDriver])
    assert_type(mattermostdriver.Websocket, Type[Websocket])
    with Driver({"url": "https://chat.example.com", "token": "t"}) as d:
        assert_type(d, Driver)
        assert_type(d.client.token, Optional[str])
        assert_type(d.client.userid, str)
        assert_type(d.options["url"], Any)


def a_unit_test_without_a_server() -> None:
    """A transport of the test's own, a retry policy that does not wait; the async driver takes both."""

    def handler(request: requests.PreparedRequest) -> requests.Response:
        return MockResponse(200, json={"id": "u1", "username": "bot"})

    waits: List[float] = []
    policy = Retry(total=2, sleep=waits.append)
    d = Driver(
        {"url": "https://chat.example.com", "token": "t"}, transport=MockTransport(handler), retry=policy
    )
    assert_type(d.client.retry, Retry)
    assert_type(d.client.retry.new(total=0), Retry)
    assert_type(d.users.get_user("me"), User)
    a = AsyncDriver({"url": "https://chat.example.com"}, transport=MockTransport(handler), retry=policy)
    assert_type(a.client.retry, Retry)
