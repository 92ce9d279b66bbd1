"""The ``pending_post_id`` of posts: made unique, kept while a post's fate is unknown.

Mattermost drops a post whose ``pending_post_id`` it saw in the last 30 s and hands back
the first post instead. So every post gets an id no other post shares, and a post whose
call ended without an answer keeps its id for that window: calling ``create_post`` again
with the same options sends the same id, and cannot post twice. :meth:`PendingPosts.outcome`
is the one place a call's end is recorded.
"""

from __future__ import annotations

import itertools
import json
import os
import threading
import time
from typing import Any, Dict, Mapping, Tuple

from ..retry import DEDUPE_MARGIN, DEDUPE_WINDOW

__all__ = ["PendingPosts", "new_pending_post_id"]


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
        self._kept: Dict[str, Tuple[str, float]] = {}

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
        if self._kept:
            now = time.monotonic()
            with self._lock:
                for key in [k for k, (_, at) in self._kept.items() if now - at > self.window - DEDUPE_MARGIN]:
                    del self._kept[key]
                remembered = self._kept.get(self._key(post))
        post["pending_post_id"] = remembered[0] if remembered else new_pending_post_id(user_id)
        return post

    def outcome(self, body: Mapping[str, Any], *, answered: bool, reached: bool, first_sent: float) -> None:
        """Record how the call for ``body`` ended: the one place a post's fate is kept.

        ``answered``: the server answered it for good (a success, or an error that is not a
        5xx); else ``reached``: an attempt may have reached the server (no answer, a 5xx, a
        cancelled call), so its id is kept for the duplicate window (``first_sent``:
        monotonic); else nothing changes (no attempt left the client).
        """
        if answered:
            self._forget(body)
        elif reached:
            self._remember(body, first_sent)

    def _remember(self, body: Mapping[str, Any], first_sent: float) -> None:
        """The call for ``body`` ended without an answer; remember its id (``first_sent``: monotonic)."""
        with self._lock:
            self._kept.setdefault(self._key(body), (str(body["pending_post_id"]), first_sent))

    def _forget(self, body: Mapping[str, Any]) -> None:
        """The call for ``body`` got an answer; forget its id."""
        if self._kept:
            with self._lock:
                self._kept.pop(self._key(body), None)
