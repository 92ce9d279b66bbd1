"""Shared fixtures of the unit tests."""

from __future__ import annotations

import contextlib
from typing import Any, Iterator, List

import pytest
import requests
import responses
from requests.adapters import HTTPAdapter

from mattermostdriver import Driver
from mattermostdriver.options import Timeouts
from mattermostdriver.transport import Transport

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


@contextlib.contextmanager
def mock_http(**kwargs: Any) -> Iterator[responses.RequestsMock]:
    """A :class:`responses.RequestsMock` that the driver's requests go to."""
    fake = ResponsesTransport()
    with pytest.MonkeyPatch.context() as patch, responses.RequestsMock(**kwargs) as mocked:
        patch.setattr(Transport, "send", lambda self, *a, **kw: fake.send(*a, **kw))
        yield mocked


@pytest.fixture
def mock() -> Iterator[responses.RequestsMock]:
    with mock_http(assert_all_requests_are_fired=False) as m:
        yield m


@pytest.fixture
def sleeps() -> List[float]:
    return []


@pytest.fixture
def driver(sleeps: List[float]) -> Driver:
    d = Driver({"url": "http://mm.test", "port": 80, "token": "s3cret-token", "backoff_factor": 0.5})
    d.client._sleep = sleeps.append  # record the backoff instead of sleeping
    return d
