"""Endpoints of ``driver.uploads``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Optional, cast

from ..core.flows import UPLOAD_CHUNK_SIZE
from ..multipart import raw_body
from ..types import FileInfo
from .base import Base

if TYPE_CHECKING:
    from ..core.sources import Source
    from ..multipart import Progress


class Uploads(Base):
    """The ``uploads`` routes."""

    endpoint = "/uploads"

    def create_upload(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """POST /api/v4/uploads

        Create an upload.
        """
        return cast("Dict[str, Any]", self.client.post("/uploads", options=options, params=params))

    def get_upload(self, upload_id: str, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/uploads/{upload_id}

        Get an upload session.
        """
        return cast("Dict[str, Any]", self.client.get(self.path("/uploads/{}", upload_id), params=params))

    def upload_data(
        self,
        upload_id: str,
        data: Any = None,
        params: Optional[Dict[str, Any]] = None,
        *,
        files: Any = None,
        progress: Optional[Progress] = None,
    ) -> Optional[FileInfo]:
        """POST /api/v4/uploads/{upload_id}

        Perform a file upload: send the next bytes of the upload session's file, from its
        ``file_offset``. Answers None until the last bytes are in, then the file's FileInfo.

        ``data`` is those bytes: bytes or a binary file object (streamed from its position),
        sent as the raw body (``application/octet-stream``); or give ``files``, a multipart
        dict of one file, to send a multipart form instead: the server reads the raw body or
        the first part of a multipart one (``doUploadData`` in
        ``server/channels/api4/upload.go``), as the description says since v11.8 (the April
        2026 one said ``application/x-www-form-urlencoded``: a form would be stored as the
        file's bytes). ``progress(bytes_sent, total)`` is called as
        the body goes out. :meth:`upload_file_resumable` does the whole upload.
        """
        path = self.path("/uploads/{}", upload_id)
        if files is not None:
            return cast("Optional[FileInfo]", self.client.post(path, params=params, files=files))
        body = raw_body(b"" if data is None else data, progress=progress)
        # never resent whole: the server may have kept part of it (get_upload tells how much)
        return cast(
            "Optional[FileInfo]",
            self.client.post(
                path, params=params, data=body, headers={"Content-Type": body.content_type or ""}, retry=False
            ),
        )

    def upload_file_resumable(
        self,
        channel_id: str,
        path_or_fileobj: Source,
        *,
        filename: Optional[str] = None,
        chunk_size: int = UPLOAD_CHUNK_SIZE,
        progress: Optional[Progress] = None,
    ) -> FileInfo:
        """POST /api/v4/uploads

        Upload a large file in chunks through an upload session, resuming after a failure.

        Creates the session (``POST /api/v4/uploads``), sends the file in chunks of
        ``chunk_size`` bytes (``POST /api/v4/uploads/{upload_id}``), each streamed from the
        file with flat memory, and after a failed chunk asks the server how much it kept
        (``GET /api/v4/uploads/{upload_id}``) and goes on from there, up to the ``retries``
        option in a row. The server refuses a first chunk under 5 MiB (unless it is the
        whole file), so the first chunk is at least that.

        Args:
            channel_id: the channel the file is for.
            path_or_fileobj: a path, a seekable binary file object (sent from its current
                position), or bytes.
            filename: the file's name (default: the path's or file object's base name).
            chunk_size: bytes per request.
            progress: called as ``progress(bytes_done, total)`` each time the server has
                taken a chunk.

        Returns:
            The FileInfo of the uploaded file: pass its ``id`` in a post's ``file_ids``.

        Raises:
            ValueError: the file is not seekable, or has no name and ``filename`` is missing.
            ContentTooLarge: the file is over the server's MaxFileSize.
            TransportError: the connection kept failing.

        """
        return cast(
            "FileInfo",
            self.client.upload_resumable(
                channel_id,
                path_or_fileobj,
                filename=filename,
                chunk_size=chunk_size,
                progress=progress,
            ),
        )
