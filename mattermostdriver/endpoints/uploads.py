"""Endpoints of ``driver.uploads``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Optional, cast

from ..types import FileInfo
from .base import Base

if TYPE_CHECKING:
    from ..transfer import Progress, Source

#: Default chunk size of :meth:`Uploads.upload_file_resumable` (8 MiB): one request each.
UPLOAD_CHUNK_SIZE = 8 * 1024 * 1024


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
        self, upload_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Optional[FileInfo]:
        """POST /api/v4/uploads/{upload_id}

        Perform a file upload.
        """
        # None (204) until the last chunk is in; then the file's FileInfo
        return cast(
            "Optional[FileInfo]",
            self.client.post(self.path("/uploads/{}", upload_id), options=options, params=params),
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
