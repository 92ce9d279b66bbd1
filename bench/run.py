"""Benchmarks: mattermostdriver against the transport under it, requests.Session, and the peers.

Run from the repository root (loopback only; a few minutes on 2 cores):

    bench/run                                # everything (installs nginx-light if missing)
    bench/run --quick                        # fewer rounds, no 1 GB transfers

It starts its own nginx (Debian's ``nginx-light`` or ``nginx``) as a separate master on
127.0.0.1 with a self-signed certificate, config and files in a temporary directory,
serving fixed JSON over TLS, discarding uploads and serving sparse files as downloads; it
stops it at the end. The peers a user would pick instead (mattermostdriver 7.3.2,
mattermostautodriver 11.11.1, matterapi 0.5.0) are installed from PyPI, each into its own
virtualenv (~/.cache/mattermostdriver/bench-venv-<name>). Every measurement runs in a
fresh interpreter started outside the checkout (``bench/worker.py``,
``bench/async_worker.py``); every ratio printed is measured in this run, each contender
beside a yardstick in the same interpreter (a raw urllib3 pool; for async, raw aiohttp),
in rounds that alternate them. ``bench/concurrency.py`` measures many threads (tasks) on one
driver beside the raw transport with the same cap on connections, and the memory over
100,000 calls.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List, Optional

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from tls_server import Nginx  # noqa: E402

HOME = Path(os.environ.get("MMD_HOME", Path.home() / ".cache" / "mattermostdriver"))
MB = 1000 * 1000
MiB = 1024 * 1024
# A plain Session honours REQUESTS_CA_BUNDLE over its own `verify`; the workers trust the bench CA.
WORKER_ENV = {k: v for k, v in os.environ.items() if k not in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE")}
# The workers run outside the checkout, so that no interpreter imports the checkout by accident.
OUTSIDE = tempfile.gettempdir()

#: The peers a user would pick instead, each installed into its own venv (with the urllib3 the
#: yardstick needs): name -> pip requirements.
PEERS: Dict[str, List[str]] = {
    "732": ["mattermostdriver==7.3.2"],
    "autodriver": ["mattermostautodriver==11.11.1", "urllib3>=2", "aiohttp>=3.9"],
    "matterapi": ["matterapi==0.5.0", "urllib3>=2", "aiohttp>=3.9"],
}
LABELS = {
    "urllib3": "raw urllib3 pool",
    "session": "requests.Session",
    "ours": "mattermostdriver {ours}",
    "732": "mattermostdriver 7.3.2",
    "autodriver": "mattermostautodriver 11.11.1 TypedDriver",
    "matterapi": "matterapi 0.5.0 SyncClient",
}
ASYNC_LABELS = {
    "aiohttp": "raw aiohttp ClientSession",
    "httpx": "raw httpx.AsyncClient",
    "ours": "AsyncDriver {ours} (aiohttp)",
    "ours-threads": "AsyncDriver {ours} without aiohttp (threads)",
    "urllib3-threads": "thread pool (8) over a raw urllib3 pool",
    "autodriver": "mattermostautodriver 11.11.1 AsyncTypedDriver",
    "matterapi": "matterapi 0.5.0 AsyncClient",
}


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def peer_python(name: str) -> Optional[str]:
    """The interpreter of a peer's venv, installed on first use; None if that is not possible."""
    venv = HOME / f"bench-venv-{name}"
    python = venv / "bin" / "python"
    module = {"732": "mattermostdriver", "autodriver": "mattermostautodriver", "matterapi": "matterapi"}[name]
    if python.exists():
        check = subprocess.run([str(python), "-c", f"import {module}"], capture_output=True, cwd=OUTSIDE)
        if check.returncode == 0:
            return str(python)
    log(f"installing {' '.join(PEERS[name])} into {venv}")
    try:
        subprocess.run(["python3", "-m", "venv", "--clear", str(venv)], check=True, capture_output=True)
        subprocess.run(
            [str(venv / "bin" / "pip"), "install", "-q", *PEERS[name]],
            check=True,
            capture_output=True,
            cwd=OUTSIDE,
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        log(f"{name} not available: {exc}")
        return None
    return str(python)


def worker(python: str, *args: Any, timeout: float = 600) -> Dict[str, Any]:
    """Run bench/worker.py in a fresh interpreter, outside the checkout, and return the JSON it prints.

    It is started through a shell that forks it (not exec): on Linux a process exec'd
    straight from this one starts with this one's RSS as its ru_maxrss.
    """
    cmd = ["/bin/sh", "-c", '"$@"; exit $?', "sh", python, str(HERE / "worker.py"), *map(str, args)]
    done = subprocess.run(cmd, capture_output=True, text=True, env=WORKER_ENV, timeout=timeout, cwd=OUTSIDE)
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"{' '.join(cmd[6:8])} failed: {done.stderr.strip()[-600:]}")
    result: Dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# -- the measurements -----------------------------------------------------------------------------
