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
    Mapping,
    Optional,
    Type,
    Union,
)

from . import endpoints
from .client import Client
from .core import ClientBase
from .exceptions import UnexpectedResponse
from .logs import enable_debug_logging
from .options import DEFAULT_OPTIONS, Options

if TYPE_CHECKING:  # the websocket machinery loads only when it is used
    import asyncio

    from .websocket import Websocket

log = logging.getLogger(__name__)

EventHandler = Callable[[str], Union[Awaitable[None], None]]


class DriverBase(endpoints.Areas):
    """What :class:`Driver` and ``AsyncDriver`` share: the options, the client, the areas, the login rules."""

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

    def _logged_in(self, user: Any, response: Any) -> Dict[str, Any]:
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
        return user

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

    def disconnect(self) -> None:
        """Close the websocket, if one runs (from any thread)."""
        if self.websocket is not None:
            self.websocket.disconnect()


class Driver(DriverBase):
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
                    log.warning("leaving the with block: the session was not logged out: %s", error)
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

    def login(self) -> Dict[str, Any]:
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

    def logout(self) -> Any:
        """POST /api/v4/users/logout: end the session, forget the token and close the websocket."""
        self.disconnect()
        try:
            return self.users.logout_user()
        finally:
            self._forget_session()

    def init_websocket(
        self,
        event_handler: EventHandler,
        websocket_cls: Optional[Type[Websocket]] = None,
        *,
        blocking: bool = True,
        on_resync: Optional[Callable[[str, str], Any]] = None,
        decode: bool = False,
    ) -> Any:
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
        loop = _thread_event_loop()
        loop.run_until_complete(websocket.connect(event_handler))
        return loop


def _thread_event_loop() -> asyncio.AbstractEventLoop:
    """The calling thread's event loop (as 7.3.2 used it), created and set when there is none."""
    import asyncio
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            loop = asyncio.get_event_loop()
        except RuntimeError:
            loop = None
    if loop is None or loop.is_closed():
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
    return loop
