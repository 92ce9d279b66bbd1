"""Count the package's frames in one sync REST call: how much of the driver a call walks through.

    python bench/frames.py [--calls N] [--list]

A small HTTP server on 127.0.0.1 (a thread of this process) answers ``GET /api/v4/users/me``;
after a warm-up call (which loads the modules and opens the connection), ``sys.setprofile``
counts the "call" events of ``d.users.get_user("me")`` whose code lives in the package, and
prints them per module (``--list``: per function too). Frames of requests, urllib3 and the
standard library are not counted. Run it from outside the checkout to measure an installed
package (``cd /tmp && python /path/to/bench/frames.py``).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Counter, Dict

USER = json.dumps({"id": "u" * 26, "username": "bench"}).encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(USER)))
        self.end_headers()
        self.wfile.write(USER)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def count(calls: int) -> Dict[str, Any]:
    import mattermostdriver
    from mattermostdriver import Driver

    package = os.path.dirname(mattermostdriver.__file__) + os.sep
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with Driver({"url": f"http://127.0.0.1:{server.server_address[1]}", "token": "t"}) as d:
            d.users.get_user("me")  # modules loaded, connection open
            frames: Counter[str] = collections.Counter()

            def profile(frame: Any, event: str, arg: Any) -> None:
                if event == "call" and frame.f_code.co_filename.startswith(package):
                    module = frame.f_code.co_filename[len(package) :]
                    frames[f"{module}:{frame.f_code.co_name}"] += 1

            sys.setprofile(profile)
            try:
                for _ in range(calls):
                    d.users.get_user("me")
            finally:
                sys.setprofile(None)
    finally:
        server.shutdown()
        server.server_close()
    per_module: Counter[str] = collections.Counter()
    for where, n in frames.items():
        per_module[where.split(":")[0]] += n
    return {
        "version": mattermostdriver.__version__,
        "frames": sum(frames.values()) / calls,
        "modules": len(per_module),
        "per_module": {m: n / calls for m, n in per_module.most_common()},
        "per_function": {f: n / calls for f, n in frames.most_common()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--calls", type=int, default=1, help="calls counted (the figures are per call)")
    parser.add_argument("--list", action="store_true", help="the frames of each function too")
    args = parser.parse_args()
    found = count(args.calls)
    print(f"{found['frames']:g} package frames in {found['modules']} modules per sync REST call")
    for module, n in found["per_module"].items():
        print(f"  {n:6g}  {module}")
    if args.list:
        print()
        for function, n in found["per_function"].items():
            print(f"  {n:6g}  {function}")


if __name__ == "__main__":
    main()