def throughput(server: Nginx, peers: Dict[str, str], quick: bool) -> Dict[str, Any]:
    """Each interpreter measures its contenders against the same yardstick, a raw urllib3 pool."""
    # many short rounds, the contenders alternating: the machine's load drifts, the ratio holds
    common = ["--port", server.port, "--ca", server.ca, "--rounds", 40 if quick else 120, "--n", 10]
    log("throughput: ours, requests.Session and a raw urllib3 pool")
    results: Dict[str, Any] = {
        "ours": worker(sys.executable, "throughput", *common, "--contenders", "session,ours")
    }
    for name, python in peers.items():
        log(f"throughput: {name} and a raw urllib3 pool, in {name}'s venv")
        contender = "ours" if name == "732" else name
        try:
            results[name] = worker(python, "throughput", *common, "--contenders", contender)
        except RuntimeError as exc:
            log(f"{name}: {exc}")
    return results


def async_worker(python: str, *args: Any, timeout: float = 900) -> Dict[str, Any]:
    """Run bench/async_worker.py in a fresh interpreter, outside the checkout."""
    cmd = [python, str(HERE / "async_worker.py"), *map(str, args)]
    done = subprocess.run(cmd, capture_output=True, text=True, env=WORKER_ENV, timeout=timeout, cwd=OUTSIDE)
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"async_worker failed: {done.stderr.strip()[-600:]}")
    result: Dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def async_throughput(server: Nginx, peers: Dict[str, str], quick: bool) -> Dict[str, Any]:
    """2000 requests, 64 in flight, on one loop: each interpreter against the raw aiohttp yardstick."""
    results: Dict[str, Any] = {}
    rounds = 3 if quick else 7
    for op in ("get", "post"):
        common = ["--port", server.port, "--ca", server.ca, "--op", op, "--rounds", rounds]
        log(f"async {op}: ours and raw aiohttp")
        measured = {"ours": async_worker(sys.executable, *common, "--contenders", "ours")}
        log(f"async {op}: ours without aiohttp, a thread pool over urllib3, and raw aiohttp")
        measured["threads"] = async_worker(
            sys.executable, *common, "--contenders", "ours-threads,urllib3-threads"
        )
        for name in ("autodriver", "matterapi"):
            if name not in peers or (name == "matterapi" and op == "post"):
                continue
            log(f"async {op}: {name}, raw httpx and raw aiohttp, in {name}'s venv")
            contenders = f"{name},httpx" if name == "autodriver" else name
            try:
                measured[name] = async_worker(peers[name], *common, "--contenders", contenders)
            except RuntimeError as exc:
                log(f"{name}: {exc}")
        results[op] = measured
    return results


def concurrency(server: Nginx, quick: bool) -> Dict[str, Any]:
    """Threads on one Driver and tasks on one AsyncDriver, each beside its raw transport with the same cap."""
    results: Dict[str, Any] = {}
    common = ["--port", server.port, "--ca", server.ca]
    for command, extra in (
        ("threads", ["--rounds", 6 if quick else 16]),
        ("tasks", ["--rounds", 3 if quick else 8]),
        ("rss", ["--calls", 20_000 if quick else 100_000]),
    ):
        log(f"concurrency: {command} (bench/concurrency.py)")
        cmd = [sys.executable, str(HERE / "concurrency.py"), command, *map(str, common + extra)]
        done = subprocess.run(cmd, capture_output=True, text=True, env=WORKER_ENV, timeout=1200, cwd=OUTSIDE)
        if done.returncode != 0 or not done.stdout.strip():
            raise RuntimeError(f"concurrency.py {command} failed: {done.stderr.strip()[-600:]}")
        results[command] = json.loads(done.stdout.strip().splitlines()[-1])
    return results


