"""The drift tool (scripts/api_table.py): its sources, its drift and its command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, List

import pytest

from ..support.scripts import load_script

ROOT = Path(__file__).resolve().parents[2]
api_table = load_script("api_table")

USERS_FRAGMENT = """\
  /api/v4/users/{user_id}/widgets:
    get:
      tags:
        - users
        - widgets
      summary: Get a user's
        widgets
      description: |
        Lists widgets.

        __Minimum server version__: 11.9
      operationId: GetUserWidgets
    post:
      tags:
        - users
      summary: Create a widget
      description: |
        *__Minimum server version__: TBD*
      operationId: CreateUserWidget
  "/api/v4/widgets/{widget_id}":
    delete:
      tags:
        - widgets
      summary: Delete a widget
      operationId: DeleteWidget
"""


def _row(attribute: str, method: str, http: str, path: str, op_id: str, note: str = "") -> Dict[str, str]:
    return {
        "attribute": attribute,
        "method": method,
        "http_method": http,
        "path": path,
        "operationId": op_id,
        "origin": "spec",
        "classic_params": "",
        "note": note,
    }


@pytest.fixture
def fragments(tmp_path: Path) -> Path:
    (tmp_path / "introduction.yaml").write_text("openapi: 3.0.0\ninfo:\n  title: Mattermost API\n")
    (tmp_path / "definitions.yaml").write_text("components:\n  schemas:\n    User:\n      type: object\n")
    (tmp_path / "users.yaml").write_text(USERS_FRAGMENT)
    return tmp_path


def test_a_folder_of_fragments_gives_its_operations_in_order(fragments: Path) -> None:
    ops = api_table.load(fragments)
    assert [(o.method, o.path, o.operation_id, o.tag) for o in ops] == [
        ("GET", "/api/v4/users/{user_id}/widgets", "GetUserWidgets", "users"),
        ("POST", "/api/v4/users/{user_id}/widgets", "CreateUserWidget", "users"),
        ("DELETE", "/api/v4/widgets/{widget_id}", "DeleteWidget", "widgets"),
    ]
    assert ops[0].summary == "Get a user's widgets"
    assert [o.min_version for o in ops] == ["11.9", "TBD", ""]
    assert [o.released for o in ops] == [True, False, True]


def test_a_json_document_and_a_yaml_document_are_read(tmp_path: Path) -> None:
    doc = {
        "openapi": "3.0.0",
        "paths": {"/plugins/x/api/v0/things": {"get": {"operationId": "getThings", "summary": "Things"}}},
    }
    (tmp_path / "bundle.json").write_text(json.dumps(doc))
    (tmp_path / "plugin.yaml").write_text(
        "openapi: 3.0.0\npaths:\n  /plugins/x/api/v0/things:\n    get:\n      operationId: getThings\n"
    )
    for name in ("bundle.json", "plugin.yaml"):
        (op,) = api_table.load(tmp_path / name)
        assert (op.method, op.path, op.operation_id) == ("GET", "/plugins/x/api/v0/things", "getThings")
    with pytest.raises(ValueError):
        api_table.load(tmp_path / "bundle.txt")


def test_min_version_reads_the_spellings_of_the_description() -> None:
    assert api_table.min_version("__Minimum server version__: 11.6\n") == "11.6"
    assert api_table.min_version("__Minimum server version: 11.10__") == "11.10"
    assert api_table.min_version("*Minimum server version*: 5.35") == "5.35"
    assert api_table.min_version("__Minimum server version__: TBD") == "TBD"
    assert api_table.min_version("no version here") == ""


def test_drift_finds_each_kind(fragments: Path) -> None:
    ops = api_table.load(fragments)
    rows = [
        # matches, with the path parameter renamed and another operationId
        _row("widgets", "delete_widget", "DELETE", "/api/v4/widgets/{id}", "RemoveWidget"),
        # left the description
        _row("widgets", "get_widget", "GET", "/api/v4/widgets/{widget_id}", "GetWidget"),
        # left it, and the table knows
        _row("widgets", "old_route", "GET", "/api/v4/widgets/old", "GetOld", "removed in server 11.8"),
        # not in any description
        _row("webhooks", "call_webhook", "POST", "/hooks/{hook_id}", "-"),
    ]
    result = api_table.drift(ops, rows)
    assert [o.operation_id for o in result.missing] == ["GetUserWidgets"]  # the TBD one is left out
    assert [o.operation_id for o in result.unreleased] == ["CreateUserWidget"]
    assert [r["method"] for r in result.gone] == ["get_widget"]
    assert [(r["method"], o.path) for r, o in result.renamed] == [
        ("delete_widget", "/api/v4/widgets/{widget_id}")
    ]
    assert [(r["operationId"], o.operation_id) for r, o in result.reidentified] == [
        ("RemoveWidget", "DeleteWidget")
    ]
    assert result
    text = api_table.report(result)
    assert "operations without a method (1):" in text and "GET /api/v4/users/{user_id}/widgets" in text
    assert "driver.widgets.get_widget" in text and "-> /api/v4/widgets/{widget_id}" in text
    assert "CreateUserWidget" not in text
    assert "CreateUserWidget" in api_table.report(result, verbose=True)


def test_a_removed_row_whose_route_comes_back_is_reported() -> None:
    op = api_table.Operation("users", "POST", "/api/v4/users/mfa", "CheckUserMfa", "Check MFA")
    row = _row("users", "check_mfa", "POST", "/api/v4/users/mfa", "CheckUserMfa", "removed: gone in 11.8")
    result = api_table.drift([op], [row])
    assert [r["method"] for r, _ in result.revived] == ["check_mfa"] and result


def test_suggested_rows_name_the_method_after_the_operation(fragments: Path) -> None:
    ops = api_table.load(fragments)
    rows = [_row("users", "delete_widget", "DELETE", "/api/v4/widgets/{widget_id}", "DeleteWidget")]
    listed = [api_table.Operation("users", "DELETE", "/api/v4/widgets/{widget_id}", "DeleteWidget", "")]
    lines = api_table.suggested_rows(api_table.drift(ops, rows), rows, listed + ops)
    assert lines == [
        "users\tget_user_widgets\tGET\t/api/v4/users/{user_id}/widgets\tGetUserWidgets\tspec\t\t"
    ]


@pytest.mark.parametrize(
    "operation_id, name",
    [
        ("GetCELVisualAST", "get_cel_visual_ast"),
        ("GenerateCFPostReport", "generate_cf_post_report"),
        ("RegisterOAuthClient", "register_oauth_client"),
        ("getPlaybookRunByChannelId", "get_playbook_run_by_channel_id"),
        ("finish", "finish"),
    ],
)
def test_snake_case(operation_id: str, name: str) -> None:
    assert api_table.snake_case(operation_id) == name


def test_every_spec_row_is_named_after_its_operation() -> None:
    """Rows named otherwise say why in their note."""
    strays = [
        f"{r['attribute']}.{r['method']} ({r['operationId']})"
        for r in api_table.load_table()
        if r["origin"] == "spec"
        and r["method"] != api_table.snake_case(r["operationId"])
        and "operationId" not in r["note"]
    ]
    assert not strays, strays


def test_the_operation_list_is_in_the_tools_format() -> None:
    """Refreshing the list with ``scripts/api-table operations`` writes this exact format."""
    text = api_table.OPERATIONS.read_text(encoding="utf-8")
    assert api_table.operation_list(api_table.load(api_table.OPERATIONS)) == text


def test_the_command_line(fragments: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert api_table.main(["drift"]) == 0  # the vendored list against the table
    capsys.readouterr()
    table = tmp_path / "table.tsv"
    table.write_text(
        "\t".join(api_table.TABLE_COLUMNS)
        + "\n"
        + "\t".join(
            _row("widgets", "delete_widget", "DELETE", "/api/v4/widgets/{widget_id}", "DeleteWidget").values()
        )
        + "\n"
    )
    assert api_table.main(["drift", str(fragments), "--table", str(table)]) == 1
    out = capsys.readouterr().out
    assert "GetUserWidgets" in out and "DeleteWidget" not in out
    assert api_table.main(["rows", str(fragments), "--table", str(table)]) == 0
    assert capsys.readouterr().out.startswith("users\tget_user_widgets\tGET\t")
    assert api_table.main(["operations", str(fragments)]) == 0
    lines: List[str] = capsys.readouterr().out.splitlines()
    assert lines[0] == "tag\tmethod\tpath\toperationId\tsummary" and len(lines) == 3  # TBD left out


REQUESTS_FRAGMENT = """\
  /api/v4/files:
    parameters:
      - name: shared
        in: query
        schema:
          type: string
    post:
      operationId: UploadFile
      parameters:
        - name: channel_id
          in: query
          schema:
            type: string
        - name: since
          in: query
          required: true
          schema:
            type: integer
        - name: X-Requested-With
          in: header
          schema:
            type: string
      requestBody:
        content:
          multipart/form-data:
            schema:
              type: object
              required: [files]
              properties:
                files:
                  type: string
                  format: binary
                channel_id:
                  type: string
          application/json:
            schema:
              type: object
    get:
      operationId: ListFiles
      description: "__Minimum server version__: TBD"
  "/api/v4/uploads/{upload_id}":
    post:
      operationId: UploadData
      parameters:
        - name: _
          in: query
          schema:
            type: number
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema:
              type: object
          application/octet-stream: {}
