"""Endpoints of ``driver.compliance``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

import requests

from .base import Base, query


class Compliance(Base):
    """The ``compliance`` routes.

    Needs an Enterprise licence: a server without one answers 501 or 403, raised as
    :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
    """

    endpoint = "/compliance"

    def create_report(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """POST /api/v4/compliance/reports

        Create report.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("Dict[str, Any]", self.client.post("/compliance/reports", params=params))

    def download_report(self, report_id: str) -> requests.Response:
        """GET /api/v4/compliance/reports/{report_id}/download

        Download a report.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "requests.Response", self.client.get(self.path("/compliance/reports/{}/download", report_id))
        )

    def get_report(self, report_id: str) -> Dict[str, Any]:
        """GET /api/v4/compliance/reports/{report_id}

        Get a report.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("Dict[str, Any]", self.client.get(self.path("/compliance/reports/{}", report_id)))

    def get_reports(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/compliance/reports

        Get reports.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of reports per page.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get("/compliance/reports", params=query(params, page=page, per_page=per_page)),
        )
