"""Upload a file with a progress bar, post it, and download it back.

MM_URL=https://chat.example.com MM_TOKEN=... python files.py ops/general FILE

The upload and the download stream: memory stays flat whatever the size.
"""

from __future__ import annotations

import os
import sys

from mattermostdriver import Driver


def progress(done: int, total: int) -> None:
    """Draw the bar on stderr (the driver calls it as the bytes go)."""
    percent = done * 100 // total if total else 100
    bar = "#" * (percent * 30 // 100)
    print(f"\r[{bar:<30}] {percent:3d}%", end="", file=sys.stderr, flush=True)
    if total and done >= total:
        print(file=sys.stderr)


def main(where: str, path: str) -> int:
    team_name, channel_name = where.split("/")
    options = {"url": os.environ["MM_URL"], "token": os.environ["MM_TOKEN"]}
    with Driver(options) as d:
        d.login()
        channel = d.channels.get_channel_by_name_and_team_name(
            team_name, channel_name
        )
        name = os.path.basename(path)
        with open(path, "rb") as f:
            answer = d.files.upload_file(
                channel["id"], {"files": (name, f)}, progress=progress
            )
        info = answer["file_infos"][0]
        post = d.posts.create_post(
            {
                "channel_id": channel["id"],
                "message": f"here is {name}",
                "file_ids": [info["id"]],
            }
        )
        print(f"posted {post['id']} with file {info['id']}")

        copy = path + ".copy"
        d.files.download_file(info["id"], copy, progress=progress)
        print(f"downloaded it again to {copy}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
