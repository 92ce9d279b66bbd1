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

import itertools
import json
import os
import random
import threading
import time
from typing import Any, Dict, Mapping, Optional, Tuple, Union

import requests

from .exceptions import answered_plain_http, failure_reason
from .options import Timeouts

__all__ = [
    "DEDUPE",
    "IDEMPOTENT",
    "ONCE",
    "PENDING_POST_ERROR",
    "PendingPosts",
    "Retry",
    "cannot_cure",
    "new_pending_post_id",
    "reached_server",
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


class Retry:
    """The retry policy of one driver.

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

    """

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
    ) -> None:
        self.total = total
        self.backoff_factor = backoff_factor
        self.backoff_max = backoff_max
        self.retry_after_max = retry_after_max
        self.first_delay = first_delay
        self.reconnect_max = reconnect_max
        self.dedupe_window = dedupe_window

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> Retry:
        """The policy the driver's options describe (``retries``, ``backoff_*``, ``keepalive_delay``...)."""
        return cls(
            options["retries"],
            float(options["backoff_factor"]),
            float(options["backoff_max"]),
            float(options["retry_after_max"]),
            first_delay=float(options["keepalive_delay"]),
        )

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


# What makes a pending_post_id unique. Mattermost drops a post whose pending_post_id it saw in
# the last 30 s (app/post.go, deduplicateCreatePost: the id alone is the key of its
# seen_pending_post_ids cache) and hands back the first post instead, so two posts must never
# share one. The server puts no limit of its own on the id's length (it is not stored, only
# cached; the request body's size limit is all that bounds it); these ids stay short anyway
# (about 60 characters), in the web app's "<user_id>:<milliseconds>" form followed by this
# process's random token (64 bits: another process of the same user, a cron job run beside
# this one or a forked worker, has another) and a counter (unique within the process).
_ids = itertools.count()
_ids_lock = threading.Lock()  # count() alone is atomic only under the GIL
_process_token = os.urandom(8).hex()


def _new_process_token() -> None:
    """A forked child is another process: it gets a token of its own."""
    global _process_token, _ids, _ids_lock
    _process_token, _ids, _ids_lock = os.urandom(8).hex(), itertools.count(), threading.Lock()


if hasattr(os, "register_at_fork"):  # not on Windows
    os.register_at_fork(after_in_child=_new_process_token)


def new_pending_post_id(user_id: str = "") -> str:
    """A client-side post id in the web app's form, ``<user_id>:<milliseconds>``, made unique.

    Unique in the process (a counter) and, by 64 random bits drawn per process, across
    processes; thread- and task-safe.
    """
    prefix = user_id or os.urandom(13).hex()
    with _ids_lock:
        number = next(_ids)
    return f"{prefix}:{int(time.time() * 1000)}{_process_token}{number:x}"


class PendingPosts:
    """The ``pending_post_id`` of each post, kept while the outcome of its sending is unknown.

    A post gets a new id, unless the caller repeats a post whose earlier call ended without
    an answer (a dropped connection, a timeout, a cancelled task) less than the server's
    duplicate window ago: it then gets that call's id again, so the server drops it if the
    first one was saved after all. A post whose call ended with an answer is forgotten.
    """

    def __init__(self, window: float = DEDUPE_WINDOW) -> None:
        self.window = window
        self._lock = threading.Lock()
        self._in_doubt: Dict[str, Tuple[str, float]] = {}

    @staticmethod
    def _key(body: Mapping[str, Any]) -> str:
        return json.dumps(
            {k: v for k, v in body.items() if k != "pending_post_id"}, sort_keys=True, default=str
        )

    def assign(self, body: Mapping[str, Any], user_id: str = "") -> Dict[str, Any]:
        """A copy of ``body`` with its ``pending_post_id``: the caller's, a remembered one or a new one."""
        post = dict(body)
        if post.get("pending_post_id"):
            return post
        remembered = None
        if self._in_doubt:
            now = time.monotonic()
            with self._lock:
                for key in [
                    k for k, (_, at) in self._in_doubt.items() if now - at > self.window - DEDUPE_MARGIN
                ]:
                    del self._in_doubt[key]
                remembered = self._in_doubt.get(self._key(post))
        post["pending_post_id"] = remembered[0] if remembered else new_pending_post_id(user_id)
        return post

    def in_doubt(self, body: Mapping[str, Any], first_sent: float) -> None:
        """The call for ``body`` ended without an answer; remember its id (``first_sent``: monotonic)."""
        with self._lock:
            self._in_doubt.setdefault(self._key(body), (str(body["pending_post_id"]), first_sent))

    def settled(self, body: Mapping[str, Any]) -> None:
        """The call for ``body`` got an answer; forget its id."""
        if self._in_doubt:
            with self._lock:
                self._in_doubt.pop(self._key(body), None)
