"""An echo bot: replies in thread to every post that mentions it.

MM_URL=https://chat.example.com MM_TOKEN=<bot token> python examples/echo_bot.py
"""

from __future__ import annotations

import json
import logging
import os

from mattermostdriver import Driver

logging.basicConfig(level=logging.INFO)

d = Driver({"url": os.environ["MM_URL"], "token": os.environ["MM_TOKEN"], "keepalive": True})
me = d.login()


def on_message(message: str) -> None:
    event = json.loads(message)
    if event.get("event") != "posted":
        return
    post = json.loads(event["data"]["post"])
    if post["user_id"] == me["id"] or f"@{me['username']}" not in post["message"]:
        return
    d.posts.create_post(
        {
            "channel_id": post["channel_id"],
            "root_id": post["root_id"] or post["id"],
            "message": post["message"].replace(f"@{me['username']}", "").strip() or "(nothing to echo)",
        }
    )


if __name__ == "__main__":
    d.init_websocket(on_message)  # blocks; Ctrl-C to stop
