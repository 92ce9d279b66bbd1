"""The playbook run routes of ``driver.playbooks``, apart from ``playbooks.py`` to keep it small."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from .base import Base, query

#: Where the Playbooks plugin serves its API, under the site path.
PLAYBOOKS_API = "/plugins/playbooks/api/v0"


class PlaybookRuns(Base):
    """Playbook runs: their life cycle, owners, status and timeline; mixed into
    :class:`~mattermostdriver.endpoints.Playbooks`.
    """

    @property
    def _api(self) -> str:
        """The base path of the plugin's routes: the site path and :data:`API`."""
        return str(self.client.options["site_path"]) + PLAYBOOKS_API

    def change_owner(
        self, run_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Optional[Dict[str, Any]]:
        """POST /plugins/playbooks/api/v0/runs/{id}/owner

        Update playbook run owner.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        # older Playbooks versions answer an empty body (None), newer ones an object
        return cast(
            "Optional[Dict[str, Any]]",
            self.client.post(
                self.path("/runs/{}/owner", run_id), options=options, params=params, basepath=self._api
            ),
        )

    def create_playbook_run_from_post(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /plugins/playbooks/api/v0/runs

        Create a new playbook run.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        return cast(
            "Dict[str, Any]", self.client.post("/runs", options=options, params=params, basepath=self._api)
        )

    def end_playbook_run(
        self, run_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> None:
        """PUT /plugins/playbooks/api/v0/runs/{id}/end

        End a playbook run.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        return cast(
            "None",
            self.client.put(
                self.path("/runs/{}/end", run_id), options=options, params=params, basepath=self._api
            ),
        )

    def finish(
        self, run_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Optional[Dict[str, Any]]:
        """PUT /plugins/playbooks/api/v0/runs/{id}/finish

        Finish a playbook.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        # older Playbooks versions answer an empty body (None), newer ones an object
        return cast(
            "Optional[Dict[str, Any]]",
            self.client.put(
                self.path("/runs/{}/finish", run_id), options=options, params=params, basepath=self._api
            ),
        )

    def get_channels(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        team_id: Optional[str] = None,
        sort: Optional[str] = None,
        direction: Optional[str] = None,
        status: Optional[str] = None,
        owner_user_id: Optional[str] = None,
        search_term: Optional[str] = None,
        participant_id: Optional[str] = None,
    ) -> List[str]:
        """GET /plugins/playbooks/api/v0/runs/channels

        Get playbook run channels.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).

        Query parameters (keyword-only arguments):

        * ``team_id``: (required) ID of the team to filter by.
        * ``sort``: Field to sort the returned channels by, according to their playbook run.
        * ``direction``: Direction (ascending or descending) followed by the sorting of the playbook runs
          associated to the channels.
        * ``status``: The returned list will contain only the channels whose playbook run has this status.
        * ``owner_user_id``: The returned list will contain only the channels whose playbook run is commanded
          by this user.
        * ``search_term``: The returned list will contain only the channels associated to a playbook run whose
          name contains the search term.
        * ``participant_id``: The returned list will contain only the channels associated to a playbook run
          for which the given user is a participant.
        """
        return cast(
            "List[str]",
            self.client.get(
                "/runs/channels",
                params=query(
                    params,
                    team_id=team_id,
                    sort=sort,
                    direction=direction,
                    status=status,
                    owner_user_id=owner_user_id,
                    search_term=search_term,
                    participant_id=participant_id,
                ),
                basepath=self._api,
            ),
        )

    def get_owners(
        self, params: Optional[Dict[str, Any]] = None, *, team_id: Optional[str] = None
    ) -> List[Dict[str, Any]]:
        """GET /plugins/playbooks/api/v0/runs/owners

        Get all owners.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).

        Query parameters (keyword-only arguments):

        * ``team_id``: (required) ID of the team to filter by.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get("/runs/owners", params=query(params, team_id=team_id), basepath=self._api),
        )

    def get_playbook_run(self, run_id: str, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /plugins/playbooks/api/v0/runs/{id}

        Get a playbook run.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(self.path("/runs/{}", run_id), params=params, basepath=self._api),
        )

    def get_playbook_run_by_channel_id(
        self, channel_id: str, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """GET /plugins/playbooks/api/v0/runs/channel/{channel_id}

        Find playbook run by channel ID.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(self.path("/runs/channel/{}", channel_id), params=params, basepath=self._api),
        )

    def get_playbook_run_metadata(
        self, run_id: str, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """GET /plugins/playbooks/api/v0/runs/{id}/metadata

        Get playbook run metadata.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(self.path("/runs/{}/metadata", run_id), params=params, basepath=self._api),
        )

    def list_playbook_runs(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        team_id: Optional[str] = None,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
        sort: Optional[str] = None,
        direction: Optional[str] = None,
        statuses: Optional[List[str]] = None,
        owner_user_id: Optional[str] = None,
        participant_id: Optional[str] = None,
        search_term: Optional[str] = None,
        channel_id: Optional[str] = None,
        omit_ended: Optional[bool] = None,
        since: Optional[int] = None,
    ) -> Dict[str, Any]:
        """GET /plugins/playbooks/api/v0/runs

        List all playbook runs.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).

        Query parameters (keyword-only arguments):

        * ``team_id``: (required) ID of the team to filter by.
        * ``page``: Zero-based index of the page to request.
        * ``per_page``: Number of playbook runs to return per page.
        * ``sort``: Field to sort the returned playbook runs by.
        * ``direction``: Direction (ascending or descending) followed by the sorting of the playbook runs.
        * ``statuses``: The returned list will contain only the playbook runs with the specified statuses.
        * ``owner_user_id``: The returned list will contain only the playbook runs commanded by this user.
          Specify "me" for current user.
        * ``participant_id``: The returned list will contain only the playbook runs for which the given user
          is a participant. Specify "me" for current user.
        * ``search_term``: The returned list will contain only the playbook runs whose name contains the
          search term.
        * ``channel_id``: The returned list will contain only the playbook runs associated with this channel
          ID.
        * ``omit_ended``: When set to true, only active runs (with EndAt = 0) are returned. When false or
          omitted, both active and ended runs are returned.
        * ``since``: Return only PlaybookRuns created/modified since the given timestamp (in milliseconds).
        """
        return cast(
            "Dict[str, Any]",
            self.client.get(
                "/runs",
                params=query(
                    params,
                    team_id=team_id,
                    page=page,
                    per_page=per_page,
                    sort=sort,
                    direction=direction,
                    statuses=statuses,
                    owner_user_id=owner_user_id,
                    participant_id=participant_id,
                    search_term=search_term,
                    channel_id=channel_id,
                    omit_ended=omit_ended,
                    since=since,
                ),
                basepath=self._api,
            ),
        )

    def remove_timeline_event(
        self, run_id: str, event_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> None:
        """DELETE /plugins/playbooks/api/v0/runs/{id}/timeline/{event_id}

        Remove a timeline event from the playbook run.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        return cast(
            "None",
            self.client.delete(
                self.path("/runs/{}/timeline/{}", run_id, event_id),
                options=options,
                params=params,
                basepath=self._api,
            ),
        )

    def restart_playbook_run(
        self, run_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> None:
        """PUT /plugins/playbooks/api/v0/runs/{id}/restart

        Restart a playbook run.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        return cast(
            "None",
            self.client.put(
                self.path("/runs/{}/restart", run_id), options=options, params=params, basepath=self._api
            ),
        )

    def update_playbook_run(
        self, run_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Optional[Dict[str, Any]]:
        """PATCH /plugins/playbooks/api/v0/runs/{id}

        Update a playbook run.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        # older Playbooks versions answer an empty body (None), newer ones an object
        return cast(
            "Optional[Dict[str, Any]]",
            self.client.patch(
                self.path("/runs/{}", run_id), options=options, params=params, basepath=self._api
            ),
        )

    def update_playbook_run_status(
        self, run_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Optional[Dict[str, Any]]:
        """POST /plugins/playbooks/api/v0/runs/{id}/status

        Update a playbook run's status.

        Minimum server version: none of its own: the Playbooks plugin serves it (a server without the plugin
        answers 404); in the API description since v11.1. From server v11 on, Playbooks needs a licence
        (Entry, Professional or above).
        """
        # older Playbooks versions answer an empty body (None), newer ones an object
        return cast(
            "Optional[Dict[str, Any]]",
            self.client.post(
                self.path("/runs/{}/status", run_id), options=options, params=params, basepath=self._api
            ),
        )
