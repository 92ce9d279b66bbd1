"""The ``mattermostdriver`` command line: webhooks, posts, uploads, events and raw API calls.

Run it as ``mattermostdriver`` (console script) or ``python -m mattermostdriver``. Exit status:
0 on success, 1 when the server refuses or cannot be reached (its message, status and error
id on stderr), 2 for usage errors. No secret (token, password, webhook id) is ever printed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import re
import sys
import threading
import warnings
from pathlib import Path
from typing import IO, Any, Callable, Dict, Iterator, List, Optional, Sequence, Tuple

import requests
import urllib3

from . import __version__
from .driver import Driver
from .exceptions import MattermostError

PROG = "mattermostdriver"
#: A Mattermost id: 26 lower-case letters and digits.
_ID = re.compile(r"^[a-z0-9]{26}$")
_HTTP_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
_HOOK_ID = re.compile(r"/hooks/([^/?#]+)")

ENV_HELP = """\
environment:
  MATTERMOST_URL          server URL, e.g. https://chat.example.com (or --url)
  MATTERMOST_TOKEN        personal access or bot token (or --token)
  MATTERMOST_LOGIN_ID     with MATTERMOST_PASSWORD: log in with a password instead of a token
  MATTERMOST_PASSWORD
  MATTERMOST_WEBHOOK_URL  incoming webhook URL for `webhook` (needs no token)

exit status: 0 success, 1 the server refused or could not be reached, 2 usage error

examples:
  echo "backup done" | mattermostdriver webhook https://chat.example.com/hooks/xxx
  mattermostdriver post ops/town-square "deploy finished" --file build.log
  mattermostdriver api GET /users/me
