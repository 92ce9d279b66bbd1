"""One concurrency measurement in a fresh interpreter: many threads or tasks on one driver.

``bench/run.py`` starts it, from outside the checkout, against its nginx over TLS; it prints
one JSON line. Each contender is measured beside its yardstick in the same interpreter, in
rounds that alternate them (the machine's load drifts; the ratio within a round holds):

    concurrency.py threads --port P --ca CA [--threads 32] [--caps 8,16,32,64]
        threads on one Driver (its defaults, and each cap in --caps) beside a raw urllib3
        pool with the same cap (blocking, as the driver's), and one without a cap
        (urllib3's default: a pool of 10 that opens more, and discards them, when full)
    concurrency.py tasks --port P --ca CA [--in-flight 256] [--caps 8,16,32,64]
        tasks on one AsyncDriver (its defaults) beside a raw aiohttp session with the same cap;
        and the driver at each cap beside raw aiohttp as it comes (limit 100, none per host)
    concurrency.py rss --port P --ca CA [--calls 100000]
        the resident memory of a Driver (32 threads) and of an AsyncDriver (256 tasks) over
        100,000 calls each: after a warm-up of 10,000, and at the end
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import ssl
import statistics
import threading
import time
from typing import Any, Callable, Dict, List, Optional

TOKEN = "benchtoken0000000000000000"
PATH = "/api/v4/users/me"

Call = Callable[[], Any]


def _rss_kb() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


# -- threads ------------------------------------------------------------------------------------------
def _ours(args: argparse.Namespace, **options: Any) -> Call:
    from mattermostdriver import Driver

    driver = Driver({"url": f"https://127.0.0.1:{args.port}", "verify": args.ca, "token": TOKEN, **options})
    driver.client.token = TOKEN
    return lambda: driver.users.get_user("me")


def _urllib3(args: argparse.Namespace, cap: Optional[int], size: Optional[int] = None) -> Call:
    """A raw urllib3 pool, JSON decoded: blocking with ``cap`` connections, or not blocking
    with ``size`` kept (urllib3's default: 10)."""
    import urllib3

    kwargs: Dict[str, Any] = {"ca_certs": args.ca}
    if cap is not None:
        kwargs.update(maxsize=cap, block=True)
    elif size is not None:
        kwargs.update(maxsize=size)
    pool = urllib3.HTTPSConnectionPool("127.0.0.1", args.port, **kwargs)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    return lambda: json.loads(pool.request("GET", PATH, headers=headers).data)


def _burst(call: Call, threads: int, per_thread: int) -> float:
    """Wall seconds for ``threads`` threads to make ``per_thread`` calls each, started together."""
    start = threading.Barrier(threads + 1)

    def work() -> None:
        start.wait()
        for _ in range(per_thread):
            call()

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    start.wait()
    began = time.perf_counter()
    for worker in workers:
        worker.join()
    return time.perf_counter() - began


def _alternate(
    contenders: Dict[str, Call], yardstick: str, threads: int, per_thread: int, rounds: int
) -> Dict[str, Dict[str, float]]:
    """Rounds alternating the contenders: req/s, the median ratio of each to the yardstick, and
    the log lines at WARNING or above during each one's rounds (urllib3's 'pool is full')."""
    names = list(contenders)
    warnings = _WarningCounter()
    for name in names:  # connect, handshake, warm every code path
        _burst(contenders[name], threads, 5)
    times: Dict[str, List[float]] = {name: [] for name in names}
    ratios: Dict[str, List[float]] = {name: [] for name in names}
    warned = {name: 0 for name in names}
    for round_ in range(rounds):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            before = warnings.count
            times[name].append(_burst(contenders[name], threads, per_thread))
            warned[name] += warnings.count - before
        for name in names:
            ratios[name].append(times[yardstick][-1] / times[name][-1])
    warnings.remove()
    calls = threads * per_thread
    return {
        name: {
            "rps": calls / statistics.median(times[name]),
            "ratio": statistics.median(ratios[name]),
            "warnings": warned[name],
        }
        for name in names
    }


class _WarningCounter(logging.Handler):
    """Counts the log lines at WARNING and above, from any logger."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0
        logging.getLogger().addHandler(self)

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    def remove(self) -> None:
        logging.getLogger().removeHandler(self)


def threads(args: argparse.Namespace) -> Dict[str, Any]:
    from mattermostdriver.options import DEFAULT_MAX_CONNECTIONS

    default = DEFAULT_MAX_CONNECTIONS
    results: Dict[str, Any] = {"default_cap": default, "threads": args.threads}
    # the driver as it comes, beside a raw urllib3 pool of the same cap
    results["default"] = _alternate(
        {"urllib3": _urllib3(args, default), "ours": _ours(args)},
        "urllib3",
        args.threads,
        args.per_thread,
        args.rounds,
    )
    # what a cap costs: the driver at each cap, beside urllib3 with a connection for every
    # thread (no cap), and urllib3's default pool (10, opening and discarding more when full)
    sweep: Dict[str, Call] = {
        "uncapped": _urllib3(args, None, args.threads),
        "urllib3-default": _urllib3(args, None),
    }
    for cap in (int(c) for c in args.caps.split(",")):
        sweep[f"ours-{cap}"] = _ours(args, max_connections=cap, pool_maxsize=cap)
    results["caps"] = _alternate(sweep, "uncapped", args.threads, args.per_thread, max(args.rounds // 2, 3))
    return results


# -- tasks --------------------------------------------------------------------------------------------
async def _tasks_round(call: Callable[[], Any], total: int, in_flight: int) -> float:
    left = total

    async def worker() -> None:
        nonlocal left
        while left > 0:
            left -= 1
            await call()

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(in_flight)))
    return time.perf_counter() - began


async def _tasks(args: argparse.Namespace) -> Dict[str, Any]:
    import aiohttp

    from mattermostdriver import AsyncDriver
    from mattermostdriver.options import DEFAULT_MAX_CONNECTIONS

    default = DEFAULT_MAX_CONNECTIONS
    context = ssl.create_default_context(cafile=args.ca)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    url = f"https://127.0.0.1:{args.port}{PATH}"
    base = {"url": f"https://127.0.0.1:{args.port}", "verify": args.ca, "token": TOKEN}
    sessions: List[Any] = []
    drivers: List[Any] = []

    def raw(cap: int) -> Callable[[], Any]:
        connector = aiohttp.TCPConnector(ssl=context, limit=0, limit_per_host=cap)
        session = aiohttp.ClientSession(connector=connector)
        sessions.append(session)

        async def get() -> Any:
            async with session.get(url, headers=headers) as response:
                return await response.json()

        return get

    def ours(**options: Any) -> Callable[[], Any]:
        driver = AsyncDriver({**base, **options})
        driver.client.token = TOKEN
        drivers.append(driver)
        return lambda: driver.users.get_user("me")

    try:
        # the driver as it comes, beside raw aiohttp with the same cap; then the driver at each
        # cap beside raw aiohttp as it comes (limit 100 in all, none per host)
        default_run = await _alternate_tasks({"aiohttp": raw(default), "ours": ours()}, "aiohttp", args)
        sweep = {"aiohttp-default": raw(100)}
        for cap in (int(c) for c in args.caps.split(",")):
            sweep[f"ours-{cap}"] = ours(max_connections=cap, pool_maxsize=cap)
        caps = await _alternate_tasks(sweep, "aiohttp-default", args, max(args.rounds // 2, 3))
    finally:
        for driver in drivers:
            await driver.close()
        for session in sessions:
            await session.close()
    return {"default_cap": default, "in_flight": args.in_flight, "default": default_run, "caps": caps}


async def _alternate_tasks(
    contenders: Dict[str, Callable[[], Any]], yardstick: str, args: argparse.Namespace, rounds: int = 0
) -> Dict[str, Dict[str, float]]:
    names = list(contenders)
    for name in names:  # connect, handshake, warm
        await _tasks_round(contenders[name], 2 * args.in_flight, args.in_flight)
    times: Dict[str, List[float]] = {name: [] for name in names}
    ratios: Dict[str, List[float]] = {name: [] for name in names}
    for round_ in range(rounds or args.rounds):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            times[name].append(await _tasks_round(contenders[name], args.total, args.in_flight))
        for name in names:
            ratios[name].append(times[yardstick][-1] / times[name][-1])
    return {
        name: {"rps": args.total / statistics.median(times[name]), "ratio": statistics.median(ratios[name])}
        for name in names
    }


def tasks(args: argparse.Namespace) -> Dict[str, Any]:
    return asyncio.run(_tasks(args))


# -- memory -------------------------------------------------------------------------------------------
def rss(args: argparse.Namespace) -> Dict[str, Any]:
    call = _ours(args)
    warm = args.calls // 10
    per_thread = warm // 32
    _burst(call, 32, per_thread)
    sync_warm = _rss_kb()
    peak = sync_warm
    for _ in range(9):
        _burst(call, 32, per_thread)
        peak = max(peak, _rss_kb())
    sync_end = _rss_kb()

    async def main() -> Dict[str, int]:
        from mattermostdriver import AsyncDriver

        async with AsyncDriver({"url": f"https://127.0.0.1:{args.port}", "verify": args.ca}) as d:
            d.client.token = TOKEN
            await _tasks_round(lambda: d.users.get_user("me"), warm, 256)
            start = _rss_kb()
            most = start
            for _ in range(9):
                await _tasks_round(lambda: d.users.get_user("me"), warm, 256)
                most = max(most, _rss_kb())
            return {"warm_kb": start, "end_kb": _rss_kb(), "peak_kb": most}

    return {
        "calls": 10 * 32 * per_thread,
        "sync": {"warm_kb": sync_warm, "end_kb": sync_end, "peak_kb": peak},
        "async": asyncio.run(main()),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["threads", "tasks", "rss"])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--ca", required=True)
    parser.add_argument("--threads", type=int, default=32)
    parser.add_argument("--per-thread", type=int, default=20)
    parser.add_argument("--caps", default="8,16,32,64", help="the caps to measure the driver at")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--total", type=int, default=3000)
    parser.add_argument("--in-flight", type=int, default=256)
    parser.add_argument("--calls", type=int, default=100_000)
    args = parser.parse_args()
    result = {"threads": threads, "tasks": tasks, "rss": rss}[args.command](args)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
