"""echo_bot.py and async_echo_bot.py, tested end to end through the fake.

Run it with ``pytest examples/test_echo_bot.py`` (the ``mattermost`` fixture
comes with the driver). Each bot runs exactly as its users run it (``python
examples/echo_bot.py`` with ``MM_URL`` and ``MM_TOKEN``), in a process of its
own; the test plays the person who mentions it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest
from mattermostdriver.testing import Mattermost

EXAMPLES = Path(__file__).resolve().parent


@pytest.fixture(params=["echo_bot.py", "async_echo_bot.py"])
def echo_bot(
    mattermost: Mattermost, request: pytest.FixtureRequest
) -> Iterator[subprocess.Popen[bytes]]:
    """The echo bot, running against the fake as the ``testbot`` account."""
    env = {
        **os.environ,
        "MM_URL": mattermost.url,
        "MM_TOKEN": mattermost.token(mattermost.bot),
    }
    script = str(EXAMPLES / request.param)
    bot = subprocess.Popen(
        [sys.executable, script],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        mattermost.wait_for_websocket(
            mattermost.bot, timeout=30
        )  # it is listening
        yield bot
    finally:
        bot.send_signal(signal.SIGINT)  # Ctrl-C, as its docstring says
        try:
            bot.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            bot.kill()
            bot.communicate()


def test_the_echo_bot_replies_in_thread(
    mattermost: Mattermost, echo_bot: subprocess.Popen[bytes]
) -> None:
    question = mattermost.post_as(
        mattermost.user, mattermost.channel, "@testbot hello there"
    )

    reply = mattermost.wait_for_post(
        mattermost.channel,
        lambda p: p["user_id"] == mattermost.bot["id"],
        timeout=30,
    )

    assert reply["message"] == "hello there"
    assert reply["root_id"] == question["id"]  # in the thread of the question


def test_the_echo_bot_ignores_posts_without_a_mention(
    mattermost: Mattermost, echo_bot: subprocess.Popen[bytes]
) -> None:
    mattermost.post_as(mattermost.user, mattermost.channel, "nobody is called")
    question = mattermost.post_as(
        mattermost.user, mattermost.channel, "@testbot"
    )

    reply = mattermost.wait_for_post(
        mattermost.channel,
        lambda p: p["user_id"] == mattermost.bot["id"],
        timeout=30,
    )

    assert (reply["message"], reply["root_id"]) == (
        "(nothing to echo)",
        question["id"],
    )
    assert [p["message"] for p in mattermost.posts_in(mattermost.channel)] == [
        "nobody is called",
        "@testbot",
        "(nothing to echo)",
    ]
