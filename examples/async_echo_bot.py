"""The echo bot on asyncio: AsyncDriver listens and answers in one loop.

pip install "mattermostdriver[async]"
MM_URL=https://chat.example.com MM_TOKEN=<bot token> python async_echo_bot.py
"""

from __future__ import annotations

import asyncio
import json
import logging
import os

from mattermostdriver import AsyncDriver

logging.basicConfig(level=logging.INFO)


async def main() -> None:
    options = {
        "url": os.environ["MM_URL"],
        "token": os.environ["MM_TOKEN"],
        "keepalive": True,
    }
    async with AsyncDriver(options) as d:
        me = await d.login()
        mention = f"@{me['username']}"

        async def on_message(message: str) -> None:
            event = json.loads(message)
            if event.get("event") != "posted":
                return
            post = json.loads(event["data"]["post"])
            if post["user_id"] == me["id"] or mention not in post["message"]:
                return  # its own posts, and posts that are not for it
            text = post["message"].replace(mention, "").strip()
            await d.posts.create_post(
                {
                    "channel_id": post["channel_id"],
                    "root_id": post["root_id"] or post["id"],
                    "message": text or "(nothing to echo)",
                }
            )

        await d.init_websocket(on_message)  # runs until Ctrl-C


if __name__ == "__main__":
    asyncio.run(main())
