"""Shared fixtures of the unit tests."""

from __future__ import annotations

import asyncio
import contextlib
import inspect
from typing import Any, Dict, Iterator, List, Optional, Tuple

import pytest
import requests
import responses
from requests.adapters import HTTPAdapter

from mattermostdriver import AsyncDriver, Driver
from mattermostdriver.aio_client import AsyncClient
from mattermostdriver.endpoints import Base
from mattermostdriver.options import Timeouts
from mattermostdriver.transport import Transport

from .servers import keepalive_server, silent_server  # noqa: F401 - fixtures of the transport tests

BASE = "http://mm.test:80/api/v4"


class ResponsesTransport:
    """The transport, replaced by requests' adapter, which :mod:`responses` intercepts.

    Everything above the transport (the request loop, retries, errors, bodies, headers)
    runs for real; the transport itself is tested against real local servers
    (test_transport.py).
    """

    adapter = HTTPAdapter()

    def send(
        self,
        request: requests.PreparedRequest,
        origin: str,
        target: str,
        timeouts: Timeouts,
        *,
        stream: bool = False,
    ) -> requests.Response:
        response = self.adapter.send(request, stream=stream, timeout=(timeouts.connect, timeouts.read))
        if not stream:
            response.content  # noqa: B018 - read the body, as the real transport does
        return response


class AsyncResponsesTransport(ResponsesTransport):
    """The async client's transport, replaced the same way."""

    async def send(self, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        return ResponsesTransport.send(self, *args, **kwargs)

    async def read_block(self, response: requests.Response, size: int, timeouts: Timeouts) -> bytes:
        return bytes(response.raw.read(size))

    async def close(self) -> None:
        pass


@contextlib.contextmanager
def mock_http(**kwargs: Any) -> Iterator[responses.RequestsMock]:
    """A :class:`responses.RequestsMock` that the requests of both drivers go to."""
    fake = ResponsesTransport()
    with pytest.MonkeyPatch.context() as patch, responses.RequestsMock(**kwargs) as mocked:
        patch.setattr(Transport, "send", lambda self, *a, **kw: fake.send(*a, **kw))
        patch.setattr("mattermostdriver.aio_client.make_transport", lambda *a: AsyncResponsesTransport())
        yield mocked


@pytest.fixture
def mock() -> Iterator[responses.RequestsMock]:
    with mock_http(assert_all_requests_are_fired=False) as m:
        yield m


@pytest.fixture
def sleeps() -> List[float]:
    return []


class Blocking:
    """An AsyncDriver (or any part of it) seen through blocking calls, for tests shared with the Driver.

    A call whose result is awaitable is run to completion on one loop; an async iterator
    becomes a list iterator; an area or the client is wrapped in turn.
    """

    def __init__(self, target: Any, loop: asyncio.AbstractEventLoop) -> None:
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_loop", loop)

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._target, name)
        if isinstance(value, (Base, AsyncClient)):
            return Blocking(value, self._loop)
        if not callable(value) or isinstance(value, type):
            return value

        def call(*args: Any, **kwargs: Any) -> Any:
            result = value(*args, **kwargs)
            if inspect.isawaitable(result):
                return self._loop.run_until_complete(_awaited(result))
            if hasattr(result, "__aiter__"):
                return _lazily(result, self._loop)
            return result

        return call

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._target, name, value)

    def __enter__(self) -> Blocking:
        return self

    def __exit__(self, *exc: object) -> None:
        self._loop.run_until_complete(self._target.close())


async def _awaited(awaitable: Any) -> Any:
    return await awaitable


def _lazily(iterator: Any, loop: asyncio.AbstractEventLoop) -> Iterator[Any]:
    """An async iterator, one item at a time, as a blocking one."""
    while True:
        try:
            yield loop.run_until_complete(_awaited(iterator.__anext__()))
        except StopAsyncIteration:
            return


def make_driver(kind: str, options: Dict[str, Any], sleeps: Optional[List[float]] = None) -> Any:
    """A Driver, or an AsyncDriver behind :class:`Blocking` (``kind``: "sync" or "async")."""
    if kind == "sync":
        d = Driver(options)
        if sleeps is not None:
            d.client._sleep = sleeps.append  # record the backoff instead of sleeping
        return d
    loop = asyncio.new_event_loop()
    a = AsyncDriver(options)
    if sleeps is not None:

        async def sleep(seconds: float) -> None:
            sleeps.append(seconds)

        a.client._sleep = sleep
    OPENED.append((a, loop))
    return Blocking(a, loop)


OPENED: List[Tuple[AsyncDriver, asyncio.AbstractEventLoop]] = []


@pytest.fixture(autouse=True)
def _close_async_drivers() -> Iterator[None]:
    """Close what make_driver opened for the test: the AsyncDrivers' connections, then their loops."""
    yield
    while OPENED:
        driver, loop = OPENED.pop()
        loop.run_until_complete(driver.close())
        loop.close()


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def driver(sleeps: List[float], kind: str) -> Any:
    """The Driver, and again the AsyncDriver (through blocking calls): the same rules, from the same code."""
    options = {"url": "http://mm.test", "port": 80, "token": "s3cret-token", "backoff_factor": 0.5}
    return make_driver(kind, options, sleeps)


@pytest.fixture
def sync_driver(sleeps: List[float]) -> Driver:
    """The Driver only (for tests of what only it has)."""
    d = Driver({"url": "http://mm.test", "port": 80, "token": "s3cret-token", "backoff_factor": 0.5})
    d.client._sleep = sleeps.append
    return d
