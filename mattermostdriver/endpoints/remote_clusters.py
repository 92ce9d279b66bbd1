"""Endpoints of ``driver.remote_clusters``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..multipart import raw_body
from ..types import StatusOK
from .base import Base, query


class RemoteClusters(Base):
    """The ``remote_clusters`` routes.

    Needs an Enterprise licence: a server without one answers 501 or 403, raised as
    :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
    """

    endpoint = "/remotecluster"

    def accept_remote_cluster_invite(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/remotecluster/accept_invite

        Accept a remote cluster invite code.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]", self.client.post("/remotecluster/accept_invite", options=options, params=params)
        )

    def create_remote_cluster(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/remotecluster

        Create a new remote cluster.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("Dict[str, Any]", self.client.post("/remotecluster", options=options, params=params))

    def delete_remote_cluster(
        self, remote_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/remotecluster/{remote_id}

        Delete a remote cluster.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "StatusOK",
            self.client.delete(self.path("/remotecluster/{}", remote_id), options=options, params=params),
        )

    def generate_remote_cluster_invite(
        self, remote_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> str:
        """POST /api/v4/remotecluster/{remote_id}/generate_invite

        Generate invite code.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "str",
            self.client.post(
                self.path("/remotecluster/{}/generate_invite", remote_id), options=options, params=params
            ),
        )

    def get_remote_cluster(self, remote_id: str, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/remotecluster/{remote_id}

        Get a remote cluster.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]", self.client.get(self.path("/remotecluster/{}", remote_id), params=params)
        )

    def get_remote_clusters(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
        exclude_offline: Optional[bool] = None,
        in_channel: Optional[str] = None,
        not_in_channel: Optional[str] = None,
        only_confirmed: Optional[bool] = None,
        only_plugins: Optional[bool] = None,
        exclude_plugins: Optional[bool] = None,
        include_deleted: Optional[bool] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/remotecluster

        Get a list of remote clusters.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``page``: The page to select
        * ``per_page``: The number of remote clusters per page
        * ``exclude_offline``: Exclude offline remote clusters
        * ``in_channel``: Select remote clusters in channel
        * ``not_in_channel``: Select remote clusters not in this channel
        * ``only_confirmed``: Select only remote clusters already confirmed
        * ``only_plugins``: Select only remote clusters that belong to a plugin
        * ``exclude_plugins``: Select only remote clusters that don't belong to a plugin
        * ``include_deleted``: Include those remote clusters that have been deleted
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get(
                "/remotecluster",
                params=query(
                    params,
                    page=page,
                    per_page=per_page,
                    exclude_offline=exclude_offline,
                    in_channel=in_channel,
                    not_in_channel=not_in_channel,
                    only_confirmed=only_confirmed,
                    only_plugins=only_plugins,
                    exclude_plugins=exclude_plugins,
                    include_deleted=include_deleted,
                ),
            ),
        )

    def patch_remote_cluster(
        self, remote_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """PATCH /api/v4/remotecluster/{remote_id}

        Patch a remote cluster.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.patch(self.path("/remotecluster/{}", remote_id), options=options, params=params),
        )

    def remote_cluster_accept_message(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/remotecluster/msg

        Receive a remote cluster message.

        Minimum server version: not stated by the description, which has the route since v11.8.

        An 11.4 server already serves it.

        Server to server: the caller authenticates with a remote cluster token, not a user session (a user
        token gets 401).
        """
        return cast("Dict[str, Any]", self.client.post("/remotecluster/msg", options=options, params=params))

    def remote_cluster_confirm_invite(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/remotecluster/confirm_invite

        Confirm an invite with a remote cluster.

        Minimum server version: not stated by the description, which has the route since v11.8.

        An 11.4 server already serves it.

        Server to server: the caller authenticates with a remote cluster token, not a user session (a user
        token gets 401).
        """
        return cast(
            "StatusOK", self.client.post("/remotecluster/confirm_invite", options=options, params=params)
        )

    def remote_cluster_ping(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/remotecluster/ping

        Receive a ping from a remote cluster.

        Minimum server version: not stated by the description, which has the route since v11.8.

        An 11.4 server already serves it.

        Server to server: the caller authenticates with a remote cluster token, not a user session (a user
        token gets 401).
        """
        return cast("Dict[str, Any]", self.client.post("/remotecluster/ping", options=options, params=params))

    def remote_set_profile_image(
        self, user_id: str, files: Any, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/remotecluster/{user_id}/image

        Set profile image for a remote user.

        Minimum server version: not stated by the description, which has the route since v11.8.

        An 11.4 server already serves it.

        Server to server: the caller authenticates with a remote cluster token, not a user session (a user
        token gets 401).

        ``files`` is the multipart dict (the field is ``image``).
        """
        return cast(
            "StatusOK",
            self.client.post(self.path("/remotecluster/{}/image", user_id), files=files, params=params),
        )

    def upload_remote_cluster_data(
        self, upload_id: str, data: Any = None, files: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> None:
        """POST /api/v4/remotecluster/upload/{upload_id}

        Upload file data for a remote upload session.

        Minimum server version: not stated by the description, which has the route since v11.8.

        An 11.4 server already serves it.

        Server to server: the caller authenticates with a remote cluster token, not a user session (a user
        token gets 401).

        ``data`` is the bytes: bytes or a binary file object (streamed from its position), sent as
        the raw body (``application/octet-stream``); or give ``files``, a multipart dict of one
        file, to send a multipart form instead (``files`` wins when both are given). The server
        reads either, as for :meth:`~mattermostdriver.endpoints.uploads.Uploads.upload_data`
        (``doUploadData`` in ``server/channels/api4/upload.go``).
        """
        path = self.path("/remotecluster/upload/{}", upload_id)
        if files is not None:
            return cast("None", self.client.post(path, params=params, files=files))
        body = raw_body(b"" if data is None else data)
        # never resent whole: the server may have kept part of it
        return cast(
            "None",
            self.client.post(
                path, params=params, data=body, headers={"Content-Type": body.content_type or ""}, retry=False
            ),
        )
