"""Lazy iterators over the paged list routes.

Mattermost pages with ``page`` / ``per_page`` (at most 200 a page) and returns a bare
JSON list; a page shorter than ``per_page`` is the last. Posts of a channel are walked
with the ``before`` / ``after`` cursors instead, so that posts made meanwhile do not
shift the pages. Only one page is held at a time, however long the list.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Iterator, List, Mapping, Optional

#: The server's largest page.
MAX_PER_PAGE = 200


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
    if not 0 < per_page <= MAX_PER_PAGE:
        raise ValueError(f"per_page must be 1 to {MAX_PER_PAGE}, got {per_page}")
    query: Dict[str, Any] = dict(params or {})
    page = int(query.pop("page", 0))
    while True:
        result = fetch({**query, "page": page, "per_page": per_page})
        items: List[Any] = (result.get(key) if key else result) or []
        yield from items
        if len(items) < per_page:
            return
        page += 1


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
    if not 0 < per_page <= MAX_PER_PAGE:
        raise ValueError(f"per_page must be 1 to {MAX_PER_PAGE}, got {per_page}")
    if before and after:
        raise ValueError("give before or after, not both")
    extra = dict(params or {})
    cursor = after or before
    forwards = after is not None
    while True:
        query: Dict[str, Any] = {**extra, "per_page": per_page}
        if cursor:
            query["after" if forwards else "before"] = cursor
        result = fetch(query)
        order: List[str] = list(result.get("order") or [])
        posts: Mapping[str, Any] = result.get("posts") or {}
        if forwards:
            order.reverse()
        for post_id in order:
            if post_id in posts:
                yield posts[post_id]
        if len(order) < per_page:
            return
        cursor = order[-1]
