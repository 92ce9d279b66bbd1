"""Streaming transfers: multipart bodies read lazily, resumable uploads, downloads to disk.

Memory stays flat whatever the file size: a file is never read whole, only a block at a
time while the socket takes it.

* :func:`multipart_body` builds a ``multipart/form-data`` body from the ``data`` and
  ``files`` shapes :mod:`requests` accepts, byte for byte what :mod:`requests` would send
  (but for the random boundary), form fields first. File objects are read in blocks as the
  body is sent; the body knows its length (``Content-Length``, not chunked) and every pass
  over it starts from the beginning, so a retried request sends it whole again.
  :meth:`Client.make_request <mattermostdriver.client.Client.make_request>` sends every
  ``files`` upload this way.
* :func:`upload_resumable` sends a file through an upload session (``/uploads``) in
  chunks, resuming after a failure from the offset the server reports.
* :func:`download` streams a response body to a path (atomically) or a file object,
  resuming with a ``Range`` request when the connection drops mid-body.
"""

from __future__ import annotations

import io
import os
import stat
import tempfile
from typing import IO, Any, Callable, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

import requests
from urllib3.fields import RequestField
from urllib3.filepost import choose_boundary

from .client import Client, redact_url
from .exceptions import ClientError, ResourceNotFound, ServerError, TransportError, UnexpectedResponse

#: The most bytes :class:`StreamBody` reads from a file at a time (and sends in one go).
BLOCK_SIZE = 1024 * 1024
#: Default chunk size of :func:`upload_resumable`: one request per chunk.
UPLOAD_CHUNK_SIZE = 8 * 1024 * 1024
#: The server refuses a first chunk smaller than this unless it is the whole file.
MIN_FIRST_CHUNK = 5 * 1024 * 1024
#: Default block size of :func:`download`.
DOWNLOAD_CHUNK_SIZE = 1024 * 1024
#: The error a chunk gets while the server still holds the session for an earlier attempt.
_CONCURRENT_UPLOAD = "app.upload.upload_data.concurrent.app_error"

Progress = Callable[[int, int], Any]
Source = Union[str, "os.PathLike[str]", bytes, bytearray, IO[bytes]]
Destination = Union[str, "os.PathLike[str]", IO[bytes]]


class _FileRange:
    """``length`` bytes of a binary file object, from ``start``."""

    __slots__ = ("fp", "length", "start")

    def __init__(self, fp: Any, start: int, length: int) -> None:
        self.fp = fp
        self.start = start
        self.length = length

    def __len__(self) -> int:
        return self.length


Part = Union[bytes, _FileRange]


def file_range(fp: Any) -> Optional[_FileRange]:
    """The rest of a binary file object, from its position to its end; None if it cannot seek.

    Text files and streams without ``tell``/``seek`` (pipes, sockets) give None: their
    length is unknown before they are read.
    """
    if isinstance(fp, io.TextIOBase):
        return None
    try:
        start = fp.tell()
        end: Optional[int] = None
        try:
            mode = os.fstat(fp.fileno())
            if stat.S_ISREG(mode.st_mode):
                end = mode.st_size
        except (AttributeError, OSError, ValueError):
            end = None
        if end is None:
            fp.seek(0, io.SEEK_END)
            end = fp.tell()
            fp.seek(start)
    except (AttributeError, OSError, ValueError):
        return None
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    return _FileRange(fp, start, max(0, end - start))


