"""The async client: the request loop (:mod:`~mattermostdriver.core.loop`), run with ``await``.

Everything the sync client decides (retries, 429 and ``Retry-After``, ``pending_post_id``,
timeouts and the per-attempt deadline, the error table, redaction, no redirects, TLS
``verify``, proxies) is decided by the same code; only the sending is awaited, on an async
transport (:mod:`~mattermostdriver.transports`: aiohttp's, or the sync pool in threads).

Cancellation: a cancelled call returns at once; its connection is dropped (aiohttp) or
its thread ends within the attempt's deadline (threads), and a cancelled
``posts.create_post`` keeps its ``pending_post_id`` for the duplicate window, so that
calling it again with the same options cannot post twice.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from typing import Any, AsyncIterator, Awaitable, Callable, Dict, List, Mapping, Optional

import requests

from .core.base import ClientBase
from .core.loop import closed_in_flight, exchange
from .core.request import Request
from .core.settings import Settings
from .multipart import Progress
from .pagination import MAX_PER_PAGE, aiter_channel_posts, aiter_pages
from .retry import Retry
from .transports.base import AsyncTransport

__all__ = ["AsyncClient"]

log = logging.getLogger("mattermostdriver.client")


class AsyncClient(ClientBase[Awaitable[requests.Response]]):
    """The async HTTP client behind :class:`~mattermostdriver.AsyncDriver`.

    Its routes are coroutines; :meth:`pages` and :meth:`channel_posts` return async iterators.

    Args:
        options: as for :class:`~mattermostdriver.client.Client`.
        retry: the retry policy, instead of the one the options describe.
        transport: what sends the requests (an :class:`~mattermostdriver.transports.AsyncTransport`,
            such as :class:`~mattermostdriver.transports.MockTransport`); by default aiohttp's
            with the ``async`` extra, else the sync pool in worker threads.

    """

    def __init__(
        self,
        options: Optional[Mapping[str, Any]] = None,
        *,
        retry: Optional[Retry] = None,
        transport: Optional[AsyncTransport] = None,
    ) -> None:
        if transport is not None and not callable(getattr(transport, "asend", None)):
            raise TypeError("transport must have asend(), aread_block() and aclose() (an async transport)")
        self._given = transport
        self._transport: Optional[AsyncTransport] = None
        self._retired: List[AsyncTransport] = []
        super().__init__(options, retry=retry)
        self._made_for = self._settings.transport_key

    def _settings_changed(self, settings: Settings) -> None:
        if settings.transport_key != self._made_for:
            # the old one serves the calls in flight on it; close() closes it
            if self._transport is not None:
                self._retired.append(self._transport)
            self._made_for, self._transport = settings.transport_key, None

    @property
    def transport(self) -> AsyncTransport:
        """The transport requests go through: the one given, else one made on first use (made
        again when the TLS, proxy or connection options change).
        """
        if self._given is not None:
            return self._given
        settings = self._current()
        if self._transport is None:
            cap, idle = settings.limits
            self._transport = _default_transport(settings, cap, idle)
        return self._transport

    async def close(self) -> None:
        """Close every connection, idle or in use (a call in flight fails at once); idempotent.

        A transport given to the client is closed too.
        """
        transports = [self._transport, *self._retired, self._given]
        self._transport, self._retired = None, []
        for transport in transports:
            if transport is not None:
                await transport.aclose()

    async def _run(self, request: Request) -> requests.Response:
        flow = exchange(request)
        try:
            step = next(flow)
            while True:
                if isinstance(step, Request):
                    transport = self._given or self._transport
                    if transport is None:
                        transport = self.transport  # made now (a new one after close())
                    result: Any
                    try:
                        result = await transport.asend(step)
                    except requests.RequestException as exc:
                        if getattr(transport, "closed", False):
                            raise closed_in_flight(step) from None
                        result = exc
                else:  # seconds to wait
                    await self._wait(step)
                    result = None
                step = flow.send(result)
        except StopIteration as done:
            response: requests.Response = done.value
            return response
        finally:
            flow.close()

    async def _wait(self, seconds: float) -> None:
        """Wait before a retry, as the retry policy says (its ``sleep``, awaited if it gives an awaitable)."""
        sleep = self.retry.sleep
        if sleep is None:
            await asyncio.sleep(seconds)
            return
        waited = sleep(seconds)
        if inspect.isawaitable(waited):
            await waited

    async def _read_block(self, response: requests.Response, size: int) -> bytes:
        """Up to ``size`` bytes of a streamed answer, under the attempt's deadline."""
        return await self.transport.aread_block(response, size, self.timeouts)

    async def _parsed(self, response: Awaitable[requests.Response]) -> Any:
        return self.parse(await response)

    # -- what endpoint methods with logic of their own call ---------------------------------------
    def pages(
        self,
        fetch: Callable[[Dict[str, Any]], Awaitable[Any]],
        params: Optional[Mapping[str, Any]] = None,
        *,
        per_page: int = MAX_PER_PAGE,
        key: Optional[str] = None,
    ) -> AsyncIterator[Any]:
        """``async for`` over a paged list route (see :func:`~mattermostdriver.pagination.aiter_pages`)."""
        return aiter_pages(fetch, params, per_page=per_page, key=key)

    def channel_posts(
        self,
        fetch: Callable[[Dict[str, Any]], Awaitable[Any]],
        *,
        per_page: int = MAX_PER_PAGE,
        before: Optional[str] = None,
        after: Optional[str] = None,
        params: Optional[Mapping[str, Any]] = None,
    ) -> AsyncIterator[Dict[str, Any]]:
        """``async for`` over a channel's posts (:func:`~mattermostdriver.pagination.aiter_channel_posts`)."""
        return aiter_channel_posts(fetch, per_page=per_page, before=before, after=after, params=params)

    async def download(
        self, endpoint: str, dest: Any, *, progress: Optional[Progress] = None, **kwargs: Any
    ) -> int:
        """Stream ``GET endpoint`` to ``dest`` (see :func:`~mattermostdriver.aio_transfer.download`).

        ``progress(bytes_written, total)`` is called after each block written (``total``: the
        answer's ``Content-Length``, 0 when it gives none), across a resumed download too.
        """
        from .aio_transfer import download

        return await download(self, endpoint, dest, progress=progress, **kwargs)

    async def upload_resumable(self, channel_id: str, source: Any, **kwargs: Any) -> Any:
        """Upload through an upload session (see :func:`~mattermostdriver.aio_transfer.upload_resumable`)."""
        from .aio_transfer import upload_resumable

        return await upload_resumable(self, channel_id, source, **kwargs)


def _default_transport(settings: Settings, cap: int, idle: int) -> AsyncTransport:
    """Aiohttp's transport when the ``async`` extra is installed, else the thread transport.

    ``cap``: the most connections open at once to one host; ``idle``: the most kept idle.
    """
    try:
        import aiohttp  # noqa: F401
    except ImportError:
        log.info("aiohttp is not installed (pip install mattermostdriver[async]): async calls run in threads")
        from .transports.threads import ThreadTransport

        return ThreadTransport(settings.verify, settings.proxies, cap, idle)
    from .transports.aio import AiohttpTransport

    return AiohttpTransport(settings.verify, settings.proxies, cap, idle)
