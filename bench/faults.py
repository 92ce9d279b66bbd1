"""Posts through a fault-injecting proxy in front of the real test server: posted, duplicated, lost.

Needs the project's test server (``scripts/mattermost-server start``). Every request to
``POST /api/v4/posts`` meets, at random, a lost answer (the request reached the server, the
connection is closed before the answer comes back), a refused connection (the request never
arrives), or nothing. Each message is posted once with ``posts.create_post``; afterwards the
channel is read back and every message counted.

    .venv/bin/python bench/faults.py [--posts 300] [--lost 0.15] [--refused 0.05]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import uuid
from pathlib import Path
from typing import Any, Dict, List, Tuple
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mattermostdriver import Driver, TransportError  # noqa: E402
from tests.server.layout import env_file, read_env  # noqa: E402
from tests.support.faults import FaultProxy  # noqa: E402

ENV_FILE = env_file()  # this checkout's test server


def server_env() -> Dict[str, str]:
    if not ENV_FILE.exists():
        raise SystemExit(f"no test server ({ENV_FILE} is missing): run scripts/mattermost-server start")
    return read_env(ENV_FILE)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--posts", type=int, default=300)
    parser.add_argument("--lost", type=float, default=0.15, help="share of answers lost")
    parser.add_argument("--refused", type=float, default=0.05, help="share of requests refused")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    env = server_env()
    rng = random.Random(args.seed)
    upstream = urlsplit(env["MM_URL"])

    def fault(line: str) -> str:
        if "POST /api/v4/posts " not in line:
            return "pass"
        roll = rng.random()
        return "reset" if roll < args.lost else "refuse" if roll < args.lost + args.refused else "pass"

    admin = Driver({"url": env["MM_URL"], "token": env["MM_TOKEN"]})
    admin.login()
    name = f"faults{uuid.uuid4().hex[:10]}"
    team = admin.teams.create_team({"name": name, "display_name": name, "type": "O"})
    channel = admin.channels.create_channel(
        {"team_id": team["id"], "name": name, "display_name": name, "type": "O"}
    )
    outcomes: List[Tuple[str, str]] = []
    started = time.monotonic()
    try:
        with FaultProxy((upstream.hostname or "127.0.0.1", upstream.port or 80), fault) as proxy:
            d = Driver({"url": proxy.url, "token": env["MM_TOKEN"]})
            d.login()
            for i in range(args.posts):
                message = f"{name} message {i}"
                try:
                    d.posts.create_post({"channel_id": channel["id"], "message": message})
                    outcomes.append((message, "returned"))
                except TransportError:
                    outcomes.append((message, "raised"))
            faults = [action for line, action in proxy.log if "/api/v4/posts " in line]
        elapsed = time.monotonic() - started
        counts: Dict[str, int] = {}
        for post in admin.posts.iter_posts_for_channel(channel["id"]):
            counts[post["message"]] = counts.get(post["message"], 0) + 1
    finally:
        admin.teams.delete_team(team["id"], permanent=True)  # its channel and posts go with it
    report(args, outcomes, counts, faults, elapsed)


def report(
    args: Any, outcomes: List[Tuple[str, str]], counts: Dict[str, int], faults: List[str], elapsed: float
) -> None:
    returned = [m for m, how in outcomes if how == "returned"]
    raised = [m for m, how in outcomes if how == "raised"]
    print(
        f"{args.posts} create_post calls through the proxy in {elapsed:.0f} s: "
        f"{faults.count('reset')} answers lost, {faults.count('refuse')} requests refused, "
        f"{faults.count('pass')} passed ({len(faults)} requests in all)"
    )
    print(f"  posted once:               {sum(1 for m, _ in outcomes if counts.get(m) == 1)}")
    print(f"  duplicated:                {sum(1 for m, _ in outcomes if counts.get(m, 0) > 1)}")
    print(f"  lost (success, not there): {sum(1 for m in returned if not counts.get(m))}")
    print(f"  raised, not posted:        {sum(1 for m in raised if not counts.get(m))}")
    print(f"  raised, posted after all:  {sum(1 for m in raised if counts.get(m))}")


if __name__ == "__main__":
    main()
