"""The retry policy: what is resent after which failure, and how long to wait first.

One :class:`Retry` object (in the manner of urllib3's ``Retry``) decides for the REST
client, the streaming transfers and the websocket's reconnects; none of them has a loop
or a backoff formula of its own.

A request is resent only when that cannot change the result:

* :data:`IDEMPOTENT` requests (GET, HEAD, PUT, DELETE, OPTIONS, or one the caller marks
  safe) after a dropped connection, a timeout, or a 502/503/504;
* :data:`DEDUPE` requests (``posts.create_post``, which carries a ``pending_post_id``)
  the same way, but only while the server still remembers that id: Mattermost drops a
  repeated ``pending_post_id`` for 30 s, so no resend is made once that window may
  have passed since the first send, whatever the timeouts;
* every request, :data:`ONCE` ones included, when it surely never reached the server (the
  connection could not be made) or the server refused it with 429 before doing anything,
  after its ``Retry-After``.

A body that can be read only once (an iterator, a pipe) is never resent, and no request is
resent after a failure that resending cannot cure (:func:`cannot_cure`: a TLS handshake that
failed on the certificate, or that the server answered in plain HTTP).
"""

from __future__ import annotations

import random
from typing import Any, Callable, Dict, Mapping, Optional, Union

import requests

from .failures import answered_plain_http, failure_reason
from .timeouts import Timeouts

__all__ = [
    "DEDUPE",
    "IDEMPOTENT",
    "ONCE",
    "PENDING_POST_ERROR",
    "Retry",
    "cannot_cure",
    "reached_server",
    "retry_fields",
]

#: May be repeated after any failure.
IDEMPOTENT = "idempotent"
#: May be repeated while the server's duplicate window covers it (``pending_post_id``).
DEDUPE = "dedupe"
#: Repeated only when it surely never reached the server, or after a 429.
ONCE = "once"

#: Methods that may be repeated without changing the result.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
#: Statuses that are repeated for idempotent (and dedupe) requests.
RETRY_STATUSES = frozenset({502, 503, 504})
#: The 500 the server answers while a post with the same ``pending_post_id`` is still being saved.
PENDING_POST_ERROR = "api.post.deduplicate_create_post.pending"
#: How long Mattermost remembers a ``pending_post_id`` (``PendingPostIDsCacheTTL``), seconds.
DEDUPE_WINDOW = 30.0
#: Kept free at the end of that window for the resend to arrive, seconds.
DEDUPE_MARGIN = 5.0

Safety = str
RetryArg = Union[None, bool, str]
#: How a client waits before a retry: ``sleep(seconds)``; an async client awaits what it returns.
Sleep = Callable[[float], Any]

#: The options that make the policy, and the field of :class:`Retry` each one sets.
OPTION_FIELDS = {
    "retries": "total",
    "backoff_factor": "backoff_factor",
    "backoff_max": "backoff_max",
    "retry_after_max": "retry_after_max",
    "keepalive_delay": "first_delay",
}
_FIELDS = (
    "total",
    "backoff_factor",
    "backoff_max",
    "retry_after_max",
    "first_delay",
    "reconnect_max",
    "dedupe_window",
    "sleep",
)


def retry_fields(options: Mapping[str, Any]) -> Dict[str, Any]:
    """The fields of :class:`Retry` that ``options`` set (``retries`` -> ``total``...)."""
    return {field: options[key] for key, field in OPTION_FIELDS.items()}


