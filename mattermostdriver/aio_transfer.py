"""Streaming transfers over the async client, as in :mod:`~mattermostdriver.transfer`.

The same plans and rules (:class:`~mattermostdriver.transfer.ChunkPlan`, the resume
checks, the atomic file, the :class:`~mattermostdriver.retry.Retry` policy), run with
``await``. File blocks are read and written on the loop's thread a block at a time:
memory stays flat whatever the file size.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, Optional

from .exceptions import ClientError, ResourceNotFound, ServerError, TransportError, UnexpectedResponse
from .paths import build_path
from .redaction import redact_url
from .retry import IDEMPOTENT
from .transfer import (
    BROKEN_DOWNLOAD,
    DOWNLOAD_CHUNK_SIZE,
    UPLOAD_CHUNK_SIZE,
    AtomicFile,
    ChunkPlan,
    Destination,
    Progress,
    Source,
    broke_off,
    no_file_info,
    open_source,
    resumable_download,
    resume_headers,
    resumed,
)

__all__ = ["download", "upload_resumable"]


async def upload_resumable(
    client: Any,
    channel_id: str,
    source: Source,
    *,
    filename: Optional[str] = None,
    chunk_size: int = UPLOAD_CHUNK_SIZE,
    progress: Optional[Progress] = None,
) -> Any:
    """Upload a file through an upload session, chunk by chunk; return its FileInfo.

    See :meth:`~mattermostdriver.endpoints.uploads.Uploads.upload_file_resumable`.
    """
    fp, close, name = open_source(source, filename)
    try:
        plan = ChunkPlan(fp, chunk_size)
        session = await client.post(
            "/uploads", options={"channel_id": channel_id, "filename": name, "file_size": plan.size}
        )
        if not isinstance(session, dict) or not isinstance(session.get("id"), str):
            raise UnexpectedResponse("the server answered the upload session without an id")
        path = build_path("/uploads/{}", session["id"])
        shown = redact_url(client.build_url(path))
        plan.offset = int(session.get("file_offset") or 0)
        while True:
            chunk, length = plan.next_chunk()
            try:
                response = await client.make_request(
                    "post",
                    path,
                    data=chunk,
                    headers={"Content-Type": "application/octet-stream"},
                    retry=False,
                )
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
                await client._sleep(delay)
                try:
                    state = await client.get(path)
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


async def download(
    client: Any,
    endpoint: str,
    dest: Destination,
    *,
    chunk_size: int = DOWNLOAD_CHUNK_SIZE,
    params: Optional[Mapping[str, Any]] = None,
    basepath: Optional[str] = None,
) -> int:
    """Stream the body of ``GET endpoint`` to ``dest``; see :func:`mattermostdriver.transfer.download`."""
    if chunk_size <= 0:
        raise ValueError("chunk_size must be positive")
    if hasattr(dest, "write"):
        return await _stream_to(client, endpoint, dest.write, chunk_size, params, basepath)
    target = AtomicFile(dest)
    try:
        written = await _stream_to(client, endpoint, target.out.write, chunk_size, params, basepath)
        target.commit()
    except BaseException:
        target.discard()
        raise
    return written


async def _stream_to(
    client: Any,
    endpoint: str,
    write: Callable[[bytes], Any],
    chunk_size: int,
    params: Optional[Mapping[str, Any]],
    basepath: Optional[str],
) -> int:
    written = failures = written_at_failure = 0
    response = await client.make_request("get", endpoint, params=params, basepath=basepath, stream=True)
    validator = resumable_download(response)
    shown = redact_url(client.build_url(endpoint, basepath))
    timeouts = client.timeouts
    try:
        while True:
            try:
                block = await client.transport.read_block(response, chunk_size, timeouts)
            except BROKEN_DOWNLOAD as exc:
                failures = 1 if written > written_at_failure else failures + 1
                written_at_failure = written
                delay = client.retry.after_failure(
                    safety=IDEMPOTENT, attempt=failures - 1, reached_server=True, resendable=True, elapsed=0.0
                )
                if validator is None or delay is None:
                    raise broke_off(written, exc, shown) from None
                response.close()
                await client._sleep(delay)
                response = await client.make_request(
                    "get", endpoint, params=params, basepath=basepath, stream=True,
                    headers=resume_headers(written, validator),
                )  # fmt: skip
                if not resumed(response, written):
                    raise broke_off(written, exc, shown, resumable=False) from None
                continue
            if not block:
                return written
            write(block)
            written += len(block)
    finally:
        response.close()
