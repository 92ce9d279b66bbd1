"""``post`` and ``upload``: a message with files, and files with a progress bar.

Both upload through :meth:`~mattermostdriver.endpoints.files.Files.upload_file`, whose body
streams the files a block at a time; ``upload`` sends one file per request and draws its
bar from that request's own ``progress`` callback.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import IO, List

from ..driver import Driver
from .errors import UsageError
from .inputs import close_files, message, open_files
from .output import Output, ProgressBar, shown
from .session import Session, channel_id, create_post, uploaded_file_ids

__all__ = ["post", "upload", "upload_one"]


def post(session: Session, args: argparse.Namespace, output: Output) -> int:
    """Post TEXT (or stdin), the ``--file`` files attached; print the new post's id."""
    driver = session.driver
    opened = open_files(args.file)
    try:
        stdin_is_tty = sys.stdin is None or sys.stdin.isatty()
        if args.text is None and opened and stdin_is_tty:
            text = ""  # files alone: do not wait for a message on the terminal
        else:
            text = message(args.text, output)
        if not text and not opened:
            raise UsageError("empty message: give TEXT, pipe it on stdin, or attach a --file")
        channel = channel_id(driver, args.channel)
        file_ids: List[str] = []
        if opened:
            answer = driver.files.upload_file(channel, [("files", (name, fh)) for name, fh in opened])
            file_ids = uploaded_file_ids(driver, answer, len(opened))
    finally:
        close_files(opened)
    output.out(shown(create_post(driver, channel, text, args.reply_to, file_ids)))
    return 0


def upload_one(driver: Driver, channel: str, name: str, fh: IO[bytes], show: bool) -> str:
    """Upload one file, with a progress bar on stderr when ``show``; return its file id.

    The bar is drawn by the upload itself: ``files.upload_file`` calls ``progress(sent, total)``
    as its body goes out. An empty file shows no bar.
    """
    size = os.fstat(fh.fileno()).st_size
    bar = ProgressBar(name, size, sys.stderr) if show and size > 0 else None
    if bar is not None:
        bar.update(0)
    try:
        answer = driver.files.upload_file(
            channel, [("files", (name, fh))], progress=bar.sent if bar is not None else None
        )
    finally:
        if bar is not None:
            bar.finish()
    return uploaded_file_ids(driver, answer, 1)[0]


def upload(session: Session, args: argparse.Namespace, output: Output) -> int:
    """Upload the files one by one, then post them; print the new post's id."""
    driver = session.driver
    opened = open_files(args.paths)
    try:
        channel = channel_id(driver, args.channel)
        show = Output.is_terminal(sys.stderr)
        file_ids = [upload_one(driver, channel, name, fh, show) for name, fh in opened]
    finally:
        close_files(opened)
    output.out(shown(create_post(driver, channel, args.message, args.reply_to, file_ids)))
    return 0