class StreamBody:
    """A request body made of byte strings and file ranges, sent a block at a time.

    It has a length, so :mod:`requests` sends ``Content-Length`` (not chunked). Each
    iteration is a complete pass from its start, every file object first moved to where
    its part starts: a request that is retried sends the body whole again, the files
    rewound. It deliberately has no ``read``: urllib3 reads a file-like body 16 KiB at a
    time, which over TLS is several times slower than blocks of ``block_size``.

    Args:
        parts: byte strings and file ranges, in order.
        content_type: the ``Content-Type`` header that goes with the body, if any.
        block_size: the most bytes read from a file at a time.

    """

    def __init__(
        self, parts: Sequence[Part], content_type: Optional[str] = None, *, block_size: int = BLOCK_SIZE
    ) -> None:
        self.content_type = content_type
        self.block_size = block_size
        self._parts: List[Part] = []
        for part in parts:
            if not len(part):
                continue
            if isinstance(part, bytes) and self._parts and isinstance(self._parts[-1], bytes):
                self._parts[-1] += part  # one send for the headers between two files
            else:
                self._parts.append(part)
        self._length = sum(len(p) for p in self._parts)

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[bytes]:
        for part in self._parts:
            if isinstance(part, bytes):
                yield part
                continue
            part.fp.seek(part.start)
            left = part.length
            while left:
                data = part.fp.read(min(self.block_size, left))
                if not data:
                    raise OSError(
                        f"{getattr(part.fp, 'name', 'the file')!s} ended {left} bytes early: "
                        "was it truncated while it was being sent?"
                    )
                if len(data) > left:  # a file object that ignores its size argument
                    raise OSError("the file object returned more bytes than asked for")
                left -= len(data)
                yield data


def _as_bytes(value: Any) -> bytes:
    """A field's value as urllib3 writes it: int and str as UTF-8 text, buffers as they are."""
    if isinstance(value, int):
        value = str(value)
    if isinstance(value, str):
        return value.encode("utf-8")
    return bytes(memoryview(value))


def _pairs(value: Any) -> List[Tuple[Any, Any]]:
    """A dict or a list of pairs as a list of pairs (``requests.utils.to_key_val_list``)."""
    if value is None:
        return []
    if isinstance(value, (str, bytes, bool, int)):
        raise ValueError("cannot encode objects that are not 2-tuples")
    if isinstance(value, Mapping):
        return list(value.items())
    return list(value)


def _guess_filename(obj: Any) -> Optional[str]:
    """The base name of a file object's ``name`` (``requests.utils.guess_filename``)."""
    name = getattr(obj, "name", None)
    if name and isinstance(name, (str, bytes)) and name[0] != "<" and name[-1] != ">":
        return os.path.basename(name)  # type: ignore[return-value]
    return None


def _headers(name: Any, filename: Any = None, content_type: Any = None, headers: Any = None) -> bytes:
    field = RequestField(name=name, data=b"", filename=filename, headers=headers)
    field.make_multipart(content_type=content_type)
    return field.render_headers().encode("utf-8")


def multipart_body(data: Any = None, files: Any = None, *, boundary: Optional[str] = None) -> StreamBody:
    """Build a streaming ``multipart/form-data`` body, as :mod:`requests` would encode it.

    Args:
        data: the form fields: a dict or a list of ``(name, value)`` pairs; a value may
            be a list (one part each); these parts come first (Mattermost streams
            ``POST /api/v4/files`` to storage only when ``channel_id`` precedes the files).
        files: the files: a dict or a list of ``(field, value)`` pairs, where value is a
            file object, bytes or str, or a tuple ``(filename, fileobj_or_bytes[,
            content_type[, headers]])``. A seekable binary file object is streamed from
            its current position; others are read whole, as :mod:`requests` does.
        boundary: the part boundary (random by default).

    Returns:
        The body; its ``content_type`` attribute is the ``Content-Type`` header to send.

    Raises:
        ValueError: ``data`` is a string.

    """
    if isinstance(data, (str, bytes)):
        raise ValueError("Data must not be a string.")
    boundary = boundary or choose_boundary()
    delimiter = f"--{boundary}\r\n".encode("latin-1")
    parts: List[Part] = []
    for name, value in _pairs(data or {}):
        values = [value] if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__") else value
        for item in values:
            if item is None:
                continue
            if isinstance(name, bytes):
                name = name.decode("utf-8")
            parts += [delimiter, _headers(name), _as_bytes(item if isinstance(item, bytes) else str(item))]
            parts.append(b"\r\n")
    for name, value in _pairs(files or {}):
        ctype = extra = None
        if isinstance(value, (tuple, list)):
            if len(value) == 2:
                filename, source = value
            elif len(value) == 3:
                filename, source, ctype = value
            else:
                filename, source, ctype, extra = value
        else:
            filename, source = _guess_filename(value) or name, value
        content: Optional[Part]
        if isinstance(source, (str, bytes, bytearray)):
            content = _as_bytes(source)
        elif hasattr(source, "read"):
            content = file_range(source)
            if content is None:  # unseekable or text: read whole, as requests does
                content = _as_bytes(source.read())
        elif source is None:
            continue
        else:
            content = _as_bytes(source)
        parts += [delimiter, _headers(name, filename, ctype, extra), content, b"\r\n"]
    parts.append(f"--{boundary}--\r\n".encode("latin-1"))
    return StreamBody(parts, f"multipart/form-data; boundary={boundary}")


