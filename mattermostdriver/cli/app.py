"""``main()``: parse, run one command, and map what happened to an exit status and one line on stderr."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import warnings
from typing import Callable, Dict, Iterator, List, Optional

import urllib3

from ..exceptions import MattermostError
from .api import api, whoami
from .errors import UsageError, report
from .listen import listen
from .output import PROG, Output, shown
from .parser import build_parser
from .posting import post, upload
from .session import Session
from .webhook import webhook

__all__ = ["COMMANDS", "main"]

#: The commands that need a logged-in :class:`Session` (``webhook`` needs none).
COMMANDS: Dict[str, Callable[[Session, argparse.Namespace, Output], int]] = {
    "whoami": whoami,
    "post": post,
    "upload": upload,
    "listen": listen,
    "api": api,
}


class _LineFormatter(logging.Formatter):
    """One log record as one safe line: secrets hidden, URLs redacted, server text escaped."""

    def __init__(self, output: Output) -> None:
        super().__init__()
        self.output = output

    def format(self, record: logging.LogRecord) -> str:
        return f"{PROG}: {shown(self.output.scrub(record.getMessage()))}"


@contextlib.contextmanager
def _cli_logging(args: argparse.Namespace, output: Output) -> Iterator[None]:
    """Show the driver's warnings (e.g. websocket reconnects) on stderr while the command runs.

    With ``--debug`` the driver's own ``debug`` option shows everything instead. An
    ``--insecure`` run is not nagged by urllib3 on every request.
    """
    logger = logging.getLogger("mattermostdriver")
    handler: Optional[logging.Handler] = None
    if not args.debug:
        handler = logging.StreamHandler(sys.stderr)
        handler.setLevel(logging.WARNING)
        # errors end the command and are reported once, by main(); warnings (reconnects) show here
        handler.addFilter(lambda record: record.levelno < logging.ERROR)
        handler.setFormatter(_LineFormatter(output))
        logger.addHandler(handler)
    try:
        with warnings.catch_warnings():
            if args.insecure:
                warnings.simplefilter("ignore", urllib3.exceptions.InsecureRequestWarning)
            yield
    finally:
        if handler is not None:
            logger.removeHandler(handler)


def _run(args: argparse.Namespace, output: Output) -> int:
    if args.command == "webhook":
        return webhook(args, output)
    session = Session(args, output, keepalive=args.command == "listen")
    try:
        return COMMANDS[args.command](session, args, output)
    finally:
        session.close()


def main(argv: Optional[List[str]] = None) -> int:
    """Run the command line and return its exit status.

    Args:
        argv: the arguments after the program name (default: ``sys.argv[1:]``).

    Returns:
        0 on success, 1 when the server refused or could not be reached, 2 for a usage error.

    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or argparse's own usage error (2)
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    output = Output()
    verbose = bool(args.verbose or args.debug)
    try:
        with _cli_logging(args, output):
            return _run(args, output)
    except UsageError as exc:
        output.error(f"{args.command}: {exc}")
        return 2
    except MattermostError as exc:
        report(exc, output, verbose)
        return 1
    except KeyboardInterrupt:
        output.error("interrupted")
        return 130
    except BrokenPipeError:
        # the reader of stdout went away: leave quietly, and keep the interpreter's final flush quiet too
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        return 1
