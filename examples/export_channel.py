"""Write every post of a channel as JSON lines, newest first.

MM_URL=https://chat.example.com MM_TOKEN=... python export_channel.py \
    ops/town-square > posts.jsonl

One page of posts is held at a time, however long the channel: the iterator
walks the pages with the server's cursors, so posts made meanwhile do not
shift them.
"""

from __future__ import annotations

import json
import os
import sys

from mattermostdriver import Driver


def main(where: str) -> int:
    team_name, channel_name = where.split("/")
    options = {"url": os.environ["MM_URL"], "token": os.environ["MM_TOKEN"]}
    with Driver(options) as d:
        d.login()
        channel = d.channels.get_channel_by_name_and_team_name(
            team_name, channel_name
        )
        count = 0
        for post in d.posts.iter_posts_for_channel(channel["id"]):
            print(json.dumps(post))
            count += 1
        print(f"{count} posts", file=sys.stderr)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
