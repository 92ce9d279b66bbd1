"""Fixtures for every test."""

from __future__ import annotations

import logging
from typing import Iterator, Tuple

import pytest
from pytest_httpserver import HTTPServer

from .support.mmserver import server  # noqa: F401 - the real server, one per session for every suite


@pytest.fixture(scope="session")
def httpserver_listen_address() -> Tuple[str, int]:
    """pytest-httpserver on 127.0.0.1, not "localhost": a client tries ::1 first for that name,
    where another process may hold the same port number (then it would answer our requests)."""
    return ("127.0.0.1", 0)


@pytest.fixture
def httpserver(make_httpserver: HTTPServer) -> Iterator[HTTPServer]:
    """pytest-httpserver's server, its requests closed when the test ends.

    werkzeug keeps an uploaded file in a temporary file until its request is closed, and the
    server keeps every request in its log: the plugin's own fixture clears that log only when
    the next test starts, and what is dropped there unclosed warns (ResourceWarning) in
    whichever test comes next.
    """
    make_httpserver.clear()
    yield make_httpserver
    for request, _ in make_httpserver.log:
        request.close()
    make_httpserver.clear()


@pytest.fixture(autouse=True)
def restore_package_logger() -> Iterator[None]:
    """Undo what the ``debug`` option does to the package logger (its level and stderr handler)."""
    logger = logging.getLogger("mattermostdriver")
    level, handlers = logger.level, list(logger.handlers)
    yield
    logger.setLevel(level)
    logger.handlers[:] = handlers
