"""Many posts made at once through one driver, on the real server: each saved, each to its own caller;
then every way of walking the channel gives each post once, though many share a millisecond."""

from __future__ import annotations

import asyncio
import collections
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Dict, List, Optional

from mattermostdriver import AsyncDriver, Driver

POSTS = 500


def _check_answers(sent: List[str], answers: List[Dict[str, Any]], channel_id: str) -> List[Dict[str, Any]]:
    """Each caller got its own post back: its message, in its channel, a post id no other caller got."""
    assert [a["message"] for a in answers] == sent
    assert all(a["channel_id"] == channel_id for a in answers)
    assert len({a["id"] for a in answers}) == len(sent)
    assert len({a["pending_post_id"] for a in answers}) == len(sent)
    return answers


def test_posts_made_at_once_are_each_saved_and_walked_once(
    server: Dict[str, str], admin: Driver, channel: Dict[str, Any]
) -> None:
    channel_id = channel["id"]

    # 500 create_post started at once through one AsyncDriver
    async def from_tasks() -> List[Dict[str, Any]]:
        async with AsyncDriver({"url": server["MM_URL"], "token": server["MM_TOKEN"]}) as d:
            await d.login()
            return list(
                await asyncio.gather(
                    *(
                        d.posts.create_post({"channel_id": channel_id, "message": f"task {n}"})
                        for n in range(POSTS)
                    )
                )
            )

    sent = [f"task {n}" for n in range(POSTS)]
    made = _check_answers(sent, asyncio.run(from_tasks()), channel_id)

    # and 500 through one Driver from 32 threads
    with Driver({"url": server["MM_URL"], "token": server["MM_TOKEN"]}) as d:
        d.login()
        with ThreadPoolExecutor(32) as pool:
            answers = list(
                pool.map(
                    lambda n: d.posts.create_post({"channel_id": channel_id, "message": f"thread {n}"}),
                    range(POSTS),
                )
            )
    made += _check_answers([f"thread {n}" for n in range(POSTS)], answers, channel_id)

    # all 1000 saved (read back by id, not through the iterators under test)
    ids = [p["id"] for p in made]
    saved: Dict[str, Dict[str, Any]] = {}
    for start in range(0, len(ids), 200):
        for post in admin.posts.get_posts_by_ids(ids[start : start + 200]):
            saved[post["id"]] = post
    assert set(saved) == set(ids)
    at = {post_id: post["create_at"] for post_id, post in saved.items()}
    shared = [n for n in collections.Counter(at.values()).values() if n > 1]
    assert shared, "no two posts share a millisecond: this run did not test the iterators' hard case"

    # the channel's other posts (its creation, the admin joining) are not ours to count
    def walk(**kwargs: Any) -> List[str]:
        return [p["id"] for p in admin.posts.iter_posts_for_channel(channel_id, **kwargs) if p["id"] in at]

    def once(walked: List[str], expected: List[str], newest_first: bool) -> None:
        assert len(walked) == len(set(walked)) and set(walked) == set(expected)
        times = [at[i] for i in walked]
        assert times == sorted(times, reverse=newest_first)

    by_time = sorted(ids, key=lambda i: at[i])
    tied = next(i for i in by_time if collections.Counter(at.values())[at[i]] > 1)
    middle = by_time[len(by_time) // 2]
    for per_page in (3, 60, 200):
        once(walk(per_page=per_page), ids, newest_first=True)
        for given in (tied, middle, by_time[-1]):
            older = [i for i in ids if at[i] <= at[given] and i != given]
            newer = [i for i in ids if at[i] >= at[given] and i != given]
            once(walk(per_page=per_page, before=given), older, newest_first=True)
            once(walk(per_page=per_page, after=given), newer, newest_first=False)

    async def async_walk(per_page: int, after: Optional[str] = None) -> List[str]:
        async with AsyncDriver({"url": server["MM_URL"], "token": server["MM_TOKEN"]}) as d:
            await d.login()
            return [
                p["id"]
                async for p in d.posts.iter_posts_for_channel(channel_id, per_page=per_page, after=after)
                if p["id"] in at
            ]

    once(asyncio.run(async_walk(60)), ids, newest_first=True)
    once(asyncio.run(async_walk(7, after=tied)), [i for i in ids if at[i] >= at[tied] and i != tied], False)
