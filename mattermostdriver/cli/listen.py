"""``listen``: websocket events as JSON lines until interrupted (or ``--count`` events)."""

from __future__ import annotations

import argparse
import sys
import threading
from typing import Any

from ..exceptions import MattermostError, json_or_none
from .errors import UsageError
from .output import Output, to_json
from .session import Session

__all__ = ["listen"]


def _event(message: Any) -> Any:
    """The decoded message, or None when it is not JSON (or nested too deeply to decode)."""
    if not isinstance(message, str):
        return None
    return json_or_none(message.encode("utf-8", "surrogatepass"))


def listen(session: Session, args: argparse.Namespace, output: Output) -> int:
    """Print each event (those of ``--event``, if given) as one line of JSON.

    A message that is not JSON, or is nested too deeply to decode or print, is skipped.
    """
    wanted = set(args.event)
    if args.count is not None and args.count < 1:
        raise UsageError("--count must be at least 1")
    lock = threading.Lock()
    done = threading.Event()
    printed = [0]

    def handler(message: Any) -> None:
        event = _event(message)
        if event is None:
            return
        if wanted and not (isinstance(event, dict) and event.get("event") in wanted):
            return
        try:
            line = to_json(event)
        except ValueError:
            return
        with lock:
            if done.is_set():
                return
            try:
                output.out(line)
            except (BrokenPipeError, ValueError):  # the reader went away (`| head -1`)
                done.set()
                return
            printed[0] += 1
            if args.count is not None and printed[0] >= args.count:
                done.set()

    if Output.is_terminal(sys.stderr):
        output.error("listening; Ctrl-C stops")
    websocket = session.driver.init_websocket(handler, blocking=False)
    try:
        while not done.is_set() and not websocket.wait(0.2):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        websocket.stop()
    error = getattr(websocket, "error", None)
    if isinstance(error, MattermostError):
        raise error
    return 0
