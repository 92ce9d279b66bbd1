"""Streaming transfers over the sync client: resumable uploads, and downloads to disk.

Memory stays flat whatever the file size: a file is never read whole, only a block at a
time while the socket takes it. Whether and when a failed chunk or a broken download is
tried again is the client's :class:`~mattermostdriver.retry.Retry` policy's call.

* :func:`upload_resumable` sends a file through an upload session (``/uploads``) in
  chunks, resuming after a failure from the offset the server reports.
* :func:`download` streams a response body to a path (atomically) or a file object,
  resuming with a ``Range`` request when the connection drops mid-body.

Each is written once, as a flow (a generator that yields the requests to send, the blocks
to read and the waits, and is sent back their results); :func:`run` runs it with blocking
calls, and :mod:`mattermostdriver.aio_transfer` with ``await``.
"""

from __future__ import annotations

from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    Generator,
    Mapping,
    NamedTuple,
    Optional,
    Protocol,
    Union,
)

import requests
import urllib3

from .exceptions import ClientError, ResourceNotFound, ServerError, TransportError, UnexpectedResponse
from .multipart import BLOCK_SIZE, StreamBody, file_range, multipart_body
from .options import Timeouts
from .paths import build_path
from .redaction import redact_url
from .retry import IDEMPOTENT, Retry
from .sources import (
    MIN_FIRST_CHUNK,
    AtomicFile,
    ChunkPlan,
    Destination,
    Source,
    broke_off,
    no_file_info,
    open_source,
    resumable_download,
    resume_headers,
    resumed,
)

if TYPE_CHECKING:
    from .transport import Transport

__all__ = [  # the multipart names were here before mattermostdriver.multipart: kept for callers
    "BLOCK_SIZE",
    "StreamBody",
    "file_range",
    "multipart_body",
    "DOWNLOAD_CHUNK_SIZE",
    "MIN_FIRST_CHUNK",
    "UPLOAD_CHUNK_SIZE",
    "Destination",
    "Progress",
    "Source",
    "download",
    "upload_resumable",
]

#: Default chunk size of :func:`upload_resumable`: one request per chunk.
UPLOAD_CHUNK_SIZE = 8 * 1024 * 1024
#: Default block size of :func:`download`.
DOWNLOAD_CHUNK_SIZE = 1024 * 1024
#: What a broken download raises while its body is read.
BROKEN_DOWNLOAD = (requests.RequestException, urllib3.exceptions.HTTPError, OSError)

Progress = Callable[[int, int], Any]


class Client(Protocol):
    """What the sync transfers use of :class:`~mattermostdriver.client.Client`."""

    retry: Retry
    _sleep: Callable[[float], None]

    @property
    def transport(self) -> Transport: ...

    @property
    def timeouts(self) -> Timeouts: ...

    def make_request(
        self,
        method: str,
        endpoint: str,
        options: Any = None,
        params: Optional[Mapping[str, Any]] = None,
        data: Any = None,
        files: Any = None,
        basepath: Optional[str] = None,
        *,
        headers: Optional[Mapping[str, str]] = None,
        stream: bool = False,
        retry: Any = None,
    ) -> requests.Response: ...

    def build_url(self, endpoint: str, basepath: Optional[str] = None) -> str: ...

    def parse(self, response: requests.Response) -> Any: ...


# -- the transfers, written once ----------------------------------------------------------------------
class Call(NamedTuple):
    """A step of a transfer: send this request (``client.make_request(method, endpoint, **kwargs)``)."""

    method: str
    endpoint: str
    kwargs: Mapping[str, Any]


class Read(NamedTuple):
    """A step of a transfer: read up to ``size`` bytes of this streamed answer."""

    response: requests.Response
    size: int


#: What a transfer flow yields: a request to send, a block to read, or seconds to wait. The
#: runner sends back the answer (or throws in the exception) and returns the flow's value.
Step = Union[Call, Read, float]
Flow = Generator[Step, Any, Any]


