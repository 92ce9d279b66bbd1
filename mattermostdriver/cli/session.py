"""The logged-in driver of a command, and the calls several commands share (channel, post, files).

Every answer the commands rely on is checked for its shape: a list, ``null``, an empty body
or an object without its ``id`` is an :class:`~mattermostdriver.exceptions.UnexpectedResponse`
(exit 1, one line), never a bare ``TypeError`` or ``KeyError``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
from types import TracebackType
from typing import Any, Dict, List, Optional, Type
from urllib.parse import urlsplit

from ..driver import Driver
from ..types import User
from .errors import UsageError, unexpected
from .inputs import driver_options
from .output import Output

__all__ = ["Session", "channel_id", "create_post", "uploaded_file_ids", "url_password"]

#: A Mattermost id: 26 lower-case letters and digits.
_ID = re.compile(r"^[a-z0-9]{26}$")


def url_password(url: str) -> str:
    """The password in a URL's userinfo ("" if none): a secret never to print, whatever the message."""
    try:
        return urlsplit(url).password or ""
    except ValueError:
        return ""


class Session:
    """A logged-in driver built from the options and the environment, used in ``with``.

    The server URL is read as the driver reads its ``url`` option (one rule: a bare host or
    ``host:port`` gets https and, without a port, 8065; a full URL its own scheme and port).
    Entering the ``with`` logs in with the password, if one was given (a token needs no round
    trip before the real call); leaving it is leaving the driver's own ``with``: a password
    session is logged out (a cron job must not pile them up; a failure to is a warning) and
    every connection closed, whatever happened in the block.

    Args:
        args: the parsed command line.
        output: where the secrets to hide are recorded.
        **extra: more driver options (``keepalive`` for ``listen``).

    Raises:
        UsageError: no URL, no credentials, or options the driver refuses.
        MattermostError: the password login failed (on entering).

    """

    def __init__(self, args: argparse.Namespace, output: Output, **extra: Any) -> None:
        url = args.url or os.environ.get("MATTERMOST_URL")
        if not url:
            raise UsageError("no server: pass --url or set MATTERMOST_URL")
        url = url.strip()
        output.secrets.append(url_password(url))
        token = args.token or os.environ.get("MATTERMOST_TOKEN")
        login_id = os.environ.get("MATTERMOST_LOGIN_ID")
        password = os.environ.get("MATTERMOST_PASSWORD")
        options: Dict[str, Any] = {"url": url, **driver_options(args), **extra}
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
        except ValueError as exc:  # its text holds no password or query of the URL
            raise UsageError(str(exc)) from None
        self._output = output
        self.me: Optional[User] = None

    def __enter__(self) -> Session:
        with contextlib.ExitStack() as stack:
            stack.enter_context(self.driver)  # closed at once if the login fails
            if not self.driver.options.get("token"):
                self.me = self.driver.login()
                if self.driver.client.token:
                    self._output.secrets.append(self.driver.client.token)
            stack.pop_all()
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.driver.__exit__(exc_type, exc, tb)


def _has_id(answer: Any) -> bool:
    return isinstance(answer, dict) and isinstance(answer.get("id"), str) and bool(answer["id"])


def channel_id(driver: Driver, spec: str) -> str:
    """A channel id, or the id of ``TEAM/CHANNEL`` (also ``TEAM/channels/CHANNEL``, as in the web URL).

    Raises:
        UsageError: ``spec`` is neither.
        UnexpectedResponse: the server's answer is not a channel.

    """
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
    if not _has_id(channel):
        route = f"/teams/name/{team}/channels/name/{name}"
        raise unexpected(driver, "GET", route, "the answer is not a channel (no id)")
    return str(channel["id"])


def create_post(
    driver: Driver, channel: str, message: str, reply_to: Optional[str], file_ids: List[str]
) -> str:
    """Create the post and return its id.

    Raises:
        UnexpectedResponse: the server's answer is not a post.

    """
    body: Dict[str, Any] = {"channel_id": channel, "message": message}
    if reply_to:
        body["root_id"] = reply_to
    if file_ids:
        body["file_ids"] = file_ids
    post = driver.posts.create_post(body)
    if not _has_id(post):
        raise unexpected(driver, "POST", "/posts", "the answer is not a post (no id)")
    return str(post["id"])


def uploaded_file_ids(driver: Driver, answer: Any, count: int) -> List[str]:
    """The ids in the answer of ``POST /files`` that uploaded ``count`` files.

    Raises:
        UnexpectedResponse: the answer has no ``file_infos`` with an id for each file.

    """
    infos = answer.get("file_infos") if isinstance(answer, dict) else None
    if not isinstance(infos, list) or len(infos) != count or not all(_has_id(info) for info in infos):
        raise unexpected(
            driver,
            "POST",
            "/files",
            f"the upload answer has no file_infos with an id for each of {count} file(s)",
        )
    return [str(info["id"]) for info in infos]
