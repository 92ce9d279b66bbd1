"""Endpoints of ``driver.commands``."""

from __future__ import annotations

from typing import Any, Dict, Optional

from .base import Base, query


class Commands(Base):
    """The ``commands`` routes."""

    endpoint = "/commands"

    def create_command(self, options: Any = None) -> Any:
        """POST /api/v4/commands

        Create a command.
        """
        return self.client.post("/commands", options=options)

    def delete_command(self, command_id: str) -> Any:
        """DELETE /api/v4/commands/{command_id}

        Delete a command.
        """
        return self.client.delete(self.path("/commands/{}", command_id))

    def execute_command(self, options: Any = None) -> Any:
        """POST /api/v4/commands/execute

        Execute a command.
        """
        return self.client.post("/commands/execute", options=options)

    def generate_new_token(self, command_id: str) -> Any:
        """PUT /api/v4/commands/{command_id}/regen_token

        Generate a new token.
        """
        return self.client.put(self.path("/commands/{}/regen_token", command_id))

    def get_command_by_id(self, command_id: str, params: Optional[Dict[str, Any]] = None) -> Any:
        """GET /api/v4/commands/{command_id}

        Get a command.
        """
        return self.client.get(self.path("/commands/{}", command_id), params=params)

    def list_autocomplete_commands(self, team_id: str) -> Any:
        """GET /api/v4/teams/{team_id}/commands/autocomplete

        List autocomplete commands.
        """
        return self.client.get(self.path("/teams/{}/commands/autocomplete", team_id))

    def list_command_autocomplete_suggestions(
        self, team_id: str, params: Optional[Dict[str, Any]] = None
    ) -> Any:
        """GET /api/v4/teams/{team_id}/commands/autocomplete_suggestions

        List commands' autocomplete data.
        """
        return self.client.get(
            self.path("/teams/{}/commands/autocomplete_suggestions", team_id), params=params
        )

    def list_commands_for_team(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        team_id: Optional[str] = None,
        custom_only: Optional[bool] = None,
    ) -> Any:
        """GET /api/v4/commands

        List commands for a team.

        Query parameters (keyword-only arguments):

        * ``team_id``: The team id.
        * ``custom_only``: To get only the custom commands.
        """
        return self.client.get("/commands", params=query(params, team_id=team_id, custom_only=custom_only))

    def move_command(
        self, command_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Any:
        """PUT /api/v4/commands/{command_id}/move

        Move a command.
        """
        return self.client.put(self.path("/commands/{}/move", command_id), options=options, params=params)

    def update_command(self, command_id: str, options: Any = None) -> Any:
        """PUT /api/v4/commands/{command_id}

        Update a command.
        """
        return self.client.put(self.path("/commands/{}", command_id), options=options)
