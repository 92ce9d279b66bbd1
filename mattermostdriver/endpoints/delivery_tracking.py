"""Endpoints of ``driver.delivery_tracking``."""

from __future__ import annotations

from typing import Any, Dict, Optional, cast

from .base import Base


class DeliveryTracking(Base):
    """The ``delivery_tracking`` routes: the post delivery audit logging configuration.

    Needs an Enterprise Advanced licence and the ``PostDeliveryTracking`` feature flag.
    """

    endpoint = "/delivery_tracking"

    def get_delivery_tracking_config(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/delivery_tracking/config

        Get the post delivery audit logging configuration.

        Minimum server version: not stated; the description has the routes since v12 (after v11.11).

        Needs an Enterprise Advanced licence (else 501) and the ``PostDeliveryTracking`` feature flag at
        server start (else 404). System admins only.
        """
        return cast("Dict[str, Any]", self.client.get("/delivery_tracking/config", params=params))

    def update_delivery_tracking_config(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> None:
        """PUT /api/v4/delivery_tracking/config

        Update the post delivery audit logging configuration.

        Minimum server version: not stated; the description has the routes since v12 (after v11.11).

        Needs an Enterprise Advanced licence (else 501) and the ``PostDeliveryTracking`` feature flag at
        server start (else 404). System admins only.
        """
        return cast("None", self.client.put("/delivery_tracking/config", options=options, params=params))
