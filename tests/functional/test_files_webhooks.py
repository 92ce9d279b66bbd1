"""Files and webhooks against the real server."""

from __future__ import annotations

import io
import os
from functools import partial
from typing import Any, Dict
from urllib.parse import parse_qs, urlsplit

from mattermostdriver import Driver

from .conftest import Cleanup, Ledger, unique, wait_for


def test_upload_attach_download(admin: Driver, channel: Dict[str, Any]) -> None:
    first, second = os.urandom(200_000), b"hello, file\n" * 100
    result = admin.files.upload_file(
        channel["id"], [("files", ("random.bin", io.BytesIO(first))), ("files", ("hello.txt", second))]
    )
    infos = result["file_infos"]
    assert [i["name"] for i in infos] == ["random.bin", "hello.txt"]
    assert [i["size"] for i in infos] == [len(first), len(second)]
    post = admin.posts.create_post(
        {"channel_id": channel["id"], "message": "two files", "file_ids": [i["id"] for i in infos]}
    )
    assert sorted(post["file_ids"]) == sorted(i["id"] for i in infos)
    assert admin.files.get_file(infos[0]["id"]).content == first
    assert admin.files.get_file(infos[1]["id"]).content == second
    meta = admin.files.get_file_metadata(infos[1]["id"])
    assert meta["post_id"] == post["id"] and meta["mime_type"].startswith("text/plain")
    attached = admin.posts.get_file_info_for_post(post["id"])
    assert {i["id"] for i in attached} == {i["id"] for i in infos}
    link = admin.files.get_public_file_link(infos[1]["id"])["link"]
    assert "/files/" in link and "h=" in link
    anonymous = Driver(
        {"url": admin.options["scheme"] + "://" + admin.options["url"], "port": admin.options["port"]}
    )
    public = anonymous.files.get_file_public(infos[1]["id"], h=parse_qs(urlsplit(link).query)["h"][0])
    assert public.content == second


def test_single_file_dict_upload(admin: Driver, channel: Dict[str, Any], tmp_path: Any) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"from disk")
    with path.open("rb") as fh:
        result = admin.files.upload_file(channel["id"], {"files": fh})
    assert result["file_infos"][0]["name"] == "notes.txt"
    assert admin.files.get_file(result["file_infos"][0]["id"]).content == b"from disk"


def test_incoming_webhook_called_for_real(admin: Driver, channel: Dict[str, Any], ledger: Ledger) -> None:
    hook = admin.webhooks.create_incoming_hook({"channel_id": channel["id"], "display_name": "functional"})
    ledger.gone(f"incoming webhook {hook['id']}", partial(admin.webhooks.get_incoming_hook, hook["id"]))
    try:
        assert admin.webhooks.get_incoming_hook(hook["id"])["channel_id"] == channel["id"]
        anonymous = Driver(
            {"url": admin.options["scheme"] + "://" + admin.options["url"], "port": admin.options["port"]}
        )
        response = anonymous.webhooks.call_webhook(
            hook["id"], {"text": "from a cron job", "username": "cron"}
        )
        assert response.status_code == 200 and response.text == "ok"
        by_url = anonymous.webhooks.call_webhook(
            f"{admin.client.build_url('/' + hook['id'], basepath='/hooks')}", {"text": "by full url"}
        )
        assert by_url.text == "ok"

        def posted() -> Any:
            listing = admin.posts.get_posts_for_channel(channel["id"])
            return {p["message"]: p for p in listing["posts"].values()}

        wait_for(lambda: "by full url" in posted())
        messages = posted()
        assert messages["from a cron job"]["props"]["override_username"] == "cron"
        hooks = admin.webhooks.list_incoming_hooks({"team_id": channel["team_id"]})
        assert hook["id"] in {h["id"] for h in hooks}
        updated = admin.webhooks.update_incoming_hook(
            hook["id"], {"id": hook["id"], "channel_id": channel["id"], "display_name": "renamed"}
        )
        assert updated["display_name"] == "renamed"
    finally:
        admin.webhooks.delete_incoming_webhook(hook["id"])


def test_outgoing_webhook_crud(
    admin: Driver, channel: Dict[str, Any], cleanup: Cleanup, ledger: Ledger
) -> None:
    hook = admin.webhooks.create_outgoing_hook(
        {
            "team_id": channel["team_id"],
            "channel_id": channel["id"],
            "display_name": unique("out"),
            "trigger_words": ["deploy"],
            "callback_urls": ["http://127.0.0.1:9/outgoing"],
        }
    )
    what, read = f"outgoing webhook {hook['id']}", partial(admin.webhooks.get_outgoing_hook, hook["id"])
    # the test deletes it itself, last: should it stop before, the hook is deleted at the end
    cleanup.remove(what, read, partial(admin.webhooks.delete_outgoing_hook, hook["id"]))
    ledger.gone(what, read)
    assert admin.webhooks.get_outgoing_hook(hook["id"])["trigger_words"] == ["deploy"]
    assert hook["id"] in {
        h["id"] for h in admin.webhooks.list_outgoing_hooks({"team_id": channel["team_id"]})
    }
    hook["trigger_words"] = ["ship"]
    assert admin.webhooks.update_outgoing_hook(hook["id"], hook)["trigger_words"] == ["ship"]
    regenerated = admin.webhooks.regenerate_token_outgoing_hook(hook["id"])
    assert regenerated["token"] and regenerated["token"] != hook["token"]
    assert admin.webhooks.delete_outgoing_hook(hook["id"]) == {"status": "OK"}
