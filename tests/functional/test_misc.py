"""Reactions, preferences, status, commands, emoji and system routes against the real server."""

from __future__ import annotations

import struct
import zlib
from functools import partial
from typing import Any, Dict

import pytest

from mattermostdriver import Driver, InvalidOrMissingParameters, ResourceNotFound

from .conftest import Cleanup, Ledger, keep_preferences, unique


def tiny_png(rgb: bytes = b"\xff\x00\x00") -> bytes:
    """A valid 2x2 PNG image, made here."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    rows = b"".join(b"\x00" + rgb * 2 for _ in range(2))
    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def test_reactions(admin: Driver, channel: Dict[str, Any]) -> None:
    post = admin.posts.create_post({"channel_id": channel["id"], "message": "react to me"})
    reaction = admin.reactions.create_reaction(
        {"user_id": admin.client.userid, "post_id": post["id"], "emoji_name": "thumbsup"}
    )
    assert reaction["emoji_name"] == "thumbsup"
    listed = admin.reactions.get_reactions_of_post(post["id"])
    assert [(r["user_id"], r["emoji_name"]) for r in listed] == [(admin.client.userid, "thumbsup")]
    admin.reactions.delete_reaction(admin.client.userid, post["id"], "thumbsup")
    assert not admin.reactions.get_reactions_of_post(post["id"])


def test_preferences(admin: Driver, cleanup: Cleanup) -> None:
    me = admin.client.userid
    keep_preferences(admin, cleanup, me, ("display_settings", "use_military_time"))
    pref = {"user_id": me, "category": "display_settings", "name": "use_military_time", "value": "true"}
    assert admin.preferences.save_user_preferences(me, [pref]) == {"status": "OK"}
    got = admin.preferences.get_specific_user_preference(me, "display_settings", "use_military_time")
    assert got["value"] == "true"
    listed = admin.preferences.list_user_preferences_by_category(me, "display_settings")
    assert any(p["name"] == "use_military_time" for p in listed)
    admin.preferences.delete_user_preferences(me, [pref])
    # the server answers 400 (not 404) for a preference that is not there
    with pytest.raises(InvalidOrMissingParameters) as info:
        admin.preferences.get_specific_user_preference(me, "display_settings", "use_military_time")
    assert info.value.error_id == "app.preference.get.app_error"


def test_status(admin: Driver, user_driver: Driver) -> None:
    # the user is deactivated at the end, which sets its status back to offline (not manual)
    uid = user_driver.client.userid
    updated = user_driver.status.update_user_status(uid, {"user_id": uid, "status": "dnd"})
    assert updated["status"] == "dnd"
    assert admin.status.get_user_status(uid)["status"] == "dnd"
    many = admin.status.get_user_statuses_by_id([uid])
    assert many[0]["user_id"] == uid and many[0]["status"] == "dnd"


def test_slash_command(admin: Driver, channel: Dict[str, Any], ledger: Ledger) -> None:
    trigger = unique("cmd")
    command = admin.commands.create_command(
        {
            "team_id": channel["team_id"],
            "trigger": trigger,
            "method": "P",
            "url": "http://127.0.0.1:9/command",
            "display_name": "functional",
        }
    )
    ledger.gone(f"slash command /{trigger}", partial(admin.commands.get_command_by_id, command["id"]))
    try:
        listed = admin.commands.list_commands_for_team({"team_id": channel["team_id"], "custom_only": "true"})
        assert command["id"] in {c["id"] for c in listed}
        command["description"] = "described"
        assert admin.commands.update_command(command["id"], command)["description"] == "described"
        new_token = admin.commands.generate_new_token(command["id"])["token"]
        assert new_token and new_token != command["token"]
        # a built-in command runs for real
        result = admin.commands.execute_command({"channel_id": channel["id"], "command": "/echo hello"})
        assert isinstance(result, dict)
    finally:
        admin.commands.delete_command(command["id"])


def test_custom_emoji(admin: Driver, ledger: Ledger) -> None:
    name = unique("emo")
    emoji = admin.emoji.create_custom_emoji(name, {"image": ("emoji.png", tiny_png())})
    ledger.gone(f"custom emoji {name}", partial(admin.emoji.get_custom_emoji, emoji["id"]))
    try:
        assert emoji["name"] == name and emoji["creator_id"] == admin.client.userid
        assert admin.emoji.get_custom_emoji(emoji["id"])["name"] == name
        assert admin.emoji.get_custom_emoji_by_name(name)["id"] == emoji["id"]
        assert admin.emoji.get_custom_emoji_image(emoji["id"]).content[:4] == b"\x89PNG"
        assert emoji["id"] in {e["id"] for e in admin.emoji.search_custom_emoji({"term": name})}
        assert emoji["id"] in {e["id"] for e in admin.emoji.autocomplete_custom_emoji({"name": name})}
    finally:
        admin.emoji.delete_custom_emoji(emoji["id"])
    with pytest.raises(ResourceNotFound):
        admin.emoji.get_custom_emoji(emoji["id"])


def test_system_routes(admin: Driver) -> None:
    assert admin.system.check_system_health()["status"] == "OK"
    config = admin.system.get_configuration()
    assert config["ServiceSettings"]["EnableUserAccessTokens"] is True
    assert admin.system.get_client_configuration({"format": "old"})["Version"]
    assert isinstance(admin.system.get_logs({"logs_per_page": 5}), list)
    assert admin.roles.get_role_by_name("system_user")["name"] == "system_user"
    roles = admin.roles.get_list_of_roles_by_name(["system_user", "team_user"])
    assert {r["name"] for r in roles} == {"system_user", "team_user"}