def real_server(quick: bool) -> Optional[Dict[str, Any]]:
    """GET /api/v4/users/me on the project's test server, if it runs (scripts/mattermost-server)."""
    sys.path.insert(0, str(ROOT))
    from tests.server.layout import env_file as server_env_file
    from tests.server.layout import read_env

    env_file = server_env_file()
    if not env_file.exists():
        return None
    values = read_env(env_file)
    url, token = values.get("MM_URL", ""), values.get("MM_TOKEN", "")
    match = re.match(r"^(https?)://([^:/]+):(\d+)$", url.rstrip("/"))
    if not match or not token:
        return None
    import urllib.request

    try:
        urllib.request.urlopen(f"{url}/api/v4/system/ping", timeout=2).read()
    except OSError:
        return None
    scheme, host, port = match.groups()
    log("throughput: the real Mattermost server")
    return worker(
        sys.executable,
        "throughput",
        "--scheme", scheme, "--host", host, "--port", port, "--token", token,
        "--path", "/users/me", "--rounds", 30 if quick else 100, "--n", 10, "--contenders", "session,ours",
    )  # fmt: skip


def memory(server: Nginx, py732: Optional[str], sizes: List[int]) -> Dict[str, Any]:
    server.add_file("tiny", 16)
    results: Dict[str, Any] = {}
    for size in sizes:
        name = f"file{size}"
        source = server.add_file(name, size)
        with source.open("rb") as fp:  # fill the page cache first, for every contender alike
            while fp.read(8 * MiB):
                pass
        for op in ("upload", "download"):
            for impl, python in (("ours", sys.executable), ("async", sys.executable), ("732", py732)):
                if python is None:
                    continue
                log(f"memory: {impl} {op} {size // MB} MB")
                results[f"{impl} {op} {size}"] = worker(
                    python,
                    "memory-async" if impl == "async" else "memory",
                    "--port", server.port, "--ca", server.ca, "--op", op, "--size", size,
                    "--source", source, "--file-id", name,
                )  # fmt: skip
        source.unlink()
    return results


def import_time(reps: int) -> Dict[str, Any]:
    """Median import time in fresh interpreters, in-process and as whole `python -c` runs."""
    code = "import time; t = time.perf_counter(); import {0}; print(time.perf_counter() - t)"
    inside: Dict[str, List[float]] = {"requests": [], "mattermostdriver": []}
    whole: Dict[str, List[float]] = {"requests": [], "mattermostdriver": []}
    # as pip does at install time (requests' bytecode is there): else a PYTHONDONTWRITEBYTECODE
    # environment would compile the checkout's modules at every import
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "mattermostdriver")], check=True)
    log(f"import time: {reps} fresh interpreters each")
    for _ in range(reps):
        for module in inside:
            started = time.perf_counter()
            out = subprocess.run([sys.executable, "-c", code.format(module)], capture_output=True, text=True)
            if out.returncode != 0:
                raise RuntimeError(f"import {module} failed: {out.stderr.strip()[-300:]}")
            whole[module].append(time.perf_counter() - started)
            inside[module].append(float(out.stdout))
    extra = _extra_imports()
    return {
        "inside": {k: statistics.median(v) for k, v in inside.items()},
        "whole": {k: statistics.median(v) for k, v in whole.items()},
        "extra": extra,
    }


def _extra_imports() -> List[str]:
    """The heaviest modules `import mattermostdriver` loads beyond what `import requests` loads."""

    def self_times(module: str) -> Dict[str, int]:
        out = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", f"import {module}"], capture_output=True, text=True
        )
        times: Dict[str, int] = {}
        for line in out.stderr.splitlines():
            parts = line.split("|")
            if (
                line.startswith("import time:")
                and len(parts) == 3
                and parts[0].split(":")[1].strip().isdigit()
            ):
                times[parts[2].strip()] = int(parts[0].split(":")[1])
        return times

    base, ours = self_times("requests"), self_times("mattermostdriver")
    extra = {k: v for k, v in ours.items() if k not in base}
    own = sum(v for k, v in extra.items() if k.startswith("mattermostdriver"))
    others = sorted(((v, k) for k, v in extra.items() if not k.startswith("mattermostdriver")), reverse=True)
    stdlib = sum(v for v, _ in others)
    top = ", ".join(f"{k} {v / 1000:.1f}" for v, k in others[:6])
    count = sum(k.startswith("mattermostdriver") for k in extra)
    return [
        f"-X importtime self times: mattermostdriver's own {count} modules {own / 1000:.1f} ms;",
        f"{len(others)} other modules that requests does not load {stdlib / 1000:.1f} ms (heaviest: {top})",
    ]


