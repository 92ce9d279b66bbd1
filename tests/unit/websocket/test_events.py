"""``Driver.events()``: the blocking iterator, its filters, its buffer and how it ends."""

from __future__ import annotations

import json
import threading
from typing import Any, Dict, Iterator, List

import pytest

from mattermostdriver import Driver
from mattermostdriver.exceptions import WebsocketAuthError
from mattermostdriver.websocket import Resync

from ...support.ws_server import TOKEN, FakeMattermost
from .helpers import listener_threads, options, wait_until

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def driver(server: FakeMattermost) -> Iterator[Driver]:
    with Driver({**options(server.port), "token": TOKEN}) as d:
        yield d


def seq_of(item: Any) -> int:
    return int((json.loads(item) if isinstance(item, str) else item)["seq"])


def take(items: Iterator[Any], count: int) -> List[Any]:
    """The next ``count`` items of an iterator (a ``break`` out of a ``for`` would end the stream)."""
    return [next(items) for _ in range(count)]


def test_text_items_in_order_from_the_hello(server: FakeMattermost, driver: Driver) -> None:
    with driver.events() as events:
        assert events.websocket is driver.websocket and events.websocket.connected  # entering connects
        for i in range(3):
            server.emit("posted", {"n": i})
        items = take(iter(events), 4)
    assert all(isinstance(item, str) for item in items)
    assert [json.loads(i)["event"] for i in items] == ["hello", "posted", "posted", "posted"]
    assert [seq_of(i) for i in items] == [0, 1, 2, 3]


def test_decoded_items_and_the_filters_by_name_and_channel(server: FakeMattermost, driver: Driver) -> None:
    with driver.events(decode=True, event=("posted", "post_edited"), channel_id="chan-a") as events:
        server.send_raw("not json")  # not an event: not yielded
        server.emit("posted", {"post": json.dumps({"id": "p1"})}, channel_id="chan-a")
        server.emit("typing", {"user_id": "u"}, channel_id="chan-a")
        server.emit("posted", {"post": json.dumps({"id": "p2"})}, channel_id="chan-b")
        server.emit("post_edited", {"post": json.dumps({"id": "p1"})}, channel_id="chan-a")
        server.emit("channel_viewed", {"channel_id": "chan-a"})
        items: List[Dict[str, Any]] = take(iter(events), 2)
    assert [(i["event"], i["seq"], i["data"]["post"]["id"]) for i in items] == [
        ("posted", 1, "p1"),
        ("post_edited", 4, "p1"),
    ]
    assert driver.websocket is not None and driver.websocket.sequence == 6  # filtered ones were read


def test_a_channel_filter_also_reads_data_channel_id(server: FakeMattermost, driver: Driver) -> None:
    with driver.events(decode=True, channel_id=["chan-a"]) as events:
        server.emit("channel_viewed", {"channel_id": "chan-b"})
        server.emit("channel_viewed", {"channel_id": "chan-a"})
        (item,) = take(iter(events), 1)
    assert item["seq"] == 2


def test_bad_filters_and_buffers_are_refused_at_once(driver: Driver) -> None:
    for kwargs in ({"event": ""}, {"channel_id": [3]}, {"buffer": 0}, {"buffer": True}):
        with pytest.raises(ValueError):
            driver.events(**kwargs)


def test_break_closes_the_connection_and_joins_the_thread(server: FakeMattermost, driver: Driver) -> None:
    events = driver.events()
    for _item in events:  # no `with`: the break alone ends it
        break
    ws = driver.websocket
    assert ws is not None and not ws.running and not listener_threads()
    assert wait_until(lambda: not server.active_ids)
    server.emit()
    assert seq_of(next(iter(events))) == 1 and len(server.upgrades) == 2  # iterating again resumes
    assert server.upgrades[1]["connection_id"] == ws.connection_id and not ws.running


def test_leaving_the_with_without_iterating_closes(server: FakeMattermost, driver: Driver) -> None:
    with driver.events():
        assert server.active_ids
    assert driver.websocket is not None and not driver.websocket.running and not listener_threads()