def upload_flow(
    client: Any,
    channel_id: str,
    source: Source,
    filename: Optional[str],
    chunk_size: int,
    progress: Optional[Progress],
) -> Flow:
    """Upload a file through an upload session, chunk by chunk; return its FileInfo.

    See :meth:`~mattermostdriver.endpoints.uploads.Uploads.upload_file_resumable`.
    """
    fp, close, name = open_source(source, filename)
    try:
        plan = ChunkPlan(fp, chunk_size)
        body = {"channel_id": channel_id, "filename": name, "file_size": plan.size}
        session = client.parse((yield Call("post", "/uploads", {"options": body})))
        if not isinstance(session, dict) or not isinstance(session.get("id"), str):
            raise UnexpectedResponse("the server answered the upload session without an id")
        path = build_path("/uploads/{}", session["id"])
        shown = redact_url(client.build_url(path))
        plan.offset = int(session.get("file_offset") or 0)
        while True:
            chunk, length = plan.next_chunk()
            try:
                # never resent whole (the server may have kept part of it): resumed below instead
                octets = {"Content-Type": "application/octet-stream"}
                response = yield Call("post", path, {"data": chunk, "headers": octets, "retry": False})
            except (TransportError, ServerError, ClientError) as exc:
                delay = client.retry.after_failure(
                    safety=IDEMPOTENT,
                    attempt=plan.failures,
                    reached_server=True,
                    resendable=True,
                    elapsed=0.0,
                )
                plan.failures += 1
                if not plan.resumable(exc) or delay is None:
                    raise
                yield delay
                try:
                    state = client.parse((yield Call("get", path, {})))
                except ResourceNotFound:
                    if plan.offset + length < plan.size:
                        raise
                    raise plan.lost_last_answer(shown, exc) from exc
                plan.offset = int(state.get("file_offset") or 0) if isinstance(state, dict) else plan.offset
                continue
            plan.offset += length
            if response.status_code != 204:
                info = client.parse(response)
                if progress is not None:
                    progress(plan.size, plan.size)
                return info
            plan.failures = 0
            if progress is not None:
                progress(plan.offset, plan.size)
            if plan.offset >= plan.size:
                raise no_file_info(response, shown)
    finally:
        if close:
            fp.close()


def download_flow(
    client: Any,
    endpoint: str,
    dest: Destination,
    chunk_size: int,
    params: Optional[Mapping[str, Any]],
    basepath: Optional[str],
) -> Flow:
    """Stream the body of ``GET endpoint`` to ``dest``; return the number of bytes written.

    ``dest`` is a path, written atomically (into a temporary file beside it, renamed over
    it once complete; nothing is left behind after a failure), or a writable binary file
    object. A connection that drops mid-body is resumed with a ``Range`` request when the
    server supports it (as Mattermost's file routes do), as the retry policy allows.
    """
    if chunk_size <= 0:
        raise ValueError("chunk_size must be positive")
    target = None if hasattr(dest, "write") else AtomicFile(dest)
    out: Any = dest if target is None else target.out
    try:
        written = yield from _body_flow(client, endpoint, out, chunk_size, params, basepath)
        if target is not None:
            target.commit()
    except BaseException:
        if target is not None:
            target.discard()
        raise
    return written


def _body_flow(
    client: Any,
    endpoint: str,
    out: Any,
    chunk_size: int,
    params: Optional[Mapping[str, Any]],
    basepath: Optional[str],
) -> Flow:
    written = failures = written_at_failure = 0
    get = {"params": params, "basepath": basepath, "stream": True}
    response = yield Call("get", endpoint, get)
    validator = resumable_download(response)
    shown = redact_url(client.build_url(endpoint, basepath))
    try:
        while True:
            try:
                block = yield Read(response, chunk_size)
            except BROKEN_DOWNLOAD as exc:
                # failures in a row without progress are bounded by the retry policy
                failures = 1 if written > written_at_failure else failures + 1
                written_at_failure = written
                delay = client.retry.after_failure(
                    safety=IDEMPOTENT, attempt=failures - 1, reached_server=True, resendable=True, elapsed=0.0
                )
                if validator is None or delay is None:
                    raise broke_off(written, exc, shown) from None
                response.close()
                yield delay
                response = yield Call("get", endpoint, {**get, "headers": resume_headers(written, validator)})
                if not resumed(response, written):
                    raise broke_off(written, exc, shown, resumable=False) from None
                continue
            if not block:
                return written
            out.write(block)
            written += len(block)
    finally:
        response.close()


def run(client: Client, flow: Flow) -> Any:
    """Run a transfer flow with blocking calls."""
    try:
        step = next(flow)
        while True:
            try:
                if isinstance(step, Call):
                    result: Any = client.make_request(step.method, step.endpoint, **step.kwargs)
                elif isinstance(step, Read):
                    result = client.transport.read_block(step.response, step.size, client.timeouts)
                else:
                    client._sleep(step)
                    result = None
            except Exception as exc:  # the flow decides what a failure means
                step = flow.throw(exc)
                continue
            step = flow.send(result)
    except StopIteration as done:
        return done.value
    finally:
        flow.close()


def upload_resumable(
    client: Client,
    channel_id: str,
    source: Source,
    *,
    filename: Optional[str] = None,
    chunk_size: int = UPLOAD_CHUNK_SIZE,
    progress: Optional[Progress] = None,
) -> Any:
    """Upload a file through an upload session (see :func:`upload_flow`); return its FileInfo."""
    return run(client, upload_flow(client, channel_id, source, filename, chunk_size, progress))


def download(
    client: Client,
    endpoint: str,
    dest: Destination,
    *,
    chunk_size: int = DOWNLOAD_CHUNK_SIZE,
    params: Optional[Mapping[str, Any]] = None,
    basepath: Optional[str] = None,
) -> int:
    """Stream the body of ``GET endpoint`` to ``dest`` (see :func:`download_flow`).

    Raises:
        ApiError: the server answered with an error status.
        TransportError: the connection failed and could not be resumed.

    """
    written: int = run(client, download_flow(client, endpoint, dest, chunk_size, params, basepath))
    return written
