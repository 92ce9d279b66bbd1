"""Functional tests: a real Mattermost server with PostgreSQL on loopback.

The session fixture ``server`` (tests/support/mmserver.py, registered in tests/conftest.py so
that the contract suite shares it) starts a fresh server with ``scripts/mattermost-server
start`` (which builds it the first time) and stops it at the end. With ``MM_TEST_REUSE=1`` a
server that is already running is used instead. If the server cannot be started the tests
fail with the script's output: they are never skipped.

The tests leave the server as they found it: what they create is deleted (teams and channels
permanently when the server allows it), users and bots are deactivated, tokens revoked,
password sessions logged out and what they change restored, in fixtures or ``cleanup`` steps
that run whatever the outcome. The session's ``ledger`` checks this at the end and fails
naming what was left.
"""

from __future__ import annotations

import time
import uuid
import warnings
from functools import partial
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple, TypeVar

import pytest

from mattermostdriver import Driver, InvalidOrMissingParameters, ResourceNotFound

from ..support.mmserver import ROOT

__all__ = ["ROOT"]  # tests import it from here

T = TypeVar("T")


@pytest.fixture(scope="session")
def admin(server: Dict[str, str]) -> Driver:
    """A driver logged in as the system admin with a personal access token."""
    d = Driver({"url": server["MM_URL"], "token": server["MM_TOKEN"]})
    d.login()
    return d


def unique(prefix: str = "t") -> str:
    """A name no other test uses (lower case, as Mattermost names must be)."""
    return f"{prefix}{uuid.uuid4().hex[:12]}"


class CleanupFailed(Exception):
    """One or more cleanup steps failed; the server may keep what they were to remove."""


def run_all(steps: List[Tuple[str, Callable[[], Any]]]) -> None:
    """Run every step, even after one fails; then raise the failures together.

    Raised in a fixture's teardown, pytest reports this as an error of its own, which
    neither hides the test's own failure nor passes unnoticed.
    """
    failures = []
    for what, step in steps:
        try:
            step()
        except Exception as e:
            failures.append(f"{what}: {type(e).__name__}: {e}")
    if failures:
        raise CleanupFailed("cleanup did not complete:\n  " + "\n  ".join(failures))


class Cleanup:
    """Undo steps a test registers as it changes the server, run last in first out at its end."""

    def __init__(self) -> None:
        self._steps: List[Tuple[str, Callable[[], Any]]] = []

    def add(self, what: str, step: Callable[[], Any]) -> None:
        self._steps.append((what, step))

    def remove(self, what: str, read: Callable[[], Any], remove: Callable[[], Any]) -> None:
        """Call ``remove`` at the end unless ``what`` is already gone (``read`` raises ResourceNotFound)."""

        def step() -> None:
            try:
                read()
            except ResourceNotFound:
                return
            remove()

        self.add(f"remove {what}", step)

    def run(self) -> None:
        steps, self._steps = self._steps[::-1], []
        run_all(steps)


@pytest.fixture
def cleanup() -> Iterator[Cleanup]:
    """Register undo steps; they all run when the test ends, whatever its outcome."""
    steps = Cleanup()
    yield steps
    steps.run()


def preference(admin: Driver, user_id: str, category: str, name: str) -> Optional[str]:
    """The value of one of the user's preferences, or None when the user has not set it."""
    try:
        return str(admin.preferences.get_specific_user_preference(user_id, category, name)["value"])
    except (InvalidOrMissingParameters, ResourceNotFound):  # the server answers 400 for a missing one
        return None


def keep_preferences(admin: Driver, cleanup: Cleanup, user_id: str, *keys: Tuple[str, str]) -> None:
    """Put the user's preferences ``keys`` (category, name) back as they are now when the test ends."""
    before = {key: preference(admin, user_id, *key) for key in keys}

    def restore() -> None:
        for (category, name), value in before.items():
            if preference(admin, user_id, category, name) == value:
                continue
            pref = {"user_id": user_id, "category": category, "name": name, "value": value or ""}
            if value is None:
                admin.preferences.delete_user_preferences(user_id, [pref])
            else:
                admin.preferences.save_user_preferences(user_id, [pref])

    cleanup.add(f"restore the preferences {list(keys)} of user {user_id}", restore)


