"""The fake Mattermost of mattermostdriver.testing: arranging, faults, websocket, integrations, cleanup."""

from __future__ import annotations

import json
import queue
import socket
import subprocess
import sys
import threading
import warnings
from typing import Any, Dict, List, Tuple

import pytest
import requests

from mattermostdriver import Driver, NoAccessTokenProvided, ServerError, WebsocketAuthError
from mattermostdriver.testing import FakeMattermost, Mattermost, NotImplementedWarning, UnimplementedRoute


def fake_threads() -> List[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("fake-mattermost")]


def test_closing_leaves_no_thread_or_socket_even_with_clients_connected() -> None:
    before = set(threading.enumerate())
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a ResourceWarning would fail here
        fake = FakeMattermost()
        d = Driver({"url": fake.url, "token": fake.token(fake.admin), "keepalive": False})
        d.login()  # a keep-alive connection stays open in the driver's pool
        got: queue.Queue[str] = queue.Queue()
        ws = d.init_websocket(got.put, blocking=False)
        assert json.loads(got.get(timeout=5))["event"] == "hello"
        assert fake_threads()
        fake.close()  # the server goes first, under its clients
        assert not fake_threads()
        ws.wait(5)
        d.client.close()
    assert not ws.running
    assert set(threading.enumerate()) <= before
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", fake.port), timeout=1).close()


def test_it_listens_on_loopback_only() -> None:
    with FakeMattermost() as fake:
        assert fake._http.server_address[0] == "127.0.0.1" and fake.url == f"http://127.0.0.1:{fake.port}"


def test_429_with_retry_after_is_honoured_by_the_driver(mattermost: Mattermost) -> None:
    mattermost.fail(429, path="/api/v4/posts", retry_after=1)
    sleeps: List[float] = []
    d = mattermost.driver
    d.client.retry = d.client.retry.new(sleep=sleeps.append)
    post = d.posts.create_post({"channel_id": mattermost.channel["id"], "message": "after a 429"})
    statuses = [(c.method, c.path, c.status) for c in mattermost.calls if c.path == "/api/v4/posts"]
    assert statuses == [("POST", "/api/v4/posts", 429), ("POST", "/api/v4/posts", 201)]
    assert len(sleeps) == 1 and 1.0 <= sleeps[0] < 2 and post["message"] == "after a 429"


def test_500_raises_server_error_with_its_id(mattermost: Mattermost) -> None:
    mattermost.fail(500, path="/api/v4/users/me", error_id="app.user.get.app_error")
    with pytest.raises(ServerError) as failed:
        mattermost.driver.users.get_user("me")
    assert failed.value.status_code == 500 and failed.value.error_id == "app.user.get.app_error"


def test_a_lost_answer_is_retried_and_deduplicated(mattermost: Mattermost) -> None:
    mattermost.fail(0, method="POST", path="/api/v4/posts")  # handled, then the connection is cut
    d = mattermost.driver
    d.client.retry = d.client.retry.new(sleep=lambda seconds: None)
    post = d.posts.create_post({"channel_id": mattermost.channel["id"], "message": "exactly once"})
    sent = [c.body["pending_post_id"] for c in mattermost.calls if c.path == "/api/v4/posts"]
    assert len(sent) == 2 and sent[0] == sent[1]  # the same pending_post_id, twice
    assert [p["id"] for p in mattermost.posts_in(mattermost.channel)] == [post["id"]]


def listen(mm: Mattermost, **options: Any) -> Tuple[Driver, queue.Queue[Dict[str, Any]], Any]:
    d = mm.driver_for(mm.bot, **options)
    got: queue.Queue[Dict[str, Any]] = queue.Queue()
    ws = d.init_websocket(
        got.put, blocking=False, decode=True, on_resync=lambda old, new: got.put({"resync": new})
    )
    return d, got, ws


def until(got: queue.Queue[Dict[str, Any]], name: str) -> Dict[str, Any]:
    while True:
        event = got.get(timeout=10)
        if event.get("event") == name or name in event:
            return event


