"""AsyncDriver on its real transports (aiohttp, and threads without it): pooling, deadlines, cancellation."""

from __future__ import annotations

import asyncio
import gc
import json
import socket
import subprocess
import sys
import threading
import time
from typing import Any, Dict, Iterator, List

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from mattermostdriver import AsyncDriver, ServerError, TransportError
from mattermostdriver.transports.aio import AiohttpTransport
from mattermostdriver.transports.threads import ThreadTransport

from .servers import USER, RawServer, check_response, json_answer, read_request
from .websocket.helpers import wait_until


@pytest.fixture(params=["aiohttp", "threads"])
def transport(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both async transports: aiohttp, and the threads used when aiohttp is not installed."""
    if request.param == "threads":
        monkeypatch.setitem(sys.modules, "aiohttp", None)  # import aiohttp now fails
    return str(request.param)


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def test_the_transport_follows_what_is_installed(transport: str) -> None:
    async def main() -> Any:
        async with AsyncDriver({"url": "http://127.0.0.1:9"}) as d:
            return d.client.transport

    made = run(main())
    assert isinstance(made, AiohttpTransport if transport == "aiohttp" else ThreadTransport)


def test_import_loads_no_async_machinery() -> None:
    code = (
        "import sys, mattermostdriver; mattermostdriver.Driver();"
        "print(sorted(m for m in ('asyncio', 'aiohttp') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_requests_reuse_connections_and_close_with_the_driver(
    keepalive_server: RawServer, transport: str
) -> None:
    async def main() -> None:
        options = {"url": f"http://127.0.0.1:{keepalive_server.port}", "token": "t", "pool_maxsize": 30}
        async with AsyncDriver(options) as d:  # all 30 kept open while idle
            assert await d.login() == USER
            results = await asyncio.gather(*(d.users.get_user("me") for _ in range(30)))
            assert results == [USER] * 30
            opened = keepalive_server.accepted
            for _ in range(30):
                assert await d.users.get_user("me") == USER
            assert keepalive_server.accepted == opened  # the pooled connections serve them all
            assert not keepalive_server.closed_by_peer.is_set()

    run(main())
    assert keepalive_server.closed_by_peer.wait(5)


def test_one_driver_across_event_loops(keepalive_server: RawServer, transport: str) -> None:
    # asyncio.run twice with one AsyncDriver, then closed from a third loop: each loop's
    # connections are closed as that loop ends (aiohttp's session serves one loop), nothing is
    # left open, and closing raises nothing (it raised "Event loop is closed" from the third)
    d = AsyncDriver({"url": f"http://127.0.0.1:{keepalive_server.port}", "token": "t"})

    async def call() -> Any:
        return await d.users.get_user("me")

    for loops in (1, 2):
        assert run(call()) == USER
        assert keepalive_server.accepted == (loops if transport == "aiohttp" else 1)
        if transport == "aiohttp":  # the loop's session went with it
            assert wait_until(lambda n=loops: keepalive_server.hung_up == n)
    run(d.close())
    assert wait_until(lambda: keepalive_server.hung_up == keepalive_server.accepted)
    gc.collect()  # an unclosed session or socket would warn here (an error in this suite)


def test_iterators_are_async_for(httpserver: HTTPServer, transport: str) -> None:
    pages = {0: [{"id": "a"}, {"id": "b"}], 1: [{"id": "c"}]}

    def users(request: Request) -> Response:
        page = int(request.args["page"])
        return Response(json.dumps(pages.get(page, [])), content_type="application/json")

    httpserver.expect_request("/api/v4/users").respond_with_handler(users)

    async def main() -> List[str]:
        async with AsyncDriver({"url": httpserver.url_for("/"), "token": "t"}) as d:
            return [u["id"] async for u in d.users.iter_users(per_page=2)]

    assert run(main()) == ["a", "b", "c"]


def test_trickling_server_hits_the_attempt_deadline(transport: str) -> None:
    stop = threading.Event()

    def serve(conn: socket.socket) -> None:
        read_request(conn)
        for byte in json_answer({"id": "x" * 200}):
            if stop.is_set():
                return
            conn.sendall(bytes([byte]))
            time.sleep(0.2)

    server = RawServer(serve)

    async def main() -> None:
        options = {"url": f"http://127.0.0.1:{server.port}", "request_timeout": (1, 1, 2), "retries": 0}
        async with AsyncDriver(options) as d:
            with pytest.raises(TransportError, match="timed out"):
                await d.users.get_user("me")

    try:
        started = time.monotonic()
        run(main())
        assert time.monotonic() - started < 5
    finally:
        stop.set()
        server.close()


def test_huge_error_body_is_read_only_in_part(transport: str) -> None:
    def serve(conn: socket.socket) -> None:
        read_request(conn)
        size = 50 * 1024 * 1024
        conn.sendall(f"HTTP/1.1 502 Bad Gateway\r\nContent-Length: {size}\r\n\r\n".encode())
        block = b"bad \x1b[2J gateway\n" * 4096
        for _ in range(size // len(block)):
            conn.sendall(block)

    server = RawServer(serve)

    async def main() -> None:
        async with AsyncDriver({"url": f"http://127.0.0.1:{server.port}", "retries": 0}) as d:
            with pytest.raises(ServerError) as info:
                await d.users.get_user("me")
            assert len(info.value.response.content) <= 64 * 1024
            assert "\x1b" not in str(info.value) and len(str(info.value)) < 400

    try:
        run(main())
    finally:
        server.close()


def test_token_is_not_sent_to_another_host(httpserver: HTTPServer, transport: str) -> None:
    other = HTTPServer(host="127.0.0.1", port=0)
    other.start()
    try:
        other.expect_request("/hooks/abc", method="POST").respond_with_data("ok")
        httpserver.expect_request("/api/v4/users/me").respond_with_json(USER)

        async def main() -> None:
            async with AsyncDriver({"url": httpserver.url_for("/"), "token": "tok-SECRET"}) as d:
                await d.login()
                await d.webhooks.call_webhook(other.url_for("/hooks/abc"), {"text": "hi"})

        run(main())
        assert "Authorization" not in other.log[0][0].headers
        assert httpserver.log[0][0].headers["Authorization"] == "Bearer tok-SECRET"
    finally:
        other.clear()
        other.stop()


def test_cookies_are_never_sent_back(transport: str) -> None:
    seen: List[bytes] = []

    def serve(conn: socket.socket) -> None:
        while True:
            head = read_request(conn)
            if not head:
                return
            seen.append(head)
            conn.sendall(json_answer(USER, extra="Set-Cookie: MMAUTHTOKEN=cookie-token; Path=/\r\n"))

    server = RawServer(serve)

    async def main() -> None:
        async with AsyncDriver({"url": f"http://127.0.0.1:{server.port}", "token": "t"}) as d:
            await d.users.get_user("me")
            await d.users.get_user("me")

    try:
        run(main())
    finally:
        server.close()
    assert len(seen) == 2 and b"cookie-token" not in seen[1]


def test_the_response_has_what_requests_gives(cookie_server: RawServer, transport: str) -> None:
    """make_request's Response: the server's cookies, the encoding, the time taken; each can be set."""

    async def main() -> Any:
        async with AsyncDriver({"url": f"http://127.0.0.1:{cookie_server.port}", "token": "t"}) as d:
            return await d.client.make_request("get", "/users/me")

    check_response(run(main()))


# -- cancellation ---------------------------------------------------------------------------------
@pytest.fixture
def silent_server() -> Iterator[RawServer]:
    """Reads each request and never answers (until closed)."""
    release = threading.Event()

    def serve(conn: socket.socket) -> None:
        read_request(conn)
        release.wait(30)

    server = RawServer(serve)
    server.release = release  # type: ignore[attr-defined]
    yield server
    release.set()
    server.close()


def test_a_cancelled_call_returns_at_once(silent_server: RawServer, transport: str) -> None:
    async def main() -> float:
        options = {"url": f"http://127.0.0.1:{silent_server.port}", "request_timeout": (2, 2), "retries": 0}
        async with AsyncDriver(options) as d:
            task = asyncio.ensure_future(d.users.get_user("me"))
            while silent_server.accepted == 0:
                await asyncio.sleep(0.01)
            await asyncio.sleep(0.1)
            started = time.monotonic()
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            return time.monotonic() - started

    assert run(main()) < 0.5


def test_no_thread_works_past_its_timeout(silent_server: RawServer) -> None:
    """With threads, a cancelled call's thread ends within the attempt's deadline (2 s here)."""

    async def main() -> bool:
        options = {"url": f"http://127.0.0.1:{silent_server.port}", "request_timeout": (1, 1), "retries": 0}
        d = AsyncDriver(options, transport=ThreadTransport())
        task = asyncio.ensure_future(d.users.get_user("me"))
        while silent_server.accepted == 0:
            await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        return any(_working(t) for t in threading.enumerate())

    loop = asyncio.new_event_loop()
    try:
        started = time.monotonic()
        assert loop.run_until_complete(main())  # cancelled, its thread is still sending
        while any(_working(t) for t in threading.enumerate()):
            assert time.monotonic() - started < 3.5, "a thread went on past the attempt's deadline"
            time.sleep(0.05)
    finally:
        loop.close()


def _working(thread: threading.Thread) -> bool:
    frame = sys._current_frames().get(thread.ident or 0)
    while frame is not None:
        if frame.f_code.co_name == "send" and "transport" in frame.f_code.co_filename:
            return True
        frame = frame.f_back
    return False


def test_a_cancelled_post_is_not_made_twice(transport: str) -> None:
    """create_post cancelled after it was sent, then called again: the same pending_post_id goes out."""
    bodies: List[Dict[str, Any]] = []
    first_in = threading.Event()

    def serve(conn: socket.socket) -> None:
        while True:
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(65536)
                if not chunk:
                    return
                data += chunk
            head, _, body = data.partition(b"\r\n\r\n")
            lines = head.split(b"\r\n")
            length = int(next(x.split(b":")[1] for x in lines if x.lower().startswith(b"content-length")))
            while len(body) < length:
                body += conn.recv(65536)
            bodies.append(json.loads(body))
            if len(bodies) == 1:
                first_in.set()
                time.sleep(1)  # the first answer comes too late: the caller has cancelled
                return
            conn.sendall(json_answer({"id": "p1"}, status="201 Created"))

    server = RawServer(serve)

    async def main() -> Any:
        async with AsyncDriver({"url": f"http://127.0.0.1:{server.port}", "token": "t"}) as d:
            post = {"channel_id": "c", "message": "deploy done"}
            task = asyncio.ensure_future(d.posts.create_post(post))
            while not first_in.is_set():
                await asyncio.sleep(0.01)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            return await d.posts.create_post(post)

    try:
        assert run(main()) == {"id": "p1"}
    finally:
        server.close()
    assert len(bodies) == 2 and bodies[0]["pending_post_id"] == bodies[1]["pending_post_id"]


def test_async_upload_and_download_byte_for_byte(
    httpserver: HTTPServer, tmp_path: Any, transport: str
) -> None:
    payload = bytes(range(256)) * 4096 + b"tail"
    got: Dict[str, bytes] = {}

    def upload(request: Request) -> Response:
        got["body"] = request.get_data()
        return Response(
            json.dumps({"file_infos": [{"id": "f1"}]}), status=201, content_type="application/json"
        )

    httpserver.expect_request("/api/v4/files", method="POST").respond_with_handler(upload)
    httpserver.expect_request("/api/v4/files/f1").respond_with_data(
        payload, content_type="application/octet-stream"
    )
    source = tmp_path / "in.bin"
    source.write_bytes(payload)
    progress: List[int] = []

    async def main() -> int:
        async with AsyncDriver({"url": httpserver.url_for("/"), "token": "t"}) as d:
            with source.open("rb") as fp:
                info = await d.files.upload_file(
                    "chan", {"files": ("in.bin", fp)}, progress=lambda n, t: progress.append(n)
                )
            assert info["file_infos"][0]["id"] == "f1"
            return int(await d.files.download_file("f1", tmp_path / "out.bin"))

    assert run(main()) == len(payload)
    assert (tmp_path / "out.bin").read_bytes() == payload
    assert payload in got["body"] and progress and progress[-1] == len(got["body"])
