"""Streaming uploads, resumable uploads and downloads against the real server."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

from mattermostdriver import Driver, InvalidOrMissingParameters, ResourceNotFound

MiB = 1024 * 1024


def test_streamed_upload_then_download(admin: Driver, channel: Dict[str, Any], tmp_path: Path) -> None:
    content = os.urandom(4 * MiB + 321)
    source = tmp_path / "report.bin"
    source.write_bytes(content)
    with source.open("rb") as fp:
        result = admin.files.upload_file(
            channel["id"], [("files", fp), ("files", ("second.txt", io.BytesIO(b"second file")))]
        )
    infos = result["file_infos"]
    assert [(i["name"], i["size"]) for i in infos] == [("report.bin", len(content)), ("second.txt", 11)]
    assert all(i["channel_id"] == channel["id"] for i in infos)

    dest = tmp_path / "downloaded.bin"
    assert admin.files.download_file(infos[0]["id"], dest, chunk_size=256 * 1024) == len(content)
    assert hashlib.sha256(dest.read_bytes()).digest() == hashlib.sha256(content).digest()
    assert sorted(os.listdir(tmp_path)) == ["downloaded.bin", "report.bin"]  # no temporary file left

    out = io.BytesIO()
    assert admin.files.download_file(infos[1]["id"], out) == 11
    assert out.getvalue() == b"second file"


def test_download_of_a_missing_file_leaves_nothing(admin: Driver, tmp_path: Path) -> None:
    with pytest.raises(ResourceNotFound):
        admin.files.download_file("a" * 26, tmp_path / "nothing.bin")
    assert os.listdir(tmp_path) == []


def test_resumable_upload_in_chunks(admin: Driver, channel: Dict[str, Any], tmp_path: Path) -> None:
    content = os.urandom(7 * MiB + 12345)
    source = tmp_path / "large.bin"
    source.write_bytes(content)
    seen: List[Tuple[int, int]] = []
    info = admin.uploads.upload_file_resumable(
        channel["id"], source, chunk_size=MiB, progress=lambda done, total: seen.append((done, total))
    )
    total = len(content)
    assert info["name"] == "large.bin" and info["size"] == total and info["channel_id"] == channel["id"]
    # the server wants a first chunk of 5 MiB at least; 1 MiB chunks after that
    assert seen == [(5 * MiB, total), (6 * MiB, total), (7 * MiB, total), (total, total)]

    post = admin.posts.create_post(
        {"channel_id": channel["id"], "message": "resumable", "file_ids": [info["id"]]}
    )
    assert post["file_ids"] == [info["id"]]
    out = io.BytesIO()
    assert admin.files.download_file(info["id"], out) == total
    assert out.getvalue() == content


def test_resumable_upload_from_a_file_object(admin: Driver, channel: Dict[str, Any]) -> None:
    content = os.urandom(5 * MiB + 100)
    info = admin.uploads.upload_file_resumable(
        channel["id"], io.BytesIO(content), filename="from-memory.bin", chunk_size=2 * MiB
    )
    assert info["name"] == "from-memory.bin" and info["size"] == len(content)
    assert admin.files.get_file(info["id"]).content == content


def test_the_server_refuses_a_small_first_chunk(admin: Driver, channel: Dict[str, Any]) -> None:
    """Why the first chunk is raised to 5 MiB: the server's own rule, checked for real."""
    # the API cannot delete an upload session: this unfinished one stays on the server
    session = admin.uploads.create_upload(
        {"channel_id": channel["id"], "filename": "small-first.bin", "file_size": 6 * MiB}
    )
    with pytest.raises(InvalidOrMissingParameters) as caught:
        admin.client.make_request("post", f"/uploads/{session['id']}", data=b"x" * MiB)
    assert caught.value.error_id == "app.upload.upload_data.first_part_too_small.app_error"
    assert admin.uploads.get_upload(session["id"])["file_offset"] == 0
