"""The transports: each sends one request and returns its response; none decides anything.

They stand beside the core (:mod:`mattermostdriver.core`), which builds the requests and
decides what to do with the answers; the clients run the one over the other.

* :mod:`~.base`: the :class:`Transport` and :class:`AsyncTransport` protocols, what a
  transport is given, and what the transports share (the response, TLS, proxies);
* :mod:`~.pool` and :mod:`~.deadline`: the sync transport over urllib3's pool, whose
  sockets keep each attempt's total deadline;
* :mod:`~.aio`: aiohttp's, for the async client (the ``async`` extra);
* :mod:`~.threads`: the sync one in worker threads, for the async client without aiohttp;
* :mod:`~.compat`: through requests' own ``Session``, while a test's HTTP mock patches it;
* :mod:`~.mock`: :class:`MockTransport`, answered by a function of a test's.

``Driver(transport=...)`` and ``AsyncDriver(transport=...)`` take any transport; by default
the driver makes its own.
"""

from .base import AsyncTransport, Outgoing, Transport
from .mock import MockHandler, MockResponse, MockTransport

__all__ = ["AsyncTransport", "MockHandler", "MockResponse", "MockTransport", "Outgoing", "Transport"]
