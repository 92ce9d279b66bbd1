"""An echo bot: replies in the thread of every post that mentions it.

MM_URL=https://chat.example.com MM_TOKEN=<bot token> python echo_bot.py
"""

from __future__ import annotations

import json
import logging
import os

from mattermostdriver import Driver

logging.basicConfig(level=logging.INFO)

options = {"url": os.environ["MM_URL"], "token": os.environ["MM_TOKEN"]}
d = Driver({**options, "keepalive": True})
me = d.login()
mention = f"@{me['username']}"


def on_message(message: str) -> None:
    event = json.loads(message)
    if event.get("event") != "posted":
        return
    post = json.loads(event["data"]["post"])
    if post["user_id"] == me["id"] or mention not in post["message"]:
        return  # its own posts, and posts that are not for it
    text = post["message"].replace(mention, "").strip()
    d.posts.create_post(
        {
            "channel_id": post["channel_id"],
            # a reply to a reply goes to the thread's root
            "root_id": post["root_id"] or post["id"],
            "message": text or "(nothing to echo)",
        }
    )


if __name__ == "__main__":
    d.init_websocket(on_message)  # blocks; Ctrl-C to stop
