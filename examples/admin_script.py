"""An admin script: list the users of a team who were never active.

With --apply it deactivates them too. Every user of the team is read, a page
of 200 at a time, however many there are.

MM_URL=https://chat.example.com MM_TOKEN=... python admin_script.py ops
"""

from __future__ import annotations

import os
import sys

from mattermostdriver import Driver, ResourceNotFound


def main(team_name: str, apply: bool) -> int:
    options = {"url": os.environ["MM_URL"], "token": os.environ["MM_TOKEN"]}
    with Driver(options) as d:
        d.login()
        try:
            team = d.teams.get_team_by_name(team_name)
        except ResourceNotFound:
            print(f"no team {team_name!r}", file=sys.stderr)
            return 1
        for user in d.users.iter_users(
            {"in_team": team["id"], "active": True}
        ):
            if user.get("is_bot") or user.get("last_activity_at"):
                continue
            print(f"never active: {user['username']}")
            if apply:
                d.users.deactivate_user(user["id"])
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], "--apply" in sys.argv[2:]))
