"""One async measurement in a fresh interpreter: N requests with K in flight, and the loop's lag.

Each contender sends ``--total`` requests with ``--concurrency`` in flight on one asyncio
loop, while a ticker on the same loop wakes every 5 ms and records how late it woke (the
loop lag: what every other task of a bot waits). The contenders alternate over ``--rounds``
rounds, each against the same yardstick (raw aiohttp) in the same interpreter. Prints one
JSON line. ``bench/run.py`` starts it, from outside the checkout.

    async_worker.py --port P --ca CA --contenders ours,threads --rounds R --op get|post
"""

from __future__ import annotations

import argparse
import asyncio
import json
import ssl
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, AsyncIterator, Awaitable, Callable, Dict, List, Tuple

TOKEN = "benchtoken0000000000000000"
CHANNEL = "c" * 26
BODY = {"channel_id": CHANNEL, "message": "hello from the bench"}

Call = Callable[[], Awaitable[Any]]
Maker = Callable[[argparse.Namespace], AsyncIterator[Call]]


def _base(args: argparse.Namespace) -> str:
    return f"https://127.0.0.1:{args.port}"


async def aiohttp_raw(args: argparse.Namespace) -> AsyncIterator[Call]:
    """The yardstick: a raw aiohttp ClientSession, JSON decoded."""
    import aiohttp

    context = ssl.create_default_context(cafile=args.ca)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=context, limit=100)) as session:
        url = _base(args) + ("/api/v4/users/me" if args.op == "get" else "/api/v4/posts")

        async def get() -> Any:
            async with session.get(url, headers=headers) as response:
                return await response.json()

        async def post() -> Any:
            async with session.post(url, json=BODY, headers=headers) as response:
                return await response.json()

        yield get if args.op == "get" else post


async def httpx_raw(args: argparse.Namespace) -> AsyncIterator[Call]:
    """A raw httpx.AsyncClient (in a peer's venv, where httpx is)."""
    import httpx

    async with httpx.AsyncClient(verify=args.ca, headers={"Authorization": f"Bearer {TOKEN}"}) as client:
        url = _base(args) + ("/api/v4/users/me" if args.op == "get" else "/api/v4/posts")

        async def get() -> Any:
            return (await client.get(url)).json()

        async def post() -> Any:
            return (await client.post(url, json=BODY)).json()

        yield get if args.op == "get" else post


async def ours(args: argparse.Namespace) -> AsyncIterator[Call]:
    """mattermostdriver's AsyncDriver (aiohttp, the async extra)."""
    from mattermostdriver import AsyncDriver

    async with AsyncDriver({"url": _base(args), "verify": args.ca, "token": TOKEN}) as d:
        d.client.token = TOKEN
        yield (lambda: d.users.get_user("me")) if args.op == "get" else (lambda: d.posts.create_post(BODY))


async def ours_threads(args: argparse.Namespace) -> AsyncIterator[Call]:
    """mattermostdriver's AsyncDriver without aiohttp: the sync transport in threads."""
    from mattermostdriver import AsyncDriver
    from mattermostdriver.transports.threads import ThreadTransport

    transport = ThreadTransport(args.ca, None, 8)
    async with AsyncDriver({"url": _base(args), "verify": args.ca, "token": TOKEN}, transport=transport) as d:
        d.client.token = TOKEN
        asyncio.get_running_loop().set_default_executor(ThreadPoolExecutor(8))
        yield (lambda: d.users.get_user("me")) if args.op == "get" else (lambda: d.posts.create_post(BODY))


async def urllib3_threads(args: argparse.Namespace) -> AsyncIterator[Call]:
    """A thread pool (8) over a raw urllib3 pool."""
    import urllib3

    pool = urllib3.HTTPSConnectionPool("127.0.0.1", args.port, maxsize=8, ca_certs=args.ca)
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    body = json.dumps(BODY).encode()
    executor = ThreadPoolExecutor(8)
    loop = asyncio.get_running_loop()

    def get() -> Any:
        return json.loads(pool.request("GET", "/api/v4/users/me", headers=headers).data)

    def post() -> Any:
        return json.loads(pool.request("POST", "/api/v4/posts", body=body, headers=headers).data)

    fn = get if args.op == "get" else post
    yield lambda: loop.run_in_executor(executor, fn)
    executor.shutdown()


