"""The lazy iterators over paged routes."""

from __future__ import annotations

import asyncio
import itertools
import json
import random
import re
from typing import Any, Dict, List, Tuple
from urllib.parse import parse_qs, urlsplit

import pytest
import responses

from mattermostdriver import Driver
from mattermostdriver.pagination import aiter_channel_posts, iter_channel_posts, iter_pages

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


class Channel:
    """A channel's posts served as Mattermost's SQL store serves them (getPostsAround, getRootPosts).

    ``before``/``after`` a post: the posts whose ``create_at`` is strictly older / newer than
    that post's, ordered by ``create_at`` alone, then ``page * per_page`` skipped and
    ``per_page`` taken; without a cursor, from the newest. Posts of the same millisecond
    come in an order of their own (fixed, as an index scan gives it; backwards when walking
    forwards); ``order`` is newest first either way.
    """

    def __init__(self, times: List[int], seed: int = 0) -> None:
        shuffle = random.Random(seed)
        self.posts: Dict[str, int] = {}
        self.tie: Dict[str, float] = {}
        for created in times:
            self.add(created, shuffle.random())
        self.queries: List[Dict[str, str]] = []

    def add(self, created: int, tie: float = 0.5) -> str:
        post_id = f"p{len(self.posts):04d}"
        self.posts[post_id], self.tie[post_id] = created, tie
        return post_id

    def newest_first(self) -> List[str]:
        return sorted(self.posts, key=lambda i: (-self.posts[i], self.tie[i]))

    def answer(self, q: Dict[str, str]) -> Dict[str, Any]:
        self.queries.append(q)
        per_page, page = int(q["per_page"]), int(q.get("page", 0))
        ordered = self.newest_first()
        if "after" in q:
            if q["after"] not in self.posts:
                return {"order": [], "posts": {}}
            at = self.posts[q["after"]]
            ordered = [i for i in reversed(ordered) if self.posts[i] > at]
        elif "before" in q:
            if q["before"] not in self.posts:
                return {"order": [], "posts": {}}
            at = self.posts[q["before"]]
            ordered = [i for i in ordered if self.posts[i] < at]
        chunk = ordered[page * per_page : (page + 1) * per_page]
        order = sorted(chunk, key=lambda i: -self.posts[i]) if "after" in q else chunk
        return {"order": order, "posts": {i: {"id": i, "create_at": self.posts[i]} for i in chunk}}

    def serve(self, mock: responses.RequestsMock) -> None:
        def callback(request: Any) -> Tuple[int, Dict[str, str], str]:
            return 200, {"Content-Type": "application/json"}, json.dumps(self.answer(_query(request)))

        mock.add_callback("GET", re.compile(rf"{re.escape(BASE)}/channels/c1/posts.*"), callback=callback)


def _serve_posts(mock: responses.RequestsMock, total: int) -> List[Dict[str, str]]:
    """A channel with posts p0000 (oldest) .. (newest), each in a millisecond of its own."""
    channel = Channel(list(range(1000, 1000 + total)))
    channel.serve(mock)
    return channel.queries


def test_posts_newest_first_with_before_cursor(driver: Driver, mock: responses.RequestsMock) -> None:
    seen = _serve_posts(mock, 25)
    got = [p["id"] for p in driver.posts.iter_posts_for_channel("c1", per_page=10)]
    assert got == [f"p{i:04d}" for i in reversed(range(25))]
    # each page goes on from the millisecond before its last one, which may hold more posts
    assert [q.get("before") for q in seen] == [None, "p0016", "p0007"]


def test_posts_oldest_first_after_a_post(driver: Driver, mock: responses.RequestsMock) -> None:
    _serve_posts(mock, 25)
    got = [p["id"] for p in driver.posts.iter_posts_for_channel("c1", after="p0004", per_page=10)]
    assert got == [f"p{i:04d}" for i in range(5, 25)]


def _times(count: int, spread: int, seed: int) -> List[int]:
    """``count`` create_at values in ``spread`` milliseconds: many posts share one."""
    draw = random.Random(seed)
    return sorted(1_700_000_000_000 + draw.randrange(spread) for _ in range(count))


