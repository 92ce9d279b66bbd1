"""Post the output of a command through an incoming webhook, e.g. from cron:

0 3 * * * df -h / | MATTERMOST_WEBHOOK_URL=https://chat.example.com/hooks/xxx python cron_webhook.py
"""

from __future__ import annotations

import os
import sys

from mattermostdriver import Driver, MattermostError

text = sys.stdin.read().strip() or "(no output)"
try:
    Driver().webhooks.call_webhook(
        os.environ["MATTERMOST_WEBHOOK_URL"], {"text": f"```\n{text}\n```", "username": "cron"}
    )
except MattermostError as exc:
    sys.exit(f"webhook failed: {exc.summary}")  # status, URL and message
