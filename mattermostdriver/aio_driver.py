"""AsyncDriver: every route of the Driver, awaitable, for asyncio bots.

The endpoint classes are the Driver's own: with the :class:`~mattermostdriver.aio_client.AsyncClient`
behind them, a method returns an awaitable of what the Driver's returns, and the iterators
(``users.iter_users``, ``posts.iter_posts_for_channel``...) are ``async for`` iterators.
"""

from __future__ import annotations

import logging
from types import TracebackType
from typing import TYPE_CHECKING, Any, Callable, Literal, Mapping, Optional, Type, overload

from .aio_client import AsyncClient
from .driver_base import DriverBase
from .endpoints.async_areas import AsyncAreas
from .exceptions import summary_of
from .retry import Retry
from .types import StatusOK, User

if TYPE_CHECKING:
    from .transports import AsyncTransport
    from .types import WebsocketEvent
    from .websocket import AsyncEvents, Websocket
    from .websocket.events import EventHandler
    from .websocket.stream import Names

__all__ = ["AsyncDriver"]

log = logging.getLogger(__name__)


class AsyncDriver(DriverBase, AsyncAreas):
    """A Mattermost server for asyncio code: the Driver's areas and methods, each awaitable.

    Args:
        options: as for :class:`~mattermostdriver.Driver` (the same keys, defaults and checks).
        client_cls: the :class:`~mattermostdriver.aio_client.AsyncClient` class to use.
        retry: the retry policy, as for the Driver.
        transport: what sends the requests (:class:`~mattermostdriver.transports.MockTransport`
            in a unit test, or any :class:`~mattermostdriver.transports.AsyncTransport`); by
            default aiohttp's (the ``async`` extra), else the sync pool in worker threads.

    Use it in ``async with``, or call :meth:`close`: leaving the block closes the websocket and
    every connection, and, when :meth:`login` logged in with a password, logs out first (a
    token's session is left alone)::

        async with AsyncDriver({"url": "https://chat.example.com", "token": "..."}) as d:
            me = await d.login()
            await d.posts.create_post({"channel_id": channel_id, "message": "hi"})
            async for user in d.users.iter_users():
                ...

    Requests go out on the loop with aiohttp when the ``async`` extra is installed
    (``pip install mattermostdriver[async]``), else each in a worker thread (slower).
    Type checkers see each call as what it is: ``await d.users.get_user("me")`` is a
    :class:`~mattermostdriver.types.User`, ``d.users.iter_users()`` an ``AsyncIterator[User]``
    (the areas are typed by :mod:`mattermostdriver.endpoints.async_areas`).

    """

    client: AsyncClient

    def __init__(
        self,
        options: Optional[Mapping[str, Any]] = None,
        client_cls: Type[AsyncClient] = AsyncClient,
        *,
        retry: Optional[Retry] = None,
        transport: Optional[AsyncTransport] = None,
    ) -> None:
        super().__init__(options, client_cls, retry, transport)

    async def __aenter__(self) -> AsyncDriver:
        return self

    async def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        """Log out if :meth:`login` used a password (a token's session stays), then :meth:`close`."""
        try:
            if self._logout_on_exit():
                try:
                    await self.logout()
                except Exception as error:  # the block's own outcome matters more
                    log.warning(
                        "closing the driver: its password session was not logged out: %s", summary_of(error)
                    )
        finally:
            await self.close()

    async def close(self) -> None:
        """Close the websocket, if one runs, and every connection to the server, at once.

        Whatever happened to the calls (cancelled, timed out, still in flight: those fail
        with a :class:`~mattermostdriver.exceptions.TransportError`), no socket of the driver
        is open when it returns. Safe to call again; a later call opens new connections.
        """
        self.disconnect()
        await self.client.close()

    async def login(self) -> User:
        """Log in with the ``token`` option, or with ``login_id``/``password`` (and ``mfa_token``).

        As :meth:`Driver.login <mattermostdriver.Driver.login>`: ``GET /api/v4/users/me``
        checks a token; ``POST /api/v4/users/login`` opens a session.

        Returns:
            The logged-in user.

        Raises:
            ValueError: neither a token nor a login id and password were given.
            NoAccessTokenProvided: the server refused the credentials.
            UnexpectedResponse: the answer is not a user.

        """
        if self.options.get("token"):
            self.client.token = self.options["token"]
            return self._logged_in(await self.users.get_user("me"), None)
        response = await self.users.login_user(self._login_body())
        return self._logged_in(self.client.parse(response), response)

    async def logout(self) -> StatusOK:
        """POST /api/v4/users/logout: end the session, forget the token and close the websocket."""
        self.disconnect()
        try:
            return await self.users.logout_user()
        finally:
            self._forget_session()

    async def init_websocket(
        self,
        event_handler: EventHandler,
        websocket_cls: Optional[Type[Websocket]] = None,
        *,
        on_resync: Optional[Callable[[str, str], Any]] = None,
        decode: bool = False,
    ) -> None:
        """GET /api/v4/websocket: listen for events in the running loop until the websocket ends.

        Runs :meth:`Websocket.connect <mattermostdriver.websocket.Websocket.connect>` with the
        driver's options and token: ``event_handler`` (plain or ``async def``) gets each
        message as its raw JSON text (a dict with ``decode=True``); other tasks of the loop
        run meanwhile. :meth:`disconnect` (or cancelling the task) ends it.
        """
        await self._new_websocket(websocket_cls, on_resync, decode).connect(event_handler)

    @overload
    def events(
        self,
        *,
        decode: Literal[True],
        event: Names = None,
        channel_id: Names = None,
        buffer: Optional[int] = None,
        on_resync: Optional[Callable[[str, str], Any]] = None,
    ) -> AsyncEvents[WebsocketEvent]: ...

    @overload
    def events(
        self,
        *,
        decode: Literal[False] = False,
        event: Names = None,
        channel_id: Names = None,
        buffer: Optional[int] = None,
        on_resync: Optional[Callable[[str, str], Any]] = None,
    ) -> AsyncEvents[str]: ...

    def events(
        self,
        *,
        decode: bool = False,
        event: Names = None,
        channel_id: Names = None,
        buffer: Optional[int] = None,
        on_resync: Optional[Callable[[str, str], Any]] = None,
    ) -> AsyncEvents[Any]:
        """GET /api/v4/websocket: the events, as an ``async for`` iterator on the running loop.

        ::

            async with d.events(decode=True, event="posted") as events:
                async for event in events:
                    print(event["data"]["post"]["message"])

        As :meth:`Driver.events <mattermostdriver.Driver.events>`, with ``async with``: the
        listener is a task of the loop and adds no thread; ``on_resync`` may be ``async def``.
        """
        stream: AsyncEvents[Any] = self._stream("AsyncEvents", decode, event, channel_id, buffer, on_resync)
        return stream
