"""The Mattermost server processes: their port, config, start, readiness, stop, and the first admin."""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Tuple

from .layout import Failure, executable_of, log, pid_alive, read_pid, wait_until
from .postgres import tail

PORT_RANGE = (10000, 32767)  # below Linux's default ephemeral range, whose ports outgoing connections take


def ephemeral_ports() -> Tuple[int, int]:
    try:
        low, high = Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()
        return int(low), int(high)
    except (OSError, ValueError):
        return 32768, 60999


def port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def choose_port(
    requested: Optional[str],
    avoid: Iterable[int] = (),
    is_free: Callable[[int], bool] = port_free,
    rng: Optional[random.Random] = None,
) -> int:
    """``requested`` (MM_PORT) if given, else a free port on 127.0.0.1 outside the ephemeral range.

    A port of the ephemeral range could be taken as the source port of an outgoing connection
    in the seconds between this choice and the server's bind.
    """
    if requested:
        if not requested.isdigit() or not 0 < int(requested) < 65536:
            raise Failure(f"not a port number: {requested!r}")
        if not is_free(int(requested)):
            raise Failure(f"port {requested} on 127.0.0.1 is in use; choose another one")
        return int(requested)
    low, high = ephemeral_ports()
    candidates = [p for p in range(*PORT_RANGE) if not low <= p <= high and p not in set(avoid)]
    for port in (rng or random.Random()).sample(candidates, min(200, len(candidates))):
        if is_free(port):
            return port
    raise Failure(f"no free port on 127.0.0.1 in {PORT_RANGE[0]}-{PORT_RANGE[1]}; set MM_PORT")


def config(
    *, port: int, run_dir: Path, local_socket: Path, dsn: str, ratelimit: bool = False
) -> Dict[str, Any]:
    """The server's config.json.

    Settings live here rather than in MM_* environment variables, because env overrides cannot
    be changed at run time (through the API) and the tests change some.
    """
    url = f"http://127.0.0.1:{port}"
    return {
        "ServiceSettings": {
            "SiteURL": url,
            "ListenAddress": f"127.0.0.1:{port}",
            "WebserverMode": "disabled",
            "EnableUserAccessTokens": True,
            "EnableBotAccountCreation": True,
            "EnableIncomingWebhooks": True,
            "EnableOutgoingWebhooks": True,
            "EnableCommands": True,
            "EnablePostUsernameOverride": True,
            "EnablePostIconOverride": True,
            "EnableOAuthServiceProvider": True,
            "AllowedUntrustedInternalConnections": "127.0.0.1 localhost ::1",
            "EnableAPIUserDeletion": True,
            "EnableAPITeamDeletion": True,
            "EnableAPIChannelDeletion": True,
            "EnableCustomEmoji": True,
            "EnableLinkPreviews": False,
            "EnableSecurityFixAlert": False,
            "EnableDeveloper": False,
            "EnableTesting": False,
            "EnableLocalMode": True,
            "LocalModeSocketLocation": str(local_socket),
        },
        "TeamSettings": {"EnableOpenServer": True, "EnableUserCreation": True, "MaxUsersPerTeam": 1000},
        "EmailSettings": {
            "EnableSignUpWithEmail": True,
            "RequireEmailVerification": False,
            "SendEmailNotifications": False,
        },
        "RateLimitSettings": {
            "Enable": ratelimit,
            "PerSec": 5,
            "MaxBurst": 10,
            "MemoryStoreSize": 10000,
            "VaryByRemoteAddr": True,
            "VaryByUser": False,
        },
        "FileSettings": {
            "DriverName": "local",
            "Directory": f"{run_dir / 'data'}/",
            "MaxFileSize": 104857600,
            "EnablePublicLink": True,
        },
        "LogSettings": {
            "EnableConsole": True,
            "ConsoleLevel": "INFO",
            "ConsoleJson": False,
            "EnableFile": False,
            "EnableDiagnostics": False,
            "EnableSentry": False,
        },
        "PluginSettings": {
            "Enable": False,
            "EnableUploads": False,
            "EnableMarketplace": False,
            "EnableRemoteMarketplace": False,
            "AutomaticPrepackagedPlugins": False,
        },
        "AnnouncementSettings": {"AdminNoticesEnabled": False, "UserNoticesEnabled": False},
        "SqlSettings": {"DriverName": "postgres", "DataSource": dsn, "MaxOpenConns": 20, "MaxIdleConns": 10},
    }