def keep_props(admin: Driver, cleanup: Cleanup, user_id: str, *names: str) -> None:
    """Put the user's props ``names`` back as they are now (removing those absent now) when the test ends."""
    before = admin.users.get_user(user_id).get("props") or {}

    def restore() -> None:
        now = admin.users.get_user(user_id).get("props") or {}
        props = {k: v for k, v in now.items() if k not in names}
        props.update({k: before[k] for k in names if k in before})
        if props != now:
            admin.users.patch_user(user_id, {"props": props})

    cleanup.add(f"restore the props {list(names)} of user {user_id}", restore)


def difference(before: Any, now: Any) -> str:
    """How ``now`` differs from ``before``, briefly for lists and dicts."""
    if isinstance(before, list) and isinstance(now, list):
        added, removed = sorted(set(now) - set(before)), sorted(set(before) - set(now))
        return f"added {added}, removed {removed}"
    if isinstance(before, dict) and isinstance(now, dict):
        keys = sorted(k for k in set(before) | set(now) if before.get(k, ...) != now.get(k, ...))
        return ", ".join(f"{k}: {before.get(k, '(absent)')!r} -> {now.get(k, '(absent)')!r}" for k in keys)
    return f"{before!r} before the tests, {now!r} after"


class Ledger:
    """What this session created or changed on the server, checked when the session ends.

    Only what this session made or touched is checked: objects by their ids, so that other
    runs against the same server at the same time do not count; shared values the tests change
    and restore (a config setting, a role, the admin's props and preferences) by comparing the
    value read when the session starts with the one at its end.
    """

    def __init__(self, admin: Driver) -> None:
        self.admin = admin
        settings = admin.system.get_configuration()["ServiceSettings"]
        # with these off the server refuses ?permanent=true: objects are then only soft-deleted
        self.permanent = {
            "team": settings.get("EnableAPITeamDeletion") is True,
            "channel": settings.get("EnableAPIChannelDeletion") is True,
        }
        for kind, allowed in self.permanent.items():
            if not allowed:
                warnings.warn(
                    f"the server does not allow permanent {kind} deletion through the API: the {kind}s "
                    "the functional tests create are only soft-deleted (archived)",
                    stacklevel=1,
                )
        self._checks: List[Callable[[], Optional[str]]] = []
        self._leaks: List[str] = []

    def gone(self, what: str, read: Callable[[], Any]) -> None:
        """``what`` must not exist when the session ends: ``read`` then raises ResourceNotFound."""

        def check() -> Optional[str]:
            try:
                found = read()
            except ResourceNotFound:
                return None
            soft = isinstance(found, dict) and found.get("delete_at")
            return f"{what} still exists" + (" (deleted, but not permanently)" if soft else "")

        self._checks.append(check)

    def deactivated(self, what: str, read: Callable[[], Any]) -> None:
        """``what`` must be deleted or deactivated (``delete_at`` set) when the session ends."""

        def check() -> Optional[str]:
            try:
                found = read()
            except ResourceNotFound:
                return None
            return None if found.get("delete_at") else f"{what} is still active"

        self._checks.append(check)

    def unchanged(self, what: str, read: Callable[[], Any]) -> None:
        """``read()`` must give the same when the session ends as it gives now."""
        before = read()

        def check() -> Optional[str]:
            now = read()
            return None if now == before else f"{what} changed: {difference(before, now)}"

        self._checks.append(check)

    def leak(self, message: str) -> None:
        """Report a leak noticed while cleaning up."""
        self._leaks.append(message)

    def team(self, team: Dict[str, Any]) -> None:
        what = f"team {team['name']} ({team['id']})"
        read = partial(self.admin.teams.get_team, team["id"])
        (self.gone if self.permanent["team"] else self.deactivated)(what, read)

    def channel(self, channel: Dict[str, Any]) -> None:
        what = f"channel {channel['name']} ({channel['id']})"
        read = partial(self.admin.channels.get_channel, channel["id"])
        (self.gone if self.permanent["channel"] else self.deactivated)(what, read)

    def delete_team(self, team_id: str) -> None:
        if self.permanent["team"]:
            self.admin.teams.delete_team(team_id, params={"permanent": "true"})
        else:
            self.admin.teams.delete_team(team_id)

    def delete_channel(self, channel_id: str) -> None:
        if self.permanent["channel"]:
            self.admin.client.delete(f"/channels/{channel_id}", params={"permanent": "true"})
        else:
            self.admin.channels.delete_channel(channel_id)

    def leaks(self) -> List[str]:
        found = list(self._leaks)
        for check in self._checks:
            try:
                message = check()
            except Exception as e:
                message = f"a leak check could not run: {type(e).__name__}: {e}"
            if message:
                found.append(message)
        return found


