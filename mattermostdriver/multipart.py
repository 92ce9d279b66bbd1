"""Request bodies that stream: multipart forms and file ranges, read a block at a time.

:func:`multipart_body` builds a ``multipart/form-data`` body from the ``data`` and ``files``
shapes :mod:`requests` accepts, byte for byte what :mod:`requests` would send (but for the
random boundary), form fields first. File objects are read in blocks as the body is sent;
the body knows its length (``Content-Length``, not chunked) and every pass over it starts
from the beginning, so a retried request sends it whole again. Memory stays flat whatever
the file size.
"""

from __future__ import annotations

import io
import os
import stat
from typing import Any, Callable, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

from urllib3.fields import RequestField
from urllib3.filepost import choose_boundary

__all__ = ["BLOCK_SIZE", "FileRange", "Progress", "StreamBody", "file_range", "multipart_body", "raw_body"]

#: The most bytes :class:`StreamBody` reads from a file at a time (and sends in one go).
BLOCK_SIZE = 1024 * 1024


class FileRange:
    """``length`` bytes of a binary file object, from ``start``."""

    __slots__ = ("fp", "length", "start")

    def __init__(self, fp: Any, start: int, length: int) -> None:
        self.fp = fp
        self.start = start
        self.length = length

    def __len__(self) -> int:
        return self.length


Part = Union[bytes, FileRange]
#: Called as ``progress(bytes_sent, total)`` as a body is sent (again from 0 on a resend).
Progress = Callable[[int, int], Any]


def file_range(fp: Any) -> Optional[FileRange]:
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
    return FileRange(fp, start, max(0, end - start))


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
        self,
        parts: Sequence[Part],
        content_type: Optional[str] = None,
        *,
        block_size: int = BLOCK_SIZE,
        progress: Optional[Progress] = None,
    ) -> None:
        self.content_type = content_type
        self.progress = progress
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
        progress, total, sent = self.progress, self._length, 0
        for block in self._blocks():
            if progress is not None:  # as each block is handed over: the sender may stop at the last
                sent += len(block)
                progress(sent, total)
            yield block

    def _blocks(self) -> Iterator[bytes]:
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


def multipart_body(
    data: Any = None,
    files: Any = None,
    *,
    boundary: Optional[str] = None,
    progress: Optional[Progress] = None,
) -> StreamBody:
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
        progress: called as ``progress(bytes_sent, total)`` while the body is sent.

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
    return StreamBody(parts, f"multipart/form-data; boundary={boundary}", progress=progress)


def raw_body(source: Any, *, progress: Optional[Progress] = None) -> StreamBody:
    """Build a raw ``application/octet-stream`` body: the bytes of one file, streamed.

    Args:
        source: bytes, a binary file object (a seekable one is streamed from its current
            position and rewound for a resend; another is read whole), or a ``files`` dict
            (or list of pairs) of exactly one file, in the shapes :func:`multipart_body`
            takes, whose content is sent.
        progress: called as ``progress(bytes_sent, total)`` while the body is sent.

    Raises:
        ValueError: ``source`` names several files, or is not a file's content.

    """
    if isinstance(source, Mapping) or isinstance(source, list):
        pairs = _pairs(source)
        if len(pairs) != 1:
            raise ValueError(f"a raw body is one file, not {len(pairs)}")
        source = pairs[0][1]
    if isinstance(source, (tuple, list)):
        source = source[1]  # (filename, content[, content_type[, headers]])
    content: Optional[Part]
    if isinstance(source, (bytes, bytearray, memoryview)):
        content = bytes(source)
    elif hasattr(source, "read"):
        content = file_range(source)
        if content is None:
            content = _as_bytes(source.read())
    else:
        raise ValueError(f"a raw body is bytes or a binary file object, not {type(source).__name__}")
    return StreamBody([content], "application/octet-stream", progress=progress)
