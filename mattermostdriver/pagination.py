"""Lazy iterators over the paged list routes, for the sync and the async client alike.

Mattermost pages with ``page`` / ``per_page`` (at most 200 a page) and returns a bare
JSON list; a page shorter than ``per_page`` is the last. Posts of a channel are walked
with the ``before`` / ``after`` cursors instead, so that posts made meanwhile do not
shift the pages. Only one page is held at a time, however long the list.

A page of the wrong shape raises :class:`~mattermostdriver.exceptions.UnexpectedResponse`;
a server that answers the same page again (it ignores ``page``) or does not move the
cursor ends the iteration instead of looping forever.
"""

from __future__ import annotations

import logging
from typing import Any, AsyncIterator, Awaitable, Callable, Dict, Iterator, List, Mapping, Optional, Tuple

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

    def next_query(self) -> Dict[str, Any]:
        return {**self.query, "page": self.page, "per_page": self.per_page}

    def take(self, result: Any) -> Tuple[List[Any], bool]:
        """The items of a page, and whether to go on."""
        items = _items(result, self.key)
        if items and items == self.previous:
            log.warning(
                "the server answered page %d as the page before it: it ignores paging; stopping", self.page
            )
            return [], False
        self.previous = items
        self.page += 1
        return items, len(items) >= self.per_page


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
    """The cursor walk over a channel's posts, apart from fetching."""

    def __init__(
        self, per_page: int, before: Optional[str], after: Optional[str], params: Optional[Mapping[str, Any]]
    ) -> None:
        _check_per_page(per_page)
        if before and after:
            raise ValueError("give before or after, not both")
        self.extra = dict(params or {})
        self.cursor = after or before
        self.forwards = after is not None
        self.per_page = per_page

    def next_query(self) -> Dict[str, Any]:
        query: Dict[str, Any] = {**self.extra, "per_page": self.per_page}
        if self.cursor:
            query["after" if self.forwards else "before"] = self.cursor
        return query

    def take(self, result: Any) -> Tuple[List[Any], bool]:
        """The posts of a page, in walking order, and whether to go on."""
        if not isinstance(result, dict):
            raise UnexpectedResponse(f"a page of posts is not an object: {type(result).__name__}")
        order = result.get("order") or []
        posts = result.get("posts") or {}
        if not isinstance(order, list) or not isinstance(posts, dict):
            raise UnexpectedResponse("a page of posts has no 'order' list and 'posts' object")
        order = [post_id for post_id in order if isinstance(post_id, str)]
        if self.forwards:
            order.reverse()
        items = [posts[post_id] for post_id in order if post_id in posts]
        if len(order) < self.per_page:
            return items, False
        if order[-1] == self.cursor:
            log.warning("the server did not move the post cursor past %s; stopping", self.cursor)
            return items, False
        self.cursor = order[-1]
        return items, True


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
    """
    walk = _Cursor(per_page, before, after, params)
    more = True
    while more:
        items, more = walk.take(fetch(walk.next_query()))
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
    more = True
    while more:
        items, more = walk.take(await fetch(walk.next_query()))
        for item in items:
            yield item
