"""The real transport against real local servers: pooling, closing, deadlines, proxies, TLS, credentials."""

from __future__ import annotations

import os
import socket
import ssl
import threading
import time
from typing import Any, Iterator, List, Optional, Tuple

import pytest
import requests
import trustme
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from mattermostdriver import Driver, ServerError, TransportError

from .servers import USER, RawServer, check_response, json_answer, read_request


def test_connections_are_reused(keepalive_server: RawServer) -> None:
    d = Driver({"url": f"http://127.0.0.1:{keepalive_server.port}", "token": "t"})
    for _ in range(20):
        assert d.users.get_user("me") == USER
    assert keepalive_server.accepted == 1


def test_with_block_closes_connections(keepalive_server: RawServer) -> None:
    with Driver({"url": f"http://127.0.0.1:{keepalive_server.port}", "token": "t"}) as d:
        assert d.users.get_user("me") == USER
        assert not keepalive_server.closed_by_peer.is_set()
    # the server sees the connection closed: the pool really let go of it
    assert keepalive_server.closed_by_peer.wait(5)
    # and the driver still works afterwards, on a new connection
    assert d.users.get_user("me") == USER
    assert keepalive_server.accepted == 2


def test_threads_share_the_pool(keepalive_server: RawServer) -> None:
    d = Driver({"url": f"http://127.0.0.1:{keepalive_server.port}", "token": "t", "pool_maxsize": 4})
    errors: List[BaseException] = []

    def work() -> None:
        try:
            for _ in range(25):
                assert d.users.get_user("me") == USER
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and keepalive_server.accepted <= 4


def test_the_response_has_what_requests_gives(cookie_server: RawServer) -> None:
    with Driver({"url": f"http://127.0.0.1:{cookie_server.port}", "token": "t"}) as d:
        check_response(d.client.make_request("get", "/users/me"))


@pytest.mark.parametrize("where", ["headers", "body"])
def test_trickling_server_hits_the_attempt_deadline(where: str) -> None:
    """A server that sends a byte every 0.2 s never trips a 1 s read timeout: the total deadline ends it."""
    stop = threading.Event()

    def serve(conn: socket.socket) -> None:
        read_request(conn)
        answer = json_answer({"id": "x" * 200})
        head, _, body = answer.partition(b"\r\n\r\n")
        if where == "body":
            conn.sendall(head + b"\r\n\r\n")
            answer = body
        for byte in answer:
            if stop.is_set():
                return
            conn.sendall(bytes([byte]))
            time.sleep(0.2)

    server = RawServer(serve)
    try:
        d = Driver({"url": f"http://127.0.0.1:{server.port}", "request_timeout": (1, 1, 2), "retries": 0})
        started = time.monotonic()
        with pytest.raises(TransportError, match="timed out"):
            d.users.get_user("me")
        assert time.monotonic() - started < 4
    finally:
        stop.set()
        server.close()


def test_trickling_download_hits_the_deadline(tmp_path: Any) -> None:
    stop = threading.Event()

    def serve(conn: socket.socket) -> None:
        read_request(conn)
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 100000\r\n\r\n"
        )
        while not stop.is_set():
            conn.sendall(b"x")
            time.sleep(0.1)

    server = RawServer(serve)
    try:
        d = Driver({"url": f"http://127.0.0.1:{server.port}", "request_timeout": (1, 1, 2), "retries": 0})
        started = time.monotonic()
        with pytest.raises(TransportError, match="broke off"):
            d.files.download_file("f1", tmp_path / "out")
        assert time.monotonic() - started < 5
        assert not list(tmp_path.iterdir())  # nothing left behind
    finally:
        stop.set()
        server.close()


