"""Requests that get no answer, on every transport: the class raised, the reason kept, what is retried."""

from __future__ import annotations

import asyncio
import errno
import socket
import ssl
import sys
from typing import Any, Dict, Iterator

import pytest
import requests
import trustme
import urllib3

from mattermostdriver import AsyncDriver, Driver, TransportError
from mattermostdriver.exceptions import TransportReadTimeout, TransportTLSError, failure_reason

from .servers import RawServer

KINDS = ["sync", "aiohttp", "threads"]


@pytest.fixture(params=KINDS)
def kind(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The Driver, and the AsyncDriver on aiohttp and on threads (without aiohttp)."""
    if request.param == "threads":
        monkeypatch.setitem(sys.modules, "aiohttp", None)  # import aiohttp now fails
    return str(request.param)


def get_me(kind: str, options: Dict[str, Any]) -> Any:
    """``users.get_user("me")`` on a new driver of ``kind``, closed afterwards."""
    if kind == "sync":
        with Driver(options) as d:
            return d.users.get_user("me")

    async def main() -> Any:
        async with AsyncDriver(options) as d:
            return await d.users.get_user("me")

    return asyncio.run(main())


def test_no_answer_is_still_a_requests_read_timeout(kind: str, silent_server: RawServer) -> None:
    options = {
        "url": f"http://127.0.0.1:{silent_server.port}",
        "request_timeout": (1, 0.3, 0.6),
        "retries": 0,
    }
    with pytest.raises(TransportReadTimeout) as info:
        get_me(kind, options)
    e = info.value
    assert isinstance(e, requests.exceptions.ReadTimeout) and isinstance(e, requests.exceptions.Timeout)
    assert isinstance(e, TransportError) and isinstance(e, requests.ConnectionError)
    assert str(e).startswith("timed out waiting for the answer (0.3 s between reads, 0.6 s in all)")


def test_a_refused_connection_keeps_the_os_reason(kind: str) -> None:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now
    with pytest.raises(TransportError) as info:
        get_me(kind, {"url": f"http://127.0.0.1:{port}", "retries": 0})
    assert str(info.value).startswith("could not connect (wrong url or port, or the server is down): ")
    assert f"[Errno {errno.ECONNREFUSED}]" in str(info.value)


@pytest.fixture
def plain_http_server() -> Iterator[RawServer]:
    """A plain-HTTP server: whatever comes (a TLS hello), it answers 400 and closes."""

    def serve(conn: socket.socket) -> None:
        conn.recv(65536)
        conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")

    server = RawServer(serve)
    yield server
    server.close()


def test_tls_to_a_plain_http_port_says_so_and_is_not_retried(kind: str, plain_http_server: RawServer) -> None:
    with pytest.raises(TransportTLSError) as info:
        get_me(kind, {"url": f"https://127.0.0.1:{plain_http_server.port}", "retries": 3})
    e = info.value
    assert str(e).startswith("the server answered plain HTTP: use http:// (or the server's HTTPS port): ")
    assert "SSL" in str(e) and "_ssl.c" not in str(e)  # OpenSSL's reason, without its source line
    assert isinstance(e, requests.exceptions.SSLError)
    assert plain_http_server.accepted == 1  # a resend cannot cure it


def test_an_untrusted_certificate_keeps_the_tls_reason_and_is_not_retried(kind: str) -> None:
    ca = trustme.CA()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ca.issue_cert("127.0.0.1").configure_cert(context)

    def serve(conn: socket.socket) -> None:
        with context.wrap_socket(conn, server_side=True) as tls:  # the client gives up in the handshake
            tls.recv(1)

    server = RawServer(serve)
    try:
        with pytest.raises(TransportTLSError) as info:
            get_me(kind, {"url": f"https://127.0.0.1:{server.port}", "retries": 3})
    finally:
        server.close()
    assert str(info.value).startswith("TLS failed (certificate not trusted? see the 'verify' option): ")
    assert "CERTIFICATE_VERIFY_FAILED" in str(info.value)
    assert server.accepted == 1


def test_the_reason_is_found_under_the_wrappers_and_shown_safely() -> None:
    """The OS's text is the innermost; what it says of a URL loses credentials, query and hook id."""
    inner = OSError(
        "refused by https://user:pw@proxy.example:3128/hooks/hid42?token=s3cret\r\nline two\x1b[2J"
    )
    wrapped = urllib3.exceptions.ProtocolError("Connection aborted.", inner)
    reason = failure_reason(requests.exceptions.ConnectionError(wrapped))
    assert reason.startswith("OSError: refused by https://proxy.example:3128/hooks/***")
    for secret in ("pw", "s3cret", "hid42", "\n", "\r", "\x1b"):
        assert secret not in reason
