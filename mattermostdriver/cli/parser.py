"""The argument parser of the ``mattermostdriver`` command."""

from __future__ import annotations

import argparse
import sys
from typing import Any, NoReturn

from ..version import __version__
from .inputs import DEFAULT_RETRIES, DEFAULT_TIMEOUT
from .output import PROG, shown

__all__ = ["ENV_HELP", "PROG", "build_parser"]

ENV_HELP = f"""\
environment:
  MATTERMOST_URL          server URL, e.g. https://chat.example.com (or --url); a bare host
                          or host:port gets https and, without a port, 8065 (as the driver)
  MATTERMOST_TOKEN        personal access or bot token (or --token)
  MATTERMOST_LOGIN_ID     with MATTERMOST_PASSWORD: log in with a password instead of a token
  MATTERMOST_PASSWORD     its password (the session is logged out when the command ends)
  MATTERMOST_WEBHOOK_URL  incoming webhook URL for `webhook` (needs no token)
  MATTERMOST_TIMEOUT      seconds each attempt may take (or --timeout; default {DEFAULT_TIMEOUT:g})
  MATTERMOST_RETRIES      retries after a failed attempt (or --retries; default {DEFAULT_RETRIES})

exit status: 0 success, 1 the server refused, could not be reached or timed out, 2 usage
  error, 130 interrupted

examples:
  df -h / | mattermostdriver webhook https://chat.example.com/hooks/xxx
  mattermostdriver post ops/town-square "deploy finished" --file build.log
  mattermostdriver api GET /users/me
"""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose error messages show no URL's userinfo, query or webhook id.

    argparse quotes the arguments it rejects (``unrecognized arguments: https://...``); a
    stray hook URL or a URL with a password must not be echoed. Its subparsers are of this
    class too.
    """

    def error(self, message: str) -> NoReturn:
        """Print the usage and the redacted message on stderr, and exit 2."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {shown(message)}\n")


def _add_common(parser: argparse.ArgumentParser, top: bool, auth: bool = True) -> None:
    """The options every command takes, before or after its name.

    On the subcommands their defaults are suppressed, so that an option given before the
    command name is not reset by the subcommand's default.
    """

    def default(value: Any) -> Any:
        return value if top else argparse.SUPPRESS

    group = parser.add_argument_group("connection options")
    if auth:
        group.add_argument("--url", default=default(None), help="server URL (default: $MATTERMOST_URL)")
        group.add_argument(
            "--token",
            default=default(None),
            help="access token (default: $MATTERMOST_TOKEN; prefer the variable: arguments show in ps)",
        )
    group.add_argument(
        "--insecure", action="store_true", default=default(False), help="do not verify TLS certificates"
    )
    group.add_argument(
        "--ca-bundle", metavar="PATH", default=default(None), help="verify TLS with this CA bundle"
    )
    group.add_argument(
        "--timeout",
        metavar="SECONDS",
        default=default(None),
        help="seconds each attempt may take to connect, between reads and in all "
        f"(default: $MATTERMOST_TIMEOUT, else {DEFAULT_TIMEOUT:g})",
    )
    group.add_argument(
        "--retries",
        metavar="N",
        default=default(None),
        help="retries after a failed attempt, 0 for none "
        f"(default: $MATTERMOST_RETRIES, else {DEFAULT_RETRIES})",
    )
    group.add_argument(
        "--debug", action="store_true", default=default(False), help="log each request on stderr"
    )
    group.add_argument("-v", "--verbose", action="store_true", default=default(False), help="say more")
    group.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        default=default(False),
        help="print nothing on stdout (no post id); errors still go to stderr",
    )


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``mattermostdriver`` command."""
    parser = _Parser(
        prog=PROG,
        description="Talk to a Mattermost server from the shell.",
        epilog=ENV_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_common(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, help_text: str, auth: bool = True) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=ENV_HELP,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        _add_common(sub, top=False, auth=auth)
        return sub

    hook = command("webhook", "post to an incoming webhook (needs no token)", auth=False)
    hook.add_argument(
        "hook_url", nargs="?", metavar="URL", help="the hook URL (default: $MATTERMOST_WEBHOOK_URL)"
    )
    hook.add_argument("text", nargs="?", metavar="TEXT", help="the message (default or '-': stdin)")
    hook.add_argument("--channel", help="channel name to post in, if the hook allows it")
    hook.add_argument("--username", help="display name of the poster, if the server allows it")
    hook.add_argument("--icon-url", help="avatar URL, if the server allows it")
    hook.add_argument("--icon-emoji", help="emoji name for the avatar, if the server allows it")
    hook.add_argument("--attachments", metavar="JSON", help="message attachments (JSON list, @file or -)")
    hook.add_argument("--props", metavar="JSON", help="post props (JSON object, @file or -)")

    command("whoami", "print the logged-in user as JSON")

    post = command("post", "post a message; print the new post's id")
    post.add_argument("channel", metavar="CHANNEL", help="channel id, or TEAM/CHANNEL names")
    post.add_argument("text", metavar="TEXT", nargs="?", help="the message (default or '-': stdin)")
    post.add_argument("--reply-to", metavar="POST_ID", help="reply in the thread of this post")
    post.add_argument(
        "--file", metavar="PATH", action="append", default=[], help="attach a file (repeatable)"
    )

    upload = command("upload", "upload files and post them; print the new post's id")
    upload.add_argument("channel", metavar="CHANNEL", help="channel id, or TEAM/CHANNEL names")
    upload.add_argument("paths", metavar="PATH", nargs="+", help="the files")
    upload.add_argument("-m", "--message", default="", help="text of the post")
    upload.add_argument("--reply-to", metavar="POST_ID", help="reply in the thread of this post")

    listen = command("listen", "print websocket events as JSON lines until interrupted")
    listen.add_argument(
        "--event",
        metavar="NAME",
        action="append",
        default=[],
        help="only this event, e.g. posted (repeatable)",
    )
    listen.add_argument("--count", metavar="N", type=int, help="stop after N events")

    api = command("api", "call any route of /api/v4 and print the JSON answer")
    api.add_argument(
        "method",
        metavar="METHOD",
        type=str.upper,
        choices=["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"],
        help="GET, POST, PUT, PATCH, DELETE or HEAD",
    )
    api.add_argument("path", metavar="PATH", help="route under /api/v4, e.g. /users/me")
    api.add_argument("--data", metavar="JSON", help="JSON body (or @file, or - for stdin)")
    api.add_argument(
        "--param", metavar="KEY=VALUE", action="append", default=[], help="query parameter (repeatable)"
    )
    return parser
