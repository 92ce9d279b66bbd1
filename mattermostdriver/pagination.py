"""Lazy iterators over the paged list routes, for the sync and the async client alike.

Mattermost pages with ``page`` / ``per_page`` (at most 200 a page) and returns a bare
JSON list; a page shorter than ``per_page`` is the last. Only one page is held at a time,
however long the list.

Posts of a channel are walked with the ``before`` / ``after`` cursors instead, so that
posts made meanwhile do not shift the pages. The cursor is a post id, and the server
(``getPostsAround`` in its SQL post store) answers the posts whose ``create_at`` is
strictly older (``before``) or newer (``after``) than that post's, ordered by ``create_at``
alone: posts made in the same millisecond come in no fixed order, and continuing from the
last post of a page would never return the rest of its millisecond. So each page continues
from a post of the *previous* millisecond group, the group cut at the page's end is fetched
again and the posts already given are dropped (by id); a page that is all one millisecond
continues with the same cursor and the next ``page`` (the server's offset within it).
Posts that share the ``create_at`` of the ``before``/``after`` post given are returned too
(the server cannot tell which of them came first): nothing made after a post you saw is
missed, and a post may come again that you saw beside it.

A routed list paged by number is ordered by the server, by a key that is not always unique
(teams and channels by display name; channel members in no stated order): an item that
moves across a page boundary between two requests is given once, not twice (by id), but
the server may also move one the other way, where no client can see it.

A page of the wrong shape raises :class:`~mattermostdriver.exceptions.UnexpectedResponse`;
a server that answers the same page again (it ignores ``page``) or does not move the
cursor ends the iteration instead of looping forever.
"""

from __future__ import annotations

import logging
from typing import (
    Any,
    AsyncIterator,
    Awaitable,
    Callable,
    Dict,
    Hashable,
    Iterator,
    List,
    Mapping,
    Optional,
    Set,
    Tuple,
)

from .exceptions import UnexpectedResponse

__all__ = ["MAX_PER_PAGE", "aiter_channel_posts", "aiter_pages", "iter_channel_posts", "iter_pages"]

log = logging.getLogger(__name__)

#: The server's largest page.
MAX_PER_PAGE = 200


def _check_per_page(per_page: int) -> None:
    if not 0 < per_page <= MAX_PER_PAGE:
        raise ValueError(f"per_page must be 1 to {MAX_PER_PAGE}, got {per_page}")


def _items(result: Any, key: Optional[str]) -> List[Any]:
    """The list in one page, checked."""
    if key is not None:
        if not isinstance(result, dict):
            raise UnexpectedResponse(
                f"a page of the list is not an object with {key!r}: {type(result).__name__}"
            )
        result = result.get(key)
    if result is None:
        return []
    if not isinstance(result, list):
        raise UnexpectedResponse(f"a page of the list is not a list: {type(result).__name__}")
    return result


class _Pages:
    """The page-number walk, apart from fetching."""

    def __init__(self, params: Optional[Mapping[str, Any]], per_page: int, key: Optional[str]) -> None:
        _check_per_page(per_page)
        self.query: Dict[str, Any] = dict(params or {})
        self.page = int(self.query.pop("page", 0))
        self.per_page = per_page
        self.key = key
        self.previous: Optional[List[Any]] = None
        self.given: Set[Hashable] = set()  # the keys of the page before

    def next_query(self) -> Dict[str, Any]:
        return {**self.query, "page": self.page, "per_page": self.per_page}

    def take(self, result: Any) -> Tuple[List[Any], bool]:
        """The items of a page not given on the page before, and whether to go on."""
        items = _items(result, self.key)
        if items and items == self.previous:
            log.warning(
                "the server answered page %d as the page before it: it ignores paging; stopping", self.page
            )
            return [], False
        self.previous = items
        self.page += 1
        keys = [_identity(item) for item in items]
        fresh = [item for item, key in zip(items, keys) if key not in self.given]
        self.given = set(keys)
        return fresh, len(items) >= self.per_page


def _identity(item: Any) -> Hashable:
    """What tells an item of a list from the others: its id, or the ids of a membership."""
    if isinstance(item, dict):
        if isinstance(item.get("id"), str):
            return str(item["id"])
        found = tuple(str(item.get(k)) for k in ("user_id", "team_id", "channel_id") if k in item)
        if found:
            return found
    return repr(item)


