"""Endpoints of ``driver.cloud``."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, cast

import requests

from ..types import StatusOK
from .base import Base


class Cloud(Base):
    """The ``cloud`` routes.

    Mattermost Cloud only (or a licence that includes it): elsewhere the server answers 400, 403 or 501,
    raised as the matching exception.
    """

    endpoint = "/cloud"

    def check_cws_connection(self, params: Optional[Dict[str, Any]] = None) -> StatusOK:
        """GET /api/v4/cloud/check-cws-connection

        Check CWS connection.

        Mattermost Cloud only (or a licence that includes it): elsewhere the server answers 400, 403 or
        501, raised as the matching exception.
        """
        return cast("StatusOK", self.client.get("/cloud/check-cws-connection", params=params))

    def confirm_customer_payment(self, options: Any = None, params: Optional[Dict[str, Any]] = None) -> None:
        """POST /api/v4/cloud/payment/confirm

        Completes the payment setup intent; ``options`` is ``{"stripe_setup_intent_id": ...}``.

        Sent as JSON: the description says a multipart form, but the server reads a JSON body
        (``confirmCustomerPayment`` in ``server/channels/api4/cloud.go`` of the servers that
        still have the route, such as 9.8).

        Mattermost Cloud only (or a licence that includes it): elsewhere the server answers 400, 403 or
        501, raised as the matching exception.

        Removed from the server by v11.4 (an 11.4 server answers 404) and from the API description in v11.8;
        kept for callers of older servers, which still serve it.
        """
        return cast("None", self.client.post("/cloud/payment/confirm", options=options, params=params))

    def create_customer_payment(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/cloud/payment

        Create a customer setup payment intent.

        Mattermost Cloud only (or a licence that includes it): elsewhere the server answers 400, 403 or
        501, raised as the matching exception.

        Removed from the server by v11.4 (an 11.4 server answers 404) and from the API description in v11.8;
        kept for callers of older servers, which still serve it.
        """
        return cast("Dict[str, Any]", self.client.post("/cloud/payment", options=options, params=params))

    def get_cloud_customer(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/cloud/customer

        Get cloud customer.

        Mattermost Cloud only (or a licence that includes it): elsewhere the server answers 400, 403 or
        501, raised as the matching exception.
        """
        return cast("Dict[str, Any]", self.client.get("/cloud/customer", params=params))

    def get_cloud_limits(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/cloud/limits

        Get cloud workspace limits.

        Mattermost Cloud only (or a licence that includes it): elsewhere the server answers 400, 403 or
        501, raised as the matching exception.
        """
        return cast("Dict[str, Any]", self.client.get("/cloud/limits", params=params))

    def get_cloud_products(self, params: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
        """GET /api/v4/cloud/products

        Get cloud products.

        Mattermost Cloud only (or a licence that includes it): elsewhere the server answers 400, 403 or
        501, raised as the matching exception.
        """
        return cast("List[Dict[str, Any]]", self.client.get("/cloud/products", params=params))

    def get_endpoint_for_installation_information(
        self, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """GET /api/v4/cloud/installation

        GET endpoint for Installation information.

        Mattermost Cloud only (or a licence that includes it): elsewhere the server answers 400, 403 or
        501, raised as the matching exception.
        """
        return cast("Dict[str, Any]", self.client.get("/cloud/installation", params=params))

    def get_invoice_for_subscription_as_pdf(
        self, invoice_id: str, params: Optional[Dict[str, Any]] = None
    ) -> requests.Response:
        """GET /api/v4/cloud/subscription/invoices/{invoice_id}/pdf

        Get cloud invoice PDF.

        Mattermost Cloud only (or a licence that includes it): elsewhere the server answers 400, 403 or
        501, raised as the matching exception.
        """
        return cast(
            "requests.Response",
            self.client.get(self.path("/cloud/subscription/invoices/{}/pdf", invoice_id), params=params),
        )

    def get_invoices_for_subscription(self, params: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
        """GET /api/v4/cloud/subscription/invoices

        Get cloud subscription invoices.

        Mattermost Cloud only (or a licence that includes it): elsewhere the server answers 400, 403 or
        501, raised as the matching exception.
        """
        return cast("List[Dict[str, Any]]", self.client.get("/cloud/subscription/invoices", params=params))

    def get_preview_modal_data(self, params: Optional[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
        """GET /api/v4/cloud/preview/modal_data

        Get cloud preview modal data.

        Mattermost Cloud only (or a licence that includes it): elsewhere the server answers 400, 403 or
        501, raised as the matching exception.
        """
        return cast("List[Dict[str, Any]]", self.client.get("/cloud/preview/modal_data", params=params))

    def get_subscription(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/cloud/subscription

        Get cloud subscription.

        Mattermost Cloud only (or a licence that includes it): elsewhere the server answers 400, 403 or
        501, raised as the matching exception.
        """
        return cast("Dict[str, Any]", self.client.get("/cloud/subscription", params=params))

    def hosted_customer_signup_available(self, params: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """GET /api/v4/hosted_customer/signup_available

        Check hosted signup availability.

        Minimum server version: not stated by the description, which has the route since v11.8.

        An 11.4 server already serves it. It answers 501 where hosted signup is not available.
        """
        return cast("Dict[str, Any]", self.client.get("/hosted_customer/signup_available", params=params))

    def post_endpoint_for_cws_webhooks(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> StatusOK:
        """POST /api/v4/cloud/webhook

        POST endpoint for CWS Webhooks.

        Mattermost Cloud only (or a licence that includes it): elsewhere the server answers 400, 403 or
        501, raised as the matching exception.
        """
        return cast("StatusOK", self.client.post("/cloud/webhook", options=options, params=params))

    def update_cloud_customer(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """PUT /api/v4/cloud/customer

        Update cloud customer.

        Mattermost Cloud only (or a licence that includes it): elsewhere the server answers 400, 403 or
        501, raised as the matching exception.
        """
        return cast("Dict[str, Any]", self.client.put("/cloud/customer", options=options, params=params))

    def update_cloud_customer_address(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """PUT /api/v4/cloud/customer/address

        Update cloud customer address.

        Mattermost Cloud only (or a licence that includes it): elsewhere the server answers 400, 403 or
        501, raised as the matching exception.
        """
        return cast(
            "Dict[str, Any]", self.client.put("/cloud/customer/address", options=options, params=params)
        )

    def validate_business_email(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/cloud/validate-business-email

        Validate business email.

        Minimum server version: not stated by the description, which has the route since v11.8.

        Mattermost Cloud only (or a licence that includes it): elsewhere the server answers 400, 403 or 501,
        raised as the matching exception.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post("/cloud/validate-business-email", options=options, params=params),
        )

    def validate_workspace_business_email(
        self, options: Any = None, params: Optional[Dict[str, Any]] = None
    ) -> Dict[str, Any]:
        """POST /api/v4/cloud/validate-workspace-business-email

        Validate workspace business email.

        Minimum server version: not stated by the description, which has the route since v11.8.

        Mattermost Cloud only (or a licence that includes it): elsewhere the server answers 400, 403 or 501,
        raised as the matching exception.
        """
        return cast(
            "Dict[str, Any]",
            self.client.post("/cloud/validate-workspace-business-email", options=options, params=params),
        )
