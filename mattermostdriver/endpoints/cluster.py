"""Endpoints of ``driver.cluster``."""

from __future__ import annotations

from typing import Any, Dict, List, cast

from .base import Base


class Cluster(Base):
    """The ``cluster`` routes."""

    endpoint = "/cluster"

    def get_cluster_status(self) -> List[Dict[str, Any]]:
        """GET /api/v4/cluster/status

        Get cluster status.
        """
        return cast("List[Dict[str, Any]]", self.client.get("/cluster/status"))
