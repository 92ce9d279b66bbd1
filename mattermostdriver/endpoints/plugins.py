"""Endpoints of ``driver.plugins``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import StatusOK
from .base import Base, query


class Plugins(Base):
    """The ``plugins`` routes."""

    endpoint = "/plugins"

    def detach_plugin(
        self, plugin_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> None:
        """POST /api/v4/plugins/{plugin_id}/detach

        Detach a reattached plugin process.

        Minimum server version: not stated by the description, which has the route since v11.8.

        Only served over the server's local-mode socket (as ``mmctl --local`` uses); over HTTP the server
        answers 404.
        """
        return cast(
            "None",
            self.client.post(self.path("/plugins/{}/detach", plugin_id), options=options, params=params),
        )

    def disable_plugin(
        self, plugin_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/plugins/{plugin_id}/disable

        Disable plugin.
        """
        return cast(
            "StatusOK",
            self.client.post(self.path("/plugins/{}/disable", plugin_id), options=options, params=params),
        )

    def enable_plugin(
        self, plugin_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/plugins/{plugin_id}/enable

        Enable plugin.
        """
        return cast(
            "StatusOK",
            self.client.post(self.path("/plugins/{}/enable", plugin_id), options=options, params=params),
        )

    def get_marketplace_plugins(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
        filter: Optional[str] = None,
        server_version: Optional[str] = None,
        local_only: Optional[bool] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/plugins/marketplace

        Gets all the marketplace plugins.

        Query parameters (keyword-only arguments):

        * ``page``: Page number to be fetched.
        * ``per_page``: Number of item per page.
        * ``filter``: Set to filter plugins by ID, name, or description.
        * ``server_version``: Set to filter minimum plugin server version.
        * ``local_only``: Set true to only retrieve local plugins.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(
                "/plugins/marketplace",
                params=query(
                    params,
                    page=page,
                    per_page=per_page,
                    filter=filter,
                    server_version=server_version,
                    local_only=local_only,
                ),
            ),
        )

    def get_marketplace_visited_by_admin(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/plugins/marketplace/first_admin_visit

        Get if the Plugin Marketplace has been visited by at least an admin.
        """
        return cast(
            "Dict[str, Any]", self.client.get("/plugins/marketplace/first_admin_visit", params=params)
        )

    def get_plugin_statuses(self, params: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
        """GET /api/v4/plugins/statuses

        Get plugins status.
        """
        return cast("List[Dict[str, Any]]", self.client.get("/plugins/statuses", params=params))

    def get_plugins(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/plugins

        Get plugins.
        """
        return cast("Dict[str, Any]", self.client.get("/plugins", params=params))

    def get_webapp_plugins(self, params: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
        """GET /api/v4/plugins/webapp

        Get webapp plugins.
        """
        return cast("List[Dict[str, Any]]", self.client.get("/plugins/webapp", params=params))

    def install_marketplace_plugin(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/plugins/marketplace

        Installs a marketplace plugin.
        """
        return cast(
            "Dict[str, Any]", self.client.post("/plugins/marketplace", options=options, params=params)
        )

    def install_plugin_from_url(
        self,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
        *,
        plugin_download_url: Optional[str] = None,
        force: Optional[str] = None,
    ) -> Dict[str, Any]:
        """POST /api/v4/plugins/install_from_url

        Install plugin from url.

        Query parameters (keyword-only arguments):

        * ``plugin_download_url``: (required) URL used to download the plugin
        * ``force``: Set to 'true' to overwrite a previously installed plugin with the same ID, if any
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(
                "/plugins/install_from_url",
                options=options,
                params=query(params, plugin_download_url=plugin_download_url, force=force),
            ),
        )

    def reattach_plugin(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> None:
        """POST /api/v4/plugins/reattach

        Reattach a plugin process.

        Minimum server version: not stated by the description, which has the route since v11.8.

        Only served over the server's local-mode socket (as ``mmctl --local`` uses); over HTTP the server
        answers 404.
        """
        return cast("None", self.client.post("/plugins/reattach", options=options, params=params))

    def remove_plugin(
        self, plugin_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/plugins/{plugin_id}

        Remove plugin.
        """
        return cast(
            "StatusOK",
            self.client.delete(self.path("/plugins/{}", plugin_id), options=options, params=params),
        )

    def upload_plugin(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None, files: Any = None
    ) -> Dict[str, Any]:
        """POST /api/v4/plugins

        Upload plugin.
        ``files`` is the multipart dict, e.g. ``{"plugin": open(path, "rb")}``.
        """
        return cast(
            "Dict[str, Any]", self.client.post("/plugins", options=options, params=params, files=files)
        )
