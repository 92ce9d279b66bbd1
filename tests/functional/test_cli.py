"""The command line against the real server, run in-process through ``main([...])``."""

from __future__ import annotations

import io
import json
import os
import sys
import threading
from functools import partial
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

import pytest

from mattermostdriver import Driver
from mattermostdriver.cli import main

from .conftest import Ledger, wait_for

Result = Tuple[int, str, str]


@pytest.fixture
def cli(
    server: Dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., Result]:
    """Run the CLI as the admin (MATTERMOST_URL/TOKEN from the server fixture)."""
    for name in ("MATTERMOST_LOGIN_ID", "MATTERMOST_PASSWORD", "MATTERMOST_WEBHOOK_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MATTERMOST_URL", server["MM_URL"])
    monkeypatch.setenv("MATTERMOST_TOKEN", server["MM_TOKEN"])

    def run(*argv: str, stdin: Optional[str] = None) -> Result:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = main(list(argv))
        out, err = capsys.readouterr()
        assert server["MM_TOKEN"] not in out + err
        assert "Traceback" not in err
        return code, out, err

    return run


def messages(admin: Driver, channel_id: str) -> Dict[str, Dict[str, Any]]:
    listing = admin.posts.get_posts_for_channel(channel_id)
    return {p["message"]: p for p in listing["posts"].values()}


def test_webhook_posts_through_a_real_incoming_hook(
    admin: Driver,
    channel: Dict[str, Any],
    cli: Callable[..., Result],
    monkeypatch: pytest.MonkeyPatch,
    ledger: Ledger,
) -> None:
    hook = admin.webhooks.create_incoming_hook({"channel_id": channel["id"], "display_name": "cli"})
    ledger.gone(f"incoming webhook {hook['id']}", partial(admin.webhooks.get_incoming_hook, hook["id"]))
    try:
        url = admin.client.build_url("/" + hook["id"], basepath=admin.options["site_path"] + "/hooks")
        monkeypatch.delenv("MATTERMOST_TOKEN")  # a webhook needs no token
        assert cli("webhook", url, "backup done", "--username", "cron") == (0, "", "")
        assert cli("webhook", url, stdin="from stdin\n") == (0, "", "")
        monkeypatch.setenv("MATTERMOST_WEBHOOK_URL", url)
        assert cli("webhook", "-v", "url from the environment") == (0, "ok\n", "")
        found = wait_for(lambda: len(messages(admin, channel["id"])) >= 3 and messages(admin, channel["id"]))
        assert {"backup done", "from stdin", "url from the environment"} <= set(found)
        assert found["backup done"]["props"]["override_username"] == "cron"
    finally:
        admin.webhooks.delete_incoming_webhook(hook["id"])
    code, out, err = cli("webhook", url, "the hook is gone")
    assert code == 1 and out == ""
    assert "status 400" in err and "error id web.incoming_webhook." in err
    assert hook["id"] not in err  # the server names the hook in its message: hidden


def test_post_by_team_and_channel_name_with_a_file(
    admin: Driver, team: Dict[str, Any], channel: Dict[str, Any], cli: Callable[..., Result], tmp_path: Path
) -> None:
    path = tmp_path / "build.log"
    path.write_bytes(b"build ok\n" * 50)
    code, out, err = cli("post", f"{team['name']}/{channel['name']}", "deploy finished", "--file", str(path))
    assert code == 0, err
    post = admin.posts.get_post(out.strip())
    assert post["channel_id"] == channel["id"] and post["message"] == "deploy finished"
    (file_id,) = post["file_ids"]
    assert admin.files.get_file_metadata(file_id)["name"] == "build.log"
    assert admin.files.get_file(file_id).content == path.read_bytes()

    code, out, _ = cli("post", channel["id"], "--reply-to", post["id"], stdin="a reply from stdin\n")
    assert code == 0
    reply = admin.posts.get_post(out.strip())
    assert reply["root_id"] == post["id"] and reply["message"] == "a reply from stdin"


