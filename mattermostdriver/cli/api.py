"""``whoami`` and ``api``: answers of the server printed as JSON (or, for ``api``, as they are).

JSON is written by :func:`~mattermostdriver.cli.output.to_json`: the same value, with nothing
a terminal could act on. A non-JSON answer of ``api`` is written byte for byte to a file or a
pipe; on a terminal, text is shown with its control characters escaped and binary is not shown.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, Dict

import requests

from .errors import UsageError, unexpected
from .inputs import json_arg
from .output import Output, terminal_text, to_json
from .session import Session

__all__ = ["api", "whoami"]


def whoami(session: Session, args: argparse.Namespace, output: Output) -> int:
    """Print the logged-in user as indented JSON."""
    me = session.me if session.me is not None else session.driver.login()  # checks it is a user
    try:
        text = to_json(me, indent=2)
    except ValueError as exc:
        raise unexpected(session.driver, "GET", "/users/me", str(exc)) from None
    output.out(text)
    return 0


def _route(path: str) -> str:
    """The route under ``/api/v4`` that PATH names (a leading ``/api/v4`` is dropped)."""
    path = path.strip()
    if path.lower().startswith(("http://", "https://")):
        raise UsageError("PATH is a route under /api/v4 (e.g. /users/me), not a URL")
    if not path.startswith("/"):
        path = "/" + path
    if path == "/api/v4" or path.startswith("/api/v4/"):
        path = path[len("/api/v4") :] or "/"
    return path


def _params(items: Any) -> Dict[str, Any]:
    """The query of ``--param KEY=VALUE`` options (a key given twice gives a list)."""
    params: Dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise UsageError(f"--param {item!r}: give KEY=VALUE")
        if key in params:
            previous = params[key]
            params[key] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            params[key] = value
    return params


def _write_body(response: requests.Response, output: Output) -> None:
    """Write a non-JSON answer: as it is to a file or a pipe; made safe, or not at all, on a terminal."""
    content = response.content
    if not Output.is_terminal(sys.stdout):
        output.out_bytes(content)
        return
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        ctype = response.headers.get("Content-Type", "") or "no content type"
        output.error(
            f"api: binary answer ({len(content)} bytes, {ctype}) not written to a terminal: "
            "redirect stdout to a file to save it"
        )
        return
    output.out(terminal_text(text).rstrip("\n"))


def api(session: Session, args: argparse.Namespace, output: Output) -> int:
    """Call METHOD PATH and print the answer: JSON indented, anything else as it is."""
    path = _route(args.path)
    params = _params(args.param)
    body = json_arg(args.data, "--data", output) if args.data is not None else None
    client = session.driver.client
    response = client.make_request(args.method, path, options=body, params=params or None)
    if not response.content:
        return 0
    result = client.parse(response)  # UnexpectedResponse for broken or too deeply nested JSON
    if isinstance(result, requests.Response):
        _write_body(result, output)
        return 0
    try:
        text = to_json(result, indent=2)
    except ValueError as exc:
        raise unexpected(session.driver, args.method, path, str(exc)) from None
    output.out(text)
    return 0
