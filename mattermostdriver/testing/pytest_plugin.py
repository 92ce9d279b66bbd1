"""The pytest plugin of mattermostdriver (entry point ``pytest11``): the ``mattermost`` fixture.

::

    def test_my_bot(mattermost):
        mattermost.driver                      # a Driver logged in as the bot
        mattermost.post_as(mattermost.user, mattermost.channel, "hello")

Options go in a marker: ``@pytest.mark.mattermost(strict=True, bot_name="echo")`` (the keyword
arguments of :class:`~mattermostdriver.testing.Mattermost`). The fake is made for each test and
closed after it; with ``strict=True`` a call to a route the fake does not implement fails the
test, else it warns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

import pytest

if TYPE_CHECKING:
    from .harness import Mattermost


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``mattermost`` marker."""
    config.addinivalue_line(
        "markers",
        "mattermost(**options): options of the mattermost fixture "
        "(strict, bot_name, user_name, team_name, channel_name)",
    )


@pytest.fixture
def mattermost(request: pytest.FixtureRequest) -> Iterator[Mattermost]:
    """A fake Mattermost with a team, a channel, a bot and a person, and ``.driver`` logged in as the bot."""
    from .harness import Mattermost

    marker = request.node.get_closest_marker("mattermost")
    with Mattermost(**(marker.kwargs if marker else {})) as mm:
        yield mm
