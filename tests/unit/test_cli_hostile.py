"""The command line facing a hostile or broken server (issue 11): nothing it prints can drive the terminal.

Each test runs ``main([...])`` against a local fake server (pytest-httpserver, or a small
websocket server) that answers what a hostile proxy or a broken server could: escape
sequences, C1 controls, bidi overrides, lone surrogates, answers of the wrong shape, JSON
nested too deeply to parse, URLs with credentials.
"""

from __future__ import annotations

import io
import json
import re
import sys
import threading
from pathlib import Path
from typing import Any, Callable, ClassVar, Dict, Iterator, List, Optional

import pytest
from pytest_httpserver import HTTPServer
from websockets.sync.server import ServerConnection, serve

import mattermostdriver.options
from mattermostdriver import cli

pytestmark = pytest.mark.timeout(60)

TOKEN = "tok-s3cret-0123456789abcdef"
CHANNEL_ID = "c" * 26
POST_ID = "p" * 26
#: What may not reach a terminal: C0 but tab and newline, DEL, C1, bidi marks and overrides, line and
#: paragraph separators, lone surrogates.
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
#: Server text that would clear the screen, set the window title, colour the rest red (8-bit CSI),
#: move to the next line (NEL) and reverse what follows.
HOSTILE = "boom\x1b[2J\x1b]0;owned\x07\x9b31m\x85\u202eevil\u2066\u2028end"


def assert_terminal_safe(text: str, allow: str = "\n") -> None:
    bad = [c for c in UNSAFE.findall(text) if c not in allow]
    assert not bad, f"unsafe characters {bad!r} in {text!r}"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "MATTERMOST_URL",
        "MATTERMOST_TOKEN",
        "MATTERMOST_LOGIN_ID",
        "MATTERMOST_PASSWORD",
        "MATTERMOST_WEBHOOK_URL",
        "MATTERMOST_TIMEOUT",
        "MATTERMOST_RETRIES",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def server(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> HTTPServer:
    monkeypatch.setenv("MATTERMOST_URL", httpserver.url_for("").rstrip("/"))
    monkeypatch.setenv("MATTERMOST_TOKEN", TOKEN)
    return httpserver


class Run:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def __repr__(self) -> str:
        return f"<Run {self.code} out={self.out!r} err={self.err!r}>"


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Run]:
    def call(*argv: str, stdin: Optional[str] = None) -> Run:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = cli.main(list(argv))
        captured = capsys.readouterr()
        assert TOKEN not in captured.out + captured.err
        return Run(code, captured.out, captured.err)

    return call


def one_error_line(result: Run) -> None:
    """Exit 1 with one terminal-safe line on stderr and nothing on stdout."""
    assert result.code == 1, result
    assert result.out == ""
    assert result.err.startswith("mattermostdriver: error: ") and result.err.count("\n") == 1, result
    assert "Traceback" not in result.err
    assert_terminal_safe(result.err)


def json_answer(server: HTTPServer, path: str, body: str, status: int = 200, method: str = "GET") -> None:
    server.expect_request(path, method=method).respond_with_data(
        body, status=status, content_type="application/json"
    )


# -- 3. server text reaches the terminal -------------------------------------------------------


def test_error_lines_show_server_text_escaped(server: HTTPServer, run: Callable[..., Run]) -> None:
    body = {
        "id": "api.x\x1b[2J",
        "message": HOSTILE,
        "detailed_error": "detail " + HOSTILE,
        "status_code": 400,
    }
    server.expect_request("/api/v4/users/me").respond_with_data(
        json.dumps(body), status=400, content_type="application/json", headers={"X-Request-ID": "rq\x1b[2J"}
    )
    result = run("-v", "whoami")
    assert result.code == 1 and result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 2 and lines[1].startswith("mattermostdriver: detail: detail boom\\x1b[2J"), result
    assert "boom\\x1b[2J\\x1b]0;owned\\x07\\x9b31m\\x85\\u202eevil" in lines[0]
    assert "error id api.x\\x1b[2J" in lines[0] and "request id rq\\x1b[2J" in lines[0]
    assert_terminal_safe(result.err)