def iter_pages(
    fetch: Callable[[Dict[str, Any]], Any],
    params: Optional[Mapping[str, Any]] = None,
    *,
    per_page: int = MAX_PER_PAGE,
    key: Optional[str] = None,
) -> Iterator[Any]:
    """Yield the items of every page that ``fetch(params)`` returns, one page at a time.

    Args:
        fetch: calls the route with the query dict it is given.
        params: further query parameters; ``page`` in it is the first page to fetch.
        per_page: items a page, 1 to 200.
        key: for routes that wrap the list in an object (``{"channels": [...], ...}``),
            the key of the list.

    """
    walk = _Pages(params, per_page, key)
    more = True
    while more:
        items, more = walk.take(fetch(walk.next_query()))
        yield from items


async def aiter_pages(
    fetch: Callable[[Dict[str, Any]], Awaitable[Any]],
    params: Optional[Mapping[str, Any]] = None,
    *,
    per_page: int = MAX_PER_PAGE,
    key: Optional[str] = None,
) -> AsyncIterator[Any]:
    """The ``async for`` form of :func:`iter_pages` (``fetch`` returns an awaitable)."""
    walk = _Pages(params, per_page, key)
    more = True
    while more:
        items, more = walk.take(await fetch(walk.next_query()))
        for item in items:
            yield item


class _Cursor:
    """The cursor walk over a channel's posts, apart from fetching (see the module).

    :meth:`take` is given the answer to :meth:`next_query` and returns the posts to give
    and the next query (None at the end). In walking order (newest first, or oldest first
    with ``after``) the posts given so far are every post up to the *edge* (the
    ``create_at`` of the last one given) and some of those at the edge (:attr:`at_edge`).
    The next page is asked for from a post of the group before the edge (:attr:`behind`),
    so it starts with the whole edge group again; while no such post is known, from the
    same cursor with the next ``page``. With a post to start from, one or two queries of
    one post first find the group next to that post's, to start from.
    """

    #: Full pages in a row that bring nothing new before the walk gives up (a server ignoring paging).
    STALLS = 3

    def __init__(
        self, per_page: int, before: Optional[str], after: Optional[str], params: Optional[Mapping[str, Any]]
    ) -> None:
        _check_per_page(per_page)
        if before and after:
            raise ValueError("give before or after, not both")
        self.extra = {k: v for k, v in (params or {}).items() if k not in ("page", "per_page")}
        self.per_page = per_page
        self.given = after or before or None
        self.forwards = bool(after)
        #: What the next answer is: "older" or "newer" (a probe for the post next to the given
        #: post's group, on that side), or "walk".
        self.state = ("older" if self.forwards else "newer") if self.given else "walk"
        self.oldest_first = False  # walking the channel's oldest group, before going forwards
        self.cursor: Optional[str] = None
        self.page = 0
        self.edge: Optional[int] = None
        self.edge_post: Optional[str] = None
        self.at_edge: Set[str] = set()
        self.behind: Optional[str] = None
        self.stalls = 0
        #: Never given: the post the walk starts from.
        self.skip: Set[str] = {self.given} if self.given else set()

    def next_query(self) -> Dict[str, Any]:
        if self.state != "walk":
            return {**self.extra, "per_page": 1, ("before" if self.state == "older" else "after"): self.given}
        query: Dict[str, Any] = {**self.extra, "per_page": self.per_page}
        if self.cursor:
            query["after" if self.forwards else "before"] = self.cursor
        if self.page:
            query["page"] = self.page
        return query

    def _page(self, result: Any, forwards: bool) -> List[Tuple[str, Any]]:
        """The (id, post) pairs of a page, oldest first if ``forwards`` (newest first as sent)."""
        if not isinstance(result, dict):
            raise UnexpectedResponse(f"a page of posts is not an object: {type(result).__name__}")
        order = result.get("order") or []
        posts = result.get("posts") or {}
        if not isinstance(order, list) or not isinstance(posts, dict):
            raise UnexpectedResponse("a page of posts has no 'order' list and 'posts' object")
        pairs = [(post_id, posts.get(post_id)) for post_id in order if isinstance(post_id, str)]
        return pairs[::-1] if forwards else pairs

    def _start(self, result: Any) -> None:
        """Take the answer of a probe: where the walk starts."""
        found = [post_id for post_id, _ in self._page(result, False) if post_id != self.given]
        if self.state == "older" and found:  # forwards from the newest post older than the given one's group
            self.state, self.cursor = "walk", found[0]
        elif self.state == "older":  # the given post's group is the channel's oldest: walk it first
            self.state = "newer"
            self.forwards, self.oldest_first = False, True
        else:  # newest first from the oldest post newer than the given one's group, or from the latest
            self.state, self.cursor = "walk", found[-1] if found else None

    def _passed(self, created: Optional[int]) -> bool:
        """Whether a post is on the near side of the edge: given already (or newer than the start)."""
        if created is None or self.edge is None:
            return False
        return created < self.edge if self.forwards else created > self.edge

    def take(self, result: Any) -> Tuple[List[Any], Optional[Dict[str, Any]]]:
        """The posts of an answer not given yet, in walking order, and the next query (None: done)."""
        if self.state != "walk":
            self._start(result)
            return [], self.next_query()
        pairs = self._page(result, self.forwards)
        fresh: List[Tuple[str, Any, Optional[int]]] = []  # (id, post, create_at)
        for post_id, post in pairs:
            created = post.get("create_at") if isinstance(post, dict) else None
            if not isinstance(created, int) or isinstance(created, bool):
                created = None  # no time to go by: the post is a group of its own
            if post_id == self.given and created is not None and self._newer_edge(created):
                fresh = self._bound(fresh, created)
            if post_id in self.skip or post_id in self.at_edge or self._passed(created):
                continue
            if created is not None and created == self.edge:
                self.at_edge.add(post_id)
            else:  # the edge moves on: the group it leaves is the one to continue from
                self.behind, self.edge, self.edge_post = self.edge_post, created, post_id
                self.at_edge = {post_id}
            fresh.append((post_id, post, created))
        posts = [post for _, post, _ in fresh if post is not None]
        if len(pairs) < self.per_page:
            return posts, self._forwards_now() if self.oldest_first else None
        self.stalls = 0 if fresh else self.stalls + 1
        if self.stalls >= self.STALLS:
            log.warning("the server answered posts given already %d times running; stopping", self.stalls)
            return posts, None
        if self.behind is not None and self.behind != self.cursor:
            self.cursor, self.page = self.behind, 0
        else:  # the page was one millisecond group: on through it with the same cursor
            self.page += 1
        return posts, self.next_query()

    def _newer_edge(self, created: int) -> bool:
        """Whether, walking back, posts newer than ``created`` were met on the way to it."""
        return not self.forwards and (self.edge is None or self.edge > created)

    def _bound(
        self, fresh: List[Tuple[str, Any, Optional[int]]], created: int
    ) -> List[Tuple[str, Any, Optional[int]]]:
        """Walking back from the latest post, the given one is met: drop what is newer (made since)."""
        kept = [item for item in fresh if item[2] is None or item[2] <= created]
        newer = [post_id for post_id, _, at in fresh if at is not None and at > created]
        self.edge, self.edge_post = created, self.given
        self.at_edge = {post_id for post_id, _, at in kept if at == created}
        if newer:
            self.behind = newer[-1]
        return kept

    def _forwards_now(self) -> Dict[str, Any]:
        """The channel's oldest group is given: on forwards, from the given post (the server's after)."""
        self.oldest_first, self.forwards = False, True
        self.skip = self.skip | self.at_edge
        self.cursor, self.page, self.behind, self.edge_post, self.stalls = self.given, 0, None, self.given, 0
        return self.next_query()


