"""Endpoints of ``driver.jobs``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

import requests

from ..types import StatusOK
from .base import Base, query


class Jobs(Base):
    """The ``jobs`` routes."""

    endpoint = "/jobs"

    def cancel_job(
        self, job_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/jobs/{job_id}/cancel

        Cancel a job.
        """
        return cast(
            "StatusOK", self.client.post(self.path("/jobs/{}/cancel", job_id), options=options, params=params)
        )

    def create_job(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """POST /api/v4/jobs

        Create a new job.
        """
        return cast("Dict[str, Any]", self.client.post("/jobs", options=options, params=params))

    def download_job(self, job_id: str, params: Optional[Dict[str, Any]] = None) -> requests.Response:
        """GET /api/v4/jobs/{job_id}/download

        Download the results of a job.
        """
        return cast(
            "requests.Response", self.client.get(self.path("/jobs/{}/download", job_id), params=params)
        )

    def get_job(self, job_id: str, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/jobs/{job_id}

        Get a job.
        """
        return cast("Dict[str, Any]", self.client.get(self.path("/jobs/{}", job_id), params=params))

    def get_jobs(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
        job_type: Optional[str] = None,
        status: Optional[str] = None,
    ) -> Optional[List[Dict[str, Any]]]:
        """GET /api/v4/jobs

        Get the jobs.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select.
        * ``per_page``: The number of jobs per page.
        * ``job_type``: The type of jobs to fetch.
        * ``status``: The status of jobs to fetch.
        """
        # None (JSON null) when the page is empty (past the end)
        return cast(
            "Optional[List[Dict[str, Any]]]",
            self.client.get(
                "/jobs", params=query(params, page=page, per_page=per_page, job_type=job_type, status=status)
            ),
        )

    def get_jobs_by_type(
        self,
        type: str,
        params: Optional[Dict[str, Any]] = None,
        *,
        team_id: Optional[str] = None,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/jobs/type/{job_type}

        Get the jobs of the given type.

        ``type`` keeps its name: the description calls it ``job_type`` since v11.8.

        Query parameters (keyword-only arguments):

        * ``team_id``: Only the jobs whose data names this team (a team admin with
          ``manage_team_access_rules`` may so list that team's ``access_control_sync`` jobs).
          Server 11.8 or later; an older server ignores it.
        * ``page``: The page to select.
        * ``per_page``: The number of jobs per page.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(
                self.path("/jobs/type/{}", type),
                params=query(params, team_id=team_id, page=page, per_page=per_page),
            ),
        )

    def update_job_status(
        self, job_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """PATCH /api/v4/jobs/{job_id}/status

        Update the status of a job.
        """
        return cast(
            "StatusOK",
            self.client.patch(self.path("/jobs/{}/status", job_id), options=options, params=params),
        )
