"""The upgrade and the hello (issue 19): the REST User-Agent, a 404 from a proxy, any connection_id."""

from __future__ import annotations

import asyncio
import logging
import threading
from typing import List

import pytest

from mattermostdriver import AsyncDriver, Driver, cli
from mattermostdriver.exceptions import WebsocketError
from mattermostdriver.options import user_agent
from mattermostdriver.websocket import Websocket

from ...support.ws_server import TOKEN, FakeMattermost
from .helpers import Collector, options, started, wait_until

pytestmark = pytest.mark.timeout(60)


# -- the User-Agent --------------------------------------------------------------------------


@pytest.mark.parametrize("given", [None, "release-bot/2.1 (ops@example.com)"])
def test_the_upgrade_sends_the_same_user_agent_as_rest(
    server: FakeMattermost, given: object, listeners: List[Websocket]
) -> None:
    extra = {} if given is None else {"user_agent": given}
    d = Driver({**options(server.port), "token": TOKEN, **extra})
    got = Collector()
    listeners.append(d.init_websocket(got, blocking=False))
    assert got.wait_for(lambda c: c.events("hello"))
    rest = user_agent(d.options)  # the REST requests' User-Agent
    assert rest == (given or rest) and rest.startswith(str(given or "mattermostdriver/"))
    assert server.user_agents == [rest]


def test_the_async_listener_sends_it_too(server: FakeMattermost) -> None:
    async def main() -> None:
        async with AsyncDriver({**options(server.port), "token": TOKEN, "user_agent": "async-bot/1"}) as d:
            async with d.events() as events:
                assert events.websocket.connected

    asyncio.run(main())
    assert server.user_agents == ["async-bot/1"]


# -- a proxy that answers 404 to the upgrade --------------------------------------------------


@pytest.mark.parametrize("status", [404, 400])
def test_an_upgrade_answered_404_ends_a_new_listener_with_a_hint(server: FakeMattermost, status: int) -> None:
    server.paused_status = status  # what a proxy that does not pass upgrades answers
    ws = Websocket(options(server.port), TOKEN)  # keepalive on: still no silent retry loop
    with pytest.raises(WebsocketError) as info:
        asyncio.run(ws.connect(Collector()))
    assert info.value.status_code == status and server.attempts == 1
    assert "proxy" in str(info.value) and "Upgrade" in str(info.value)


def test_a_404_after_the_listener_worked_is_retried(
    server: FakeMattermost, listeners: List[Websocket], caplog: pytest.LogCaptureFixture
) -> None:
    ws, got = started(server, listeners)
    with caplog.at_level(logging.WARNING, logger="mattermostdriver.websocket"):
        server.paused_status = 404  # the proxy was reconfigured, or is being restarted
        server.drop()
        assert wait_until(lambda: server.attempts >= 3)
        assert ws.running and ws.error is None
    assert "proxy" in caplog.text
    server.paused_status = None
    server.emit()
    assert got.wait_events(1) == [1]


def test_listen_against_a_proxy_that_answers_404_exits_1_with_the_hint(
    server: FakeMattermost, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    server.paused_status = 404
    monkeypatch.setenv("MATTERMOST_URL", f"http://127.0.0.1:{server.port}")
    monkeypatch.setenv("MATTERMOST_TOKEN", TOKEN)
    codes: List[int] = []
    thread = threading.Thread(target=lambda: codes.append(cli.main(["listen"])), daemon=True)
    thread.start()
    thread.join(15)
    assert not thread.is_alive(), "listen retries the 404 forever"
    err = capsys.readouterr().err
    assert codes == [1] and "404" in err and "proxy" in err
    assert TOKEN not in err


# -- connection ids ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "connection_id", ["conn-7f3a_b2", "a" * 64 + "-" + "b" * 63, "node1:9f0c2d.e", "ünïcode id"]
)
def test_any_printable_connection_id_is_kept_and_resumed(
    server: FakeMattermost, listeners: List[Websocket], connection_id: str
) -> None:
    server.hello_data = {"connection_id": connection_id, "server_version": "proxy"}
    ws, got = started(server, listeners)
    assert ws.connection_id == connection_id
    server.emit()
    got.wait_events(1)
    server.drop()
    assert wait_until(lambda: len(server.upgrades) == 2)
    assert server.upgrades[1] == {"connection_id": connection_id, "sequence_number": "2"}


def test_a_refused_connection_id_is_logged_once(
    server: FakeMattermost, listeners: List[Websocket], caplog: pytest.LogCaptureFixture
) -> None:
    server.hello_data = {"connection_id": "x" * 129}
    with caplog.at_level(logging.WARNING, logger="mattermostdriver.websocket"):
        ws, got = started(server, listeners)
        server.drop()
        assert got.wait_for(lambda c: len(c.events("hello")) == 2)
    assert ws.connection_id is None and server.upgrades == [{}, {}]  # nothing to resume with
    refusals = [r for r in caplog.records if "connection_id" in r.getMessage()]
    assert len(refusals) == 1 and "longer than 128" in refusals[0].getMessage()
