"""Endpoints of ``driver.saml``."""

from __future__ import annotations

from typing import Any, Dict, Optional, cast

import requests

from ..types import StatusOK
from .base import Base


class SAML(Base):
    """The ``saml`` routes.

    Needs an Enterprise licence: a server without one answers 501 or 403, raised as
    :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
    """

    endpoint = "/saml"

    def get_certificate_status(self) -> Dict[str, Any]:
        """GET /api/v4/saml/certificate/status

        Get certificate status.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("Dict[str, Any]", self.client.get("/saml/certificate/status"))

    def get_metadata(self) -> requests.Response:
        """GET /api/v4/saml/metadata

        Get metadata.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("requests.Response", self.client.get("/saml/metadata"))

    def get_saml_metadata_from_idp(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/saml/metadatafromidp

        Get metadata from Identity Provider.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]", self.client.post("/saml/metadatafromidp", options=options, params=params)
        )

    def remove_idp_certificate(self) -> StatusOK:
        """DELETE /api/v4/saml/certificate/idp

        Remove IDP certificate.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("StatusOK", self.client.delete("/saml/certificate/idp"))

    def remove_private_key(self) -> StatusOK:
        """DELETE /api/v4/saml/certificate/private

        Remove private key.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("StatusOK", self.client.delete("/saml/certificate/private"))

    def remove_public_certificate(self) -> StatusOK:
        """DELETE /api/v4/saml/certificate/public

        Remove public certificate.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("StatusOK", self.client.delete("/saml/certificate/public"))

    def reset_saml_auth_data_to_email(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/saml/reset_auth_data

        Reset AuthData to Email.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast(
            "Dict[str, Any]", self.client.post("/saml/reset_auth_data", options=options, params=params)
        )

    def upload_idp_certificate(self, files: Any) -> StatusOK:
        """POST /api/v4/saml/certificate/idp

        Upload IDP certificate.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("StatusOK", self.client.post("/saml/certificate/idp", files=files))

    def upload_private_key(self, files: Any) -> StatusOK:
        """POST /api/v4/saml/certificate/private

        Upload private key.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("StatusOK", self.client.post("/saml/certificate/private", files=files))

    def upload_public_certificate(self, files: Any) -> StatusOK:
        """POST /api/v4/saml/certificate/public

        Upload public certificate.

        Needs an Enterprise licence: a server without one answers 501 or 403, raised as
        :class:`~mattermostdriver.FeatureDisabled` or :class:`~mattermostdriver.NotEnoughPermissions`.
        """
        return cast("StatusOK", self.client.post("/saml/certificate/public", files=files))
