"""create_post through a fault-injecting proxy in front of the real server: never twice, never lost unseen."""

from __future__ import annotations

import time
from typing import Any, Dict, List
from urllib.parse import urlsplit

import pytest

from mattermostdriver import Driver, TransportError

from ..support.faults import FaultProxy, once
from .conftest import unique


def _upstream(server: Dict[str, str]) -> Any:
    parts = urlsplit(server["MM_URL"])
    return (parts.hostname, parts.port)


def _posts_with(admin: Driver, channel_id: str, message: str) -> List[Dict[str, Any]]:
    posts = admin.posts.get_posts_for_channel(channel_id, params={"per_page": 200})["posts"].values()
    return [p for p in posts if p["message"] == message]


def test_an_answer_held_past_the_duplicate_window_still_posts_once(
    server: Dict[str, str], admin: Driver, channel: Dict[str, Any]
) -> None:
    """The server forgets a pending_post_id after 30 s: the driver resends well before that."""
    message = unique("held-")
    with FaultProxy(_upstream(server), once("POST /api/v4/posts ", "hold:35")) as proxy:
        d = Driver({"url": proxy.url, "token": server["MM_TOKEN"]})
        d.login()
        started = time.monotonic()
        post = d.posts.create_post({"channel_id": channel["id"], "message": message})
        elapsed = time.monotonic() - started
    assert post["message"] == message
    assert 10 < elapsed < 25  # the first answer was given up after its 12.5 s, then the post was resent
    assert [action for line, action in proxy.log if "/api/v4/posts " in line] == ["hold:35", "pass"]
    assert len(_posts_with(admin, channel["id"], message)) == 1


def test_every_answer_held_gives_up_within_the_window_and_posts_once(
    server: Dict[str, str], admin: Driver, channel: Dict[str, Any]
) -> None:
    message = unique("always-held-")
    with FaultProxy(
        _upstream(server), lambda line: "hold:40" if "/api/v4/posts " in line else "pass"
    ) as proxy:
        d = Driver({"url": proxy.url, "token": server["MM_TOKEN"], "retries": 10})
        d.login()
        started = time.monotonic()
        with pytest.raises(TransportError, match="may have been created"):
            d.posts.create_post({"channel_id": channel["id"], "message": message})
        assert time.monotonic() - started < 30
    assert len(_posts_with(admin, channel["id"], message)) == 1


@pytest.mark.parametrize("fault", ["reset", "refuse"])
def test_a_lost_answer_or_a_refused_connection_posts_once(
    server: Dict[str, str], admin: Driver, channel: Dict[str, Any], fault: str
) -> None:
    message = unique(f"{fault}-")
    with FaultProxy(_upstream(server), once("POST /api/v4/posts ", fault)) as proxy:
        d = Driver({"url": proxy.url, "token": server["MM_TOKEN"]})
        d.login()
        post = d.posts.create_post({"channel_id": channel["id"], "message": message})
    assert post["message"] == message
    assert len(_posts_with(admin, channel["id"], message)) == 1
