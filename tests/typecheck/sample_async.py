"""A typed bot over the AsyncDriver: every call is awaited (or ``async for``) and typed as what it is.

Never run: checked with ``mypy --strict`` and pyright by ``scripts/test``, as ``sample_sync.py``.
``AsyncDriver`` is imported the README's way, from the package's front door.
"""

from __future__ import annotations

import io
from typing import Any, AsyncIterator, Dict, List, Optional

import requests
from typing_extensions import assert_type

from mattermostdriver import AsyncDriver, Websocket
from mattermostdriver.types import Channel, FileInfo, Post, PostList, StatusOK, Team, User


async def users_and_teams(d: AsyncDriver) -> None:
    me = await d.login()
    assert_type(me, User)
    assert_type(me["username"], str)
    user = await d.users.get_user("me")
    assert_type(user, User)
    assert_type(user["username"], str)
    assert_type(await d.users.get_users({"per_page": 10}), List[User])
    assert_type(await d.users.get_known_users(), List[str])
    team = await d.teams.get_team_by_name("ops")
    assert_type(team, Team)
    channel = await d.channels.get_channel_by_name(team["id"], "town-square", include_deleted=True)
    assert_type(channel, Channel)
    assert_type(await d.status.get_user_status(me["id"]), Dict[str, Any])
    assert_type(await d.channels.add_user(channel["id"], {"user_id": me["id"]}), Any)


async def posts(d: AsyncDriver, channel_id: str) -> None:
    post = await d.posts.create_post({"channel_id": channel_id, "message": "hello"})
    assert_type(post, Post)
    assert_type(post["message"], str)
    page = await d.posts.get_posts_for_channel(channel_id, per_page=20)
    assert_type(page, PostList)
    assert_type(page["posts"], Dict[str, Post])
    assert_type(await d.posts.delete_post(post["id"]), StatusOK)
    assert_type(await d.reactions.get_reactions_of_post(post["id"]), Optional[List[Dict[str, Any]]])
    assert_type(await d.playbooks.end_playbook_run("run-id"), None)
    assert_type(await d.shared_channels.uninvite_remote_cluster_to_channel("r", "c"), Optional[StatusOK])


async def iterators(d: AsyncDriver, channel_id: str) -> None:
    users = d.users.iter_users({"active": True})
    assert_type(users, AsyncIterator[User])
    async for user in users:
        assert_type(user["username"], str)
    async for post in d.posts.iter_posts_for_channel(channel_id, after="post-id"):
        assert_type(post, Post)
    async for team in d.teams.iter_teams():
        assert_type(team, Team)


async def files(d: AsyncDriver, channel_id: str) -> None:
    uploaded = await d.files.upload_file(channel_id, {"files": ("a.txt", io.BytesIO(b"hi"))})
    assert_type(uploaded, Dict[str, Any])
    info = await d.files.get_file_metadata("file-id")
    assert_type(info, FileInfo)
    response = await d.files.get_file("file-id")
    assert_type(response, requests.Response)
    assert_type(await d.files.head_file("file-id"), requests.Response)
    assert_type(await d.files.download_file("file-id", "/tmp/a.txt"), int)
    assert_type(await d.uploads.upload_file_resumable(channel_id, "/tmp/big.bin"), FileInfo)
    assert_type(await d.webhooks.call_webhook("hook-id", {"text": "hi"}), requests.Response)


async def websocket_and_end(d: AsyncDriver) -> None:
    async def handler(message: str) -> None:
        print(message)

    assert_type(await d.init_websocket(handler), None)
    assert_type(d.websocket, Optional[Websocket])
    d.disconnect()
    assert_type(await d.logout(), StatusOK)
    await d.close()


async def main() -> None:
    async with AsyncDriver({"url": "https://chat.example.com", "token": "t"}) as d:
        assert_type(d, AsyncDriver)
        await users_and_teams(d)
