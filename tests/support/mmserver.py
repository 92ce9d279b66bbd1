"""The real Mattermost server of the functional and contract suites: one per pytest session.

The session fixture :func:`server` starts a fresh server with ``scripts/mattermost-server start``
(which builds it the first time) and stops it at the end. With ``MM_TEST_REUSE=1`` a server
that is already running, as described by the env file the script writes, is used instead. If
the server cannot be started the tests that need it fail with the script's output: they are
never skipped.

It is registered once, in ``tests/conftest.py``, so that every suite shares the one server.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Dict, Iterator

import pytest

from tests.server.layout import env_file, read_env

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "mattermost-server"
ENV_FILE = env_file()  # this checkout's server (tests/server/layout.py)

__all__ = ["ENV_FILE", "ROOT", "SCRIPT", "server"]


@pytest.fixture(scope="session")
def server() -> Iterator[Dict[str, str]]:
    """The running server's URL, admin token and credentials."""
    reuse = os.environ.get("MM_TEST_REUSE") == "1"
    if not reuse:
        result = subprocess.run([str(SCRIPT), "start"], capture_output=True, text=True, timeout=3000)
        if result.returncode != 0:
            pytest.fail(
                f"the Mattermost test server did not start (exit {result.returncode}):\n"
                f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}",
                pytrace=False,
            )
    if not ENV_FILE.exists():
        pytest.fail(f"no server env file at {ENV_FILE}: run scripts/mattermost-server start", pytrace=False)
    env = read_env(ENV_FILE)
    try:
        yield env
    finally:
        if not reuse:
            subprocess.run([str(SCRIPT), "stop"], capture_output=True, text=True, timeout=120)
