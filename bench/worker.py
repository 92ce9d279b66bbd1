"""One measurement in a fresh interpreter: ours (the project's venv) or 7.3.2 (its own venv).

It imports only ``requests`` and whichever ``mattermostdriver`` its interpreter has, and prints
one JSON line. ``bench/run.py`` starts it; it is not meant to be run by hand.

    worker.py throughput --port P --ca CA --rounds R --n-raw N --n-driver M
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


def raw_session(args: argparse.Namespace) -> Tuple[Any, str]:
    import requests

    session = requests.Session()
    if args.ca:
        session.verify = args.ca
    session.headers["Authorization"] = f"Bearer {args.token or TOKEN}"
    return session, f"{args.scheme}://{args.host}:{args.port}/api/v4"


def _run(fn: Callable[[], Any], n: int) -> Tuple[float, float]:
    """Wall and CPU seconds of ``n`` calls."""
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(n):
        fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def throughput(args: argparse.Namespace) -> Dict[str, Any]:
    """Requests per second of a plain Session and of the driver, interleaved round by round."""
    driver = make_driver(args)
    session, base = raw_session(args)
    body = {"channel_id": CHANNEL, "message": "hello from the bench"}
    ops: Dict[str, Tuple[Callable[[], Any], Callable[[], Any]]] = {
        "get": (lambda: session.get(f"{base}/users/me").json(), lambda: driver.users.get_user("me")),
        "post": (
            lambda: session.post(f"{base}/posts", json=body).json(),
            lambda: driver.posts.create_post(body),
        ),
    }
    if args.path:  # the real server: GET only, on the given path
        ops = {
            "get": (
                lambda: session.get(f"{base}{args.path}").json(),
                lambda: driver.client.get(args.path),
            )
        }
    results: Dict[str, Any] = {}
    for name, (raw, ours) in ops.items():
        for _ in range(20):  # connect, handshake, warm every code path
            raw()
            ours()
        walls: Dict[str, List[float]] = {"raw": [], "driver": []}
        cpus: Dict[str, List[float]] = {"raw": [], "driver": []}
        ratios: List[float] = []
        for round_ in range(args.rounds):
            order = [("raw", raw, args.n_raw), ("driver", ours, args.n_driver)]
            if round_ % 2:
                order.reverse()
            for who, fn, n in order:
                wall, cpu = _run(fn, n)
                walls[who].append(wall / n)
                cpus[who].append(cpu / n)
            ratios.append(walls["raw"][-1] / walls["driver"][-1])
        results[name] = {
            "raw": 1 / statistics.median(walls["raw"]),
            "driver": 1 / statistics.median(walls["driver"]),
            "ratio": statistics.median(ratios),
            # client CPU per request, raw / driver: insensitive to what else the machine runs
            "cpu_ratio": sum(cpus["raw"]) / sum(cpus["driver"]),
            "cpu_us": {k: 1e6 * statistics.mean(v) for k, v in cpus.items()},
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
    parser.add_argument("command", choices=["throughput", "memory"])
    parser.add_argument("--scheme", default="https")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--ca", default="")
    parser.add_argument("--token", default="")
    parser.add_argument("--path", default="", help="throughput: GET this path (the real server)")
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--n-raw", type=int, default=10)
    parser.add_argument("--n-driver", type=int, default=10)
    parser.add_argument("--op", choices=["upload", "download"])
    parser.add_argument("--size", type=int, default=0)
    parser.add_argument("--source", default="")
    parser.add_argument("--file-id", default="")
    args = parser.parse_args()
    result = throughput(args) if args.command == "throughput" else memory(args)
    print(json.dumps(result))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
