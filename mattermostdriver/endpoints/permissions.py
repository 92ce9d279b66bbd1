"""Endpoints of ``driver.permissions``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from .base import Base


class Permissions(Base):
    """The ``permissions`` routes."""

    endpoint = "/permissions"

    def get_ancillary_permissions_post(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> List[str]:
        """POST /api/v4/permissions/ancillary

        Return all system console subsection ancillary permissions.
        """
        return cast("List[str]", self.client.post("/permissions/ancillary", options=options, params=params))
