"""Endpoints of ``driver.audit_logs``."""

from __future__ import annotations

from typing import Any, Dict, Optional, cast

from ..types import StatusOK
from .base import Base


class AuditLogs(Base):
    """The ``audit_logs`` routes.

    Needs an Enterprise licence: a server without one answers 501 or 403, raised as
    :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
    """

    endpoint = "/audit_logs"

    def add_audit_log_certificate(self, files: Any, params: Optional[Dict[str, Any]] = None) -> StatusOK:
        """POST /api/v4/audit_logs/certificate

        Upload audit log certificate. ``files`` is the multipart dict, e.g.
        ``{"certificate": open(path, "rb")}``.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("StatusOK", self.client.post("/audit_logs/certificate", params=params, files=files))

    def remove_audit_log_certificate(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/audit_logs/certificate

        Remove audit log certificate.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("StatusOK", self.client.delete("/audit_logs/certificate", options=options, params=params))
