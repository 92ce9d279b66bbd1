"""Endpoints of ``driver.remote_clusters``."""

from __future__ import annotations

from typing import Any, Dict, Optional

from .base import Base


class RemoteClusters(Base):
    """The ``remote_clusters`` routes."""

    def accept_remote_cluster_invite(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Any:
        """POST /api/v4/remotecluster/accept_invite

        Accept a remote cluster invite code.
        """
        return self.client.post("/remotecluster/accept_invite", options=options, params=params)

    def create_remote_cluster(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> Any:
        """POST /api/v4/remotecluster

        Create a new remote cluster.
        """
        return self.client.post("/remotecluster", options=options, params=params)

    def delete_remote_cluster(
        self, remote_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Any:
        """DELETE /api/v4/remotecluster/{remote_id}

        Delete a remote cluster.
        """
        return self.client.delete(self.path("/remotecluster/{}", remote_id), options=options, params=params)

    def generate_remote_cluster_invite(
        self, remote_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Any:
        """POST /api/v4/remotecluster/{remote_id}/generate_invite

        Generate invite code.
        """
        return self.client.post(
            self.path("/remotecluster/{}/generate_invite", remote_id), options=options, params=params
        )

    def get_remote_cluster(self, remote_id: str, params: Optional[Dict[str, Any]] = None) -> Any:
        """GET /api/v4/remotecluster/{remote_id}

        Get a remote cluster.
        """
        return self.client.get(self.path("/remotecluster/{}", remote_id), params=params)

    def get_remote_clusters(self, params: Optional[Dict[str, Any]] = None) -> Any:
        """GET /api/v4/remotecluster

        Get a list of remote clusters.
        """
        return self.client.get("/remotecluster", params=params)

    def patch_remote_cluster(
        self, remote_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Any:
        """PATCH /api/v4/remotecluster/{remote_id}

        Patch a remote cluster.
        """
        return self.client.patch(self.path("/remotecluster/{}", remote_id), options=options, params=params)
