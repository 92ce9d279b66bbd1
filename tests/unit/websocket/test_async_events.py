"""``AsyncDriver.events()``: the ``async for`` iterator on the running loop, and actions from it."""

from __future__ import annotations

import asyncio
import json
from typing import Any, AsyncIterator, Awaitable, Callable, List, TypeVar

import pytest

from mattermostdriver import AsyncDriver
from mattermostdriver.exceptions import WebsocketAuthError, WebsocketError
from mattermostdriver.websocket import Resync

from ...support.ws_server import TOKEN, FakeMattermost
from .helpers import options, wait_until

pytestmark = pytest.mark.timeout(60)

T = TypeVar("T")


def run(server: FakeMattermost, body: Callable[[AsyncDriver], Awaitable[T]], **overrides: Any) -> T:
    async def main() -> T:
        async with AsyncDriver({**options(server.port), "token": TOKEN, **overrides}) as d:
            return await body(d)

    return asyncio.run(main())


async def take(items: AsyncIterator[Any], count: int) -> List[Any]:
    return [await items.__anext__() for _ in range(count)]


async def until(predicate: Callable[[], Any], timeout: float = 5.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        assert loop.time() < deadline, "condition not met"
        await asyncio.sleep(0.005)


def seq_of(item: Any) -> int:
    return int((json.loads(item) if isinstance(item, str) else item)["seq"])


def test_decoded_filtered_events_in_order(server: FakeMattermost) -> None:
    async def body(d: AsyncDriver) -> List[Any]:
        async with d.events(decode=True, event="posted") as events:
            assert events.websocket.connected
            server.emit("typing")
            for i in range(3):
                server.emit("posted", {"post": json.dumps({"n": i})})
            return await take(events.__aiter__(), 3)

    got = run(server, body)
    assert [(e["seq"], e["data"]["post"]["n"]) for e in got] == [(2, 0), (3, 1), (4, 2)]


def test_break_closes_the_connection_promptly(server: FakeMattermost) -> None:
    async def body(d: AsyncDriver) -> None:
        events = d.events()
        async for _item in events:  # no `async with`: the break alone ends it
            break
        assert d.websocket is not None
        await until(lambda: not d.websocket.running)
        await until(lambda: not server.active_ids)

    run(server, body)


def test_leaving_async_with_closes_and_the_task_is_gone(server: FakeMattermost) -> None:
    async def body(d: AsyncDriver) -> int:
        before = len(asyncio.all_tasks())
        async with d.events():
            assert len(asyncio.all_tasks()) > before  # the listener is a task of this loop
        assert d.websocket is not None and not d.websocket.running
        return len(asyncio.all_tasks()) - before

    assert run(server, body) == 0
    assert wait_until(lambda: not server.active_ids)  # the server sees the socket closed


def test_resume_across_a_forced_drop_and_an_async_on_resync(server: FakeMattermost) -> None:
    resyncs: List[Any] = []

    async def on_resync(old: str, new: str) -> None:
        await asyncio.sleep(0)
        resyncs.append((old, new))

    async def body(d: AsyncDriver) -> List[Any]:
        async with d.events(event="posted", on_resync=on_resync) as events:
            items = events.__aiter__()
            first_id = events.websocket.connection_id
            server.emit()
            got = await take(items, 1)
            server.drop()
            server.emit()
            server.emit()
            got += await take(items, 2)
            assert events.websocket.connection_id == first_id and len(server.upgrades) == 2
            server.restart()  # now a reconnect that cannot resume
            await until(lambda: len(server.upgrades) == 3 and bool(server.active_ids))
            server.emit()
            got += await take(items, 1)
            return got

    got = run(server, body)
    assert [seq_of(i) for i in got] == [1, 2, 3, 1] and len(resyncs) == 1


def test_resync_item_without_a_callback(server: FakeMattermost) -> None:
    async def body(d: AsyncDriver) -> List[Any]:
        async with d.events() as events:
            server.restart()
            return await take(events.__aiter__(), 3)

    items = run(server, body)
    assert isinstance(items[1], Resync) and json.loads(items[2])["event"] == "hello"


def test_a_refused_token_is_raised_from_the_loop(server: FakeMattermost) -> None:
    async def body(d: AsyncDriver) -> None:
        async with d.events() as events:
            async for _ in events:
                pass

    with pytest.raises(WebsocketAuthError) as info:
        run(server, body, token="wrong-token-42")
    assert info.value.status_code == 401


def test_a_slow_consumer_loses_nothing(server: FakeMattermost) -> None:
    async def body(d: AsyncDriver) -> List[Any]:
        async with d.events(event="posted", buffer=4) as events:
            items = events.__aiter__()
            for _ in range(25):
                server.emit()
            await until(lambda: events.websocket.behind)
            got = await take(items, 25)
            assert server.upgrades[1]["sequence_number"] == "5"
            return got

    assert [seq_of(i) for i in run(server, body)] == list(range(1, 26))


def test_actions_from_the_loop(server: FakeMattermost) -> None:
    async def body(d: AsyncDriver) -> None:
        async with d.events() as events:
            ws = events.websocket
            reply = await ws.send_action_async("get_statuses", wait=True, timeout=5)
            assert reply["data"] == {"user1": "online", "user2": "away"}
            assert ws.user_typing("chan") == 2  # no wait: sent from the loop without blocking it
            with pytest.raises(WebsocketError, match="send_action_async"):
                ws.get_statuses()  # waiting here would block the loop that gets the reply
            other = await asyncio.get_running_loop().run_in_executor(None, ws.get_statuses)
            assert other == {"user1": "online", "user2": "away"}  # from another thread it waits
            await until(lambda: len(server.actions) == 3)

    run(server, body)
    assert [a["action"] for a in server.actions] == ["get_statuses", "user_typing", "get_statuses"]


def test_a_consumer_that_keeps_up_never_makes_it_fall_behind(server: FakeMattermost) -> None:
    # frames that arrive together are all queued in the library: read in one go, they would fill
    # a small buffer before the consumer had a turn
    async def body(d: AsyncDriver) -> List[Any]:
        async with d.events(event="posted", buffer=20) as events:
            for _ in range(300):
                server.emit()
            got = await take(events.__aiter__(), 300)
            assert len(server.upgrades) == 1  # never resumed
            return got

    assert [seq_of(i) for i in run(server, body)] == list(range(1, 301))
