"""An admin script: list inactive users of a team and deactivate those who never posted.

MM_URL=https://chat.example.com MM_TOKEN=... python examples/admin_script.py ops [--apply]
"""

from __future__ import annotations

import os
import sys

from mattermostdriver import Driver, ResourceNotFound


def main(team_name: str, apply: bool) -> int:
    with Driver({"url": os.environ["MM_URL"], "token": os.environ["MM_TOKEN"]}) as d:
        d.login()
        try:
            team = d.teams.get_team_by_name(team_name)
        except ResourceNotFound:
            print(f"no team {team_name!r}", file=sys.stderr)
            return 1
        page = 0
        while True:
            users = d.users.get_users(params={"in_team": team["id"], "page": page, "per_page": 200})
            for user in users:
                if user.get("is_bot") or user.get("delete_at"):
                    continue
                if not user.get("last_activity_at"):
                    print(f"never active: {user['username']}")
                    if apply:
                        d.users.deactivate_user(user["id"])
            if len(users) < 200:
                return 0
            page += 1


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], "--apply" in sys.argv[2:]))
