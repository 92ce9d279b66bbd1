"""The command's errors: usage errors (exit 2), answers of the wrong shape, and the one-line report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..exceptions import MattermostError, UnexpectedResponse
from ..redaction import redact_url

if TYPE_CHECKING:
    from ..driver import Driver
    from .output import Output

__all__ = ["UsageError", "report", "unexpected"]


class UsageError(Exception):
    """A command line that cannot work (missing URL or token, bad JSON, unreadable file): exit 2."""


def unexpected(driver: Driver, method: str, route: str, what: str) -> UnexpectedResponse:
    """The error for a success answer of the wrong shape (exit 1, one line).

    Args:
        driver: the driver that sent the request (for the server's URL).
        method: the request's method.
        route: its route under the API base path, e.g. ``/posts``.
        what: what was wrong with the answer.

    Returns:
        The exception to raise.

    """
    return UnexpectedResponse(what, method=method, url=redact_url(driver.client.url + route))


def report(exc: MattermostError, output: Output, verbose: bool) -> None:
    """Write the server's refusal (or the failure to reach it) as one line on stderr.

    The exception's fields are already cleaned by the driver; :meth:`Output.error` escapes
    the line once more and redacts its URLs.
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
