"""No secret in any log line, exception or debug output, against a real local HTTP server."""

from __future__ import annotations

import json
import logging
from typing import Iterator

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from mattermostdriver import NoAccessTokenProvided
from mattermostdriver.client import redact, redact_url

from .conftest import make_driver

PASSWORD = "Pa55word-SECRET-1"
MFA = "918273"
SESSION = "sessiontokenSECRET2"
PAT = "pattokenSECRET3"
COOKIE = "cookieSECRET4"
HOOK = "hookidSECRET5"
SECRETS = (PASSWORD, MFA, SESSION, PAT, COOKIE, HOOK)


def _login(request: Request) -> Response:
    body = json.loads(request.data)
    if body.get("password") != PASSWORD:
        return Response(
            json.dumps(
                {
                    "id": "api.user.login.invalid_credentials_email_username",
                    "message": "Enter a valid email",
                    "detailed_error": "",
                    "request_id": "rq1",
                    "status_code": 401,
                }
            ),
            status=401,
            content_type="application/json",
        )
    response = Response(json.dumps({"id": "u1", "username": "bob"}), content_type="application/json")
    response.headers["Token"] = SESSION
    response.set_cookie("MMAUTHTOKEN", COOKIE, httponly=True)
    return response


@pytest.fixture
def server(httpserver: HTTPServer) -> Iterator[HTTPServer]:
    httpserver.expect_request("/api/v4/users/login", method="POST").respond_with_handler(_login)
    httpserver.expect_request("/api/v4/users/me").respond_with_json({"id": "u1", "username": "bob"})
    httpserver.expect_request("/api/v4/users/u1/tokens", method="POST").respond_with_json(
        {"id": "tk", "token": PAT, "user_id": "u1"}
    )
    httpserver.expect_request(f"/hooks/{HOOK}", method="POST").respond_with_data("bad", status=400)
    httpserver.expect_request("/api/v4/users/search", method="POST").respond_with_json([], status=500)
    yield httpserver


def test_debug_output_has_no_secret(
    server: HTTPServer, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    """Through the Driver and the AsyncDriver (on their real transports: urllib3, aiohttp)."""
    caplog.set_level(logging.DEBUG)  # every logger, urllib3's and aiohttp's included
    d = make_driver(
        kind,
        {
            "url": server.url_for("/"),
            "login_id": "bob",
            "password": PASSWORD,
            "mfa_token": MFA,
            "debug": True,
            "retries": 1,
            "backoff_factor": 0.01,
        },
    )
    user = d.login()
    assert user["id"] == "u1" and d.client.token == SESSION
    d.users.get_user("me")
    token = d.users.create_user_access_token("u1", {"description": "ci", "password": PASSWORD})
    assert token["token"] == PAT
    d.client.get("/users/me", params={"access_token": PAT, "term": "x"})
    errors = []
    for call in (
        lambda: d.webhooks.call_webhook(HOOK, {"text": "x"}),
        lambda: d.users.search_users({"term": "x", "password": PASSWORD}),
    ):
        try:
            call()
        except Exception as exc:
            errors.append(f"{exc!s} {exc!r} {exc.args!r}")
    bad = make_driver(
        kind, {"url": server.url_for("/"), "login_id": "bob", "password": "wrong" + PASSWORD, "debug": True}
    )
    with pytest.raises(NoAccessTokenProvided) as info:
        bad.login()
    errors.append(f"{info.value!s} {info.value!r}")
    assert info.value.error_id == "api.user.login.invalid_credentials_email_username"
    assert len(errors) == 3

    out = capsys.readouterr()
    # werkzeug's lines are the test server's own, not the driver's
    logged = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith("werkzeug"))
    everything = "\n".join([logged, out.out, out.err, *errors])
    assert "/api/v4/users/login -> 200" in logged  # the debug lines are there...
    assert "/hooks/*** -> 400" in logged
    for secret in SECRETS:
        assert secret not in everything  # ...and nothing secret is in them
    assert "Authorization" not in everything


def test_redact_helpers() -> None:
    assert redact({"password": "p", "nested": [{"token": "t", "name": "n"}], "mfa_code": 1}) == {
        "password": "***",
        "nested": [{"token": "***", "name": "n"}],
        "mfa_code": "***",
    }
    assert redact_url("https://u:p@h.example/hooks/abc?access_token=x") == "https://h.example/hooks/***"
    assert redact_url("http://h/hooks/commands/abc") == "http://h/hooks/commands/***"
