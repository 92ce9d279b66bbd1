"""Endpoints of ``driver.terms_of_service``."""

from __future__ import annotations

from typing import Any, Dict, Optional, cast

from .base import Base


class TermsOfService(Base):
    """The ``terms_of_service`` routes."""

    endpoint = "/terms_of_service"

    def create_terms_of_service(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/terms_of_service

        Creates a new terms of service.
        """
        return cast("Dict[str, Any]", self.client.post("/terms_of_service", options=options, params=params))

    def get_terms_of_service(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/terms_of_service

        Get latest terms of service.
        """
        return cast("Dict[str, Any]", self.client.get("/terms_of_service", params=params))
