"""AsyncDriver on the real server: a bot that answers over the websocket, transfers, iterators, a 429."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import time
from typing import Any, Callable, Dict, Iterator, List

import pytest

from mattermostdriver import AsyncDriver, Driver

from .conftest import PASSWORD, ROOT, unique


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def test_async_bot_answers_a_mention(
    server: Dict[str, str], admin: Driver, channel: Dict[str, Any], make_user: Callable[..., Dict[str, Any]]
) -> None:
    """The bot listens with init_websocket and answers a mention with an async create_post."""
    bot = make_user()
    admin.channels.add_user(channel["id"], {"user_id": bot["id"]})

    async def main() -> List[Dict[str, Any]]:
        d = AsyncDriver({"url": server["MM_URL"], "login_id": bot["username"], "password": PASSWORD})
        me = await d.login()
        hello = asyncio.Event()
        answered: asyncio.Future[Dict[str, Any]] = asyncio.get_running_loop().create_future()

        async def handle(message: str) -> None:
            event = json.loads(message)
            if event.get("event") == "hello":
                hello.set()
            if event.get("event") != "posted":
                return
            post = json.loads(event["data"]["post"])
            if f"@{me['username']}" in post["message"] and post["user_id"] != me["id"]:
                reply = await d.posts.create_post(
                    {"channel_id": post["channel_id"], "root_id": post["id"], "message": "pong"}
                )
                if not answered.done():
                    answered.set_result(reply)

        listener = asyncio.ensure_future(d.init_websocket(handle))
        try:
            await asyncio.wait_for(hello.wait(), 15)
            root = await asyncio.to_thread(
                admin.posts.create_post, {"channel_id": channel["id"], "message": f"@{me['username']} ping"}
            )
            reply = await asyncio.wait_for(answered, 15)
            assert reply["root_id"] == root["id"]
            thread = await d.posts.get_thread(root["id"])
            return [thread["posts"][i] for i in thread["order"]]
        finally:
            d.disconnect()
            await asyncio.wait_for(listener, 10)
            await d.logout()
            await d.close()

    posts = run(main())
    assert sorted(p["message"] for p in posts) == [f"@{bot['username']} ping", "pong"]


def test_async_upload_and_download_byte_for_byte(
    server: Dict[str, str], admin: Driver, channel: Dict[str, Any], tmp_path: Any
) -> None:
    payload = os.urandom(3 * 1024 * 1024 + 17)
    source = tmp_path / "in.bin"
    source.write_bytes(payload)

    async def main() -> Dict[str, Any]:
        async with AsyncDriver({"url": server["MM_URL"], "token": server["MM_TOKEN"]}) as d:
            await d.login()
            with source.open("rb") as fp:
                uploaded = await d.files.upload_file(channel["id"], {"files": ("in.bin", fp)})
            file_id = uploaded["file_infos"][0]["id"]
            resumable = await d.uploads.upload_file_resumable(
                channel["id"], source, chunk_size=5 * 1024 * 1024
            )
            post = await d.posts.create_post(
                {"channel_id": channel["id"], "message": "files", "file_ids": [file_id, resumable["id"]]}
            )
            sizes = [
                await d.files.download_file(file_id, tmp_path / "out.bin"),
                await d.files.download_file(resumable["id"], tmp_path / "out2.bin"),
            ]
            return {"post": post, "sizes": sizes}

    result = run(main())
    assert result["sizes"] == [len(payload), len(payload)]
    assert (tmp_path / "out.bin").read_bytes() == payload
    assert (tmp_path / "out2.bin").read_bytes() == payload


def test_async_iterators_over_several_pages(
    server: Dict[str, str], admin: Driver, channel: Dict[str, Any], make_user: Callable[..., Dict[str, Any]]
) -> None:
    members = [make_user() for _ in range(5)]
    for user in members:
        admin.channels.add_user(channel["id"], {"user_id": user["id"]})
    for i in range(7):
        admin.posts.create_post({"channel_id": channel["id"], "message": f"message {i}"})

    async def main() -> Dict[str, List[str]]:
        async with AsyncDriver({"url": server["MM_URL"], "token": server["MM_TOKEN"]}) as d:
            await d.login()
            ids = [m["user_id"] async for m in d.channels.iter_channel_members(channel["id"], per_page=2)]
            messages = [p["message"] async for p in d.posts.iter_posts_for_channel(channel["id"], per_page=3)]
            return {"ids": ids, "messages": messages}

    got = run(main())
    assert {u["id"] for u in members} <= set(got["ids"]) and len(got["ids"]) == len(set(got["ids"]))
    assert [m for m in got["messages"] if m.startswith("message ")] == [
        f"message {i}" for i in range(6, -1, -1)
    ]


@pytest.fixture
def limited_server(server: Dict[str, str]) -> Iterator[str]:
    """A second server process on the same database with the rate limiter on (1/s, bursts of 2)."""
    script = str(ROOT / "scripts" / "mattermost-server")
    started = subprocess.run([script, "limited", "start"], capture_output=True, text=True, timeout=300)
    if started.returncode != 0:
        pytest.fail(f"the rate-limited server did not start:\n{started.stderr[-3000:]}", pytrace=False)
    try:
        yield started.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run([script, "limited", "stop"], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_429_from_the_server_is_retried_after_its_retry_after(
    server: Dict[str, str], limited_server: str, kind: str
) -> None:
    name = unique("ratelimit")
    options = {"url": limited_server, "token": server["MM_TOKEN"], "retries": 5}
    waits: List[float] = []
    started = time.monotonic()
    if kind == "sync":
        d = Driver(options)
        d.client.retry = d.client.retry.new(sleep=lambda s: (waits.append(s), time.sleep(s)))
        answers = [d.users.get_user("me")["id"] for _ in range(5)]
    else:

        async def main() -> List[str]:
            async with AsyncDriver(options) as a:

                async def sleep(seconds: float) -> None:
                    waits.append(seconds)
                    await asyncio.sleep(seconds)

                a.client.retry = a.client.retry.new(sleep=sleep)
                return [(await a.users.get_user("me"))["id"] for _ in range(5)]

        answers = run(main())
    elapsed = time.monotonic() - started
    assert answers == [server["MM_ADMIN_USER_ID"]] * 5, name
    # the limiter let 2 through at once, then the driver waited as the server asked (Retry-After: 1)
    assert waits and all(1.0 <= w <= 1.2 for w in waits)
    assert elapsed >= 2.0
