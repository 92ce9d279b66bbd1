"""Endpoints of ``driver.playbooks``: the Playbooks plugin's API."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from .base import query
from .playbook_run_details import PlaybookRunDetails


class Playbooks(PlaybookRunDetails):
    """The ``playbooks`` routes: the Playbooks plugin's API, under ``/plugins/playbooks/api/v0``.

    Served by the plugin, not by the server itself: without it the server answers 404
    (:class:`~mattermostdriver.ResourceNotFound`). From server v11 on, Playbooks needs a licence
    (Entry, Professional or above). The paths are under the site path, not under ``/api/v4``.
    """

    endpoint = "/plugins/playbooks/api/v0"

    def create_playbook(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """POST /plugins/playbooks/api/v0/playbooks

        Create a playbook.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        return cast(
            "Dict[str, Any]",
            self.client.post("/playbooks", options=options, params=params, basepath=self._api),
        )

    def create_playbook_condition(
        self, playbook_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /plugins/playbooks/api/v0/playbooks/{id}/conditions

        Create a playbook condition.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(
                self.path("/playbooks/{}/conditions", playbook_id),
                options=options,
                params=params,
                basepath=self._api,
            ),
        )

    def create_playbook_property_field(
        self, playbook_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /plugins/playbooks/api/v0/playbooks/{id}/property_fields

        Create a property field for a playbook.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(
                self.path("/playbooks/{}/property_fields", playbook_id),
                options=options,
                params=params,
                basepath=self._api,
            ),
        )

    def delete_playbook(
        self, playbook_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> None:
        """DELETE /plugins/playbooks/api/v0/playbooks/{id}

        Delete a playbook.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        return cast(
            "None",
            self.client.delete(
                self.path("/playbooks/{}", playbook_id), options=options, params=params, basepath=self._api
            ),
        )

    def delete_playbook_condition(
        self,
        playbook_id: str,
        condition_id: str,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
    ) -> None:
        """DELETE /plugins/playbooks/api/v0/playbooks/{id}/conditions/{conditionID}

        Delete a playbook condition.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        return cast(
            "None",
            self.client.delete(
                self.path("/playbooks/{}/conditions/{}", playbook_id, condition_id),
                options=options,
                params=params,
                basepath=self._api,
            ),
        )

    def delete_playbook_property_field(
        self, playbook_id: str, field_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> None:
        """DELETE /plugins/playbooks/api/v0/playbooks/{id}/property_fields/{field_id}

        Delete a property field for a playbook.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        return cast(
            "None",
            self.client.delete(
                self.path("/playbooks/{}/property_fields/{}", playbook_id, field_id),
                options=options,
                params=params,
                basepath=self._api,
            ),
        )

    def get_auto_follows(self, playbook_id: str, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /plugins/playbooks/api/v0/playbooks/{id}/autofollows

        Get the list of followers' user IDs of a playbook.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                self.path("/playbooks/{}/autofollows", playbook_id), params=params, basepath=self._api
            ),
        )

    def get_playbook(self, playbook_id: str, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /plugins/playbooks/api/v0/playbooks/{id}

        Get a playbook.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(self.path("/playbooks/{}", playbook_id), params=params, basepath=self._api),
        )

    def get_playbook_conditions(
        self,
        playbook_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> Dict[str, Any]:
        """GET /plugins/playbooks/api/v0/playbooks/{id}/conditions

        List playbook conditions.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).

        Query parameters (keyword-only arguments):

        * ``page``: Zero-based index of the page to request.
        * ``per_page``: Number of conditions to return per page.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                self.path("/playbooks/{}/conditions", playbook_id),
                params=query(params, page=page, per_page=per_page),
                basepath=self._api,
            ),
        )

    def get_playbook_property_fields(
        self,
        playbook_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        updated_since: Optional[int] = None,
    ) -> List[Dict[str, Any]]:
        """GET /plugins/playbooks/api/v0/playbooks/{id}/property_fields

        Get property fields for a playbook.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).

        Query parameters (keyword-only arguments):

        * ``updated_since``: Filter results to only include property fields updated after this timestamp (Unix
          time in milliseconds).
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(
                self.path("/playbooks/{}/property_fields", playbook_id),
                params=query(params, updated_since=updated_since),
                basepath=self._api,
            ),
        )

    def get_playbooks(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        team_id: Optional[str] = None,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
        sort: Optional[str] = None,
        direction: Optional[str] = None,
        with_archived: Optional[bool] = None,
    ) -> Dict[str, Any]:
        """GET /plugins/playbooks/api/v0/playbooks

        List all playbooks.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).

        Query parameters (keyword-only arguments):

        * ``team_id``: (required) ID of the team to filter by.
        * ``page``: Zero-based index of the page to request.
        * ``per_page``: Number of playbooks to return per page.
        * ``sort``: Field to sort the returned playbooks by title, number of stages or total number of steps.
        * ``direction``: Direction (ascending or descending) followed by the sorting of the playbooks.
        * ``with_archived``: Includes archived playbooks in the result.
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                "/playbooks",
                params=query(
                    params,
                    team_id=team_id,
                    page=page,
                    per_page=per_page,
                    sort=sort,
                    direction=direction,
                    with_archived=with_archived,
                ),
                basepath=self._api,
            ),
        )

    def reorder_playbook_property_fields(
        self, playbook_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> List[Dict[str, Any]]:
        """POST /plugins/playbooks/api/v0/playbooks/{id}/property_fields/reorder

        Reorder property fields for a playbook.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.post(
                self.path("/playbooks/{}/property_fields/reorder", playbook_id),
                options=options,
                params=params,
                basepath=self._api,
            ),
        )

    def update_playbook(
        self, playbook_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> None:
        """PUT /plugins/playbooks/api/v0/playbooks/{id}

        Update a playbook.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        return cast(
            "None",
            self.client.put(
                self.path("/playbooks/{}", playbook_id), options=options, params=params, basepath=self._api
            ),
        )

    def update_playbook_condition(
        self,
        playbook_id: str,
        condition_id: str,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
    ) -> Dict[str, Any]:
        """PUT /plugins/playbooks/api/v0/playbooks/{id}/conditions/{conditionID}

        Update a playbook condition.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        return cast(
            "Dict[str, Any]",
            self.client.put(
                self.path("/playbooks/{}/conditions/{}", playbook_id, condition_id),
                options=options,
                params=params,
                basepath=self._api,
            ),
        )

    def update_playbook_property_field(
        self, playbook_id: str, field_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """PUT /plugins/playbooks/api/v0/playbooks/{id}/property_fields/{field_id}

        Update a property field for a playbook.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        return cast(
            "Dict[str, Any]",
            self.client.put(
                self.path("/playbooks/{}/property_fields/{}", playbook_id, field_id),
                options=options,
                params=params,
                basepath=self._api,
            ),
        )
