"""Endpoints of ``driver.commands``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import StatusOK
from .base import Base, query


class Commands(Base):
    """The ``commands`` routes."""

    endpoint = "/commands"

    def create_command(self, options: Any = None) -> Dict[str, Any]:
        """POST /api/v4/commands

        Create a command.
        """
        return cast("Dict[str, Any]", self.client.post("/commands", options=options))

    def delete_command(self, command_id: str) -> StatusOK:
        """DELETE /api/v4/commands/{command_id}

        Delete a command.
        """
        return cast("StatusOK", self.client.delete(self.path("/commands/{}", command_id)))

    def execute_command(self, options: Any = None) -> Dict[str, Any]:
        """POST /api/v4/commands/execute

        Execute a command.
        """
        return cast("Dict[str, Any]", self.client.post("/commands/execute", options=options))

    def generate_new_token(self, command_id: str) -> Dict[str, Any]:
        """PUT /api/v4/commands/{command_id}/regen_token

        Generate a new token.
        """
        return cast("Dict[str, Any]", self.client.put(self.path("/commands/{}/regen_token", command_id)))

    def get_command_by_id(self, command_id: str, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/commands/{command_id}

        Get a command.
        """
        return cast("Dict[str, Any]", self.client.get(self.path("/commands/{}", command_id), params=params))

    def list_autocomplete_commands(self, team_id: str) -> List[Dict[str, Any]]:
        """GET /api/v4/teams/{team_id}/commands/autocomplete

        List autocomplete commands.
        """
        return cast(
            "List[Dict[str, Any]]", self.client.get(self.path("/teams/{}/commands/autocomplete", team_id))
        )

    def list_command_autocomplete_suggestions(
        self, team_id: str, params: Optional[Dict[str, Any]] = None, *, user_input: Optional[str] = None
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/teams/{team_id}/commands/autocomplete_suggestions

        List commands' autocomplete data.

        Query parameters (keyword-only arguments):

        * ``user_input``: (required) String inputted by the user.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(
                self.path("/teams/{}/commands/autocomplete_suggestions", team_id),
                params=query(params, user_input=user_input),
            ),
        )

    def list_commands_for_team(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        team_id: Optional[str] = None,
        custom_only: Optional[bool] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/commands

        List commands for a team.

        Query parameters (keyword-only arguments):

        * ``team_id``: The team id.
        * ``custom_only``: To get only the custom commands.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get("/commands", params=query(params, team_id=team_id, custom_only=custom_only)),
        )

    def move_command(
        self, command_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """PUT /api/v4/commands/{command_id}/move

        Move a command.
        """
        return cast(
            "StatusOK",
            self.client.put(self.path("/commands/{}/move", command_id), options=options, params=params),
        )

    def update_command(self, command_id: str, options: Any = None) -> Dict[str, Any]:
        """PUT /api/v4/commands/{command_id}

        Update a command.
        """
        return cast("Dict[str, Any]", self.client.put(self.path("/commands/{}", command_id), options=options))
