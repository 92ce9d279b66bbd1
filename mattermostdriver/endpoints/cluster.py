"""Endpoints of ``driver.cluster``."""

from __future__ import annotations

from typing import Any

from .base import Base


class Cluster(Base):
    """The ``cluster`` routes."""

    endpoint = "/cluster"

    def get_cluster_status(self) -> Any:
        """GET /api/v4/cluster/status

        Get cluster status.
        """
        return self.client.get("/cluster/status")
