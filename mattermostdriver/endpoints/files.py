"""Endpoints of ``driver.files``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Optional, cast

import requests

from ..core.flows import DOWNLOAD_CHUNK_SIZE
from ..multipart import Progress, multipart_body, raw_body
from ..types import FileInfo
from .base import Base, query

if TYPE_CHECKING:
    from ..core.sources import Destination


class Files(Base):
    """The ``files`` routes."""

    endpoint = "/files"

    def get_file(self, file_id: str) -> requests.Response:
        """GET /api/v4/files/{file_id}

        Get a file.
        """
        return cast("requests.Response", self.client.get(self.path("/files/{}", file_id)))

    def get_file_metadata(self, file_id: str) -> FileInfo:
        """GET /api/v4/files/{file_id}/info

        Get metadata for a file.
        """
        return cast("FileInfo", self.client.get(self.path("/files/{}/info", file_id)))

    def get_file_preview(self, file_id: str) -> requests.Response:
        """GET /api/v4/files/{file_id}/preview

        Get a file's preview.
        """
        return cast("requests.Response", self.client.get(self.path("/files/{}/preview", file_id)))

    def get_file_public(
        self, file_id: str, params: Optional[Dict[str, Any]] = None, *, h: Optional[str] = None
    ) -> requests.Response:
        """GET /files/{file_id}/public

        Get a public file; ``h`` is the hash from the link of
        :meth:`get_public_file_link`. Needs no token.

        Query parameters (keyword-only arguments):

        * ``h``: (required) File hash
        """
        return cast(
            "requests.Response",
            self.client.get(
                self.path("/files/{}/public", file_id),
                params=query(params, h=h),
                basepath=self.client.options["site_path"],
            ),
        )

    def get_file_thumbnail(self, file_id: str) -> requests.Response:
        """GET /api/v4/files/{file_id}/thumbnail

        Get a file's thumbnail.
        """
        return cast("requests.Response", self.client.get(self.path("/files/{}/thumbnail", file_id)))

    def get_public_file_link(self, file_id: str) -> Dict[str, Any]:
        """GET /api/v4/files/{file_id}/link

        Get a public file link.
        """
        return cast("Dict[str, Any]", self.client.get(self.path("/files/{}/link", file_id)))

    def head_file(self, file_id: str, params: Optional[Dict[str, Any]] = None) -> requests.Response:
        """HEAD /api/v4/files/{file_id}

        Get file metadata headers.

        Minimum server version: not stated by the description, which has the route since v11.8.

        Nothing is downloaded: returns the :class:`requests.Response`, whose headers (``Content-Type``,
        ``Content-Length``...) describe the file.
        """
        return self.client.head(self.path("/files/{}", file_id), params=params)

    def head_file_preview(self, file_id: str, params: Optional[Dict[str, Any]] = None) -> requests.Response:
        """HEAD /api/v4/files/{file_id}/preview

        Get preview metadata headers.

        Minimum server version: not stated by the description, which has the route since v11.8.

        Nothing is downloaded: returns the :class:`requests.Response`, whose headers (``Content-Type``,
        ``Content-Length``...) describe the file.
        """
        return self.client.head(self.path("/files/{}/preview", file_id), params=params)

    def head_file_public(
        self, file_id: str, params: Optional[Dict[str, Any]] = None, *, h: Optional[str] = None
    ) -> requests.Response:
        """HEAD /files/{file_id}/public

        Get public file metadata headers.

        Minimum server version: not stated by the description, which has the route since v11.8.

        Performs the checks of :meth:`get_file_public`; needs no token.

        Nothing is downloaded: returns the :class:`requests.Response`, whose headers (``Content-Type``,
        ``Content-Length``...) describe the file.

        Query parameters (keyword-only arguments):

        * ``h``: (required) File hash
        """
        return self.client.make_request(
            "head",
            self.path("/files/{}/public", file_id),
            params=query(params, h=h),
            basepath=self.client.options["site_path"],
        )

    def head_file_thumbnail(self, file_id: str, params: Optional[Dict[str, Any]] = None) -> requests.Response:
        """HEAD /api/v4/files/{file_id}/thumbnail

        Get thumbnail metadata headers.

        Minimum server version: not stated by the description, which has the route since v11.8.

        Nothing is downloaded: returns the :class:`requests.Response`, whose headers (``Content-Type``,
        ``Content-Length``...) describe the file.
        """
        return self.client.head(self.path("/files/{}/thumbnail", file_id), params=params)

    def search_files(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """POST /api/v4/files/search

        Search files across the teams of the current user; ``options`` is the search, e.g.
        ``{"terms": "report", "is_or_search": False}``.

        Sent as JSON: the description says a multipart form, but the server reads a JSON body
        (``searchFiles`` in ``server/channels/api4/file.go``).
        """
        return cast("Dict[str, Any]", self.client.post("/files/search", options=options, params=params))

    def upload_file(
        self,
        channel_id: str,
        files: Any,
        *,
        progress: Optional[Progress] = None,
        filename: Optional[str] = None,
    ) -> Dict[str, Any]:
        """POST /api/v4/files

        Upload files to a channel; attach them to a post by passing the returned
        ``file_infos[i]["id"]`` as the post's ``file_ids``. ``files`` is the multipart dict
        (the field is ``files``), e.g. ``{"files": ("report.pdf", open("report.pdf", "rb"))}``;
        a list of ``("files", ...)`` pairs uploads several at once.

        The body is streamed: a seekable file object is read a block at a time while it is
        sent (memory stays flat whatever its size), ``channel_id`` goes first so that the
        server streams the files to storage too, and the file objects are rewound if the
        request is retried. ``progress(bytes_sent, total)`` is called as the body goes out
        (the command line's progress bar uses it). For files of hundreds of MB, see
        :meth:`~mattermostdriver.endpoints.uploads.Uploads.upload_file_resumable`.

        With ``filename``, the other way the route takes a file: one file, whose bytes are the
        whole body (``application/octet-stream``), ``channel_id`` and ``filename`` in the
        query. ``files`` is then that file: bytes, a binary file object (streamed), or a
        multipart dict of one file, whose content is sent.

        Query parameters (sent with ``filename`` only):

        * ``channel_id``: the first argument: a form field of the multipart body, or in the query
          with ``filename``.
        * ``filename``: The name of the file to be uploaded; sends the file as the raw body.
        """
        if filename is None:
            body = multipart_body({"channel_id": channel_id}, files, progress=progress)
            params = None
        else:
            body = raw_body(files, progress=progress)
            params = {"channel_id": channel_id, "filename": filename}
        return cast(
            "Dict[str, Any]",
            self.client.post(
                "/files", params=params, data=body, headers={"Content-Type": body.content_type or ""}
            ),
        )

    def download_file(
        self,
        file_id: str,
        dest: Destination,
        *,
        chunk_size: int = DOWNLOAD_CHUNK_SIZE,
        progress: Optional[Progress] = None,
    ) -> int:
        """GET /api/v4/files/{file_id}

        Download a file to ``dest`` with flat memory, a block of ``chunk_size`` bytes at a time.

        Args:
            file_id: the file's id.
            dest: a path, written atomically (a temporary file beside it is renamed over
                it when complete; nothing is left behind after a failure), or a writable
                binary file object.
            chunk_size: bytes read and written at a time.
            progress: called as ``progress(bytes_written, total)`` after each block written,
                as :meth:`upload_file` calls its own (``total``: the file's size, from the
                answer's ``Content-Length``; 0 when the server gives none). A download that
                is resumed goes on from where it broke off: each byte is counted once.

        Returns:
            The number of bytes written.

        Raises:
            ResourceNotFound: no such file (or no permission to read it).
            TransportError: the connection failed (a dropped download is resumed with a
                ``Range`` request first, up to the ``retries`` option).

        """
        return self.client.download(
            self.path("/files/{}", file_id), dest, chunk_size=chunk_size, progress=progress
        )