class Retry:
    """The retry policy of one driver; immutable (:meth:`new` makes a changed copy, as urllib3's).

    Args:
        total: the most retries after the first attempt (0 turns retrying off).
        backoff_factor: seconds; the n-th retry waits between half and all of
            ``backoff_factor * 2 ** (n - 1)``.
        backoff_max: the longest backoff, seconds.
        retry_after_max: the longest ``Retry-After`` honoured; a 429 asking for more is
            raised at once.
        first_delay: the first reconnect delay of the websocket (``keepalive_delay``).
        reconnect_max: the longest delay between two reconnects of the websocket.
        dedupe_window: how long the server drops a repeated ``pending_post_id``.
        sleep: how a REST call or a transfer waits before a retry, ``sleep(seconds)``: by
            default :func:`time.sleep` (``asyncio.sleep`` with ``AsyncDriver``). An async client
            awaits what it returns. A test gives ``waits.append`` to note the waits and not
            sleep; the websocket's reconnect waits are its own (a ``disconnect()`` ends them).

    A driver's policy is ``d.client.retry`` (see :attr:`Options.retry
    <mattermostdriver.options.Options.retry>`): give one with ``Driver(options,
    retry=Retry(...))`` or set it there.

    """

    __slots__ = _FIELDS

    total: int
    backoff_factor: float
    backoff_max: float
    retry_after_max: float
    first_delay: float
    reconnect_max: float
    dedupe_window: float
    sleep: Optional[Sleep]

    def __init__(
        self,
        total: int = 3,
        backoff_factor: float = 0.5,
        backoff_max: float = 30.0,
        retry_after_max: float = 120.0,
        *,
        first_delay: float = 5.0,
        reconnect_max: float = 60.0,
        dedupe_window: float = DEDUPE_WINDOW,
        sleep: Optional[Sleep] = None,
    ) -> None:
        if isinstance(total, bool) or not isinstance(total, int) or total < 0:
            raise ValueError(f"total must be a whole number >= 0, got {total!r}")
        if sleep is not None and not callable(sleep):
            raise TypeError("sleep must be a function of the seconds to wait")
        values = (total, backoff_factor, backoff_max, retry_after_max, first_delay, reconnect_max)
        numbers = [float(v) for v in values[1:]]
        if any(not 0 <= v < float("inf") for v in [*numbers, dedupe_window]):
            raise ValueError("the seconds of a Retry must be finite and >= 0")
        for name, value in zip(_FIELDS, (total, *numbers, float(dedupe_window), sleep)):
            object.__setattr__(self, name, value)

    def new(self, **changes: Any) -> Retry:
        """A copy with ``changes`` (``retry.new(total=0)``); this one is left as it is."""
        unknown = set(changes) - set(_FIELDS)
        if unknown:
            raise TypeError(f"Retry has no field {', '.join(sorted(unknown))}")
        fields = {name: getattr(self, name) for name in _FIELDS}
        fields.update(changes)
        total = fields.pop("total")
        backoff_factor, backoff_max = fields.pop("backoff_factor"), fields.pop("backoff_max")
        return type(self)(total, backoff_factor, backoff_max, fields.pop("retry_after_max"), **fields)

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> Retry:
        """The policy the driver's options describe (``retries``, ``backoff_*``, ``keepalive_delay``...)."""
        return cls().new(**retry_fields(options))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"a Retry is immutable: use retry.new({name}=...) for a changed copy")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("a Retry is immutable")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Retry):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in _FIELDS)

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, name) for name in _FIELDS))

    def __reduce__(self) -> Any:
        return (_rebuild, ({name: getattr(self, name) for name in _FIELDS},))

    def __repr__(self) -> str:
        return (
            f"Retry(total={self.total}, backoff_factor={self.backoff_factor}, "
            f"backoff_max={self.backoff_max}, retry_after_max={self.retry_after_max})"
        )

    # -- what a request is --------------------------------------------------------------------
    @staticmethod
    def safety(method: str, retry: RetryArg = None) -> Safety:
        """How safe a request is to repeat: by its method, unless the caller says (``retry``).

        ``retry=True`` marks a request idempotent, ``False`` repeatable only when it surely
        never left, ``"dedupe"`` a post that carries a ``pending_post_id``.
        """
        if retry is None:
            return IDEMPOTENT if method in IDEMPOTENT_METHODS else ONCE
        if retry is True:
            return IDEMPOTENT
        if retry == DEDUPE:
            return DEDUPE
        if retry is False:
            return ONCE
        raise ValueError(f"retry must be None, True, False or {DEDUPE!r}, got {retry!r}")

    def attempt_timeouts(self, safety: Safety, given: Timeouts) -> Timeouts:
        """The timeouts of one attempt: a dedupe request waits at most half the duplicate window.

        So that the answer of a post that was lost is noticed, and the post resent, while the
        server still remembers its ``pending_post_id``.
        """
        if safety != DEDUPE:
            return given
        cap = (self.dedupe_window - DEDUPE_MARGIN) / 2
        return Timeouts(min(given.connect, cap), min(given.read, cap), min(given.total, cap))

    # -- how long to wait ---------------------------------------------------------------------
    def backoff(self, attempt: int) -> float:
        """Exponential backoff with jitter before retry number ``attempt`` (1, 2, ...), capped."""
        ceiling = min(self.backoff_max, self.backoff_factor * 2 ** (max(attempt, 1) - 1))
        return random.uniform(ceiling / 2, ceiling)

    def reconnect_delay(self, failures: int) -> float:
        """The websocket's wait before a reconnect after ``failures`` failed attempts in a row.

        The first waits ``first_delay``; then it doubles, with +-25 % jitter, up to
        ``reconnect_max``.
        """
        if failures <= 0:
            return self.first_delay
        base = max(self.first_delay, 0.05) * 2.0**failures
        return min(self.reconnect_max, base * random.uniform(0.75, 1.25))

    def _within_window(self, safety: Safety, elapsed: float, delay: float) -> bool:
        """For a dedupe request: will the resend reach the server while it remembers the first?"""
        return safety != DEDUPE or elapsed + delay <= self.dedupe_window - DEDUPE_MARGIN

    def after_failure(
        self,
        *,
        safety: Safety,
        attempt: int,
        reached_server: bool,
        resendable: bool,
        elapsed: float,
        final: bool = False,
    ) -> Optional[float]:
        """The wait before resending a request that got no answer, or None to give up.

        Args:
            safety: :data:`IDEMPOTENT`, :data:`DEDUPE` or :data:`ONCE`.
            attempt: retries already made.
            reached_server: whether the request may have reached the server (False only when
                the connection could not be made).
            resendable: whether the body can be sent again.
            elapsed: seconds since the first attempt was sent.
            final: the failure is one that resending cannot cure (:func:`cannot_cure`).

        """
        if attempt >= self.total or not resendable or final:
            return None
        delay = self.backoff(attempt + 1)
        if not reached_server:
            return delay
        if safety == ONCE or not self._within_window(safety, elapsed, delay):
            return None
        return delay

    def after_status(
        self,
        *,
        status: int,
        error_id: str,
        retry_after: Optional[float],
        safety: Safety,
        attempt: int,
        resendable: bool,
        elapsed: float,
    ) -> Optional[float]:
        """The wait before resending a request the server answered with an error, or None."""
        if attempt >= self.total or not resendable:
            return None
        if status == 429:  # refused before any work: safe for every method
            if retry_after is None:
                return self.backoff(attempt + 1)
            if retry_after > self.retry_after_max:
                return None
            return retry_after + random.uniform(0, 0.1)
        if safety == ONCE:
            return None
        if status in RETRY_STATUSES or (safety == DEDUPE and error_id == PENDING_POST_ERROR):
            delay = self.backoff(attempt + 1)
            return delay if self._within_window(safety, elapsed, delay) else None
        return None


def reached_server(exc: BaseException) -> bool:
    """False only when the request surely never reached the server (the connection was not made)."""
    if isinstance(exc, requests.exceptions.ConnectTimeout) or getattr(exc, "never_sent", False):
        return False
    if isinstance(exc, requests.exceptions.SSLError) or not isinstance(
        exc, requests.exceptions.ConnectionError
    ):
        return True
    import urllib3

    reason: Any = exc.args[0] if exc.args else None
    reason = getattr(reason, "reason", reason)
    return not isinstance(
        reason, (urllib3.exceptions.NewConnectionError, urllib3.exceptions.ConnectTimeoutError)
    )


def cannot_cure(exc: BaseException) -> bool:
    """Whether resending cannot cure a failure: a TLS handshake that failed on a certificate or plain HTTP."""
    if not isinstance(exc, requests.exceptions.SSLError):
        return False
    return answered_plain_http(exc) or "certificate verify failed" in failure_reason(exc).lower()


def _rebuild(fields: Dict[str, Any]) -> Retry:
    return Retry().new(**fields)
