"""Timeouts: the values ``request_timeout`` and ``timeout=`` take, and the seconds they mean.

A timeout is a number of seconds, a ``(connect, read)`` pair or a ``(connect, read, total)``
triple; :func:`timeouts` turns it into :class:`Timeouts`, the three seconds of one attempt.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple, Optional, Tuple, Union

__all__ = ["Timeout", "Timeouts", "as_timeout", "call_timeout", "finite_number", "timeouts"]

Timeout = Union[float, Tuple[float, float], Tuple[float, float, float]]


class Timeouts(NamedTuple):
    """Seconds: to connect, between two reads, and for a whole attempt (see ``request_timeout``)."""

    connect: float
    read: float
    total: float


def finite_number(value: Any, key: str, *, positive: bool = False) -> float:
    """``value`` as a float, or ValueError naming ``key``: a finite number, >= 0 (or > 0)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"{key} must be a finite number, got {value!r}")
    if value < 0 or (positive and value == 0):
        raise ValueError(f"{key} must be {'positive' if positive else '>= 0'}, got {value!r}")
    return float(value)


def as_timeout(value: Any, key: str) -> Optional[Timeout]:
    """A timeout value checked (None stays None), or ValueError naming ``key``."""
    if value is None:
        return None
    if isinstance(value, (tuple, list)) and len(value) in (2, 3):
        return tuple(finite_number(v, key, positive=True) for v in value)  # type: ignore[return-value]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return finite_number(value, key, positive=True)
    raise ValueError(
        f"{key} must be seconds, a (connect, read) pair or a (connect, read, total) triple, got {value!r}"
    )


def timeouts(value: Timeout) -> Timeouts:
    """The (connect, read, total) seconds of a ``request_timeout`` value (already validated)."""
    if isinstance(value, tuple):
        connect, read = value[0], value[1]
        total = value[2] if len(value) == 3 else connect + read
        return Timeouts(connect, read, total)
    return Timeouts(value, value, 2 * value)


def call_timeout(value: Timeout) -> Timeouts:
    """The seconds of a call's own ``timeout=`` (never None: every request has a finite timeout)."""
    checked = as_timeout(value, "timeout")
    if checked is None:
        raise ValueError("timeout cannot be None: every request has a finite timeout")
    return timeouts(checked)
