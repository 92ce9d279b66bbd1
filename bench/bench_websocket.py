"""Events per second through ``Websocket.start(handler)`` against a raw ``websockets`` receive loop.

A local server (in a child process, so it does not share the GIL with the clients) sends a
``hello`` and then N small ``posted`` event frames to every connection. Both clients read the
same stream from the same server in the same run; the best of a few rounds is kept.

    .venv/bin/python bench/bench_websocket.py [-n 50000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import threading
import time
from typing import Any

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect
from websockets.sync.server import ServerConnection, serve

from mattermostdriver.websocket import Websocket

TOKEN = "bench-token"


def _frames(count: int) -> list[str]:
    broadcast = {"omit_users": None, "user_id": "", "channel_id": "ch", "team_id": "", "connection_id": ""}
    hello = {"event": "hello", "data": {"connection_id": "c" * 26}, "broadcast": broadcast, "seq": 0}
    frames = [json.dumps(hello)]
    for seq in range(1, count + 1):
        data = {"status": "online", "user_id": "u" * 26}
        frames.append(
            json.dumps({"event": "status_change", "data": data, "broadcast": broadcast, "seq": seq})
        )
    return frames


def _serve(count: int, ports: Any) -> None:
    frames = _frames(count)

    def handler(ws: ServerConnection) -> None:
        for frame in frames:
            ws.send(frame)
        try:
            for _ in ws:  # keep the connection open until the client closes it
                pass
        except ConnectionClosed:
            pass

    with serve(handler, "127.0.0.1", 0, ping_interval=None) as server:
        ports.put(server.socket.getsockname()[1])
        server.serve_forever()


def raw_loop(port: int, count: int) -> float:
    start = time.perf_counter()
    url = f"ws://127.0.0.1:{port}/api/v4/websocket"
    with connect(url, additional_headers={"Authorization": f"Bearer {TOKEN}"}) as ws:
        for _ in range(count + 1):
            ws.recv()
    return time.perf_counter() - start


def driver_start(port: int, count: int) -> float:
    done = threading.Event()
    seen = 0

    def handler(text: str) -> None:
        nonlocal seen
        seen += 1
        if seen == count + 1:
            done.set()

    options = {"scheme": "http", "url": "127.0.0.1", "port": port, "keepalive": False}
    ws = Websocket(options, TOKEN)
    start = time.perf_counter()
    ws.start(handler)
    if not done.wait(120):
        raise RuntimeError(f"only {seen} of {count + 1} messages arrived")
    elapsed = time.perf_counter() - start
    ws.stop()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=50000, help="events per connection")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    ports: Any = multiprocessing.Queue()
    proc = multiprocessing.Process(target=_serve, args=(args.n, ports), daemon=True)
    proc.start()
    port = ports.get(timeout=30)
    try:
        raw_best = drv_best = float("inf")
        for _ in range(args.rounds):
            raw_best = min(raw_best, raw_loop(port, args.n))
            drv_best = min(drv_best, driver_start(port, args.n))
    finally:
        proc.terminate()
        proc.join()
    raw_rate, drv_rate = args.n / raw_best, args.n / drv_best
    print(f"events per connection: {args.n}, best of {args.rounds} rounds")
    print(f"raw websockets.sync recv loop: {raw_rate:10.0f} events/s")
    print(f"Websocket.start(handler):      {drv_rate:10.0f} events/s")
    print(f"ratio driver/raw: {drv_rate / raw_rate:.2f}")


if __name__ == "__main__":
    main()
