"""Endpoints of ``driver.brand``."""

from __future__ import annotations

from typing import Any, Dict, Optional, cast

import requests

from ..types import StatusOK
from .base import Base


class Brand(Base):
    """The ``brand`` routes."""

    endpoint = "/brand"

    def delete_brand_image(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> StatusOK:
        """DELETE /api/v4/brand/image

        Delete current brand image.
        """
        return cast("StatusOK", self.client.delete("/brand/image", options=options, params=params))

    def get_brand_image(self) -> requests.Response:
        """GET /api/v4/brand/image

        Get brand image.
        """
        return cast("requests.Response", self.client.get("/brand/image"))

    def upload_brand_image(self, files: Any) -> StatusOK:
        """POST /api/v4/brand/image

        Upload brand image.
        """
        return cast("StatusOK", self.client.post("/brand/image", files=files))
