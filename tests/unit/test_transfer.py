"""Streaming transfers: the multipart encoder, resumable uploads and downloads to disk."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import os
import re
import socket
import threading
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

import pytest
import requests
import responses
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from mattermostdriver import AsyncDriver, Driver, ResourceNotFound, TransportError
from mattermostdriver.testing import MockResponse, MockTransport
from mattermostdriver.transfer import MIN_FIRST_CHUNK, StreamBody, file_range, multipart_body

from ..support.listening import stop_accepting
from .conftest import BASE, read_body

MiB = 1024 * 1024


def _requests_body(data: Any, files: Any) -> Tuple[bytes, str]:
    """What requests itself sends for ``data``/``files``, and its boundary."""
    prepared = requests.Request("POST", "http://x/", data=data, files=files).prepare()
    assert isinstance(prepared.body, bytes)
    return prepared.body, prepared.headers["Content-Type"].split("boundary=")[1]


def _shapes(tmp_path: Path, files: contextlib.ExitStack) -> List[Tuple[str, Callable[[], Any]]]:
    """(name, factory of a fresh ``files`` argument) in every shape requests accepts.

    The files it opens are closed with ``files``.
    """
    on_disk = tmp_path / "disk.bin"
    on_disk.write_bytes(os.urandom(300_000))

    def disk() -> Any:
        return files.enter_context(on_disk.open("rb"))

    return [
        ("dict-fileobj", lambda: {"files": disk()}),
        ("dict-tuple-bytes", lambda: {"files": ("a.txt", b"data")}),
        ("dict-tuple-fileobj", lambda: {"files": ("r.bin", io.BytesIO(b"\0\1\2" * 1000))}),
        ("dict-tuple-str", lambda: {"files": ("t.txt", "text é")}),
        ("tuple-content-type", lambda: {"files": ("x.png", b"\x89PNG", "image/png")}),
        ("tuple-headers", lambda: {"files": ("x.png", b"\x89PNG", "image/png", {"X-Extra": "1"})}),
        (
            "list-of-pairs",
            lambda: [
                ("files", ("one.bin", disk())),
                ("files", ('two "quoted".txt', io.BytesIO(b"two"))),
                ("files", ("ünï.txt", b"three")),
            ],
        ),
        ("no-filename", lambda: {"files": (None, b"raw")}),
        ("empty-file", lambda: {"files": ("empty", io.BytesIO())}),
    ]


# -- the encoder -----------------------------------------------------------------------------------
@pytest.mark.parametrize("index", range(9))
def test_body_equals_what_requests_sends(tmp_path: Path, index: int) -> None:
    with contextlib.ExitStack() as files:
        name, make = _shapes(tmp_path, files)[index]
        data = {"channel_id": "chan1", "client_ids": ["a", "b"]}
        expected, boundary = _requests_body(data, make())
        body = multipart_body(data, make(), boundary=boundary)
        assert body.content_type == f"multipart/form-data; boundary={boundary}"
        assert len(body) == len(expected), name
        assert b"".join(body) == expected, name
        assert b"".join(body) == expected, name  # every pass is whole: a retry resends it all


def test_channel_id_comes_first_and_length_is_exact(tmp_path: Path) -> None:
    body = multipart_body({"channel_id": "c1"}, {"files": ("a.txt", b"x" * 10)}, boundary="B")
    raw = b"".join(body)
    assert raw.startswith(b'--B\r\nContent-Disposition: form-data; name="channel_id"\r\n\r\nc1\r\n--B\r\n')
    assert raw.endswith(b"--B--\r\n")
    assert len(body) == len(raw)


def test_file_object_is_sent_from_its_position() -> None:
    fp = io.BytesIO(b"0123456789")
    fp.seek(4)
    expected, boundary = _requests_body(None, {"files": ("f", fp)})
    fp.seek(4)
    body = multipart_body(None, {"files": ("f", fp)}, boundary=boundary)
    assert b"".join(body) == expected and b"456789\r\n" in expected
    assert b"".join(body) == expected  # the second pass starts from the same position


def test_files_are_read_in_blocks_and_each_pass_rewinds_them(tmp_path: Path) -> None:
    path = tmp_path / "f.bin"
    path.write_bytes(os.urandom(70_000))
    with path.open("rb") as fp:
        body = multipart_body({"channel_id": "c"}, [("files", fp), ("files", ("b", b"bee"))], boundary="Z")
        body.block_size = 16_000
        blocks = list(body)
        assert max(len(b) for b in blocks) == 16_000
        # headers between parts are sent in one piece
        assert [len(b) for b in blocks][1:6] == [16_000] * 4 + [70_000 - 4 * 16_000]
        fp.seek(123)  # moved by someone else between two attempts
        assert b"".join(body) == b"".join(blocks)


def test_unseekable_streams_are_read_whole_like_requests() -> None:
    class Pipe:
        def __init__(self, data: bytes) -> None:
            self._data = io.BytesIO(data)
            self.name = "pipe.bin"

        def read(self, size: int = -1) -> bytes:
            return self._data.read(size)

    expected, boundary = _requests_body({"channel_id": "c"}, {"files": Pipe(b"streamed")})
    body = multipart_body({"channel_id": "c"}, {"files": Pipe(b"streamed")}, boundary=boundary)
    assert b"".join(body) == expected


def test_text_files_are_encoded_like_requests(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("héllo", encoding="utf-8")
    with path.open(encoding="utf-8") as fp:
        expected, boundary = _requests_body(None, {"files": fp})
    with path.open(encoding="utf-8") as fp:
        assert b"".join(multipart_body(None, {"files": fp}, boundary=boundary)) == expected
    assert file_range(io.StringIO("x")) is None


def test_data_must_not_be_a_string() -> None:
    with pytest.raises(ValueError, match="string"):
        multipart_body("channel_id=c", {"files": b"x"})


def test_a_file_that_shrinks_while_sent_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "shrinks.bin"
    path.write_bytes(b"x" * 1000)
    with path.open("rb") as fp:
        body = multipart_body(None, {"files": fp})
        path.write_bytes(b"x" * 10)
        with pytest.raises(OSError, match="ended 990 bytes early"):
            b"".join(body)


def test_upload_file_sends_the_stream_with_content_length(httpserver: HTTPServer, tmp_path: Path) -> None:
    """On the wire: Content-Length (not chunked), the bytes requests would send, small reads."""
    seen: Dict[str, Any] = {}

    def handler(request: Request) -> Response:
        seen["body"] = request.get_data()
        seen["headers"] = dict(request.headers)
        return Response(json.dumps({"file_infos": [{"id": "f1"}]}), content_type="application/json")

    httpserver.expect_request("/api/v4/files", method="POST").respond_with_handler(handler)
    path = tmp_path / "big.bin"
    path.write_bytes(os.urandom(3 * MiB + 123))
    reads: List[int] = []

    class Recording(io.FileIO):
        def read(self, size: int = -1) -> bytes:
            reads.append(size)
            return super().read(size)

    driver = Driver({"url": httpserver.url_for("/"), "token": "t"})
    with Recording(str(path), "rb") as fp:
        result = driver.files.upload_file("chan1", {"files": ("big.bin", fp)})
    assert result == {"file_infos": [{"id": "f1"}]}
    headers = seen["headers"]
    assert "Transfer-Encoding" not in headers
    assert int(headers["Content-Length"]) == len(seen["body"])
    boundary = headers["Content-Type"].split("boundary=")[1]
    expected, theirs = _requests_body({"channel_id": "chan1"}, {"files": ("big.bin", path.read_bytes())})
    assert seen["body"] == expected.replace(theirs.encode(), boundary.encode())
    assert headers["Authorization"] == "Bearer t"
    # streamed: the file was read in blocks of 1 MiB, never whole
    assert reads == [MiB, MiB, MiB, 123]


def test_file_objects_are_rewound_when_the_upload_is_retried(
    driver: Driver, mock: responses.RequestsMock, sleeps: List[float]
) -> None:
    bodies: List[bytes] = []
    statuses = iter([429, 200])

    def callback(request: Any) -> Tuple[int, Dict[str, str], str]:
        bodies.append(read_body(request.body))  # read it as urllib3 would
        status = next(statuses)
        return status, {"Content-Type": "application/json", "Retry-After": "0"}, '{"file_infos": []}'

    mock.add_callback("POST", f"{BASE}/files", callback=callback)
    fp = io.BytesIO(b"a" * 100_000)
    fp.seek(10)
    driver.files.upload_file("chan1", [("files", ("a.bin", fp)), ("files", ("b.txt", b"bee"))])
    assert len(bodies) == 2 and bodies[0] == bodies[1]
    assert b"a" * 99_990 + b"\r\n" in bodies[1] and b"a" * 99_991 not in bodies[1]
    assert len(sleeps) == 1


# -- resumable uploads -------------------------------------------------------------------------------
class FakeUploads:
    """The ``/uploads`` routes of a server, on ``responses``; it can drop a chunk midway."""

    def __init__(self, mock: responses.RequestsMock) -> None:
        self.sessions: Dict[str, Dict[str, Any]] = {}
        self.stored: Dict[str, bytearray] = {}
        self.chunks: List[int] = []
        self.drop: Dict[int, Optional[int]] = {}  # chunk number -> bytes kept before the drop
        self.errors: Dict[int, Tuple[int, str]] = {}  # chunk number -> (status, error id)
        self.lose_last_answer = False
        mock.add_callback("POST", f"{BASE}/uploads", callback=self.create)
        mock.add_callback("POST", re.compile(rf"{re.escape(BASE)}/uploads/\w+$"), callback=self.data)
        mock.add_callback("GET", re.compile(rf"{re.escape(BASE)}/uploads/\w+$"), callback=self.get)

    @staticmethod
    def _json(status: int, body: Any) -> Tuple[int, Dict[str, str], str]:
        return status, {"Content-Type": "application/json"}, json.dumps(body)

    def create(self, request: Any) -> Tuple[int, Dict[str, str], str]:
        options = json.loads(request.body)
        upload_id = f"up{len(self.sessions)}"
        self.sessions[upload_id] = {"id": upload_id, "file_offset": 0, **options}
        self.stored[upload_id] = bytearray()
        return self._json(201, self.sessions[upload_id])

    def get(self, request: Any) -> Tuple[int, Dict[str, str], str]:
        upload_id = request.path_url.rsplit("/", 1)[1]
        if upload_id not in self.sessions:
            return self._json(404, {"id": "app.upload.get.app_error", "message": "not found"})
        return self._json(200, self.sessions[upload_id])

    def data(self, request: Any) -> Tuple[int, Dict[str, str], str]:
        upload_id = request.path_url.rsplit("/", 1)[1]
        session = self.sessions[upload_id]
        body = read_body(request.body)  # read as urllib3 would
        number = len(self.chunks)
        self.chunks.append(len(body))
        assert request.headers["Content-Type"] == "application/octet-stream"
        assert len(body) <= session["file_size"] - session["file_offset"]
        if number in self.errors:
            status, error_id = self.errors[number]
            return self._json(status, {"id": error_id, "message": "injected"})
        if session["file_offset"] == 0 and len(body) < min(MIN_FIRST_CHUNK, session["file_size"]):
            return self._json(400, {"id": "app.upload.upload_data.first_part_too_small.app_error"})
        kept = self.drop.get(number)
        if kept is not None:
            body = body[:kept]
        self.stored[upload_id] += body
        session["file_offset"] += len(body)
        if kept is not None:
            raise requests.exceptions.ConnectionError("connection reset by peer")
        if session["file_offset"] < session["file_size"]:
            return 204, {}, ""
        del self.sessions[upload_id]
        if self.lose_last_answer:
            raise requests.exceptions.ConnectionError("connection reset by peer")
        return self._json(200, {"id": "file1", "name": session["filename"], "size": session["file_size"]})


@pytest.fixture
def fake(mock: responses.RequestsMock) -> FakeUploads:
    return FakeUploads(mock)


def test_resumable_upload_in_chunks_with_progress(driver: Driver, fake: FakeUploads, tmp_path: Path) -> None:
    content = os.urandom(7 * MiB + MiB // 2)
    path = tmp_path / "big.bin"
    path.write_bytes(content)
    seen: List[Tuple[int, int]] = []
    info = driver.uploads.upload_file_resumable(
        "chan1", path, chunk_size=MiB, progress=lambda done, total: seen.append((done, total))
    )
    assert info == {"id": "file1", "name": "big.bin", "size": len(content)}
    assert bytes(fake.stored["up0"]) == content
    # the first chunk is raised to the server's 5 MiB minimum, then 1 MiB chunks
    assert fake.chunks == [5 * MiB, MiB, MiB, MiB // 2]
    total = len(content)
    assert seen == [(5 * MiB, total), (6 * MiB, total), (7 * MiB, total), (total, total)]


def test_resumable_upload_resumes_from_the_server_offset(
    driver: Driver, fake: FakeUploads, sleeps: List[float]
) -> None:
    content = os.urandom(8 * MiB)
    fake.drop = {1: 300_000, 2: 0}  # chunk 1 breaks after 300 kB; its resend breaks at once
    seen: List[int] = []
    fp = io.BytesIO(content)
    info = driver.uploads.upload_file_resumable(
        "chan1", fp, filename="x.bin", chunk_size=2 * MiB, progress=lambda done, total: seen.append(done)
    )
    assert info["size"] == len(content)
    assert bytes(fake.stored["up0"]) == content  # nothing sent twice, nothing missing
    resumed_at = 5 * MiB + 300_000
    # chunk 1 resumes at the server's offset (not its start), the resend too
    assert fake.chunks == [5 * MiB, 2 * MiB, 2 * MiB, 2 * MiB, 8 * MiB - resumed_at - 2 * MiB]
    assert seen == [5 * MiB, resumed_at + 2 * MiB, 8 * MiB]
    assert len(sleeps) == 2


def test_resumable_upload_retries_while_the_server_holds_the_session(
    driver: Driver, fake: FakeUploads
) -> None:
    fake.errors = {1: (400, "app.upload.upload_data.concurrent.app_error"), 2: (503, "")}
    info = driver.uploads.upload_file_resumable(
        "chan1", b"z" * (6 * MiB), filename="z.bin", chunk_size=MiB // 2
    )
    assert info["size"] == 6 * MiB and bytes(fake.stored["up0"]) == b"z" * (6 * MiB)
    assert fake.chunks == [5 * MiB, MiB // 2, MiB // 2, MiB // 2, MiB // 2]


def test_resumable_upload_gives_up_after_the_retries(driver: Driver, fake: FakeUploads) -> None:
    fake.drop = dict.fromkeys(range(1, 10), 0)
    with pytest.raises(TransportError):
        driver.uploads.upload_file_resumable("chan1", b"z" * (6 * MiB), filename="z.bin", chunk_size=MiB)
    assert len(fake.chunks) == 1 + 1 + driver.options["retries"]


def test_other_client_errors_are_not_retried(driver: Driver, fake: FakeUploads) -> None:
    fake.errors = {0: (403, "api.context.permissions.app_error")}
    with pytest.raises(requests.HTTPError) as caught:
        driver.uploads.upload_file_resumable("chan1", b"z" * 100, filename="z.bin")
    assert getattr(caught.value, "status_code", None) == 403 and fake.chunks == [100]


def test_a_lost_final_answer_is_reported(driver: Driver, fake: FakeUploads) -> None:
    fake.lose_last_answer = True
    with pytest.raises(TransportError, match="answer was lost"):
        driver.uploads.upload_file_resumable("chan1", b"small file", filename="s.txt")


def test_resumable_upload_small_file_and_filename(driver: Driver, fake: FakeUploads, tmp_path: Path) -> None:
    fp = io.BytesIO(b"headerREST")
    fp.seek(6)
    info = driver.uploads.upload_file_resumable("chan1", fp, filename="rest.txt")
    assert info["name"] == "rest.txt" and bytes(fake.stored["up0"]) == b"REST"
    assert fake.chunks == [4]
    with pytest.raises(ValueError, match="filename"):
        driver.uploads.upload_file_resumable("chan1", io.BytesIO(b"x"))
    with pytest.raises(ValueError, match="chunk_size"):
        driver.uploads.upload_file_resumable("chan1", b"x", filename="x", chunk_size=0)


# -- downloads -----------------------------------------------------------------------------------------
class RawServer:
    """A tiny HTTP server on loopback that can drop a response midway (not possible with mocks)."""

    def __init__(self, content: bytes, *, drops: List[int], ranges: bool = True) -> None:
        self.content = content
        self.drops = list(drops)  # per request: bytes of the body sent before the connection is closed
        self.ranges = ranges
        self.requests: List[Dict[str, str]] = []
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                self._answer(conn)

    def _answer(self, conn: socket.socket) -> None:
        raw = b""
        while b"\r\n\r\n" not in raw:
            data = conn.recv(65536)
            if not data:
                return
            raw += data
        lines = raw.split(b"\r\n\r\n")[0].decode().split("\r\n")
        headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
        headers["request-line"] = lines[0]
        self.requests.append(headers)
        if "/missing" in lines[0]:
            body = b'{"id": "app.file.get.app_error", "message": "nope"}'
            conn.sendall(
                b"HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n"
                + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
                + body
            )
            return
        start = 0
        status = "200 OK"
        extra = (
            "Accept-Ranges: bytes\r\nLast-Modified: Mon, 01 Jan 2024 00:00:00 GMT\r\n" if self.ranges else ""
        )
        if self.ranges and "range" in headers:
            start = int(headers["range"].split("=")[1].rstrip("-"))
            status = "206 Partial Content"
            extra += f"Content-Range: bytes {start}-{len(self.content) - 1}/{len(self.content)}\r\n"
        body = self.content[start:]
        head = (
            f"HTTP/1.1 {status}\r\nContent-Type: application/octet-stream\r\n{extra}"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        )
        drop = self.drops.pop(0) if self.drops else None
        conn.sendall(head.encode() + (body if drop is None else body[:drop]))

    def close(self) -> None:
        stop_accepting(self.sock, self.thread)


@pytest.fixture
def serve() -> Iterator[Callable[..., Tuple[RawServer, Driver, List[float]]]]:
    servers: List[RawServer] = []

    def make(
        content: bytes, drops: Optional[List[int]] = None, **kw: Any
    ) -> Tuple[RawServer, Driver, List[float]]:
        server = RawServer(content, drops=drops or [], **kw)
        servers.append(server)
        driver = Driver({"url": f"http://127.0.0.1:{server.port}", "token": "t", "request_timeout": 5})
        sleeps: List[float] = []
        driver.client.retry = driver.client.retry.new(sleep=sleeps.append)
        return server, driver, sleeps

    yield make
    for server in servers:
        server.close()


def test_download_to_a_path(serve: Any, tmp_path: Path) -> None:
    content = os.urandom(3 * MiB + 5)
    server, driver, _ = serve(content)
    dest = tmp_path / "out.bin"
    assert driver.files.download_file("file1", dest, chunk_size=64 * 1024) == len(content)
    assert dest.read_bytes() == content
    assert os.listdir(tmp_path) == ["out.bin"]
    assert server.requests[0]["request-line"].startswith("GET /api/v4/files/file1 ")
    assert server.requests[0]["authorization"] == "Bearer t"
    assert oct(dest.stat().st_mode & 0o777) == oct(0o666 & ~_current_umask())


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_download_to_a_file_object(serve: Any) -> None:
    content = os.urandom(500_000)
    _, driver, _ = serve(content)
    out = io.BytesIO()
    assert driver.files.download_file("file1", out) == len(content)
    assert out.getvalue() == content


def test_a_dropped_download_resumes_with_a_range(serve: Any, tmp_path: Path) -> None:
    content = os.urandom(2 * MiB)
    server, driver, sleeps = serve(content, drops=[700_000, 100])
    dest = tmp_path / "out.bin"
    # blocks of 100 bytes: a drop loses at most the block being read
    assert driver.files.download_file("file1", dest, chunk_size=100) == len(content)
    assert dest.read_bytes() == content
    assert [r.get("range") for r in server.requests] == [None, "bytes=700000-", "bytes=700100-"]
    assert server.requests[1]["if-range"] == "Mon, 01 Jan 2024 00:00:00 GMT"
    assert len(sleeps) == 2


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_download_progress_counts_each_byte_once_across_a_resume(
    kind: str, serve: Any, tmp_path: Path
) -> None:
    content = os.urandom(MiB + 7)
    server, driver, _ = serve(content, drops=[300_000])
    seen: List[Tuple[int, int]] = []
    dest = tmp_path / "out.bin"
    block = 64 * 1024
    if kind == "sync":
        written = driver.files.download_file(
            "file1", dest, chunk_size=block, progress=lambda *a: seen.append(a)
        )
    else:

        async def main() -> int:
            async with AsyncDriver(dict(driver.options)) as d:
                d.client.retry = d.client.retry.new(sleep=lambda s: None)
                n: int = await d.files.download_file(
                    "file1", dest, chunk_size=block, progress=lambda *a: seen.append(a)
                )
                return n

        written = asyncio.run(main())
    assert written == len(content) and dest.read_bytes() == content
    assert len(server.requests) == 2 and server.requests[0].get("range") is None
    done = [d for d, _ in seen]
    # one call per block written, the total from the first answer's Content-Length throughout,
    # and the count going on where the first answer broke off (not from 0, nothing twice)
    assert all(total == len(content) for _, total in seen)
    assert done == sorted(set(done)) and done[-1] == len(content)
    resumed_at = int(server.requests[1]["range"].split("=")[1].rstrip("-"))
    assert resumed_at in done and resumed_at <= 300_000
    assert all(b - a <= block for a, b in zip([0, *done], done))


def test_download_progress_total_is_0_when_the_size_is_not_announced(tmp_path: Path) -> None:
    body = b"x" * 5000
    seen: List[Tuple[int, int]] = []

    def handler(request: Any) -> Any:
        return MockResponse(200, content=body, headers={"Content-Type": "application/octet-stream"})

    with Driver({"url": "http://mm.test", "token": "t"}, transport=MockTransport(handler)) as d:
        out = io.BytesIO()
        assert d.files.download_file("f1", out, chunk_size=2000, progress=lambda *a: seen.append(a)) == 5000
    assert out.getvalue() == body
    assert [d for d, _ in seen][-1] == 5000 and {t for _, t in seen} == {0}


def test_a_failed_download_leaves_nothing_behind(serve: Any, tmp_path: Path) -> None:
    _, driver, _ = serve(os.urandom(MiB), drops=[300_000], ranges=False)
    dest = tmp_path / "out.bin"
    dest.write_bytes(b"previous version")
    with pytest.raises(TransportError, match="broke off after 300000 bytes"):
        driver.files.download_file("file1", dest, chunk_size=1000)
    assert dest.read_bytes() == b"previous version"  # untouched
    assert os.listdir(tmp_path) == ["out.bin"]  # no temporary file left


def test_a_download_that_keeps_failing_gives_up(serve: Any, tmp_path: Path) -> None:
    server, driver, _ = serve(os.urandom(MiB), drops=[1000, 2000, 0, 0, 0, 0])
    with pytest.raises(TransportError, match="broke off after 3000 bytes"):
        driver.files.download_file("file1", tmp_path / "out.bin", chunk_size=1000)
    assert os.listdir(tmp_path) == []
    # a failure after progress starts the count again: it gives up at `retries` + 1 failures in a row
    assert driver.options["retries"] == 3
    assert [r.get("range") for r in server.requests] == [None, "bytes=1000-"] + ["bytes=3000-"] * 3


def test_a_missing_file_is_an_api_error(serve: Any, tmp_path: Path) -> None:
    _, driver, _ = serve(b"")
    with pytest.raises(ResourceNotFound):
        driver.files.download_file("missing", tmp_path / "out.bin")
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_download_file_hands_progress_to_the_clients_download(kind: str, tmp_path: Path) -> None:
    # the client's streaming download calls it (transfer.download_flow), as the upload's body does
    calls: List[Dict[str, Any]] = []

    def download(endpoint: str, dest: Any, **kwargs: Any) -> int:
        calls.append({"endpoint": endpoint, "dest": dest, **kwargs})
        return 7

    async def async_download(endpoint: str, dest: Any, **kwargs: Any) -> int:
        return download(endpoint, dest, **kwargs)

    def progress(done: int, total: int) -> None:
        pass

    d: Any = Driver() if kind == "sync" else AsyncDriver()
    d.client.download = download if kind == "sync" else async_download

    def call(*args: Any, **kwargs: Any) -> Any:
        result = d.files.download_file(*args, **kwargs)
        return result if kind == "sync" else asyncio.run(result)

    assert call("f/1", tmp_path / "out", progress=progress) == 7
    assert call("f2", tmp_path / "out", chunk_size=10) == 7
    dest = tmp_path / "out"
    assert calls == [
        {"endpoint": "/files/f%2F1", "dest": dest, "chunk_size": 1024 * 1024, "progress": progress},
        {"endpoint": "/files/f2", "dest": dest, "chunk_size": 10, "progress": None},
    ]


def test_stream_body_parts() -> None:
    body = StreamBody([b"ab", b"", b"cd"])
    assert len(body) == 4 and list(body) == [b"abcd"] and body.content_type is None
    assert file_range(io.BytesIO(b"xyz")) is not None