def test_close_from_another_thread_ends_the_loop(server: FakeMattermost, driver: Driver) -> None:
    got: List[Any] = []
    with driver.events(event="posted") as events:
        threading.Timer(0.2, events.close).start()
        got.extend(events)  # blocks until closed, then ends without an error
    assert got == [] and driver.websocket is not None and driver.websocket.error is None


def test_resume_across_a_forced_drop(server: FakeMattermost, driver: Driver) -> None:
    with driver.events(event="posted") as events:
        ws, items = events.websocket, iter(events)
        first_id = ws.connection_id
        server.emit()
        got = take(items, 1)
        server.paused_status = 503  # the reconnects fail for a while...
        server.drop()
        for _ in range(4):
            server.emit()  # ...while events pile up on the server
        assert wait_until(lambda: server.attempts >= 3)
        server.paused_status = None
        got += take(items, 4)
    assert [seq_of(i) for i in got] == [1, 2, 3, 4, 5]
    assert ws.connection_id == first_id and server.upgrades[-1]["sequence_number"] == "2"


def test_a_reconnect_that_cannot_resume_yields_a_resync_item(server: FakeMattermost, driver: Driver) -> None:
    with driver.events() as events:
        old = events.websocket.connection_id
        server.restart()  # the server forgot the connection
        items = take(iter(events), 3)  # hello, then the Resync before the new hello
    assert isinstance(items[1], Resync) and items[1].old_connection_id == old
    assert items[1].new_connection_id == json.loads(items[2])["data"]["connection_id"] != old


def test_on_resync_takes_the_resync_instead(server: FakeMattermost, driver: Driver) -> None:
    calls: List[Any] = []
    with driver.events(on_resync=lambda old, new: calls.append((old, new))) as events:
        server.restart()
        items = take(iter(events), 2)
    assert [json.loads(i)["event"] for i in items] == ["hello", "hello"] and len(calls) == 1


@pytest.mark.parametrize("silent", [False, True])
def test_a_refused_token_is_raised_from_the_loop(server: FakeMattermost, silent: bool) -> None:
    if silent:  # like the real server: upgraded, then closed without a word
        server.silent_close_after = 0.1
    d = Driver({**options(server.port), "token": "wrong-token-42"})
    with pytest.raises(WebsocketAuthError) as info, d.events() as events:
        for _ in events:
            pass
    assert info.value.status_code == 401 and "wrong-token-42" not in str(info.value)
    assert not listener_threads()


# -- the buffer: a slow consumer --------------------------------------------------------------


def test_a_slow_consumer_loses_nothing_and_the_pings_go_on(server: FakeMattermost, driver: Driver) -> None:
    driver.options["timeout"] = 0.1  # pings every 0.1 s: the stall below spans many of them
    with driver.events(event="posted", buffer=5) as events:
        ws = events.websocket
        for _ in range(30):
            server.emit()
        # the consumer stalls with its buffer full: the link stays up (pings answered, frames read)
        assert wait_until(lambda: ws.behind, timeout=5)
        assert not wait_until(lambda: len(server.upgrades) > 1 or not server.active_ids, timeout=1.0)
        got = take(iter(events), 30)
    assert [seq_of(i) for i in got] == list(range(1, 31))  # once each, in order
    assert server.upgrades[1] == {"connection_id": ws.connection_id, "sequence_number": "6"}


def test_a_consumer_too_slow_for_the_servers_replay_gets_a_resync(
    server: FakeMattermost, driver: Driver
) -> None:
    with driver.events(event="posted", buffer=5) as events:
        old = events.websocket.connection_id
        for _ in range(200):  # more than the 128 events the server keeps for a resume
            server.emit()
        assert wait_until(lambda: events.websocket.sequence == 6 and events.websocket.behind)
        items = take(iter(events), 6)
    assert [seq_of(i) for i in items[:5]] == [1, 2, 3, 4, 5]
    assert isinstance(items[5], Resync) and items[5].old_connection_id == old  # never a silent loss
