"""Endpoints of ``driver.files``."""

from __future__ import annotations

from typing import Any, Dict, Optional

from .base import Base


class Files(Base):
    """The ``files`` routes."""

    def get_file(self, file_id: str) -> Any:
        """GET /api/v4/files/{file_id}

        Get a file.
        """
        return self.client.get(self.path("/files/{}", file_id))

    def get_file_metadata(self, file_id: str) -> Any:
        """GET /api/v4/files/{file_id}/info

        Get metadata for a file.
        """
        return self.client.get(self.path("/files/{}/info", file_id))

    def get_file_preview(self, file_id: str) -> Any:
        """GET /api/v4/files/{file_id}/preview

        Get a file's preview.
        """
        return self.client.get(self.path("/files/{}/preview", file_id))

    def get_file_public(self, file_id: str, params: Optional[Dict[str, Any]] = None) -> Any:
        """GET /files/{file_id}/public

        Get a public file.
        """
        return self.client.get(
            self.path("/files/{}/public", file_id), params=params, basepath=self.client.options["site_path"]
        )

    def get_file_thumbnail(self, file_id: str) -> Any:
        """GET /api/v4/files/{file_id}/thumbnail

        Get a file's thumbnail.
        """
        return self.client.get(self.path("/files/{}/thumbnail", file_id))

    def get_public_file_link(self, file_id: str) -> Any:
        """GET /api/v4/files/{file_id}/link

        Get a public file link.
        """
        return self.client.get(self.path("/files/{}/link", file_id))

    def search_files(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> Any:
        """POST /api/v4/files/search

        Search files across the teams of the current user.
        """
        return self.client.post("/files/search", options=options, params=params)

    def upload_file(self, channel_id: str, files: Any) -> Any:
        """POST /api/v4/files

        Upload files to a channel; attach them to a post by passing the returned
        ``file_infos[i]["id"]`` as the post's ``file_ids``. ``files`` is the multipart dict
        (the field is ``files``), e.g. ``{"files": ("report.pdf", open("report.pdf", "rb"))}``;
        a list of ``("files", ...)`` pairs uploads several at once.
        """
        return self.client.post("/files", data={"channel_id": channel_id}, files=files)
