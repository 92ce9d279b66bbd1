"""Routes added to the method table in December 2026 (issue 14) that the 11.4 test server serves.

Each is called for real and its answer checked; every test deletes what it creates. Routes the
11.4 server does not serve (views, properties, scheduled recaps, health, file HEADs...) are checked
by the unit tests only; the last tests check what the docstrings say of 11.4: which routes it no
longer (or not yet) serves, and that it still serves GetBulkReactions.
"""

from __future__ import annotations

from typing import Any, Callable, Dict

import pytest

from mattermostdriver import (
    ApiError,
    Driver,
    FeatureDisabled,
    InvalidOrMissingParameters,
    NoAccessTokenProvided,
    ResourceNotFound,
)

from .conftest import unique, wait_for


@pytest.fixture
def post(admin: Driver, channel: Dict[str, Any]) -> Dict[str, Any]:
    created: Dict[str, Any] = admin.posts.create_post({"channel_id": channel["id"], "message": "before"})
    return created


def test_edit_history_of_a_post_holds_its_earlier_message(admin: Driver, post: Dict[str, Any]) -> None:
    admin.posts.patch_post(post["id"], {"message": "after"})
    history = admin.posts.get_edit_history_for_post(post["id"])
    assert [old["message"] for old in history] == ["before"]
    assert history[0]["original_id"] == post["id"]


def test_post_info_names_the_posts_channel_and_team(
    admin: Driver, post: Dict[str, Any], channel: Dict[str, Any], team: Dict[str, Any]
) -> None:
    info = admin.posts.get_post_info(post["id"])
    assert info["channel_id"] == channel["id"] and info["team_id"] == team["id"]
    assert info["channel_type"] == "O" and info["has_joined_channel"] is True


def test_search_posts_in_all_teams_finds_a_post(admin: Driver, channel: Dict[str, Any]) -> None:
    word = unique("needle")
    created = admin.posts.create_post({"channel_id": channel["id"], "message": f"a {word} here"})
    found = wait_for(
        lambda: admin.posts.search_posts_in_all_teams({"terms": word, "is_or_search": False})["order"]
    )
    assert found == [created["id"]]


def test_member_counts_of_several_channels(
    admin: Driver, channel: Dict[str, Any], make_user: Callable[..., Dict[str, Any]]
) -> None:
    other = make_user()
    admin.channels.add_user(channel["id"], {"user_id": other["id"]})
    counts = admin.channels.get_channels_member_count([channel["id"]])
    assert counts == {channel["id"]: 2}  # the admin who made it, and the user added


def test_mark_channels_read_for_user_clears_the_unreads(
    admin: Driver, channel: Dict[str, Any], user_driver: Driver
) -> None:
    me = user_driver.users.get_user("me")
    admin.channels.add_user(channel["id"], {"user_id": me["id"]})
    admin.posts.create_post({"channel_id": channel["id"], "message": "something to read"})
    assert user_driver.channels.get_unread_messages(me["id"], channel["id"])["msg_count"] >= 1
    user_driver.channels.mark_channels_read_for_user(me["id"], [channel["id"]])
    assert user_driver.channels.get_unread_messages(me["id"], channel["id"])["msg_count"] == 0


def test_group_message_converted_to_a_private_channel(
    admin: Driver, team: Dict[str, Any], make_user: Callable[..., Dict[str, Any]]
) -> None:
    me = admin.users.get_user("me")
    others = [make_user(), make_user()]
    gm = admin.channels.create_group_message_channel([me["id"], *(u["id"] for u in others)])
    assert gm["type"] == "G"
    name = unique("fromgm")
    converted = admin.channels.convert_group_message_to_channel(
        gm["id"],
        {"channel_id": gm["id"], "team_id": team["id"], "name": name, "display_name": f"From GM {name}"},
    )
    try:
        assert converted["id"] == gm["id"] and converted["type"] == "P" and converted["name"] == name
        assert converted["team_id"] == team["id"]
    finally:
        admin.channels.delete_channel(gm["id"])


def test_synced_drafts_upserted_listed_and_deleted(
    admin: Driver, channel: Dict[str, Any], team: Dict[str, Any], post: Dict[str, Any]
) -> None:
    me = admin.users.get_user("me")["id"]
    admin.drafts.upsert_draft({"user_id": me, "channel_id": channel["id"], "message": "channel draft"})
    admin.drafts.upsert_draft(
        {"user_id": me, "channel_id": channel["id"], "root_id": post["id"], "message": "thread draft"}
    )
    try:
        drafts = admin.drafts.get_drafts(me, team["id"]) or []
        mine = {(d["root_id"], d["message"]) for d in drafts if d["channel_id"] == channel["id"]}
        assert mine == {("", "channel draft"), (post["id"], "thread draft")}
    finally:
        assert admin.drafts.delete_draft(me, channel["id"]) == {"status": "OK"}
        assert admin.drafts.delete_draft_for_thread(me, channel["id"], post["id"]) == {"status": "OK"}
    left = [d for d in admin.drafts.get_drafts(me, team["id"]) or [] if d["channel_id"] == channel["id"]]
    assert left == []


