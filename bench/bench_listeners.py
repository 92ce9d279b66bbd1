"""Many websocket listeners in one process: threads, RSS and events/s, ours beside a raw websockets client.

For 1, 10 and 100 listeners, each kind in a fresh interpreter started outside the checkout:

* ``sync``: ``Driver.init_websocket(handler, blocking=False)`` (the non-blocking listener);
* ``async``: ``AsyncDriver.events()``, one ``async for`` task per listener, on one loop;
* ``async-init``: ``AsyncDriver.init_websocket(handler)``, a task per listener, on one loop;
* ``raw-sync``: ``websockets.sync.client.connect`` with its defaults and a reader thread each;
* ``raw-async``: ``websockets.asyncio.client.connect`` with its defaults, a task each.

Every client decodes each event and the post inside it (what a bot needs: ours with
``decode=True``, the raw clients with two ``json.loads``). A local server, a process of its own
(websockets' asyncio server), greets each connection with a ``hello`` and holds it until every listener is
connected; then the threads and the RSS the listeners added are counted, and on a signal the
server sends every connection the same ``posted`` events: events/s is all of them over the
time until the last one arrived.

    .venv/bin/python bench/bench_listeners.py [--rounds 3] [--ours PATH] [--label NAME]

``--ours`` imports mattermostdriver from another checkout (default: this one), to set an older
version beside this one in the same run (``--compare PATH`` adds it as more rows).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Callable, Dict, List
from urllib.parse import parse_qs, urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUTSIDE = tempfile.gettempdir()
TOKEN = "benchtoken0000000000000000"
COUNTS = (1, 10, 100)
TOTAL = 60000  # events per measurement, shared out between the listeners
KINDS = ("raw-sync", "sync", "raw-async", "async", "async-init")


def _frames(count: int) -> List[str]:
    broadcast = {"omit_users": None, "user_id": "", "channel_id": "c" * 26, "team_id": "t" * 26}
    frames = []
    for seq in range(1, count + 1):
        post = {"id": f"{seq:026d}", "channel_id": "c" * 26, "user_id": "u" * 26, "message": "hello " * 8}
        data = {
            "channel_type": "O",
            "channel_name": "town-square",
            "sender_name": "@bot",
            "post": json.dumps(post),
        }
        frames.append(json.dumps({"event": "posted", "data": data, "broadcast": broadcast, "seq": seq}))
    return frames


# -- the server (a process of its own) -------------------------------------------------------


def serve(per_connection: int) -> None:
    """Print ``<port> <control port>``; stream the events to every held connection on each ``go``."""
    from websockets.asyncio.server import ServerConnection
    from websockets.asyncio.server import serve as ws_serve
    from websockets.exceptions import ConnectionClosed

    frames = _frames(per_connection)

    async def main() -> None:
        state = {"go": asyncio.Event(), "n": 0}

        async def handler(ws: ServerConnection) -> None:
            query = parse_qs(urlsplit(ws.request.path if ws.request else "").query)
            first = int(query.get("sequence_number", ["1"])[0])  # a resume: replay from there
            if "connection_id" not in query:
                state["n"] += 1
                hello = {"event": "hello", "data": {"connection_id": f"{state['n']:026d}"}, "seq": 0}
                await ws.send(json.dumps(hello))
                go = state["go"]
                assert isinstance(go, asyncio.Event)
                await go.wait()
            try:
                for frame in frames[max(first, 1) - 1 :]:
                    await ws.send(frame)
            except ConnectionClosed:
                return  # a warm-up listener, gone before the signal
            await ws.wait_closed()

        async def control(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            await reader.readline()
            go, state["go"] = state["go"], asyncio.Event()
            assert isinstance(go, asyncio.Event)
            go.set()
            writer.close()

        async with ws_serve(handler, "127.0.0.1", 0, ping_interval=None, max_queue=None) as server:
            ctl = await asyncio.start_server(control, "127.0.0.1", 0)
            port = server.sockets[0].getsockname()[1]
            print(port, ctl.sockets[0].getsockname()[1], flush=True)
            await asyncio.Event().wait()

    asyncio.run(main())


# -- one measurement (a fresh interpreter) ---------------------------------------------------


def _rss_kb() -> int:
    with open("/proc/self/statm") as fp:
        return int(fp.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def _go(control: int) -> None:
    with socket.create_connection(("127.0.0.1", control)) as sock:
        sock.sendall(b"go\n")


def _decoded(text: str) -> Dict[str, Any]:
    """What a raw client does with a frame before a bot can use it: the event, and its post."""
    message: Dict[str, Any] = json.loads(text)
    data = message.get("data") or {}
    if isinstance(data.get("post"), str):
        data["post"] = json.loads(data["post"])
    return message


def _as_is(message: Dict[str, Any]) -> Dict[str, Any]:
    return message


def _sync_listeners(kind: str, port: int, count: int, events: int) -> Any:
    """Start ``count`` listeners; return (wait until all got the hello, wait for all events, close)."""
    hellos = [threading.Event() for _ in range(count)]
    dones = [threading.Event() for _ in range(count)]
    closers: List[Callable[[], None]] = []
    url = f"ws://127.0.0.1:{port}/api/v4/websocket"
    for i in range(count):
        seen = [0]

        def on_event(message: Dict[str, Any], i: int = i, seen: List[int] = seen) -> None:
            if message.get("event") == "hello":
                hellos[i].set()
            else:
                seen[0] += 1
                if seen[0] == events:
                    dones[i].set()

        if kind == "sync":
            from mattermostdriver import Driver

            options = {"scheme": "http", "url": "127.0.0.1", "port": port, "token": TOKEN}
            driver = Driver(options)
            driver.init_websocket(on_event, blocking=False, decode=True)
            closers.append(driver.disconnect)
        else:
            from websockets.sync.client import connect

            conn = connect(url, additional_headers={"Authorization": f"Bearer {TOKEN}"})

            def read(conn: Any = conn, on_event: Callable[[Any], None] = on_event) -> None:
                try:
                    for text in conn:
                        on_event(_decoded(text))
                except Exception:
                    pass

            threading.Thread(target=read, daemon=True).start()
            closers.append(conn.close)

    def connected() -> None:
        for event in hellos:
            if not event.wait(60):
                raise RuntimeError("a listener got no hello")

    def received() -> None:
        for event in dones:
            if not event.wait(300):
                raise RuntimeError("a listener did not get all its events")

    def close() -> None:
        for closer in closers:
            closer()

    return connected, received, close


async def _async_listeners(kind: str, port: int, count: int, events: int, control: int) -> Dict[str, Any]:
    url = f"ws://127.0.0.1:{port}/api/v4/websocket"
    hellos = [asyncio.Event() for _ in range(count)]
    closers: List[Any] = []
    tasks = []

    async def consume(i: int, items: Any, decode: Callable[[Any], Dict[str, Any]]) -> None:
        seen = 0
        async for item in items:
            message = decode(item)
            if message.get("event") == "hello":
                hellos[i].set()
                continue
            seen += 1
            if seen == events:
                return

    dones: List[asyncio.Future[None]] = []
    for i in range(count):
        if kind == "async-init":  # AsyncDriver.init_websocket(handler): the 8.1 form too
            from mattermostdriver import AsyncDriver

            driver = AsyncDriver({"scheme": "http", "url": "127.0.0.1", "port": port, "token": TOKEN})
            done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            seen = [0]

            def handler(message: Any, i: int = i, seen: List[int] = seen, done: Any = done) -> None:
                if message.get("event") == "hello":
                    hellos[i].set()
                    return
                seen[0] += 1
                if seen[0] == events:
                    done.set_result(None)

            listening = asyncio.ensure_future(driver.init_websocket(handler, decode=True))
            dones.append(done)
            closers.append(driver.close)
            closers.append(lambda listening=listening: asyncio.wait({listening}))
        elif kind == "async":
            from mattermostdriver import AsyncDriver

            driver = AsyncDriver({"scheme": "http", "url": "127.0.0.1", "port": port, "token": TOKEN})
            stream = driver.events(decode=True)
            await stream.open()
            tasks.append(asyncio.ensure_future(consume(i, stream.__aiter__(), _as_is)))
            closers.append(stream.aclose)
            closers.append(driver.close)
        else:
            from websockets.asyncio.client import connect

            conn = await connect(url, additional_headers={"Authorization": f"Bearer {TOKEN}"})
            tasks.append(asyncio.ensure_future(consume(i, conn, _decoded)))
            closers.append(conn.close)
    for event in hellos:
        await asyncio.wait_for(event.wait(), 60)
    before = threading.active_count(), _rss_kb()
    _go(control)
    started = time.perf_counter()
    await asyncio.wait_for(asyncio.gather(*tasks, *dones), 300)
    elapsed = time.perf_counter() - started
    for close in closers:
        await close()
    return {"threads_now": before[0], "rss_now": before[1], "seconds": elapsed}


def measure(kind: str, port: int, control: int, count: int) -> Dict[str, Any]:
    """One kind, ``count`` listeners: threads and RSS they added, events/s."""
    events = TOTAL // count
    if kind in ("sync", "raw-sync"):
        _, _, close = warm = _sync_listeners(kind, port, 1, events)  # imports, first-use setup
        warm[0]()
        close()
        time.sleep(0.5)
        threads0, rss0 = threading.active_count(), _rss_kb()
        connected, received, close = _sync_listeners(kind, port, count, events)
        connected()
        threads1, rss1 = threading.active_count(), _rss_kb()
        _go(control)
        started = time.perf_counter()
        received()
        seconds = time.perf_counter() - started
        close()
    else:

        async def main() -> Dict[str, Any]:
            return await _async_listeners(kind, port, count, events, control)

        asyncio.run(_warm_async(kind, port))
        threads0, rss0 = threading.active_count(), _rss_kb()
        result = asyncio.run(main())
        threads1, rss1, seconds = result["threads_now"], result["rss_now"], result["seconds"]
    import mattermostdriver

    return {
        "kind": kind,
        "listeners": count,
        "threads": threads1 - threads0,
        "rss_kb": rss1 - rss0,
        "events_per_s": count * events / seconds,
        "ours": str(Path(mattermostdriver.__file__).parent.parent),
    }


async def _warm_async(kind: str, port: int) -> None:
    url = f"ws://127.0.0.1:{port}/api/v4/websocket"
    if kind in ("async", "async-init"):
        from mattermostdriver import AsyncDriver

        async with AsyncDriver({"scheme": "http", "url": "127.0.0.1", "port": port, "token": TOKEN}) as d:
            got = asyncio.Event()
            listening = asyncio.ensure_future(d.init_websocket(lambda message: got.set()))
            await got.wait()
            d.disconnect()
            await listening
    else:
        from websockets.asyncio.client import connect

        async with connect(url, additional_headers={"Authorization": f"Bearer {TOKEN}"}) as conn:
            await conn.recv()


# -- the driver of it all --------------------------------------------------------------------


def run_measure(kind: str, count: int, port: int, control: int, ours: Path) -> Dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(ours))
    cmd = [
        sys.executable,
        str(HERE / "bench_listeners.py"),
        "measure",
        kind,
        str(count),
        str(port),
        str(control),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=OUTSIDE, timeout=900)
    if done.returncode != 0:
        raise RuntimeError(f"{kind} x{count} failed: {done.stderr.strip()[-800:]}")
    result: Dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def table(rows: List[Dict[str, Any]]) -> List[str]:
    raw = {(r["kind"], r["listeners"]): r for r in rows if r["kind"].startswith("raw")}
    header = [
        "listeners",
        "client",
        "threads",
        "per listener",
        "RSS MB",
        "KB per listener",
        "events/s",
        "vs raw",
    ]
    cells = [header]
    for r in rows:
        n = r["listeners"]
        yard = raw.get(("raw-async" if "async" in r["kind"] else "raw-sync", n))
        vs = f"{r['events_per_s'] / yard['events_per_s']:.2f}" if yard and yard is not r else ""
        cells.append(
            [
                str(n),
                r["label"],
                str(r["threads"]),
                f"{r['threads'] / n:.1f}",
                f"{r['rss_kb'] / 1024:.1f}",
                f"{r['rss_kb'] / n:.0f}",
                f"{r['events_per_s']:.0f}",
                vs,
            ]
        )
    widths = [max(len(c[i]) for c in cells) for i in range(len(header))]
    lines = [
        "  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths)))
        for row in cells
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the grid; the best events/s is kept")
    parser.add_argument("--ours", default=str(ROOT), help="the checkout whose mattermostdriver is measured")
    parser.add_argument("--label", default="", help="how to name ours in the table")
    parser.add_argument("--compare", default=None, help="another checkout, measured as more rows")
    parser.add_argument("--compare-label", default="before")
    args = parser.parse_args()
    per_connection = {n: TOTAL // n for n in COUNTS}
    servers = {}
    try:
        for n, events in per_connection.items():
            proc = subprocess.Popen(
                [sys.executable, str(HERE / "bench_listeners.py"), "serve", str(events)],
                stdout=subprocess.PIPE,
                text=True,
                cwd=OUTSIDE,
            )
            assert proc.stdout is not None
            port, control = map(int, proc.stdout.readline().split())
            servers[n] = (proc, port, control)
        contenders = [(kind, Path(args.ours), args.label or "ours") for kind in KINDS]
        if args.compare:
            contenders += [(k, Path(args.compare), args.compare_label) for k in ("sync", "async-init")]
        best: Dict[Any, Dict[str, Any]] = {}
        for _ in range(args.rounds):
            for n in COUNTS:
                _, port, control = servers[n]
                for kind, ours, label in contenders:
                    result = run_measure(kind, n, port, control, ours)
                    key = (label, kind, n)
                    if key not in best or result["events_per_s"] > best[key]["events_per_s"]:
                        best[key] = result
                    tag = kind if kind.startswith("raw") else f"{label} {kind}"
                    best[key]["label"] = tag
                    print(
                        f"[bench] {tag} x{n}: {result['events_per_s']:.0f} events/s",
                        file=sys.stderr,
                        flush=True,
                    )
    finally:
        for proc, _, _ in servers.values():
            proc.terminate()
            proc.wait()
    rows = sorted(
        best.values(), key=lambda r: (r["listeners"], "async" in r["kind"], not r["kind"].startswith("raw"))
    )
    print(f"Websocket listeners in one process ({TOTAL} events per measurement, best of {args.rounds}):")
    for line in table(rows):
        print(line)
    print(
        "threads and RSS: added by the listeners once connected (after a warm-up listener); raw-sync counts "
        "its reader threads, as a user of it needs them"
    )
    print(json.dumps({"listeners": rows}))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "serve":
        serve(int(sys.argv[2]))
    elif len(sys.argv) > 1 and sys.argv[1] == "measure":
        kind, count, port, control = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
        print(json.dumps(measure(kind, port, control, count)))
    else:
        main()
