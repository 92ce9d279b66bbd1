"""Fixtures of the tests of mattermostdriver.testing (the ``mattermost`` fixture comes from its plugin)."""

from ...support.endpoint import endpoint  # noqa: F401 - the bot's own HTTP endpoint
