"""Endpoints of ``driver.exports``."""

from __future__ import annotations

from typing import Any, Dict, Optional

from .base import Base


class Exports(Base):
    """The ``exports`` routes."""

    endpoint = "/exports"

    def delete_export(
        self, export_name: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Any:
        """DELETE /api/v4/exports/{export_name}

        Delete an export file.
        """
        return self.client.delete(self.path("/exports/{}", export_name), options=options, params=params)

    def download_export(self, export_name: str, params: Optional[Dict[str, Any]] = None) -> Any:
        """GET /api/v4/exports/{export_name}

        Download an export file.
        """
        return self.client.get(self.path("/exports/{}", export_name), params=params)

    def list_exports(self, params: Optional[Dict[str, Any]] = None) -> Any:
        """GET /api/v4/exports

        List export files.
        """
        return self.client.get("/exports", params=params)

    def presign_export(
        self, export_name: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Any:
        """POST /api/v4/exports/{export_name}/presign-url

        Create a presigned URL for export download.

        Minimum server version: 5.33.

        The server refuses it unless presigned export links are enabled (a Mattermost Cloud feature).
        """
        return self.client.post(
            self.path("/exports/{}/presign-url", export_name), options=options, params=params
        )