def test_a_dropped_websocket_resumes_without_loss(mattermost: Mattermost) -> None:
    _, got, ws = listen(mattermost)
    hello = until(got, "hello")
    mattermost.drop_websockets(mattermost.bot)
    mattermost.post_as(mattermost.user, mattermost.channel, "while dropped")  # queued for the bot
    posted = until(got, "posted")
    assert posted["data"]["post"]["message"] == "while dropped"
    assert ws.connection_id == hello["data"]["connection_id"]  # resumed, not a new connection
    assert [e["event"] for e in mattermost.events_sent(mattermost.bot)].count("posted") == 1


def test_a_forgotten_connection_gets_a_new_hello_and_a_resync(mattermost: Mattermost) -> None:
    _, got, ws = listen(mattermost)
    first = until(got, "hello")["data"]["connection_id"]
    mattermost.forget_connections()
    assert until(got, "resync")["resync"] != first
    assert until(got, "hello")["data"]["connection_id"] == ws.connection_id != first


def test_a_bad_token_ends_the_websocket_with_an_auth_error(mattermost: Mattermost) -> None:
    mattermost.server.unauthenticated_timeout = 0.1
    d = Driver({"url": mattermost.url, "token": "wrong", "keepalive": True, "keepalive_delay": 0.05})
    ws = d.init_websocket(lambda message: None, blocking=False)
    assert ws.wait(10)  # upgraded, then cut without a word, twice: the engine gives up
    assert isinstance(ws.error, WebsocketAuthError)
    d.client.close()


def test_events_sent_and_post_as(mattermost: Mattermost) -> None:
    _, got, _ = listen(mattermost)
    until(got, "hello")
    post = mattermost.post_as(mattermost.user, mattermost.channel, "hi @testbot")
    event = until(got, "posted")
    assert event["data"]["post"]["id"] == post["id"] and event["data"]["mentions"] == [mattermost.bot["id"]]
    names = [e["event"] for e in mattermost.events_sent(mattermost.bot)]
    assert names[:3] == ["hello", "status_change", "posted"]


def test_unimplemented_routes_warn_or_fail_in_strict_mode() -> None:
    with pytest.warns(NotImplementedWarning, match="GET /api/v4/plugins"):
        with FakeMattermost() as fake:
            answer = requests.get(
                fake.url + "/api/v4/plugins",
                headers={"Authorization": "Bearer " + fake.token(fake.admin)},
                timeout=5,
            )
            assert answer.status_code == 501 and answer.json()["id"] == "api.fake.not_implemented.app_error"
    with pytest.raises(UnimplementedRoute, match="GET /api/v4/plugins"):
        with FakeMattermost(strict=True) as fake:
            requests.get(fake.url + "/api/v4/plugins", timeout=5).close()


@pytest.mark.mattermost(bot_name="echo", channel_name="ops")
def test_the_marker_sets_the_fixture_options(mattermost: Mattermost) -> None:
    assert mattermost.driver.users.get_user("me")["username"] == "echo"
    assert mattermost.channel["name"] == "ops"


def test_wait_for_post_names_what_the_channel_holds(mattermost: Mattermost) -> None:
    mattermost.post_as(mattermost.user, mattermost.channel, "only this")
    with pytest.raises(AssertionError, match="only this"):
        mattermost.wait_for_post(mattermost.channel, lambda p: p["message"] == "never", timeout=0.2)


