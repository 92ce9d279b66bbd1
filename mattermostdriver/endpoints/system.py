"""Endpoints of ``driver.system``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

import requests

from ..types import StatusOK
from .base import query
from .system_config import SystemConfig
from .system_extras import SystemExtras


class System(SystemConfig, SystemExtras):
    """The ``system`` routes."""

    endpoint = "/system"

    def acknowledge_notification(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/notifications/ack

        Acknowledge receiving of a notification.
        """
        return cast("Dict[str, Any]", self.client.post("/notifications/ack", options=options, params=params))

    def add_log_message(self, options: Any) -> Dict[str, Any]:
        """POST /api/v4/logs

        Add log message.
        """
        return cast("Dict[str, Any]", self.client.post("/logs", options=options))

    def check_integrity(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> List[Dict[str, Any]]:
        """POST /api/v4/integrity

        Perform a database integrity check.
        """
        return cast("List[Dict[str, Any]]", self.client.post("/integrity", options=options, params=params))

    def check_system_health(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        get_server_status: Optional[bool] = None,
        device_id: Optional[str] = None,
        use_rest_semantics: Optional[bool] = None,
    ) -> Dict[str, Any]:
        """GET /api/v4/system/ping

        Check system health.

        Query parameters (keyword-only arguments):

        * ``get_server_status``: Check the status of the database and file storage as well.
        * ``device_id``: Check whether this device id can receive push notifications
        * ``use_rest_semantics``: Returns 200 status code even if the server status is unhealthy.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                "/system/ping",
                params=query(
                    params,
                    get_server_status=get_server_status,
                    device_id=device_id,
                    use_rest_semantics=use_rest_semantics,
                ),
            ),
        )

    def clear_server_busy(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> StatusOK:
        """DELETE /api/v4/server_busy

        Clears the server busy (high load) flag.
        """
        return cast("StatusOK", self.client.delete("/server_busy", options=options, params=params))

    def download_system_logs(self, params: Optional[Dict[str, Any]] = None) -> requests.Response:
        """GET /api/v4/logs/download

        Download system logs.
        """
        return cast("requests.Response", self.client.get("/logs/download", params=params))

    def generate_support_packet(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        basic_server_logs: Optional[bool] = None,
        plugin_packets: Optional[str] = None,
    ) -> requests.Response:
        """GET /api/v4/system/support_packet

        Download a zip file with information for troubleshooting the Mattermost instance.

        Query parameters (keyword-only arguments):

        * ``basic_server_logs``: Specifies whether the server should include or exclude log files.
        * ``plugin_packets``: Specifies plugin identifiers whose content should be included in the Support
          Packet.
        """
        return cast(
            "requests.Response",
            self.client.get(
                "/system/support_packet",
                params=query(params, basic_server_logs=basic_server_logs, plugin_packets=plugin_packets),
            ),
        )

    def get_analytics(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        name: Optional[str] = None,
        team_id: Optional[str] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/analytics/old

        Get analytics.

        Query parameters (keyword-only arguments):

        * ``name``: Possible values are "standard", "bot_post_counts_day", "post_counts_day",
          "user_counts_with_posts_day" or "extra_counts"
        * ``team_id``: The team ID to filter the data by
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get("/analytics/old", params=query(params, name=name, team_id=team_id)),
        )

    def get_audits(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> Optional[List[Dict[str, Any]]]:
        """GET /api/v4/audits

        Get audits.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of audits per page.
        """
        # None (JSON null) when the page is empty (past the end)
        return cast(
            "Optional[List[Dict[str, Any]]]",
            self.client.get("/audits", params=query(params, page=page, per_page=per_page)),
        )

    def get_image_by_url(self, params: Optional[Dict[str, Any]] = None) -> requests.Response:
        """GET /api/v4/image

        Get an image by url.
        """
        return cast("requests.Response", self.client.get("/image", params=params))

    def get_logs(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        logs_per_page: Optional[str] = None,
    ) -> List[str]:
        """GET /api/v4/logs

        Get logs.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``logs_per_page``: The number of logs per page.
        """
        return cast(
            "List[str]",
            self.client.get("/logs", params=query(params, page=page, logs_per_page=logs_per_page)),
        )

    def get_notices(
        self,
        team_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        client_version: Optional[str] = None,
        locale: Optional[str] = None,
        client: Optional[str] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/system/notices/{team_id}

        Get notices for logged in user in specified team.

        Query parameters (keyword-only arguments):

        * ``client_version`` (``clientVersion``): (required) Version of the client (desktop/mobile/web)
          that issues the request.
        * ``locale``: Client locale.
        * ``client``: (required) Client type (web/mobile-ios/mobile-android/desktop).
        """
        sent = query(params, clientVersion=client_version, locale=locale, client=client)
        return cast(
            "List[Dict[str, Any]]", self.client.get(self.path("/system/notices/{}", team_id), params=sent)
        )

    def get_redirect_location(
        self, params: Optional[Dict[str, Any]] = None, *, url: Optional[str] = None
    ) -> Dict[str, Any]:
        """GET /api/v4/redirect_location

        Get redirect location.

        Query parameters (keyword-only arguments):

        * ``url``: (required) Url to check
        """
        return cast("Dict[str, Any]", self.client.get("/redirect_location", params=query(params, url=url)))

    def get_server_busy_expires(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/server_busy

        Get server busy expiry time.
        """
        return cast("Dict[str, Any]", self.client.get("/server_busy", params=params))

    def get_supported_timezone(self, params: Optional[Dict[str, Any]] = None) -> List[str]:
        """GET /api/v4/system/timezones

        Retrieve a list of supported timezones.
        """
        return cast("List[str]", self.client.get("/system/timezones", params=params))

    def get_webrtc_token(self) -> Dict[str, Any]:
        """GET /api/v4/webrtc/token

        Get a WebRTC token. Kept for 7.3.2 callers: the route is gone from current servers
        (11.4 answers 404, raised as ResourceNotFound) and from the API description.
        """
        return cast("Dict[str, Any]", self.client.get("/webrtc/token"))

    def invalidate_all_caches(self) -> StatusOK:
        """POST /api/v4/caches/invalidate

        Invalidate all the caches.
        """
        return cast("StatusOK", self.client.post("/caches/invalidate"))

    def mark_notices_viewed(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> StatusOK:
        """PUT /api/v4/system/notices/view

        Update notices as 'viewed'.
        """
        return cast("StatusOK", self.client.put("/system/notices/view", options=options, params=params))

    def recycle_database_connection(self) -> StatusOK:
        """POST /api/v4/database/recycle

        Recycle database connections.
        """
        return cast("StatusOK", self.client.post("/database/recycle"))

    def restart_server(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> StatusOK:
        """POST /api/v4/restart

        Restart the system after an upgrade from Team Edition to Enterprise Edition.
        """
        return cast("StatusOK", self.client.post("/restart", options=options, params=params))

    def send_test_email(self, options: Any = None) -> StatusOK:
        """POST /api/v4/email/test

        Send a test email.
        """
        return cast("StatusOK", self.client.post("/email/test", options=options))

    def set_server_busy(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None, *, seconds: Optional[str] = None
    ) -> StatusOK:
        """POST /api/v4/server_busy

        Set the server busy (high load) flag.

        Query parameters (keyword-only arguments):

        * ``seconds``: Number of seconds until server is automatically marked as not busy.
        """
        return cast(
            "StatusOK",
            self.client.post("/server_busy", options=options, params=query(params, seconds=seconds)),
        )

    def submit_performance_report(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/client_perf

        Report client performance metrics.
        """
        return cast("StatusOK", self.client.post("/client_perf", options=options, params=params))

    def test_aws_s3_connection(self, options: Any = None) -> StatusOK:
        """POST /api/v4/file/s3_test

        Test AWS S3 connection.
        """
        return cast("StatusOK", self.client.post("/file/s3_test", options=options))

    def test_notification(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> StatusOK:
        """POST /api/v4/notifications/test

        Send a test notification.
        """
        return cast("StatusOK", self.client.post("/notifications/test", options=options, params=params))

    def test_site_url(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> StatusOK:
        """POST /api/v4/site_url/test

        Checks the validity of a Site URL.
        """
        return cast("StatusOK", self.client.post("/site_url/test", options=options, params=params))

    def update_marketplace_visited_by_admin(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/plugins/marketplace/first_admin_visit

        Stores that the Plugin Marketplace has been visited by at least an admin.
        """
        return cast(
            "StatusOK",
            self.client.post("/plugins/marketplace/first_admin_visit", options=options, params=params),
        )
