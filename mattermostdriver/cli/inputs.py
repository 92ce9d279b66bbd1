"""What the user gives the command: the message (argument or stdin), JSON options, files, TLS options."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import IO, Any, List, Optional, Sequence, Tuple

from .errors import UsageError
from .output import Output

__all__ = ["close_files", "json_arg", "message", "open_files", "read_stdin", "verify"]


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
