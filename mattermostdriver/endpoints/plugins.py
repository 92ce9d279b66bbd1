"""Endpoints of ``driver.plugins``."""

from __future__ import annotations

from typing import Any, Dict, Optional

from .base import Base


class Plugins(Base):
    """The ``plugins`` routes."""

    def disable_plugin(
        self, plugin_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Any:
        """POST /api/v4/plugins/{plugin_id}/disable

        Disable plugin.
        """
        return self.client.post(self.path("/plugins/{}/disable", plugin_id), options=options, params=params)

    def enable_plugin(
        self, plugin_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Any:
        """POST /api/v4/plugins/{plugin_id}/enable

        Enable plugin.
        """
        return self.client.post(self.path("/plugins/{}/enable", plugin_id), options=options, params=params)

    def get_marketplace_plugins(self, params: Optional[Dict[str, Any]] = None) -> Any:
        """GET /api/v4/plugins/marketplace

        Gets all the marketplace plugins.
        """
        return self.client.get("/plugins/marketplace", params=params)

    def get_marketplace_visited_by_admin(self, params: Optional[Dict[str, Any]] = None) -> Any:
        """GET /api/v4/plugins/marketplace/first_admin_visit

        Get if the Plugin Marketplace has been visited by at least an admin.
        """
        return self.client.get("/plugins/marketplace/first_admin_visit", params=params)

    def get_plugin_statuses(self, params: Optional[Dict[str, Any]] = None) -> Any:
        """GET /api/v4/plugins/statuses

        Get plugins status.
        """
        return self.client.get("/plugins/statuses", params=params)

    def get_plugins(self, params: Optional[Dict[str, Any]] = None) -> Any:
        """GET /api/v4/plugins

        Get plugins.
        """
        return self.client.get("/plugins", params=params)

    def get_webapp_plugins(self, params: Optional[Dict[str, Any]] = None) -> Any:
        """GET /api/v4/plugins/webapp

        Get webapp plugins.
        """
        return self.client.get("/plugins/webapp", params=params)

    def install_marketplace_plugin(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> Any:
        """POST /api/v4/plugins/marketplace

        Installs a marketplace plugin.
        """
        return self.client.post("/plugins/marketplace", options=options, params=params)

    def install_plugin_from_url(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> Any:
        """POST /api/v4/plugins/install_from_url

        Install plugin from url.
        """
        return self.client.post("/plugins/install_from_url", options=options, params=params)

    def remove_plugin(
        self, plugin_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Any:
        """DELETE /api/v4/plugins/{plugin_id}

        Remove plugin.
        """
        return self.client.delete(self.path("/plugins/{}", plugin_id), options=options, params=params)

    def upload_plugin(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> Any:
        """POST /api/v4/plugins

        Upload plugin.
        """
        return self.client.post("/plugins", options=options, params=params)
