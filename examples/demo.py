"""A tour: post, upload, call a webhook, and print the events they cause.

Needs MM_URL and MM_TOKEN (a user who may create teams), e.g. those of the
local test server: ``scripts/demo`` starts one and runs this.
"""

from __future__ import annotations

import json
import os
import queue
import sys
import time
import uuid

from mattermostdriver import Driver


def main() -> int:
    d = Driver(
        {
            "url": os.environ["MM_URL"],
            "token": os.environ["MM_TOKEN"],
            "keepalive": True,
        }
    )
    me = d.login()
    print(f"logged in as {me['username']} on {d.client.url}")

    suffix = uuid.uuid4().hex[:8]
    team = d.teams.create_team(
        {"name": f"demo-{suffix}", "display_name": "Demo", "type": "O"}
    )
    channel = d.channels.create_channel(
        {
            "team_id": team["id"],
            "name": f"demo-{suffix}",
            "display_name": "Demo",
            "type": "O",
        }
    )
    print(f"team {team['name']}, channel {channel['name']}")

    events: queue.Queue[dict] = queue.Queue()
    ws = d.init_websocket(
        lambda message: events.put(json.loads(message)), blocking=False
    )

    def next_event(name: str, timeout: float = 10.0) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                event = events.get(
                    timeout=max(0.01, deadline - time.monotonic())
                )
            except queue.Empty:
                break
            if event.get("event") == name:
                return event
        raise SystemExit(f"no {name!r} event within {timeout} s")

    hello = next_event("hello")
    version = ".".join(hello["data"]["server_version"].split(".")[:3])
    print(f"websocket connected: server {version}")

    post = d.posts.create_post(
        {"channel_id": channel["id"], "message": "Hello from mattermostdriver"}
    )
    print(f"posted {post['id']}")

    upload = d.files.upload_file(
        channel["id"], {"files": ("hello.txt", b"hello, file\n")}
    )
    file_id = upload["file_infos"][0]["id"]
    d.posts.create_post(
        {
            "channel_id": channel["id"],
            "message": "a file",
            "file_ids": [file_id],
        }
    )
    assert d.files.get_file(file_id).content == b"hello, file\n"
    print(f"uploaded and attached file {file_id}")

    hook = d.webhooks.create_incoming_hook(
        {"channel_id": channel["id"], "display_name": "demo"}
    )
    answer = Driver({"url": os.environ["MM_URL"]}).webhooks.call_webhook(
        hook["id"],
        {"text": "Hello from an incoming webhook", "username": "cron"},
    )
    print(f"webhook answered {answer.status_code} {answer.text!r}")

    for _ in range(3):
        event = next_event("posted")
        data = json.loads(event["data"]["post"])
        print(
            f"websocket event 'posted' seq {event['seq']}: {data['message']!r}"
        )

    ws.stop()
    d.teams.delete_team(team["id"])
    print("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
