"""Fixtures of the websocket unit tests: fake servers, listeners stopped at the end, no leaked thread."""

from __future__ import annotations

import ssl
from typing import Iterator, List

import pytest
import trustme

from mattermostdriver.websocket import Websocket

from ...support.ws_server import FakeMattermost
from .helpers import listener_threads, wait_until


@pytest.fixture(autouse=True)
def no_leaked_threads() -> Iterator[None]:
    yield
    assert wait_until(lambda: not listener_threads(), timeout=2), listener_threads()


@pytest.fixture
def server() -> Iterator[FakeMattermost]:
    srv = FakeMattermost()
    yield srv
    srv.close()


@pytest.fixture
def listeners() -> Iterator[List[Websocket]]:
    made: List[Websocket] = []
    yield made
    for ws in made:
        ws.disconnect()


@pytest.fixture(scope="session")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def tls_server(ca: trustme.CA) -> Iterator[FakeMattermost]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    srv = FakeMattermost(ssl_context=context)
    yield srv
    srv.close()