def test_post_to_a_missing_channel_exits_1(team: Dict[str, Any], cli: Callable[..., Result]) -> None:
    code, out, err = cli("post", f"{team['name']}/no-such-channel", "hello")
    assert code == 1 and out == ""
    assert "status 404" in err and "error id app.channel.get_by_name.missing" in err


def test_upload_posts_the_files(
    admin: Driver,
    channel: Dict[str, Any],
    cli: Callable[..., Result],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first, second = tmp_path / "random.bin", tmp_path / "notes.txt"
    first.write_bytes(os.urandom(2_621_440))  # 2.5 MiB: several redraws of its bar
    second.write_bytes("notes, ünïcode\n".encode())
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    code, out, err = cli("upload", channel["id"], str(first), str(second), "-m", "two uploads")
    assert code == 0, err
    first_bar, second_bar = err.rstrip("\n").split("\n")
    frames = [f for f in first_bar.split("\r") if f]
    assert len(frames) > 3 and frames[0].startswith("random.bin [") and "  0%" in frames[0]
    assert frames[-1].endswith("] 100% 2.5 MiB / 2.5 MiB")
    assert second_bar.startswith("\rnotes.txt [") and second_bar.endswith("] 100% 17 B / 17 B")
    post = admin.posts.get_post(out.strip())
    assert post["message"] == "two uploads" and len(post["file_ids"]) == 2
    infos = {i["name"]: i for i in admin.posts.get_file_info_for_post(post["id"])}
    assert set(infos) == {"random.bin", "notes.txt"}
    assert infos["random.bin"]["size"] == 2_621_440
    assert admin.files.get_file(infos["random.bin"]["id"]).content == first.read_bytes()
    assert admin.files.get_file(infos["notes.txt"]["id"]).content == second.read_bytes()


def test_api_and_whoami(admin: Driver, cli: Callable[..., Result]) -> None:
    code, out, _ = cli("api", "GET", "/users/me")
    assert code == 0
    assert json.loads(out)["id"] == admin.client.userid
    assert out.startswith("{\n  ")  # indented
    code, out, _ = cli("whoami")
    assert code == 0 and json.loads(out)["username"] == admin.client.username
    code, out, _ = cli("api", "GET", "/users", "--param", "per_page=1", "--param", "page=0")
    assert code == 0 and len(json.loads(out)) == 1
    code, _, err = cli("api", "GET", "/users/" + "z" * 26)
    assert code == 1 and "status 404" in err


def test_api_post_with_data(admin: Driver, channel: Dict[str, Any], cli: Callable[..., Result]) -> None:
    body = json.dumps({"channel_id": channel["id"], "message": "through api"})
    code, out, _ = cli("api", "POST", "/posts", "--data", body)
    assert code == 0
    assert admin.posts.get_post(json.loads(out)["id"])["message"] == "through api"


def test_bad_token_exits_1(cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MATTERMOST_TOKEN", "not-a-valid-token-000000")
    code, out, err = cli("whoami")
    assert code == 1 and out == ""
    assert "status 401" in err and "not-a-valid-token-000000" not in err


def test_listen_prints_a_real_posted_event(
    admin: Driver, channel: Dict[str, Any], server: Dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MATTERMOST_URL", server["MM_URL"])
    monkeypatch.setenv("MATTERMOST_TOKEN", server["MM_TOKEN"])
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    codes: List[int] = []
    thread = threading.Thread(
        target=lambda: codes.append(main(["listen", "--event", "posted", "--count", "1"])), daemon=True
    )
    thread.start()
    try:
        # post until the listener, once connected, has printed one (no fixed sleep for the connection)
        def printed() -> bool:
            if not out.getvalue():
                admin.posts.create_post({"channel_id": channel["id"], "message": "for the listener"})
            return not thread.is_alive()

        wait_for(printed, timeout=20, interval=0.5)
    finally:
        thread.join(10)
    assert codes == [0]
    (line,) = out.getvalue().splitlines()
    event = json.loads(line)
    assert event["event"] == "posted"
    assert json.loads(event["data"]["post"])["message"] == "for the listener"
