"""Threads per listener, counted (issue 22): none for an event-loop listener, two for a sync one.

The server runs in a process of its own, so that only the listeners' threads are counted here.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, Iterator, List

import pytest

from mattermostdriver import AsyncDriver, Driver

from ...support.ws_server import TOKEN
from .helpers import options, wait_until

pytestmark = pytest.mark.timeout(60)

ROOT = Path(__file__).resolve().parents[3]
LISTENERS = 4


class Remote:
    """A FakeMattermost in a child process (tests/support/ws_server.py run as a script)."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.support.ws_server"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        self.port = int(self.proc.stdout.readline())

    def emit(self, event: str = "posted") -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(f"emit {event}\n")
        self.proc.stdin.flush()
        assert self.proc.stdout.readline().strip() == "ok"

    def close(self) -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.close()
        self.proc.wait(10)
        self.proc.stdout.close()


@pytest.fixture
def remote() -> Iterator[Remote]:
    server = Remote()
    yield server
    server.close()


def driver_options(remote: Remote) -> Any:
    return {**options(remote.port), "token": TOKEN}


def test_a_sync_listener_takes_two_threads(remote: Remote) -> None:
    before = threading.active_count()
    drivers = [Driver(driver_options(remote)) for _ in range(LISTENERS)]
    streams = [d.events(decode=True, event="posted") for d in drivers[1:]]
    for stream in streams:
        stream.open()
    handled: List[Any] = []
    drivers[0].init_websocket(handled.append, blocking=False)
    try:
        assert wait_until(lambda: all(d.websocket is not None and d.websocket.connected for d in drivers))
        for _ in range(3):
            remote.emit()
        iterators = [iter(stream) for stream in streams]  # kept: each iterator is one run of its stream
        for items in iterators:  # events flowing through every one of them
            assert [next(items)["seq"] for _ in range(3)] == [1, 2, 3]  # type: ignore[call-overload]
        assert wait_until(lambda: len([m for m in handled if '"posted"' in m]) == 3)
        assert threading.active_count() - before == 2 * LISTENERS
    finally:
        for d in drivers:
            d.disconnect()
    assert wait_until(lambda: threading.active_count() == before)


def test_an_event_loop_listener_takes_no_thread(remote: Remote) -> None:
    async def main() -> int:
        before = threading.active_count()
        async with AsyncDriver(driver_options(remote)) as d, AsyncDriver(driver_options(remote)) as e:
            streams = [d.events(event="posted") for _ in range(LISTENERS - 1)]
            for stream in streams:
                await stream.open()
            got: List[str] = []
            task = asyncio.ensure_future(e.init_websocket(got.append))
            while not (e.websocket is not None and e.websocket.connected):
                await asyncio.sleep(0.005)
            remote.emit()
            for stream in streams:
                assert json.loads(await stream.__aiter__().__anext__())["seq"] == 1
            while not any('"posted"' in m for m in got):
                await asyncio.sleep(0.005)
            added = threading.active_count() - before
            for stream in streams:
                await stream.aclose()
            e.disconnect()
            await task
            return added

    assert asyncio.run(main()) == 0


def test_a_blocking_init_websocket_takes_no_thread(remote: Remote) -> None:
    before = threading.active_count()
    d = Driver(driver_options(remote))
    during: List[int] = []

    def handler(message: str) -> None:
        during.append(threading.active_count() - before)
        d.disconnect()

    d.init_websocket(handler).close()
    assert during == [0]
