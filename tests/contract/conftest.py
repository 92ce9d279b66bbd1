"""The contract suite: the same tests against the fake Mattermost and against the real server.

Each test gets a :class:`World` (a team, an open channel, a bot and a person with their tokens),
built through the same REST calls on both backends: ``fake`` (a
:class:`~mattermostdriver.testing.FakeMattermost`, in process) and ``real`` (the server of the
functional suite, ``tests/support/mmserver.py``: started for the session, and a failure to start
fails these tests, never skips them). A test passes only if what it asserts holds on both, which
is what makes the fake's answers (shapes, status codes, error ids, websocket events, dedupe)
proven rather than assumed.

On the real server the world is removed afterwards: the team permanently (its channels and posts
with it), the users and the bot deactivated.
"""

from __future__ import annotations

import json
import queue
import time
import uuid
from typing import Any, Callable, Dict, Iterator, List, Optional

import pytest

from mattermostdriver import Driver
from mattermostdriver.testing import FakeMattermost

from ..support.endpoint import endpoint  # noqa: F401 - the bot's own HTTP endpoint

#: The websocket events the fake sends; the contract compares these and ignores the others
#: (``thread_updated``, ``thread_read_changed``... which the fake does not send).
FAKE_EVENTS = frozenset(
    {
        "hello",
        "posted",
        "post_edited",
        "post_deleted",
        "reaction_added",
        "reaction_removed",
        "typing",
        "multiple_channels_viewed",
        "status_change",
        "user_added",
        "direct_added",
        "group_added",
        "ephemeral_message",
    }
)
PASSWORD = "Contract-pw-1"


def unique(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:10]}"


class Listener:
    """A websocket listener of one user (a Driver's ``init_websocket``), collecting decoded events."""

    def __init__(self, url: str, token: str) -> None:
        self.driver = Driver(
            {"url": url, "token": token, "keepalive": True, "keepalive_delay": 0.2, "timeout": 5}
        )
        self.inbox: queue.Queue[Dict[str, Any]] = queue.Queue()
        self.events: List[Dict[str, Any]] = []
        self.ws = self.driver.init_websocket(self.inbox.put, blocking=False, decode=True)
        self.hello = self.wait("hello")

    def _pull(self, timeout: float) -> bool:
        try:
            self.events.append(self.inbox.get(timeout=timeout))
            return True
        except queue.Empty:
            return False

    def wait(
        self, name: str, match: Callable[[Dict[str, Any]], bool] = lambda e: True, timeout: float = 15.0
    ) -> Dict[str, Any]:
        """The first event ``name`` (received so far or to come) for which ``match`` holds."""
        deadline = time.monotonic() + timeout
        seen = 0
        while True:
            for event in self.events[seen:]:
                if event.get("event") == name and match(event):
                    return event
            seen = len(self.events)
            left = deadline - time.monotonic()
            if left <= 0:
                names = [e.get("event") for e in self.events]
                raise AssertionError(f"no {name!r} event within {timeout} s; got {names}")
            self._pull(left)

    def names(self) -> List[str]:
        """The names of the events the fake also sends, received so far, in order (``hello`` left out)."""
        while self._pull(0):
            pass
        return [e["event"] for e in self.events if e.get("event") in FAKE_EVENTS and e["event"] != "hello"]

    def clear(self) -> None:
        while self._pull(0):
            pass
        self.events.clear()

    def close(self) -> None:
        self.driver.disconnect()
        self.driver.client.close()


class World:
    """A team, an open channel, a bot and a person (both members), on one backend."""

    def __init__(self, kind: str, url: str, admin_token: str) -> None:
        self.kind, self.url = kind, url
        self.admin = Driver({"url": url, "token": admin_token})
        self.admin.login()
        self._listeners: List[Listener] = []
        self._drivers: List[Driver] = [self.admin]
        self.team = self.admin.teams.create_team(
            {"name": unique("team"), "display_name": "Contract", "type": "O"}
        )
        made = self.admin.bots.create_bot({"username": unique("bot"), "display_name": "Contract bot"})
        self.bot = self.admin.users.get_user(made["user_id"])
        self.bot_token = self._token(self.bot["id"])
        name = unique("user")
        self.user = self.admin.users.create_user(
            {"username": name, "email": f"{name}@example.com", "password": PASSWORD}
        )
        self.user_token = self._token(self.user["id"])
        for member in (self.bot, self.user):
            self.admin.teams.add_user_to_team(
                self.team["id"], {"team_id": self.team["id"], "user_id": member["id"]}
            )
        self.channel = self.admin.channels.create_channel(
            {"team_id": self.team["id"], "name": unique("chan"), "display_name": "Contract", "type": "O"}
        )
        for member in (self.bot, self.user):
            self.admin.channels.add_user(self.channel["id"], {"user_id": member["id"]})
        self.as_bot = self.driver(self.bot_token)
        self.as_user = self.driver(self.user_token)

    def _token(self, user_id: str) -> str:
        return str(self.admin.users.create_user_access_token(user_id, {"description": "contract"})["token"])

    def driver(self, token: str, **options: Any) -> Driver:
        """A logged-in Driver with ``token`` (closed with the world)."""
        d = Driver({"url": self.url, "token": token, **options})
        d.login()
        self._drivers.append(d)
        return d

    def listen(self, token: str) -> Listener:
        """A websocket listener with ``token``, connected (its ``hello`` received)."""
        listener = Listener(self.url, token)
        self._listeners.append(listener)
        return listener

    def raw(self, method: str, path: str, token: Optional[str], **kwargs: Any) -> Any:
        """A request without the driver's checks (for status codes and raw bodies)."""
        import requests

        headers = {"Authorization": f"Bearer {token}"} if token else {}
        headers.update(kwargs.pop("headers", {}))
        with requests.Session() as session:
            return session.request(method, self.url + path, headers=headers, timeout=30, **kwargs)

    def close(self) -> None:
        for listener in self._listeners:
            listener.close()
        for d in self._drivers[1:]:
            d.client.close()
        if self.kind == "real":
            self.admin.teams.delete_team(self.team["id"], params={"permanent": "true"})
            for user_id in (self.user["id"], self.bot["id"]):
                self.admin.users.deactivate_user(user_id)
        self.admin.client.close()


@pytest.fixture(params=["fake", "real"])
def world(request: pytest.FixtureRequest) -> Iterator[World]:
    """The world, on the fake and then on the real server."""
    if request.param == "fake":
        with FakeMattermost(strict=True) as fake:
            w = World("fake", fake.url, fake.token(fake.admin))
            try:
                yield w
            finally:
                w.close()
        return
    server: Dict[str, str] = request.getfixturevalue("server")
    w = World("real", server["MM_URL"], server["MM_TOKEN"])
    try:
        yield w
    finally:
        w.close()


def post_of(event: Dict[str, Any]) -> Dict[str, Any]:
    """The post of a decoded ``posted``/``post_edited``/``post_deleted`` event."""
    post = event["data"]["post"]
    return post if isinstance(post, dict) else json.loads(post)
