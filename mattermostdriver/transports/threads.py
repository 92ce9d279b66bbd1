"""The thread transport: the sync pool run in worker threads, for an asyncio loop without aiohttp.

Without the ``async`` extra, the async client sends each request with the sync
:class:`~mattermostdriver.transports.pool.PoolTransport` in a worker thread (``asyncio``'s
default executor). It works everywhere, slower than aiohttp; a cancelled call returns at once
and its thread ends within the attempt's deadline, having read the whole answer (no half-read
connection goes back to the pool). While a test's HTTP mock patches requests, the threads send
through requests as the sync client does (:mod:`~mattermostdriver.transports.compat`).
"""

from __future__ import annotations

import asyncio
from typing import Mapping, Optional, Union

import requests

from ..timeouts import Timeouts
from .base import Outgoing
from .compat import RequestsTransport, requests_patched
from .pool import PoolTransport

__all__ = ["ThreadTransport"]


class ThreadTransport:
    """Sends requests with the sync transport in worker threads (see the module).

    Args:
        verify: True, False or a CA bundle path.
        proxies: a :mod:`requests` proxies dict (the environment's apply beside it).
        limit: the most connections open at once to one host.
        idle: the most connections kept open while idle, per host (default ``limit``).

    """

    def __init__(
        self,
        verify: Union[bool, str] = True,
        proxies: Optional[Mapping[str, str]] = None,
        limit: int = 10,
        idle: Optional[int] = None,
    ) -> None:
        self._sync = PoolTransport(verify, proxies, idle or limit, limit)
        self._compat = RequestsTransport(verify, proxies)

    @property
    def closed(self) -> bool:
        """Whether :meth:`aclose` was called."""
        return self._sync.closed

    async def aclose(self) -> None:
        """Close every connection at once, those of cancelled calls still in their threads too."""
        self._sync.shut()  # a thread blocked on a connection wakes with an error and drops it
        loop = asyncio.get_running_loop()
        ends = loop.time() + 1.0
        while self._sync.pools.busy() and loop.time() < ends:
            await asyncio.sleep(0.002)
        self._sync.pools.force_close()

    async def asend(self, request: Outgoing) -> requests.Response:
        """Send ``request`` in a worker thread and return its response."""
        sync = self._compat if requests_patched() else self._sync
        return await asyncio.get_running_loop().run_in_executor(None, sync.send, request)

    async def aread_block(self, response: requests.Response, size: int, timeouts: Timeouts) -> bytes:
        """Read up to ``size`` bytes of a streamed body in a worker thread, under the attempt's deadline."""
        return await asyncio.get_running_loop().run_in_executor(
            None, PoolTransport.read_block, response, size, timeouts
        )