def iter_channel_posts(
    fetch: Callable[[Dict[str, Any]], Any],
    *,
    per_page: int = MAX_PER_PAGE,
    before: Optional[str] = None,
    after: Optional[str] = None,
    params: Optional[Mapping[str, Any]] = None,
) -> Iterator[Dict[str, Any]]:
    """Yield the posts of a channel from a ``GET /channels/{id}/posts`` fetcher.

    Without ``after``, newest first, from the latest post (or from just before ``before``)
    back to the first. With ``after``, oldest first, from just after that post to the latest.
    Each post once, whatever the ``create_at`` they share; the posts that share the given
    post's ``create_at`` are given too (see the module).
    """
    walk = _Cursor(per_page, before, after, params)
    query: Optional[Dict[str, Any]] = walk.next_query()
    while query is not None:
        items, query = walk.take(fetch(query))
        yield from items


async def aiter_channel_posts(
    fetch: Callable[[Dict[str, Any]], Awaitable[Any]],
    *,
    per_page: int = MAX_PER_PAGE,
    before: Optional[str] = None,
    after: Optional[str] = None,
    params: Optional[Mapping[str, Any]] = None,
) -> AsyncIterator[Dict[str, Any]]:
    """The ``async for`` form of :func:`iter_channel_posts` (``fetch`` returns an awaitable)."""
    walk = _Cursor(per_page, before, after, params)
    query: Optional[Dict[str, Any]] = walk.next_query()
    while query is not None:
        items, query = walk.take(await fetch(query))
        for item in items:
            yield item
