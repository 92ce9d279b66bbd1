"""The lazy iterators over paged routes."""

from __future__ import annotations

import itertools
import json
import re
from typing import Any, Dict, List, Tuple
from urllib.parse import parse_qs, urlsplit

import pytest
import responses

from mattermostdriver import Driver
from mattermostdriver.pagination import iter_pages

from .conftest import BASE


def _query(request: Any) -> Dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(request.url).query).items()}


def _serve_users(mock: responses.RequestsMock, total: int) -> List[Dict[str, str]]:
    pages: List[Dict[str, str]] = []

    def callback(request: Any) -> Tuple[int, Dict[str, str], str]:
        q = _query(request)
        pages.append(q)
        page, per_page = int(q["page"]), int(q["per_page"])
        items = [{"id": f"u{i}"} for i in range(page * per_page, min(total, (page + 1) * per_page))]
        return 200, {"Content-Type": "application/json"}, json.dumps(items)

    mock.add_callback("GET", f"{BASE}/users", callback=callback)
    return pages


@pytest.mark.parametrize("total, calls", [(0, 1), (5, 1), (200, 2), (450, 3)])
def test_iter_users_walks_every_page(
    driver: Driver, mock: responses.RequestsMock, total: int, calls: int
) -> None:
    pages = _serve_users(mock, total)
    ids = [u["id"] for u in driver.users.iter_users({"active": "true"})]
    assert ids == [f"u{i}" for i in range(total)]
    assert len(pages) == calls
    assert all(p["active"] == "true" and p["per_page"] == "200" for p in pages)


def test_iterators_are_lazy(driver: Driver, mock: responses.RequestsMock) -> None:
    pages = _serve_users(mock, 10_000)
    first = list(itertools.islice(driver.users.iter_users(per_page=50), 120))
    assert len(first) == 120 and len(pages) == 3  # only the pages needed were fetched


def test_per_page_is_checked(driver: Driver) -> None:
    with pytest.raises(ValueError, match="per_page"):
        next(iter_pages(lambda q: [], per_page=500))


def test_wrapped_list_key() -> None:
    pages = iter(
        [{"channels": [{"id": 1}, {"id": 2}], "total_count": 3}, {"channels": [{"id": 3}], "total_count": 3}]
    )
    assert [c["id"] for c in iter_pages(lambda q: next(pages), per_page=2, key="channels")] == [1, 2, 3]


def _serve_posts(mock: responses.RequestsMock, total: int) -> List[Dict[str, str]]:
    """A channel with posts p000 (oldest) .. p<total-1> (newest)."""
    ids = [f"p{i:03d}" for i in range(total)]
    seen: List[Dict[str, str]] = []

    def callback(request: Any) -> Tuple[int, Dict[str, str], str]:
        q = _query(request)
        seen.append(q)
        per_page = int(q["per_page"])
        if "before" in q:
            older = ids[: ids.index(q["before"])]
            chunk = older[-per_page:]
        elif "after" in q:
            newer = ids[ids.index(q["after"]) + 1 :]
            chunk = newer[:per_page]
        else:
            chunk = ids[-per_page:]
        order = list(reversed(chunk))  # newest first, as the server answers
        body = {"order": order, "posts": {i: {"id": i} for i in order}}
        return 200, {"Content-Type": "application/json"}, json.dumps(body)

    mock.add_callback("GET", re.compile(rf"{re.escape(BASE)}/channels/c1/posts.*"), callback=callback)
    return seen


def test_posts_newest_first_with_before_cursor(driver: Driver, mock: responses.RequestsMock) -> None:
    seen = _serve_posts(mock, 25)
    got = [p["id"] for p in driver.posts.iter_posts_for_channel("c1", per_page=10)]
    assert got == [f"p{i:03d}" for i in reversed(range(25))]
    assert [q.get("before") for q in seen] == [None, "p015", "p005"]


def test_posts_oldest_first_after_a_post(driver: Driver, mock: responses.RequestsMock) -> None:
    _serve_posts(mock, 25)
    got = [p["id"] for p in driver.posts.iter_posts_for_channel("c1", after="p004", per_page=10)]
    assert got == [f"p{i:03d}" for i in range(5, 25)]


def test_posts_before_and_after_together_refused(driver: Driver) -> None:
    with pytest.raises(ValueError, match="not both"):
        next(driver.posts.iter_posts_for_channel("c1", before="a", after="b"))
