"""Endpoints of ``driver.imports``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import StatusOK
from .base import Base


class Imports(Base):
    """The ``imports`` routes."""

    endpoint = "/imports"

    def delete_import(
        self, import_name: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/imports/{import_name}

        Delete an import file.
        """
        return cast(
            "StatusOK",
            self.client.delete(self.path("/imports/{}", import_name), options=options, params=params),
        )

    def list_imports(self, params: Optional[Dict[str, Any]] = None) -> List[str]:
        """GET /api/v4/imports

        List import files.
        """
        return cast("List[str]", self.client.get("/imports", params=params))
