"""Endpoints of ``driver.elasticsearch``."""

from __future__ import annotations

from typing import Any, cast

from ..types import StatusOK
from .base import Base


class Elasticsearch(Base):
    """The ``elasticsearch`` routes.

    Needs an Enterprise licence: a server without one answers 501 or 403, raised as
    :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
    """

    endpoint = "/elasticsearch"

    def purge_all_elasticsearch_indexes(self) -> StatusOK:
        """POST /api/v4/elasticsearch/purge_indexes

        Purge all Elasticsearch indexes.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("StatusOK", self.client.post("/elasticsearch/purge_indexes"))

    def test_elasticsearch_configuration(self, options: Any = None) -> StatusOK:
        """POST /api/v4/elasticsearch/test

        Test Elasticsearch configuration.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("StatusOK", self.client.post("/elasticsearch/test", options=options))
