"""The command line against a local capture server (pytest-httpserver) and a fake websocket server."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable, ClassVar, Dict, Iterator, List, Optional, Tuple

import pytest
from pytest_httpserver import HTTPServer
from werkzeug.wrappers import Request, Response

from mattermostdriver import Driver, cli
from mattermostdriver.cli.inputs import DEFAULT_RETRIES, DEFAULT_TIMEOUT

from ..support.ws_server import TOKEN as WS_TOKEN
from ..support.ws_server import FakeMattermost
from .echo import client_sockets
from .servers import RawServer

pytestmark = pytest.mark.timeout(60)

TOKEN = "tok-s3cret-0123456789abcdef"
CHANNEL_ID = "c" * 26
ROOT = Path(__file__).resolve().parents[2]


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


@pytest.fixture(autouse=True)
def restore_package_logger() -> Iterator[None]:
    """--debug turns on the driver's debug logging for good: undo it after the test."""
    logger = logging.getLogger("mattermostdriver")
    handlers, level = list(logger.handlers), logger.level
    yield
    logger.handlers[:] = handlers
    logger.setLevel(level)


@pytest.fixture
def server(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> HTTPServer:
    """The capture server as MATTERMOST_URL, with MATTERMOST_TOKEN set."""
    monkeypatch.setenv("MATTERMOST_URL", httpserver.url_for("").rstrip("/"))
    monkeypatch.setenv("MATTERMOST_TOKEN", TOKEN)
    return httpserver


class Run:
    """What one ``main(argv)`` call gave."""

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
        for text in (captured.out, captured.err):
            assert TOKEN not in text
            assert "Traceback" not in text
        return Run(code, captured.out, captured.err)

    return call


def app_error(status: int, error_id: str, message: str) -> Dict[str, Any]:
    return {
        "id": error_id,
        "message": message,
        "detailed_error": "",
        "request_id": "rq1",
        "status_code": status,
    }


def requests_to(server: HTTPServer, path: str) -> List[Request]:
    return [request for request, _ in server.log if request.path == path]


# -- webhook -------------------------------------------------------------------------------------


def test_webhook_url_and_text_posts_the_payload_quietly(
    httpserver: HTTPServer, run: Callable[..., Run]
) -> None:
    httpserver.expect_request("/hooks/abc123", method="POST").respond_with_data("ok")
    result = run("webhook", httpserver.url_for("/hooks/abc123"), "backup done")
    assert (result.code, result.out, result.err) == (0, "", "")
    (request,) = requests_to(httpserver, "/hooks/abc123")
    assert request.get_json() == {"text": "backup done"}
    assert "Authorization" not in request.headers


def test_webhook_text_from_stdin_with_every_option(httpserver: HTTPServer, run: Callable[..., Run]) -> None:
    httpserver.expect_request("/hooks/abc123", method="POST").respond_with_data("ok")
    attachments = [{"fallback": "f", "color": "#ff0000", "text": "attached"}]
    result = run(
        "webhook",
        httpserver.url_for("/hooks/abc123"),
        "--channel",
        "ops",
        "--username",
        "cron",
        "--icon-url",
        "https://example.com/i.png",
        "--icon-emoji",
        "robot",
        "--attachments",
        json.dumps(attachments),
        "--props",
        '{"card": "more"}',
        stdin="line one\nline two\n\n",
    )
    assert result.code == 0, result
    (request,) = requests_to(httpserver, "/hooks/abc123")
    assert request.get_json() == {
        "text": "line one\nline two",
        "channel": "ops",
        "username": "cron",
        "icon_url": "https://example.com/i.png",
        "icon_emoji": "robot",
        "attachments": attachments,
        "props": {"card": "more"},
    }


def test_webhook_dash_reads_stdin_and_verbose_prints_the_answer(
    httpserver: HTTPServer, run: Callable[..., Run]
) -> None:
    httpserver.expect_request("/hooks/abc123", method="POST").respond_with_data("ok")
    result = run("webhook", "-v", httpserver.url_for("/hooks/abc123"), "-", stdin="piped")
    assert (result.code, result.out) == (0, "ok\n")
    assert requests_to(httpserver, "/hooks/abc123")[0].get_json() == {"text": "piped"}


def test_webhook_url_from_the_environment(
    httpserver: HTTPServer, run: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    httpserver.expect_request("/hooks/fromenv", method="POST").respond_with_data("ok")
    httpserver.expect_request("/hooks/given", method="POST").respond_with_data("ok")
    monkeypatch.setenv("MATTERMOST_WEBHOOK_URL", httpserver.url_for("/hooks/fromenv"))
    assert run("webhook", "text as the only argument").code == 0
    assert run("webhook", stdin="from stdin\n").code == 0
    assert run("webhook", "https://example.com is down").code == 0  # not a lone URL: it is the text
    assert run("webhook", httpserver.url_for("/hooks/given"), "explicit url wins").code == 0
    assert [r.get_json()["text"] for r in requests_to(httpserver, "/hooks/fromenv")] == [
        "text as the only argument",
        "from stdin",
        "https://example.com is down",
    ]
    assert [r.get_json()["text"] for r in requests_to(httpserver, "/hooks/given")] == ["explicit url wins"]


def test_webhook_usage_errors_exit_2(httpserver: HTTPServer, run: Callable[..., Run]) -> None:
    url = httpserver.url_for("/hooks/abc123")
    no_url = run("webhook", "just text")
    assert no_url.code == 2 and "webhook URL" in no_url.err
    nothing = run("webhook")
    assert nothing.code == 2 and "MATTERMOST_WEBHOOK_URL" in nothing.err
    schemeless = run("webhook", "chat.example.com/hooks/secretid", "text")
    assert schemeless.code == 2 and "secretid" not in schemeless.err
    empty = run("webhook", url, stdin="\n")
    assert empty.code == 2 and "empty message" in empty.err
    bad_json = run("webhook", url, "t", "--attachments", "[{")
    assert bad_json.code == 2 and "--attachments: not valid JSON" in bad_json.err
    bad_props = run("webhook", url, "t", "--props", "[1]")
    assert bad_props.code == 2 and "--props" in bad_props.err
    assert httpserver.log == []


def test_webhook_attachments_alone_and_from_a_file(
    httpserver: HTTPServer, run: Callable[..., Run], tmp_path: Path
) -> None:
    httpserver.expect_request("/hooks/abc123", method="POST").respond_with_data("ok")
    path = tmp_path / "att.json"
    path.write_text('{"text": "one attachment"}')
    result = run("webhook", httpserver.url_for("/hooks/abc123"), "--attachments", f"@{path}", stdin="")
    assert result.code == 0, result
    assert requests_to(httpserver, "/hooks/abc123")[0].get_json() == {
        "attachments": [{"text": "one attachment"}]
    }


def test_webhook_refused_exits_1_with_message_and_id_and_hides_the_hook_id(
    httpserver: HTTPServer, run: Callable[..., Run]
) -> None:
    httpserver.expect_request("/hooks/hooksecret42", method="POST").respond_with_json(
        app_error(400, "web.incoming_webhook.disabled.app_error", "Incoming webhooks have been disabled."),
        status=400,
    )
    result = run("webhook", httpserver.url_for("/hooks/hooksecret42"), "text")
    assert result.code == 1
    assert "Incoming webhooks have been disabled." in result.err
    assert "status 400" in result.err and "web.incoming_webhook.disabled.app_error" in result.err
    assert "hooksecret42" not in result.err
    assert result.out == ""


# -- credentials, options, errors ----------------------------------------------------------------


def test_missing_url_or_credentials_exit_2_with_a_clear_message(
    httpserver: HTTPServer, run: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MATTERMOST_TOKEN", TOKEN)
    no_url = run("whoami")
    assert no_url.code == 2 and "MATTERMOST_URL" in no_url.err
    monkeypatch.delenv("MATTERMOST_TOKEN")
    monkeypatch.setenv("MATTERMOST_URL", httpserver.url_for(""))
    no_token = run("api", "GET", "/users/me")
    assert no_token.code == 2 and "MATTERMOST_TOKEN" in no_token.err
    monkeypatch.setenv("MATTERMOST_LOGIN_ID", "alice")  # a login id without a password is not enough
    assert run("whoami").code == 2
    assert httpserver.log == []


def test_argparse_usage_errors_exit_2(run: Callable[..., Run]) -> None:
    unknown = run("frobnicate")
    assert unknown.code == 2 and "usage:" in unknown.err
    assert run().code == 2
    assert run("api", "FETCH", "/x").code == 2
    assert run("--help").code == 0


def test_whoami_prints_the_user_as_indented_json(server: HTTPServer, run: Callable[..., Run]) -> None:
    me = {"id": "u" * 26, "username": "alice", "roles": "system_user"}
    server.expect_request("/api/v4/users/me", headers={"Authorization": f"Bearer {TOKEN}"}).respond_with_json(
        me
    )
    result = run("whoami")
    assert result.code == 0, result
    assert json.loads(result.out) == me
    assert result.out == json.dumps(me, indent=2) + "\n"


def test_options_before_or_after_the_command_and_token_flag(
    httpserver: HTTPServer, run: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MATTERMOST_TOKEN", "env-token-not-used")
    httpserver.expect_request(
        "/api/v4/users/me", headers={"Authorization": f"Bearer {TOKEN}"}
    ).respond_with_json({"id": "u" * 26, "username": "alice"})
    url = httpserver.url_for("")
    assert run("--url", url, "--token", TOKEN, "whoami").code == 0
    assert run("whoami", "--url", url, "--token", TOKEN).code == 0
    assert run("--url", url, "whoami", "--token", TOKEN).code == 0


def test_password_login_then_logout(
    httpserver: HTTPServer, run: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MATTERMOST_URL", httpserver.url_for(""))
    monkeypatch.setenv("MATTERMOST_LOGIN_ID", "alice")
    monkeypatch.setenv("MATTERMOST_PASSWORD", "pw-very-secret")
    me = {"id": "u" * 26, "username": "alice"}
    httpserver.expect_request("/api/v4/users/login", method="POST").respond_with_json(
        me, headers={"Token": "session-token-xyz"}
    )
    httpserver.expect_request(
        "/api/v4/users/logout", method="POST", headers={"Authorization": "Bearer session-token-xyz"}
    ).respond_with_json({"status": "OK"})
    result = run("whoami")
    assert result.code == 0, result
    assert json.loads(result.out) == me
    (login,) = requests_to(httpserver, "/api/v4/users/login")
    assert login.get_json() == {"login_id": "alice", "password": "pw-very-secret"}
    assert len(requests_to(httpserver, "/api/v4/users/logout")) == 1


def test_wrong_password_exits_1_without_printing_it(
    httpserver: HTTPServer, run: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MATTERMOST_URL", httpserver.url_for(""))
    monkeypatch.setenv("MATTERMOST_LOGIN_ID", "alice")
    monkeypatch.setenv("MATTERMOST_PASSWORD", "pw-very-secret")
    httpserver.expect_request("/api/v4/users/login", method="POST").respond_with_json(
        app_error(
            401, "api.user.login.invalid_credentials_email_username", "Enter a valid email or username."
        ),
        status=401,
    )
    result = run("post", CHANNEL_ID, "hi")
    assert result.code == 1
    assert "api.user.login.invalid_credentials_email_username" in result.err
    assert "pw-very-secret" not in result.err


def test_a_failed_password_login_closes_the_driver(
    keepalive_server: RawServer, run: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MATTERMOST_URL", f"http://127.0.0.1:{keepalive_server.port}")
    monkeypatch.setenv("MATTERMOST_LOGIN_ID", "alice")
    monkeypatch.setenv("MATTERMOST_PASSWORD", "pw-very-secret")
    result = run("whoami")  # the server answers the user without a session token
    assert result.code == 1 and "no session token" in result.err
    assert keepalive_server.closed_by_peer.wait(5)  # the driver was closed, its connection with it


def test_a_password_session_is_logged_out_once_even_when_the_command_fails(
    httpserver: HTTPServer, run: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MATTERMOST_URL", httpserver.url_for(""))
    monkeypatch.setenv("MATTERMOST_LOGIN_ID", "alice")
    monkeypatch.setenv("MATTERMOST_PASSWORD", "pw-very-secret")
    httpserver.expect_request("/api/v4/users/login", method="POST").respond_with_json(
        {"id": "u" * 26, "username": "alice"}, headers={"Token": "session-token-xyz"}
    )
    httpserver.expect_request("/api/v4/posts", method="POST").respond_with_json(
        app_error(403, "api.context.permissions.app_error", "No permission."), status=403
    )
    httpserver.expect_request("/api/v4/users/logout", method="POST").respond_with_json({"status": "OK"})
    result = run("post", CHANNEL_ID, "hi")
    assert result.code == 1 and "api.context.permissions.app_error" in result.err
    assert len(requests_to(httpserver, "/api/v4/users/logout")) == 1
    assert client_sockets(httpserver.port) == set()


def test_a_failed_logout_is_a_warning_with_its_status(
    httpserver: HTTPServer, run: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    # a cron job whose sessions are not ended piles them up on the server: say so, once
    monkeypatch.setenv("MATTERMOST_URL", httpserver.url_for(""))
    monkeypatch.setenv("MATTERMOST_LOGIN_ID", "alice")
    monkeypatch.setenv("MATTERMOST_PASSWORD", "pw-very-secret")
    me = {"id": "u" * 26, "username": "alice"}
    httpserver.expect_request("/api/v4/users/login", method="POST").respond_with_json(
        me, headers={"Token": "session-token-xyz"}
    )
    httpserver.expect_request("/api/v4/users/logout", method="POST").respond_with_json(
        app_error(500, "app.session.revoke.app_error", "Could not end the session."), status=500
    )
    result = run("whoami")
    assert result.code == 0 and json.loads(result.out) == me  # the command itself worked
    (line,) = result.err.splitlines()
    assert "not logged out: 500 POST http://" in line and "/api/v4/users/logout" in line
    assert "Could not end the session. [app.session.revoke.app_error] (request id rq1)" in line
    assert "session-token-xyz" not in result.err and "pw-very-secret" not in result.err


def test_server_refusal_exits_1_with_message_status_and_id(
    server: HTTPServer, run: Callable[..., Run]
) -> None:
    server.expect_request("/api/v4/users/me").respond_with_json(
        app_error(
            401, "api.context.session_expired.app_error", "Invalid or expired session, please login again."
        ),
        status=401,
    )
    result = run("whoami")
    assert result.code == 1
    assert result.out == ""
    assert "Invalid or expired session, please login again." in result.err
    assert "status 401" in result.err and "error id api.context.session_expired.app_error" in result.err
    assert "request id rq1" in result.err
    assert result.err.count("\n") == 1


def test_debug_logs_requests_without_the_token(server: HTTPServer, run: Callable[..., Run]) -> None:
    server.expect_request("/api/v4/users/me").respond_with_json({"id": "u" * 26, "username": "alice"})
    result = run("--debug", "whoami")
    assert result.code == 0
    assert "GET" in result.err and "/api/v4/users/me" in result.err  # the run() fixture checks the token


def test_insecure_and_ca_bundle_exclude_each_other(
    server: HTTPServer, run: Callable[..., Run], tmp_path: Path
) -> None:
    bundle = tmp_path / "ca.pem"
    bundle.write_text("x")
    result = run("whoami", "--insecure", "--ca-bundle", str(bundle))
    assert result.code == 2 and "exclude" in result.err
    missing = run("whoami", "--ca-bundle", str(tmp_path / "nope.pem"))
    assert missing.code == 2 and "no such file" in missing.err


def test_tls_options_reach_the_driver(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: List[Any] = []

    class Recording(cli.Session):
        def __init__(self, args: Any, output: Any, **extra: Any) -> None:
            super().__init__(args, output, **extra)
            seen.append(self.driver.options["verify"])
            raise cli.UsageError("stop here")

    monkeypatch.setattr(cli.app, "Session", Recording)
    monkeypatch.setenv("MATTERMOST_URL", "chat.example.com")
    monkeypatch.setenv("MATTERMOST_TOKEN", TOKEN)
    bundle = tmp_path / "ca.pem"
    bundle.write_text("x")
    cli.main(["whoami"])
    cli.main(["whoami", "--insecure"])
    cli.main(["whoami", "--ca-bundle", str(bundle)])
    assert seen == [True, False, str(bundle)]


# -- post ------------------------------------------------------------------------------------------


def test_post_by_id_prints_the_new_post_id(server: HTTPServer, run: Callable[..., Run]) -> None:
    server.expect_request("/api/v4/posts", method="POST").respond_with_json({"id": "p" * 26}, status=201)
    result = run("post", CHANNEL_ID, "hello there")
    assert (result.code, result.out) == (0, "p" * 26 + "\n")
    body = requests_to(server, "/api/v4/posts")[0].get_json()
    assert body["channel_id"] == CHANNEL_ID and body["message"] == "hello there"
    assert body["pending_post_id"]  # made safe to retry by the driver
    assert "root_id" not in body and "file_ids" not in body


def test_post_team_channel_names_stdin_and_reply(server: HTTPServer, run: Callable[..., Run]) -> None:
    server.expect_request("/api/v4/teams/name/ops/channels/name/town-square").respond_with_json(
        {"id": CHANNEL_ID, "name": "town-square"}
    )
    server.expect_request("/api/v4/posts", method="POST").respond_with_json({"id": "p" * 26}, status=201)
    result = run("post", "ops/town-square", "--reply-to", "r" * 26, stdin="from a pipe\n")
    assert result.code == 0, result
    body = requests_to(server, "/api/v4/posts")[0].get_json()
    assert (body["channel_id"], body["message"], body["root_id"]) == (CHANNEL_ID, "from a pipe", "r" * 26)
    # the web app's URL form and a ~ before the channel name resolve the same way
    assert run("post", "ops/channels/~town-square", "again").code == 0
    assert len(requests_to(server, "/api/v4/teams/name/ops/channels/name/town-square")) == 2


def test_post_unknown_channel_exits_1(server: HTTPServer, run: Callable[..., Run]) -> None:
    server.expect_request("/api/v4/teams/name/ops/channels/name/nope").respond_with_json(
        app_error(404, "app.channel.get_by_name.missing.app_error", "Channel does not exist."), status=404
    )
    result = run("post", "ops/nope", "hi")
    assert result.code == 1
    assert (
        "Channel does not exist." in result.err and "app.channel.get_by_name.missing.app_error" in result.err
    )
    assert requests_to(server, "/api/v4/posts") == []


def test_post_usage_errors(server: HTTPServer, run: Callable[..., Run], tmp_path: Path) -> None:
    bad_spec = run("post", "just-a-name", "hi")
    assert bad_spec.code == 2 and "TEAM/CHANNEL" in bad_spec.err
    missing = run("post", CHANNEL_ID, "hi", "--file", str(tmp_path / "missing.txt"))
    assert missing.code == 2 and "missing.txt" in missing.err
    empty = run("post", CHANNEL_ID, stdin="")
    assert empty.code == 2 and "empty message" in empty.err
    assert server.log == []


def test_post_with_files_uploads_then_attaches(
    server: HTTPServer, run: Callable[..., Run], tmp_path: Path
) -> None:
    first, second = tmp_path / "report.txt", tmp_path / "data.bin"
    first.write_bytes(b"the report\n")
    second.write_bytes(bytes(range(256)) * 10)
    server.expect_request("/api/v4/files", method="POST").respond_with_json(
        {"file_infos": [{"id": "f1" + "x" * 24}, {"id": "f2" + "x" * 24}], "client_ids": []}, status=201
    )
    server.expect_request("/api/v4/posts", method="POST").respond_with_json({"id": "p" * 26}, status=201)
    result = run("post", CHANNEL_ID, "two files", "--file", str(first), "--file", str(second))
    assert (result.code, result.out) == (0, "p" * 26 + "\n"), result
    (upload,) = requests_to(server, "/api/v4/files")
    assert upload.form["channel_id"] == CHANNEL_ID
    files = upload.files.getlist("files")
    assert [f.filename for f in files] == ["report.txt", "data.bin"]
    assert [f.read() for f in files] == [first.read_bytes(), second.read_bytes()]
    body = requests_to(server, "/api/v4/posts")[0].get_json()
    assert body["file_ids"] == ["f1" + "x" * 24, "f2" + "x" * 24] and body["message"] == "two files"


def test_post_files_only_from_a_terminal_does_not_wait_for_stdin(
    server: HTTPServer, run: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"a")
    tty = io.StringIO("never read")
    tty.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr(sys, "stdin", tty)
    server.expect_request("/api/v4/files", method="POST").respond_with_json(
        {"file_infos": [{"id": "f" * 26}]}, status=201
    )
    server.expect_request("/api/v4/posts", method="POST").respond_with_json({"id": "p" * 26}, status=201)
    assert run("post", CHANNEL_ID, "--file", str(path)).code == 0
    assert requests_to(server, "/api/v4/posts")[0].get_json()["message"] == ""
    assert tty.read() == "never read"


# -- upload ----------------------------------------------------------------------------------------


Upload = Tuple[str, str, bytes]  # channel_id, file name, content


def _upload_handler(seen: List[Upload]) -> Callable[[Request], Response]:
    """POST /files as the server takes it: multipart, channel_id and one or more files."""

    def handle(request: Request) -> Response:
        infos = []
        for part in request.files.getlist("files"):
            seen.append((request.form["channel_id"], part.filename or "", part.read()))
            infos.append({"id": f"f{len(seen)}".ljust(26, "x"), "name": part.filename})
        return Response(json.dumps({"file_infos": infos}), status=201, content_type="application/json")

    return handle


def test_upload_sends_each_file_and_posts_them(
    server: HTTPServer, run: Callable[..., Run], tmp_path: Path
) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.bin"
    one.write_bytes(b"first file")
    two.write_bytes(os.urandom(100_000))
    seen: List[Upload] = []
    server.expect_request("/api/v4/files", method="POST").respond_with_handler(_upload_handler(seen))
    server.expect_request("/api/v4/posts", method="POST").respond_with_json({"id": "p" * 26}, status=201)
    result = run("upload", CHANNEL_ID, str(one), str(two), "-m", "the files")
    assert (result.code, result.out, result.err) == (0, "p" * 26 + "\n", ""), result  # no bar off a terminal
    assert seen == [
        (CHANNEL_ID, "one.txt", one.read_bytes()),
        (CHANNEL_ID, "two.bin", two.read_bytes()),
    ]
    assert len(requests_to(server, "/api/v4/files")) == 2  # one request per file, one bar each
    body = requests_to(server, "/api/v4/posts")[0].get_json()
    assert body["file_ids"] == ["f1".ljust(26, "x"), "f2".ljust(26, "x")] and body["message"] == "the files"


def test_upload_shows_progress_on_a_terminal(
    server: HTTPServer, run: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(2_621_440))  # 2.5 MiB: the upload streams it in blocks of 1 MiB
    seen: List[Upload] = []
    server.expect_request("/api/v4/files", method="POST").respond_with_handler(_upload_handler(seen))
    server.expect_request("/api/v4/posts", method="POST").respond_with_json({"id": "p" * 26}, status=201)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    result = run("upload", CHANNEL_ID, str(big))
    assert result.code == 0, result
    assert seen[0][2] == big.read_bytes()
    frames = [f for f in result.err.split("\r") if f]
    assert len(frames) > 3  # redrawn while the body was being sent, not once
    assert frames[0].startswith("big.bin [") and "  0%" in frames[0]
    assert frames[-1].startswith("big.bin [" + "#" * 30 + "] 100%") and frames[-1].endswith("\n")
    assert "2.5 MiB / 2.5 MiB" in frames[-1]
    percents = [int(f.split("]")[1].split("%")[0]) for f in frames]
    assert percents == sorted(percents) and len(set(percents)) == len(percents)


def test_upload_goes_through_files_upload_file_with_the_bar_as_progress(
    server: HTTPServer, run: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mattermostdriver.endpoints.files import Files

    path = tmp_path / "a.bin"
    path.write_bytes(b"a" * 3000)
    calls: List[Tuple[str, Any, Any]] = []
    original = Files.upload_file

    def spy(self: Files, channel_id: str, files: Any, *, progress: Any = None) -> Any:
        calls.append((channel_id, files, progress))
        return original(self, channel_id, files, progress=progress)

    monkeypatch.setattr(Files, "upload_file", spy)
    server.expect_request("/api/v4/files", method="POST").respond_with_handler(_upload_handler([]))
    server.expect_request("/api/v4/posts", method="POST").respond_with_json({"id": "p" * 26}, status=201)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert run("upload", CHANNEL_ID, str(path)).code == 0
    ((channel_id, files, progress),) = calls
    assert channel_id == CHANNEL_ID
    ((field, (name, fh)),) = files
    assert (field, name, fh.name, fh.closed) == ("files", "a.bin", str(path), True)
    assert isinstance(progress.__self__, cli.ProgressBar) and progress.__name__ == "sent"


def test_progress_bar_counts_the_file_within_the_request_body() -> None:
    stream = io.StringIO()
    bar = cli.ProgressBar("f.bin", 1000, stream)
    bar.update(0)
    # the body: 150 bytes of form field and part headers, the file, 50 bytes of closing boundary
    for sent in (150, 650, 1150, 1200):
        bar.sent(sent, 1200)
    bar.sent(150, 1200)  # a resent body starts again
    bar.finish()
    frames = stream.getvalue().split("\r")[1:]
    assert [f.split("]")[1].split("%")[0].strip() for f in frames] == ["0", "45", "95", "100", "0"]
    assert frames[3] == "f.bin [" + "#" * 30 + "] 100% 1000 B / 1000 B"
    assert frames[4].endswith("0 B / 1000 B\n")


def test_progress_bar_cuts_long_names() -> None:
    stream = io.StringIO()
    cli.ProgressBar("n" * 40 + ".bin", 10, stream).update(5)
    assert stream.getvalue() == "\r" + "n" * 27 + "... [" + "#" * 15 + "-" * 15 + "]  50% 5 B / 10 B"


def test_upload_empty_file_goes_as_multipart_without_a_bar(
    server: HTTPServer, run: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    server.expect_request("/api/v4/files", method="POST").respond_with_json(
        {"file_infos": [{"id": "e" * 26}]}, status=201
    )
    server.expect_request("/api/v4/posts", method="POST").respond_with_json({"id": "p" * 26}, status=201)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    result = run("upload", CHANNEL_ID, str(empty))
    assert (result.code, result.err) == (0, ""), result
    (upload,) = requests_to(server, "/api/v4/files")
    assert upload.form["channel_id"] == CHANNEL_ID and upload.files["files"].filename == "empty.txt"


# -- api -------------------------------------------------------------------------------------------


def test_api_get_with_params_prints_indented_json(server: HTTPServer, run: Callable[..., Run]) -> None:
    users = [{"id": "u1"}, {"id": "u2"}]
    server.expect_request("/api/v4/users", method="GET").respond_with_json(users)
    result = run(
        "api",
        "get",
        "/users",
        "--param",
        "page=0",
        "--param",
        "per_page=2",
        "--param",
        "x=a",
        "--param",
        "x=b=c",
    )
    assert result.code == 0, result
    assert result.out == json.dumps(users, indent=2) + "\n"
    (request,) = requests_to(server, "/api/v4/users")
    assert request.args["page"] == "0" and request.args["per_page"] == "2"
    assert request.args.getlist("x") == ["a", "b=c"]
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"


def test_api_post_with_data_inline_file_and_stdin(
    server: HTTPServer, run: Callable[..., Run], tmp_path: Path
) -> None:
    server.expect_request("/api/v4/channels", method="POST").respond_with_json({"id": CHANNEL_ID}, status=201)
    body = {"team_id": "t" * 26, "name": "new", "display_name": "New", "type": "O"}
    path = tmp_path / "body.json"
    path.write_text(json.dumps(body))
    assert run("api", "POST", "/channels", "--data", json.dumps(body)).code == 0
    assert run("api", "POST", "channels", "--data", f"@{path}").code == 0
    assert run("api", "POST", "/api/v4/channels", "--data", "-", stdin=json.dumps(body)).code == 0
    sent = requests_to(server, "/api/v4/channels")
    assert [r.get_json() for r in sent] == [body, body, body]


def test_api_binary_answer_is_written_raw(
    server: HTTPServer, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
    server.expect_request("/api/v4/files/abc").respond_with_data(png, content_type="image/png")
    assert cli.main(["api", "GET", "/files/abc"]) == 0
    assert capsysbinary.readouterr().out == png


def test_api_empty_answer_prints_nothing(server: HTTPServer, run: Callable[..., Run]) -> None:
    server.expect_request("/api/v4/posts/abc", method="DELETE").respond_with_data("", status=204)
    result = run("api", "DELETE", "/posts/abc")
    assert (result.code, result.out) == (0, "")


def test_api_usage_errors(server: HTTPServer, run: Callable[..., Run]) -> None:
    url = run("api", "GET", "https://elsewhere.example.com/steal")  # the token must not go elsewhere
    assert url.code == 2 and "not a URL" in url.err
    param = run("api", "GET", "/users", "--param", "novalue")
    assert param.code == 2 and "KEY=VALUE" in param.err
    data = run("api", "POST", "/users", "--data", "{nope")
    assert data.code == 2 and "--data: not valid JSON" in data.err
    assert server.log == []


def test_api_refused_exits_1(server: HTTPServer, run: Callable[..., Run]) -> None:
    server.expect_request("/api/v4/system/logs").respond_with_json(
        app_error(403, "api.context.permissions.app_error", "You do not have the appropriate permissions."),
        status=403,
    )
    result = run("api", "GET", "/system/logs")
    assert result.code == 1
    assert "You do not have the appropriate permissions." in result.err
    assert "status 403" in result.err and "api.context.permissions.app_error" in result.err


# -- listen ----------------------------------------------------------------------------------------


class FakeWebsocket:
    """Stands in for mattermostdriver.websocket.Websocket: replays messages, then ends."""

    made: ClassVar[List[FakeWebsocket]] = []
    messages: ClassVar[List[str]] = []
    interrupt: ClassVar[bool] = False

    def __init__(self, options: Dict[str, Any], token: Optional[str]) -> None:
        self.options, self.token, self.error = options, token, None
        self.stopped = False
        FakeWebsocket.made.append(self)

    def start(self, handler: Callable[[str], None]) -> FakeWebsocket:
        for message in self.messages:
            handler(message)
        return self

    def wait(self, timeout: Optional[float] = None) -> bool:
        if self.interrupt:
            raise KeyboardInterrupt
        return True

    def stop(self) -> None:
        self.stopped = True

    def disconnect(self) -> None:
        self.stopped = True


@pytest.fixture
def fake_websocket(monkeypatch: pytest.MonkeyPatch) -> type:
    import mattermostdriver.websocket

    monkeypatch.setattr(FakeWebsocket, "made", [])
    monkeypatch.setattr(
        FakeWebsocket,
        "messages",
        [
            json.dumps({"event": "hello", "data": {"connection_id": "x"}, "seq": 0}),
            json.dumps({"status": "OK", "seq_reply": 1}),
            "not json",
            json.dumps({"event": "posted", "data": {"post": '{"message": "hi\\nthere"}'}, "seq": 1}),
            json.dumps({"event": "typing", "data": {}, "seq": 2}),
        ],
    )
    monkeypatch.setattr(mattermostdriver.websocket, "Websocket", FakeWebsocket)
    return FakeWebsocket


def test_listen_prints_events_as_json_lines(
    server: HTTPServer, run: Callable[..., Run], fake_websocket: type
) -> None:
    result = run("listen")
    assert result.code == 0, result
    lines = result.out.splitlines()
    assert [json.loads(line).get("event") for line in lines] == ["hello", None, "posted", "typing"]
    assert json.loads(lines[2])["data"]["post"] == '{"message": "hi\\nthere"}'  # one line per event
    (ws,) = FakeWebsocket.made
    assert ws.token == TOKEN and ws.options["keepalive"] is True and ws.stopped


def test_listen_filters_events_and_stops_after_count(
    server: HTTPServer, run: Callable[..., Run], fake_websocket: type
) -> None:
    filtered = run("listen", "--event", "posted", "--event", "typing")
    assert [json.loads(line)["event"] for line in filtered.out.splitlines()] == ["posted", "typing"]
    counted = run("listen", "--count", "2")
    assert [json.loads(line).get("event") for line in counted.out.splitlines()] == ["hello", None]
    assert run("listen", "--count", "0").code == 2


def test_listen_ctrl_c_exits_0(
    server: HTTPServer, run: Callable[..., Run], fake_websocket: type, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(FakeWebsocket, "interrupt", True)
    result = run("listen")
    assert result.code == 0 and FakeWebsocket.made[0].stopped


@pytest.fixture
def ws_server() -> Iterator[FakeMattermost]:
    srv = FakeMattermost()
    yield srv
    srv.close()


def test_listen_against_a_websocket_server(
    ws_server: FakeMattermost, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MATTERMOST_URL", f"http://127.0.0.1:{ws_server.port}")
    monkeypatch.setenv("MATTERMOST_TOKEN", WS_TOKEN)
    codes: List[int] = []
    thread = threading.Thread(
        target=lambda: codes.append(cli.main(["listen", "--event", "posted", "--count", "2"]))
    )
    thread.start()
    deadline = time.monotonic() + 10
    while not ws_server.active_ids and time.monotonic() < deadline:
        time.sleep(0.01)
    ws_server.emit("typing", {"user_id": "u"})
    ws_server.emit("posted", {"post": json.dumps({"message": "one"})})
    ws_server.emit("posted", {"post": json.dumps({"message": "two"})})
    thread.join(10)
    assert not thread.is_alive() and codes == [0]
    out = capsys.readouterr().out
    assert [json.loads(json.loads(line)["data"]["post"])["message"] for line in out.splitlines()] == [
        "one",
        "two",
    ]


def test_listen_refused_token_exits_1(
    ws_server: FakeMattermost, run: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MATTERMOST_URL", f"http://127.0.0.1:{ws_server.port}")
    monkeypatch.setenv("MATTERMOST_TOKEN", TOKEN)  # not the one the server takes
    result = run("listen")
    assert result.code == 1
    assert "401" in result.err and result.out == ""


# -- python -m -------------------------------------------------------------------------------------


def test_python_dash_m_help_works_and_shows_no_token() -> None:
    env = dict(os.environ, MATTERMOST_TOKEN=TOKEN, MATTERMOST_URL="https://chat.example.com")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    for argv in (["--help"], ["webhook", "--help"], ["post", "--help"], ["api", "--help"]):
        done = subprocess.run(
            [sys.executable, "-m", "mattermostdriver", *argv],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("usage: mattermostdriver")
        assert TOKEN not in done.stdout + done.stderr
    listing = subprocess.run(
        [sys.executable, "-m", "mattermostdriver", "--help"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    ).stdout
    for command in ("webhook", "whoami", "post", "upload", "listen", "api"):
        assert command in listing
    usage = subprocess.run(
        [sys.executable, "-m", "mattermostdriver", "post"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert usage.returncode == 2 and "usage:" in usage.stderr


# -- the command line in cron: bounded time, quiet success, the webhook never misread, one URL rule --


@pytest.fixture
def configured(monkeypatch: pytest.MonkeyPatch) -> List[Dict[str, Any]]:
    """The options of each driver the commands make (the command then goes on as usual)."""
    seen: List[Dict[str, Any]] = []

    class Recording(cli.Session):
        def __init__(self, args: Any, output: Any, **extra: Any) -> None:
            super().__init__(args, output, **extra)
            seen.append({**self.driver.options, "base": self.driver.client.url})

    monkeypatch.setattr(cli.app, "Session", Recording)
    return seen


# -- --timeout and --retries ---------------------------------------------------------------------


def test_a_command_has_a_timeout_of_seconds_not_minutes(
    server: HTTPServer, run: Callable[..., Run], configured: List[Dict[str, Any]]
) -> None:
    server.expect_request("/api/v4/users/me").respond_with_json({"id": "u" * 26, "username": "alice"})
    assert run("whoami").code == 0
    (options,) = configured
    assert options["request_timeout"] == (DEFAULT_TIMEOUT,) * 3 and options["retries"] == DEFAULT_RETRIES
    # worst case for a server that never answers: every attempt waits its limit, plus the backoffs
    worst = (DEFAULT_RETRIES + 1) * DEFAULT_TIMEOUT + sum(0.5 * 2**n for n in range(DEFAULT_RETRIES))
    assert worst < 60


def test_timeout_and_retries_from_the_options_or_the_environment(
    server: HTTPServer,
    run: Callable[..., Run],
    configured: List[Dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server.expect_request("/api/v4/users/me").respond_with_json({"id": "u" * 26, "username": "alice"})
    assert run("whoami", "--timeout", "2.5", "--retries", "0").code == 0
    assert run("--timeout", "4", "whoami").code == 0
    monkeypatch.setenv("MATTERMOST_TIMEOUT", "7")
    monkeypatch.setenv("MATTERMOST_RETRIES", "5")
    assert run("whoami").code == 0
    assert run("whoami", "--retries", "1").code == 0  # the option wins over the variable
    assert [(o["request_timeout"][0], o["retries"]) for o in configured] == [
        (2.5, 0),
        (4.0, DEFAULT_RETRIES),
        (7.0, 5),
        (7.0, 1),
    ]


def test_whoami_against_a_server_that_never_answers(
    silent_server: RawServer,
    run: Callable[..., Run],
    configured: List[Dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MATTERMOST_URL", f"http://127.0.0.1:{silent_server.port}")
    monkeypatch.setenv("MATTERMOST_TOKEN", TOKEN)
    monkeypatch.setenv("MATTERMOST_TIMEOUT", "0.3")
    result = run("whoami", "--retries", "1")
    assert result.code == 1 and result.out == ""  # the documented status: could not be reached
    assert "timed out" in result.err and "GET" in result.err
    (options,) = configured
    assert options["request_timeout"] == (0.3, 0.3, 0.3) and options["retries"] == 1
    assert silent_server.accepted == 2  # the first attempt, and one retry


@pytest.mark.parametrize(
    "argv, variables, named",
    [
        (["--timeout", "0"], {}, "--timeout: give a positive number of seconds, got '0'"),
        (["--timeout", "soon"], {}, "--timeout: give a positive number of seconds, got 'soon'"),
        (["--retries", "-1"], {}, "--retries: give a whole number >= 0, got '-1'"),
        (["--retries", "2.5"], {}, "--retries: give a whole number >= 0, got '2.5'"),
        (
            [],
            {"MATTERMOST_TIMEOUT": "nan"},
            "MATTERMOST_TIMEOUT: give a positive number of seconds, got 'nan'",
        ),
        ([], {"MATTERMOST_RETRIES": "many"}, "MATTERMOST_RETRIES: give a whole number >= 0, got 'many'"),
    ],
)
def test_bad_timeout_or_retries_is_a_usage_error(
    server: HTTPServer,
    run: Callable[..., Run],
    monkeypatch: pytest.MonkeyPatch,
    argv: List[str],
    variables: Dict[str, str],
    named: str,
) -> None:
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    result = run("whoami", *argv)
    assert result.code == 2 and named in result.err
    assert server.log == []


def test_webhook_takes_timeout_and_retries_too(httpserver: HTTPServer, run: Callable[..., Run]) -> None:
    httpserver.expect_request("/hooks/abc123", method="POST").respond_with_data("ok")
    made: List[Dict[str, Any]] = []
    original = Driver.__init__

    def recording(self: Driver, options: Any = None) -> None:
        original(self, options)
        made.append(dict(self.options))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Driver, "__init__", recording)
        assert (
            run("webhook", "--timeout", "3", "--retries", "0", httpserver.url_for("/hooks/abc123"), "t").code
            == 0
        )
    assert made[0]["request_timeout"] == (3.0, 3.0, 3.0) and made[0]["retries"] == 0


# -- -q --------------------------------------------------------------------------------------------


def test_quiet_post_and_upload_print_nothing(
    server: HTTPServer, run: Callable[..., Run], tmp_path: Path
) -> None:
    server.expect_request("/api/v4/posts", method="POST").respond_with_json({"id": "p" * 26}, status=201)
    server.expect_request("/api/v4/files", method="POST").respond_with_handler(_upload_handler([]))
    path = tmp_path / "report.txt"
    path.write_text("numbers")
    for argv in (
        ["post", CHANNEL_ID, "nightly backup done", "-q"],
        ["-q", "post", CHANNEL_ID, "again"],
        ["upload", CHANNEL_ID, str(path), "--quiet"],
    ):
        result = run(*argv)
        assert (result.code, result.out, result.err) == (0, "", ""), (argv, result)
    assert len(requests_to(server, "/api/v4/posts")) == 3  # quiet, not idle
    loud = run("post", CHANNEL_ID, "loud")
    assert loud.out == "p" * 26 + "\n"


def test_quiet_still_reports_errors(server: HTTPServer, run: Callable[..., Run]) -> None:
    server.expect_request("/api/v4/posts", method="POST").respond_with_json(
        {"id": "api.post.create_post.channel_not_found.app_error", "message": "No such channel."}, status=404
    )
    result = run("post", CHANNEL_ID, "hi", "-q")
    assert result.code == 1 and result.out == "" and "No such channel." in result.err


# -- webhook: a message is never a URL -----------------------------------------------------------------


def test_a_message_that_looks_like_a_url_goes_to_the_configured_hook(
    httpserver: HTTPServer, run: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    httpserver.expect_request("/hooks/fromenv", method="POST").respond_with_data("ok")
    httpserver.expect_request("/build/42", method="POST").respond_with_data("not a hook")
    monkeypatch.setenv("MATTERMOST_WEBHOOK_URL", httpserver.url_for("/hooks/fromenv"))
    build = httpserver.url_for("/build/42")
    assert run("webhook", build).code == 0
    assert run("webhook", build, stdin="the message on stdin\n").code == 0
    assert [r.get_json()["text"] for r in requests_to(httpserver, "/hooks/fromenv")] == [build, build]
    assert requests_to(httpserver, "/build/42") == []  # nothing ever went to the other address


def test_a_hook_url_on_the_command_line_must_look_like_a_hook(
    httpserver: HTTPServer, run: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    httpserver.expect_request("/build/42", method="POST").respond_with_data("not a hook")
    httpserver.expect_request("/mm/hooks/given", method="POST").respond_with_data("ok")
    build = httpserver.url_for("/build/42")
    alone = run("webhook", build, stdin="text\n")
    assert alone.code == 2 and "not a webhook URL" in alone.err
    monkeypatch.setenv("MATTERMOST_WEBHOOK_URL", httpserver.url_for("/hooks/fromenv"))
    both = run("webhook", build, "text")
    assert both.code == 2 and "not a webhook URL" in both.err
    assert requests_to(httpserver, "/build/42") == []
    assert run("webhook", httpserver.url_for("/mm/hooks/given"), "another hook").code == 0  # under a path
    assert [r.get_json()["text"] for r in requests_to(httpserver, "/mm/hooks/given")] == ["another hook"]


# -- one URL rule ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, base",
    [
        ("chat.example.com", "https://chat.example.com:8065/api/v4"),
        ("chat.example.com:443", "https://chat.example.com:443/api/v4"),
        ("chat.example.com:8443/mattermost", "https://chat.example.com:8443/mattermost/api/v4"),
        ("https://chat.example.com", "https://chat.example.com:443/api/v4"),
        ("http://localhost:8065", "http://localhost:8065/api/v4"),
    ],
)
def test_the_command_reads_the_url_as_the_driver_does(
    run: Callable[..., Run],
    configured: List[Dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
    url: str,
    base: str,
) -> None:
    def stop(*args: Any, **kwargs: Any) -> Any:
        raise cli.UsageError("stop here")

    monkeypatch.setattr(cli.app, "whoami", stop)
    monkeypatch.setitem(cli.app.COMMANDS, "whoami", stop)
    run("--url", url, "--token", TOKEN, "whoami")
    assert configured[0]["base"] == base == Driver({"url": url}).client.url
