"""A local nginx serving fixed JSON over TLS on 127.0.0.1, plus an upload sink and sparse downloads.

Everything (config, self-signed certificate, files) is generated under a temporary directory;
nginx runs as its own master (``-p``/``-c`` pointing there, ``daemon off``) and is stopped at
the end. Loopback only.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Dict, Optional

#: GET /api/v4/users/me: a user as Mattermost returns it (about 1 kB).
USER = {
    "id": "u" * 26,
    "create_at": 1700000000000,
    "update_at": 1700000000000,
    "delete_at": 0,
    "username": "bench",
    "auth_data": "",
    "auth_service": "",
    "email": "bench@example.com",
    "nickname": "",
    "first_name": "Bench",
    "last_name": "Mark",
    "position": "",
    "roles": "system_user system_admin",
    "props": {},
    "notify_props": {
        "channel": "true",
        "comments": "never",
        "desktop": "mention",
        "desktop_sound": "true",
        "email": "true",
        "first_name": "false",
        "mention_keys": "",
        "push": "mention",
        "push_status": "away",
    },
    "last_password_update": 1700000000000,
    "locale": "en",
    "timezone": {"automaticTimezone": "", "manualTimezone": "", "useAutomaticTimezone": "true"},
    "disable_welcome_email": False,
}
#: POST /api/v4/posts: the created post.
POST = {
    "id": "p" * 26,
    "create_at": 1700000000000,
    "update_at": 1700000000000,
    "edit_at": 0,
    "delete_at": 0,
    "is_pinned": False,
    "user_id": "u" * 26,
    "channel_id": "c" * 26,
    "root_id": "",
    "original_id": "",
    "message": "hello from the bench",
    "type": "",
    "props": {},
    "hashtags": "",
    "pending_post_id": "",
    "reply_count": 0,
    "metadata": {},
}
#: POST /api/v4/files: the upload sink's answer (the body is read whole, then discarded).
FILES = {"file_infos": [{"id": "f" * 26, "name": "big.bin", "size": 0}], "client_ids": []}

CONFIG = """
worker_processes 1;
worker_rlimit_nofile 4096;
daemon off;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
{user}
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {root}/tmp/body;
    proxy_temp_path {root}/tmp/proxy;
    fastcgi_temp_path {root}/tmp/fastcgi;
    uwsgi_temp_path {root}/tmp/uwsgi;
    scgi_temp_path {root}/tmp/scgi;
    keepalive_requests 10000000;
    keepalive_timeout 300s;
    client_max_body_size 0;
    server {{
        listen 127.0.0.1:{port} ssl;
        ssl_certificate {root}/server.pem;
        ssl_certificate_key {root}/server.key;
        ssl_protocols TLSv1.2 TLSv1.3;
        location = /api/v4/users/me {{ default_type application/json; return 200 '{user_json}'; }}
        location = /api/v4/posts {{ default_type application/json; return 201 '{post_json}'; }}
        # the whole upload is read (buffered to a temporary file) before the answer comes, as
        # Mattermost reads it: a client that stops sending on an early answer gains nothing
        location = /api/v4/files {{ proxy_pass http://127.0.0.1:{sink_port}/sink; }}
        location /api/v4/files/ {{
            alias {root}/files/;
            default_type application/octet-stream;
        }}
        location / {{ return 404; }}
    }}
    server {{
        listen 127.0.0.1:{sink_port};
        location = /sink {{ default_type application/json; return 201 '{files_json}'; }}
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _certificate(root: Path) -> Path:
    """Write server.pem/server.key (for 127.0.0.1) and return the CA file that trusts them."""
    try:
        import trustme
    except ImportError:
        trustme = None
    if trustme is not None:
        ca = trustme.CA()
        cert = ca.issue_cert("127.0.0.1", "localhost")
        cert.private_key_pem.write_to_path(str(root / "server.key"))
        (root / "server.pem").write_bytes(b"".join(pem.bytes() for pem in cert.cert_chain_pems))
        ca.cert_pem.write_to_path(str(root / "ca.pem"))
        return root / "ca.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            "-keyout", str(root / "server.key"), "-out", str(root / "server.pem"),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    shutil.copy(root / "server.pem", root / "ca.pem")
    return root / "ca.pem"


class Nginx:
    """The bench server: ``with Nginx() as server: server.port, server.ca, server.add_file(...)``."""

    def __init__(self) -> None:
        self.binary = shutil.which("nginx") or next(
            (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.path.exists(p)), None
        )
        if self.binary is None:
            raise RuntimeError("nginx not found: apt-get install -y nginx-light")
        self.root = Path(tempfile.mkdtemp(prefix="mmd-bench-"))
        self.port = free_port()
        self.ca = ""
        self.process: Optional[subprocess.Popen[bytes]] = None

    def version(self) -> str:
        out = subprocess.run([str(self.binary), "-v"], capture_output=True, text=True)
        return (out.stderr or out.stdout).strip().split("/")[-1]

    def start(self) -> None:
        root = self.root
        for sub in ("tmp", "files", "logs"):
            (root / sub).mkdir()
        self.ca = str(_certificate(root))
        config = CONFIG.format(
            root=root,
            port=self.port,
            sink_port=free_port(),
            user="user root;" if os.geteuid() == 0 else "",
            user_json=json.dumps(USER, separators=(",", ":")),
            post_json=json.dumps(POST, separators=(",", ":")),
            files_json=json.dumps(FILES, separators=(",", ":")),
        )
        (root / "nginx.conf").write_text(config)
        self.process = subprocess.Popen(
            [
                str(self.binary),
                "-p",
                str(root),
                "-c",
                str(root / "nginx.conf"),
                "-e",
                str(root / "error.log"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,  # ended by stop() only, not by a signal to the bench's group
        )
        deadline = time.monotonic() + 10
        while True:
            if self.process.poll() is not None:
                err = self.process.stderr.read().decode() if self.process.stderr else ""
                raise RuntimeError(f"nginx did not start: {err}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def add_file(self, name: str, size: int) -> Path:
        """A sparse file of ``size`` bytes served at ``GET /api/v4/files/{name}`` (no disk, no memory)."""
        path = self.root / "files" / name
        with path.open("wb") as fp:
            fp.truncate(size)
        return path

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # graceful: the master stops its worker
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> Nginx:
        try:
            self.start()
        except BaseException:
            self.stop()  # its folder too
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def urls(server: Nginx) -> Dict[str, str]:
    return {"base": f"https://127.0.0.1:{server.port}/api/v4", "ca": server.ca}