def websocket() -> Optional[Dict[str, Any]]:
    script = HERE / "bench_websocket.py"
    if not script.exists():
        return None
    log("websocket: bench/bench_websocket.py")
    try:
        done = subprocess.run(
            [sys.executable, str(script)],
            capture_output=True,
            text=True,
            timeout=240,
            cwd=str(ROOT),
            env=WORKER_ENV,
        )
    except subprocess.TimeoutExpired:
        return {"error": "timed out after 240 s"}
    lines = done.stdout.strip().splitlines()
    ratio: Optional[float] = None
    for line in reversed(lines):
        try:
            data = json.loads(line)
        except ValueError:
            data = None
        if isinstance(data, dict) and "ratio" in data:
            ratio = float(data["ratio"])
            break
        match = re.search(r"ratio\D{0,20}?(\d+(?:\.\d+)?)", line, re.IGNORECASE)
        if match:
            ratio = float(match.group(1))
            break
    return {"ratio": ratio, "output": lines[-8:], "returncode": done.returncode, "stderr": done.stderr[-400:]}


def listeners(quick: bool) -> Optional[Dict[str, Any]]:
    """Threads, RSS and events/s of 1, 10 and 100 listeners, sync and async, beside raw websockets."""
    script = HERE / "bench_listeners.py"
    log("websocket listeners: bench/bench_listeners.py")
    done = subprocess.run(
        [sys.executable, str(script), "--rounds", "1" if quick else "3"],
        capture_output=True,
        text=True,
        timeout=1800,
        cwd=OUTSIDE,
        env=WORKER_ENV,
    )
    lines = done.stdout.strip().splitlines()
    rows = json.loads(lines.pop())["listeners"] if lines and lines[-1].startswith("{") else None
    return {"table": lines, "rows": rows, "returncode": done.returncode, "stderr": done.stderr[-600:]}


# -- the table ------------------------------------------------------------------------------------
def row(cells: List[str], widths: List[int]) -> str:
    return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))


