"""Endpoints of ``driver.ai``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from .base import Base


class AI(Base):
    """The ``ai`` routes.

    Served by the Mattermost AI plugin: without it the server answers 404 or 501
    (:class:`~mattermostdriver.ResourceNotFound`, :class:`~mattermostdriver.FeatureDisabled`).
    """

    endpoint = "/ai"

    def get_ai_agents(self, params: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
        """GET /api/v4/ai/agents

        Get available AI agents.

        Served by the Mattermost AI plugin: without it the server answers 404 or 501
        (:class:`~mattermostdriver.ResourceNotFound`, :class:`~mattermostdriver.FeatureDisabled`).

        Removed from the server by v11.4 (an 11.4 server answers 404) and from the API description in v11.8;
        kept for callers of older servers, which still serve it.
        """
        return cast("List[Dict[str, Any]]", self.client.get("/ai/agents", params=params))

    def get_ai_services(self, params: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
        """GET /api/v4/ai/services

        Get available AI services.

        Served by the Mattermost AI plugin: without it the server answers 404 or 501
        (:class:`~mattermostdriver.ResourceNotFound`, :class:`~mattermostdriver.FeatureDisabled`).

        Removed from the server by v11.4 (an 11.4 server answers 404) and from the API description in v11.8;
        kept for callers of older servers, which still serve it.
        """
        return cast("List[Dict[str, Any]]", self.client.get("/ai/services", params=params))
