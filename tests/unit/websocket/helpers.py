"""Helpers of the websocket unit tests: handlers that record what they get, options, polling."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from typing import Any, Callable, Dict, List, Tuple

from mattermostdriver.websocket import THREAD_NAME, Websocket

from ...support.ws_server import TOKEN, FakeMattermost

TIMEOUT = 0.5  # ping interval and pong deadline of the listener under test


def wait_until(predicate: Callable[[], Any], timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.005)
    return True


class Collector:
    """A plain handler that records every message (and when it came)."""

    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.texts: List[str] = []
        self.times: List[float] = []
        self.threads: List[str] = []

    def __call__(self, text: str) -> None:
        self.record(text)

    def record(self, text: str) -> None:
        with self.cond:
            self.texts.append(text)
            self.times.append(time.monotonic())
            self.threads.append(threading.current_thread().name)
            self.cond.notify_all()

    def messages(self) -> List[Dict[str, Any]]:
        """The messages that are JSON objects, decoded (a hostile server may send anything)."""
        with self.cond:
            texts = list(self.texts)
        return [m for m in map(_object_or_none, texts) if m is not None]

    def events(self, name: str = "posted") -> List[Dict[str, Any]]:
        return [m for m in self.messages() if m.get("event") == name]

    def seqs(self, name: str = "posted") -> List[int]:
        return [m["seq"] for m in self.events(name)]

    def wait_for(self, predicate: Callable[[Collector], Any], timeout: float = 5.0) -> bool:
        with self.cond:
            return bool(self.cond.wait_for(lambda: predicate(self), timeout))

    def wait_events(self, count: int, name: str = "posted", timeout: float = 5.0) -> List[int]:
        assert self.wait_for(lambda c: len(c.events(name)) >= count, timeout), (count, self.texts[-5:])
        return self.seqs(name)


def _object_or_none(text: str) -> Any:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


class AsyncCollector(Collector):
    async def __call__(self, text: str) -> None:  # type: ignore[override]
        await asyncio.sleep(0)
        self.record(text)


def options(port: int, **overrides: Any) -> Dict[str, Any]:
    opts: Dict[str, Any] = {
        "scheme": "http",
        "url": "127.0.0.1",
        "port": port,
        "basepath": "/api/v4",
        "timeout": TIMEOUT,
        "keepalive": True,
        "keepalive_delay": 0.05,
    }
    opts.update(overrides)
    return opts


def listener_threads() -> List[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith(THREAD_NAME)]


def started(
    server: FakeMattermost,
    listeners: List[Websocket],
    handler: Any = None,
    collector: Any = None,
    **overrides: Any,
) -> Tuple[Websocket, Collector]:
    """Start a listener (``handler``, else ``collector``) and wait for its hello in ``collector``."""
    collector = collector or (handler if isinstance(handler, Collector) else Collector())
    handler = handler or collector
    resyncs: List[Tuple[str, str]] = []
    ws = Websocket(
        options(server.port, **overrides), TOKEN, on_resync=lambda old, new: resyncs.append((old, new))
    )
    ws.resyncs = resyncs  # type: ignore[attr-defined]
    listeners.append(ws)
    ws.start(handler)
    assert collector.wait_for(lambda c: c.events("hello")), "no hello"
    return ws, collector
