"""Fixtures for every test."""

from __future__ import annotations

import logging
from typing import Iterator

import pytest

from .support.mmserver import server  # noqa: F401 - the real server, one per session for every suite


@pytest.fixture(autouse=True)
def restore_package_logger() -> Iterator[None]:
    """Undo what the ``debug`` option does to the package logger (its level and stderr handler)."""
    logger = logging.getLogger("mattermostdriver")
    level, handlers = logger.level, list(logger.handlers)
    yield
    logger.setLevel(level)
    logger.handlers[:] = handlers
