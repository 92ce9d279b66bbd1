"""Where the test server's files live, and the small helpers every step shares.

Two kinds of files:

* **Build caches, shared by every checkout** of the project on the machine, under ``MMD_HOME``
  (default ``~/.cache/mattermostdriver``): ``gomod/`` and ``gobuild/`` (Go's module and build
  caches), ``gopath/`` and ``goconfig/`` (what the go command writes besides them), and
  ``server-<server/v8 pseudo-version>/`` (the built binary with its ``i18n/``, ``templates/`` and
  ``fonts/``). A change of the version pinned in ``tests/server/go.mod`` builds a new binary.
* **Server state, private to one checkout**, in ``MMD_HOME/checkouts/<name>-<hash of its path>/``
  (or ``MMD_STATE``), outside the checkout: the PostgreSQL data directory, the server's run folder
  and config, the logs, the pid files and the env file that the functional tests read. Two
  checkouts never share a server or a database.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import re
import shlex
import stat
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Dict, Iterator, Mapping, Optional

ROOT = Path(__file__).resolve().parents[2]
GO_MODULE_DIR = Path(__file__).resolve().parent
SERVER_MODULE = "github.com/mattermost/mattermost/server/v8"
SOCKET_PATH_MAX = 100  # sun_path holds 108 bytes on Linux; keep a margin


class Failure(Exception):
    """A step failed; the message says which and what to do."""


def log(message: str) -> None:
    print(f"[mattermost-server] {message}", file=sys.stderr, flush=True)


def mmd_home(environ: Mapping[str, str] = os.environ) -> Path:
    """The shared build caches (``MMD_HOME``)."""
    return Path(environ.get("MMD_HOME") or Path.home() / ".cache" / "mattermostdriver")


def checkout_key(root: Path = ROOT) -> str:
    """A name for the checkout at ``root``: its folder's name and a hash of its whole path."""
    return f"{root.name}-{hashlib.sha256(str(root.absolute()).encode()).hexdigest()[:12]}"


def state_dir(environ: Mapping[str, str] = os.environ, root: Path = ROOT) -> Path:
    """This checkout's server state: ``MMD_STATE``, default ``MMD_HOME/checkouts/<checkout_key>``."""
    state = environ.get("MMD_STATE")
    if state:
        return Path(state).absolute()
    return (mmd_home(environ) / "checkouts" / checkout_key(root)).absolute()


def env_file(environ: Mapping[str, str] = os.environ, root: Path = ROOT) -> Path:
    """The env file of this checkout's running server: ``MM_URL``, ``MM_TOKEN``, ``MM_ADMIN_*``..."""
    return state_dir(environ, root) / "env"


def server_version(go_mod: Path = GO_MODULE_DIR / "go.mod") -> str:
    """The ``server/v8`` pseudo-version pinned in the wrapper module: the key of the built binary."""
    match = re.search(rf"^\s*(?:require\s+)?{re.escape(SERVER_MODULE)}\s+(v\S+)", go_mod.read_text(), re.M)
    if not match:
        raise Failure(f"cannot find the {SERVER_MODULE} requirement in {go_mod}")
    return match.group(1)


def server_dir(home: Path, version: str) -> Path:
    return home / f"server-{version}"


def read_env(path: Path) -> Dict[str, str]:
    """The ``KEY=value`` lines of an env file (values may be shell-quoted; ``export`` is allowed)."""
    values: Dict[str, str] = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        if key.startswith("export "):
            key = key[len("export ") :]
        parts = shlex.split(value)
        values[key.strip()] = parts[0] if parts else ""
    return values


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` readable by its owner only, replacing it in one step."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def format_env(values: Mapping[str, str]) -> str:
    return "".join(f"{key}={shlex.quote(value)}\n" for key, value in values.items())


def private_dir(path: Path) -> Path:
    """Create ``path`` (mode 0700), or check that it is a real directory of this user's that no one
    else can write to (so no one else can put or replace a socket in it).
    """
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = os.lstat(path)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid() or info.st_mode & 0o022:
        raise Failure(f"{path} is not a directory of this user's that only it can write to; remove it")
    return path


def socket_dir(state: Path) -> Path:
    """A private folder for the unix sockets (PostgreSQL's, the server's local mode).

    Inside the state folder when its path is short enough for a socket, else a folder of this user's
    in the temporary directory, named after the state folder (so still one per checkout).
    """
    inside = state / "sockets"
    if len(str(inside / "mattermost_local.socket")) <= SOCKET_PATH_MAX:
        return inside
    digest = hashlib.sha256(str(state).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"mattermostdriver-{os.geteuid()}-{digest}"


def pid_alive(pid: int) -> bool:
    """True while the process runs (a zombie, an exited child not yet reaped, counts as dead)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rpartition(")")[2].split()[0] != "Z"
    except OSError:
        return False


def read_pid(path: Path) -> Optional[int]:
    try:
        text = path.read_text().strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def executable_of(pid: int) -> str:
    """The path of the program the process runs ("" when it cannot be read).

    A program replaced since the process started (rebuilt, reinstalled, cleaned) still counts:
    the kernel shows its path as ``"... (deleted)"``, which is given without that mark.
    """
    try:
        return os.readlink(f"/proc/{pid}/exe").replace(" (deleted)", "")
    except OSError:
        return ""


def wait_until(condition: Callable[[], bool], timeout: float, interval: float = 0.2) -> bool:
    """Poll ``condition`` until it holds (True) or ``timeout`` seconds pass (False)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)
    return True


@contextmanager
def locked(path: Path, what: str, timeout: float = 900) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created if missing) for the block."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as f:
        deadline = time.monotonic() + timeout
        told = False
        while True:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as e:
                if e.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
            if not told:
                log(f"waiting for {what} ({path}), held by another invocation")
                told = True
            if time.monotonic() >= deadline:
                raise Failure(f"{what} ({path}) still held by another invocation after {timeout:.0f} s")
            time.sleep(0.5)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)
