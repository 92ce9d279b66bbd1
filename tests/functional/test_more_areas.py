"""Threads, custom status, jobs, roles, schemes, system, licensed areas and iterators on the real server."""

from __future__ import annotations

from typing import Any, Callable, Dict

import pytest

from mattermostdriver import Driver, FeatureDisabled, InvalidOrMissingParameters, ResourceNotFound

from .conftest import Cleanup, keep_preferences, keep_props, unique


def test_threads(admin: Driver, user_driver: Driver, channel: Dict[str, Any]) -> None:
    team_id, me = channel["team_id"], admin.client.userid
    admin.channels.add_user(channel["id"], {"user_id": user_driver.client.userid})
    root = admin.posts.create_post({"channel_id": channel["id"], "message": "a thread"})
    user_driver.posts.create_post({"channel_id": channel["id"], "message": "a reply", "root_id": root["id"]})
    threads = admin.threads.get_user_threads(me, team_id)
    assert root["id"] in {t["id"] for t in threads["threads"]}
    thread = admin.threads.get_user_thread(me, team_id, root["id"])
    assert thread["reply_count"] == 1 and thread["post"]["id"] == root["id"]
    admin.threads.stop_following_thread(me, team_id, root["id"])
    assert root["id"] not in {t["id"] for t in admin.threads.get_user_threads(me, team_id)["threads"]}
    admin.threads.start_following_thread(me, team_id, root["id"])
    assert root["id"] in {t["id"] for t in admin.threads.get_user_threads(me, team_id)["threads"]}


def test_custom_status(admin: Driver, cleanup: Cleanup) -> None:
    me = admin.client.userid
    # unsetting leaves "customStatus": "" in the props; setting adds to the recent custom statuses
    keep_props(admin, cleanup, me, "customStatus")
    keep_preferences(admin, cleanup, me, ("custom_status", "recent_custom_statuses"))
    status = {"emoji": "calendar", "text": "in a meeting"}
    assert admin.status.update_user_custom_status(me, status) == {"status": "OK"}
    props = admin.users.get_user(me)["props"]
    assert '"text":"in a meeting"' in props["customStatus"]
    admin.status.unset_user_custom_status(me)
    assert not admin.users.get_user(me)["props"].get("customStatus")


def test_jobs(admin: Driver) -> None:
    # the API cannot delete a job: this one stays in the server's job history
    job = admin.jobs.create_job({"type": "export_delete"})
    assert admin.jobs.get_job(job["id"])["type"] == "export_delete"
    assert job["id"] in {j["id"] for j in admin.jobs.get_jobs_by_type("export_delete")}
    assert any(j["type"] == "migrations" for j in admin.jobs.get_jobs({"per_page": 200}))


def test_roles_and_schemes(admin: Driver, cleanup: Cleanup) -> None:
    role = admin.roles.get_role_by_name("team_user")
    cleanup.add(
        "restore the team_user role's permissions",
        lambda: admin.roles.patch_role(role["id"], {"permissions": role["permissions"]}),
    )
    assert admin.roles.get_role_by_id(role["id"])["name"] == "team_user"
    permissions = sorted(set(role["permissions"]) | {"create_post"})
    assert "create_post" in admin.roles.patch_role(role["id"], {"permissions": permissions})["permissions"]
    assert admin.schemes.get_schemes() == []
    with pytest.raises(FeatureDisabled) as info:  # team schemes need a licence
        scheme = admin.schemes.create_scheme({"name": unique("s"), "display_name": "S", "scope": "team"})
        cleanup.add(
            "delete the scheme made without a licence", lambda: admin.schemes.delete_scheme(scheme["id"])
        )
    assert info.value.status_code == 501 and "license" in info.value.error_id


def test_system_config_patch_and_restore(admin: Driver) -> None:
    assert admin.system.check_system_health({"get_server_status": "true"})["database_status"] == "OK"
    before = admin.system.get_configuration()["TeamSettings"]["SiteName"]
    try:
        patched = admin.system.patch_config({"TeamSettings": {"SiteName": "Driver tests"}})
        assert patched["TeamSettings"]["SiteName"] == "Driver tests"
        assert admin.system.get_client_configuration({"format": "old"})["SiteName"] == "Driver tests"
    finally:
        admin.system.patch_config({"TeamSettings": {"SiteName": before}})
    assert isinstance(admin.system.get_logs({"logs_per_page": 5}), list)
    assert admin.system.get_client_license({"format": "old"})["IsLicensed"] == "false"


def test_routes_that_need_a_licence(admin: Driver, channel: Dict[str, Any], cleanup: Cleanup) -> None:
    with pytest.raises(FeatureDisabled) as groups:
        admin.groups.get_groups()
    assert groups.value.error_id == "api.license_error"
    with pytest.raises(FeatureDisabled) as bookmarks:
        admin.bookmarks.list_channel_bookmarks_for_channel(channel["id"])
    assert "license" in bookmarks.value.error_id
    with pytest.raises(InvalidOrMissingParameters) as scheduled:  # the server answers 400 here
        post = admin.scheduled_posts.create_scheduled_post(
            {"channel_id": channel["id"], "message": "later", "scheduled_at": 4102444800000}
        )
        cleanup.add(
            "delete the post scheduled without a licence",
            lambda: admin.scheduled_posts.delete_scheduled_post(post["id"]),
        )
    assert scheduled.value.error_id == "api.scheduled_posts.license_error"


def test_removed_classic_routes_raise_not_found(admin: Driver) -> None:
    for call in (admin.system.get_webrtc_token, lambda: admin.opengraph.get_opengraph_metadata_for_url({})):
        with pytest.raises(ResourceNotFound):
            call()


def test_iterators_walk_more_than_one_page(
    admin: Driver, channel: Dict[str, Any], make_user: Callable[..., Dict[str, Any]]
) -> None:
    made = {make_user()["id"] for _ in range(7)}
    members = {u["id"] for u in admin.users.iter_users({"in_team": channel["team_id"]}, per_page=3)}
    assert made <= members
    posts = [
        admin.posts.create_post({"channel_id": channel["id"], "message": f"n{i}"})["id"] for i in range(7)
    ]
    walked = [p["id"] for p in admin.posts.iter_posts_for_channel(channel["id"], per_page=3)]
    assert walked[:7] == list(reversed(posts))
    forwards = [
        p["id"] for p in admin.posts.iter_posts_for_channel(channel["id"], after=posts[1], per_page=2)
    ]
    assert forwards == posts[2:]
    team_members = {m["user_id"] for m in admin.teams.iter_team_members(channel["team_id"], per_page=2)}
    assert made <= team_members
