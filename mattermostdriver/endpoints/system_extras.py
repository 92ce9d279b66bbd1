"""System routes described from v11.7 on, apart from ``system.py`` to keep it small."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import StatusOK
from .base import Base, query


class SystemExtras(Base):
    """Onboarding, schema and version information, log queries, test helpers and local-mode routes;
    mixed into :class:`~mattermostdriver.endpoints.System`.
    """

    def complete_onboarding(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> StatusOK:
        """POST /api/v4/system/onboarding/complete

        Complete first admin onboarding.

        Minimum server version: not stated by the description, which has the route since v11.8.

        An 11.4 server already serves it.
        """
        return cast(
            "StatusOK", self.client.post("/system/onboarding/complete", options=options, params=params)
        )

    def connect_web_socket(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        connection_id: Optional[str] = None,
        sequence_number: Optional[int] = None,
        posted_ack: Optional[bool] = None,
        disconnect_err_code: Optional[str] = None,
    ) -> Any:
        """GET /api/v4/websocket

        Open a WebSocket connection.

        Minimum server version: not stated by the description, which has the route since v11.8.

        A plain GET is not an upgrade: the server answers 400. Listen to events with
        :meth:`~mattermostdriver.Driver.init_websocket`, which opens this route as a websocket.

        Query parameters (keyword-only arguments):

        * ``connection_id``: Existing connection identifier for reconnect flows.
        * ``sequence_number``: Last received sequence number for reconnect flows.
        * ``posted_ack``: Whether post acknowledgement events are enabled for this connection.
        * ``disconnect_err_code``: Optional close code used by clients to indicate disconnect reason.
        """
        # Any: a plain GET is no upgrade: the server refuses it (raised)
        return self.client.get(
            "/websocket",
            params=query(
                params,
                connection_id=connection_id,
                sequence_number=sequence_number,
                posted_ack=posted_ack,
                disconnect_err_code=disconnect_err_code,
            ),
        )

    def delete_ai_bridge_test_helper(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/system/e2e/ai_bridge

        Reset AI bridge E2E test helper.

        Minimum server version: not stated by the description, which has the route since v11.7.

        Only served when ``ServiceSettings.EnableTesting`` is on, which is meant for isolated test servers and
        never for production.
        """
        return cast("StatusOK", self.client.delete("/system/e2e/ai_bridge", options=options, params=params))

    def get_ai_bridge_test_helper(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/system/e2e/ai_bridge

        Get AI bridge E2E test helper state.

        Minimum server version: not stated by the description, which has the route since v11.7.

        Only served when ``ServiceSettings.EnableTesting`` is on, which is meant for isolated test servers and
        never for production.
        """
        return cast("Dict[str, Any]", self.client.get("/system/e2e/ai_bridge", params=params))

    def get_applied_schema_migrations(self, params: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
        """GET /api/v4/system/schema/version

        Get applied database schema migrations.

        Minimum server version: not stated by the description, which has the route since v11.8.

        An 11.4 server already serves it.
        """
        return cast("List[Dict[str, Any]]", self.client.get("/system/schema/version", params=params))

    def get_latest_version(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/latest_version

        Get latest public server release information.

        Minimum server version: not stated by the description, which has the route since v11.8.

        An 11.4 server already serves it. The server asks GitHub: offline it answers 500.
        """
        return cast("Dict[str, Any]", self.client.get("/latest_version", params=params))

    def get_onboarding_complete(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/system/onboarding/complete

        Get first admin onboarding completion status.

        Minimum server version: not stated by the description, which has the route since v11.8.

        An 11.4 server already serves it.
        """
        return cast("Dict[str, Any]", self.client.get("/system/onboarding/complete", params=params))

    def manual_test(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        test: Optional[str] = None,
        uid: Optional[str] = None,
        username: Optional[str] = None,
        teamname: Optional[str] = None,
    ) -> Any:
        """GET /manualtest

        Run manual testing helpers.

        Minimum server version: not stated by the description, which has the route since v11.8.

        Only served when ``ServiceSettings.EnableTesting`` is on, which is meant for isolated test servers and
        never for production.

        The route is outside the API base path.

        Query parameters (keyword-only arguments):

        * ``test``: (required) Name of the manual test to run.
        * ``uid``: Optional unique value used to randomize generated resources.
        * ``username``: Optional username used for helper account creation.
        * ``teamname``: Optional team display name used for helper team creation.
        """
        # Any: the server answers an HTML page or a redirect, when testing is enabled at all
        return self.client.get(
            "/manualtest",
            params=query(params, test=test, uid=uid, username=username, teamname=teamname),
            basepath=self.client.options["site_path"],
        )

    def migrate_config(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> StatusOK:
        """POST /api/v4/config/migrate

        Migrate config storage.

        Minimum server version: not stated by the description, which has the route since v11.8.

        Only served over the server's local-mode socket (as ``mmctl --local`` uses); over HTTP the server
        answers 404.
        """
        return cast("StatusOK", self.client.post("/config/migrate", options=options, params=params))

    def preview_license_file(self, files: Any, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """POST /api/v4/license/preview

        Preview license file.

        Minimum server version: 10.9.

        ``files`` is the multipart dict (the field is ``license``); nothing is saved.
        """
        return cast("Dict[str, Any]", self.client.post("/license/preview", files=files, params=params))

    def query_logs(
        self,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        logs_per_page: Optional[str] = None,
    ) -> Dict[str, Any]:
        """POST /api/v4/logs/query

        Query server logs with filters.

        Minimum server version: not stated by the description, which has the route since v11.8.

        An 11.4 server already serves it.

        ``options`` holds the filters (``server_names``, ``log_levels``, ``date_from``, ``date_to``).

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``logs_per_page``: The number of logs per page.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(
                "/logs/query", options=options, params=query(params, page=page, logs_per_page=logs_per_page)
            ),
        )

    def set_ai_bridge_test_helper(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """PUT /api/v4/system/e2e/ai_bridge

        Configure AI bridge E2E test helper.

        Minimum server version: not stated by the description, which has the route since v11.7.

        Only served when ``ServiceSettings.EnableTesting`` is on, which is meant for isolated test servers and
        never for production.
        """
        return cast(
            "Dict[str, Any]", self.client.put("/system/e2e/ai_bridge", options=options, params=params)
        )

    def test_file_store_connection(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/file/test

        Test the configured file storage backend.

        Minimum server version: 11.10.

        Without a configuration in ``options`` the server tests its current one.
        """
        return cast("StatusOK", self.client.post("/file/test", options=options, params=params))
