"""Many threads and tasks on one driver: every answer to its own caller, ids unique, nothing leaked."""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import sys
import threading
import warnings
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Awaitable, Callable, Dict, Iterator, List, Set, TypeVar

import pytest

from mattermostdriver import AsyncDriver, Driver, TransportError
from mattermostdriver.core.pending import new_pending_post_id
from mattermostdriver.options import DEFAULT_MAX_CONNECTIONS, Options, connection_limits

from .echo import EchoServer, client_sockets
from .websocket.helpers import wait_until

T = TypeVar("T")

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


# -- the cap on connections, counted at the server ----------------------------------------------------
@pytest.fixture(params=["aiohttp", "threads"])
def async_transport(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both async transports: aiohttp, and the threads used when aiohttp is not installed."""
    if request.param == "threads":
        monkeypatch.setitem(sys.modules, "aiohttp", None)  # import aiohttp now fails
    return str(request.param)


@pytest.fixture
def no_warnings(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """No log line at WARNING or above from any logger (urllib3's "pool is full", aiohttp's, ours)."""
    caplog.set_level(logging.WARNING)
    yield
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


def run_checked(main: Callable[[], Awaitable[T]]) -> T:
    """Run ``main()`` on a loop of its own, closed at the end: no ResourceWarning may follow."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        loop = asyncio.new_event_loop()
        try:
            result = loop.run_until_complete(main())
        finally:
            loop.close()
        gc.collect()
    leaks = [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]
    assert leaks == []
    return result


@pytest.mark.usefixtures("no_warnings")
@pytest.mark.parametrize("cap", [1, 8])
def test_threads_never_open_more_than_the_cap(echo: EchoServer, cap: int) -> None:
    """32 threads on one Driver: at most max_connections open, and no 'pool is full' line logged."""
    d = Driver(echo.options(max_connections=cap, pool_maxsize=cap))
    answers: List[str] = []

    def work(worker: int) -> None:
        answers.extend(d.users.get_user(f"w{worker}n{n}")["id"] for n in range(40))

    threads = [threading.Thread(target=work, args=(w,)) for w in range(32)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    d.close()
    assert sorted(answers) == sorted(f"w{w}n{n}" for w in range(32) for n in range(40))
    assert echo.max_open <= cap


@pytest.mark.usefixtures("no_warnings")
def test_tasks_never_open_more_than_the_cap(echo: EchoServer, async_transport: str) -> None:
    async def main() -> List[Any]:
        async with AsyncDriver(echo.options(max_connections=8, pool_maxsize=8)) as d:
            return await asyncio.gather(*(d.users.get_user(f"t{n}") for n in range(500)))

    answers = run_checked(main)
    assert [a["id"] for a in answers] == [f"t{n}" for n in range(500)]
    assert echo.max_open <= 8


def test_the_default_cap_and_the_idle_connections_kept(echo: EchoServer, async_transport: str) -> None:
    """By default at most DEFAULT_MAX_CONNECTIONS at once; pool_maxsize of them stay open when idle."""
    d = Driver(echo.options(pool_maxsize=3))
    with ThreadPoolExecutor(64) as pool:
        list(pool.map(lambda n: d.users.get_user(str(n)), range(2000)))
    assert len(client_sockets(echo.port)) <= 3
    d.close()
    assert echo.max_open <= DEFAULT_MAX_CONNECTIONS
    echo.max_open = 0

    async def main() -> int:
        async with AsyncDriver(echo.options(pool_maxsize=3)) as a:
            await asyncio.gather(*(a.users.get_user(str(n)) for n in range(500)))
            return len(client_sockets(echo.port))

    assert run_checked(main) <= 3
    assert echo.max_open <= DEFAULT_MAX_CONNECTIONS


def test_pool_maxsize_alone_still_opens_that_many(echo: EchoServer) -> None:
    """8.x callers set pool_maxsize for their many threads: it raises the cap with it."""
    d = Driver(echo.options(pool_maxsize=48))
    barrier = threading.Barrier(48)

    def work(n: int) -> Any:
        barrier.wait()
        return d.users.get_user(f"slow{n}")

    with ThreadPoolExecutor(48) as pool:
        calls = [pool.submit(work, n) for n in range(48)]
        assert wait_until(lambda: echo.slow >= 48)  # all 48 in flight at once
        echo.release.set()
        assert [c.result()["id"] for c in calls] == [f"slow{n}" for n in range(48)]
    d.close()


def test_waiting_for_a_free_connection_counts_against_the_timeout(echo: EchoServer) -> None:
    """With every connection busy, a call waits for one only as long as its timeout allows."""
    d = Driver(echo.options(max_connections=1, retries=0))
    with ThreadPoolExecutor(1) as pool:
        busy = pool.submit(d.users.get_user, "slow")
        assert wait_until(lambda: echo.slow == 1)
        with pytest.raises(TransportError, match="timed out"):
            d.client.get("/users/x", timeout=(0.2, 0.2, 0.3))
        echo.release.set()
        assert busy.result()["id"] == "slow"
    assert d.users.get_user("x")["id"] == "x" and echo.max_open == 1
    d.close()


def test_async_waiting_for_a_free_connection_counts_against_the_timeout(
    echo: EchoServer, async_transport: str
) -> None:
    async def main() -> None:
        async with AsyncDriver(echo.options(max_connections=1, retries=0)) as d:
            busy = asyncio.ensure_future(d.users.get_user("slow"))
            while echo.slow < 1:
                await asyncio.sleep(0.005)
            with pytest.raises(TransportError, match="timed out"):
                await d.client.get("/users/x", timeout=(0.2, 0.2, 0.3))
            echo.release.set()
            assert (await busy)["id"] == "slow"

    run_checked(main)
    assert echo.max_open == 1


# -- close: nothing left open, whatever happened to the calls ------------------------------------------
@pytest.fixture
def tls_echo(tmp_path: Any) -> Iterator[EchoServer]:
    server = EchoServer(tls=True, ca_dir=str(tmp_path))
    yield server
    server.close()


@pytest.mark.parametrize("ending", ["cancelled", "timed out", "in flight"])
def test_async_close_leaves_no_socket(tls_echo: EchoServer, async_transport: str, ending: str) -> None:
    """Calls cancelled, timed out or still waiting on the server: after close() no socket is open."""

    async def main() -> List[Any]:
        d = AsyncDriver(tls_echo.options(retries=0, request_timeout=(5, 5) if ending != "timed out" else 0.5))
        await d.users.get_user("warm")
        calls = [asyncio.ensure_future(d.users.get_user(f"slow{n}")) for n in range(5)]
        while tls_echo.slow < 5 and not all(c.done() for c in calls):
            await asyncio.sleep(0.005)
        if ending == "cancelled":
            for call in calls:
                call.cancel()
        if ending != "in flight":
            await asyncio.gather(*calls, return_exceptions=True)
        await d.close()
        assert client_sockets(tls_echo.port) == set()  # at once, not when the server answers
        return await asyncio.gather(*calls, return_exceptions=True)

    results = run_checked(main)
    if ending == "in flight":
        assert all(isinstance(r, TransportError) and "closed" in str(r) for r in results)


def test_close_ends_the_calls_in_flight_in_other_threads(tls_echo: EchoServer) -> None:
    d = Driver(tls_echo.options(retries=0))
    with ThreadPoolExecutor(5) as pool:
        calls = [pool.submit(d.users.get_user, f"slow{n}") for n in range(5)]
        assert wait_until(lambda: tls_echo.slow == 5)
        d.close()
        assert client_sockets(tls_echo.port) == set()
        for call in calls:
            with pytest.raises(TransportError, match="closed while the call was in flight"):
                call.result()
    assert d.users.get_user("again")["id"] == "again"  # usable afterwards, on a new connection
    d.close()
    d.close()  # idempotent
    assert client_sockets(tls_echo.port) == set()


class Peak:
    """The most client sockets open to a port at once, sampled in a thread (the server counts a
    connection the client dropped until it reads again)."""

    def __init__(self, port: int) -> None:
        self.port, self.most = port, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.most = max(self.most, len(client_sockets(self.port)))

    def __enter__(self) -> Peak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def test_the_pool_is_healthy_after_a_cancellation_storm(tls_echo: EchoServer, async_transport: str) -> None:
    """Hundreds of calls cancelled at every stage (waiting for a connection, sent, answered): the next
    ones get their own answers, within the cap."""

    async def main() -> None:
        async with AsyncDriver(tls_echo.options(max_connections=6, pool_maxsize=6)) as d:
            for round_ in range(3):
                calls = [
                    asyncio.ensure_future(d.users.get_user(f"{'slow' if n % 3 == 0 else 'fast'}{n}"))
                    for n in range(120)
                ]
                for delay in (0, 0.001, 0.005, 0.02):
                    await asyncio.sleep(delay)
                    for call in calls[round_::4]:
                        call.cancel()
                for call in calls:
                    call.cancel()
                await asyncio.gather(*calls, return_exceptions=True)
            tls_echo.release.set()
            answers = await asyncio.gather(*(d.users.get_user(f"after{n}") for n in range(200)))
            assert [a["id"] for a in answers] == [f"after{n}" for n in range(200)]

    with Peak(tls_echo.port) as peak:
        run_checked(main)
    assert 0 < peak.most <= 6


# -- the cron pattern ----------------------------------------------------------------------------------
def test_with_driver_hundreds_of_times_leaks_nothing(echo: EchoServer) -> None:
    """A cron job's script, run again and again in one process: no socket, no thread, no session left."""
    threads = threading.active_count()
    for n in range(200):
        with Driver(echo.options(token=None, login_id="cron", password="pw")) as d:
            d.login()
            d.posts.create_post({"channel_id": "c" * 26, "message": f"run {n}"})
    assert echo.logins == 200 and echo.sessions == set()  # each session logged out on leaving
    for _ in range(50):
        with Driver(echo.options()) as d:  # with a token: its session is left alone
            d.login()
    assert client_sockets(echo.port) == set()
    assert threading.active_count() <= threads


def test_async_with_logs_out_a_password_session(echo: EchoServer) -> None:
    async def main() -> None:
        for _ in range(20):
            async with AsyncDriver(echo.options(token=None, login_id="bot", password="pw")) as d:
                await d.login()
        async with AsyncDriver(echo.options()) as d:
            await d.login()

    run_checked(main)
    assert echo.logins == 20 and echo.sessions == set()
    assert client_sockets(echo.port) == set()


@pytest.mark.parametrize(
    "given, limits",
    [
        ({}, (DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS)),
        ({"pool_maxsize": 10}, (DEFAULT_MAX_CONNECTIONS, 10)),  # 8.x's default, given explicitly
        ({"pool_maxsize": 64}, (64, 64)),  # 8.x callers raised it for their threads
        ({"max_connections": 4}, (4, 4)),
        ({"max_connections": 4, "pool_maxsize": 10}, (4, 4)),
        ({"max_connections": 100, "pool_maxsize": 2}, (100, 2)),
    ],
)
def test_connection_limits(given: Dict[str, Any], limits: Any) -> None:
    assert connection_limits(Options(given)) == limits


@pytest.mark.parametrize("value", [0, -1, 2.5, "8", True])
def test_connection_limits_are_checked(value: Any) -> None:
    for key in ("max_connections", "pool_maxsize"):
        with pytest.raises(ValueError, match=key):
            Options({key: value})
