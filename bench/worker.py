"""One measurement in a fresh interpreter: ours (the project's venv), or a peer in its own venv.

It imports only what its contenders need from its interpreter, and prints one JSON line.
``bench/run.py`` starts it, from outside the checkout; it is not meant to be run by hand.

    worker.py throughput --port P --ca CA --rounds R --n N --contenders session,ours
    worker.py memory --port P --ca CA --op upload|download --size BYTES [--source PATH]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import sys
import time
from typing import Any, Callable, Dict, List, Tuple

Ops = Dict[str, Callable[[], Any]]

TOKEN = "benchtoken0000000000000000"
CHANNEL = "c" * 26


def make_driver(args: argparse.Namespace) -> Any:
    from mattermostdriver import Driver

    options: Dict[str, Any] = {"scheme": args.scheme, "url": args.host, "port": args.port, "token": TOKEN}
    if args.ca:
        options["verify"] = args.ca
    if args.token:
        options["token"] = args.token
    driver = Driver(options)
    driver.client.token = options["token"]  # 7.3.2 sets it only in login()
    return driver


def _base(args: argparse.Namespace) -> str:
    return f"{args.scheme}://{args.host}:{args.port}/api/v4"


def _token(args: argparse.Namespace) -> str:
    return str(args.token or TOKEN)


BODY = {"channel_id": CHANNEL, "message": "hello from the bench"}


def urllib3_pool(args: argparse.Namespace) -> Ops:
    """The yardstick: a raw urllib3 pool (what requests sends through), JSON decoded."""
    import urllib3

    kwargs: Dict[str, Any] = {"maxsize": 4}
    if args.scheme == "https":
        kwargs["ca_certs"] = args.ca or None
        pool: Any = urllib3.HTTPSConnectionPool(args.host, args.port, **kwargs)
    else:
        pool = urllib3.HTTPConnectionPool(args.host, args.port, **kwargs)
    headers = {"Authorization": f"Bearer {_token(args)}"}
    post_headers = {**headers, "Content-Type": "application/json"}
    path = "/api/v4" + (args.path or "/users/me")
    body = json.dumps(BODY).encode()
    return {
        "get": lambda: json.loads(pool.request("GET", path, headers=headers).data),
        "post": lambda: json.loads(
            pool.request("POST", "/api/v4/posts", body=body, headers=post_headers).data
        ),
    }


def session(args: argparse.Namespace) -> Ops:
    """A plain requests.Session."""
    import requests

    s = requests.Session()
    if args.ca:
        s.verify = args.ca
    s.headers["Authorization"] = f"Bearer {_token(args)}"
    base = _base(args)
    return {
        "get": lambda: s.get(base + (args.path or "/users/me")).json(),
        "post": lambda: s.post(f"{base}/posts", json=BODY).json(),
    }


def ours(args: argparse.Namespace) -> Ops:
    """mattermostdriver (this project, or 7.3.2 in its own venv)."""
    driver = make_driver(args)
    get = (lambda: driver.client.get(args.path)) if args.path else (lambda: driver.users.get_user("me"))
    return {"get": get, "post": lambda: driver.posts.create_post(BODY)}


def autodriver(args: argparse.Namespace) -> Ops:
    """mattermostautodriver's TypedDriver (httpx), in its own venv."""
    from mattermostautodriver import TypedDriver

    options: Dict[str, Any] = {
        "scheme": args.scheme,
        "url": args.host,
        "port": args.port,
        "token": _token(args),
    }
    if args.ca:
        options["verify"] = args.ca
    driver = TypedDriver(options)
    driver.client.token = _token(args)
    return {
        "get": lambda: driver.users.get_user("me"),
        "post": lambda: driver.posts.create_post(channel_id=CHANNEL, message=BODY["message"]),
    }


def matterapi(args: argparse.Namespace) -> Ops:
    """matterapi's SyncClient in a session (httpx, pydantic models), in its own venv."""
    from matterapi import ApiClientOptions, SyncClient
    from matterapi.client.base import AuthToken, HttpxClientOptions

    options = ApiClientOptions(
        url=f"{args.scheme}://{args.host}:{args.port}",
        basepath="",
        auth=AuthToken(token=_token(args)),
        httpx_client_options=HttpxClientOptions(verify=args.ca or True),
    )
    client = SyncClient(options=options).session().__enter__()
    return {"get": lambda: client.users.get_user("me")}


CONTENDERS: Dict[str, Callable[[argparse.Namespace], Ops]] = {
    "urllib3": urllib3_pool,
    "session": session,
    "ours": ours,
    "autodriver": autodriver,
    "matterapi": matterapi,
}