def test_huge_error_body_is_read_only_in_part() -> None:
    sent = threading.Event()

    def serve(conn: socket.socket) -> None:
        read_request(conn)
        size = 50 * 1024 * 1024
        conn.sendall(
            f"HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/plain\r\nContent-Length: {size}\r\n\r\n".encode()
        )
        block = b"bad gateway \x1b[2J\n" * 4096
        try:
            for _ in range(size // len(block)):
                conn.sendall(block)
        except OSError:
            sent.set()  # the client hung up instead of reading 50 MB

    server = RawServer(serve)
    try:
        d = Driver({"url": f"http://127.0.0.1:{server.port}", "retries": 0})
        with pytest.raises(ServerError) as info:
            d.users.get_user("me")
        assert len(info.value.response.content) <= 64 * 1024
        line = str(info.value)
        assert len(line) < 400 and "\x1b" not in line and "\n" not in line
        assert sent.wait(5)
    finally:
        server.close()


# -- credentials go to the server only -----------------------------------------------------------
def test_token_and_auth_are_not_sent_to_another_host(httpserver: HTTPServer) -> None:
    other = HTTPServer(host="127.0.0.1", port=0)
    other.start()
    try:
        seen: List[Request] = []

        def record(request: Request) -> Response:
            seen.append(request)
            return Response("ok", content_type="text/plain")

        other.expect_request("/hooks/abc", method="POST").respond_with_handler(record)
        other.expect_request("/x", method="GET").respond_with_handler(record)
        httpserver.expect_request("/api/v4/users/me").respond_with_handler(record)

        class Stamp(requests.auth.AuthBase):
            def __call__(self, r: requests.PreparedRequest) -> requests.PreparedRequest:
                r.headers["X-Stamp"] = "secret-stamp"
                return r

        d = Driver({"url": httpserver.url_for("/"), "token": "tok-SECRET", "auth": Stamp})
        d.client.token = "tok-SECRET"
        d.webhooks.call_webhook(other.url_for("/hooks/abc"), {"text": "hi"})
        d.client.make_request("get", other.url_for("/x"))
        d.client.make_request("get", "/users/me")
        to_other, to_server = seen[:2], seen[2]
        for request in to_other:
            assert "Authorization" not in request.headers and "X-Stamp" not in request.headers
        assert to_server.headers["Authorization"] == "Bearer tok-SECRET"
        assert to_server.headers["X-Stamp"] == "secret-stamp"
    finally:
        other.clear()
        other.stop()


def test_same_origin_spelled_differently_still_gets_the_token(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/hooks/abc", method="POST").respond_with_data("ok")
    d = Driver({"url": f"http://127.0.0.1:{httpserver.port}", "token": "tok"})
    d.client.token = "tok"
    d.webhooks.call_webhook(f"HTTP://127.0.0.1:{httpserver.port}/hooks/abc", {"text": "hi"})
    assert httpserver.log[0][0].headers["Authorization"] == "Bearer tok"


# -- the environment, as requests honours it --------------------------------------------------------
@pytest.fixture
def tls_server() -> Iterator[Tuple[HTTPServer, trustme.CA]]:
    ca = trustme.CA()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    server = HTTPServer(host="127.0.0.1", port=0, ssl_context=context)
    server.start()
    server.expect_request("/api/v4/users/me").respond_with_json(USER)
    yield server, ca
    server.clear()
    server.stop()


@pytest.mark.filterwarnings("ignore::urllib3.exceptions.InsecureRequestWarning")  # verify=False, on purpose
def test_ca_bundle_from_the_environment(
    tls_server: Tuple[HTTPServer, trustme.CA], tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    server, ca = tls_server
    bundle = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    url = f"https://127.0.0.1:{server.port}"
    monkeypatch.delenv("CURL_CA_BUNDLE", raising=False)
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(bundle))
    assert Driver({"url": url, "retries": 0}).users.get_user("me") == USER
    assert requests.get(url + "/api/v4/users/me", timeout=5).json() == USER  # requests agrees
    monkeypatch.delenv("REQUESTS_CA_BUNDLE")
    monkeypatch.setenv("CURL_CA_BUNDLE", str(bundle))
    assert Driver({"url": url, "retries": 0}).users.get_user("me") == USER
    monkeypatch.delenv("CURL_CA_BUNDLE")
    with pytest.raises(TransportError, match="TLS"):
        Driver({"url": url, "retries": 0}).users.get_user("me")
    with pytest.raises(requests.exceptions.SSLError):
        requests.get(url + "/api/v4/users/me", timeout=5)
    # an explicit bundle wins over the environment, as in requests
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt")
    assert Driver({"url": url, "verify": str(bundle), "retries": 0}).users.get_user("me") == USER
    assert Driver({"url": url, "verify": False, "retries": 0}).users.get_user("me") == USER


@pytest.fixture
def proxy() -> Iterator[RawServer]:
    """A forward proxy that answers itself, recording the request lines it gets."""
    lines: List[str] = []

    def serve(conn: socket.socket) -> None:
        head = read_request(conn)
        lines.append(head.split(b"\r\n")[0].decode())
        conn.sendall(json_answer({"id": "via-proxy", "username": "p"}, extra="Connection: close\r\n"))

    server = RawServer(serve)
    server.lines = lines  # type: ignore[attr-defined]
    yield server
    server.close()


def test_proxy_from_the_environment_and_no_proxy(
    proxy: RawServer, keepalive_server: RawServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key in (
        "http_proxy",
        "HTTP_PROXY",
        "https_proxy",
        "HTTPS_PROXY",
        "no_proxy",
        "NO_PROXY",
        "all_proxy",
    ):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{proxy.port}")
    target = f"http://localhost:{keepalive_server.port}"
    assert Driver({"url": target}).users.get_user("me")["id"] == "via-proxy"
    assert proxy.lines == [f"GET {target}/api/v4/users/me HTTP/1.1"]  # type: ignore[attr-defined]
    assert (
        requests.get(target + "/api/v4/users/me", timeout=5).json()["id"] == "via-proxy"
    )  # as requests does
    monkeypatch.setenv("NO_PROXY", "localhost")
    assert Driver({"url": target}).users.get_user("me") == USER
    assert requests.get(target + "/api/v4/users/me", timeout=5).json() == USER
    # the proxy option wins over the environment
    assert (
        Driver({"url": target, "proxy": f"http://127.0.0.1:{proxy.port}"}).users.get_user("me")["id"]
        == "via-proxy"
    )


def test_environment_is_read_once_per_driver(
    keepalive_server: RawServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: List[str] = []
    import mattermostdriver.transports.base as transport

    real = transport.get_environ_proxies

    def counting(url: str, no_proxy: Optional[str] = None) -> Any:
        calls.append(url)
        return real(url, no_proxy=no_proxy)

    monkeypatch.setattr(transport, "get_environ_proxies", counting)
    d = Driver({"url": f"http://127.0.0.1:{keepalive_server.port}"})
    for _ in range(10):
        d.users.get_user("me")
    assert len(calls) == 1
    assert os.environ is not None
