"""Checklists, properties, conditions and dialogs of playbook runs, for ``driver.playbooks``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from .base import query
from .playbook_runs import PlaybookRuns


class PlaybookRunDetails(PlaybookRuns):
    """The checklists, properties and conditions of playbook runs, and the web app's dialogs; mixed into
    :class:`~mattermostdriver.endpoints.Playbooks`.
    """

    def add_checklist_item(
        self, run_id: str, checklist: int, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> None:
        """POST /plugins/playbooks/api/v0/runs/{id}/checklists/{checklist}/add

        Add an item to a playbook run's checklist.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        return cast(
            "None",
            self.client.post(
                self.path("/runs/{}/checklists/{}/add", run_id, checklist),
                options=options,
                params=params,
                basepath=self._api,
            ),
        )

    def create_playbook_run_from_dialog(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /plugins/playbooks/api/v0/runs/dialog

        Create a new playbook run from dialog.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).

        Meant for the Playbooks web app (its dialogs and slash command).
        """
        return cast(
            "Dict[str, Any]",
            self.client.post("/runs/dialog", options=options, params=params, basepath=self._api),
        )

    def end_playbook_run_dialog(
        self, run_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> None:
        """POST /plugins/playbooks/api/v0/runs/{id}/end

        End a playbook run from dialog.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).

        Meant for the Playbooks web app (its dialogs and slash command).
        """
        return cast(
            "None",
            self.client.post(
                self.path("/runs/{}/end", run_id), options=options, params=params, basepath=self._api
            ),
        )

    def get_checklist_autocomplete(
        self, params: Optional[Dict[str, Any]] = None, *, channel_id: Optional[str] = None
    ) -> List[Dict[str, Any]]:
        """GET /plugins/playbooks/api/v0/runs/checklist-autocomplete

        Get autocomplete data for /playbook check.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).

        Meant for the Playbooks web app (its dialogs and slash command).

        Query parameters (keyword-only arguments):

        * ``channel_id`` (``channel_ID``): (required) ID of the channel the user is in.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(
                "/runs/checklist-autocomplete",
                params=query(params, channel_ID=channel_id),
                basepath=self._api,
            ),
        )

    def get_run_conditions(
        self,
        run_id: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> Dict[str, Any]:
        """GET /plugins/playbooks/api/v0/runs/{id}/conditions

        List run conditions.

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
                self.path("/runs/{}/conditions", run_id),
                params=query(params, page=page, per_page=per_page),
                basepath=self._api,
            ),
        )

    def get_run_property_fields(
        self, run_id: str, params: Optional[Dict[str, Any]] = None, *, updated_since: Optional[int] = None
    ) -> List[Dict[str, Any]]:
        """GET /plugins/playbooks/api/v0/runs/{id}/property_fields

        Get property fields for a playbook run.

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
                self.path("/runs/{}/property_fields", run_id),
                params=query(params, updated_since=updated_since),
                basepath=self._api,
            ),
        )

    def get_run_property_values(
        self, run_id: str, params: Optional[Dict[str, Any]] = None, *, updated_since: Optional[int] = None
    ) -> List[Dict[str, Any]]:
        """GET /plugins/playbooks/api/v0/runs/{id}/property_values

        Get property values for a playbook run.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).

        Query parameters (keyword-only arguments):

        * ``updated_since``: Filter results to only include property values updated after this timestamp (Unix
          time in milliseconds).
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(
                self.path("/runs/{}/property_values", run_id),
                params=query(params, updated_since=updated_since),
                basepath=self._api,
            ),
        )

    def item_delete(
        self,
        run_id: str,
        checklist: int,
        item: int,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
    ) -> None:
        """DELETE /plugins/playbooks/api/v0/runs/{id}/checklists/{checklist}/item/{item}

        Delete an item of a playbook run's checklist.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        return cast(
            "None",
            self.client.delete(
                self.path("/runs/{}/checklists/{}/item/{}", run_id, checklist, item),
                options=options,
                params=params,
                basepath=self._api,
            ),
        )

    def item_rename(
        self,
        run_id: str,
        checklist: int,
        item: int,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
    ) -> None:
        """PUT /plugins/playbooks/api/v0/runs/{id}/checklists/{checklist}/item/{item}

        Update an item of a playbook run's checklist.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        return cast(
            "None",
            self.client.put(
                self.path("/runs/{}/checklists/{}/item/{}", run_id, checklist, item),
                options=options,
                params=params,
                basepath=self._api,
            ),
        )

    def item_run(
        self,
        run_id: str,
        checklist: int,
        item: int,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
    ) -> Dict[str, Any]:
        """PUT /plugins/playbooks/api/v0/runs/{id}/checklists/{checklist}/item/{item}/run

        Run an item's slash command.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        return cast(
            "Dict[str, Any]",
            self.client.put(
                self.path("/runs/{}/checklists/{}/item/{}/run", run_id, checklist, item),
                options=options,
                params=params,
                basepath=self._api,
            ),
        )

    def item_set_assignee(
        self,
        run_id: str,
        checklist: int,
        item: int,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
    ) -> Optional[Dict[str, Any]]:
        """PUT /plugins/playbooks/api/v0/runs/{id}/checklists/{checklist}/item/{item}/assignee

        Update the assignee of an item.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        # older Playbooks versions answer an empty body (None), newer ones an object
        return cast(
            "Optional[Dict[str, Any]]",
            self.client.put(
                self.path("/runs/{}/checklists/{}/item/{}/assignee", run_id, checklist, item),
                options=options,
                params=params,
                basepath=self._api,
            ),
        )

    def item_set_state(
        self,
        run_id: str,
        checklist: int,
        item: int,
        options: Any = None,
        params: Optional[Dict[str, Any]] = None,
    ) -> Optional[Dict[str, Any]]:
        """PUT /plugins/playbooks/api/v0/runs/{id}/checklists/{checklist}/item/{item}/state

        Update the state of an item.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        # older Playbooks versions answer an empty body (None), newer ones an object
        return cast(
            "Optional[Dict[str, Any]]",
            self.client.put(
                self.path("/runs/{}/checklists/{}/item/{}/state", run_id, checklist, item),
                options=options,
                params=params,
                basepath=self._api,
            ),
        )

    def next_stage_dialog(
        self, run_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> None:
        """POST /plugins/playbooks/api/v0/runs/{id}/next-stage-dialog

        Go to next stage from dialog.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).

        Meant for the Playbooks web app (its dialogs and slash command).
        """
        return cast(
            "None",
            self.client.post(
                self.path("/runs/{}/next-stage-dialog", run_id),
                options=options,
                params=params,
                basepath=self._api,
            ),
        )

    def reoder_checklist_item(
        self, run_id: str, checklist: int, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> None:
        """PUT /plugins/playbooks/api/v0/runs/{id}/checklists/{checklist}/reorder

        Reorder an item in a playbook run's checklist.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        return cast(
            "None",
            self.client.put(
                self.path("/runs/{}/checklists/{}/reorder", run_id, checklist),
                options=options,
                params=params,
                basepath=self._api,
            ),
        )

    #: :meth:`reoder_checklist_item` spelt right (upstream misspells the operationId ``reoderChecklistItem``).
    reorder_checklist_item = reoder_checklist_item

    def set_run_property_value(
        self, run_id: str, field_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """PUT /plugins/playbooks/api/v0/runs/{id}/property_fields/{field_id}/value

        Set a property value for a playbook run.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        return cast(
            "Dict[str, Any]",
            self.client.put(
                self.path("/runs/{}/property_fields/{}/value", run_id, field_id),
                options=options,
                params=params,
                basepath=self._api,
            ),
        )
