"""Posts against the real server, including a real retry of create_post."""

from __future__ import annotations

import http.server
import threading
import time
from typing import Any, Dict, Iterator
from urllib.parse import urlsplit

import pytest
import requests

from mattermostdriver import Driver, ResourceNotFound

from .conftest import wait_for


def test_post_lifecycle(admin: Driver, channel: Dict[str, Any]) -> None:
    post = admin.posts.create_post({"channel_id": channel["id"], "message": "first #functional"})
    assert post["message"] == "first #functional" and post["pending_post_id"]
    reply = admin.posts.create_post(
        {"channel_id": channel["id"], "message": "a reply", "root_id": post["id"]}
    )
    assert reply["root_id"] == post["id"]
    thread = admin.posts.get_thread(post["id"])
    assert set(thread["order"]) == {post["id"], reply["id"]}
    listing = admin.posts.get_posts_for_channel(channel["id"], params={"per_page": 10})
    assert listing["order"][0] == reply["id"] and post["id"] in listing["posts"]
    patched = admin.posts.patch_post(post["id"], {"message": "edited #functional"})
    assert patched["message"] == "edited #functional" and patched["edit_at"] > 0
    full = admin.posts.get_post(post["id"])
    full["message"] = "updated #functional"
    assert admin.posts.update_post(post["id"], full)["message"] == "updated #functional"
    admin.posts.pin_post_to_channel(post["id"])
    pinned = admin.channels.get_channel_pinned_posts(channel["id"])
    assert post["id"] in pinned["posts"]
    admin.posts.unpin_post_to_channel(post["id"])
    found = wait_for(
        lambda: admin.posts.search_for_team_posts(
            channel["team_id"], {"terms": "updated", "is_or_search": False}
        )["order"]
    )
    assert post["id"] in found
    admin.posts.delete_post(reply["id"])
    with pytest.raises(ResourceNotFound):
        admin.posts.get_post(reply["id"])


class _DroppingProxy(http.server.ThreadingHTTPServer):
    """Forwards requests to the server, but drops the connection instead of answering the first POST."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream
        self.dropped = 0
        self.forwarded_posts = 0
        super().__init__(("127.0.0.1", 0), _ProxyHandler)


class _ProxyHandler(http.server.BaseHTTPRequestHandler):
    server: _DroppingProxy

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _forward(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")}
        answer = requests.request(
            self.command, self.server.upstream + self.path, data=body, headers=headers, timeout=30
        )
        if self.command == "POST":
            self.server.forwarded_posts += 1
            if self.server.dropped == 0:
                # the server saved the post; the client never hears of it
                self.server.dropped += 1
                self.close_connection = True
                self.connection.close()
                return
        self.send_response(answer.status_code)
        for key in ("Content-Type", "X-Request-ID"):
            if key in answer.headers:
                self.send_header(key, answer.headers[key])
        self.send_header("Content-Length", str(len(answer.content)))
        self.end_headers()
        self.wfile.write(answer.content)

    do_GET = do_POST = do_PUT = _forward  # noqa: N815


@pytest.fixture
def proxy(server: Dict[str, str]) -> Iterator[_DroppingProxy]:
    p = _DroppingProxy(server["MM_URL"])
    thread = threading.Thread(target=p.serve_forever, daemon=True)
    thread.start()
    yield p
    p.shutdown()
    p.server_close()


def test_retried_create_post_yields_one_post(
    server: Dict[str, str], admin: Driver, channel: Dict[str, Any], proxy: _DroppingProxy
) -> None:
    host, port = proxy.server_address[:2]
    d = Driver({"url": f"http://{host}:{port}", "token": server["MM_TOKEN"], "backoff_factor": 0.2})
    d.login()
    post = d.posts.create_post({"channel_id": channel["id"], "message": "exactly once"})
    assert proxy.dropped == 1 and proxy.forwarded_posts == 2  # the request really reached the server twice
    listing = admin.posts.get_posts_for_channel(channel["id"])
    matching = [p for p in listing["posts"].values() if p["message"] == "exactly once"]
    assert [p["id"] for p in matching] == [post["id"]]


def test_same_pending_post_id_twice_is_one_post(admin: Driver, channel: Dict[str, Any]) -> None:
    pending = f"{admin.client.userid}:{time.time_ns()}"  # the server remembers ids for 30 s
    body = {"channel_id": channel["id"], "message": "dedup", "pending_post_id": pending}
    first = admin.posts.create_post(body)
    second = admin.posts.create_post(body)
    assert first["id"] == second["id"]
    listing = admin.posts.get_posts_for_channel(channel["id"])
    assert [p["message"] for p in listing["posts"].values()].count("dedup") == 1


def test_url_and_token_from_the_server_urlsplit(server: Dict[str, str]) -> None:
    parts = urlsplit(server["MM_URL"])
    d = Driver(
        {"url": parts.hostname, "scheme": parts.scheme, "port": parts.port, "token": server["MM_TOKEN"]}
    )
    assert d.system.check_system_health()["status"] == "OK"
