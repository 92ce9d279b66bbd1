"""What :class:`~mattermostdriver.Driver` and ``AsyncDriver`` share: the options, the client, logging in."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Callable, Dict, Mapping, Optional, Type, cast

from . import endpoints
from .core.base import ClientBase
from .exceptions import UnexpectedResponse
from .logs import enable_debug_logging
from .options import DEFAULT_OPTIONS, Options
from .retry import Retry
from .types import User

if TYPE_CHECKING:  # the websocket machinery loads only when it is used
    from .websocket import Websocket
    from .websocket.stream import Names

__all__ = ["DriverBase"]

log = logging.getLogger(__name__)


class DriverBase:
    """What :class:`Driver` and ``AsyncDriver`` share: the options, the client, the login rules.

    The areas come from a second base, typed for each: :class:`~mattermostdriver.endpoints.Areas`
    (the Driver's) and :class:`~mattermostdriver.endpoints.async_areas.AsyncAreas`.
    """

    #: The 7.3.2 defaults, kept for callers that read them.
    default_options: Dict[str, Any] = DEFAULT_OPTIONS

    def __init__(
        self,
        options: Optional[Mapping[str, Any]],
        client_cls: Type[ClientBase[Any]],
        retry: Optional[Retry],
        transport: Any,
    ) -> None:
        #: The options: one :class:`~mattermostdriver.options.Options` object, shared with the
        #: client and the websocket (a change reaches both; a bad value raises ValueError). It
        #: holds the retry policy too (``retry``).
        self.options: Options = Options(options, retry=retry)
        #: 7.3.2 name of the options.
        self.driver = self.options
        if self.options["debug"]:
            enable_debug_logging()
        # a 7.3.2-style client class takes the options only: a transport is passed when given
        extra: Dict[str, Any] = {} if transport is None else {"transport": transport}
        self.client = client_cls(self.options, **extra)
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
