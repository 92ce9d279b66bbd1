"""Shared fixtures of the unit tests."""

from __future__ import annotations

from typing import Iterator, List

import pytest
import responses

from mattermostdriver import Driver

BASE = "http://mm.test:80/api/v4"


@pytest.fixture
def mock() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock(assert_all_requests_are_fired=False) as m:
        yield m


@pytest.fixture
def sleeps() -> List[float]:
    return []


@pytest.fixture
def driver(sleeps: List[float]) -> Driver:
    d = Driver({"url": "http://mm.test", "port": 80, "token": "s3cret-token", "backoff_factor": 0.5})
    d.client._sleep = sleeps.append  # record the backoff instead of sleeping
    return d
