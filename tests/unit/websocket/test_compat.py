"""The 7.3.2 internals callers patch (issue 10): ``_authenticate_websocket``, ``_start_loop``, ``_alive``.

The common workaround for 7.3.2's broken wss on Python 3.10+ replaces ``Websocket.connect`` with
the caller's own coroutine, which opens the socket itself with the asyncio ``websockets.connect``
and hands it to these two coroutines. The two forms below are copied in spirit from bots that
carry them (the first is 7.3.2's own ``connect`` with a working TLS context).
"""

from __future__ import annotations

import asyncio
import json
import logging
import ssl
import threading
from typing import Any, Callable, Dict, List

import pytest
import trustme
import websockets

from mattermostdriver import Driver
from mattermostdriver.websocket import Websocket

from ...support.ws_server import TOKEN, FakeMattermost
from .helpers import wait_until

pytestmark = pytest.mark.timeout(60)

log = logging.getLogger("a.bot")


async def connect_732(self: Any, event_handler: Any) -> None:
    """7.3.2's ``connect`` with the usual fix: a client (SERVER_AUTH) TLS context."""
    context = ssl.create_default_context(purpose=ssl.Purpose.SERVER_AUTH)
    if isinstance(self.options["verify"], str):
        context.load_verify_locations(cafile=self.options["verify"])
    elif not self.options["verify"]:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE

    scheme = "wss://"
    if self.options["scheme"] != "https":
        scheme = "ws://"
        context = None

    url = "{scheme:s}{url:s}:{port:s}{basepath:s}/websocket".format(
        scheme=scheme,
        url=self.options["url"],
        port=str(self.options["port"]),
        basepath=self.options["basepath"],
    )

    self._alive = True

    while True:
        try:
            kw_args = {}
            if self.options["websocket_kw_args"] is not None:
                kw_args = self.options["websocket_kw_args"]
            websocket = await websockets.connect(
                url,
                ssl=context,
                **kw_args,
            )
            await self._authenticate_websocket(websocket, event_handler)
            while self._alive:
                try:
                    await self._start_loop(websocket, event_handler)
                except websockets.ConnectionClosedError:
                    break
            if (not self.options["keepalive"]) or (not self._alive):
                break
        except Exception as e:
            log.warning(f"Failed to establish websocket connection: {e}")
            await asyncio.sleep(self.options["keepalive_delay"])


async def connect_async_with(self: Any, event_handler: Any) -> None:
    """The other common form: ``async with websockets.connect(...)``, looping while ``_alive``."""
    context = ssl.create_default_context(purpose=ssl.Purpose.SERVER_AUTH, cafile=self.options["verify"])
    url = f"wss://{self.options['url']}:{self.options['port']}{self.options['basepath']}/websocket"
    self._alive = True
    while self._alive:
        try:
            async with websockets.connect(url, ssl=context) as websocket:
                await self._authenticate_websocket(websocket, event_handler)
                await self._start_loop(websocket, event_handler)
        except Exception as e:
            log.warning("websocket dropped (%s: %s), reconnecting", type(e).__name__, e)
            await asyncio.sleep(self.options["keepalive_delay"])


@pytest.fixture
def cafile(ca: trustme.CA, tmp_path: Any) -> str:
    path = str(tmp_path / "ca.pem")
    ca.cert_pem.write_to_path(path)
    return path


def tls_driver(server: FakeMattermost, cafile: str, **options: Any) -> Driver:
    return Driver(
        {
            "url": f"https://127.0.0.1:{server.port}",
            "token": TOKEN,
            "verify": cafile,
            "keepalive": True,
            "keepalive_delay": 0.05,
            **options,
        }
    )


def in_thread(target: Callable[[], Any]) -> None:
    threading.Thread(target=target, daemon=True).start()


def test_patched_connect_over_tls_through_init_websocket_gets_events(
    tls_server: FakeMattermost, cafile: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Websocket, "connect", connect_732)
    d = tls_driver(tls_server, cafile, timeout=0.2)
    got: List[Dict[str, Any]] = []
    hellos = threading.Event()

    async def handler(message: str) -> None:  # 7.3.2 handlers are async def
        event = json.loads(message)
        got.append(event)
        if event.get("event") == "hello":
            hellos.set()
        if [e["data"].get("n") for e in got if e.get("event") == "posted"] == [1, 2, 3]:
            d.disconnect()  # from inside the handler, as bots do on a "stop" command

    def drive() -> None:
        assert hellos.wait(10)
        tls_server.emit("posted", {"n": 1})
        tls_server.drop()  # ConnectionClosedError: the bot's loop reconnects, authenticates again
        assert wait_until(lambda: len(tls_server.upgrades) == 2 and tls_server.active_ids)
        tls_server.emit("posted", {"n": 2})
        tls_server.emit("posted", {"n": 3})

    in_thread(drive)
    loop = d.init_websocket(handler)
    assert not loop.is_closed()
    loop.close()
    assert [e["data"]["n"] for e in got if e.get("event") == "posted"] == [1, 2, 3]
    assert [e.get("event") for e in got if "seq_reply" not in e].count("hello") == 2
    assert [e for e in got if "seq_reply" in e] == [{"status": "OK", "seq_reply": 1}] * 2
    challenge = {"seq": 1, "action": "authentication_challenge", "data": {"token": TOKEN}}
    assert tls_server.challenges == [challenge] * 2 and tls_server.upgrades == [{}, {}]
    assert d.websocket is not None and d.websocket._alive is False


def test_alive_false_ends_the_loop_and_pongs_keep_it_alive(
    tls_server: FakeMattermost, cafile: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(Websocket, "connect", connect_async_with)
    d = tls_driver(tls_server, cafile, timeout=0.1)
    texts: List[str] = []

    def plain_handler(message: str) -> None:  # a plain function works too
        texts.append(message)

    def stop_after_heartbeats() -> None:
        assert wait_until(lambda: sum("heartbeat" in r.getMessage() for r in caplog.records) >= 3)
        assert d.websocket is not None
        d.websocket._alive = False  # what 7.3.2's disconnect() did; callers also write it

    in_thread(stop_after_heartbeats)
    with caplog.at_level(logging.DEBUG, logger="mattermostdriver.websocket"):
        d.init_websocket(plain_handler).close()
    assert json.loads(texts[0])["event"] == "hello"
    assert not any("websocket dropped" in r.getMessage() for r in caplog.records)
    assert wait_until(lambda: not tls_server.active_ids)  # the socket was closed on the way out


def test_authenticate_with_a_wrong_token_raises_connection_closed(server: FakeMattermost) -> None:
    ws = Websocket({"url": f"http://127.0.0.1:{server.port}"}, "wrong-token")
    got: List[str] = []

    async def main() -> None:
        async with websockets.connect(f"ws://127.0.0.1:{server.port}/api/v4/websocket") as websocket:
            with pytest.raises(websockets.ConnectionClosed):
                await ws._authenticate_websocket(websocket, got.append)

    asyncio.run(main())
    assert got == []
