"""Endpoints of ``driver.ip_filtering``."""

from __future__ import annotations

from typing import Any, Dict, Optional, cast

from .base import Base


class IPFiltering(Base):
    """The ``ip_filtering`` routes.

    Mattermost Cloud only (or a licence that includes it): elsewhere the server answers 400, 403 or 501,
    raised as the matching exception.
    """

    endpoint = "/ip_filtering"

    def apply_ip_filters(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/ip_filtering

        Get all IP filters.

        Mattermost Cloud only (or a licence that includes it): elsewhere the server answers 400, 403 or
        501, raised as the matching exception.
        """
        return cast("Dict[str, Any]", self.client.post("/ip_filtering", options=options, params=params))

    def get_ip_filters(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/ip_filtering

        Get all IP filters.

        Mattermost Cloud only (or a licence that includes it): elsewhere the server answers 400, 403 or
        501, raised as the matching exception.
        """
        return cast("Dict[str, Any]", self.client.get("/ip_filtering", params=params))

    def my_ip(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/ip_filtering/my_ip

        Get all IP filters.

        Mattermost Cloud only (or a licence that includes it): elsewhere the server answers 400, 403 or
        501, raised as the matching exception.
        """
        return cast("Dict[str, Any]", self.client.get("/ip_filtering/my_ip", params=params))
