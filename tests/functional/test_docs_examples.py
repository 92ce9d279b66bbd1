"""Every example of the README and the docs, run against the real server, and what it did checked.

The runnable blocks (``.. runnable: NAME``, see tests/support/doc_examples.py) and the scripts
of examples/ run as a user runs them: in a fresh interpreter (or bash, for console blocks,
with the ``mattermostdriver`` command on the PATH), in a scratch folder, with the server's URL,
a token, a bot's token, a webhook and a team put in place of the placeholders. Then the server
is asked whether the post appeared, the file uploaded, the bot answered in the thread... A bot
runs until it has answered; then it gets Ctrl-C (SIGINT), as a user stops it, and must exit.

``CHECKS`` names a check for each runnable block and ``EXAMPLES`` one for each script; the unit
tests (tests/unit/test_docs.py) hold the docs and these two tables to each other.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional

import pytest

from mattermostdriver import Driver, InvalidOrMissingParameters
from tests.support.doc_examples import Block, console_commands, runnable_blocks, substitute

from .conftest import ROOT, Ledger, unique, wait_for
from .test_async import limited_server  # noqa: F401  (the rate-limited server, for errors-rate-limit)

#: Seconds an example may take (a bot: to start and answer).
RUN_TIMEOUT = 120


@dataclass
class World:
    """What the examples are given: a team of their own, tokens, a bot and a webhook."""

    url: str
    admin: Driver
    token: str  # the admin's personal access token for the examples
    team: Dict[str, Any]
    channel: Dict[str, Any]  # the team's town-square
    bot: Dict[str, Any]  # the bot's user
    bot_token: str
    hook_url: str
    tmp: Path = Path()
    started: int = 0  # ms: posts before this are not the example's
    values: Dict[str, str] = field(default_factory=dict)

    def env(self, **extra: str) -> Dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MATTERMOST_", "MM_"))}
        env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
        env["PYTHONUNBUFFERED"] = "1"
        env.update(extra)
        return env

    def code(self, block: Block, **override: str) -> str:
        return substitute(block.code, {**self.values, **override})

    def posts(self, channel_id: Optional[str] = None) -> List[Dict[str, Any]]:
        """The posts made in the channel (town-square by default) since the example started, oldest first."""
        listing = self.admin.posts.get_posts_for_channel(
            channel_id or self.channel["id"], params={"since": self.started}
        )
        found = [p for p in listing["posts"].values() if p["create_at"] >= self.started and not p.get("type")]
        return sorted(found, key=lambda p: p["create_at"])

    def post(self, message: str, channel_id: Optional[str] = None) -> Dict[str, Any]:
        """The one post of that message made since the example started (waiting for it a little)."""

        def find() -> List[Dict[str, Any]]:
            return [p for p in self.posts(channel_id) if p["message"] == message]

        found = wait_for(find, timeout=10)
        assert len(found) == 1, f"{len(found)} posts {message!r}"
        return found[0]


@pytest.fixture(scope="module")
def world(admin: Driver, server: Dict[str, str], ledger: Ledger) -> Iterator[World]:
    me = admin.client.userid
    name = unique("docs")
    team = admin.teams.create_team({"name": name, "display_name": "Docs examples", "type": "O"})
    ledger.team(team)
    channel = admin.channels.get_channel_by_name(team["id"], "town-square")
    token = admin.users.create_user_access_token(me, {"description": "docs examples"})
    ledger.gone(f"token {token['id']}", partial(admin.users.get_user_access_token, token["id"]))
    bot = admin.bots.create_bot({"username": unique("docsbot"), "display_name": "Docs bot"})
    ledger.deactivated(
        f"bot {bot['username']}", partial(admin.bots.get_bot, bot["user_id"], {"include_deleted": True})
    )
    bot_token = admin.users.create_user_access_token(bot["user_id"], {"description": "docs bot"})
    ledger.gone(f"token {bot_token['id']}", partial(admin.users.get_user_access_token, bot_token["id"]))
    admin.teams.add_user_to_team(team["id"], {"team_id": team["id"], "user_id": bot["user_id"]})
    admin.channels.add_user(channel["id"], {"user_id": bot["user_id"]})
    hook = admin.webhooks.create_incoming_hook({"channel_id": channel["id"], "display_name": "docs"})
    ledger.gone(f"incoming webhook {hook['id']}", partial(admin.webhooks.get_incoming_hook, hook["id"]))
    host = Driver({"url": server["MM_URL"]}).options
    world = World(
        url=server["MM_URL"],
        admin=admin,
        token=token["token"],
        team=team,
        channel=channel,
        bot=admin.users.get_user(bot["user_id"]),
        bot_token=bot_token["token"],
        hook_url=f"{server['MM_URL']}/hooks/{hook['id']}",
    )
    world.values = {
        "url": world.url,
        "host": host["url"],
        "scheme": host["scheme"],
        "port": str(host["port"]),
        "token": world.token,
        "bot_token": world.bot_token,
        "hook_url": world.hook_url,
        "team": team["name"],
    }
    try:
        yield world
    finally:
        try:
            admin.webhooks.delete_incoming_webhook(hook["id"])
        finally:
            for each in (token, bot_token):
                admin.users.revoke_user_access_token({"token_id": each["id"]})
            admin.bots.disable_bot(bot["user_id"])
            ledger.delete_team(team["id"])


@pytest.fixture
def w(world: World, tmp_path: Path) -> World:
    """The world, with a scratch folder for this example and the time it starts."""
    world.tmp = tmp_path
    # the server's clock is this machine's; an earlier example's last post is not this one's
    newest = world.admin.posts.get_posts_for_channel(world.channel["id"], params={"per_page": 1})
    last = max((p["create_at"] for p in newest["posts"].values()), default=0)
    world.started = max(int(time.time() * 1000) - 1000, last + 1)
    return world


# -- running ----------------------------------------------------------------------------------------


def run(
    w: World, argv: List[str], stdin: str = "", env: Optional[Dict[str, str]] = None
) -> subprocess.CompletedProcess:
    result = subprocess.run(
        argv, cwd=w.tmp, env=env or w.env(), input=stdin, capture_output=True, text=True, timeout=RUN_TIMEOUT
    )
    for secret in (w.token, w.bot_token, w.hook_url.rsplit("/", 1)[1]):
        assert secret not in result.stderr, "a secret in the example's stderr"
    assert result.returncode == 0, (
        f"exit {result.returncode}\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    )
    return result


def run_python(w: World, code: str, *args: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess:
    (w.tmp / "example.py").write_text(code)
    return run(w, [sys.executable, "example.py", *args], stdin, w.env(**env))


def run_console(w: World, block: Block) -> subprocess.CompletedProcess:
    script = "set -euo pipefail\n" + "\n".join(console_commands(w.code(block))) + "\n"
    return run(w, ["bash", "-c", script])


def start_python(w: World, code: str, **env: str) -> subprocess.Popen:
    (w.tmp / "example.py").write_text(code)
    return subprocess.Popen(
        [sys.executable, "example.py"],
        cwd=w.tmp,
        env=w.env(**env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def interrupt(process: subprocess.Popen) -> str:
    """Ctrl-C the process, as its user would; it must end. Returns its stderr."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
    try:
        _, err = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise AssertionError("the example did not end on Ctrl-C") from None
    return err


