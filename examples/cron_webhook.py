"""Post the output of a command through an incoming webhook, e.g. from cron.

The hook's URL is its only secret: no token, no login. In a crontab:

    MATTERMOST_WEBHOOK_URL=https://chat.example.com/hooks/xxx
    0 3 * * * df -h / | python3 /opt/bin/cron_webhook.py
"""

from __future__ import annotations

import os
import sys

from mattermostdriver import Driver, MattermostError

text = sys.stdin.read().strip() or "(no output)"
try:
    with Driver() as d:
        d.webhooks.call_webhook(
            os.environ["MATTERMOST_WEBHOOK_URL"],
            {"text": f"```\n{text}\n```", "username": "cron"},
        )
except MattermostError as exc:
    sys.exit(f"webhook failed: {exc.summary}")  # status, URL and message
