"""Mattermost: the fake server with a world a bot lives in, and drivers logged in to it."""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Type

from ..driver import Driver
from .fake import FakeMattermost
from .fake.server import Someone

if TYPE_CHECKING:
    from ..aio_driver import AsyncDriver

__all__ = ["Mattermost"]


class Mattermost:
    """A :class:`~mattermostdriver.testing.FakeMattermost` arranged for a bot, and its drivers.

    It holds a team, an open channel, a bot account and a person, all members of both::

        with Mattermost() as mm:
            mm.driver.posts.create_post({"channel_id": mm.channel["id"], "message": "hi"})
            mm.post_as(mm.user, mm.channel, "hello @testbot")   # the bot's websocket gets it
            reply = mm.wait_for_post(mm.channel, lambda p: p["user_id"] == mm.bot["id"])

    Every method of the fake server (``post_as``, ``posts_in``, ``wait_for_post``, ``fail``,
    ``drop_websockets``, ``calls``...) is reachable on this object too.

    Args:
        bot_name, user_name, team_name, channel_name: the names of what is created.
        strict: see :class:`~mattermostdriver.testing.FakeMattermost`.

    Attributes:
        server: the :class:`~mattermostdriver.testing.FakeMattermost`.
        team, channel, bot, user: the objects created, as the API shows them (dicts).

    """

    def __init__(
        self,
        *,
        bot_name: str = "testbot",
        user_name: str = "alice",
        team_name: str = "test",
        channel_name: str = "town-square",
        strict: bool = False,
    ) -> None:
        self.server = FakeMattermost(strict=strict)
        self.url = self.server.url
        try:
            self.bot = self.server.add_user(bot_name, bot=True, display_name=bot_name)
            self.user = self.server.add_user(user_name, password="Passw0rd-" + user_name)
            self.team = self.server.add_team(team_name, members=[self.bot, self.user])
            self.channel = self.server.add_channel(self.team, channel_name, members=[self.bot, self.user])
        except BaseException:
            self.server.close(check=False)
            raise
        self._drivers: List[Driver] = []
        self._driver: Optional[Driver] = None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.server, name)

    def options(self, user: Optional[Someone] = None, **extra: Any) -> Dict[str, Any]:
        """Driver options for ``user`` (the bot by default): the fake's URL and the user's token.

        The websocket reconnects (``keepalive``) after a short first delay, so that a test that
        drops it (:meth:`~mattermostdriver.testing.FakeMattermost.drop_websockets`) goes on quickly.
        """
        token = self.server.token(user if user is not None else self.bot)
        return {
            "url": self.url,
            "token": token,
            "keepalive": True,
            "keepalive_delay": 0.2,
            "timeout": 5,
            **extra,
        }

    @property
    def driver(self) -> Driver:
        """A :class:`~mattermostdriver.Driver` logged in as the bot (made on first use, closed with this)."""
        if self._driver is None:
            self._driver = self.driver_for(self.bot)
        return self._driver

    def driver_for(self, user: Someone, **options: Any) -> Driver:
        """A new :class:`~mattermostdriver.Driver` logged in as ``user`` (closed with this)."""
        driver = Driver(self.options(user, **options))
        self._drivers.append(driver)
        driver.login()
        return driver

    def async_driver(self, user: Optional[Someone] = None, **options: Any) -> AsyncDriver:
        """A new :class:`~mattermostdriver.AsyncDriver` for ``user`` (the bot by default).

        Use it in ``async with`` and call ``await d.login()`` first, as a bot does.
        """
        from ..aio_driver import AsyncDriver

        return AsyncDriver(self.options(user, **options))

    def __enter__(self) -> Mattermost:
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        self.close(check=exc is None)

    def close(self, *, check: bool = True) -> None:
        """Disconnect and close the drivers made here, then close the server (see its ``close``)."""
        for driver in self._drivers:
            driver.disconnect()
            driver.client.close()
        self._drivers.clear()
        self.server.close(check=check)