# A second server on the same database with the rate limiter on (1 request a second, bursts of 2,
# one bucket for every caller), for the tests of 429 and Retry-After. It runs no jobs. Its settings
# go in as environment overrides, so that the main server's config file stays as it is.
def limited_overrides(port: int) -> Dict[str, str]:
    return {
        "MM_SERVICESETTINGS_LISTENADDRESS": f"127.0.0.1:{port}",
        "MM_SERVICESETTINGS_SITEURL": f"http://127.0.0.1:{port}",
        "MM_RATELIMITSETTINGS_ENABLE": "true",
        "MM_RATELIMITSETTINGS_PERSEC": "1",
        "MM_RATELIMITSETTINGS_MAXBURST": "2",
        "MM_RATELIMITSETTINGS_VARYBYREMOTEADDR": "false",
        "MM_RATELIMITSETTINGS_VARYBYUSER": "false",
        "MM_JOBSETTINGS_RUNJOBS": "false",
        "MM_JOBSETTINGS_RUNSCHEDULER": "false",
    }


class Process:
    """One server process of this checkout, known by its pid file."""

    def __init__(self, binary: Path, run_dir: Path, pidfile: Path, logfile: Path) -> None:
        self.binary, self.run_dir, self.pidfile, self.logfile = binary, run_dir, pidfile, logfile

    def pid(self) -> Optional[int]:
        """The pid if the recorded process still runs a mattermost binary (never a recycled pid)."""
        pid = read_pid(self.pidfile)
        if pid is None or not pid_alive(pid):
            return None
        if not executable_of(pid).endswith("/mattermost"):
            return None
        return pid

    def launch(self, config_file: Path, extra_env: Mapping[str, str] = {}) -> int:
        if self.logfile.exists() and self.logfile.stat().st_size:
            os.replace(self.logfile, self.logfile.with_name(self.logfile.name + ".1"))
        env = dict(os.environ, MM_CONFIG=str(config_file), MM_SERVICEENVIRONMENT="test", **extra_env)
        with open(self.logfile, "ab") as out:
            proc = subprocess.Popen(
                [str(self.binary), "server"],
                cwd=self.run_dir,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=out,
                start_new_session=True,
            )
        self.pidfile.write_text(f"{proc.pid}\n")
        self._proc = proc
        log(f"server pid {proc.pid}, log {self.logfile}")
        return proc.pid

    def wait_ready(self, url: str, timeout: float) -> None:
        """Poll /api/v4/system/ping until it answers OK; fail with the log's tail otherwise."""
        pid = read_pid(self.pidfile)
        if not wait_until(lambda: ping_ok(url) or pid is None or not pid_alive(pid), timeout, 0.5):
            raise Failure(
                f"no OK from {url}/api/v4/system/ping within {timeout:.0f} s (MM_START_TIMEOUT); "
                f"server left running, pid {pid}\n{tail(self.logfile, 50)}"
            )
        if pid is None or not pid_alive(pid):
            self.pidfile.unlink(missing_ok=True)
            raise Failure(
                f"the server exited before answering {url}/api/v4/system/ping\n{tail(self.logfile)}"
            )

    def stop(self, timeout: float) -> None:
        """SIGTERM, then SIGKILL after ``timeout`` seconds (harmless: every start copies the template)."""
        pid = self.pid()
        if pid is not None:
            log(f"step: stop server (pid {pid})")
            os.kill(pid, signal.SIGTERM)
            if not wait_until(lambda: not pid_alive(pid), timeout):
                log(f"server did not stop within {timeout:.0f} s; sending SIGKILL")
                os.kill(pid, signal.SIGKILL)
                if not wait_until(lambda: not pid_alive(pid), 10):
                    raise Failure(f"server pid {pid} survived SIGKILL")
            proc = getattr(self, "_proc", None)
            if proc is not None:
                proc.wait()  # reap it
        self.pidfile.unlink(missing_ok=True)


