"""The command's errors: usage errors (exit 2), and the one-line report of the server's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..exceptions import MattermostError

if TYPE_CHECKING:
    from .output import Output

__all__ = ["UsageError", "report"]


class UsageError(Exception):
    """A command line that cannot work (missing URL or token, bad JSON, unreadable file): exit 2."""


def report(exc: MattermostError, output: Output, verbose: bool) -> None:
    """Write the server's refusal (or the failure to reach it) as one line on stderr.

    The exception's fields are already cleaned by the driver.
    """
    where = f"{exc.method} {exc.url}".strip()
    details = []
    if exc.status_code is not None:
        details.append(f"status {exc.status_code}")
    if exc.error_id:
        details.append(f"error id {exc.error_id}")
    if exc.request_id:
        details.append(f"request id {exc.request_id}")
    line = f"error: {where + ': ' if where else ''}{exc.message or '(no message)'}"
    if details:
        line += f" ({', '.join(details)})"
    output.error(line)
    if verbose and exc.detailed_error:
        output.error(f"detail: {exc.detailed_error}")
