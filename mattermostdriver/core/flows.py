"""The streaming transfers, written once without I/O: resumable uploads, and downloads to disk.

Each is a flow: a generator that yields the requests to send (:class:`SendRequest`), the
blocks to read (:class:`ReadBlock`) and the waits (seconds), and is sent back their results.
:mod:`~mattermostdriver.transfer` runs a flow with blocking calls and
:mod:`~mattermostdriver.aio_transfer` with ``await``. Whether and when a failed chunk or a
broken download is tried again is the client's :class:`~mattermostdriver.retry.Retry`
policy's call.
"""

from __future__ import annotations

import os
from typing import Any, Generator, Mapping, NamedTuple, Optional, Union

import requests
import urllib3

from ..exceptions import ClientError, ResourceNotFound, ServerError, TransportError, UnexpectedResponse
from ..multipart import Progress
from ..paths import build_path
from ..redaction import redact_url
from ..retry import IDEMPOTENT
from .sources import (
    AtomicFile,
    ChunkPlan,
    Destination,
    Source,
    announced_size,
    broke_off,
    no_file_info,
    open_source,
    resumable_download,
    resume_headers,
    resumed,
)

__all__ = [
    "BROKEN_DOWNLOAD",
    "DOWNLOAD_CHUNK_SIZE",
    "UPLOAD_CHUNK_SIZE",
    "Flow",
    "ReadBlock",
    "SendRequest",
    "download_flow",
    "upload_flow",
]

#: Default chunk size of an upload (``uploads.upload_file_resumable``): one request per chunk.
UPLOAD_CHUNK_SIZE = 8 * 1024 * 1024
#: Default block size of a download (``files.download_file``).
DOWNLOAD_CHUNK_SIZE = 1024 * 1024
#: What a broken download raises while its body is read.
BROKEN_DOWNLOAD = (requests.RequestException, urllib3.exceptions.HTTPError, OSError)


class SendRequest(NamedTuple):
    """A step of a transfer: send this request (``client.make_request(method, endpoint, **kwargs)``)."""

    method: str
    endpoint: str
    kwargs: Mapping[str, Any]


class ReadBlock(NamedTuple):
    """A step of a transfer: read up to ``size`` bytes of this streamed answer."""

    response: requests.Response
    size: int


#: A transfer: it yields a request to send, a block to read, or seconds to wait; its runner
#: sends back the answer (or throws in the exception) and returns the flow's value.
Flow = Generator[Union[SendRequest, ReadBlock, float], Any, Any]


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
        session = client.parse((yield SendRequest("post", "/uploads", {"options": body})))
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
                response = yield SendRequest("post", path, {"data": chunk, "headers": octets, "retry": False})
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
                    state = client.parse((yield SendRequest("get", path, {})))
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
    progress: Optional[Progress],
) -> Flow:
    """Stream the body of ``GET endpoint`` to ``dest``; return the number of bytes written.

    ``dest`` is a path, written atomically (into a temporary file beside it, renamed over
    it once complete; nothing is left behind after a failure), or a writable binary file
    object. A connection that drops mid-body is resumed with a ``Range`` request when the
    server supports it (as Mattermost's file routes do), as the retry policy allows.
    ``progress(bytes_written, total)`` is called after each block written (``total``: the
    first answer's ``Content-Length``, 0 when it gives none); a resumed download goes on
    counting where it broke off, each byte once.
    """
    if chunk_size <= 0:
        raise ValueError("chunk_size must be positive")
    target: Optional[AtomicFile] = None
    if hasattr(dest, "write"):
        out: Any = dest
    elif isinstance(dest, (str, os.PathLike)):
        target = AtomicFile(dest)
        out = target.out
    else:
        raise TypeError(f"dest must be a path or a writable binary file object, not {type(dest).__name__}")
    try:
        written = yield from _body_flow(client, endpoint, out, chunk_size, params, basepath, progress)
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
    progress: Optional[Progress],
) -> Flow:
    written = failures = written_at_failure = 0
    get = {"params": params, "basepath": basepath, "stream": True}
    response = yield SendRequest("get", endpoint, get)
    validator = resumable_download(response)
    total = announced_size(response)
    shown = redact_url(client.build_url(endpoint, basepath))
    try:
        while True:
            try:
                block = yield ReadBlock(response, chunk_size)
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
                response = yield SendRequest(
                    "get", endpoint, {**get, "headers": resume_headers(written, validator)}
                )
                if not resumed(response, written):
                    raise broke_off(written, exc, shown, resumable=False) from None
                continue
            if not block:
                return written
            out.write(block)
            written += len(block)
            if progress is not None:
                progress(written, total)
    finally:
        response.close()