# -- resumable uploads ---------------------------------------------------------------------------
def _open_source(source: Source, filename: Optional[str]) -> Tuple[Any, bool, str]:
    """The file object to read, whether to close it, and the file name."""
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        return open(path, "rb"), True, filename or os.path.basename(path)
    if isinstance(source, (bytes, bytearray)):
        fp: Any = io.BytesIO(source)
        close = True
    else:
        fp, close = source, False
    name = filename or _guess_filename(fp)
    if not name:
        if close:
            fp.close()
        raise ValueError("filename is required when the file object has no name")
    return fp, close, str(name)


def upload_resumable(
    client: Client,
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
    from .endpoints.base import build_path

    if chunk_size <= 0:
        raise ValueError("chunk_size must be positive")
    fp, close, name = _open_source(source, filename)
    try:
        whole = file_range(fp)
        if whole is None:
            raise ValueError("a resumable upload needs a seekable binary file (its size is sent first)")
        size = whole.length
        session = client.post(
            "/uploads", options={"channel_id": channel_id, "filename": name, "file_size": size}
        )
        path = build_path("/uploads/{}", session["id"])
        offset = int(session.get("file_offset") or 0)
        failures = 0
        while True:
            limit = max(chunk_size, MIN_FIRST_CHUNK) if offset == 0 else chunk_size
            length = min(limit, size - offset)
            chunk = StreamBody([_FileRange(fp, whole.start + offset, length)])
            try:
                response = client.make_request(
                    "post",
                    path,
                    data=chunk,
                    headers={"Content-Type": "application/octet-stream"},
                    # never resent whole: the server may have kept part of it; resumed below instead
                    retry=False,
                )
            except (TransportError, ServerError, ClientError) as exc:
                resumable = not isinstance(exc, ClientError) or exc.error_id == _CONCURRENT_UPLOAD
                failures += 1
                if not resumable or failures > client.options["retries"]:
                    raise
                client._sleep(client._backoff(failures))
                offset = _server_offset(client, path, exc, sent_last=offset + length >= size)
                continue
            offset += length
            if response.status_code != 204:
                info = client.parse(response)
                if progress is not None:
                    progress(size, size)
                return info
            failures = 0
            if progress is not None:
                progress(offset, size)
            if offset >= size:
                raise UnexpectedResponse(
                    "the server took every byte of the upload but returned no file info",
                    status_code=response.status_code,
                    method="POST",
                    url=redact_url(client.build_url(path)),
                    response=response,
                )
    finally:
        if close:
            fp.close()


def _server_offset(client: Client, path: str, cause: Exception, *, sent_last: bool) -> int:
    """Ask the server how much of the upload it has (``GET /api/v4/uploads/{upload_id}``)."""
    try:
        state = client.get(path)
    except ResourceNotFound:
        if not sent_last:
            raise
        # The session is deleted once the file is complete: the last chunk went through but its
        # answer (the FileInfo) was lost with the connection.
        raise TransportError(
            f"the upload's last chunk reached the server but its answer was lost ({cause}); "
            "the file was probably stored, but its id is unknown",
            method="POST",
            url=redact_url(client.build_url(path)),
        ) from cause
    return int(state.get("file_offset") or 0)


# -- downloads -----------------------------------------------------------------------------------
def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def download(
    client: Client,
    endpoint: str,
    dest: Destination,
    *,
    chunk_size: int = DOWNLOAD_CHUNK_SIZE,
    params: Optional[Mapping[str, Any]] = None,
    basepath: Optional[str] = None,
) -> int:
    """Stream the body of ``GET endpoint`` to ``dest`` and return the number of bytes written.

    ``dest`` is a path, written atomically (into a temporary file beside it, renamed over
    it once complete; nothing is left behind after a failure), or a writable binary file
    object. A connection that drops mid-body is resumed with a ``Range`` request when the
    server supports it (as Mattermost's file routes do), up to the ``retries`` option.

    Raises:
        ApiError: the server answered with an error status.
        TransportError: the connection failed and could not be resumed.

    """
    if chunk_size <= 0:
        raise ValueError("chunk_size must be positive")
    if hasattr(dest, "write"):
        return _stream_to(client, endpoint, dest, chunk_size, params, basepath)
    path = os.fspath(dest)
    directory, base = os.path.split(os.path.abspath(path))
    fd, temp = tempfile.mkstemp(prefix=f".{base}.", suffix=".part", dir=directory)
    try:
        with os.fdopen(fd, "wb") as out:
            written = _stream_to(client, endpoint, out, chunk_size, params, basepath)
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode)
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        raise
    return written


