"""``main()``: parse, run one command, and map what happened to an exit status and one line on stderr."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import warnings
from typing import Callable, Dict, Iterator, List, Optional, Tuple

import urllib3

from ..exceptions import MattermostError
from ..logs import enable_debug_logging
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


class _SafeFormatter(logging.Formatter):
    """Format a record with ``inner``, its message made one safe line (secrets hidden, server text escaped).

    A traceback keeps its lines, each escaped.
    """

    def __init__(self, output: Output, inner: Optional[logging.Formatter]) -> None:
        super().__init__()
        self.output = output
        self.inner = inner or logging.Formatter()

    def format(self, record: logging.LogRecord) -> str:
        safe = logging.makeLogRecord(record.__dict__)
        safe.msg, safe.args = shown(self.output.scrub(record.getMessage())), None
        safe.exc_info = safe.exc_text = safe.stack_info = None
        text = self.inner.format(safe)
        for block in (
            self.formatException(record.exc_info) if record.exc_info else "",
            self.formatStack(record.stack_info) if record.stack_info else "",
        ):
            if block:
                text += "\n" + "\n".join(shown(self.output.scrub(line)) for line in block.splitlines())
        return text


@contextlib.contextmanager
def _cli_logging(args: argparse.Namespace, output: Output) -> Iterator[None]:
    """Show the driver's warnings (e.g. websocket reconnects) on stderr while the command runs.

    With ``--debug`` the driver's own ``debug`` option shows everything instead, through the
    same formatting: server text in a log line is escaped either way. An ``--insecure`` run
    is not nagged by urllib3 on every request.
    """
    logger = logging.getLogger("mattermostdriver")
    handler: Optional[logging.Handler] = None
    formatters: List[Tuple[logging.Handler, Optional[logging.Formatter]]] = []
    if args.debug:
        enable_debug_logging()  # what the driver's debug option does, done first to format its handler
        for each in logger.handlers:
            formatters.append((each, each.formatter))
            each.setFormatter(_SafeFormatter(output, each.formatter))
    else:
        handler = logging.StreamHandler(sys.stderr)
        handler.setLevel(logging.WARNING)
        # errors end the command and are reported once, by main(); warnings (reconnects) show here
        handler.addFilter(lambda record: record.levelno < logging.ERROR)
        handler.setFormatter(_SafeFormatter(output, logging.Formatter(f"{PROG}: %(message)s")))
        logger.addHandler(handler)
    try:
        with warnings.catch_warnings():
            if args.insecure:
                warnings.simplefilter("ignore", urllib3.exceptions.InsecureRequestWarning)
            yield
    finally:
        if handler is not None:
            logger.removeHandler(handler)
        for each, formatter in formatters:
            each.setFormatter(formatter)


def _run(args: argparse.Namespace, output: Output) -> int:
    if args.command == "webhook":
        return webhook(args, output)
    with Session(args, output, keepalive=args.command == "listen") as session:
        return COMMANDS[args.command](session, args, output)


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
    output = Output(quiet=bool(args.quiet))
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