@pytest.mark.parametrize("per_page", [1, 2, 7, 60, 200])
@pytest.mark.parametrize("spread", [1, 40, 400])
def test_posts_sharing_a_millisecond_are_each_given_once(
    driver: Driver, mock: responses.RequestsMock, per_page: int, spread: int
) -> None:
    """Concurrent posts share create_at: the walk gives each post once, in time order, whatever the cut."""
    channel = Channel(_times(300, spread, seed=spread), seed=per_page)
    channel.serve(mock)
    walked = [p["id"] for p in driver.posts.iter_posts_for_channel("c1", per_page=per_page)]
    assert sorted(walked) == sorted(channel.posts)  # each once
    assert [channel.posts[i] for i in walked] == sorted(channel.posts.values(), reverse=True)


@pytest.mark.parametrize("per_page", [1, 7, 60])
@pytest.mark.parametrize("spread", [1, 40])
def test_before_and_after_a_post_that_shares_its_millisecond(per_page: int, spread: int) -> None:
    """The posts of the given post's millisecond come too (the server cannot order them), each once."""
    channel = Channel(_times(200, spread, seed=spread), seed=per_page)
    at = channel.posts
    ids = channel.newest_first()
    for given in (ids[0], ids[1], ids[100], ids[-2], ids[-1]):
        older = [p["id"] for p in iter_channel_posts(channel.answer, per_page=per_page, before=given)]
        newer = [p["id"] for p in iter_channel_posts(channel.answer, per_page=per_page, after=given)]
        assert sorted(older) == sorted(i for i in ids if at[i] <= at[given] and i != given)
        assert sorted(newer) == sorted(i for i in ids if at[i] >= at[given] and i != given)
        assert [at[i] for i in older] == sorted((at[i] for i in older), reverse=True)
        assert [at[i] for i in newer] == sorted(at[i] for i in newer)


def test_the_async_walk_is_the_same() -> None:
    channel = Channel(_times(120, 10, seed=3), seed=3)

    async def fetch(query: Dict[str, Any]) -> Any:
        return channel.answer(query)

    async def walk() -> List[str]:
        oldest = channel.newest_first()[-1]
        return [p["id"] async for p in aiter_channel_posts(fetch, per_page=7, after=oldest)]

    got = asyncio.run(walk())
    assert sorted(got) == sorted(channel.newest_first()[:-1])


def test_posts_made_during_a_walk() -> None:
    """Newer posts made meanwhile: not given walking back from the latest; given walking forwards."""
    channel = Channel(_times(50, 5, seed=1), seed=1)
    first = channel.newest_first()
    latest = max(channel.posts.values())

    def growing(query: Dict[str, Any]) -> Any:
        answer = channel.answer(query)
        for _ in range(3):  # between two requests
            channel.add(latest + 1 + len(channel.posts) // 10, random.random())
        return answer

    back = [p["id"] for p in iter_channel_posts(growing, per_page=4)]
    assert sorted(back) == sorted(first)
    before_walk = set(channel.posts)
    forwards = [p["id"] for p in iter_channel_posts(growing, per_page=4, after=first[-1])]
    assert set(forwards) >= before_walk - {first[-1]} and len(forwards) == len(set(forwards))


def test_page_walks_give_an_item_moved_across_a_page_end_once(
    driver: Driver, mock: responses.RequestsMock
) -> None:
    """Teams sort by display name: two of the same name may swap between two requests."""
    pages = iter([[{"id": "t1"}, {"id": "t2"}], [{"id": "t2"}, {"id": "t4"}], [{"id": "t5"}]])
    mock.add_callback(
        "GET",
        re.compile(rf"{re.escape(BASE)}/teams.*"),
        callback=lambda request: (200, {"Content-Type": "application/json"}, json.dumps(next(pages))),
    )
    assert [t["id"] for t in driver.teams.iter_teams(per_page=2)] == ["t1", "t2", "t4", "t5"]


def test_posts_before_and_after_together_refused(driver: Driver) -> None:
    with pytest.raises(ValueError, match="not both"):
        next(driver.posts.iter_posts_for_channel("c1", before="a", after="b"))
