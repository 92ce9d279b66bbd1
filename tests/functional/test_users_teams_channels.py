"""Users, teams and channels against the real server."""

from __future__ import annotations

from functools import partial
from typing import Any, Callable, Dict

import pytest

from mattermostdriver import Driver, ResourceNotFound

from .conftest import Cleanup, Ledger, unique


def user_team(admin: Driver, user: Dict[str, Any]) -> str:
    return str(admin.teams.get_user_teams(user["id"])[0]["id"])


def test_users(admin: Driver, make_user: Callable[..., Dict[str, Any]]) -> None:
    user = make_user(first_name="Ada", last_name="Lovelace")
    assert admin.users.get_user(user["id"])["username"] == user["username"]
    assert admin.users.get_user_by_username(user["username"])["id"] == user["id"]
    assert admin.users.get_user_by_email(user["email"])["id"] == user["id"]
    found = admin.users.search_users({"term": user["username"]})
    assert [u["id"] for u in found] == [user["id"]]
    patched = admin.users.patch_user(user["id"], {"nickname": "countess"})
    assert patched["nickname"] == "countess"
    by_ids = admin.users.get_users_by_ids([user["id"]])
    assert by_ids[0]["first_name"] == "Ada"
    by_names = admin.users.get_users_by_usernames([user["username"]])
    assert by_names[0]["id"] == user["id"]
    assert user["id"] in {u["id"] for u in admin.users.iter_users({"active": "true"})}
    in_team = admin.users.get_users(in_team=user_team(admin, user), active=True, per_page=200)
    assert user["id"] in {u["id"] for u in in_team}
    assert user["id"] not in {u["id"] for u in admin.users.get_users(inactive=True, per_page=200)}
    assert admin.users.get_stats()["total_users_count"] >= 2
    admin.users.deactivate_user(user["id"])
    assert admin.users.get_user(user["id"])["delete_at"] > 0
    admin.users.update_user_active_status(user["id"], {"active": True})
    assert admin.users.get_user(user["id"])["delete_at"] == 0


def test_profile_image_download(admin: Driver, make_user: Callable[..., Dict[str, Any]]) -> None:
    user = make_user()
    image = admin.users.get_user_profile_image(user["id"])
    assert image.status_code == 200 and image.content[:8] == b"\x89PNG\r\n\x1a\n"


def test_teams(admin: Driver, make_user: Callable[..., Dict[str, Any]], ledger: Ledger) -> None:
    name = unique("team")
    team = admin.teams.create_team({"name": name, "display_name": "Functional", "type": "I"})
    ledger.team(team)
    try:
        assert admin.teams.get_team(team["id"])["name"] == name
        assert admin.teams.get_team_by_name(name)["id"] == team["id"]
        assert admin.teams.check_team_exists(name) == {"exists": True}
        user = make_user()
        admin.teams.add_user_to_team(team["id"], {"team_id": team["id"], "user_id": user["id"]})
        members = admin.teams.get_team_members(team["id"])
        assert user["id"] in {m["user_id"] for m in members}
        assert admin.teams.get_team_member(team["id"], user["id"])["team_id"] == team["id"]
        stats = admin.teams.get_team_stats(team["id"])
        assert stats["team_id"] == team["id"] and stats["total_member_count"] >= 2
        assert admin.teams.patch_team(team["id"], {"display_name": "Renamed"})["display_name"] == "Renamed"
        assert team["id"] in {t["id"] for t in admin.teams.get_user_teams(user["id"])}
        admin.teams.remove_user_from_team(team["id"], user["id"])
        assert admin.teams.get_team_member(team["id"], user["id"])["delete_at"] > 0
    finally:
        admin.teams.delete_team(team["id"], params={"permanent": "true"})
    with pytest.raises(ResourceNotFound):
        admin.teams.get_team(team["id"])


def test_channels(
    admin: Driver,
    team: Dict[str, Any],
    make_user: Callable[..., Dict[str, Any]],
    user_driver: Driver,
    cleanup: Cleanup,
    ledger: Ledger,
) -> None:
    open_name, private_name = unique("open"), unique("priv")
    opened = admin.channels.create_channel(
        {"team_id": team["id"], "name": open_name, "display_name": "Open", "type": "O"}
    )
    private = admin.channels.create_channel(
        {"team_id": team["id"], "name": private_name, "display_name": "Private", "type": "P"}
    )
    for made in (opened, private):  # the test archives them; they are then deleted for good
        ledger.channel(made)
        cleanup.add(f"delete channel {made['name']}", partial(ledger.delete_channel, made["id"]))
    alice, bob = make_user(), make_user()
    assert admin.channels.get_channel(opened["id"])["type"] == "O"
    assert admin.channels.get_channel_by_name(team["id"], open_name)["id"] == opened["id"]
    assert admin.channels.get_channel_by_name_and_team_name(team["name"], open_name)["id"] == opened["id"]
    admin.channels.add_user(private["id"], {"user_id": alice["id"]})
    members = admin.channels.get_channel_members(private["id"])
    assert alice["id"] in {m["user_id"] for m in members}
    assert admin.channels.get_channel_member(private["id"], alice["id"])["channel_id"] == private["id"]
    assert admin.channels.get_channel_statistics(private["id"])["member_count"] >= 2
    mine = admin.channels.get_channels_for_user(alice["id"], team["id"])
    assert private["id"] in {c["id"] for c in mine}
    everywhere = admin.channels.get_channels_for_user(alice["id"])
    assert private["id"] in {c["id"] for c in everywhere}
    updated = admin.channels.patch_channel(opened["id"], {"purpose": "testing"})
    assert updated["purpose"] == "testing"
    full = admin.channels.get_channel(opened["id"])
    full["header"] = "a header"
    assert admin.channels.update_channel(opened["id"], full)["header"] == "a header"
    assert admin.channels.convert_channel(opened["id"])["type"] == "P"
    assert admin.channels.convert_channel(opened["id"], {"privacy": "O"})["type"] == "O"
    admin.channels.remove_channel_member(private["id"], alice["id"])
    assert alice["id"] not in {m["user_id"] for m in admin.channels.get_channel_members(private["id"])}

    # direct and group channels cannot be deleted: they are made between throwaway users only,
    # never with the admin, whose channel list would keep them
    direct = admin.channels.create_direct_message_channel([alice["id"], bob["id"]])
    assert direct["type"] == "D"
    group = user_driver.channels.create_group_message_channel(
        [user_driver.client.userid, alice["id"], bob["id"]]
    )
    assert group["type"] == "G"

    admin.channels.delete_channel(opened["id"])
    assert admin.channels.get_channel(opened["id"])["delete_at"] > 0
    assert admin.channels.restore_channel(opened["id"])["delete_at"] == 0
    for c in (opened, private):
        admin.channels.delete_channel(c["id"])
    public = admin.channels.get_public_channels(team["id"])
    assert opened["id"] not in {c["id"] for c in public}