def as_bot(w: World) -> Driver:
    return Driver({"url": w.url, "token": w.bot_token})


def reply_of_bot(w: World, root_id: str, after: int = 0) -> Optional[Dict[str, Any]]:
    thread = w.admin.posts.get_thread(root_id)["posts"].values()
    answers = [
        p for p in thread if p["user_id"] == w.bot["id"] and p["id"] != root_id and p["create_at"] >= after
    ]
    return answers[0] if answers else None


def check_bot(w: World, process: subprocess.Popen) -> None:
    """The bot answers a mention in its thread, answers a mention inside a thread at the thread's
    root, and ignores its own post that mentions it; then it stops on Ctrl-C."""
    mention = f"@{w.bot['username']}"
    post = w.admin.posts.create_post
    try:
        # it answers once its websocket is up: mention it until it does
        deadline = time.monotonic() + RUN_TIMEOUT
        while True:
            assert process.poll() is None, f"the bot ended: {process.communicate()[1][-3000:]}"
            assert time.monotonic() < deadline, "the bot never answered"
            ping = post({"channel_id": w.channel["id"], "message": f"{mention} ping"})
            try:
                answer = wait_for(partial(reply_of_bot, w, ping["id"]), timeout=3)
                break
            except AssertionError:
                continue
        assert answer["root_id"] == ping["id"] and answer["message"] == "ping"

        own = as_bot(w).posts.create_post({"channel_id": w.channel["id"], "message": f"{mention} own"})
        root = post({"channel_id": w.channel["id"], "message": "a thread"})
        reply = post(
            {"channel_id": w.channel["id"], "root_id": root["id"], "message": f"{mention} in thread"}
        )
        answer = wait_for(partial(reply_of_bot, w, root["id"]), timeout=30)
        assert answer["root_id"] == root["id"] and answer["message"] == "in thread"
        # it saw its own post first, and did not answer it
        assert reply_of_bot(w, own["id"]) is None
        # what the docs say: a reply whose root_id is a reply is refused
        with pytest.raises(InvalidOrMissingParameters):
            post({"channel_id": w.channel["id"], "root_id": reply["id"], "message": "no"})
    finally:
        err = interrupt(process)
    assert w.bot_token not in err