def ping_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/api/v4/system/ping", timeout=3) as resp:  # noqa: S310
            return bool(json.loads(resp.read()).get("status") == "OK")
    except (OSError, ValueError):
        return False


def _call(url: str, what: str, method: str, path: str, body: Any = None, token: str = "") -> Tuple[Any, Any]:
    log(f"  {what}: {method} {path}")
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url + path, method=method, data=data)  # noqa: S310
    req.add_header("Content-Type", "application/json")
    req.add_header("X-Requested-With", "XMLHttpRequest")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:  # noqa: S310
            return resp.headers, json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as err:
        raise Failure(f"{what} failed: HTTP {err.code} {err.read().decode(errors='replace')[:500]}") from None
    except OSError as err:
        raise Failure(f"{what} failed: {err}") from None


def bootstrap(url: str, username: str, password: str, email: str) -> Dict[str, str]:
    """The first user (who becomes system admin), a login, a personal access token: the env values."""
    _, user = _call(
        url, "create first user (system admin)", "POST", "/api/v4/users",
        {"username": username, "password": password, "email": email},
    )  # fmt: skip
    if "system_admin" not in user.get("roles", ""):
        raise Failure(f"the first user did not become system admin (roles: {user.get('roles')!r})")
    login = {"login_id": username, "password": password}
    headers, _ = _call(url, "log in", "POST", "/api/v4/users/login", login)
    session = headers.get("Token")
    if not session:
        raise Failure("log in failed: no Token header in the response")
    _, pat = _call(
        url, "create personal access token", "POST", f"/api/v4/users/{user['id']}/tokens",
        {"description": "mattermostdriver functional tests"}, token=session,
    )  # fmt: skip
    headers, _ = _call(url, "check token", "GET", "/api/v4/users/me", token=pat["token"])
    version_id = headers.get("X-Version-Id", "")  # <version>.<build number>.<config hash>.<licensed>
    return {
        "MM_URL": url,
        "MM_TOKEN": pat["token"],
        "MM_ADMIN_USERNAME": username,
        "MM_ADMIN_PASSWORD": password,
        "MM_ADMIN_EMAIL": email,
        "MM_ADMIN_USER_ID": user["id"],
        "MM_SERVER_VERSION": ".".join(version_id.split(".")[:3]),
        "MM_SERVER_VERSION_ID": version_id,
    }


def wait_for_background_migrations(count: Callable[[str], str], timeout: float, logfile: Path) -> None:
    """Wait for the data migrations the job server runs after start-up (advanced permissions phase 2,
    which schemes need, and a few clean-ups), so that the template holds a fully migrated database.
    """
    log("step: wait for the server's background migration jobs")
    state: List[str] = ["", ""]

    def done() -> bool:
        state[0] = count("SELECT count(*) FROM systems WHERE name = 'migration_advanced_permissions_phase_2'")
        state[1] = count("SELECT count(*) FROM jobs WHERE status IN ('pending', 'in_progress')")
        return state == ["1", "0"]

    if not wait_until(done, timeout, 1.0):
        raise Failure(
            f"background migrations not done after {timeout:.0f} s (phase 2 done: {state[0]}, jobs pending: "
            f"{state[1]})\n{tail(logfile, 50)}"
        )
    log("background migrations done")


def elapsed(since: float) -> str:
    return f"{time.monotonic() - since:.1f} s"