"""


class UsageError(Exception):
    """A command line that cannot work (missing URL or token, bad JSON, unreadable file): exit 2."""


class _Output:
    """Where the command writes: the streams of ``sys`` at call time, and the secrets to hide."""

    def __init__(self) -> None:
        self.secrets: List[str] = []

    def scrub(self, text: str) -> str:
        for secret in self.secrets:
            if secret:
                text = text.replace(secret, "***")
        return text

    def error(self, text: str) -> None:
        sys.stderr.write(f"{PROG}: {self.scrub(text)}\n")
        sys.stderr.flush()

    def out(self, text: str) -> None:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()

    def out_bytes(self, data: bytes) -> None:
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is not None:
            buffer.write(data)
            buffer.flush()
        else:  # a text-only stream (e.g. replaced by a caller)
            sys.stdout.write(data.decode("utf-8", "replace"))
            sys.stdout.flush()


# -- the parser ---------------------------------------------------------------------------------


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
        "--debug", action="store_true", default=default(False), help="log each request on stderr"
    )
    group.add_argument("-v", "--verbose", action="store_true", default=default(False), help="say more")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``mattermostdriver`` command."""
    parser = argparse.ArgumentParser(
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


# -- helpers --------------------------------------------------------------------------------------


def _read_stdin(output: _Output) -> str:
    stdin = sys.stdin
    if stdin is None:
        return ""
    if stdin.isatty():
        output.error("reading the message from stdin; end it with Ctrl-D")
    return stdin.read()


def _message(text: Optional[str], output: _Output) -> str:
    """TEXT, or stdin when it is omitted or ``-``; trailing newlines dropped."""
    if text is None or text == "-":
        text = _read_stdin(output)
    return text.rstrip("\r\n")


def _json_arg(value: str, what: str, output: _Output) -> Any:
    """Parse a JSON option given inline, as ``@path``, or as ``-`` (stdin)."""
    if value == "-":
        value = _read_stdin(output)
    elif value.startswith("@"):
        try:
            value = Path(value[1:]).read_text(encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"{what}: cannot read {value[1:]}: {exc.strerror or exc}") from None
    try:
        return json.loads(value)
    except ValueError as exc:
        raise UsageError(f"{what}: not valid JSON: {exc}") from None


def _dump(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def _verify(args: argparse.Namespace) -> Any:
    if args.insecure and args.ca_bundle:
        raise UsageError("--insecure and --ca-bundle exclude each other")
    if args.ca_bundle:
        if not Path(args.ca_bundle).is_file():
            raise UsageError(f"--ca-bundle: no such file: {args.ca_bundle}")
        return args.ca_bundle
    return not args.insecure


def _server_url(url: str) -> str:
    url = url.strip()
    return url if "://" in url else "https://" + url


def _open(paths: Sequence[str]) -> List[Tuple[str, IO[bytes]]]:
    """Open every file before anything is sent, so that a typo uploads nothing."""
    opened: List[Tuple[str, IO[bytes]]] = []
    try:
        for path in paths:
            if Path(path).is_dir():
                raise UsageError(f"{path} is a directory")
            opened.append((Path(path).name, open(path, "rb")))  # closed by the caller
    except OSError as exc:
        _close(opened)
        raise UsageError(f"cannot read {exc.filename or paths[len(opened)]}: {exc.strerror or exc}") from None
    except UsageError:
        _close(opened)
        raise
    return opened


def _close(opened: Sequence[Tuple[str, IO[bytes]]]) -> None:
    for _, fh in opened:
        fh.close()


class _Session:
    """A logged-in driver built from the options and the environment."""

    def __init__(self, args: argparse.Namespace, output: _Output, **extra: Any) -> None:
        url = args.url or os.environ.get("MATTERMOST_URL")
        if not url:
            raise UsageError("no server: pass --url or set MATTERMOST_URL")
        token = args.token or os.environ.get("MATTERMOST_TOKEN")
        login_id = os.environ.get("MATTERMOST_LOGIN_ID")
        password = os.environ.get("MATTERMOST_PASSWORD")
        options: Dict[str, Any] = {
            "url": _server_url(url),
            "verify": _verify(args),
            "debug": bool(args.debug),
            **extra,
        }
        if token:
            output.secrets.append(token)
            options["token"] = token
        elif login_id and password:
            output.secrets.append(password)
            options["login_id"], options["password"] = login_id, password
        else:
            raise UsageError(
                "no credentials: set MATTERMOST_TOKEN (or pass --token), "
                "or MATTERMOST_LOGIN_ID and MATTERMOST_PASSWORD"
            )
        try:
            self.driver = Driver(options)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        self.password_session = not token
        self.me: Optional[Dict[str, Any]] = None
        if self.password_session:  # a token needs no round trip before the real call
            self.me = self.driver.login()
            if self.driver.client.token:
                output.secrets.append(self.driver.client.token)

    def close(self) -> None:
        """End the session opened with a password (a cron job must not pile them up)."""
        try:
            if self.password_session and self.driver.client.token:
                self.driver.logout()
        except MattermostError:
            pass
        finally:
            self.driver.disconnect()
            self.driver.client.close()


def _channel_id(driver: Driver, spec: str) -> str:
    """A channel id, or the id of ``TEAM/CHANNEL`` (also ``TEAM/channels/CHANNEL``, as in the web URL)."""
    spec = spec.strip()
    if _ID.match(spec):
        return spec
    parts = [p for p in spec.split("/") if p]
    if len(parts) == 3 and parts[1] == "channels":
        parts = [parts[0], parts[2]]
    if len(parts) != 2:
        raise UsageError(f"channel {spec!r}: give a 26-character channel id or TEAM/CHANNEL names")
    team, name = parts[0], parts[1].lstrip("~")
    channel = driver.channels.get_channel_by_name_and_team_name(team, name)
    return str(channel["id"])


def _create_post(
    driver: Driver, channel_id: str, message: str, reply_to: Optional[str], file_ids: List[str]
) -> str:
    body: Dict[str, Any] = {"channel_id": channel_id, "message": message}
    if reply_to:
        body["root_id"] = reply_to
    if file_ids:
        body["file_ids"] = file_ids
    return str(driver.posts.create_post(body)["id"])


# -- progress -------------------------------------------------------------------------------------


def _size(n: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GiB"  # pragma: no cover


class ProgressBar:
    """A one-line progress bar on a terminal stream, redrawn when the percentage changes."""

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

    def finish(self) -> None:
        """End the line."""
        self.stream.write("\n")
        self.stream.flush()


class CountingReader:
    """A binary file whose ``read`` reports the bytes read so far (``requests`` streams it).

    ``len()`` is the file's size (``requests`` subtracts ``tell()`` for the Content-Length) and
    ``seek`` rewinds the count, so a retried request counts again from where it starts.
    """

    def __init__(self, fh: IO[bytes], on_read: Callable[[int], None]) -> None:
        self._fh = fh
        self._on_read = on_read
        self._size = os.fstat(fh.fileno()).st_size
        self._done = fh.tell()

    def __len__(self) -> int:
        return self._size

    def read(self, size: int = -1) -> bytes:
        """Read like the file, and report the new total."""
        chunk = self._fh.read(size)
        self._done += len(chunk)
        self._on_read(self._done)
        return chunk

    def tell(self) -> int:
        """The file's position."""
        return self._fh.tell()

    def seek(self, offset: int, whence: int = 0) -> int:
        """Move in the file; the count follows."""
        position = self._fh.seek(offset, whence)
        self._done = position
        return position


# -- the commands ---------------------------------------------------------------------------------


def _webhook(args: argparse.Namespace, output: _Output) -> int:
    env_url = os.environ.get("MATTERMOST_WEBHOOK_URL")
    positional: List[str] = [a for a in (args.hook_url, args.text) if a is not None]
    if positional and _HTTP_URL.match(positional[0]):
        url = positional.pop(0)
    elif env_url:
        url = env_url.strip()
        if not _HTTP_URL.match(url):
            raise UsageError("MATTERMOST_WEBHOOK_URL must start with http:// or https://")
        if len(positional) > 1:
            raise UsageError("the first argument is not an http(s) URL: give URL TEXT, or TEXT alone")
    elif positional:
        # not echoed: a hook URL typed without its scheme would show its secret id
        raise UsageError(
            "the webhook URL must start with http:// or https:// (or set MATTERMOST_WEBHOOK_URL)"
        )
    else:
        raise UsageError("no webhook URL: give it (https://.../hooks/ID) or set MATTERMOST_WEBHOOK_URL")
    hook_id = _HOOK_ID.search(url)
    if hook_id:
        output.secrets.append(hook_id.group(1))  # the hook id is a credential
    payload: Dict[str, Any] = {}
    for key in ("channel", "username", "icon_url", "icon_emoji"):
        value = getattr(args, key)
        if value:
            payload[key] = value
    if args.attachments:
        attachments = _json_arg(args.attachments, "--attachments", output)
        payload["attachments"] = [attachments] if isinstance(attachments, dict) else attachments
        if not isinstance(payload["attachments"], list):
            raise UsageError("--attachments: give a JSON list of attachments")
    if args.props:
        props = _json_arg(args.props, "--props", output)
        if not isinstance(props, dict):
            raise UsageError("--props: give a JSON object")
        payload["props"] = props
    text = _message(positional[0] if positional else None, output)
    if text:
        payload["text"] = text
    if not text and not payload.get("attachments"):
        raise UsageError("empty message: give TEXT, pipe it on stdin, or pass --attachments")
    try:
        driver = Driver({"verify": _verify(args), "debug": bool(args.debug)})
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    try:
        response = driver.webhooks.call_webhook(url, payload)
    finally:
        driver.client.close()
    if args.verbose:
        output.out(response.text.strip() or str(response.status_code))
    return 0


def _whoami(session: _Session, args: argparse.Namespace, output: _Output) -> int:
    me = session.me if session.me is not None else session.driver.login()
    output.out(_dump(me))
    return 0


def _post(session: _Session, args: argparse.Namespace, output: _Output) -> int:
    driver = session.driver
    opened = _open(args.file)
    try:
        stdin_is_tty = sys.stdin is None or sys.stdin.isatty()
        if args.text is None and opened and stdin_is_tty:
            message = ""  # files alone: do not wait for a message on the terminal
        else:
            message = _message(args.text, output)
        if not message and not opened:
            raise UsageError("empty message: give TEXT, pipe it on stdin, or attach a --file")
        channel_id = _channel_id(driver, args.channel)
        file_ids: List[str] = []
        if opened:
            result = driver.files.upload_file(channel_id, [("files", (name, fh)) for name, fh in opened])
            file_ids = [str(info["id"]) for info in result["file_infos"]]
    finally:
        _close(opened)
    output.out(_create_post(driver, channel_id, message, args.reply_to, file_ids))
    return 0


def _upload_one(driver: Driver, channel_id: str, name: str, fh: IO[bytes], show: bool) -> str:
    """Upload one file as the raw request body, streamed, with a progress bar when ``show``."""
    size = os.fstat(fh.fileno()).st_size
    if size == 0:  # the raw form needs a non-empty body; an empty file goes as multipart
        result = driver.files.upload_file(channel_id, [("files", (name, fh))])
        return str(result["file_infos"][0]["id"])
    bar = ProgressBar(name, size, sys.stderr) if show else None
    if bar is not None:
        bar.update(0)
    reader = CountingReader(fh, bar.update if bar else (lambda done: None))
    try:
        response = driver.client.make_request(
            "post", "/files", params={"channel_id": channel_id, "filename": name}, data=reader
        )
    finally:
        if bar is not None:
            bar.finish()
    return str(driver.client.parse(response)["file_infos"][0]["id"])


def _upload(session: _Session, args: argparse.Namespace, output: _Output) -> int:
    driver = session.driver
    opened = _open(args.paths)
    try:
        channel_id = _channel_id(driver, args.channel)
        show = bool(sys.stderr is not None and sys.stderr.isatty())
        file_ids = [_upload_one(driver, channel_id, name, fh, show) for name, fh in opened]
    finally:
        _close(opened)
    output.out(_create_post(driver, channel_id, args.message, args.reply_to, file_ids))
    return 0


def _listen(session: _Session, args: argparse.Namespace, output: _Output) -> int:
    wanted = set(args.event)
    if args.count is not None and args.count < 1:
        raise UsageError("--count must be at least 1")
    lock = threading.Lock()
    done = threading.Event()
    printed = [0]

    def handler(message: str) -> None:
        try:
            event = json.loads(message)
        except ValueError:
            return
        if wanted and not (isinstance(event, dict) and event.get("event") in wanted):
            return
        with lock:
            if done.is_set():
                return
            try:
                output.out(json.dumps(event, ensure_ascii=False))
            except (BrokenPipeError, ValueError):  # the reader went away (`| head -1`)
                done.set()
                return
            printed[0] += 1
            if args.count is not None and printed[0] >= args.count:
                done.set()

    if sys.stderr is not None and sys.stderr.isatty():
        output.error("listening; Ctrl-C stops")
    websocket = session.driver.init_websocket(handler, blocking=False)
    try:
        while not done.is_set() and not websocket.wait(0.2):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        websocket.stop()
    error = getattr(websocket, "error", None)
    if isinstance(error, MattermostError):
        raise error
    return 0


def _api(session: _Session, args: argparse.Namespace, output: _Output) -> int:
    path: str = args.path.strip()
    if path.lower().startswith(("http://", "https://")):
        raise UsageError("PATH is a route under /api/v4 (e.g. /users/me), not a URL")
    if not path.startswith("/"):
        path = "/" + path
    if path == "/api/v4" or path.startswith("/api/v4/"):
        path = path[len("/api/v4") :] or "/"
    params: Dict[str, Any] = {}
    for item in args.param:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise UsageError(f"--param {item!r}: give KEY=VALUE")
        if key in params:
            previous = params[key]
            params[key] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            params[key] = value
    body = _json_arg(args.data, "--data", output) if args.data is not None else None
    client = session.driver.client
    response = client.make_request(args.method, path, options=body, params=params or None)
    if not response.content:
        return 0
    result = client.parse(response)
    if isinstance(result, requests.Response):
        output.out_bytes(result.content)
    else:
        output.out(_dump(result))
    return 0


_SESSION_COMMANDS: Dict[str, Callable[[_Session, argparse.Namespace, _Output], int]] = {
    "whoami": _whoami,
    "post": _post,
    "upload": _upload,
    "listen": _listen,
    "api": _api,
}


# -- main -----------------------------------------------------------------------------------------


def _report(exc: MattermostError, output: _Output, verbose: bool) -> None:
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


@contextlib.contextmanager
def _cli_logging(args: argparse.Namespace) -> Iterator[None]:
    """Show the driver's warnings (e.g. websocket reconnects) on stderr while the command runs.

    With ``--debug`` the driver's own ``debug`` option shows everything instead. An
    ``--insecure`` run is not nagged by urllib3 on every request.
    """
    logger = logging.getLogger("mattermostdriver")
    handler: Optional[logging.Handler] = None
    if not args.debug:
        handler = logging.StreamHandler(sys.stderr)
        handler.setLevel(logging.WARNING)
        # errors end the command and are reported once, by main(); warnings (reconnects) show here
        handler.addFilter(lambda record: record.levelno < logging.ERROR)
        handler.setFormatter(logging.Formatter(f"{PROG}: %(message)s"))
        logger.addHandler(handler)
    try:
        with warnings.catch_warnings():
            if args.insecure:
                warnings.simplefilter("ignore", urllib3.exceptions.InsecureRequestWarning)
            yield
    finally:
        if handler is not None:
            logger.removeHandler(handler)


def _run(args: argparse.Namespace, output: _Output) -> int:
    if args.command == "webhook":
        return _webhook(args, output)
    session = _Session(args, output, keepalive=args.command == "listen")
    try:
        return _SESSION_COMMANDS[args.command](session, args, output)
    finally:
        session.close()


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
    output = _Output()
    verbose = bool(args.verbose or args.debug)
    try:
        with _cli_logging(args):
            return _run(args, output)
    except UsageError as exc:
        output.error(f"{args.command}: {exc}")
        return 2
    except MattermostError as exc:
        _report(exc, output, verbose)
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
