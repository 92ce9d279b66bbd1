"""Hostile input and faults (issue 11): secrets and terminal control in logs, bad JSON, flapping links."""

from __future__ import annotations

import json
from typing import Any, List

import pytest

from mattermostdriver.websocket import Websocket

from ...support.ws_server import TOKEN, FakeMattermost
from .helpers import options, started, wait_until

pytestmark = pytest.mark.timeout(60)

DEEP = "[" * 100_000 + "]" * 100_000  # valid JSON that json.loads cannot parse (RecursionError)


# -- 10: deeply nested JSON, a hello whose data is not an object ------------------------------


def test_deeply_nested_frame_is_passed_on_as_text_and_the_stream_goes_on(
    server: FakeMattermost, listeners: List[Websocket]
) -> None:
    ws, got = started(server, listeners)
    server.send_raw(DEEP)
    server.emit()
    assert got.wait_events(1) == [1]
    assert DEEP in got.texts  # passed on as received, like any frame that is not a JSON object
    assert ws.running and ws.error is None and len(server.upgrades) == 1


def test_deeply_nested_post_is_left_as_text_when_decoding(server: FakeMattermost) -> None:
    got: List[Any] = []
    ws = Websocket(options(server.port), TOKEN, decode=True).start(got.append)
    try:
        assert wait_until(lambda: len(got) == 1)
        server.emit("posted", {"post": DEEP})
        server.emit("posted", {"post": json.dumps({"id": "p2"})})
        assert wait_until(lambda: len(got) == 3)
    finally:
        ws.stop()
    assert got[1]["data"]["post"] == DEEP and got[2]["data"]["post"] == {"id": "p2"}
    assert ws.error is None


@pytest.mark.parametrize(
    "data", ["text", 5, [1, 2], {"connection_id": {"x": 1}}, {"connection_id": "\x1b" * 9}]
)
def test_hello_whose_data_is_not_an_object_is_passed_on(
    server: FakeMattermost, listeners: List[Websocket], data: Any
) -> None:
    server.hello_data = data
    ws, got = started(server, listeners)
    assert got.events("hello")[0]["data"] == data
    assert ws.connection_id is None  # no usable id: nothing to resume with
    server.emit()
    assert got.wait_events(1) == [1]
    assert ws.running and ws.error is None and len(server.upgrades) == 1
