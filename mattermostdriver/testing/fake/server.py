"""FakeMattermost: the fake server, its arranging helpers, the calls it saw and its fault switches."""

from __future__ import annotations

import threading
import time
import warnings
from functools import partial
from types import TracebackType
from typing import Any, Callable, Dict, Iterable, List, Optional, Type, Union

from . import models
from .dispatch import answer
from .http import (
    Call,
    Fault,
    HttpServer,
    compile_route,
)
from .integrations import routes as integration_routes
from .posts import State
from .routes_core import routes as core_routes
from .routes_posts import routes as post_routes
from .wsconn import serve_websocket

__all__ = ["FakeMattermost", "NotImplementedWarning", "UnimplementedRoute"]

Someone = Union[str, Dict[str, Any]]


class NotImplementedWarning(UserWarning):
    """A bot called a route the fake does not implement (it was answered 501)."""


class UnimplementedRoute(AssertionError):
    """Raised on close in strict mode: the bot called routes the fake does not implement."""


def _id(value: Someone) -> str:
    return value["id"] if isinstance(value, dict) else value


class FakeMattermost:
    """An in-process fake Mattermost (REST and websocket on one port of 127.0.0.1).

    Args:
        strict: when the bot called a route the fake does not implement (answered 501),
            :meth:`close` raises :class:`UnimplementedRoute` instead of warning.

    Use it as a context manager (or call :meth:`close`): leaving it closes every socket and
    joins every thread it started. ``url`` is its base URL (``http://127.0.0.1:<port>``).

    """

    def __init__(self, *, strict: bool = False) -> None:
        self.strict = strict
        self.store = State()
        #: Every request answered, in order.
        self.calls: List[Call] = []
        #: Every websocket action received (``{"user_id", "seq", "action", "data"}``).
        self.actions: List[Dict[str, Any]] = []
        #: Requests to routes the fake does not implement, as ``"METHOD /path"``.
        self.unimplemented: List[str] = []
        #: Seconds an unauthenticated websocket is kept open before it is cut (the server's 5 s).
        self.unauthenticated_timeout = 5.0
        self._faults: List[Fault] = []
        self._integrations: Any = None  # (run_command, click), set by the integrations routes
        self._changed = threading.Condition(self.store.lock)
        self.store.on_post = lambda post: self._changed.notify_all()
        self._routes = [
            compile_route(method, template, handler)
            for method, template, handler in (
                *core_routes(self.store),
                *post_routes(self.store),
                *integration_routes(self),
            )
        ]
        self._http = HttpServer(partial(answer, self), partial(serve_websocket, self))
        self.port: int = self._http.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(
            target=self._http.serve_forever, args=(0.05,), name="fake-mattermost", daemon=True
        )
        self._thread.start()
        self.admin = self.add_user("sysadmin", roles="system_admin system_user", password="Sys@dmin-fake1")  # noqa: S106

    # -- lifetime -----------------------------------------------------------------------------

    def __enter__(self) -> FakeMattermost:
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close(check=exc is None)

    def close(self, *, check: bool = True) -> None:
        """Close every websocket and connection and join the threads; then report unimplemented routes."""
        if self._thread.is_alive():
            self.store.hub.close()
            self._http.close_all()
            self._thread.join(5)
        if check and self.unimplemented:
            routes = sorted(set(self.unimplemented))
            message = "the fake Mattermost does not implement (answered 501): " + ", ".join(routes)
            if self.strict:
                raise UnimplementedRoute(message)
            warnings.warn(message, NotImplementedWarning, stacklevel=2)

    # -- arranging ----------------------------------------------------------------------------

    def add_user(
        self,
        username: str,
        *,
        bot: bool = False,
        roles: str = "system_user",
        password: Optional[str] = None,
        display_name: str = "",
    ) -> Dict[str, Any]:
        """Create a user (``bot=True``: a bot owned by the admin) with a token (see :meth:`token`)."""
        with self.store.lock:
            owner = "" if not bot else self.admin["id"]
            user = self.store.add_user(
                username, bot=bot, roles=roles, password=password, owner_id=owner, display_name=display_name
            )
            self.store.new_token(user["id"])
            return models.user(user, own=True)

    def token(self, user: Someone) -> str:
        """A valid token of ``user`` (a user dict, id or username)."""
        with self.store.lock:
            user_id = self._user_id(user)
            return next(t for t, u in self.store.tokens.items() if u == user_id)

    def add_team(
        self, name: str, *, members: Iterable[Someone] = (), display_name: str = ""
    ) -> Dict[str, Any]:
        """Create a team with ``members``."""
        with self.store.lock:
            team = self.store.add_team(name, display_name)
            for member in members:
                self.store.join_team(team["id"], self._user_id(member))
            return models.team(team)

    def add_channel(
        self,
        team: Someone,
        name: str,
        *,
        members: Iterable[Someone] = (),
        private: bool = False,
        display_name: str = "",
    ) -> Dict[str, Any]:
        """Create an open (or private) channel in ``team`` with ``members`` (joined to the team too)."""
        with self.store.lock:
            team_id = self._team_id(team)
            channel = self.store.add_channel(
                team_id, name, display_name or name, "P" if private else "O", self.admin["id"]
            )
            for member in members:
                user_id = self._user_id(member)
                self.store.join_team(team_id, user_id)
                self.store.add_member(channel["id"], user_id)
            return models.channel(channel)

    def direct_channel(self, *users: Someone) -> Dict[str, Any]:
        """The direct (two users) or group (three or more) channel of ``users``."""
        with self.store.lock:
            ids = [self._user_id(u) for u in users]
            return models.channel(self.store.direct_channel(ids, ids[0]))

    def add_member(self, channel: Someone, user: Someone, *, by: Optional[Someone] = None) -> None:
        """Add ``user`` to ``channel`` as the server does (``user_added`` events, a system post)."""
        with self.store.lock:
            actor = self._user_id(by) if by is not None else self.admin["id"]
            self.store.join_channel(_id(channel), self._user_id(user), actor)

    def add_hook(self, channel: Someone, *, display_name: str = "hook", username: str = "") -> Dict[str, Any]:
        """Create an incoming webhook posting in ``channel``; call it at ``url + "/hooks/" + hook["id"]``."""
        with self.store.lock:
            record: Dict[str, Any] = {
                "id": models.new_id(),
                "create_at": models.now(),
                "update_at": models.now(),
                "delete_at": 0,
                "user_id": self.admin["id"],
                "channel_id": _id(channel),
                "team_id": self.store.channels[_id(channel)]["team_id"],
                "display_name": display_name,
                "description": "",
                "username": username,
                "icon_url": "",
                "channel_locked": False,
            }
            self.store.hooks[record["id"]] = record
            return models.hook(record)

    # -- acting as other users ----------------------------------------------------------------

    def post_as(
        self,
        user: Someone,
        channel: Someone,
        message: str,
        *,
        root_id: str = "",
        props: Optional[Dict[str, Any]] = None,
    ) -> Dict[str, Any]:
        """Post as ``user`` (as ``POST /posts`` would): the bot receives it over its websocket."""
        body = {"channel_id": _id(channel), "message": message, "root_id": root_id, "props": props or {}}
        with self.store.lock:
            return self.store.create_post(self._user_id(user), body)

    def react_as(self, user: Someone, post: Someone, emoji_name: str) -> Dict[str, Any]:
        """Add a reaction as ``user``."""
        with self.store.lock:
            user_id = self._user_id(user)
            return self.store.add_reaction(
                user_id, {"user_id": user_id, "post_id": _id(post), "emoji_name": emoji_name}
            )

    def type_as(self, user: Someone, channel: Someone, parent_id: str = "") -> None:
        """Send ``typing`` as ``user`` to the channel's other members."""
        with self.store.lock:
            self.store.typing(self._user_id(user), _id(channel), parent_id)

    def run_command(self, user: Someone, channel: Someone, command: str) -> Dict[str, Any]:
        """Run a slash command as ``user``: the fake POSTs it to the URL registered for its trigger."""
        with self.store.lock:
            return dict(self._integrations[0](self._user_id(user), _id(channel), command))

    def click(
        self, user: Someone, post: Someone, action_id: str, selected_option: Any = None
    ) -> Dict[str, Any]:
        """Press a message button as ``user``: the fake POSTs the action to its integration URL."""
        with self.store.lock:
            return dict(self._integrations[1](self._user_id(user), _id(post), action_id, selected_option))

    # -- inspecting ---------------------------------------------------------------------------

    def posts_in(self, channel: Someone) -> List[Dict[str, Any]]:
        """The posts a channel holds, oldest first (deleted ones left out), as the API shows them."""
        with self.store.lock:
            return [self.store.render(p) for p in self.store.channel_posts(_id(channel))]

    def wait_for_post(
        self,
        channel: Someone,
        condition: Callable[[Dict[str, Any]], bool] = lambda p: True,
        timeout: float = 10.0,
    ) -> Dict[str, Any]:
        """Block until ``channel`` holds a post for which ``condition`` is true; return it.

        Raises:
            AssertionError: none came within ``timeout`` seconds (the posts are named).

        """
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [p for p in self.posts_in(channel) if condition(p)]
                if found:
                    return found[0]
                left = deadline - time.monotonic()
                if left <= 0:
                    held = [p["message"] for p in self.posts_in(channel)]
                    raise AssertionError(
                        f"no matching post in the channel within {timeout} s; it holds {held}"
                    )
                self._changed.wait(left)

    def wait_for_websocket(self, user: Someone, timeout: float = 10.0) -> None:
        """Block until ``user`` has an open websocket (a bot started elsewhere is listening).

        Raises:
            AssertionError: it did not connect within ``timeout`` seconds.

        """
        deadline = time.monotonic() + timeout
        with self._changed:
            user_id = self._user_id(user)
            while not self.store.hub.online(user_id):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"{user!r} opened no websocket within {timeout} s")
                self._changed.wait(left)

    def events_sent(self, user: Someone) -> List[Dict[str, Any]]:
        """The websocket events given to ``user``'s connections so far, in order."""
        with self.store.lock:
            user_id = self._user_id(user)
            return [event for owner, event in self.store.hub.sent if owner == user_id]

    # -- faults -------------------------------------------------------------------------------

    def fail(
        self,
        status: int,
        *,
        path: Optional[str] = None,
        method: Optional[str] = None,
        times: int = 1,
        retry_after: Optional[int] = None,
        error_id: str = "app.fake.injected.app_error",
    ) -> None:
        """Answer the next ``times`` matching requests with ``status`` (429 with ``Retry-After``, 500...).

        ``path`` is a prefix of the request path (``"/api/v4/posts"``), ``method`` its method;
        ``status=0`` handles the request but cuts the connection instead of answering (the
        answer is lost: a retry must not do the thing twice).
        """
        with self.store.lock:
            self._faults.extend([Fault(status, method, path, retry_after, error_id)] * times)

    def drop_websockets(self, user: Optional[Someone] = None) -> int:
        """Cut the open websockets (without a close frame): clients reconnect and resume."""
        with self.store.lock:
            return self.store.hub.drop(None if user is None else self._user_id(user))

    def forget_connections(self) -> None:
        """Drop the websockets and forget their ids (a restart): resumes get a new ``hello``."""
        with self.store.lock:
            self.store.hub.forget()

    # -- internals ----------------------------------------------------------------------------

    def _user_id(self, user: Someone) -> str:
        if isinstance(user, dict):
            return str(user["id"])
        if user in self.store.users:
            return user
        found = self.store.user_by_name(user)
        if found is None:
            raise KeyError(f"no user {user!r}")
        return str(found["id"])

    def _team_id(self, team: Someone) -> str:
        if isinstance(team, dict):
            return str(team["id"])
        return (
            team
            if team in self.store.teams
            else next(t["id"] for t in self.store.teams.values() if t["name"] == team)
        )
