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
from mattermostdriver.options import Options
from mattermostdriver.retry import Retry
from mattermostdriver.transports import MockTransport

from .servers import cookie_server, keepalive_server, silent_server  # noqa: F401 - fixtures of the transport tests

BASE = "http://mm.test:80/api/v4"
_ADAPTER = HTTPAdapter()


def through_requests(request: requests.PreparedRequest) -> requests.Response:
    """A MockTransport handler: each request goes to requests' adapter, which :mod:`responses` intercepts.

    The Driver needs none: while ``responses`` is installed it sends through requests itself
    (the compatibility transport); the AsyncDriver is given ``MockTransport(through_requests)``.
    Everything above the transport (the request loop, retries, errors, bodies, headers) runs
    for real; the transports themselves are tested against real local servers (test_transport.py).
    """
    return _ADAPTER.send(request, timeout=(10, 60))


def read_body(body: Any) -> bytes:
    """A request's body as the server gets it: bytes, or the blocks of a streamed one joined."""
    return body if isinstance(body, bytes) else b"".join(body)


class Recorded(MockTransport):
    """A MockTransport that also keeps what it was given (each request, with its ``timeouts``)."""

    def __init__(self, handler: Any = through_requests) -> None:
        super().__init__(handler)
        self.seen: List[Any] = []

    def send(self, request: Any) -> requests.Response:
        self.seen.append(request)
        return super().send(request)

    async def asend(self, request: Any) -> requests.Response:
        self.seen.append(request)
        return await super().asend(request)


@contextlib.contextmanager
def mock_http(**kwargs: Any) -> Iterator[responses.RequestsMock]:
    """A :class:`responses.RequestsMock` that the requests of both drivers (see :func:`make_driver`) go to."""
    with responses.RequestsMock(**kwargs) as mocked:
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


def no_sleep(options: Dict[str, Any], sleeps: List[float]) -> Retry:
    """The retry policy of ``options`` that notes its waits in ``sleeps`` instead of sleeping."""
    return Retry.from_options(Options(options)).new(sleep=sleeps.append)


def make_driver(
    kind: str,
    options: Dict[str, Any],
    sleeps: Optional[List[float]] = None,
    *,
    mocked: bool = False,
    transport: Optional[MockTransport] = None,
) -> Any:
    """A Driver, or an AsyncDriver behind :class:`Blocking` (``kind``: "sync" or "async").

    ``sleeps``: the backoff is noted there instead of slept; ``mocked``: the AsyncDriver's
    requests go to :mod:`responses` (as the Driver's do while it is installed); ``transport``:
    both send through it.
    """
    retry = None if sleeps is None else no_sleep(options, sleeps)
    if kind == "sync":
        return Driver(options, retry=retry, transport=transport)
    if transport is None and mocked:
        transport = MockTransport(through_requests)
    loop = asyncio.new_event_loop()
    a = AsyncDriver(options, retry=retry, transport=transport)
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


#: The options of the ``driver`` fixtures.
OPTIONS = {"url": "http://mm.test", "port": 80, "token": "s3cret-token", "backoff_factor": 0.5}


@pytest.fixture
def driver(sleeps: List[float], kind: str) -> Any:
    """The Driver, and again the AsyncDriver (through blocking calls): the same rules, from the same code."""
    return make_driver(kind, OPTIONS, sleeps, mocked=True)


@pytest.fixture
def sync_driver(sleeps: List[float]) -> Driver:
    """The Driver only (for tests of what only it has)."""
    return Driver(OPTIONS, retry=no_sleep(OPTIONS, sleeps))
