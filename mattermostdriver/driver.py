"""The Driver: options, login and logout, the endpoint attributes, and the websocket."""

from __future__ import annotations

import logging
from types import TracebackType
from typing import (
    TYPE_CHECKING,
    Any,
    Awaitable,
    Callable,
    Dict,
    Iterable,
    Literal,
    Mapping,
    Optional,
    Type,
    Union,
    cast,
    overload,
)

from . import endpoints
from .client import Client
from .core import ClientBase
from .exceptions import UnexpectedResponse, summary_of
from .logs import enable_debug_logging
from .options import DEFAULT_OPTIONS, Options
from .types import StatusOK, User

if TYPE_CHECKING:  # the websocket machinery loads only when it is used
    import asyncio

    from .types import WebsocketEvent
    from .websocket import Events, Websocket

log = logging.getLogger(__name__)

EventHandler = Callable[[str], Union[Awaitable[None], None]]
#: An event name or channel id, several, or None for all (the filters of ``events()``).
Names = Union[None, str, Iterable[str]]


class DriverBase:
    """What :class:`Driver` and ``AsyncDriver`` share: the options, the client, the login rules.

    The areas come from a second base, typed for each: :class:`~mattermostdriver.endpoints.Areas`
    (the Driver's) and :class:`~mattermostdriver.endpoints.async_areas.AsyncAreas`.
    """

    #: The 7.3.2 defaults, kept for callers that read them.
    default_options: Dict[str, Any] = DEFAULT_OPTIONS

    def __init__(self, options: Optional[Mapping[str, Any]], client_cls: Type[ClientBase]) -> None:
        #: The options: one :class:`~mattermostdriver.options.Options` object, shared with the
        #: client and the websocket (a change reaches both; a bad value raises ValueError).
        self.options: Options = Options(options)
        #: 7.3.2 name of the options.
        self.driver = self.options
        if self.options["debug"]:
            enable_debug_logging()
        self.client = client_cls(self.options)
        self.websocket: Optional[Websocket] = None
        #: Whether login() opened a session with a password (leaving ``with`` then logs out).
        self._password_session = False

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.client.url}>"

    @property
    def api(self) -> Dict[str, Any]:
        """Every endpoint area by attribute name (deprecated in 7.3.2: use ``driver.<area>``)."""
        import warnings

        warnings.warn(
            "Driver.api is deprecated: use the endpoints directly", DeprecationWarning, stacklevel=2
        )
        return {name: getattr(self, name) for name in endpoints.AREAS}

    def _login_body(self) -> Dict[str, Any]:
        if not (self.options.get("login_id") and self.options.get("password")):
            raise ValueError("login needs the 'token' option, or 'login_id' and 'password'")
        body = {"login_id": self.options["login_id"], "password": self.options["password"]}
        if self.options.get("mfa_token"):
            body["token"] = self.options["mfa_token"]
        return body

    def _logged_in(self, user: Any, response: Any) -> User:
        """Keep the session of a login answer (``response``: the password login's) and return the user."""
        if (
            not isinstance(user, dict)
            or not isinstance(user.get("id"), str)
            or not isinstance(user.get("username"), str)
        ):
            raise UnexpectedResponse(
                "the login answer is not a user (no id and username): is url the Mattermost server?",
                status_code=getattr(response, "status_code", None),
                method="POST" if response is not None else "GET",
                url=self.client.url + ("/users/login" if response is not None else "/users/me"),
                response=response,
            )
        if response is not None:
            token = response.headers.get("Token")
            if not token:
                raise UnexpectedResponse(
                    "the login answer has no session token (Token header)",
                    status_code=response.status_code,
                    method="POST",
                    url=self.client.url + "/users/login",
                    response=response,
                )
            self.client.token = token
            self.client.cookies = response.cookies
        self._password_session = response is not None
        self.client.userid = user["id"]
        self.client.username = user["username"]
        return cast("User", user)

    def _forget_session(self) -> None:
        self._password_session = False
        self.client.token = None
        self.client.userid = ""
        self.client.username = ""

    def _logout_on_exit(self) -> bool:
        """Whether leaving ``with`` logs out: login() opened a session with a password."""
        return self._password_session and bool(self.client.token)

    def _new_websocket(
        self,
        websocket_cls: Optional[Type[Websocket]],
        on_resync: Optional[Callable[[str, str], Any]],
        decode: bool,
    ) -> Websocket:
        """The websocket of ``init_websocket``, with the driver's options and token."""
        if websocket_cls is None:
            from .websocket import Websocket

            websocket_cls = Websocket
        extra: Dict[str, Any] = {k: v for k, v in (("on_resync", on_resync), ("decode", decode)) if v}
        # a 7.3.2-style class takes (options, token) only: pass the new arguments when used
        self.websocket = websocket_cls(self.options, self.client.token, **extra)
        return self.websocket

    def _stream(
        self,
        stream: str,
        decode: bool,
        event: Names,
        channel_id: Names,
        buffer: Optional[int],
        on_resync: Optional[Callable[[str, str], Any]],
    ) -> Any:
        """The ``Events`` or ``AsyncEvents`` of ``events()``, on a new websocket (``self.websocket``)."""
        from . import websocket

        stream_cls = getattr(websocket, stream)
        return stream_cls(
            self._new_websocket(None, None, decode),
            event=event,
            channel_id=channel_id,
            buffer=websocket.BUFFER if buffer is None else buffer,
            on_resync=on_resync,
        )

    def disconnect(self) -> None:
        """Close the websocket, if one runs (from any thread)."""
        if self.websocket is not None:
            self.websocket.disconnect()


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

    Example:
        >>> d = Driver({"url": "https://chat.example.com", "token": "..."})
        >>> d.login()  # doctest: +SKIP

    """

    client: Client

    def __init__(
        self, options: Optional[Mapping[str, Any]] = None, client_cls: Type[Client] = Client
    ) -> None:
        super().__init__(options, client_cls)

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
