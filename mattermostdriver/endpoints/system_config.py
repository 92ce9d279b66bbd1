"""System routes of the configuration and the licence."""

from __future__ import annotations

from typing import Any, Dict, Optional, cast

from ..types import StatusOK
from .base import Base, query


class SystemConfig(Base):
    """The server's configuration and licence; mixed into :class:`~mattermostdriver.endpoints.System`."""

    def get_client_configuration(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/config/client

        Get client configuration.
        """
        return cast("Dict[str, Any]", self.client.get("/config/client", params=params))

    def get_client_license(
        self, params: Optional[Dict[str, Any]] = None, *, format: Optional[str] = None
    ) -> Dict[str, Any]:
        """GET /api/v4/license/client

        Get client license.

        Query parameters (keyword-only arguments):

        * ``format``: (required) Must be ``old``, other formats not implemented yet.
        """
        return cast("Dict[str, Any]", self.client.get("/license/client", params=query(params, format=format)))

    def get_configuration(
        self, *, remove_masked: Optional[bool] = None, remove_defaults: Optional[str] = None
    ) -> Dict[str, Any]:
        """GET /api/v4/config

        Get configuration.

        Query parameters (keyword-only arguments):

        * ``remove_masked``: Remove masked values from the exported configuration.
        * ``remove_defaults``: Remove default values from the exported configuration.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                "/config", params=query(None, remove_masked=remove_masked, remove_defaults=remove_defaults)
            ),
        )

    def get_configuration_environment(self) -> Optional[Dict[str, Any]]:
        """GET /api/v4/config/environment

        Get configuration made through environment variables.
        """
        # None (JSON null) when no setting is overridden by the environment
        return cast("Optional[Dict[str, Any]]", self.client.get("/config/environment"))

    def get_license_load_metric(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/license/load_metric

        Get license load metric.
        """
        return cast("Dict[str, Any]", self.client.get("/license/load_metric", params=params))

    def get_prev_trial_license(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/trial-license/prev

        Get last trial license used.
        """
        return cast("Dict[str, Any]", self.client.get("/trial-license/prev", params=params))

    def is_allowed_to_upgrade_to_enterprise(self, params: Optional[Dict[str, Any]] = None) -> StatusOK:
        """GET /api/v4/upgrade_to_enterprise/allowed

        Check if the user is allowed to upgrade to Enterprise Edition.
        """
        return cast("StatusOK", self.client.get("/upgrade_to_enterprise/allowed", params=params))

    def patch_config(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """PUT /api/v4/config/patch

        Patch configuration.
        """
        return cast("Dict[str, Any]", self.client.put("/config/patch", options=options, params=params))

    def reload_configuration(self) -> StatusOK:
        """POST /api/v4/config/reload

        Reload configuration.
        """
        return cast("StatusOK", self.client.post("/config/reload"))

    def remove_license_file(self) -> StatusOK:
        """DELETE /api/v4/license

        Remove license file.
        """
        return cast("StatusOK", self.client.delete("/license"))

    def request_license_renewal_link(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/license/renewal

        Request the license renewal link.

        Removed from the server by v11.4 (an 11.4 server answers 404) and from the API description in v11.8;
        kept for callers of older servers, which still serve it.
        """
        return cast("Dict[str, Any]", self.client.get("/license/renewal", params=params))

    def request_trial_license(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> StatusOK:
        """POST /api/v4/trial-license

        Request and install a trial license for your server.
        """
        return cast("StatusOK", self.client.post("/trial-license", options=options, params=params))

    def update_configuration(self, options: Any) -> Dict[str, Any]:
        """PUT /api/v4/config

        Update configuration.
        """
        return cast("Dict[str, Any]", self.client.put("/config", options=options))

    def upgrade_to_enterprise(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> StatusOK:
        """POST /api/v4/upgrade_to_enterprise

        Executes an inplace upgrade from Team Edition to Enterprise Edition.
        """
        return cast("StatusOK", self.client.post("/upgrade_to_enterprise", options=options, params=params))

    def upgrade_to_enterprise_status(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/upgrade_to_enterprise/status

        Get the current status for the inplace upgrade from Team Edition to Enterprise Edition.
        """
        return cast("Dict[str, Any]", self.client.get("/upgrade_to_enterprise/status", params=params))

    def upload_license_file(self, files: Any) -> StatusOK:
        """POST /api/v4/license

        Upload license file.
        """
        return cast("StatusOK", self.client.post("/license", files=files))