def _run(fn: Callable[[], Any], n: int) -> Tuple[float, float]:
    """Wall and CPU (user + sys) seconds of ``n`` calls."""
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(n):
        fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def throughput(args: argparse.Namespace) -> Dict[str, Any]:
    """Requests per second of each contender, interleaved round by round, against the urllib3 yardstick.

    Every contender runs ``n`` requests per round, in an order that rotates; a round's ratio is
    the yardstick's time per request over the contender's, and the result is the median of
    the rounds' ratios (the machine's load drifts; the ratio within a round holds).
    """
    names = ["urllib3", *(c for c in args.contenders.split(",") if c != "urllib3")]
    made = {name: CONTENDERS[name](args) for name in names}
    results: Dict[str, Any] = {}
    for op in ("get", "post"):
        if args.path and op == "post":
            continue
        fns = {name: ops[op] for name, ops in made.items() if op in ops}
        for _ in range(20):  # connect, handshake, warm every code path
            for fn in fns.values():
                fn()
        walls: Dict[str, List[float]] = {name: [] for name in fns}
        cpus: Dict[str, List[float]] = {name: [] for name in fns}
        ratios: Dict[str, List[float]] = {name: [] for name in fns}
        order = list(fns)
        for round_ in range(args.rounds):
            shift = round_ % len(order)
            for name in order[shift:] + order[:shift]:
                wall, cpu = _run(fns[name], args.n)
                walls[name].append(wall / args.n)
                cpus[name].append(cpu / args.n)
            for name in fns:
                ratios[name].append(walls["urllib3"][-1] / walls[name][-1])
        results[op] = {
            name: {
                "rps": 1 / statistics.median(walls[name]),
                "ratio": statistics.median(ratios[name]),
                "cpu_us": 1e6 * statistics.median(cpus[name]),
            }
            for name in fns
        }
    return results


def memory(args: argparse.Namespace) -> Dict[str, Any]:
    """Peak RSS of one upload or download, over the baseline of a warmed-up driver."""
    driver = make_driver(args)
    ours = hasattr(driver.files, "download_file")
    driver.users.get_user("me")
    # warm the same code path on a tiny file, so the baseline includes its imports
    if args.op == "upload":
        driver.files.upload_file(CHANNEL, {"files": ("warm.txt", b"warm")})
    elif ours:
        with open(os.devnull, "wb") as sink:
            driver.files.download_file("tiny", sink)
    else:
        driver.files.get_file("tiny").content  # noqa: B018
    gc.collect()
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    if args.op == "upload":
        with open(args.source, "rb") as fp:
            driver.files.upload_file(CHANNEL, {"files": ("big.bin", fp)})
        moved = args.size
    elif ours:
        with open(os.devnull, "wb") as sink:
            moved = driver.files.download_file(args.file_id, sink)
    else:
        moved = len(driver.files.get_file(args.file_id).content)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if moved != args.size:
        raise SystemExit(f"moved {moved} bytes, expected {args.size}")
    return {"baseline_kb": baseline, "peak_kb": peak, "vmhwm_kb": _vmhwm(), "seconds": elapsed}


def memory_async(args: argparse.Namespace) -> Dict[str, Any]:
    """The same as :func:`memory` through the AsyncDriver."""
    import asyncio

    from mattermostdriver import AsyncDriver

    async def main() -> Dict[str, Any]:
        options = {
            "scheme": args.scheme,
            "url": args.host,
            "port": args.port,
            "token": TOKEN,
            "verify": args.ca,
        }
        async with AsyncDriver(options) as d:
            d.client.token = TOKEN
            await d.users.get_user("me")
            if args.op == "upload":
                await d.files.upload_file(CHANNEL, {"files": ("warm.txt", b"warm")})
            else:
                with open(os.devnull, "wb") as sink:
                    await d.files.download_file("tiny", sink)
            gc.collect()
            baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            started = time.perf_counter()
            if args.op == "upload":
                with open(args.source, "rb") as fp:
                    await d.files.upload_file(CHANNEL, {"files": ("big.bin", fp)})
                moved = args.size
            else:
                with open(os.devnull, "wb") as sink:
                    moved = await d.files.download_file(args.file_id, sink)
            elapsed = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if moved != args.size:
            raise SystemExit(f"moved {moved} bytes, expected {args.size}")
        return {"baseline_kb": baseline, "peak_kb": peak, "vmhwm_kb": _vmhwm(), "seconds": elapsed}

    return asyncio.run(main())


def _vmhwm() -> int:
    """The kernel's high-water mark of this process's RSS (a cross-check of ru_maxrss), in kB."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["throughput", "memory", "memory-async"])
    parser.add_argument("--scheme", default="https")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--ca", default="")
    parser.add_argument("--token", default="")
    parser.add_argument("--path", default="", help="throughput: GET this path (the real server)")
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--n", type=int, default=10, help="throughput: requests per contender per round")
    parser.add_argument(
        "--contenders", default="session,ours", help="throughput: besides the urllib3 yardstick"
    )
    parser.add_argument("--op", choices=["upload", "download"])
    parser.add_argument("--size", type=int, default=0)
    parser.add_argument("--source", default="")
    parser.add_argument("--file-id", default="")
    args = parser.parse_args()
    commands = {"throughput": throughput, "memory": memory, "memory-async": memory_async}
    result = commands[args.command](args)
    print(json.dumps(result))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
