"""Streaming transfers over the async client: :mod:`~mattermostdriver.transfer`'s flows, awaited.

The same flows (:mod:`~mattermostdriver.core.flows`: the chunk plan, the resume checks, the
atomic file, the :class:`~mattermostdriver.retry.Retry` policy); file blocks are read and written on the
loop's thread a block at a time, so memory stays flat whatever the file size.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional

from .core.flows import (
    DOWNLOAD_CHUNK_SIZE,
    UPLOAD_CHUNK_SIZE,
    Flow,
    ReadBlock,
    SendRequest,
    download_flow,
    upload_flow,
)
from .core.sources import Destination, Source
from .multipart import Progress

__all__ = ["download", "run", "upload_resumable"]


async def run(client: Any, flow: Flow) -> Any:
    """Run a transfer flow with ``await``."""
    try:
        step = next(flow)
        while True:
            try:
                if isinstance(step, SendRequest):
                    result: Any = await client.make_request(step.method, step.endpoint, **step.kwargs)
                elif isinstance(step, ReadBlock):
                    result = await client._read_block(step.response, step.size)
                else:
                    await client._wait(step)
                    result = None
            except Exception as exc:  # the flow decides what a failure means
                step = flow.throw(exc)
                continue
            step = flow.send(result)
    except StopIteration as done:
        return done.value
    finally:
        flow.close()


async def upload_resumable(
    client: Any,
    channel_id: str,
    source: Source,
    *,
    filename: Optional[str] = None,
    chunk_size: int = UPLOAD_CHUNK_SIZE,
    progress: Optional[Progress] = None,
) -> Any:
    """Upload a file through an upload session (see :func:`~mattermostdriver.core.flows.upload_flow`)."""
    return await run(client, upload_flow(client, channel_id, source, filename, chunk_size, progress))


async def download(
    client: Any,
    endpoint: str,
    dest: Destination,
    *,
    chunk_size: int = DOWNLOAD_CHUNK_SIZE,
    params: Optional[Mapping[str, Any]] = None,
    basepath: Optional[str] = None,
    progress: Optional[Progress] = None,
) -> int:
    """Stream ``GET endpoint``'s body to ``dest`` (:func:`~mattermostdriver.core.flows.download_flow`)."""
    written: int = await run(
        client, download_flow(client, endpoint, dest, chunk_size, params, basepath, progress)
    )
    return written
