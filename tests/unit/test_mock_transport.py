"""MockTransport and the transport= argument: a bot's unit tests answer the driver's requests themselves."""

from __future__ import annotations

import asyncio
import io
import json
from pathlib import Path
from typing import Any, Dict, List

import pytest
import requests

from mattermostdriver import AsyncDriver, Driver, ResourceNotFound, TransportError, testing
from mattermostdriver.aio_client import AsyncClient
from mattermostdriver.client import Client
from mattermostdriver.retry import Retry
from mattermostdriver.transports import MockResponse, MockTransport

OPTIONS = {"url": "https://chat.example.com", "token": "s3cret"}


def make(kind: str, handler: Any, **kwargs: Any) -> Any:
    """The Driver, or an AsyncDriver whose calls are run to the end (``kind``: "sync" or "async")."""
    if kind == "sync":
        return Driver(OPTIONS, transport=MockTransport(handler), **kwargs)
    return _Blocking(AsyncDriver(OPTIONS, transport=MockTransport(handler), **kwargs))


class _Blocking:
    def __init__(self, target: Any) -> None:
        self._target = target

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._target, name)
        if callable(value):
            return lambda *a, **k: asyncio.run(value(*a, **k))
        return _Blocking(value)


@pytest.fixture(params=["sync", "async"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_the_handler_sees_each_request_and_answers_it(kind: str) -> None:
    seen: List[requests.PreparedRequest] = []

    def handler(request: requests.PreparedRequest) -> requests.Response:
        seen.append(request)
        if request.method == "GET":
            return MockResponse(200, json={"id": "u1", "username": "bot"})
        return MockResponse(201, json={"id": "p1", **json.loads(request.body or b"{}")})

    d = make(kind, handler)
    assert d.users.get_user("me") == {"id": "u1", "username": "bot"}
    post = d.posts.create_post({"channel_id": "c1", "message": "hi"})
    assert post["id"] == "p1" and post["message"] == "hi" and post["pending_post_id"]
    assert [(r.method, r.url) for r in seen] == [
        ("GET", "https://chat.example.com:443/api/v4/users/me"),
        ("POST", "https://chat.example.com:443/api/v4/posts"),
    ]
    assert seen[0].headers["Authorization"] == "Bearer s3cret"


def test_an_error_answer_is_the_servers_exception(kind: str) -> None:
    error = {"id": "app.user.missing_account.const", "message": "No such user.", "status_code": 404}
    d = make(kind, lambda request: MockResponse(404, json=error))
    with pytest.raises(ResourceNotFound) as info:
        d.users.get_user("nobody")
    assert info.value.error_id == "app.user.missing_account.const"


def test_a_failure_raised_by_the_handler_is_retried_by_the_policy(kind: str) -> None:
    calls: List[str] = []
    waits: List[float] = []

    def handler(request: requests.PreparedRequest) -> requests.Response:
        calls.append(request.url or "")
        raise requests.exceptions.ConnectionError("the connection dropped")

    d = make(kind, handler, retry=Retry(total=2, sleep=waits.append))
    with pytest.raises(TransportError):
        d.users.get_user("me")
    assert len(calls) == 3 and len(waits) == 2  # the waits noted, not slept


def test_an_async_handler_serves_the_async_driver_only() -> None:
    async def handler(request: requests.PreparedRequest) -> requests.Response:
        await asyncio.sleep(0)
        return MockResponse(200, json={"id": "u1"})

    async def main() -> Dict[str, Any]:
        async with AsyncDriver(OPTIONS, transport=MockTransport(handler)) as d:
            return await d.users.get_user("me")

    assert asyncio.run(main()) == {"id": "u1"}
    with pytest.raises(TypeError, match="async handler"):
        Driver(OPTIONS, transport=MockTransport(handler)).users.get_user("me")


def test_uploads_reach_the_handler_as_bytes_and_downloads_stream_from_it(kind: str, tmp_path: Path) -> None:
    content = bytes(range(256)) * 4000  # about 1 MB: streamed in blocks
    bodies: List[bytes] = []

    def handler(request: requests.PreparedRequest) -> requests.Response:
        if request.method == "POST":
            assert isinstance(request.body, bytes)
            bodies.append(request.body)
            return MockResponse(201, json={"file_infos": [{"id": "f1"}]})
        return MockResponse(200, content=content, headers={"Content-Type": "application/octet-stream"})

    d = make(kind, handler)
    d.files.upload_file("c1", {"files": ("a.bin", io.BytesIO(b"the file's bytes"))})
    assert b"the file's bytes" in bodies[0]
    assert d.files.download_file("f1", tmp_path / "f1.bin", chunk_size=64 * 1024) == len(content)
    assert (tmp_path / "f1.bin").read_bytes() == content


def test_a_handler_must_answer_a_response() -> None:
    d = Driver(OPTIONS, transport=MockTransport(lambda request: {"id": "u1"}))
    with pytest.raises(TypeError, match=r"requests\.Response"):
        d.users.get_user("me")


def test_a_transport_of_the_wrong_kind_is_refused_at_once() -> None:
    class SyncOnly:
        def send(self, request: Any) -> requests.Response:
            return MockResponse(200)

    class AsyncOnly:
        async def asend(self, request: Any) -> requests.Response:
            return MockResponse(200)

    with pytest.raises(TypeError, match="async transport"):
        AsyncDriver(OPTIONS, transport=SyncOnly())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="sync transport"):
        Driver(OPTIONS, transport=AsyncOnly())  # type: ignore[arg-type]
    assert isinstance(Client(OPTIONS, transport=SyncOnly()).transport, SyncOnly)  # type: ignore[arg-type]
    assert isinstance(AsyncClient(OPTIONS, transport=AsyncOnly()).transport, AsyncOnly)  # type: ignore[arg-type]


def test_closing_the_driver_closes_the_transport_given() -> None:
    closed: List[str] = []

    class Closing(MockTransport):
        def close(self) -> None:
            closed.append("sync")

        async def aclose(self) -> None:
            closed.append("async")

    with Driver(OPTIONS, transport=Closing(lambda r: MockResponse(200, json={}))) as d:
        d.users.get_user("me")

    async def main() -> None:
        async with AsyncDriver(OPTIONS, transport=Closing(lambda r: MockResponse(200, json={}))):
            pass

    asyncio.run(main())
    assert closed == ["sync", "async"]


def test_the_mock_is_also_in_mattermostdriver_testing() -> None:
    assert testing.MockTransport is MockTransport and testing.MockResponse is MockResponse
