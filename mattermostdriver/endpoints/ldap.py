"""Endpoints of ``driver.ldap``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

from ..types import StatusOK
from .base import Base, query


class LDAP(Base):
    """The ``ldap`` routes.

    Needs an Enterprise licence: a server without one answers 501 or 403, raised as
    :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
    """

    endpoint = "/ldap"

    def add_user_to_group_syncables(
        self, user_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/ldap/users/{user_id}/group_sync_memberships

        Create memberships for LDAP configured channels and teams for this user.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "StatusOK",
            self.client.post(
                self.path("/ldap/users/{}/group_sync_memberships", user_id), options=options, params=params
            ),
        )

    def delete_ldap_private_certificate(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/ldap/certificate/private

        Remove private key.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "StatusOK", self.client.delete("/ldap/certificate/private", options=options, params=params)
        )

    def delete_ldap_public_certificate(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """DELETE /api/v4/ldap/certificate/public

        Remove public certificate.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "StatusOK", self.client.delete("/ldap/certificate/public", options=options, params=params)
        )

    def get_ldap_groups(
        self,
        params: Optional[Dict[str, Any]] = None,
        *,
        q: Optional[str] = None,
        page: Optional[int] = None,
        per_page: Optional[int] = None,
    ) -> List[Dict[str, Any]]:
        """GET /api/v4/ldap/groups

        Returns a list of LDAP groups.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``q``: Search term
        * ``page``: The page to select.
        * ``per_page``: The number of users per page.
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.get("/ldap/groups", params=query(params, q=q, page=page, per_page=per_page)),
        )

    def link_ldap_group(
        self, remote_id: str, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/ldap/groups/{remote_id}/link

        Link a LDAP group.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post(self.path("/ldap/groups/{}/link", remote_id), options=options, params=params),
        )

    def migrate_id_ldap(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> StatusOK:
        """POST /api/v4/ldap/migrateid

        Migrate Id LDAP.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("StatusOK", self.client.post("/ldap/migrateid", options=options, params=params))

    def sync_ldap(self) -> StatusOK:
        """POST /api/v4/ldap/sync

        Sync with LDAP.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("StatusOK", self.client.post("/ldap/sync"))

    def test_ldap_config(self, options: Any = None) -> StatusOK:
        """POST /api/v4/ldap/test

        Test LDAP configuration.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("StatusOK", self.client.post("/ldap/test", options=options))

    def test_ldap_connection(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> StatusOK:
        """POST /api/v4/ldap/test_connection

        Test LDAP connection with specific settings.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("StatusOK", self.client.post("/ldap/test_connection", options=options, params=params))

    def test_ldap_diagnostics(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None, *, test: Optional[str] = None
    ) -> List[Dict[str, Any]]:
        """POST /api/v4/ldap/test_diagnostics

        Test LDAP diagnostics with specific settings.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.

        Query parameters (keyword-only arguments):

        * ``test``: (required) Type of LDAP diagnostic test to run
        """
        return cast(
            "List[Dict[str, Any]]",
            self.client.post("/ldap/test_diagnostics", options=options, params=query(params, test=test)),
        )

    def upload_ldap_private_certificate(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None, files: Any = None
    ) -> StatusOK:
        """POST /api/v4/ldap/certificate/private

        Upload private key.
        ``files`` is the multipart dict, e.g. ``{"certificate": open(path, "rb")}``.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "StatusOK",
            self.client.post("/ldap/certificate/private", options=options, params=params, files=files),
        )

    def upload_ldap_public_certificate(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None, files: Any = None
    ) -> StatusOK:
        """POST /api/v4/ldap/certificate/public

        Upload public certificate.
        ``files`` is the multipart dict, e.g. ``{"certificate": open(path, "rb")}``.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "StatusOK",
            self.client.post("/ldap/certificate/public", options=options, params=params, files=files),
        )