def test_usage_of_teams_counts_the_active_ones(admin: Driver, team: Dict[str, Any]) -> None:
    usage = admin.usage.get_teams_usage()
    assert usage["active"] >= 1 and usage["cloud_archived"] == 0


def test_onboarding_state_and_schema_migrations(admin: Driver) -> None:
    state = admin.system.get_onboarding_complete()
    assert state["name"] == "FirstAdminSetupComplete" and state["value"] in ("true", "false")
    migrations = admin.system.get_applied_schema_migrations()
    versions = [m["version"] for m in migrations]
    assert len(versions) > 100 and len(set(versions)) == len(versions)
    assert all(m["name"] for m in migrations)


def test_hosted_signup_is_unavailable_off_cloud(admin: Driver) -> None:
    with pytest.raises(FeatureDisabled) as caught:
        admin.cloud.hosted_customer_signup_available()
    assert caught.value.error_id == "api.server.hosted_signup_unavailable.error"


def test_business_email_validation_needs_cloud(admin: Driver) -> None:
    with pytest.raises(InvalidOrMissingParameters) as caught:
        admin.cloud.validate_business_email({"email": "someone@example.com"})
    assert caught.value.error_id == "api.server.cws.needs_enterprise_edition"


def test_desktop_token_login_refuses_a_wrong_token(server: Dict[str, str]) -> None:
    anonymous = Driver({"url": server["MM_URL"]})
    with pytest.raises(NoAccessTokenProvided) as caught:
        anonymous.users.login_with_desktop_token({"token": "not-a-desktop-token", "device_id": ""})
    assert caught.value.error_id == "app.desktop_token.validate.invalid"


def test_remote_cluster_routes_refuse_a_user_session(admin: Driver) -> None:
    with pytest.raises(NoAccessTokenProvided):
        admin.remote_clusters.remote_cluster_ping({})


def test_presigned_export_links_are_refused_off_cloud(admin: Driver) -> None:
    with pytest.raises(ApiError) as caught:
        admin.exports.presign_export("nothing.zip")
    assert caught.value.error_id == "app.eport.generate_presigned_url.featureflag.app_error"


def test_bulk_reactions_are_still_served(admin: Driver, post: Dict[str, Any]) -> None:
    """The description dropped GetBulkReactions by v11.11; the 11.4 server still answers it."""
    me = admin.users.get_user("me")["id"]
    admin.reactions.create_reaction({"user_id": me, "post_id": post["id"], "emoji_name": "thumbsup"})
    bulk = admin.reactions.get_bulk_reactions([post["id"]])
    assert [(r["user_id"], r["emoji_name"]) for r in bulk[post["id"]]] == [(me, "thumbsup")]


NOT_SERVED_BY_11_4: Dict[str, Callable[[Driver, str, str], Any]] = {
    # removed from the server (and from the description in v11.8)
    "users.check_mfa": lambda d, me, team: d.users.check_mfa({"login_id": "nobody"}),
    "bots.get_bot_lhs_icon": lambda d, me, team: d.bots.get_bot_lhs_icon(me),
    "ai.get_ai_agents": lambda d, me, team: d.ai.get_ai_agents(),
    "cloud.create_customer_payment": lambda d, me, team: d.cloud.create_customer_payment(),
    "system.request_license_renewal_link": lambda d, me, team: d.system.request_license_renewal_link(),
    "threads.get_thread_mention_counts_by_channel": (
        lambda d, me, team: d.threads.get_thread_mention_counts_by_channel(me, team)
    ),
    # described with an earlier minimum server version, yet not served by 11.4
    "channels.mark_all_direct_messages_read": (
        lambda d, me, team: d.channels.mark_all_direct_messages_read(me)
    ),
    "channels.mark_all_team_channels_read": (
        lambda d, me, team: d.channels.mark_all_team_channels_read(me, team)
    ),
    "users.get_non_compliant_user_access_token_count": (
        lambda d, me, team: d.users.get_non_compliant_user_access_token_count()
    ),
}


@pytest.mark.parametrize("name", sorted(NOT_SERVED_BY_11_4))
def test_routes_the_docstrings_say_11_4_does_not_serve(
    admin: Driver, server: Dict[str, str], team: Dict[str, Any], name: str
) -> None:
    if not server["MM_SERVER_VERSION"].startswith("11.4."):
        pytest.skip(f"the docstring's claim is about 11.4, the server is {server['MM_SERVER_VERSION']}")
    me = admin.users.get_user("me")["id"]
    with pytest.raises(ResourceNotFound) as caught:
        NOT_SERVED_BY_11_4[name](admin, me, team["id"])
    assert caught.value.error_id == "api.context.404.app_error"  # no such route, not a missing object
