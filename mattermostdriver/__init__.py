"""mattermostdriver: a Python driver for the Mattermost REST API v4 and its WebSocket."""

import logging
from typing import TYPE_CHECKING, Any, List

from .client import Client
from .driver import Driver
from .exceptions import (
    ApiError,
    ClientError,
    Conflict,
    ContentTooLarge,
    FeatureDisabled,
    InvalidOrMissingParameters,
    MattermostError,
    MethodNotAllowed,
    NoAccessTokenProvided,
    NotEnoughPermissions,
    ResourceNotFound,
    ServerError,
    TooManyRequests,
    TransportError,
    UnexpectedResponse,
    WebsocketAuthError,
    WebsocketError,
)
from .version import __version__

if TYPE_CHECKING:  # for type checkers; at run time __getattr__ imports them on first use
    from .aio_driver import AsyncDriver
    from .websocket import Websocket

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "__version__",
    "Driver",
    "AsyncDriver",
    "Client",
    "Websocket",
    "ApiError",
    "ClientError",
    "Conflict",
    "ContentTooLarge",
    "FeatureDisabled",
    "InvalidOrMissingParameters",
    "MattermostError",
    "MethodNotAllowed",
    "NoAccessTokenProvided",
    "NotEnoughPermissions",
    "ResourceNotFound",
    "ServerError",
    "TooManyRequests",
    "TransportError",
    "UnexpectedResponse",
    "WebsocketAuthError",
    "WebsocketError",
]


#: The names that load their modules on first use: the websocket machinery (websockets,
#: asyncio) and the async driver (asyncio, the async transport) stay out of a plain import.
_LAZY = {"AsyncDriver": "aio_driver", "Websocket": "websocket"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> List[str]:
    return sorted({*globals(), *_LAZY})
