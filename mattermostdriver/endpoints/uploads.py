"""Endpoints of ``driver.uploads``."""

from __future__ import annotations

from typing import Any, Dict, Optional

from .base import Base


class Uploads(Base):
    """The ``uploads`` routes."""

    def create_upload(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> Any:
        """POST /api/v4/uploads

        Create an upload.
        """
        return self.client.post("/uploads", options=options, params=params)

    def get_upload(self, upload_id: str, params: Optional[Dict[str, Any]] = None) -> Any:
        """GET /api/v4/uploads/{upload_id}

        Get an upload session.
        """
        return self.client.get(self.path("/uploads/{}", upload_id), params=params)

    def upload_data(
        self, upload_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Any:
        """POST /api/v4/uploads/{upload_id}

        Perform a file upload.
        """
        return self.client.post(self.path("/uploads/{}", upload_id), options=options, params=params)