def _stream_to(
    client: Client,
    endpoint: str,
    out: Any,
    chunk_size: int,
    params: Optional[Mapping[str, Any]],
    basepath: Optional[str],
) -> int:
    written = 0
    failures = 0
    written_at_failure = 0
    response = client.make_request("get", endpoint, params=params, basepath=basepath, stream=True)
    validator = response.headers.get("ETag") or response.headers.get("Last-Modified")
    resumable = (
        response.headers.get("Accept-Ranges", "").lower() == "bytes"
        and not response.headers.get("Content-Encoding")
        and bool(validator)
    )
    while True:
        try:
            with response:
                for block in response.iter_content(chunk_size):
                    out.write(block)
                    written += len(block)
            return written
        except requests.RequestException as exc:
            # failures in a row without progress are bounded by the retries option
            failures = 1 if written > written_at_failure else failures + 1
            written_at_failure = written
            shown = redact_url(client.build_url(endpoint, basepath))
            if not resumable or failures > client.options["retries"]:
                raise TransportError(
                    f"the download broke off after {written} bytes: {type(exc).__name__}",
                    method="GET",
                    url=shown,
                ) from None
            client._sleep(client._backoff(failures))
            response = client.make_request(
                "get",
                endpoint,
                params=params,
                basepath=basepath,
                stream=True,
                headers={"Range": f"bytes={written}-", "If-Range": str(validator)},
            )
            if response.status_code != 206 or not response.headers.get("Content-Range", "").startswith(
                f"bytes {written}-"
            ):
                response.close()
                raise TransportError(
                    f"the download broke off after {written} bytes and could not be resumed "
                    "(the file changed on the server?)",
                    method="GET",
                    url=shown,
                ) from None


__all__ = [
    "StreamBody",
    "file_range",
    "multipart_body",
    "upload_resumable",
    "download",
    "BLOCK_SIZE",
    "UPLOAD_CHUNK_SIZE",
    "MIN_FIRST_CHUNK",
    "DOWNLOAD_CHUNK_SIZE",
]