# -- the checks of the runnable blocks --------------------------------------------------------------


def quickstart(w: World, block: Block) -> None:
    run_python(w, w.code(block))
    w.post(f"hello from {w.admin.client.username}")


def bot_block(w: World, block: Block) -> None:
    check_bot(w, start_python(w, w.code(block)))


def readme_cron(w: World, block: Block) -> None:
    run_python(w, w.code(block))
    w.post("backup finished")


def readme_cron_cli(w: World, block: Block) -> None:
    run_console(w, block)
    assert (
        "Filesystem" in wait_for(lambda: [p for p in w.posts() if "Filesystem" in p["message"]])[0]["message"]
    )


def write_build_log(w: World) -> str:
    text = "\n".join(f"step {n}: ok" for n in range(30)) + "\n"
    (w.tmp / "build.log").write_text(text)
    return text


def readme_cli(w: World, block: Block) -> None:
    log = write_build_log(w)
    result = run_console(w, block)
    assert w.admin.client.username in result.stdout
    assert len(w.post("deploy finished")["file_ids"]) == 1
    w.post("\n".join(log.splitlines()[-20:]))
    assert len(w.post("the log")["file_ids"]) == 1
    users = json.loads(result.stdout[result.stdout.rindex("\n[") + 1 :])
    assert isinstance(users, list) and 0 < len(users) <= 5


def readme_errors(w: World, block: Block) -> None:
    out = run_python(w, w.code(block)).stdout
    assert re.fullmatch(r"404 [\w.]+\n", out), out


def cron_make_hook(w: World, block: Block) -> None:
    out = run_python(w, w.code(block)).stdout.strip()
    assert out.startswith(f"{w.url}/hooks/")
    hook_id = out.rsplit("/", 1)[1]
    try:
        assert w.admin.webhooks.get_incoming_hook(hook_id)["channel_id"] == w.channel["id"]
        Driver().webhooks.call_webhook(out, {"text": "through the new hook"})
        w.post("through the new hook")
    finally:
        w.admin.webhooks.delete_incoming_webhook(hook_id)


def cron_cli(w: World, block: Block) -> None:
    assert run_console(w, block).stdout == ""  # silent on success
    w.post("backup finished")
    w.post("disk almost full")


def cron_token_cli(w: World, block: Block) -> None:
    run_console(w, block)
    assert w.post("deploy finished")["user_id"] == w.admin.client.userid


def bots_make_bot(w: World, block: Block) -> None:
    name = unique("echo")
    code = w.code(block).replace('"username": "echo"', f'"username": "{name}"')
    out = run_python(w, code).stdout.strip()
    bot = w.admin.users.get_user_by_username(name)
    try:
        assert bot["is_bot"]
        with Driver({"url": w.url, "token": out}) as d:
            assert d.login()["id"] == bot["id"]
        assert w.admin.teams.get_team_member(w.team["id"], bot["id"])["user_id"] == bot["id"]
    finally:
        for token in w.admin.users.get_user_access_tokens_for_user(bot["id"]):
            w.admin.users.revoke_user_access_token({"token_id": token["id"]})
        w.admin.bots.disable_bot(bot["id"])


def files_resumable(w: World, block: Block) -> None:
    data = os.urandom(6 * 1024 * 1024 + 3)
    (w.tmp / "backup.tar.gz").write_bytes(data)
    out = run_python(w, w.code(block)).stdout
    assert out.splitlines()[-1] == f"{len(data)} of {len(data)} bytes"
    (file_id,) = w.post("last night's backup")["file_ids"]
    assert w.admin.files.get_file(file_id).content == data


def files_cli(w: World, block: Block) -> None:
    (w.tmp / "report.pdf").write_bytes(b"%PDF-1.4 a report\n")
    (w.tmp / "backup.tar.gz").write_bytes(os.urandom(4096))
    out = run_console(w, block).stdout.split()
    assert len(out) == 2  # two post ids
    assert w.post("files")["id"] == out[0] and len(w.post("files")["file_ids"]) == 2
    assert w.post("the report")["id"] == out[1]


