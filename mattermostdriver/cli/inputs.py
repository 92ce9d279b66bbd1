"""What the user gives the command: the message (argument or stdin), JSON options, files, TLS and timeouts."""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path
from typing import IO, Any, Dict, List, Optional, Sequence, Tuple

from .errors import UsageError
from .output import Output

__all__ = [
    "DEFAULT_RETRIES",
    "DEFAULT_TIMEOUT",
    "close_files",
    "driver_options",
    "json_arg",
    "message",
    "open_files",
    "read_stdin",
    "verify",
]

#: Seconds each attempt of a command may take: to connect, between two reads, and in all (the
#: clock restarts after each MiB moved, so a big upload only has to keep moving). A cron job
#: must not hang for minutes on a server that accepts and never answers.
DEFAULT_TIMEOUT = 10.0
#: Retries after a failed attempt, as the driver's policy allows them (a connection that could
#: not be made; a dropped connection, a timeout or a 502/503/504 for GET, PUT and DELETE; 429).
DEFAULT_RETRIES = 2


def read_stdin(output: Output) -> str:
    """All of stdin (empty if there is none); a hint first when it is a terminal."""
    stdin = sys.stdin
    if stdin is None:
        return ""
    if stdin.isatty():
        output.error("reading the message from stdin; end it with Ctrl-D")
    return stdin.read()


def message(text: Optional[str], output: Output) -> str:
    """TEXT, or stdin when it is omitted or ``-``; trailing newlines dropped."""
    if text is None or text == "-":
        text = read_stdin(output)
    return text.rstrip("\r\n")


def json_arg(value: str, what: str, output: Output) -> Any:
    """Parse a JSON option given inline, as ``@path``, or as ``-`` (stdin).

    Raises:
        UsageError: the file cannot be read, or the text is not valid JSON.

    """
    if value == "-":
        value = read_stdin(output)
    elif value.startswith("@"):
        try:
            value = Path(value[1:]).read_text(encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"{what}: cannot read {value[1:]}: {exc.strerror or exc}") from None
    try:
        return json.loads(value)
    except (ValueError, RecursionError) as exc:
        reason = exc if isinstance(exc, ValueError) else "nested too deeply"
        raise UsageError(f"{what}: not valid JSON: {reason}") from None


def verify(args: argparse.Namespace) -> Any:
    """The driver's ``verify`` option from ``--insecure`` and ``--ca-bundle``.

    Raises:
        UsageError: both are given, or the bundle is not a file.

    """
    if args.insecure and args.ca_bundle:
        raise UsageError("--insecure and --ca-bundle exclude each other")
    if args.ca_bundle:
        if not Path(args.ca_bundle).is_file():
            raise UsageError(f"--ca-bundle: no such file: {args.ca_bundle}")
        return args.ca_bundle
    return not args.insecure


def _setting(given: Optional[str], variable: str, option: str) -> Tuple[Optional[str], str]:
    """The value of ``option`` as given, else of the environment ``variable``; and where it came from."""
    if given is not None:
        return given, option
    value = os.environ.get(variable)
    return (value, variable) if value is not None and value.strip() else (None, option)


def driver_options(args: argparse.Namespace) -> Dict[str, Any]:
    """The driver options of the connection options: TLS, ``--timeout``, ``--retries``, ``--debug``.

    ``--timeout SECONDS`` (else ``$MATTERMOST_TIMEOUT``, else :data:`DEFAULT_TIMEOUT`) bounds
    each attempt (``request_timeout`` of ``(SECONDS, SECONDS, SECONDS)``); ``--retries N``
    (else ``$MATTERMOST_RETRIES``, else :data:`DEFAULT_RETRIES`) is the driver's ``retries``.

    Raises:
        UsageError: a value that is not a positive number of seconds, or a whole number >= 0.

    """
    timeout, where = _setting(args.timeout, "MATTERMOST_TIMEOUT", "--timeout")
    seconds = DEFAULT_TIMEOUT
    if timeout is not None:
        try:
            seconds = float(timeout)
        except ValueError:
            seconds = math.nan
        if not (math.isfinite(seconds) and seconds > 0):
            raise UsageError(f"{where}: give a positive number of seconds, got {timeout!r}")
    retries, where = _setting(args.retries, "MATTERMOST_RETRIES", "--retries")
    count = DEFAULT_RETRIES
    if retries is not None:
        if not retries.strip().isdigit():
            raise UsageError(f"{where}: give a whole number >= 0, got {retries!r}")
        count = int(retries)
    return {
        "verify": verify(args),
        "debug": bool(args.debug),
        "request_timeout": (seconds, seconds, seconds),
        "retries": count,
    }


def open_files(paths: Sequence[str]) -> List[Tuple[str, IO[bytes]]]:
    """Open every file before anything is sent, so that a typo uploads nothing.

    Returns:
        ``(name, binary file)`` pairs; the caller closes them (:func:`close_files`).

    Raises:
        UsageError: a path is a directory or cannot be read (nothing is left open).

    """
    opened: List[Tuple[str, IO[bytes]]] = []
    try:
        for path in paths:
            if Path(path).is_dir():
                raise UsageError(f"{path} is a directory")
            opened.append((Path(path).name, open(path, "rb")))  # closed by the caller
    except OSError as exc:
        close_files(opened)
        raise UsageError(f"cannot read {exc.filename or paths[len(opened)]}: {exc.strerror or exc}") from None
    except UsageError:
        close_files(opened)
        raise
    return opened


def close_files(opened: Sequence[Tuple[str, IO[bytes]]]) -> None:
    """Close the files of :func:`open_files`."""
    for _, fh in opened:
        fh.close()
