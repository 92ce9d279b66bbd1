"""Endpoints of ``driver.reports``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import StatusOK
from .base import Base, query


class Reports(Base):
    """The ``reports`` routes."""

    endpoint = "/reports"

    def get_posts_for_reporting(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/reports/posts

        Get posts for reporting and compliance purposes using cursor-based pagination.
        """
        return cast("Dict[str, Any]", self.client.post("/reports/posts", options=options, params=params))

    def get_user_count_for_reporting(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        role_filter: Optional[str] = None,
        team_filter: Optional[str] = None,
        has_no_team: Optional[bool] = None,
        hide_active: Optional[bool] = None,
        hide_inactive: Optional[bool] = None,
        search_term: Optional[str] = None,
    ) -> int:
        """GET /api/v4/reports/users/count

        Gets the full count of users that match the filter.

        Query parameters (keyword-only arguments):

        * ``role_filter``: Filter users by their role.
        * ``team_filter``: Filter users by a specified team ID.
        * ``has_no_team``: If true, show only users that have no team.
        * ``hide_active``: If true, show only users that are inactive.
        * ``hide_inactive``: If true, show only users that are active.
        * ``search_term``: A filtering search term that allows filtering by Username, FirstName,
          LastName, Nickname or Email.
        """
        sent = query(
            params,
            role_filter=role_filter,
            team_filter=team_filter,
            has_no_team=has_no_team,
            hide_active=hide_active,
            hide_inactive=hide_inactive,
            search_term=search_term,
        )
        return cast("int", self.client.get("/reports/users/count", params=sent))

    def get_users_for_reporting(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        sort_column: Optional[str] = None,
        direction: Optional[str] = None,
        sort_direction: Optional[str] = None,
        page_size: Optional[int] = None,
        from_column_value: Optional[str] = None,
        from_id: Optional[str] = None,
        date_range: Optional[str] = None,
        role_filter: Optional[str] = None,
        team_filter: Optional[str] = None,
        has_no_team: Optional[bool] = None,
        hide_active: Optional[bool] = None,
        hide_inactive: Optional[bool] = None,
        search_term: Optional[str] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/reports/users

        Get a list of paged and sorted users for admin reporting purposes.

        Query parameters (keyword-only arguments):

        * ``sort_column``: The column to sort the users by.
        * ``direction``: The direction in which to accept paging values from.
        * ``sort_direction``: The sorting direction.
        * ``page_size``: The maximum number of users to return.
        * ``from_column_value``: The value of the sorted column corresponding to the cursor to read from.
        * ``from_id``: The value of the user id corresponding to the cursor to read from.
        * ``date_range``: The date range of the post statistics to display.
        * ``role_filter``: Filter users by their role.
        * ``team_filter``: Filter users by a specified team ID.
        * ``has_no_team``: If true, show only users that have no team.
        * ``hide_active``: If true, show only users that are inactive.
        * ``hide_inactive``: If true, show only users that are active.
        * ``search_term``: A filtering search term that allows filtering by Username, FirstName,
          LastName, Nickname or Email.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(
                "/reports/users",
                params=query(
                    params,
                    sort_column=sort_column,
                    direction=direction,
                    sort_direction=sort_direction,
                    page_size=page_size,
                    from_column_value=from_column_value,
                    from_id=from_id,
                    date_range=date_range,
                    role_filter=role_filter,
                    team_filter=team_filter,
                    has_no_team=has_no_team,
                    hide_active=hide_active,
                    hide_inactive=hide_inactive,
                    search_term=search_term,
                ),
            ),
        )

    def start_batch_users_export(
        self,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
        *,
        date_range: Optional[str] = None,
    ) -> StatusOK:
        """POST /api/v4/reports/users/export

        Starts a job to export the users to a report file.

        Query parameters (keyword-only arguments):

        * ``date_range``: The date range of the post statistics to display.
        """
        return cast(
            "StatusOK",
            self.client.post(
                "/reports/users/export", options=options, params=query(params, date_range=date_range)
            ),
        )
