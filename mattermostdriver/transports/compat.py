"""The compatibility transport: sends through requests' own ``Session`` while a test's HTTP mock patches it.

``responses`` patches ``HTTPAdapter.send`` and ``requests-mock`` patches ``Session.send``;
callers' test suites written for 7.3.2 (which sent through requests) rely on them seeing every
request. While one of them is installed (:func:`requests_patched`), the clients send through
:class:`RequestsTransport` instead of their pools; nothing else takes this way.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional, Union

import requests
from requests.adapters import HTTPAdapter
from requests.cookies import cookiejar_from_dict

from ..timeouts import Timeouts
from .base import Outgoing, effective_verify, proxies_for, read_raw

__all__ = ["RequestsTransport", "requests_patched"]

#: requests' own sending functions (module, name): a test's HTTP mock replaces one of them.
_OWN_SENDS = [("requests.adapters", "HTTPAdapter.send"), ("requests.sessions", "Session.send")]
_seen_own: Any = ()  # the sending functions last found to be requests' own


def requests_patched() -> bool:
    """Whether something (a test's HTTP mock) replaced requests' sending, whenever it was installed.

    Told by where the functions were defined, not by a copy taken at import (maybe under a mock).
    """
    global _seen_own
    sends = (HTTPAdapter.send, requests.Session.send)
    if sends == _seen_own:
        return False
    if [(getattr(f, "__module__", None), getattr(f, "__qualname__", None)) for f in sends] != _OWN_SENDS:
        return True
    _seen_own = sends
    return False


class RequestsTransport:
    """Sends each request through a new :class:`requests.Session` (what a caller's HTTP mock sees).

    Args:
        verify: True, False or a CA bundle path (as for :mod:`requests`).
        proxies: a :mod:`requests` proxies dict (the environment's apply beside it).

    """

    def __init__(self, verify: Union[bool, str] = True, proxies: Optional[Mapping[str, str]] = None) -> None:
        self.verify = effective_verify(verify)
        self.proxies = dict(proxies or {})

    def send(self, request: Outgoing) -> requests.Response:
        """Send ``request`` through requests' own ``Session.send`` (redirects not followed)."""
        prepared, timeouts = request.prepared, request.timeouts
        # requests looks at a redirect's cookies even when not following it: give it a jar of its own
        sent = prepared.copy()
        sent._cookies = cookiejar_from_dict({})  # type: ignore[attr-defined,no-untyped-call]
        with requests.Session() as session:
            response = session.send(
                sent,
                stream=request.stream,
                timeout=(timeouts.connect, timeouts.read),
                verify=self.verify,
                proxies=proxies_for(prepared.url or "", self.proxies),
                allow_redirects=False,
            )
        if not request.stream:
            response.content  # noqa: B018 - read the body, as the pooled way does
        return response

    @staticmethod
    def read_block(response: requests.Response, size: int, timeouts: Timeouts) -> bytes:
        """Read up to ``size`` bytes of a streamed body."""
        return read_raw(response.raw, size)

    def close(self) -> None:
        """Nothing to close: each request had a session of its own."""
