"""Endpoints of ``driver.agents``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from .base import Base


class Agents(Base):
    """The ``agents`` routes.

    Served by the Mattermost AI plugin: without it the server answers 404 or 501
    (:class:`~mattermostdriver.ResourceNotFound`, :class:`~mattermostdriver.FeatureDisabled`).
    """

    endpoint = "/agents"

    def get_agents(self, params: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
        """GET /api/v4/agents

        Get available agents.

        Served by the Mattermost AI plugin: without it the server answers 404 or 501
        (:class:`~mattermostdriver.ResourceNotFound`, :class:`~mattermostdriver.FeatureDisabled`).
        """
        return cast("List[Dict[str, Any]]", self.client.get("/agents", params=params))

    def get_agents_status(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/agents/status

        Get agents bridge status.

        Served by the Mattermost AI plugin: without it the server answers 404 or 501
        (:class:`~mattermostdriver.ResourceNotFound`, :class:`~mattermostdriver.FeatureDisabled`).
        """
        return cast("Dict[str, Any]", self.client.get("/agents/status", params=params))

    def get_llm_services(self, params: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
        """GET /api/v4/llmservices

        Get available LLM services.

        Served by the Mattermost AI plugin: without it the server answers 404 or 501
        (:class:`~mattermostdriver.ResourceNotFound`, :class:`~mattermostdriver.FeatureDisabled`).
        """
        return cast("List[Dict[str, Any]]", self.client.get("/llmservices", params=params))
