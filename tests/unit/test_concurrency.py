"""Many threads and tasks on one driver: every answer to its own caller, ids unique, nothing leaked."""

from __future__ import annotations

import asyncio
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Dict, Iterator, List, Set

import pytest

from mattermostdriver import AsyncDriver, Driver
from mattermostdriver.retry import new_pending_post_id

from .echo import EchoServer

USER_ID = "u" * 26


@pytest.fixture
def echo() -> Iterator[EchoServer]:
    server = EchoServer()
    yield server
    server.close()


# -- pending_post_id --------------------------------------------------------------------------------
def test_pending_post_ids_are_unique_in_bursts_from_threads_and_tasks() -> None:
    """100,000 ids made at once by 50 threads and by 2,000 tasks: none twice (the server drops a repeat)."""
    made: List[str] = []

    def burst(_: int) -> List[str]:
        return [new_pending_post_id(USER_ID) for _ in range(1000)]

    with ThreadPoolExecutor(50) as pool:
        for ids in pool.map(burst, range(50)):
            made += ids

    async def task() -> List[str]:
        ids = []
        for _ in range(25):
            ids.append(new_pending_post_id(USER_ID))
            await asyncio.sleep(0)
        return ids

    async def tasks() -> List[List[str]]:
        return await asyncio.gather(*(task() for _ in range(2000)))

    for ids in asyncio.run(tasks()):
        made += ids
    assert len(made) == 100_000 and len(set(made)) == len(made)
    assert all(i.startswith(USER_ID + ":") and len(i) <= 64 for i in made)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX")
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_a_forked_process_makes_other_ids() -> None:
    """A worker forked from a bot is another process: its ids are not its parent's next ones."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.write(write, "\n".join(new_pending_post_id(USER_ID) for _ in range(100)).encode())
        os._exit(0)
    os.close(write)
    ours = {new_pending_post_id(USER_ID) for _ in range(100)}
    with os.fdopen(read) as pipe:
        theirs = set(pipe.read().split("\n"))
    os.waitpid(pid, 0)
    tail = {i.split(":", 1)[1][13:] for i in ours}  # after the milliseconds
    assert len(theirs) == 100 and not {i.split(":", 1)[1][13:] for i in theirs} & tail


def test_posts_from_32_threads_each_get_their_own_answer(echo: EchoServer) -> None:
    d = Driver(echo.options())
    d.client.userid = USER_ID

    def post(n: int) -> Dict[str, Any]:
        return d.posts.create_post({"channel_id": "c" * 26, "message": f"m{n}"})

    with ThreadPoolExecutor(32) as pool:
        answers = list(pool.map(post, range(2000)))
    d.client.close()
    assert [a["message"] for a in answers] == [f"m{n}" for n in range(2000)]
    ids: Set[str] = {a["pending_post_id"] for a in answers}
    assert len(ids) == 2000


def test_posts_from_500_tasks_each_get_their_own_answer(echo: EchoServer) -> None:
    async def main() -> List[Any]:
        async with AsyncDriver(echo.options()) as d:
            d.client.userid = USER_ID
            return await asyncio.gather(
                *(d.posts.create_post({"channel_id": "c" * 26, "message": f"m{n}"}) for n in range(500))
            )

    answers = asyncio.run(main())
    assert [a["message"] for a in answers] == [f"m{n}" for n in range(500)]
    assert len({a["pending_post_id"] for a in answers}) == 500


def test_calls_from_many_threads_get_their_own_answers(echo: EchoServer) -> None:
    d = Driver(echo.options())
    errors: List[str] = []

    def work(worker: int) -> None:
        for n in range(100):
            key = f"w{worker}n{n}"
            if d.users.get_user(key)["id"] != key:
                errors.append(key)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(32)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    d.client.close()
    assert errors == []
