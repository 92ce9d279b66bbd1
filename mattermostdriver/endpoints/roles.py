"""Endpoints of ``driver.roles``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from .base import Base


class Roles(Base):
    """The ``roles`` routes."""

    endpoint = "/roles"

    def get_all_roles(self, params: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
        """GET /api/v4/roles

        Get a list of all the roles.
        """
        return cast("List[Dict[str, Any]]", self.client.get("/roles", params=params))

    def get_list_of_roles_by_name(self, options: Any = None) -> Optional[List[Dict[str, Any]]]:
        """POST /api/v4/roles/names

        Get a list of roles by name: ``options`` is the list of names.
        """
        # None (JSON null) when none of the names is a role
        return cast("Optional[List[Dict[str, Any]]]", self.client.post("/roles/names", options=options))

    def get_role_by_id(self, role_id: str) -> Dict[str, Any]:
        """GET /api/v4/roles/{role_id}

        Get a role.
        """
        return cast("Dict[str, Any]", self.client.get(self.path("/roles/{}", role_id)))

    def get_role_by_name(self, role_name: str) -> Dict[str, Any]:
        """GET /api/v4/roles/name/{role_name}

        Get a role.
        """
        return cast("Dict[str, Any]", self.client.get(self.path("/roles/name/{}", role_name)))

    def patch_role(self, role_id: str, options: Any = None) -> Dict[str, Any]:
        """PUT /api/v4/roles/{role_id}/patch

        Patch a role.
        """
        return cast("Dict[str, Any]", self.client.put(self.path("/roles/{}/patch", role_id), options=options))
