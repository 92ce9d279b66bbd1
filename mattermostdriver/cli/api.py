"""``whoami`` and ``api``: answers of the server printed as JSON (or, for ``api``, as they are)."""

from __future__ import annotations

import argparse
from typing import Any, Dict

import requests

from .errors import UsageError
from .inputs import json_arg
from .output import Output, to_json
from .session import Session

__all__ = ["api", "whoami"]


def whoami(session: Session, args: argparse.Namespace, output: Output) -> int:
    """Print the logged-in user as indented JSON."""
    me = session.me if session.me is not None else session.driver.login()
    output.out(to_json(me, indent=2))
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


def api(session: Session, args: argparse.Namespace, output: Output) -> int:
    """Call METHOD PATH and print the answer: JSON indented, anything else as it is."""
    path = _route(args.path)
    params = _params(args.param)
    body = json_arg(args.data, "--data", output) if args.data is not None else None
    client = session.driver.client
    response = client.make_request(args.method, path, options=body, params=params or None)
    if not response.content:
        return 0
    result = client.parse(response)
    if isinstance(result, requests.Response):
        output.out_bytes(result.content)
    else:
        output.out(to_json(result, indent=2))
    return 0
