"""``webhook``: post to an incoming webhook (no token, no session)."""

from __future__ import annotations

import argparse
import os
import re
from typing import Any, Dict, List

from ..driver import Driver
from .errors import UsageError
from .inputs import driver_options, json_arg, message
from .output import Output, shown
from .session import url_password

__all__ = ["webhook"]

_HTTP_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
#: What a hook URL given on the command line must look like: http(s)://host[/path]/hooks/ID.
_HOOK_URL = re.compile(r"^https?://[^/?#\s]+(?:/[^?#\s]*)?/hooks/[^/?#\s]+/?(?:[?#]\S*)?$", re.IGNORECASE)
_HOOK_ID = re.compile(r"/hooks/([^/?#]+)")


def _hook_url(args: argparse.Namespace, positional: List[str]) -> str:
    """The hook URL, taken off ``positional`` when it is given there.

    With ``$MATTERMOST_WEBHOOK_URL`` set, a lone argument is always the message, even one
    that looks like a URL (``webhook "https://ci.example.com/build/42"``); ``URL TEXT`` names
    another hook. A URL given on the command line must look like a hook
    (``https://chat.example.com/hooks/ID``). Never echoed in a message: a hook id is a credential.
    """
    env_url = (os.environ.get("MATTERMOST_WEBHOOK_URL") or "").strip()
    if env_url and len(positional) < 2:
        if not _HTTP_URL.match(env_url):
            raise UsageError("MATTERMOST_WEBHOOK_URL must start with http:// or https://")
        return env_url
    if not positional:
        raise UsageError("no webhook URL: give it (https://.../hooks/ID) or set MATTERMOST_WEBHOOK_URL")
    if not _HOOK_URL.match(positional[0]):
        raise UsageError(
            "the first argument is not a webhook URL (https://chat.example.com/hooks/ID): "
            "give URL TEXT, or set MATTERMOST_WEBHOOK_URL and give TEXT alone"
        )
    return positional.pop(0)


def _payload(args: argparse.Namespace, output: Output) -> Dict[str, Any]:
    payload: Dict[str, Any] = {}
    for key in ("channel", "username", "icon_url", "icon_emoji"):
        value = getattr(args, key)
        if value:
            payload[key] = value
    if args.attachments:
        attachments = json_arg(args.attachments, "--attachments", output)
        payload["attachments"] = [attachments] if isinstance(attachments, dict) else attachments
        if not isinstance(payload["attachments"], list):
            raise UsageError("--attachments: give a JSON list of attachments")
    if args.props:
        props = json_arg(args.props, "--props", output)
        if not isinstance(props, dict):
            raise UsageError("--props: give a JSON object")
        payload["props"] = props
    return payload


def webhook(args: argparse.Namespace, output: Output) -> int:
    """Post TEXT (or stdin) to the hook; silent on success, the server's answer with ``-v``."""
    positional: List[str] = [a for a in (args.hook_url, args.text) if a is not None]
    url = _hook_url(args, positional)
    hook_id = _HOOK_ID.search(url)
    if hook_id:
        output.secrets.append(hook_id.group(1))  # the hook id is a credential
    output.secrets.append(url_password(url))
    payload = _payload(args, output)
    text = message(positional[0] if positional else None, output)
    if text:
        payload["text"] = text
    if not text and not payload.get("attachments"):
        raise UsageError("empty message: give TEXT, pipe it on stdin, or pass --attachments")
    try:
        driver = Driver(driver_options(args))
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    try:
        response = driver.webhooks.call_webhook(url, payload)
    finally:
        driver.client.close()
    if args.verbose:
        output.out(shown(output.scrub(response.text.strip())) or str(response.status_code))
    return 0
