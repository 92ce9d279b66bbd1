"""One driver shared by a websocket listener, its handlers and other threads or tasks, while its
options change and it logs in again: each call works, or fails with a documented error; none
spoils the state of the others."""

from __future__ import annotations

import asyncio
import json
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Dict, Iterator, List, Set

import pytest

from mattermostdriver import AsyncDriver, Driver
from mattermostdriver.core.settings import Settings
from mattermostdriver.options import Options

from ..support.ws_server import TOKEN, FakeMattermost
from .echo import EchoServer, Router, client_sockets
from .websocket.helpers import wait_until


@pytest.fixture
def echo() -> Iterator[EchoServer]:
    server = EchoServer()
    yield server
    server.close()


@pytest.fixture
def site(echo: EchoServer) -> Iterator[Dict[str, Any]]:
    """One address for REST (the echo server) and the websocket (a fake Mattermost endpoint)."""
    ws = FakeMattermost()
    router = Router({"/api/v4/websocket": ws.port}, echo.port)
    yield {"ws": ws, "options": {"url": f"http://127.0.0.1:{router.port}", "token": TOKEN, "timeout": 1}}
    router.close()
    ws.close()


def _events(site: Dict[str, Any], first: int, count: int) -> None:
    for n in range(first, first + count):
        site["ws"].emit("posted", {"n": n})


def test_a_listener_whose_handler_calls_rest_from_threads_while_others_post(site: Dict[str, Any]) -> None:
    d = Driver(site["options"])
    d.login()
    checked: List[bool] = []
    lookups = ThreadPoolExecutor(6)

    def lookup(n: int) -> None:
        checked.append(d.users.get_user(f"ev{n}")["id"] == f"ev{n}")

    def handle(text: str) -> None:
        event = json.loads(text)
        if event.get("event") == "posted":
            for _ in range(3):
                lookups.submit(lookup, event["data"]["n"])

    def post(worker: int) -> List[bool]:
        return [
            d.posts.create_post({"channel_id": "c" * 26, "message": f"p{worker}-{n}"})["message"]
            == f"p{worker}-{n}"
            for n in range(40)
        ]

    ws = d.init_websocket(handle, blocking=False)
    assert wait_until(lambda: ws.connected)
    with ThreadPoolExecutor(4) as posters:
        posted = posters.map(post, range(4))
        _events(site, 0, 50)
        assert all(all(p) for p in posted)
    assert wait_until(lambda: len(checked) == 150, timeout=10) and all(checked)
    # disconnect() from another thread ends the listener; a second one then works as the first
    lookups.submit(d.disconnect).result()
    assert ws.wait(2) and not ws.running
    ws2 = d.init_websocket(handle, blocking=False)
    assert wait_until(lambda: ws2.connected)
    _events(site, 50, 10)
    assert wait_until(lambda: len(checked) == 180, timeout=10) and all(checked)
    d.close()
    assert ws2.wait(2) and not ws2.running
    lookups.shutdown()


def test_an_async_listener_whose_handler_calls_rest_while_other_tasks_post(site: Dict[str, Any]) -> None:
    checked: List[bool] = []

    async def main() -> None:
        async with AsyncDriver(site["options"]) as d:
            await d.login()

            async def lookup(n: int) -> None:
                checked.append((await d.users.get_user(f"ev{n}"))["id"] == f"ev{n}")

            async def handle(text: str) -> None:
                event = json.loads(text)
                if event.get("event") == "posted":
                    await asyncio.gather(*(lookup(event["data"]["n"]) for _ in range(3)))

            async def post(worker: int) -> bool:
                answers = [
                    await d.posts.create_post({"channel_id": "c" * 26, "message": f"p{worker}-{n}"})
                    for n in range(20)
                ]
                return [a["message"] for a in answers] == [f"p{worker}-{n}" for n in range(20)]

            loop = asyncio.get_running_loop()
            for round_ in range(2):  # a second listener after the first ended
                listening = asyncio.ensure_future(d.init_websocket(handle))
                while d.websocket is None or not d.websocket.connected:
                    await asyncio.sleep(0.01)
                posted = asyncio.gather(*(post(w) for w in range(4)))
                await loop.run_in_executor(None, _events, site, 30 * round_, 30)
                assert all(await posted)
                while len(checked) < 90 * (round_ + 1):
                    await asyncio.sleep(0.01)
                await loop.run_in_executor(None, d.disconnect)  # from another thread
                await asyncio.wait_for(listening, 5)

    asyncio.run(main())
    assert len(checked) == 180 and all(checked)


def test_options_written_while_calls_are_in_flight(echo: EchoServer) -> None:
    """Tokens, timeouts and pool sizes change under 8 threads' feet: every call gets its own answer."""
    d = Driver(echo.options(token="tok-start"))
    d.login()
    stop = threading.Event()
    wrong: List[str] = []
    sent: Set[str] = set()

    def call(worker: int) -> int:
        n = 0
        while not stop.is_set():
            key = f"w{worker}n{n}"
            answer = d.users.get_user(key)
            sent.add(answer["authorization"])
            if answer["id"] != key:
                wrong.append(key)
            n += 1
        return n

    with ThreadPoolExecutor(8) as pool:
        calls = [pool.submit(call, w) for w in range(8)]
        tokens = {"Bearer tok-start"}
        try:
            for i in range(60):
                d.options["request_timeout"] = (5, 5 + i % 3)
                d.options["pool_maxsize"] = 2 + i % 3  # a new transport; calls on the old one end well
                d.client.token = f"tok-{i}"  # what login() does
                tokens.add(f"Bearer tok-{i}")
                with pytest.raises(ValueError):
                    d.options["request_timeout"] = -1  # refused, and nothing changes
        finally:
            stop.set()
        done = sum(c.result() for c in calls)
    d.close()
    assert done > 0 and wrong == [] and sent <= tokens
    assert d.options["request_timeout"] == (5, 7) and client_sockets(echo.port) == set()


def test_a_reader_in_another_thread_never_sees_the_options_half_written() -> None:
    """A write replaces the options while calls in other threads read them: never a key missing.

    (A write emptied the dict and filled it again; a call starting in between failed with
    ``KeyError: 'scheme'`` in test_options_written_while_calls_are_in_flight, now and then.)
    """
    options = Options({"url": "chat.example.com", "token": "t"})
    failures: List[BaseException] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            try:
                Settings(options)  # what each call reads when the options changed
            except Exception as exc:
                failures.append(exc)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads switch as often as they can
    reader = threading.Thread(target=read)
    reader.start()
    try:
        for i in range(3000):
            options["request_timeout"] = 5 + i % 3
    finally:
        stop.set()
        reader.join()
        sys.setswitchinterval(interval)
    assert failures == []
    assert options["request_timeout"] == 5 + 2999 % 3 and options["scheme"] == "https"


def test_login_in_one_thread_while_others_call(echo: EchoServer) -> None:
    d = Driver(echo.options(token=None, login_id="bot", password="pw"))
    stop = threading.Event()
    wrong: List[str] = []

    def call(worker: int) -> None:
        n = 0
        while not stop.is_set():
            key = f"w{worker}n{n}"
            if d.users.get_user(key)["id"] != key:
                wrong.append(key)
            n += 1

    with ThreadPoolExecutor(6) as pool:
        calls = [pool.submit(call, w) for w in range(6)]
        try:
            for _ in range(40):
                me = d.login()
                assert me["username"] == "bot" and d.client.userid == me["id"]
        finally:
            stop.set()
        for c in calls:
            c.result()
    assert wrong == [] and d.client.token == f"session-{echo.logins}"
    d.logout()
    d.close()