"""


def test_requests_read_query_parameters_and_bodies(tmp_path: Path) -> None:
    from api_requests import Body, Parameter, read_request_list, request_list  # loaded beside api_table

    (tmp_path / "files.yaml").write_text(REQUESTS_FRAGMENT)
    text = request_list(api_table.load(tmp_path))
    assert text.splitlines() == [
        "method\tpath\toperationId\tquery\tbody",
        "POST\t/api/v4/files\tUploadFile\tshared:string channel_id:string since:integer!\t"
        "multipart:files!,channel_id|json",  # the path item's parameters too; not the header
        "POST\t/api/v4/uploads/{upload_id}\tUploadData\t_:number\tform|bytes",  # the TBD one left out
    ]
    (tmp_path / "requests.tsv").write_text(text)
    first, second = read_request_list(tmp_path / "requests.tsv")
    assert first.query == (
        Parameter("shared", "string"),
        Parameter("channel_id", "string"),
        Parameter("since", "integer", True),
    )
    assert first.bodies == (
        Body("multipart", (Parameter("files", "", True), Parameter("channel_id"))),
        Body("json"),
    )
    assert (second.query, second.bodies) == ((Parameter("_", "number"),), (Body("form"), Body("bytes")))


def test_requests_take_a_route_from_the_first_source_that_describes_it(tmp_path: Path) -> None:
    """A newer fragment given first overrides an older description's request, even when it
    renames the route's path parameter (one row per route, not one per spelling)."""
    from api_requests import request_list

    newer, older = tmp_path / "newer", tmp_path / "older"
    newer.mkdir()
    older.mkdir()
    (older / "files.yaml").write_text(REQUESTS_FRAGMENT)
    (newer / "uploads.yaml").write_text(
        '  "/api/v4/uploads/{id}":\n'
        "    post:\n"
        "      operationId: UploadData\n"
        "      requestBody:\n"
        "        content:\n"
        "          application/octet-stream: {}\n"
    )
    lines = request_list([*api_table.load(newer), *api_table.load(older)]).splitlines()
    assert [line.split("\t")[:2] for line in lines[1:]] == [
        ["POST", "/api/v4/uploads/{id}"],
        ["POST", "/api/v4/files"],
    ]
    assert lines[1].endswith("\tUploadData\t-\tbytes")


@pytest.mark.parametrize(
    "change, message",
    [
        ("        - name: _\n", "        - $ref: '#/components/parameters/Page'\n          name: _\n"),
        ("        - name: _\n", "        - name: 'a b'\n"),
    ],
)
def test_requests_refuse_what_they_cannot_write(tmp_path: Path, change: str, message: str) -> None:
    from api_requests import request_list

    (tmp_path / "files.yaml").write_text(REQUESTS_FRAGMENT.replace(change, message))
    with pytest.raises(ValueError, match=r"/api/v4/uploads"):
        request_list(api_table.load(tmp_path))


def test_the_request_list_reads_back_and_the_command_writes_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """``scripts/api-table requests`` writes what read_request_list reads back, row for row."""
    from api_requests import REQUESTS, read_request_list

    rows = read_request_list(REQUESTS)
    assert len(rows) == len({(r.method, api_table.unnamed(r.path)) for r in rows}) > 650
    (tmp_path / "x.yaml").write_text(REQUESTS_FRAGMENT)
    assert api_table.main(["requests", str(tmp_path / "x.yaml")]) == 0
    assert capsys.readouterr().out.startswith("method\tpath\toperationId\tquery\tbody\n")