def test_webhook_verbose_answer_is_escaped(httpserver: HTTPServer, run: Callable[..., Run]) -> None:
    httpserver.expect_request("/hooks/abc123", method="POST").respond_with_data("ok" + HOSTILE)
    result = run("webhook", "-v", httpserver.url_for("/hooks/abc123"), "text")
    assert result.code == 0, result
    assert result.out.startswith("okboom\\x1b[2J") and result.out.count("\n") == 1
    assert_terminal_safe(result.out)


USER_TEXT = (
    '{"id": "' + "u" * 26 + '", "username": "alice", "position": "boss\\u001b[2J\\u009b31m\\u0085",'
    ' "nickname": "\\u202eecila\\u2066", "first_name": "Zo\\u00eb \\u00e9t\\u00e9", "last_name": "\\ud800",'
    ' "locale": "en\\u2028\\u2029"}'
)


def test_whoami_json_escapes_c1_bidi_and_lone_surrogates(server: HTTPServer, run: Callable[..., Run]) -> None:
    json_answer(server, "/api/v4/users/me", USER_TEXT)
    result = run("whoami")
    assert result.code == 0, result
    assert_terminal_safe(result.out)
    assert json.loads(result.out) == json.loads(USER_TEXT)  # the same value, only escaped
    assert '"first_name": "Zoë été"' in result.out  # readable text stays as it was
    assert result.out.startswith('{\n  "id": ')  # indented as before


def test_api_json_answer_is_escaped(server: HTTPServer, run: Callable[..., Run]) -> None:
    json_answer(server, "/api/v4/users/me", USER_TEXT)
    result = run("api", "GET", "/users/me")
    assert result.code == 0, result
    assert_terminal_safe(result.out)
    assert json.loads(result.out) == json.loads(USER_TEXT)


