"""Login, tokens, bots, logout and error mapping against the real server."""

from __future__ import annotations

from functools import partial
from typing import Any, Callable, Dict

import pytest

from mattermostdriver import (
    Driver,
    InvalidOrMissingParameters,
    NoAccessTokenProvided,
    NotEnoughPermissions,
    ResourceNotFound,
    TransportError,
    UnexpectedResponse,
)

from .conftest import PASSWORD, Cleanup, Ledger, unique


def revoke_at_the_end(admin: Driver, token: Dict[str, Any], cleanup: Cleanup, ledger: Ledger) -> None:
    """Revoke a personal access token when the test ends (disabling it leaves it on the server)."""
    cleanup.add(
        f"revoke the token {token['description']!r}",
        partial(admin.users.revoke_user_access_token, {"token_id": token["id"]}),
    )
    ledger.gone(
        f"personal access token {token['description']!r} of user {token['user_id']}",
        partial(admin.users.get_user_access_token, token["id"]),
    )


def test_login_with_password_and_logout(
    server: Dict[str, str], make_user: Callable[..., Dict[str, Any]], password_driver: Callable[..., Driver]
) -> None:
    user = make_user()
    d = password_driver(user)  # logged out at the end should the test stop before its own logout
    me = d.login()
    assert me["id"] == user["id"] and d.client.userid == user["id"] and d.client.username == user["username"]
    session_token = d.client.token
    assert session_token and d.users.get_user("me")["id"] == user["id"]
    assert d.logout() == {"status": "OK"}
    assert d.client.token is None
    # the session is revoked on the server: the old token no longer works
    stale = Driver({"url": server["MM_URL"], "token": session_token})
    with pytest.raises(NoAccessTokenProvided):
        stale.users.get_user("me")


def test_login_with_personal_access_token(
    admin: Driver,
    server: Dict[str, str],
    make_user: Callable[..., Dict[str, Any]],
    cleanup: Cleanup,
    ledger: Ledger,
) -> None:
    user = make_user()
    admin.users.update_user_role(user["id"], {"roles": "system_user system_user_access_token"})
    token = admin.users.create_user_access_token(user["id"], {"description": "functional test"})
    revoke_at_the_end(admin, token, cleanup, ledger)
    d = Driver({"url": server["MM_URL"], "token": token["token"]})
    assert d.login()["id"] == user["id"]
    assert admin.users.get_user_access_token(token["id"])["description"] == "functional test"
    admin.users.disable_personal_access_token({"token_id": token["id"]})
    with pytest.raises(NoAccessTokenProvided):
        Driver({"url": server["MM_URL"], "token": token["token"]}).users.get_user("me")


def test_wrong_password_maps_to_401_with_error_id(
    make_user: Callable[..., Dict[str, Any]], password_driver: Callable[..., Driver]
) -> None:
    user = make_user()
    d = password_driver(user, "not-" + PASSWORD)
    with pytest.raises(NoAccessTokenProvided) as info:
        d.login()
    e = info.value
    assert e.status_code == 401
    assert e.error_id.startswith("api.user.login.invalid_credentials")
    assert len(e.request_id) == 26
    assert PASSWORD not in str(e)


def test_bot_account_and_its_token(
    admin: Driver, server: Dict[str, str], cleanup: Cleanup, ledger: Ledger
) -> None:
    name = unique("bot")
    bot = admin.bots.create_bot({"username": name, "display_name": "Functional bot", "description": "test"})
    ledger.deactivated(f"bot {name}", partial(admin.bots.get_bot, bot["user_id"], {"include_deleted": True}))
    try:
        assert admin.bots.get_bot(bot["user_id"])["username"] == name
        patched = admin.bots.patch_bot(bot["user_id"], {"display_name": "Patched"})
        assert patched["display_name"] == "Patched"
        assert any(b["user_id"] == bot["user_id"] for b in admin.bots.get_bots())
        token = admin.users.create_user_access_token(bot["user_id"], {"description": "bot token"})
        revoke_at_the_end(admin, token, cleanup, ledger)  # disabling the bot leaves its token active
        as_bot = Driver({"url": server["MM_URL"], "token": token["token"]})
        assert as_bot.login()["username"] == name
        admin.bots.disable_bot(bot["user_id"])
        assert admin.bots.get_bot(bot["user_id"], {"include_deleted": True})["delete_at"] > 0
        admin.bots.enable_bot(bot["user_id"])
    finally:
        admin.bots.disable_bot(bot["user_id"])


def test_403_and_404_from_the_real_server(user_driver: Driver, admin: Driver) -> None:
    with pytest.raises(NotEnoughPermissions) as denied:
        user_driver.system.get_configuration()
    assert denied.value.status_code == 403 and denied.value.error_id == "api.context.permissions.app_error"
    with pytest.raises(ResourceNotFound) as missing:
        admin.users.get_user("x" * 26)
    assert missing.value.status_code == 404 and missing.value.request_id
    with pytest.raises(ResourceNotFound) as no_route:
        admin.users.get_user("not-an-id")  # ids are 26 characters: no route matches
    assert no_route.value.error_id == "api.context.404.app_error"
    with pytest.raises(InvalidOrMissingParameters) as bad:
        admin.channels.create_channel({"name": "no-team", "display_name": "No team", "type": "O"})
    assert bad.value.status_code == 400 and bad.value.error_id


def test_escaped_id_stays_under_its_route(admin: Driver) -> None:
    # "../system/ping" stays one escaped segment under /users/; the server answers with a
    # redirect to the cleaned path, which the driver does not follow
    with pytest.raises(UnexpectedResponse, match="redirected") as info:
        admin.users.get_user("../system/ping")
    assert info.value.url.endswith("/api/v4/users/..%2Fsystem%2Fping")


def test_wrong_port_is_transport_error() -> None:
    d = Driver({"url": "http://127.0.0.1:9", "token": "x", "retries": 0})
    with pytest.raises(TransportError, match="could not connect"):
        d.users.get_user("me")


def test_check_mfa_route_is_gone(admin: Driver) -> None:
    # still in the spec, removed from the server in 6.0
    with pytest.raises(ResourceNotFound):
        admin.users.check_mfa({"login_id": "x"})