def paging_users(w: World, block: Block) -> None:
    out = run_python(w, w.code(block)).stdout.split()
    assert w.admin.client.username in out and "town-square" in out and "off-topic" in out


def paging_async(w: World, block: Block) -> None:
    assert w.admin.client.username in run_python(w, w.code(block)).stdout.split()


def paging_any_route(w: World, block: Block) -> None:
    assert w.bot["username"] in run_python(w, w.code(block)).stdout.split()


def errors_fields(w: World, block: Block) -> None:
    first, second = run_python(w, w.code(block)).stdout.splitlines()
    assert re.fullmatch(r"404 [\w.]+ \w{26}", first), first
    assert second.startswith("400 "), second


def errors_timeouts(w: World, block: Block) -> None:
    assert run_python(w, w.code(block)).stdout.strip() == w.admin.client.username


def errors_rate_limit(w: World, block: Block, limited_url: str) -> None:
    out = run_python(w, w.code(block, url=limited_url)).stdout.splitlines()
    assert out[-1] == "10 calls made"
    waits = [line for line in out if line.startswith("rate limited: waiting ")]
    assert waits, "the limited server let 10 calls through at once"
    assert all(float(line.split()[3]) > 0 for line in waits)


def threads(w: World, block: Block) -> None:
    assert run_python(w, w.code(block)).stdout.strip() == "20 posts"
    for n in range(20):
        w.post(f"report {n}")


def tasks(w: World, block: Block) -> None:
    assert run_python(w, w.code(block)).stdout.strip() == "20 posts"
    for n in range(20):
        w.post(f"task {n}")


def options_example(w: World, block: Block) -> None:
    assert run_python(w, w.code(block)).stdout.strip() == w.admin.client.username


def upgrade_script(w: World, block: Block) -> None:
    run_python(w, w.code(block))
    w.post("still works")


def upgrade_websocket(w: World, block: Block) -> None:
    process = start_python(w, w.code(block))
    try:
        assert process.stdout is not None
        first = process.stdout.readline()  # the server's first event is "hello"
        assert first == "hello\n", first + (process.stderr.read() if process.poll() is not None else "")
    finally:
        interrupt(process)


