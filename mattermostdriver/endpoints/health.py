"""Endpoints of ``driver.health``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import StatusOK
from .base import Base, query


class Health(Base):
    """The ``health`` routes: the findings of the server's hourly health evaluation (server 12.1 on)."""

    endpoint = "/health"

    def get_health_findings(
        self, params: Optional[Dict[str, Any]] = None, *, muted: Optional[str] = None
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/health/findings

        Get health findings.

        Minimum server version: 12.1.

        Needs an Enterprise licence and the ``HealthDashboard`` feature flag (else 501), and the
        ``manage_system`` permission.

        Query parameters (keyword-only arguments):

        * ``muted``: Omit for unmuted findings only; ``included`` for all; ``only`` for muted ones.
        """
        return cast(
            "List[Dict[str, Any]]", self.client.get("/health/findings", params=query(params, muted=muted))
        )

    def mute_health_finding(
        self, fingerprint: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/health/findings/{fingerprint}/mute

        Mute a health finding.

        Minimum server version: 12.1.

        Needs an Enterprise licence and the ``HealthDashboard`` feature flag (else 501), and the
        ``manage_system`` permission.
        """
        return cast(
            "StatusOK",
            self.client.post(
                self.path("/health/findings/{}/mute", fingerprint), options=options, params=params
            ),
        )

    def unmute_health_finding(
        self, fingerprint: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/health/findings/{fingerprint}/mute

        Unmute a health finding.

        Minimum server version: 12.1.

        Needs an Enterprise licence and the ``HealthDashboard`` feature flag (else 501), and the
        ``manage_system`` permission.
        """
        return cast(
            "StatusOK",
            self.client.delete(
                self.path("/health/findings/{}/mute", fingerprint), options=options, params=params
            ),
        )