def test_slash_command_and_button(mattermost: Mattermost, endpoint: Tuple[str, Any]) -> None:
    url, received = endpoint
    d = mattermost.driver
    mattermost.driver_for(mattermost.server.admin).commands.create_command(
        {"team_id": mattermost.team["id"], "trigger": "echo", "url": url + "/command", "method": "P"}
    )
    answer = mattermost.run_command(mattermost.user, mattermost.channel, "/echo hi there")
    kind, form = received.get(timeout=5)
    assert kind == "command" and (form["command"], form["text"], form["user_name"]) == (
        "/echo",
        "hi there",
        "alice",
    )
    assert answer["response_type"] == "in_channel"
    assert mattermost.posts_in(mattermost.channel)[-1]["message"] == "echo: hi there"

    attachment = {
        "text": "Deploy?",
        "actions": [
            {"id": "yes", "name": "Yes", "integration": {"url": url + "/action", "context": {"env": "prod"}}}
        ],
    }
    post = d.posts.create_post(
        {"channel_id": mattermost.channel["id"], "message": "", "props": {"attachments": [attachment]}}
    )
    user_events: queue.Queue[Any] = queue.Queue()
    user_driver = mattermost.driver_for(mattermost.user)
    user_driver.init_websocket(user_events.put, blocking=False, decode=True)
    until(user_events, "hello")
    mattermost.click(mattermost.user, post, "yes")
    kind, payload = received.get(timeout=5)
    assert kind == "action" and payload["context"] == {"env": "prod"} and payload["post_id"] == post["id"]
    assert mattermost.posts_in(mattermost.channel)[-1]["message"] == "clicked by alice"
    assert until(user_events, "ephemeral_message")["data"]["post"]["message"] == "done"


def test_incoming_webhook_from_the_cron_example_helper(mattermost: Mattermost) -> None:
    hook = mattermost.add_hook(mattermost.channel, display_name="cron")
    Driver().webhooks.call_webhook(
        f"{mattermost.url}/hooks/{hook['id']}", {"text": "disk ok", "username": "cron"}
    )
    post = mattermost.posts_in(mattermost.channel)[-1]
    assert post["message"] == "disk ok" and post["props"]["override_username"] == "cron"


def test_async_driver(mattermost: Mattermost) -> None:
    import asyncio

    async def main() -> str:
        async with mattermost.async_driver() as d:
            me = await d.login()
            await d.posts.create_post({"channel_id": mattermost.channel["id"], "message": "async hi"})
            return str(me["username"])

    assert asyncio.run(main()) == "testbot"
    assert mattermost.posts_in(mattermost.channel)[-1]["message"] == "async hi"


def test_password_login_and_logout(mattermost: Mattermost) -> None:
    d = Driver({"url": mattermost.url, "login_id": "alice", "password": "Passw0rd-alice"})
    assert d.login()["username"] == "alice" and d.client.token
    token = d.client.token
    assert d.logout() == {"status": "OK"}
    answer = requests.get(
        mattermost.url + "/api/v4/users/me", headers={"Authorization": f"Bearer {token}"}, timeout=5
    )
    assert answer.status_code == 401 and answer.json()["id"] == "api.context.session_expired.app_error"
    d.client.close()
    with pytest.raises(NoAccessTokenProvided) as refused:
        Driver({"url": mattermost.url, "login_id": "alice", "password": "wrong"}).login()
    assert refused.value.error_id.startswith("api.user.login.invalid_credentials")


def test_the_authentication_challenge_of_732(mattermost: Mattermost) -> None:
    """An upgrade without a token, then the ``authentication_challenge`` frame (7.3.2, the Go client)."""
    from websockets.sync.client import connect

    url = mattermost.url.replace("http", "ws") + "/api/v4/websocket"
    with connect(url) as ws:
        ws.send(
            json.dumps(
                {
                    "seq": 1,
                    "action": "authentication_challenge",
                    "data": {"token": mattermost.token(mattermost.bot)},
                }
            )
        )
        hello = json.loads(ws.recv(timeout=5))
        assert hello["event"] == "hello" and hello["broadcast"]["user_id"] == mattermost.bot["id"]
        replies = [json.loads(ws.recv(timeout=5)) for _ in range(2)]
        assert {"status": "OK", "seq_reply": 1} in replies


def test_the_pytest_plugin_loads_no_fake_until_a_test_uses_it() -> None:
    """pytest imports the plugin in every run of a project with the driver installed."""
    code = (
        "import sys, mattermostdriver.testing.pytest_plugin;"
        "print(sorted(m for m in sys.modules if m.startswith('mattermostdriver.testing.')"
        " or m in ('http.server', 'socketserver')));"
        "from mattermostdriver.testing import FakeMattermost, Mattermost, MockTransport;"
        "import mattermostdriver.testing as t; print(set(t.__all__) <= set(dir(t)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["['mattermostdriver.testing.pytest_plugin']", "True"]
