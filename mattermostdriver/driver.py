"""The Driver: options, login and logout, the endpoint attributes, and the websocket.

What it shares with ``AsyncDriver`` is :class:`~mattermostdriver.driver_base.DriverBase`'s.
"""

from __future__ import annotations

import logging
from types import TracebackType
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    Literal,
    Mapping,
    Optional,
    Type,
    Union,
    overload,
)

from . import endpoints
from .client import Client
from .driver_base import DriverBase
from .exceptions import summary_of
from .retry import Retry
from .types import StatusOK, User

if TYPE_CHECKING:  # the websocket machinery loads only when it is used
    import asyncio

    from .transports import Transport
    from .types import WebsocketEvent
    from .websocket import Events, Websocket
    from .websocket.events import EventHandler
    from .websocket.stream import Names

log = logging.getLogger(__name__)


class Driver(DriverBase, endpoints.Areas):
    """A Mattermost server and the routes of its REST API v4, one attribute per area.

    One Driver serves many threads at once (its connections are pooled, see
    ``max_connections``). Use it in ``with`` (or call :meth:`close`): leaving the block
    closes the websocket and every connection, and, when :meth:`login` logged in with a
    password, logs out first, so that a script run from cron does not leave a session on the
    server at each run (a token's session is left alone).

    Args:
        options: see :data:`~mattermostdriver.options.DEFAULT_OPTIONS`. ``Driver()``
            builds offline; nothing is sent before the first call.
        client_cls: the :class:`~mattermostdriver.client.Client` class to use.
        retry: the retry policy (:class:`~mattermostdriver.retry.Retry`) of REST calls,
            transfers and websocket reconnects, instead of the one the options describe
            (``retries``, ``backoff_factor``...); ``d.client.retry`` holds it.
        transport: what sends the requests (:class:`~mattermostdriver.transports.MockTransport`
            in a unit test, or any :class:`~mattermostdriver.transports.Transport`); by default
            a pool of connections made from the options.

    Example:
        >>> d = Driver({"url": "https://chat.example.com", "token": "..."})
        >>> d.login()  # doctest: +SKIP

    """

    client: Client

    def __init__(
        self,
        options: Optional[Mapping[str, Any]] = None,
        client_cls: Type[Client] = Client,
        *,
        retry: Optional[Retry] = None,
        transport: Optional[Transport] = None,
    ) -> None:
        super().__init__(options, client_cls, retry, transport)

    def __enter__(self) -> Driver:
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> None:
        """Log out if :meth:`login` used a password (a token's session stays), then :meth:`close`."""
        try:
            if self._logout_on_exit():
                try:
                    self.logout()
                except Exception as error:  # the block's own outcome matters more
                    log.warning(
                        "closing the driver: its password session was not logged out: %s", summary_of(error)
                    )
        finally:
            self.close()

    def close(self) -> None:
        """Close the websocket, if one runs, and every connection to the server.

        A call in flight in another thread then fails with a
        :class:`~mattermostdriver.exceptions.TransportError`. Safe from any thread, and to
        call again; the driver stays usable (a later call opens new connections).
        """
        self.disconnect()
        self.client.close()

    def login(self) -> User:
        """Log in with the ``token`` option, or with ``login_id``/``password`` (and ``mfa_token``).

        With a token, ``GET /api/v4/users/me`` checks it; with a password,
        ``POST /api/v4/users/login`` opens a session whose token is kept for later calls.

        Returns:
            The logged-in user.

        Raises:
            ValueError: neither a token nor a login id and password were given.
            NoAccessTokenProvided: the server refused the credentials.

        """
        if self.options.get("token"):
            self.client.token = self.options["token"]
            return self._logged_in(self.users.get_user("me"), None)
        response = self.users.login_user(self._login_body())
        return self._logged_in(self.client.parse(response), response)

    def logout(self) -> StatusOK:
        """POST /api/v4/users/logout: end the session, forget the token and close the websocket."""
        self.disconnect()
        try:
            return self.users.logout_user()
        finally:
            self._forget_session()

    @overload
    def init_websocket(
        self,
        event_handler: EventHandler,
        websocket_cls: Optional[Type[Websocket]] = None,
        *,
        blocking: Literal[True] = True,
        on_resync: Optional[Callable[[str, str], Any]] = None,
        decode: bool = False,
    ) -> asyncio.AbstractEventLoop: ...

    @overload
    def init_websocket(
        self,
        event_handler: EventHandler,
        websocket_cls: Optional[Type[Websocket]] = None,
        *,
        blocking: Literal[False],
        on_resync: Optional[Callable[[str, str], Any]] = None,
        decode: bool = False,
    ) -> Websocket: ...

    @overload
    def init_websocket(
        self,
        event_handler: EventHandler,
        websocket_cls: Optional[Type[Websocket]] = None,
        *,
        blocking: bool,
        on_resync: Optional[Callable[[str, str], Any]] = None,
        decode: bool = False,
    ) -> Union[asyncio.AbstractEventLoop, Websocket]: ...

    def init_websocket(
        self,
        event_handler: EventHandler,
        websocket_cls: Optional[Type[Websocket]] = None,
        *,
        blocking: bool = True,
        on_resync: Optional[Callable[[str, str], Any]] = None,
        decode: bool = False,
    ) -> Union[asyncio.AbstractEventLoop, Websocket]:
        """GET /api/v4/websocket: listen for events and hand each one to ``event_handler``.

        The handler gets every message as its raw JSON text and may be a plain function
        or an ``async def``. Blocking (the default, as in 7.3.2), this runs the calling
        thread's asyncio event loop until the websocket ends and returns that loop; other
        tasks scheduled on the loop run meanwhile. With ``blocking=False`` it returns at
        once with the running :class:`~mattermostdriver.websocket.Websocket` (call its
        ``stop()``, or :meth:`disconnect`). ``on_resync(old_id, new_id)`` is called when a
        reconnect could not resume (events were missed: fetch them over REST). With
        ``decode=True`` the handler gets each message as a dict, the JSON nested in its
        ``data`` (the post of a ``posted`` event, ...) decoded too.
        """
        websocket = self._new_websocket(websocket_cls, on_resync, decode)
        if not blocking:
            return websocket.start(event_handler)
        from .websocket.blocking import run_blocking

        return run_blocking(websocket.connect, event_handler)

    @overload
    def events(
        self,
        *,
        decode: Literal[True],
        event: Names = None,
        channel_id: Names = None,
        buffer: Optional[int] = None,
        on_resync: Optional[Callable[[str, str], Any]] = None,
    ) -> Events[WebsocketEvent]: ...

    @overload
    def events(
        self,
        *,
        decode: Literal[False] = False,
        event: Names = None,
        channel_id: Names = None,
        buffer: Optional[int] = None,
        on_resync: Optional[Callable[[str, str], Any]] = None,
    ) -> Events[str]: ...

    def events(
        self,
        *,
        decode: bool = False,
        event: Names = None,
        channel_id: Names = None,
        buffer: Optional[int] = None,
        on_resync: Optional[Callable[[str, str], Any]] = None,
    ) -> Events[Any]:
        """GET /api/v4/websocket: the events, as a blocking iterator (the listener in a thread).

        ::

            with d.events(decode=True, event="posted") as events:
                for event in events:
                    print(event["data"]["post"]["message"])

        Entering the ``with`` connects (it returns once the first connection is up or has
        failed); leaving it, or a ``break``, closes the connection and joins the listener's
        thread. Each item is an event as its raw JSON text, or with ``decode=True`` a dict
        (:class:`~mattermostdriver.types.WebsocketEvent`) whose nested JSON (``data["post"]``...)
        is decoded too; action replies are not events and are not yielded. The listener is the
        one of :meth:`init_websocket` (keepalive, reconnect and resume, ``d.websocket`` for
        actions); an error that ends it (a refused token) is raised by the loop.

        Args:
            decode: yield dicts rather than JSON text.
            event: only the events of this name, or of these names (``"posted"``, ...).
            channel_id: only the events of this channel, or of these channels.
            buffer: the events kept for a slow loop body (default
                :data:`~mattermostdriver.websocket.BUFFER`); beyond, the listener stops taking
                them and has the server replay them once the body catches up.
            on_resync: called as ``on_resync(old_connection_id, new_connection_id)`` when a
                reconnect could not resume; without it a
                :class:`~mattermostdriver.websocket.Resync` item is yielded instead.

        """
        stream: Events[Any] = self._stream("Events", decode, event, channel_id, buffer, on_resync)
        return stream
