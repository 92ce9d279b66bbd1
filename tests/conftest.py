"""Fixtures for every test."""

from __future__ import annotations

import logging
from typing import Iterator, Tuple

import pytest

from .support.mmserver import server  # noqa: F401 - the real server, one per session for every suite


@pytest.fixture(scope="session")
def httpserver_listen_address() -> Tuple[str, int]:
    """pytest-httpserver on 127.0.0.1, not "localhost": a client tries ::1 first for that name,
    where another process may hold the same port number (then it would answer our requests)."""
    return ("127.0.0.1", 0)


@pytest.fixture(autouse=True)
def restore_package_logger() -> Iterator[None]:
    """Undo what the ``debug`` option does to the package logger (its level and stderr handler)."""
    logger = logging.getLogger("mattermostdriver")
    level, handlers = logger.level, list(logger.handlers)
    yield
    logger.setLevel(level)
    logger.handlers[:] = handlers