async def autodriver(args: argparse.Namespace) -> AsyncIterator[Call]:
    """mattermostautodriver 11.11.1's AsyncTypedDriver (httpx), in its venv."""
    from mattermostautodriver import AsyncTypedDriver

    options = {"url": "127.0.0.1", "port": args.port, "scheme": "https", "verify": args.ca, "token": TOKEN}
    async with AsyncTypedDriver(options) as d:
        d.client.token = TOKEN
        if args.op == "get":
            yield lambda: d.users.get_user("me")
        else:
            yield lambda: d.posts.create_post(channel_id=CHANNEL, message=BODY["message"])


async def matterapi(args: argparse.Namespace) -> AsyncIterator[Call]:
    """matterapi 0.5.0's AsyncClient in a session (httpx, pydantic), in its venv; GET only."""
    from matterapi import ApiClientOptions, AsyncClient
    from matterapi.client.base import AuthToken, HttpxClientOptions

    options = ApiClientOptions(
        url=_base(args),
        basepath="",
        auth=AuthToken(token=TOKEN),
        httpx_client_options=HttpxClientOptions(verify=args.ca),
    )
    async with AsyncClient(options=options).session() as client:
        yield lambda: client.users.get_user("me")


CONTENDERS: Dict[str, Maker] = {
    "aiohttp": aiohttp_raw,
    "httpx": httpx_raw,
    "ours": ours,
    "ours-threads": ours_threads,
    "urllib3-threads": urllib3_threads,
    "autodriver": autodriver,
    "matterapi": matterapi,
}


async def _burst(call: Call, total: int, concurrency: int) -> Tuple[float, float, float]:
    """Wall seconds, CPU seconds and the worst loop lag (s) of ``total`` calls, ``concurrency`` in flight."""
    stop = asyncio.Event()
    worst = 0.0

    async def ticker() -> None:
        nonlocal worst
        loop = asyncio.get_running_loop()
        while not stop.is_set():
            due = loop.time() + 0.005
            await asyncio.sleep(0.005)
            worst = max(worst, loop.time() - due)

    left = total

    async def worker() -> None:
        nonlocal left
        while left > 0:
            left -= 1
            await call()

    tick = asyncio.ensure_future(ticker())
    await asyncio.sleep(0.02)
    wall, cpu = time.perf_counter(), time.process_time()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    stop.set()
    await tick
    return wall, cpu, worst


async def measure(args: argparse.Namespace) -> Dict[str, Any]:
    names = ["aiohttp", *(c for c in args.contenders.split(",") if c != "aiohttp")]
    results: Dict[str, Dict[str, List[float]]] = {
        n: {"rps": [], "cpu_us": [], "lag_ms": [], "ratio": []} for n in names
    }
    for round_ in range(args.rounds):
        shift = round_ % len(names)
        rps: Dict[str, float] = {}
        for name in names[shift:] + names[:shift]:
            makers = CONTENDERS[name](args)
            call = await makers.__anext__()
            for _ in range(64):  # connect, handshake, warm every code path
                await call()
            wall, cpu, lag = await _burst(call, args.total, args.concurrency)
            try:
                await makers.__anext__()
            except StopAsyncIteration:
                pass
            rps[name] = args.total / wall
            results[name]["rps"].append(rps[name])
            results[name]["cpu_us"].append(1e6 * cpu / args.total)
            results[name]["lag_ms"].append(1000 * lag)
        for name in names:
            results[name]["ratio"].append(rps[name] / rps["aiohttp"])
    return {
        name: {
            "rps": statistics.median(r["rps"]),
            "ratio": statistics.median(r["ratio"]),
            "cpu_us": statistics.median(r["cpu_us"]),
            "lag_ms": statistics.median(r["lag_ms"]),
            "lag_max_ms": max(r["lag_ms"]),
        }
        for name, r in results.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--ca", required=True)
    parser.add_argument("--contenders", default="ours")
    parser.add_argument("--op", choices=["get", "post"], default="get")
    parser.add_argument("--total", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(measure(args))))


if __name__ == "__main__":
    main()
