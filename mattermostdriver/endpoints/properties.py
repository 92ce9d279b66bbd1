"""Endpoints of ``driver.properties``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import StatusOK
from .base import Base, query


class Properties(Base):
    """The ``properties`` routes: property fields and values of a property group, by object type."""

    endpoint = "/properties"

    def create_property_field(
        self, group_name: str, object_type: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/properties/groups/{group_name}/{object_type}/fields

        Create a property field.

        Minimum server version: not stated by the description, which has the route since v11.7.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(
                self.path("/properties/groups/{}/{}/fields", group_name, object_type),
                options=options,
                params=params,
            ),
        )

    def delete_property_field(
        self,
        group_name: str,
        object_type: str,
        field_id: str,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
    ) -> StatusOK:
        """DELETE /api/v4/properties/groups/{group_name}/{object_type}/fields/{field_id}

        Delete a property field.

        Minimum server version: not stated by the description, which has the route since v11.7.

        The server answers 409 while linked fields depend on it.
        """
        return cast(
            "StatusOK",
            self.client.delete(
                self.path("/properties/groups/{}/{}/fields/{}", group_name, object_type, field_id),
                options=options,
                params=params,
            ),
        )

    def get_property_fields(
        self,
        group_name: str,
        object_type: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        channel_id: Optional[str] = None,
        team_id: Optional[str] = None,
        target_type: Optional[str] = None,
        target_id: Optional[str] = None,
        since: Optional[int] = None,
        cursor_id: Optional[str] = None,
        cursor_create_at: Optional[int] = None,
        cursor_update_at: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/properties/groups/{group_name}/{object_type}/fields

        Get property fields.

        Minimum server version: not stated by the description, which has the route since v11.7.

        Give either a hierarchical scope (``channel_id`` and/or ``team_id``) or a single target
        (``target_type`` and ``target_id``), not both.

        Query parameters (keyword-only arguments):

        * ``channel_id``: Hierarchical scope: system, team and channel fields of this channel.
        * ``team_id``: Hierarchical scope: system and team fields of this team.
        * ``target_type``: Single-target scope: ``system``, ``team`` or ``channel``.
        * ``target_id``: Single-target scope: required when ``target_type`` is ``team`` or ``channel``.
        * ``since``: Unix time in milliseconds: when greater than 0, only rows updated after it, deleted ones
          included.
        * ``cursor_id``: The ID of the last row of the previous page, for cursor-based pagination.
        * ``cursor_create_at``: The ``create_at`` of the last row of the previous page; goes with
          ``cursor_id`` when ``since`` is absent.
        * ``cursor_update_at``: The ``update_at`` of the last row of the previous page; goes with
          ``cursor_id`` when ``since`` is given.
        * ``per_page``: The number of property fields per page.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(
                self.path("/properties/groups/{}/{}/fields", group_name, object_type),
                params=query(
                    params,
                    channel_id=channel_id,
                    team_id=team_id,
                    target_type=target_type,
                    target_id=target_id,
                    since=since,
                    cursor_id=cursor_id,
                    cursor_create_at=cursor_create_at,
                    cursor_update_at=cursor_update_at,
                    per_page=per_page,
                ),
            ),
        )

    def get_property_values(
        self,
        group_name: str,
        object_type: str,
        target_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        since: Optional[int] = None,
        cursor_id: Optional[str] = None,
        cursor_create_at: Optional[int] = None,
        cursor_update_at: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/properties/groups/{group_name}/{object_type}/values/{target_id}

        Get property values for a target.

        Minimum server version: not stated by the description, which has the route since v11.7.

        Query parameters (keyword-only arguments):

        * ``since``: Unix time in milliseconds: when greater than 0, only rows updated after it, deleted ones
          included.
        * ``cursor_id``: The ID of the last row of the previous page, for cursor-based pagination.
        * ``cursor_create_at``: The ``create_at`` of the last row of the previous page; goes with
          ``cursor_id`` when ``since`` is absent.
        * ``cursor_update_at``: The ``update_at`` of the last row of the previous page; goes with
          ``cursor_id`` when ``since`` is given.
        * ``per_page``: The number of property values per page.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(
                self.path("/properties/groups/{}/{}/values/{}", group_name, object_type, target_id),
                params=query(
                    params,
                    since=since,
                    cursor_id=cursor_id,
                    cursor_create_at=cursor_create_at,
                    cursor_update_at=cursor_update_at,
                    per_page=per_page,
                ),
            ),
        )

    def get_system_property_values(
        self,
        group_name: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        since: Optional[int] = None,
        cursor_id: Optional[str] = None,
        cursor_create_at: Optional[int] = None,
        cursor_update_at: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/properties/groups/{group_name}/system/values

        Get property values for the system.

        Minimum server version: not stated by the description, which has the route since v11.8.

        Query parameters (keyword-only arguments):

        * ``since``: Unix time in milliseconds: when greater than 0, only rows updated after it, deleted ones
          included.
        * ``cursor_id``: The ID of the last row of the previous page, for cursor-based pagination.
        * ``cursor_create_at``: The ``create_at`` of the last row of the previous page; goes with
          ``cursor_id`` when ``since`` is absent.
        * ``cursor_update_at``: The ``update_at`` of the last row of the previous page; goes with
          ``cursor_id`` when ``since`` is given.
        * ``per_page``: The number of property values per page.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(
                self.path("/properties/groups/{}/system/values", group_name),
                params=query(
                    params,
                    since=since,
                    cursor_id=cursor_id,
                    cursor_create_at=cursor_create_at,
                    cursor_update_at=cursor_update_at,
                    per_page=per_page,
                ),
            ),
        )

    def search_property_fields(
        self, group_name: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> List[Dict[str, Any]]:
        """POST /api/v4/properties/groups/{group_name}/fields/search

        Search property fields across multiple object types.

        Minimum server version: not stated by the description, which has the route by v11.11.

        ``options`` lists the ``object_types`` and the scope, as :meth:`get_property_fields` takes them.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.post(
                self.path("/properties/groups/{}/fields/search", group_name), options=options, params=params
            ),
        )

    def update_property_field(
        self,
        group_name: str,
        object_type: str,
        field_id: str,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
    ) -> Dict[str, Any]:
        """PATCH /api/v4/properties/groups/{group_name}/{object_type}/fields/{field_id}

        Update a property field.

        Minimum server version: not stated by the description, which has the route since v11.7.
        """
        return cast(
            "Dict[str, Any]",
            self.client.patch(
                self.path("/properties/groups/{}/{}/fields/{}", group_name, object_type, field_id),
                options=options,
                params=params,
            ),
        )

    def update_property_values(
        self,
        group_name: str,
        object_type: str,
        target_id: str,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
    ) -> List[Dict[str, Any]]:
        """PATCH /api/v4/properties/groups/{group_name}/{object_type}/values/{target_id}

        Update property values for a target.

        Minimum server version: not stated by the description, which has the route since v11.7.

        ``options`` is a list of ``{"field_id": ..., "value": ...}``; values are upserted.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.patch(
                self.path("/properties/groups/{}/{}/values/{}", group_name, object_type, target_id),
                options=options,
                params=params,
            ),
        )

    def update_system_property_values(
        self, group_name: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> List[Dict[str, Any]]:
        """PATCH /api/v4/properties/groups/{group_name}/system/values

        Update property values for the system.

        Minimum server version: not stated by the description, which has the route since v11.8.

        System admins only. ``options`` is a list of ``{"field_id": ..., "value": ...}``.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.patch(
                self.path("/properties/groups/{}/system/values", group_name), options=options, params=params
            ),
        )