@pytest.fixture(scope="session", autouse=True)
def ledger(admin: Driver) -> Iterator[Ledger]:
    """Fails the session when the tests left on the server what they created or changed."""
    ledger = Ledger(admin)
    me = admin.client.userid
    # what the tests change on shared objects, read now and compared at the end
    ledger.unchanged(
        "config TeamSettings.SiteName", lambda: admin.system.get_configuration()["TeamSettings"]["SiteName"]
    )
    ledger.unchanged(
        "permissions of the team_user role",
        lambda: sorted(admin.roles.get_role_by_name("team_user")["permissions"]),
    )
    ledger.unchanged("the admin's props", lambda: admin.users.get_user(me).get("props") or {})
    for category, name in (
        ("display_settings", "use_military_time"),
        ("custom_status", "recent_custom_statuses"),
    ):
        ledger.unchanged(
            f"the admin's preference {category}/{name}", partial(preference, admin, me, category, name)
        )
    yield ledger
    leaks = ledger.leaks()
    if leaks:
        pytest.fail("the functional tests left on the server:\n  - " + "\n  - ".join(leaks), pytrace=False)


@pytest.fixture(scope="session")
def team(admin: Driver, ledger: Ledger) -> Iterator[Dict[str, Any]]:
    name = unique("team")
    created = admin.teams.create_team({"name": name, "display_name": f"Team {name}", "type": "O"})
    ledger.team(created)
    yield created
    ledger.delete_team(created["id"])  # permanently: its channels, posts and members go with it


@pytest.fixture
def channel(admin: Driver, team: Dict[str, Any], ledger: Ledger) -> Iterator[Dict[str, Any]]:
    name = unique("chan")
    created = admin.channels.create_channel(
        {"team_id": team["id"], "name": name, "display_name": f"Channel {name}", "type": "O"}
    )
    ledger.channel(created)
    yield created
    ledger.delete_channel(created["id"])


PASSWORD = "Functional-pw-1"


def is_token_session(session: Dict[str, Any]) -> bool:
    return bool((session.get("props") or {}).get("type") == "UserAccessToken")


@pytest.fixture
def make_user(
    admin: Driver, team: Dict[str, Any], ledger: Ledger, request: pytest.FixtureRequest
) -> Iterator[Callable[..., Dict[str, Any]]]:
    """Create users (added to the team); they are deactivated afterwards.

    Before that, a password session still open is reported as a leak (deactivation would end
    it and hide that the test did not log out); sessions of personal access tokens are checked
    through the tokens.
    """
    made: List[Dict[str, Any]] = []

    def make(**extra: Any) -> Dict[str, Any]:
        name = unique("user")
        user = admin.users.create_user(
            {"username": name, "email": f"{name}@example.com", "password": PASSWORD, **extra}
        )
        made.append(user)
        ledger.deactivated(f"user {name} ({user['id']})", partial(admin.users.get_user, user["id"]))
        admin.teams.add_user_to_team(team["id"], {"team_id": team["id"], "user_id": user["id"]})
        return user

    yield make

    def retire(user: Dict[str, Any]) -> None:
        try:
            sessions = [s for s in admin.users.get_user_sessions(user["id"]) if not is_token_session(s)]
            if sessions:
                ledger.leak(
                    f"{request.node.nodeid}: user {user['username']} still had {len(sessions)} "
                    "password session(s) when the test ended"
                )
        finally:
            admin.users.deactivate_user(user["id"])  # this also ends all the user's sessions

    run_all([(f"deactivate user {u['username']}", partial(retire, u)) for u in made])


@pytest.fixture
def password_driver(
    server: Dict[str, str], make_user: Callable[..., Dict[str, Any]]
) -> Iterator[Callable[..., Driver]]:
    """Drivers for a user's password login; each one still logged in is logged out at the end.

    (It needs make_user so that the users' sessions end before make_user checks them.)
    """
    made: List[Driver] = []

    def make(user: Dict[str, Any], password: str = PASSWORD) -> Driver:
        d = Driver({"url": server["MM_URL"], "login_id": user["username"], "password": password})
        made.append(d)
        return d

    yield make
    run_all([(f"log out {d.client.username}", d.logout) for d in made if d.client.token])


@pytest.fixture
def user_driver(make_user: Callable[..., Dict[str, Any]], password_driver: Callable[..., Driver]) -> Driver:
    """A driver logged in with a password as a new regular user (logged out at the end)."""
    d = password_driver(make_user())
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
