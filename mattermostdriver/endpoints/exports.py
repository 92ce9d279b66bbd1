"""Endpoints of ``driver.exports``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

import requests

from ..types import StatusOK
from .base import Base


class Exports(Base):
    """The ``exports`` routes."""

    endpoint = "/exports"

    def delete_export(
        self, export_name: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/exports/{export_name}

        Delete an export file.
        """
        return cast(
            "StatusOK",
            self.client.delete(self.path("/exports/{}", export_name), options=options, params=params),
        )

    def download_export(self, export_name: str, params: Optional[Dict[str, Any]] = None) -> requests.Response:
        """GET /api/v4/exports/{export_name}

        Download an export file.
        """
        return cast(
            "requests.Response", self.client.get(self.path("/exports/{}", export_name), params=params)
        )

    def list_exports(self, params: Optional[Dict[str, Any]] = None) -> List[str]:
        """GET /api/v4/exports

        List export files.
        """
        return cast("List[str]", self.client.get("/exports", params=params))

    def presign_export(
        self, export_name: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/exports/{export_name}/presign-url

        Create a presigned URL for export download.

        Minimum server version: 5.33.

        The server refuses it unless presigned export links are enabled (a Mattermost Cloud feature).
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(
                self.path("/exports/{}/presign-url", export_name), options=options, params=params
            ),
        )
