"""The pieces of a transfer that touch no network: file sources, the chunk plan, the atomic destination.

Shared by the flows of :mod:`~mattermostdriver.core.flows` (which the sync and async clients
run) and by nothing else.
"""

from __future__ import annotations

import io
import os
import stat
import tempfile
from typing import IO, Any, Mapping, Optional, Tuple, Union

import requests

from ..exceptions import ClientError, TransportError, UnexpectedResponse
from ..multipart import FileRange, StreamBody, file_range

__all__ = ["AtomicFile", "ChunkPlan", "Destination", "Source", "open_source"]

#: The server refuses a first chunk smaller than this unless it is the whole file.
MIN_FIRST_CHUNK = 5 * 1024 * 1024
#: The error a chunk gets while the server still holds the session for an earlier attempt.
CONCURRENT_UPLOAD = "app.upload.upload_data.concurrent.app_error"

Source = Union[str, "os.PathLike[str]", bytes, bytearray, IO[bytes]]
Destination = Union[str, "os.PathLike[str]", IO[bytes]]


def guess_filename(obj: Any) -> Optional[str]:
    """The base name of a file object's ``name`` (``requests.utils.guess_filename``)."""
    name = getattr(obj, "name", None)
    if name and isinstance(name, str) and name[0] != "<" and name[-1] != ">":
        return os.path.basename(name)
    return None


def open_source(source: Source, filename: Optional[str]) -> Tuple[Any, bool, str]:
    """The file object to read, whether to close it, and the file name."""
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        return open(path, "rb"), True, filename or os.path.basename(path)
    if isinstance(source, (bytes, bytearray)):
        fp: Any = io.BytesIO(source)
        close = True
    else:
        fp, close = source, False
    name = filename or guess_filename(fp)
    if not name:
        if close:
            fp.close()
        raise ValueError("filename is required when the file object has no name")
    return fp, close, str(name)


class ChunkPlan:
    """The chunks of a resumable upload: which bytes go next, and what a failure means."""

    def __init__(self, fp: Any, chunk_size: int) -> None:
        if chunk_size <= 0:
            raise ValueError("chunk_size must be positive")
        whole = file_range(fp)
        if whole is None:
            raise ValueError("a resumable upload needs a seekable binary file (its size is sent first)")
        self.fp, self.start, self.size, self.chunk_size = fp, whole.start, whole.length, chunk_size
        self.offset = 0
        self.failures = 0

    def next_chunk(self) -> Tuple[StreamBody, int]:
        """The next chunk to send, from the offset, and its length."""
        limit = max(self.chunk_size, MIN_FIRST_CHUNK) if self.offset == 0 else self.chunk_size
        length = min(limit, self.size - self.offset)
        return StreamBody([FileRange(self.fp, self.start + self.offset, length)]), length

    @staticmethod
    def resumable(exc: Exception) -> bool:
        """Whether a failed chunk can be resumed from the server's offset."""
        return not isinstance(exc, ClientError) or exc.error_id == CONCURRENT_UPLOAD

    def lost_last_answer(self, path_shown: str, cause: Exception) -> TransportError:
        """The error when the last chunk went through but its answer was lost."""
        # The session is deleted once the file is complete: the last chunk went through but its
        # answer (the FileInfo) was lost with the connection.
        return TransportError(
            f"the upload's last chunk reached the server but its answer was lost ({cause}); "
            "the file was probably stored, but its id is unknown",
            method="POST",
            url=path_shown,
        )


def no_file_info(response: requests.Response, shown: str) -> UnexpectedResponse:
    return UnexpectedResponse(
        "the server took every byte of the upload but returned no file info",
        status_code=response.status_code,
        method="POST",
        url=shown,
        response=response,
    )


def resume_headers(written: int, validator: str) -> Mapping[str, str]:
    return {"Range": f"bytes={written}-", "If-Range": validator}


def resumable_download(response: requests.Response) -> Optional[str]:
    """The validator to resume ``response``'s body with (its ETag or Last-Modified), if it can be."""
    validator = response.headers.get("ETag") or response.headers.get("Last-Modified")
    if response.headers.get("Accept-Ranges", "").lower() != "bytes" or response.headers.get(
        "Content-Encoding"
    ):
        return None
    return validator or None


def announced_size(response: requests.Response) -> int:
    """The size of a download as its first answer announces it: its ``Content-Length`` when that is
    all digits (and the body is not content-encoded, whose length is of the encoded bytes), else 0.
    """
    length = response.headers.get("Content-Length", "")
    if length.isascii() and length.isdigit() and not response.headers.get("Content-Encoding"):
        return int(length)
    return 0


def resumed(response: requests.Response, written: int) -> bool:
    return response.status_code == 206 and response.headers.get("Content-Range", "").startswith(
        f"bytes {written}-"
    )


def broke_off(written: int, exc: BaseException, shown: str, resumable: bool = True) -> TransportError:
    if not resumable:
        return TransportError(
            f"the download broke off after {written} bytes and could not be resumed "
            "(the file changed on the server?)",
            method="GET",
            url=shown,
        )
    return TransportError(
        f"the download broke off after {written} bytes: {type(exc).__name__}", method="GET", url=shown
    )


def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


class AtomicFile:
    """A path written through a temporary file beside it, renamed over it once complete."""

    def __init__(self, dest: Union[str, os.PathLike[str]]) -> None:
        self.path = os.fspath(dest)
        directory, base = os.path.split(os.path.abspath(self.path))
        fd, self.temp = tempfile.mkstemp(prefix=f".{base}.", suffix=".part", dir=directory)
        self.out = os.fdopen(fd, "wb")

    def commit(self) -> None:
        """Put the complete file in place (with the mode the path had, or the umask's)."""
        self.out.close()
        try:
            mode = stat.S_IMODE(os.stat(self.path).st_mode)
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        os.chmod(self.temp, mode)
        os.replace(self.temp, self.path)

    def discard(self) -> None:
        """Remove the temporary file; the path is left as it was."""
        self.out.close()
        try:
            os.unlink(self.temp)
        except FileNotFoundError:
            pass
