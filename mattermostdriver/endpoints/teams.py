"""Endpoints of ``driver.teams``."""

from __future__ import annotations

from typing import Any, Dict, Iterator, List, Optional, cast

import requests

from ..types import StatusOK, Team
from .base import query
from .team_channels import TeamChannels
from .team_members import TeamMembers


class Teams(TeamMembers, TeamChannels):
    """The ``teams`` routes."""

    endpoint = "/teams"

    def check_team_exists(self, name: str) -> Dict[str, Any]:
        """GET /api/v4/teams/name/{team_name}/exists

        Check if team exists.

        ``name`` keeps its 7.3.2 name: the description calls it ``team_name`` since v11.8.
        """
        return cast("Dict[str, Any]", self.client.get(self.path("/teams/name/{}/exists", name)))

    def create_team(self, options: Any = None) -> Team:
        """POST /api/v4/teams

        Create a team.
        """
        return cast("Team", self.client.post("/teams", options=options))

    def delete_team(
        self, team_id: str, params: Optional[Dict[str, Any]] = None, *, permanent: Optional[bool] = None
    ) -> StatusOK:
        """DELETE /api/v4/teams/{team_id}

        Delete a team.

        Query parameters (keyword-only arguments):

        * ``permanent``: Permanently delete the team, to be used for compliance reasons only.
        """
        return cast(
            "StatusOK",
            self.client.delete(self.path("/teams/{}", team_id), params=query(params, permanent=permanent)),
        )

    def delete_team_icon(self, team_id: str) -> StatusOK:
        """DELETE /api/v4/teams/{team_id}/image

        Remove the team icon.
        """
        return cast("StatusOK", self.client.delete(self.path("/teams/{}/image", team_id)))

    def get_team(self, team_id: str) -> Team:
        """GET /api/v4/teams/{team_id}

        Get a team.
        """
        return cast("Team", self.client.get(self.path("/teams/{}", team_id)))

    def get_team_access_control_attributes(
        self, team_id: str, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """GET /api/v4/teams/{team_id}/access_control/attributes

        Get the access control attributes governing a team.

        Minimum server version: not stated by the description, which has the route by v11.11.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(self.path("/teams/{}/access_control/attributes", team_id), params=params),
        )

    def get_team_access_control_policy(
        self, team_id: str, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """GET /api/v4/teams/{team_id}/access_control/policy

        Get the access control policy for a team.

        Minimum server version: not stated by the description, which has the route since v11.9.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(self.path("/teams/{}/access_control/policy", team_id), params=params),
        )

    def get_team_by_name(self, name: str) -> Team:
        """GET /api/v4/teams/name/{team_name}

        Get a team by name.

        ``name`` keeps its 7.3.2 name: the description calls it ``team_name`` since v11.8.
        """
        return cast("Team", self.client.get(self.path("/teams/name/{}", name)))

    def get_team_icon(self, team_id: str) -> requests.Response:
        """GET /api/v4/teams/{team_id}/image

        Get the team icon.
        """
        return cast("requests.Response", self.client.get(self.path("/teams/{}/image", team_id)))

    def get_team_stats(self, team_id: str) -> Dict[str, Any]:
        """GET /api/v4/teams/{team_id}/stats

        Get a team stats.
        """
        return cast("Dict[str, Any]", self.client.get(self.path("/teams/{}/stats", team_id)))

    def get_teams(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
        include_total_count: Optional[bool] = None,
        exclude_policy_constrained: Optional[bool] = None,
    ) -> Any:
        """GET /api/v4/teams

        Get teams.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of teams per page.
        * ``include_total_count``: Appends a total count of returned teams inside the response object - ex:
          ``{ "teams": [], "total_count" : 0 }``.
        * ``exclude_policy_constrained``: If set to true, teams which are part of a data retention policy will
          be excluded. The ``sysconsole_read_compliance`` permission is required to use this parameter.
          *Minimum server version*: 5.35
        """
        # Any: a list, or an object with total_count when include_total_count is set
        return self.client.get(
            "/teams",
            params=query(
                params,
                page=page,
                per_page=per_page,
                include_total_count=include_total_count,
                exclude_policy_constrained=exclude_policy_constrained,
            ),
        )

    def get_user_teams(self, user_id: str) -> List[Team]:
        """GET /api/v4/users/{user_id}/teams

        Get a user's teams.
        """
        return cast("List[Team]", self.client.get(self.path("/users/{}/teams", user_id)))

    def import_team_from_other_app(self, team_id: str, data: Any = None, files: Any = None) -> Dict[str, Any]:
        """POST /api/v4/teams/{team_id}/import

        Import a Team from other application. Sent as a multipart form: ``data`` holds its
        fields, ``files`` the export, e.g. ``import_team_from_other_app(team_id, {"importFrom":
        "slack", "filesize": os.path.getsize(path)}, {"file": open(path, "rb")})``.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(
                self.path("/teams/{}/import", team_id), data=data, files={} if files is None else files
            ),
        )

    def patch_team(self, team_id: str, options: Any = None) -> Team:
        """PUT /api/v4/teams/{team_id}/patch

        Patch a team.
        """
        return cast("Team", self.client.put(self.path("/teams/{}/patch", team_id), options=options))

    def regenerate_team_invite_id(
        self, team_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Team:
        """POST /api/v4/teams/{team_id}/regenerate_invite_id

        Regenerate the Invite ID from a Team.
        """
        return cast(
            "Team",
            self.client.post(
                self.path("/teams/{}/regenerate_invite_id", team_id), options=options, params=params
            ),
        )

    def restore_team(
        self, team_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Team:
        """POST /api/v4/teams/{team_id}/restore

        Restore a team.
        """
        return cast(
            "Team", self.client.post(self.path("/teams/{}/restore", team_id), options=options, params=params)
        )

    def search_files(
        self, team_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/teams/{team_id}/files/search

        Search files in a team; ``options`` is the search, e.g. ``{"terms": "report",
        "is_or_search": False}``.

        Sent as JSON: the description says a multipart form, but the server reads a JSON body
        (``searchFiles`` in ``server/channels/api4/file.go``).
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(self.path("/teams/{}/files/search", team_id), options=options, params=params),
        )

    def search_teams(self, options: Any = None) -> Any:
        """POST /api/v4/teams/search

        Search teams.
        """
        # Any: a list, or an object with total_count when the search is paged
        return self.client.post("/teams/search", options=options)

    def set_team_icon(self, team_id: str, file: Any) -> StatusOK:
        """POST /api/v4/teams/{team_id}/image

        Set a team's icon: ``file`` is the multipart dict, e.g. ``{"image": open("icon.png", "rb")}``.
        """
        return cast("StatusOK", self.client.post(self.path("/teams/{}/image", team_id), files=file))

    def set_team_scheme(self, team_id: str, options: Any = None) -> StatusOK:
        """PUT /api/v4/teams/{team_id}/scheme

        Set a team's scheme: ``options`` is ``{"scheme_id": ...}``.
        """
        return cast("StatusOK", self.client.put(self.path("/teams/{}/scheme", team_id), options=options))

    def update_team(self, team_id: str, options: Any = None) -> Team:
        """PUT /api/v4/teams/{team_id}

        Update a team.
        """
        return cast("Team", self.client.put(self.path("/teams/{}", team_id), options=options))

    def update_team_privacy(
        self, team_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Team:
        """PUT /api/v4/teams/{team_id}/privacy

        Update team's privacy.
        """
        return cast(
            "Team", self.client.put(self.path("/teams/{}/privacy", team_id), options=options, params=params)
        )

    def iter_teams(self, params: Optional[Dict[str, Any]] = None, *, per_page: int = 200) -> Iterator[Team]:
        """GET /api/v4/teams

        Iterate over every team the caller may see, one page at a time.
        """
        return cast(
            "Iterator[Team]",
            self.client.pages(lambda query: self.get_teams(query), params, per_page=per_page),
        )