def table(header: List[str], rows: List[List[str]]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = [row(header, widths), row(["-" * w for w in widths], widths)]
    lines += [row(r, widths) for r in rows]
    return "\n".join(lines)


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def report(results: Dict[str, Any], versions: Dict[str, str]) -> str:
    out = [
        f"mattermostdriver {versions['ours']} benchmarks: loopback, nginx {versions['nginx']} over TLS, "
        f"Python {platform.python_version()}, requests {versions['requests']}, {os.cpu_count()} CPUs",
        "Every ratio below was measured in this run.",
    ]
    out += ["", *throughput_table(results, versions)]
    out += ["", *async_table(results.get("async") or {}, versions)]
    out += ["", *concurrency_table(results.get("concurrency"))]
    out += ["", *memory_table(results.get("memory") or {})]
    out += ["", *import_table(results.get("imports"))]
    out += ["", *websocket_lines(results.get("websocket"))]
    out += ["", *listener_lines(results.get("listeners"))]
    return "\n".join(out)


def throughput_table(results: Dict[str, Any], versions: Dict[str, str]) -> List[str]:
    tp = results.get("throughput") or {}
    ours = tp.get("ours")
    if not ours:
        return ["Throughput: not measured"]
    lines: List[str] = []
    for op, title in (("get", "GET /api/v4/users/me"), ("post", "POST /api/v4/posts")):
        if op not in ours:
            continue
        mine = ours[op]["ours"]
        rows: List[List[str]] = []
        for where, measured in tp.items():
            for name, m in (measured.get(op) or {}).items():
                if where != "ours" and name == "urllib3":
                    continue  # each peer's yardstick run: only its ratio to it is shown
                label = LABELS["732" if where == "732" and name == "ours" else name].format(**versions)
                vs = "" if (where, name) == ("ours", "ours") else f"{mine['ratio'] / m['ratio']:.2f}"
                rows.append([label, f"{m['rps']:.0f}", f"{m['ratio']:.3f}", f"{m['cpu_us']:.0f}", vs])
        rows.sort(key=lambda r: -float(r[2]))
        header = [f"{title} over TLS", "req/s", "vs urllib3", "CPU us/req", "ours is x faster"]
        lines += [table(header, rows), ""]
        target = mine["ratio"] >= 0.85
        ahead = all(
            mine["ratio"] > (m.get(op) or {}).get(n, {}).get("ratio", 0)
            for w, m in tp.items()
            if w != "ours"
            for n in (m.get(op) or {})
            if n != "urllib3"
        )
        lines.append(
            f"{title}: ours {mine['ratio']:.3f} of a raw urllib3 pool: {verdict(target)} (>=0.85); "
            f"ahead of every peer: {verdict(ahead)}"
        )
        lines.append("")
    real = results.get("real")
    if real:
        get = real["get"]
        lines.append(
            "GET /api/v4/users/me on the real Mattermost server: "
            f"ours {get['ours']['ratio']:.3f} of a raw urllib3 pool, "
            f"requests.Session {get['session']['ratio']:.3f} ({get['ours']['rps']:.0f} req/s)"
        )
    lines += [
        "vs urllib3: median over rounds of (the yardstick's time per request / the contender's), both in the",
        "  same interpreter (each peer in its own venv, beside its own urllib3 pool); rounds of 10 requests,",
        "  contenders alternating; CPU us/req: user+sys time of the client process per request (median)",
    ]
    return lines


def async_table(measured: Dict[str, Any], versions: Dict[str, str]) -> List[str]:
    if not measured:
        return ["Async: not measured"]
    lines: List[str] = []
    for op, title in (("get", "GET /api/v4/users/me"), ("post", "POST /api/v4/posts (create_post)")):
        runs = measured.get(op) or {}
        mine = (runs.get("ours") or {}).get("ours")
        if not mine:
            continue
        rows: List[List[str]] = []
        raw_best = 1.0
        peer_ratio: Dict[str, float] = {}
        for where, results in runs.items():
            for name, m in results.items():
                if where != "ours" and name == "aiohttp":
                    continue
                if name in ("aiohttp", "httpx"):
                    raw_best = max(raw_best, m["ratio"])
                if name in ("autodriver", "matterapi"):
                    peer_ratio[name] = m["ratio"]
                vs = "" if (where, name) == ("ours", "ours") else f"{mine['ratio'] / m['ratio']:.2f}"
                rows.append(
                    [
                        ASYNC_LABELS[name].format(**versions),
                        f"{m['rps']:.0f}",
                        f"{m['ratio']:.3f}",
                        f"{m['cpu_us']:.0f}",
                        f"{m['lag_ms']:.1f} ({m['lag_max_ms']:.0f})",
                        vs,
                    ]
                )
        rows.sort(key=lambda r: -float(r[2]))
        header = [
            f"{title}, 2000 requests, 64 in flight",
            "req/s",
            "vs aiohttp",
            "CPU us/req",
            "loop lag ms (max)",
            "ours is x",
        ]
        lines += [table(header, rows), ""]
        share = mine["ratio"] / raw_best
        notes = [f"ours {share:.2f} of the fastest raw async client: {verdict(share >= 0.8)} (>=0.8)"]
        if "autodriver" in peer_ratio:
            times = mine["ratio"] / peer_ratio["autodriver"]
            notes.append(
                f"{times:.1f}x mattermostautodriver's AsyncTypedDriver: {verdict(times >= 10)} (>=10x)"
            )
        notes.append(f"loop lag {mine['lag_ms']:.1f} ms: {verdict(mine['lag_ms'] <= 25)} (<=25)")
        lines += ["; ".join(notes), ""]
    lines += [
        "vs aiohttp: median over rounds of (req/s / the raw aiohttp yardstick's req/s, same interpreter);",
        "  loop lag: how late a 5 ms ticker on the same loop woke at worst: median of the rounds (max)",
    ]
    return lines


def concurrency_table(found: Optional[Dict[str, Any]]) -> List[str]:
    if not found:
        return ["Concurrency: not measured"]
    lines: List[str] = []
    threads = found.get("threads")
    if threads:
        cap, count = threads["default_cap"], threads["threads"]
        mine = threads["default"]["ours"]
        lines.append(
            f"{count} threads on one Driver (max_connections {cap}): {mine['rps']:.0f} req/s, "
            f"{mine['ratio']:.2f} of a raw urllib3 pool with the same cap: {verdict(mine['ratio'] >= 0.9)} "
            f"(>=0.9); warnings logged: {mine['warnings']}"
        )
        rows = [
            [name, f"{m['rps']:.0f}", f"{m['ratio']:.2f}", str(m["warnings"])]
            for name, m in threads["caps"].items()
        ]
        header = [f"{count} threads, by cap", "req/s", "vs no cap", "warnings"]
        lines += [table(header, rows), ""]
    tasks = found.get("tasks")
    if tasks:
        mine = tasks["default"]["ours"]
        lines.append(
            f"{tasks['in_flight']} tasks on one AsyncDriver (max_connections {tasks['default_cap']}): "
            f"{mine['rps']:.0f} req/s, {mine['ratio']:.2f} of raw aiohttp with the same cap: "
            f"{verdict(mine['ratio'] >= 0.85)} (>=0.85)"
        )
        rows = [[name, f"{m['rps']:.0f}", f"{m['ratio']:.2f}"] for name, m in tasks["caps"].items()]
        lines += [table([f"{tasks['in_flight']} tasks, by cap", "req/s", "vs aiohttp"], rows), ""]
    rss = found.get("rss")
    if rss:
        for kind in ("sync", "async"):
            m = rss[kind]
            growth = (m["end_kb"] - m["warm_kb"]) / 1024
            lines.append(
                f"RSS of {'a Driver, 32 threads' if kind == 'sync' else 'an AsyncDriver, 256 tasks'} over "
                f"{rss['calls']} calls: {m['warm_kb'] / 1024:.1f} MB after warm-up, {m['end_kb'] / 1024:.1f} "
                f"MB at the end (+{growth:.1f}): {verdict(growth <= 10)} (<=10 MB)"
            )
    return lines


def _size(size: int) -> str:
    return f"{size / MiB:.0f} MiB" if size < 1024 * MiB else f"{size / 1024 / MiB:.0f} GiB"


def memory_table(mem: Dict[str, Any]) -> List[str]:
    if not mem:
        return ["Peak RSS: not measured"]
    rows: List[List[str]] = []
    peaks: Dict[str, List[float]] = {
        f"{i} {o}": [] for i in ("ours", "async") for o in ("upload", "download")
    }
    keys = sorted(
        {k.split(" ", 1)[1] for k in mem}, key=lambda k: (k.split()[0] != "upload", int(k.split()[1]))
    )
    for key in keys:
        op, size = key.split()
        cells = [f"{op} {_size(int(size))}"]
        for impl in ("ours", "async", "732"):
            m = mem.get(f"{impl} {key}")
            if m is None:
                cells += ["-", "-", "-"]
                continue
            peak, delta = m["peak_kb"] / 1024, (m["peak_kb"] - m["baseline_kb"]) / 1024
            cells += [f"{peak:.1f}", f"+{delta:.1f}", f"{int(size) / m['seconds'] / MB:.0f}"]
            if impl in ("ours", "async"):
                peaks[f"{impl} {op}"].append(peak)
        rows.append(cells)
    header = [
        "Peak RSS (MB, whole process)",
        "Driver",
        "over base",
        "MB/s",
        "AsyncDriver",
        "over base",
        "MB/s",
    ]
    header += ["7.3.2", "over base", "MB/s"]
    notes = []
    ours_100 = mem.get(f"ours upload {100 * MiB}")
    if ours_100:
        peak = ours_100["peak_kb"] / 1024
        notes.append(f"100 MiB upload peak {peak:.1f} MB: {verdict(peak <= 45)} (<=45)")
    for op, values in peaks.items():
        if len(values) > 1:
            spread = max(values) - min(values)
            notes.append(
                f"{op}s flat ({_size(min(map(int, (k.split()[1] for k in keys))))} to the largest): "
                f"spread {spread:.1f} MB, {verdict(spread <= 5)} (<=5)"
            )
    return [
        table(header, rows),
        "; ".join(notes),
        "peak = ru_maxrss of a fresh process; 'over base' = peak minus ru_maxrss after a warm-up transfer",
    ]


def import_table(imp: Optional[Dict[str, Any]]) -> List[str]:
    if not imp:
        return ["Import time: not measured"]
    inside, whole = imp["inside"], imp["whole"]
    ratio_in = inside["mattermostdriver"] / inside["requests"]
    ratio_whole = whole["mattermostdriver"] / whole["requests"]
    rows = [
        ["in-process (the import statement)", f"{inside['requests'] * 1000:.1f}"],
        ["whole `python -c 'import X'`", f"{whole['requests'] * 1000:.1f}"],
    ]
    rows[0] += [
        f"{inside['mattermostdriver'] * 1000:.1f}",
        f"{ratio_in:.2f}",
        f"{verdict(ratio_in <= 1.15)} (<=1.15)",
    ]
    rows[1] += [f"{whole['mattermostdriver'] * 1000:.1f}", f"{ratio_whole:.2f}", ""]
    header = [f"Import time (ms, median of {imp['reps']})", "requests", "mattermostdriver", "ratio", "target"]
    return [table(header, rows), *(f"  {line}" for line in imp["extra"])]


def websocket_lines(ws: Optional[Dict[str, Any]]) -> List[str]:
    if ws is None:
        return ["Websocket: bench/bench_websocket.py not present: not measured"]
    if ws.get("ratio") is not None:
        ok = verdict(ws["ratio"] >= 0.8)
        lines = [f"Websocket events/s, 8.0.0 / raw websockets loop: {ws['ratio']:.3f}  {ok} (>=0.8)"]
        return lines + [f"  | {line}" for line in ws.get("output", [])]
    lines = [f"Websocket: no ratio in bench/bench_websocket.py's output {ws.get('error', '')}"]
    return lines + [f"  | {line}" for line in ws.get("output", []) + ws.get("stderr", "").splitlines()[-4:]]


def listener_lines(measured: Optional[Dict[str, Any]]) -> List[str]:
    if not measured or not measured.get("rows"):
        detail = (measured or {}).get("stderr", "").strip().splitlines()[-4:]
        return ["Websocket listeners: not measured", *(f"  | {line}" for line in detail)]
    rows = measured["rows"]
    per = {
        kind: max(r["threads"] / r["listeners"] for r in rows if r["label"] == f"ours {kind}")
        for kind in ("sync", "async")
    }
    notes = [
        f"threads per sync listener {per['sync']:.1f}: {verdict(per['sync'] <= 2)} (<=2)",
        f"per AsyncDriver listener {per['async']:.1f}: {verdict(per['async'] == 0)} (0)",
    ]
    return [*measured["table"], "; ".join(notes)]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="fewer rounds and no 1 GB transfers")
    parser.add_argument(
        "--no-peers",
        action="store_true",
        help="do not install or measure the peers (7.3.2, autodriver, matterapi)",
    )
    parser.add_argument("--json", help="also write the raw results to this file")
    args = parser.parse_args()
    # a TERM or HUP ends the run through the with blocks: nginx stopped, its folder removed
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, lambda number, frame: sys.exit(128 + number))
    started = time.monotonic()
    import requests

    import mattermostdriver

    peers: Dict[str, str] = {}
    if not args.no_peers:
        for name in PEERS:
            python = peer_python(name)
            if python:
                peers[name] = python
    results: Dict[str, Any] = {}
    sizes = [10 * MiB, 100 * MiB] + ([] if args.quick else [1024 * MiB])
    with Nginx() as server:
        versions = {
            "ours": mattermostdriver.__version__,
            "nginx": server.version(),
            "requests": requests.__version__,
        }
        for name, step in (
            ("throughput", lambda: throughput(server, peers, args.quick)),
            ("async", lambda: async_throughput(server, peers, args.quick)),
            ("concurrency", lambda: concurrency(server, args.quick)),
            ("real", lambda: real_server(args.quick)),
            ("memory", lambda: memory(server, peers.get("732"), sizes)),
        ):
            try:
                results[name] = step()
            except Exception as exc:  # one failed part still leaves the others
                log(f"{name} failed: {exc}")
    reps = 15 if args.quick else 40
    try:
        results["imports"] = {**import_time(reps), "reps": reps}
    except Exception as exc:
        log(f"import time failed: {exc}")
    try:
        results["websocket"] = websocket()
    except Exception as exc:
        results["websocket"] = {"ratio": None, "error": str(exc)}
    try:
        results["listeners"] = listeners(args.quick)
    except Exception as exc:
        results["listeners"] = {"stderr": str(exc)}
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    print(report(results, versions))
    log(f"done in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
