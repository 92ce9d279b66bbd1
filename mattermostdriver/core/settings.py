"""The snapshot of a client's settings: what its requests need from the options, derived once per change.

A call reads one :class:`Settings` when it starts and keeps it to its end (its retries
included), so a call never mixes old and new options, and nothing is derived again per call.
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Tuple, Union

from ..options import Options, base_url, connection_limits, user_agent
from ..retry import Retry
from ..timeouts import Timeouts, timeouts

__all__ = ["Settings"]


class Settings:
    """What a client's requests need from the options (see the module); never changed once made."""

    __slots__ = (
        "auth",
        "basepath",
        "debug",
        "generation",
        "headers",
        "limits",
        "origin",
        "origin_key",
        "proxies",
        "retry",
        "timeouts",
        "transport_key",
        "verify",
    )

    def __init__(self, options: Options) -> None:
        #: The options' :attr:`~mattermostdriver.options.Options.generation` it was made from.
        self.generation: int = options.generation
        self.retry: Retry = options.retry
        #: ``scheme://host:port`` of the server, and what an absolute URL is compared with.
        self.origin = base_url(options)
        self.origin_key: Tuple[str, str, int] = (options["scheme"], options["url"].lower(), options["port"])
        self.basepath: str = options["basepath"]
        #: The default seconds of an attempt.
        self.timeouts: Timeouts = timeouts(options["request_timeout"])
        auth = options.get("auth")
        self.auth: Any = auth() if isinstance(auth, type) else auth
        #: The headers every request starts from.
        self.headers: Dict[str, str] = {
            "User-Agent": user_agent(options),
            "Accept-Encoding": "gzip, deflate",
            "Accept": "*/*",
        }
        proxy = options.get("proxy")
        self.proxies: Optional[Dict[str, str]] = (
            {"http": proxy, "https": proxy} if isinstance(proxy, str) else proxy
        )
        self.verify: Union[bool, str] = options["verify"]
        #: The most connections open at once to one host, and the most kept idle.
        self.limits: Tuple[int, int] = connection_limits(options)
        #: What a transport is made from: when it changes, the client makes a new one.
        self.transport_key = (self.verify, repr(self.proxies), self.limits)
        self.debug = bool(options.get("debug"))
