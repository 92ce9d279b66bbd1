"""What the command writes: stdout, stderr (secrets hidden), and the upload progress bar."""

from __future__ import annotations

import json
import sys
from typing import IO, Any, List, Optional

__all__ = ["PROG", "Output", "ProgressBar", "to_json"]

PROG = "mattermostdriver"


def to_json(value: Any, indent: Optional[int] = None) -> str:
    """``value`` as JSON, non-ASCII text as it is."""
    return json.dumps(value, indent=indent, ensure_ascii=False)


class Output:
    """Where the command writes (the streams of ``sys`` at call time), and the secrets to hide."""

    def __init__(self) -> None:
        self.secrets: List[str] = []

    def scrub(self, text: str) -> str:
        """``text`` with every known secret replaced by ``***``."""
        for secret in self.secrets:
            if secret:
                text = text.replace(secret, "***")
        return text

    def error(self, text: str) -> None:
        """Write one message line on stderr, secrets hidden."""
        sys.stderr.write(f"{PROG}: {self.scrub(text)}\n")
        sys.stderr.flush()

    def out(self, text: str) -> None:
        """Write a line on stdout."""
        sys.stdout.write(text + "\n")
        sys.stdout.flush()

    def out_bytes(self, data: bytes) -> None:
        """Write bytes as they are on stdout (not a terminal: a file or a pipe)."""
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is not None:
            buffer.write(data)
            buffer.flush()
        else:  # a text-only stream (e.g. replaced by a caller)
            sys.stdout.write(data.decode("utf-8", "replace"))
            sys.stdout.flush()

    @staticmethod
    def is_terminal(stream: Optional[IO[str]]) -> bool:
        """Whether ``stream`` (``sys.stdout``, ``sys.stderr``) is a terminal."""
        return bool(stream is not None and stream.isatty())


def _size(n: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GiB"  # pragma: no cover


class ProgressBar:
    """A one-line progress bar of one file on a terminal stream, redrawn when the percentage changes.

    Args:
        name: the file's name (cut to 30 characters).
        total: the file's size in bytes.
        stream: where to draw (stderr).

    """

    width = 30

    def __init__(self, name: str, total: int, stream: IO[str]) -> None:
        self.name = name if len(name) <= 30 else name[:27] + "..."
        self.total = total
        self.stream = stream
        self._shown = -1

    def update(self, done: int) -> None:
        """Show ``done`` bytes of ``total``."""
        percent = 100 if self.total <= 0 else min(100, done * 100 // self.total)
        if percent == self._shown:
            return
        self._shown = percent
        filled = self.width * percent // 100
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(
            f"\r{self.name} [{bar}] {percent:3d}% {_size(min(done, self.total))} / {_size(self.total)}"
        )
        self.stream.flush()

    def sent(self, sent: int, total: int) -> None:
        """Show the progress of a request body of ``total`` bytes that carries the file.

        This is the ``progress`` callback of
        :meth:`~mattermostdriver.endpoints.files.Files.upload_file`. The body's other bytes
        (form fields, part headers, boundaries) count first: the file is shown as sent only
        as far as it surely is, and at 100 % once the whole body is out. A resent body
        starts again from 0.
        """
        self.update(max(0, sent - (total - self.total)))

    def finish(self) -> None:
        """End the line."""
        self.stream.write("\n")
        self.stream.flush()