def test_api_text_answer_on_a_terminal_is_escaped(
    server: HTTPServer, run: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    server.expect_request("/api/v4/plugins/x/text").respond_with_data(
        "line one\x1b[2J\r\nline\ttwo\x9b31m\u202e\r", content_type="text/plain; charset=utf-8"
    )
    server.expect_request("/api/v4/files/abc").respond_with_data(
        b"\x89PNG\r\n\x1a\n\x1b[2J\xff\xfe", content_type="image/png"
    )
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    text = run("api", "GET", "/plugins/x/text")
    assert text.code == 0, text
    assert text.out == "line one\\x1b[2J\nline\ttwo\\x9b31m\\u202e\\r\n"
    binary = run("api", "GET", "/files/abc")
    assert binary.code == 0 and binary.out == "", binary
    assert "binary answer (14 bytes, image/png)" in binary.err and "redirect" in binary.err
    assert_terminal_safe(binary.err)


def test_post_prints_the_new_id_escaped(server: HTTPServer, run: Callable[..., Run]) -> None:
    json_answer(server, "/api/v4/posts", json.dumps({"id": "p\x1b[2J\u202e" + "p" * 22}), 201, "POST")
    result = run("post", CHANNEL_ID, "hello")
    assert result.code == 0, result
    assert result.out == "p\\x1b[2J\\u202e" + "p" * 22 + "\n"


def test_progress_bar_shows_the_file_name_escaped(
    server: HTTPServer, run: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "evil\x1b[2J\x9b\u202e\n.bin"
    path.write_bytes(b"x" * 5000)
    json_answer(server, "/api/v4/files", json.dumps({"file_infos": [{"id": "f" * 26}]}), 201, "POST")
    json_answer(server, "/api/v4/posts", json.dumps({"id": POST_ID}), 201, "POST")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    result = run("upload", CHANNEL_ID, str(path))
    assert (result.code, result.out) == (0, POST_ID + "\n"), result
    assert result.err.startswith("\revil\\x1b[2J\\x9b\\u202e\\n.bin [")
    assert result.err.endswith("] 100% 4.9 KiB / 4.9 KiB\n")
    assert_terminal_safe(result.err, allow="\r\n")
    assert result.err.count("\n") == 1  # one line, redrawn


class ScriptedWebsocketServer:
    """A websocket server that plays one script of messages per connection, then closes with a reason."""

    def __init__(self, scripts: List[List[str]], close_reasons: List[str]) -> None:
        self.scripts, self.close_reasons = scripts, close_reasons
        self.connections = 0
        self._server = serve(self._handler, "127.0.0.1", 0)
        self.port: int = self._server.socket.getsockname()[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def _handler(self, ws: ServerConnection) -> None:
        index = self.connections
        self.connections += 1
        for message in self.scripts[min(index, len(self.scripts) - 1)]:
            ws.send(message)
        if index < len(self.close_reasons):
            ws.close(1000, self.close_reasons[index])
            return
        for _ in ws:  # then stay open until the client leaves
            pass

    def close(self) -> None:
        self._server.shutdown()
        self._thread.join(5)


def event(name: str, seq: int, data: Dict[str, Any]) -> str:
    return json.dumps({"event": name, "data": data, "broadcast": {}, "seq": seq})


def test_listen_events_and_warnings_are_escaped(
    run: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    hello = event("hello", 0, {"connection_id": "a" * 26})
    scripts = [
        [hello, event("posted", 1, {"post": json.dumps({"message": HOSTILE})}), event("typing", 2, {})],
        [event("posted", 3, {"post": "{}", "sender_name": "\u202eeve\x9b"})],
    ]
    ws_server = ScriptedWebsocketServer(scripts, close_reasons=["going away\x1b[2J\x1b]0;owned\x07"])
    monkeypatch.setitem(mattermostdriver.options.DEFAULT_OPTIONS, "keepalive_delay", 0.05)
    monkeypatch.setenv("MATTERMOST_URL", f"http://127.0.0.1:{ws_server.port}")
    monkeypatch.setenv("MATTERMOST_TOKEN", TOKEN)
    try:
        result = run("listen", "--event", "posted", "--count", "2")
    finally:
        ws_server.close()
    assert result.code == 0, result
    # the reconnect warning carries the server's close reason: escaped
    assert "connection closed (1000 going away\\x1b[2J\\x1b]0;owned\\x07)" in result.err, result
    assert_terminal_safe(result.err)
    assert_terminal_safe(result.out)
    first, second = (json.loads(line) for line in result.out.splitlines())
    assert json.loads(first["data"]["post"])["message"] == HOSTILE
    assert second["data"]["sender_name"] == "\u202eeve\x9b"


def test_debug_lines_show_server_text_escaped(
    run: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    """--debug shows the driver's own log lines (each message received, the close reason): escaped too."""
    hello = event("hello", 0, {"connection_id": "a" * 26})
    raw = json.dumps({"event": "posted", "data": {"x": HOSTILE}, "seq": 1}, ensure_ascii=False)
    ws_server = ScriptedWebsocketServer(
        [[hello, raw], [event("posted", 2, {})]], close_reasons=["bye\x1b[2J"]
    )
    monkeypatch.setitem(mattermostdriver.options.DEFAULT_OPTIONS, "keepalive_delay", 0.05)
    monkeypatch.setenv("MATTERMOST_URL", f"http://127.0.0.1:{ws_server.port}")
    monkeypatch.setenv("MATTERMOST_TOKEN", TOKEN)
    try:
        result = run("--debug", "listen", "--event", "posted", "--count", "2")
    finally:
        ws_server.close()
    assert result.code == 0, result
    # the received message as the driver logs it: C1 and bidi escaped (C0 is escaped by JSON itself)
    assert "websocket: received " in result.err and "\\x9b31m\\x85\\u202eevil\\u2066" in result.err, result
    assert "connection closed (1000 bye\\x1b[2J)" in result.err
    assert_terminal_safe(result.err)
    assert_terminal_safe(result.out)


# -- 4. no URL's userinfo, query or webhook id is echoed ----------------------------------------


def test_urls_with_credentials_are_never_echoed(
    httpserver: HTTPServer, run: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    secrets = ["PW1", "hid1", "Q1", "PW2", "Q2", "PW3", "PW4", "PW5", "hid5", "PW6", "hid6", "Q6"]
    results = []
    monkeypatch.setenv("MATTERMOST_TOKEN", TOKEN)
    monkeypatch.setenv("MATTERMOST_URL", httpserver.url_for(""))
    # a stray URL argument: argparse names it
    results.append(run("whoami", "https://user:PW1@chat.example.com/hooks/hid1?token=Q1"))
    # a web URL given as CHANNEL
    results.append(run("post", "https://user:PW2@chat.example.com/team/channels/town?x=Q2", "hi"))
    results.append(run("--url", "https://user:PW3@/", "whoami"))
    monkeypatch.setenv("MATTERMOST_URL", "ftp://user:PW4@chat.example.com")
    results.append(run("whoami"))
    monkeypatch.setenv("MATTERMOST_WEBHOOK_URL", "ftp://user:PW5@chat.example.com/hooks/hid5")
    results.append(run("webhook", "text"))
    assert [r.code for r in results] == [2, 2, 2, 2, 2], results
    httpserver.expect_request("/hooks/hid6", method="POST").respond_with_data("down", status=503)
    hook = httpserver.url_for("/hooks/hid6?q=Q6").replace("http://", "http://user:PW6@")
    refused = run("webhook", hook, "text")
    assert refused.code == 1 and "status 503" in refused.err and "/hooks/***" in refused.err, refused
    for result in [*results, refused]:
        assert "Traceback" not in result.err
        for secret in secrets:
            assert secret not in result.out + result.err, (secret, result)


# -- 9. answers of the wrong shape: exit 1 with one line ------------------------------------------

WRONG_SHAPES = [
    pytest.param("[]", "application/json", id="list"),
    pytest.param("null", "application/json", id="null"),
    pytest.param("", "application/json", id="empty"),
    pytest.param("it worked", "text/plain", id="text"),
    pytest.param('{"username": "alice"}', "application/json", id="no-id"),
    pytest.param('{"id": 7, "username": "alice"}', "application/json", id="id-not-a-string"),
]


@pytest.mark.parametrize(("body", "ctype"), WRONG_SHAPES)
def test_whoami_on_an_answer_of_the_wrong_shape(
    server: HTTPServer, run: Callable[..., Run], body: str, ctype: str
) -> None:
    server.expect_request("/api/v4/users/me").respond_with_data(body, content_type=ctype)
    one_error_line(run("whoami"))


@pytest.mark.parametrize(("body", "ctype"), WRONG_SHAPES)
def test_post_on_an_answer_of_the_wrong_shape(
    server: HTTPServer, run: Callable[..., Run], body: str, ctype: str
) -> None:
    server.expect_request("/api/v4/posts", method="POST").respond_with_data(body, 201, content_type=ctype)
    result = run("post", CHANNEL_ID, "hello")
    one_error_line(result)
    assert "POST" in result.err and "/api/v4/posts" in result.err


@pytest.mark.parametrize(("body", "ctype"), WRONG_SHAPES[:5])
def test_post_to_a_channel_by_name_whose_lookup_answers_the_wrong_shape(
    server: HTTPServer, run: Callable[..., Run], body: str, ctype: str
) -> None:
    server.expect_request("/api/v4/teams/name/ops/channels/name/ci").respond_with_data(
        body, content_type=ctype
    )
    one_error_line(run("post", "ops/ci", "hello"))
    assert [r for r, _ in server.log if r.path == "/api/v4/posts"] == []


@pytest.mark.parametrize(
    "body",
    ["{}", '{"file_infos": []}', '{"file_infos": [{}]}', '{"file_infos": {"id": "x"}}', "[]", "null", ""],
)
def test_uploads_on_an_answer_of_the_wrong_shape(
    server: HTTPServer, run: Callable[..., Run], tmp_path: Path, body: str
) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"content")
    json_answer(server, "/api/v4/files", body, 201, "POST")
    upload = run("upload", CHANNEL_ID, str(path))
    one_error_line(upload)
    assert "/api/v4/files" in upload.err
    one_error_line(run("post", CHANNEL_ID, "with a file", "--file", str(path)))
    assert [r for r, _ in server.log if r.path == "/api/v4/posts"] == []  # nothing posted


def test_upload_answer_with_too_few_file_infos(
    server: HTTPServer, run: Callable[..., Run], tmp_path: Path
) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_bytes(b"1")
    two.write_bytes(b"2")
    json_answer(server, "/api/v4/files", json.dumps({"file_infos": [{"id": "f" * 26}]}), 201, "POST")
    one_error_line(run("post", CHANNEL_ID, "two files", "--file", str(one), "--file", str(two)))
    assert [r for r, _ in server.log if r.path == "/api/v4/posts"] == []


def test_api_broken_json_exits_1(server: HTTPServer, run: Callable[..., Run]) -> None:
    json_answer(server, "/api/v4/users/me", '{"id": "trunc')
    one_error_line(run("api", "GET", "/users/me"))


# -- 10. JSON nested too deeply is invalid JSON --------------------------------------------------

DEEP = "[" * 100_000 + "]" * 100_000


def test_api_deeply_nested_json_exits_1(server: HTTPServer, run: Callable[..., Run]) -> None:
    json_answer(server, "/api/v4/users", DEEP)
    one_error_line(run("api", "GET", "/users"))


class ReplayWebsocket:
    """Stands in for mattermostdriver.websocket.Websocket: hands each message to the handler, then ends."""

    messages: ClassVar[List[str]] = []

    def __init__(self, options: Dict[str, Any], token: Optional[str]) -> None:
        self.error = None

    def start(self, handler: Callable[[str], None]) -> ReplayWebsocket:
        for message in self.messages:
            handler(message)
        return self

    def wait(self, timeout: Optional[float] = None) -> bool:
        return True

    def stop(self) -> None:
        pass

    def disconnect(self) -> None:
        pass


@pytest.fixture
def replay(monkeypatch: pytest.MonkeyPatch) -> Iterator[type]:
    import mattermostdriver.websocket

    monkeypatch.setattr(mattermostdriver.websocket, "Websocket", ReplayWebsocket)
    yield ReplayWebsocket


def test_listen_skips_deeply_nested_messages(
    server: HTTPServer, run: Callable[..., Run], replay: type, monkeypatch: pytest.MonkeyPatch
) -> None:
    deep_event = '{"event": "posted", "data": ' + DEEP + ', "seq": 1}'
    monkeypatch.setattr(
        ReplayWebsocket, "messages", [event("hello", 0, {}), DEEP, deep_event, event("typing", 2, {})]
    )
    result = run("listen")
    assert result.code == 0 and result.err == "", result
    assert [json.loads(line)["event"] for line in result.out.splitlines()] == ["hello", "typing"]


def test_json_too_deep_to_print_is_refused() -> None:
    from mattermostdriver.cli.output import to_json

    deep: List[Any] = []
    for _ in range(100_000):  # deeper than any CPython's limit (3.13 encodes a few thousand levels)
        deep = [deep]
    with pytest.raises(ValueError, match="nested too deeply"):
        to_json(deep, indent=2)
