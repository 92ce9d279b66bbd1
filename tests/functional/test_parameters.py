"""Query parameters and bodies the server reads, sent as the driver now sends them."""

from __future__ import annotations

import io
import os
from typing import Any, Dict

from mattermostdriver import Driver

from .conftest import wait_for


def test_create_post_with_set_online_false_leaves_the_status_alone(
    admin: Driver, channel: Dict[str, Any], user_driver: Driver
) -> None:
    user_id = user_driver.client.userid
    admin.channels.add_user(channel["id"], {"user_id": user_id})
    assert admin.status.get_user_status(user_id)["status"] == "offline"
    quiet = user_driver.posts.create_post({"channel_id": channel["id"], "message": "quiet"}, set_online=False)
    assert quiet["message"] == "quiet"
    assert admin.status.get_user_status(user_id)["status"] == "offline"
    user_driver.posts.create_post({"channel_id": channel["id"], "message": "loud"})
    wait_for(lambda: admin.status.get_user_status(user_id)["status"] == "online")


def test_upload_file_with_filename_sends_the_raw_body(admin: Driver, channel: Dict[str, Any]) -> None:
    content = os.urandom(150_000)
    result = admin.files.upload_file(channel["id"], io.BytesIO(content), filename="raw name.bin")
    (info,) = result["file_infos"]
    assert info["name"] == "raw name.bin" and info["size"] == len(content)
    assert info["channel_id"] == channel["id"]
    assert admin.files.get_file(info["id"]).content == content


def test_upload_data_sends_the_bytes_of_the_session(admin: Driver, channel: Dict[str, Any]) -> None:
    first = 5 * 1024 * 1024  # the server's smallest first part of a file sent in several
    content = os.urandom(first) + b"the rest " * 1000
    session = admin.uploads.create_upload(
        {"channel_id": channel["id"], "filename": "session.bin", "file_size": len(content)}
    )
    assert admin.uploads.upload_data(session["id"], content[:first]) is None  # 204: more to come
    assert admin.uploads.get_upload(session["id"])["file_offset"] == first
    info = admin.uploads.upload_data(session["id"], io.BytesIO(content[first:]))
    assert info is not None and info["name"] == "session.bin" and info["size"] == len(content)
    assert admin.files.get_file(info["id"]).content == content


def test_get_user_profile_image_with_a_cache_buster(admin: Driver) -> None:
    user = admin.users.get_user(admin.client.userid)
    image = admin.users.get_user_profile_image(user["id"], params={"_": user.get("last_picture_update") or 1})
    assert image.status_code == 200 and image.headers["Content-Type"].startswith("image/")
    assert image.request.url is not None and "_=" in image.request.url


def test_get_channels_for_user_with_include_deleted(
    admin: Driver, channel: Dict[str, Any], team: Dict[str, Any]
) -> None:
    me = admin.client.userid
    admin.channels.delete_channel(channel["id"])
    kept = {c["id"] for c in admin.channels.get_channels_for_user(me, team["id"])}
    assert channel["id"] not in kept
    with_deleted = admin.channels.get_channels_for_user(me, team["id"], include_deleted=True)
    assert channel["id"] in {c["id"] for c in with_deleted}
    everywhere = admin.channels.get_channels_for_user(me, include_deleted=True)
    assert channel["id"] in {c["id"] for c in everywhere}


def test_parameters_newer_than_the_server_are_ignored(
    admin: Driver, channel: Dict[str, Any], team: Dict[str, Any]
) -> None:
    """``silent`` (v11.11), ``abac_match_only`` and ``team_id`` of the jobs (v11.8) reach a server
    older than them, which reads past them as their docstrings say."""
    post = admin.posts.create_post({"channel_id": channel["id"], "message": "silent"}, silent=True)
    assert post["message"] == "silent" and post["channel_id"] == channel["id"]
    users = admin.users.get_users(in_team=team["id"], abac_match_only=True, per_page=200)
    assert admin.client.userid in {u["id"] for u in users}
    jobs = admin.jobs.get_jobs_by_type("data_retention", team_id=team["id"])
    assert isinstance(jobs, list)
