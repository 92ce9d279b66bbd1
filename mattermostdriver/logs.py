"""The ``debug`` option: this package's DEBUG lines on stderr, never a process-wide switch."""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # generic for the checkers only (not subscriptable at run time before 3.11)
    _HandlerBase = logging.StreamHandler[Any]
else:
    _HandlerBase = logging.StreamHandler

__all__ = ["enable_debug_logging"]


class _StderrHandler(_HandlerBase):
    """Writes to whatever ``sys.stderr`` is at the time of each record."""

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, value: Any) -> None:
        pass


def enable_debug_logging(level: int = logging.DEBUG) -> None:
    """Show the ``mattermostdriver`` loggers' lines at ``level`` on stderr. Nothing secret is logged."""
    logger = logging.getLogger("mattermostdriver")
    logger.setLevel(level)
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
