"""The async client: the request loop of :class:`~mattermostdriver.core.ClientBase`, run with ``await``.

Everything the sync client decides (retries, 429 and ``Retry-After``, ``pending_post_id``,
timeouts and the per-attempt deadline, the error table, redaction, no redirects, TLS
``verify``, proxies) is decided by the same code; only the sending is awaited, on an
:mod:`~mattermostdriver.aio_transport`.

Cancellation: a cancelled call returns at once; its connection is dropped (aiohttp) or
its thread ends within the attempt's deadline (threads), and a cancelled
``posts.create_post`` keeps its ``pending_post_id`` for the duplicate window, so that
calling it again with the same options cannot post twice.
"""

from __future__ import annotations

import asyncio
from typing import Any, AsyncIterator, Awaitable, Callable, Dict, List, Mapping, Optional

import requests

from .aio_transport import AsyncTransport, make_transport
from .core import ClientBase, closed_in_flight
from .options import Timeout
from .pagination import MAX_PER_PAGE, aiter_channel_posts, aiter_pages
from .retry import RetryArg

__all__ = ["AsyncClient"]


class AsyncClient(ClientBase):
    """The async HTTP client behind :class:`~mattermostdriver.AsyncDriver`.

    Its routes are coroutines; :meth:`pages` and :meth:`channel_posts` return async iterators.
    """

    def __init__(self, options: Optional[Mapping[str, Any]] = None) -> None:
        self._transport: Optional[AsyncTransport] = None
        self._transport_key: Any = None
        self._retired: List[AsyncTransport] = []
        self._sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep
        super().__init__(options)

    def _configure(self) -> None:
        super()._configure()
        if self._transport_settings != self._transport_key:
            # the old one serves the calls in flight on it; close() closes it
            if self._transport is not None:
                self._retired.append(self._transport)
            self._transport_key, self._transport = self._transport_settings, None

    @property
    def transport(self) -> AsyncTransport:
        """The transport requests go through (made on first use; remade when TLS or proxy options change)."""
        if self._generation != self.options.generation:
            self._configure()
        if self._transport is None:
            cap, idle = self._limits
            self._transport = make_transport(self.options["verify"], self._proxies, cap, idle)
        return self._transport

    async def close(self) -> None:
        """Close every connection, idle or in use (a call in flight fails at once); idempotent."""
        transports = [self._transport, *self._retired]
        self._transport, self._retired = None, []
        for transport in transports:
            if transport is not None:
                await transport.close()

    async def make_request(
        self,
        method: str,
        endpoint: str,
        options: Any = None,
        params: Optional[Mapping[str, Any]] = None,
        data: Any = None,
        files: Any = None,
        basepath: Optional[str] = None,
        *,
        timeout: Optional[Timeout] = None,
        headers: Optional[Mapping[str, str]] = None,
        stream: bool = False,
        retry: RetryArg = None,
    ) -> requests.Response:
        """Send one request, retried as the policy allows, and return its :class:`requests.Response`.

        The arguments are :meth:`Client.make_request <mattermostdriver.client.Client.make_request>`'s.

        Raises:
            ApiError: the server answered 4xx or 5xx.
            TransportError: no answer.
            UnexpectedResponse: the server redirected elsewhere.
            ValueError: a path argument, option or body that cannot be sent.

        """
        flow = self._exchange(
            method, endpoint, options, params, data, files, basepath, timeout, headers, retry
        )
        try:
            step = next(flow)
            while True:
                if isinstance(step, float):
                    await self._sleep(step)
                    result: Any = None
                else:
                    transport = self.transport  # a new one after close()
                    try:
                        result = await transport.send(
                            step.request, step.origin, step.target, step.timeouts, stream=stream
                        )
                    except requests.RequestException as exc:
                        if getattr(transport, "closed", False):
                            raise closed_in_flight(step) from None
                        result = exc
                step = flow.send(result)
        except StopIteration as done:
            response: requests.Response = done.value
            return response
        finally:
            flow.close()

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

    async def download(self, endpoint: str, dest: Any, **kwargs: Any) -> int:
        """Stream ``GET endpoint`` to ``dest`` (see :func:`~mattermostdriver.aio_transfer.download`)."""
        from .aio_transfer import download

        return await download(self, endpoint, dest, **kwargs)

    async def upload_resumable(self, channel_id: str, source: Any, **kwargs: Any) -> Any:
        """Upload through an upload session (see :func:`~mattermostdriver.aio_transfer.upload_resumable`)."""
        from .aio_transfer import upload_resumable

        return await upload_resumable(self, channel_id, source, **kwargs)
