"""Functional tests: a real Mattermost server with PostgreSQL on loopback.

The session fixture starts a fresh server with ``scripts/mattermost-server start`` (which
builds it the first time) and stops it at the end. With ``MM_TEST_REUSE=1`` a server that
is already running, as described by the env file the script writes, is used instead.
If the server cannot be started the tests fail with the script's output: they are never
skipped.
"""

from __future__ import annotations

import os
import subprocess
import time
import uuid
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, TypeVar

import pytest

from mattermostdriver import Driver

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "mattermost-server"
HOME = Path(os.environ.get("MMD_HOME", Path.home() / ".cache" / "mattermostdriver"))
ENV_FILE = HOME / "run" / "env"

T = TypeVar("T")


def _read_env() -> Dict[str, str]:
    values: Dict[str, str] = {}
    for line in ENV_FILE.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, _, value = line.partition("=")
            values[key.removeprefix("export ").strip()] = value.strip().strip("'\"")
    return values


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
    env = _read_env()
    try:
        yield env
    finally:
        if not reuse:
            subprocess.run([str(SCRIPT), "stop"], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="session")
def admin(server: Dict[str, str]) -> Driver:
    """A driver logged in as the system admin with a personal access token."""
    d = Driver({"url": server["MM_URL"], "token": server["MM_TOKEN"]})
    d.login()
    return d


def unique(prefix: str = "t") -> str:
    """A name no other test uses (lower case, as Mattermost names must be)."""
    return f"{prefix}{uuid.uuid4().hex[:12]}"


@pytest.fixture(scope="session")
def team(admin: Driver) -> Dict[str, Any]:
    name = unique("team")
    return admin.teams.create_team({"name": name, "display_name": f"Team {name}", "type": "O"})


@pytest.fixture
def channel(admin: Driver, team: Dict[str, Any]) -> Iterator[Dict[str, Any]]:
    name = unique("chan")
    created = admin.channels.create_channel(
        {"team_id": team["id"], "name": name, "display_name": f"Channel {name}", "type": "O"}
    )
    yield created
    admin.channels.delete_channel(created["id"])


PASSWORD = "Functional-pw-1"


@pytest.fixture
def make_user(admin: Driver, team: Dict[str, Any]) -> Iterator[Callable[..., Dict[str, Any]]]:
    """Create users (added to the team); they are deactivated afterwards."""
    made: List[str] = []

    def make(**extra: Any) -> Dict[str, Any]:
        name = unique("user")
        user = admin.users.create_user(
            {"username": name, "email": f"{name}@example.com", "password": PASSWORD, **extra}
        )
        admin.teams.add_user_to_team(team["id"], {"team_id": team["id"], "user_id": user["id"]})
        made.append(user["id"])
        return user

    yield make
    for user_id in made:
        admin.users.deactivate_user(user_id)


@pytest.fixture
def user_driver(server: Dict[str, str], make_user: Callable[..., Dict[str, Any]]) -> Driver:
    """A driver logged in with a password as a new regular user."""
    user = make_user()
    d = Driver({"url": server["MM_URL"], "login_id": user["username"], "password": PASSWORD})
    d.login()
    return d


def wait_for(condition: Callable[[], T], timeout: float = 15.0, interval: float = 0.05) -> T:
    """Poll ``condition`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(interval)