def the_testing_fixture(w: World, block: Block) -> None:
    (w.tmp / "test_hello.py").write_text(w.code(block))
    result = run(w, [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_hello.py"])
    assert result.stdout.splitlines()[-1].startswith("1 passed"), result.stdout


def the_mock_transport(w: World, block: Block) -> None:
    (w.tmp / "test_greet.py").write_text(w.code(block))
    result = run(w, [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_greet.py"])
    assert result.stdout.splitlines()[-1].startswith("2 passed"), result.stdout


def cron_logout(w: World, block: Block, server: Dict[str, str]) -> None:
    me = w.admin.client.userid
    before = len(w.admin.users.get_user_sessions(me))
    env = {
        "MM_LOGIN_ID": server["MM_ADMIN_USERNAME"],
        "MM_PASSWORD": server["MM_ADMIN_PASSWORD"],
        "MM_CHANNEL_ID": w.channel["id"],
    }
    run_python(w, w.code(block), **env)
    assert w.post("backed up")["user_id"] == me
    assert len(w.admin.users.get_user_sessions(me)) == before  # the password session was logged out


def cli_tour(w: World, block: Block) -> None:
    log = write_build_log(w)
    out = run_console(w, block).stdout
    assert w.admin.client.username in out
    assert len(w.post("deploy finished")["file_ids"]) == 1
    w.post("\n".join(log.splitlines()[-20:]))
    release = w.post("release 1.2")
    assert w.post("details")["root_id"] == release["id"]
    assert len(w.post("the build log")["file_ids"]) == 1


CHECKS: Dict[str, Callable[..., None]] = {
    "quickstart": quickstart,
    "readme-bot": bot_block,
    "readme-cron": readme_cron,
    "readme-cron-cli": readme_cron_cli,
    "readme-cli": readme_cli,
    "readme-errors": readme_errors,
    "cron-make-hook": cron_make_hook,
    "cron-cli": cron_cli,
    "cron-token-cli": cron_token_cli,
    "bots-make-bot": bots_make_bot,
    "files-resumable": files_resumable,
    "files-cli": files_cli,
    "paging-users": paging_users,
    "paging-async": paging_async,
    "paging-any-route": paging_any_route,
    "errors-fields": errors_fields,
    "errors-timeouts": errors_timeouts,
    "errors-rate-limit": errors_rate_limit,
    "threads": threads,
    "tasks": tasks,
    "options-example": options_example,
    "async-quickstart": quickstart,
    "upgrade-732-script": upgrade_script,
    "upgrade-732-websocket": upgrade_websocket,
    "cli-tour": cli_tour,
    "testing-fixture": the_testing_fixture,
    "testing-mock-transport": the_mock_transport,
    "cron-logout": cron_logout,
    "events-bot": bot_block,
    "events-async-bot": bot_block,
}


@pytest.mark.parametrize("name", sorted(runnable_blocks()))
def test_runnable_block(name: str, w: World, request: pytest.FixtureRequest) -> None:
    block = runnable_blocks()[name]
    if name == "errors-rate-limit":
        CHECKS[name](w, block, request.getfixturevalue("limited_server"))
    elif name == "cron-logout":
        CHECKS[name](w, block, request.getfixturevalue("server"))
    else:
        CHECKS[name](w, block)


# -- the scripts of examples/ ---------------------------------------------------------------------


def script(name: str) -> str:
    return (ROOT / "examples" / name).read_text(encoding="utf-8")


def example_env(w: World, token: Optional[str] = None) -> Dict[str, str]:
    return {"MM_URL": w.url, "MM_TOKEN": token or w.token}


def echo_bot(w: World, name: str) -> None:
    check_bot(w, start_python(w, script(name), **example_env(w, w.bot_token)))


def cron_webhook(w: World, name: str) -> None:
    run_python(w, script(name), stdin="disk: 91% full\n", MATTERMOST_WEBHOOK_URL=w.hook_url)
    w.post("```\ndisk: 91% full\n```")


def files_example(w: World, name: str) -> None:
    data = os.urandom(3 * 1024 * 1024 + 17)
    (w.tmp / "report.bin").write_bytes(data)
    result = run_python(w, script(name), f"{w.team['name']}/town-square", "report.bin", **example_env(w))
    posted = re.match(r"posted (\w{26}) with file (\w{26})\n", result.stdout)
    assert posted, result.stdout
    post = w.post("here is report.bin")
    assert post["id"] == posted.group(1) and post["file_ids"] == [posted.group(2)]
    assert w.admin.files.get_file(posted.group(2)).content == data
    assert (w.tmp / "report.bin.copy").read_bytes() == data
    assert result.stderr.count("100%") == 2  # the upload's bar, then the download's


def export_channel(w: World, name: str) -> None:
    channel = w.admin.channels.create_channel(
        {"team_id": w.team["id"], "name": unique("export"), "display_name": "Export", "type": "O"}
    )
    messages = [f"post {n}" for n in range(5)]
    for message in messages:
        w.admin.posts.create_post({"channel_id": channel["id"], "message": message})
    result = run_python(w, script(name), f"{w.team['name']}/{channel['name']}", **example_env(w))
    exported = [json.loads(line)["message"] for line in result.stdout.splitlines()]
    assert [m for m in exported if m.startswith("post ")] == messages[::-1]  # newest first
    assert result.stderr.strip() == f"{len(exported)} posts"


def admin_script(w: World, name: str) -> None:
    username = unique("idle")
    user = w.admin.users.create_user(
        {"username": username, "email": f"{username}@example.com", "password": f"Pw-{uuid.uuid4().hex}"}
    )
    try:
        w.admin.teams.add_user_to_team(w.team["id"], {"team_id": w.team["id"], "user_id": user["id"]})
        out = run_python(w, script(name), w.team["name"], **example_env(w)).stdout
        assert f"never active: {username}\n" in out
        assert w.admin.users.get_user(user["id"])["delete_at"] == 0  # not without --apply
    finally:
        w.admin.users.deactivate_user(user["id"])


def demo(w: World, name: str) -> None:
    out = run_python(w, script(name), **example_env(w)).stdout
    team = re.search(r"^team (demo-\w+),", out, re.M)
    assert team, out
    try:
        assert out.endswith("done\n") and "websocket event 'posted'" in out
    finally:
        # the demo archives its team; remove it for good
        found = w.admin.teams.search_teams({"term": team.group(1), "include_deleted": True})
        for each in found if isinstance(found, list) else []:
            if each["name"] == team.group(1):
                w.admin.teams.delete_team(each["id"], params={"permanent": "true"})


EXAMPLES: Dict[str, Callable[[World, str], None]] = {
    "echo_bot.py": echo_bot,
    "async_echo_bot.py": echo_bot,
    "cron_webhook.py": cron_webhook,
    "files.py": files_example,
    "export_channel.py": export_channel,
    "admin_script.py": admin_script,
    "demo.py": demo,
}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_script(name: str, w: World) -> None:
    EXAMPLES[name](w, name)
