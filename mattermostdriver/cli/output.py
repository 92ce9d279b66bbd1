r"""What the command writes, made safe for the terminal that shows it.

Server text (error messages, ids, JSON answers, events) and local names (a file name can hold
escape sequences too) go through here: control characters, escape sequences, bidi marks and
lone surrogates are shown escaped (``\x1b``, ``\u202e``) and never written raw; URLs in
messages lose their userinfo, query and webhook id (:func:`~mattermostdriver.redaction.redact_url`).
JSON stays valid JSON of the same value: only those characters are written as ``\uXXXX``.
"""

from __future__ import annotations

import json
import re
import sys
from typing import IO, Any, List, Optional

from ..redaction import clean, redact_urls

__all__ = ["PROG", "Output", "ProgressBar", "shown", "terminal_text", "to_json"]

PROG = "mattermostdriver"
#: The most characters of one message line written on stderr.
LINE_LIMIT = 2000

# What a terminal may act on, beyond the C0 controls JSON already escapes: DEL, C1 (0x9b is
# an 8-bit CSI), the Arabic letter mark, bidi marks, embeddings, overrides and isolates, line and
# paragraph separators; and lone surrogates, which no UTF-8 stream can even encode.
_BEYOND_C0 = "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_JSON_UNSAFE = re.compile(f"[{_BEYOND_C0}]")
_TEXT_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f{_BEYOND_C0}]")  # tab and newline are kept
_LINE_UNSAFE = re.compile(f"[\x00-\x1f{_BEYOND_C0}]")  # a name on one line: tab and newline too
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape", "backslashreplace").decode("ascii")


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def shown(text: str, limit: int = LINE_LIMIT) -> str:
    """``text`` as one printable line of at most ``limit`` characters, URLs redacted.

    Args:
        text: a message, possibly holding server text, user input or URLs.
        limit: the most characters kept (before escaping).

    Returns:
        The line: every URL without userinfo, query or webhook id, every control character,
        escape sequence, bidi mark or lone surrogate shown escaped.

    """
    return _SURROGATE.sub(_escape, clean(redact_urls(text), limit))


def terminal_text(text: str) -> str:
    """Text of any length and lines for a terminal: lines and tabs kept, every other control escaped."""
    return _TEXT_UNSAFE.sub(_escape, text.replace("\r\n", "\n"))


def to_json(value: Any, indent: Optional[int] = None) -> str:
    r"""``value`` as JSON that is safe on a terminal and still decodes to ``value``.

    Non-ASCII text stays readable (as with ``ensure_ascii=False``); the characters a terminal
    could act on are written as ``\uXXXX`` escapes, which JSON decodes back to them.

    Args:
        value: what to write (decoded JSON).
        indent: as for :func:`json.dumps`.

    Returns:
        The JSON text.

    Raises:
        ValueError: ``value`` is nested too deeply to write.

    """
    try:
        text = json.dumps(value, indent=indent, ensure_ascii=False)
    except RecursionError:
        raise ValueError("the JSON is nested too deeply to print") from None
    return _JSON_UNSAFE.sub(_json_escape, text)


class Output:
    """Where the command writes (the streams of ``sys`` at call time), and the secrets to hide.

    Args:
        quiet: write nothing on stdout (``-q``); errors still go to stderr.

    """

    def __init__(self, quiet: bool = False) -> None:
        self.secrets: List[str] = []
        self.quiet = quiet

    def scrub(self, text: str) -> str:
        """``text`` with every known secret replaced by ``***``."""
        for secret in self.secrets:
            if secret:
                text = text.replace(secret, "***")
        return text

    def error(self, text: str) -> None:
        """Write one message line on stderr: secrets hidden, URLs redacted, controls escaped."""
        sys.stderr.write(f"{PROG}: {shown(self.scrub(text))}\n")
        sys.stderr.flush()

    def out(self, text: str) -> None:
        """Write a line on stdout; ``text`` is already safe (:func:`to_json`, :func:`shown`...)."""
        if self.quiet:
            return
        sys.stdout.write(text + "\n")
        sys.stdout.flush()

    def out_bytes(self, data: bytes) -> None:
        """Write bytes as they are on stdout (not a terminal: a file or a pipe)."""
        if self.quiet:
            return
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
        name: the file's name (shown escaped, cut to 30 characters).
        total: the file's size in bytes.
        stream: where to draw (stderr).

    """

    width = 30

    def __init__(self, name: str, total: int, stream: IO[str]) -> None:
        name = _LINE_UNSAFE.sub(_escape, name)
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
