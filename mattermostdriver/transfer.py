"""Streaming transfers over the sync client: resumable uploads, and downloads to disk.

Memory stays flat whatever the file size: a file is never read whole, only a block at a
time while the socket takes it. Whether and when a failed chunk or a broken download is
tried again is the client's :class:`~mattermostdriver.retry.Retry` policy's call.

* :func:`upload_resumable` sends a file through an upload session (``/uploads``) in
  chunks, resuming after a failure from the offset the server reports.
* :func:`download` streams a response body to a path (atomically) or a file object,
  resuming with a ``Range`` request when the connection drops mid-body.

Each is written once, without I/O, as a flow (:mod:`mattermostdriver.core.flows`); :func:`run`
runs it with blocking calls, and :mod:`mattermostdriver.aio_transfer` with ``await``.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, Optional, Protocol

import requests

from .core.flows import (
    DOWNLOAD_CHUNK_SIZE,
    UPLOAD_CHUNK_SIZE,
    Flow,
    ReadBlock,
    SendRequest,
    download_flow,
    upload_flow,
)
from .core.sources import MIN_FIRST_CHUNK, Destination, Source
from .multipart import BLOCK_SIZE, Progress, StreamBody, file_range, multipart_body

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


class TransferClient(Protocol):
    """What the sync transfers use of :class:`~mattermostdriver.client.Client`."""

    @property
    def make_request(self) -> Callable[..., requests.Response]: ...

    def _read_block(self, response: requests.Response, size: int) -> bytes: ...

    def _wait(self, seconds: float) -> None: ...


def run(client: TransferClient, flow: Flow) -> Any:
    """Run a transfer flow with blocking calls."""
    try:
        step = next(flow)
        while True:
            try:
                if isinstance(step, SendRequest):
                    result: Any = client.make_request(step.method, step.endpoint, **step.kwargs)
                elif isinstance(step, ReadBlock):
                    result = client._read_block(step.response, step.size)
                else:
                    client._wait(step)
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
    client: TransferClient,
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
    client: TransferClient,
    endpoint: str,
    dest: Destination,
    *,
    chunk_size: int = DOWNLOAD_CHUNK_SIZE,
    params: Optional[Mapping[str, Any]] = None,
    basepath: Optional[str] = None,
    progress: Optional[Progress] = None,
) -> int:
    """Stream the body of ``GET endpoint`` to ``dest`` (see :func:`download_flow`).

    Raises:
        ApiError: the server answered with an error status.
        TransportError: the connection failed and could not be resumed.

    """
    written: int = run(client, download_flow(client, endpoint, dest, chunk_size, params, basepath, progress))
    return written
