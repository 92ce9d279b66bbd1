"""Endpoints of ``driver.ephemeral_mode``."""

from __future__ import annotations

from typing import Any, Dict, Optional, cast

from ..types import StatusOK
from .base import Base


class EphemeralMode(Base):
    """The ``ephemeral_mode`` routes: clients report their ephemeral mode cleanups as audit events.

    Needs an Enterprise Advanced licence.
    """

    endpoint = "/ephemeral_mode"

    def log_cleanup(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> StatusOK:
        """POST /api/v4/ephemeral_mode/cleanup

        Log an ephemeral mode cleanup run.

        Minimum server version: 11.10.

        Needs an Enterprise Advanced licence.
        """
        return cast("StatusOK", self.client.post("/ephemeral_mode/cleanup", options=options, params=params))

    def log_offline_purge(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> StatusOK:
        """POST /api/v4/ephemeral_mode/purge

        Log an ephemeral mode offline purge.

        Minimum server version: 11.10.

        Needs an Enterprise Advanced licence.
        """
        return cast("StatusOK", self.client.post("/ephemeral_mode/purge", options=options, params=params))

    def log_session_wipe(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> StatusOK:
        """POST /api/v4/ephemeral_mode/wipe

        Log an ephemeral mode session wipe.

        Minimum server version: 11.10.

        Needs an Enterprise Advanced licence.

        Sent without a session: the ``signature`` of the wipe notification identifies the caller.
        """
        return cast("StatusOK", self.client.post("/ephemeral_mode/wipe", options=options, params=params))
