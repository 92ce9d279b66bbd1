"""mattermostdriver: a Python driver for the Mattermost REST API v4 and its WebSocket."""

import logging
from typing import Any

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


def __getattr__(name: str) -> Any:
    # The websocket machinery (websockets, asyncio) loads only when it is used.
    if name == "Websocket":
        from .websocket import Websocket

        return Websocket
    if name == "AsyncDriver":  # asyncio and the async transport load only when it is used
        from .aio_driver import AsyncDriver

        return AsyncDriver
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
