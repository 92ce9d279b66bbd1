"""Endpoints of ``driver.integration_actions``."""

from __future__ import annotations

from typing import Any, Dict, Optional, cast

from ..types import StatusOK
from .base import Base


class IntegrationActions(Base):
    """The ``integration_actions`` routes."""

    endpoint = "/actions"

    def execute_dialog_action(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/actions/dialogs/execute

        Execute a dialog action button.

        Minimum server version: 11.10.
        """
        return cast(
            "Dict[str, Any]", self.client.post("/actions/dialogs/execute", options=options, params=params)
        )

    def lookup_interactive_dialog(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/actions/dialogs/lookup

        Lookup dialog elements.
        """
        return cast(
            "Dict[str, Any]", self.client.post("/actions/dialogs/lookup", options=options, params=params)
        )

    def open_dialog(self, options: Any) -> StatusOK:
        """POST /api/v4/actions/dialogs/open

        Open a dialog.
        """
        return cast("StatusOK", self.client.post("/actions/dialogs/open", options=options))

    def submit_dialog(self, options: Any) -> Dict[str, Any]:
        """POST /api/v4/actions/dialogs/submit

        Submit a dialog.
        """
        return cast("Dict[str, Any]", self.client.post("/actions/dialogs/submit", options=options))
