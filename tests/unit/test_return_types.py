"""Every endpoint method's return annotation says what its route answers.

The annotations are checked three ways here (the real server checks the values in
``tests/functional/test_return_types.py``): ``Any`` only on the allow-list below; binary
downloads and ``HEAD`` routes, and only they (with three listed exceptions), are
``requests.Response``; and the ``cast`` in each method names the same type as its annotation.
"""

from __future__ import annotations

import ast
import csv
import inspect
import re
import typing
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

import pytest
import requests

from mattermostdriver import types
from mattermostdriver.endpoints import Base, all_endpoints

from ..support.return_types import conforms, is_typeddict, required

ENDPOINTS = all_endpoints()
DATA = Path(__file__).resolve().parents[1] / "data"
with (DATA / "driver-methods.tsv").open(encoding="utf-8") as _table:
    ROWS: List[Dict[str, str]] = list(csv.DictReader(_table, delimiter="\t"))

#: The methods left ``-> Any``, and why: the shape of their answer depends on the call.
ALLOW_ANY: Dict[str, str] = {
    "channels.add_user": "one member for user_id, a list of members for user_ids",
    "channels.get_all_channels": "a list, or {channels, total_count} with include_total_count",
    "channels.search_all_channels": "a list, or {channels, total_count} when paged",
    "groups.get_groups": "a list, or {groups, total_count} with include_total_count",
    "teams.get_teams": "a list, or {teams, total_count} with include_total_count",
    "teams.search_teams": "a list, or {teams, total_count} when paged",
    "webhooks.list_incoming_hooks": "a list, or {incoming_webhooks, total_count} with include_total_count",
    "teams.invite_guests_to_team": "{status: OK}, or the invites with errors when graceful",
    "teams.invite_users_to_team_by_mail": "{status: OK}, or the invites with errors when graceful",
    "users.get_channel_members_with_team_data_for_user": "a JSON list, or an NDJSON stream (the Response)",
    "users.login_by_cws_token": "a redirect to the web app: its HTML page is raised",
    "system.connect_web_socket": "a plain GET is not an upgrade: the server refuses it",
    "system.manual_test": "an HTML page or a redirect, when testing is enabled at all",
}

#: Routes that answer a ``requests.Response`` without being downloads.
RESPONSE_OTHERS: Dict[str, str] = {
    "users.login_user": "as in 7.3.2: the session token is the Response's Token header",
    "webhooks.call_webhook": "as in 7.3.2: the hook answers plain text",
    "channels.set_channel_members": "an NDJSON stream, one line per batch",
}

#: Paths of the routes that answer a file or an image (GET), besides those whose summary says "Download".
_BINARY_PATH = re.compile(
    r"(/image|/image/default|/icon|/thumbnail|/preview|/pdf|/download|/support_packet|/saml/metadata"
    r"|/files/\{file_id\}|/files/\{file_id\}/public|/exports/\{export_name\})$"
)


def is_binary(row: Dict[str, str], summary: str) -> bool:
    """A row whose route answers a file: a HEAD, an image or file path, or a summary that starts
    with "Download" or "Generate and download"."""
    if row["http_method"] == "HEAD":
        return True
    if row["http_method"] == "GET" and _BINARY_PATH.search(row["path"]):
        return True
    return re.match(r"(Download|Generate and download)\b", summary) is not None


def _summary(method: Callable[..., Any]) -> str:
    lines = [line.strip() for line in (method.__doc__ or "").strip().splitlines()]
    return lines[2] if len(lines) > 2 else ""


def return_hint(method: Callable[..., Any]) -> Any:
    """The evaluated return annotation (``get_type_hints`` would also evaluate the TYPE_CHECKING-only
    parameter types)."""
    annotation = method.__annotations__["return"]
    return eval(annotation, method.__globals__) if isinstance(annotation, str) else annotation  # noqa: S307


def public_methods(cls: type) -> Dict[str, Callable[..., Any]]:
    return {
        name: getattr(cls, name)
        for name in dir(cls)
        if not name.startswith("_") and not hasattr(Base, name) and callable(getattr(cls, name))
    }


def annotation_problems(
    endpoints: Dict[str, type], rows: List[Dict[str, str]], allow_any: Dict[str, str]
) -> List[str]:
    """What is wrong with the return annotations of ``endpoints``, one line per method."""
    problems = []
    routes = {(r["attribute"], r["method"]): r for r in rows}
    for attribute, cls in sorted(endpoints.items()):
        for name, method in sorted(public_methods(cls).items()):
            key = f"{attribute}.{name}"
            if inspect.signature(method).return_annotation is inspect.Signature.empty:
                problems.append(f"{key}: no return annotation")
                continue
            hint = return_hint(method)
            if hint is Any and key not in allow_any:
                problems.append(f"{key}: -> Any, not on the allow-list")
            elif hint is not Any and key in allow_any:
                problems.append(f"{key}: on the allow-list, but annotated {hint}")
            row = routes.get((attribute, name))
            if row is None:
                continue
            binary = is_binary(row, _summary(method))
            if binary and hint is not requests.Response:
                problems.append(f"{key}: {row['http_method']} {row['path']} answers a file, annotated {hint}")
            if hint is requests.Response and not binary and key not in RESPONSE_OTHERS:
                problems.append(f"{key}: annotated requests.Response, but {row['path']} answers JSON")
    return problems


def test_every_method_has_a_true_return_annotation() -> None:
    problems = annotation_problems(ENDPOINTS, ROWS, ALLOW_ANY)
    assert not problems, "\n".join(problems)


def test_the_allow_lists_name_real_methods() -> None:
    for key in [*ALLOW_ANY, *RESPONSE_OTHERS]:
        attribute, name = key.split(".")
        assert hasattr(ENDPOINTS[attribute], name), key


def test_binary_routes_found_by_the_rule() -> None:
    """The rule finds the downloads it must (a rule that found nothing would check nothing)."""
    found = {
        f"{r['attribute']}.{r['method']}"
        for r in ROWS
        if is_binary(r, _summary(getattr(ENDPOINTS[r["attribute"]], r["method"])))
    }
    for key in (
        "files.get_file",
        "files.get_file_thumbnail",
        "files.head_file",
        "users.get_user_profile_image",
        "emoji.get_custom_emoji_image",
        "brand.get_brand_image",
        "compliance.download_report",
        "exports.download_export",
        "content_flagging.generate_cf_post_report",
    ):
        assert key in found, key
    assert "files.get_file_metadata" not in found
    assert "playbooks.get_playbook_run_metadata" not in found


def _casts() -> List[Tuple[str, str, str]]:
    """(method, return annotation, the type its ``cast`` names) for every method of every endpoint module."""
    found = []
    package = Path(inspect.getfile(Base)).parent
    for path in sorted(package.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
            for fn in (n for n in cls.body if isinstance(n, ast.FunctionDef) and n.returns is not None):
                for node in ast.walk(fn):
                    if (
                        isinstance(node, ast.Call)
                        and isinstance(node.func, ast.Name)
                        and node.func.id == "cast"
                        and isinstance(node.args[0], ast.Constant)
                    ):
                        annotation = ast.unparse(fn.returns).strip("'\"")
                        found.append((f"{path.stem}.{cls.name}.{fn.name}", annotation, node.args[0].value))
    return found


def test_each_cast_names_the_methods_return_annotation() -> None:
    casts = _casts()
    assert len(casts) > 600
    wrong = [
        f"{where}: -> {annotation}, cast to {cast}" for where, annotation, cast in casts if annotation != cast
    ]
    assert not wrong, "\n".join(wrong)


def test_the_check_catches_a_wrong_annotation() -> None:
    """The checks themselves: a download annotated as a dict, a JSON route as a Response, a stray Any."""

    class Liar(Base):
        def get_file(self, file_id: str) -> Dict[str, Any]:
            """GET /api/v4/files/{file_id}

            Get a file.
            """
            return typing.cast("Dict[str, Any]", self.client.get(self.path("/files/{}", file_id)))

        def get_file_metadata(self, file_id: str) -> requests.Response:
            """GET /api/v4/files/{file_id}/info

            Get metadata for a file.
            """
            return typing.cast("requests.Response", self.client.get(self.path("/files/{}/info", file_id)))

        def get_public_file_link(self, file_id: str) -> Any:
            """GET /api/v4/files/{file_id}/link

            Get a public file link.
            """
            return self.client.get(self.path("/files/{}/link", file_id))

    rows = [r for r in ROWS if r["attribute"] == "files"]
    problems = annotation_problems({"files": Liar}, rows, {})
    assert any(p.startswith("files.get_file: GET /api/v4/files/{file_id} answers a file") for p in problems)
    assert any(p.startswith("files.get_file_metadata: annotated requests.Response") for p in problems)
    assert "files.get_public_file_link: -> Any, not on the allow-list" in problems


def test_annotations_resolve_at_run_time() -> None:
    """The docs and the functional checks evaluate them: every name in them must be importable."""
    for cls in ENDPOINTS.values():
        for method in public_methods(cls).values():
            return_hint(method)


def test_typeddicts_are_exported_with_their_required_keys() -> None:
    """The fields a script reads first are required (``user["username"]`` type-checks); the
    ones the server may leave out, null or lack in older versions are not."""
    for name in types.__all__:
        cls = getattr(types, name)
        assert is_typeddict(cls), name
        assert cls.__doc__, name
        assert required(cls), name
        assert required(cls) <= set(typing.get_type_hints(cls)), name
    assert {"id", "username", "roles", "delete_at", "email"} <= required(types.User)
    assert {"id", "channel_id", "user_id", "message", "root_id", "create_at", "type"} <= required(types.Post)
    assert {"id", "team_id", "name", "display_name", "type"} <= required(types.Channel)
    assert {"id", "name", "display_name", "type"} <= required(types.Team)
    assert {"order", "posts"} <= required(types.PostList)
    assert {"id", "name", "size", "mime_type"} <= required(types.FileInfo)
    assert required(types.StatusOK) == {"status"}
    assert required(types.WebsocketEvent) == {"event", "data", "broadcast", "seq"}
    optional = {
        types.User: {"email_verified", "is_bot", "timezone", "props", "notify_props", "mfa_active"},
        types.Post: {"props", "file_ids", "participants", "metadata"},
        types.Channel: {"scheme_id", "shared", "props"},
        types.FileInfo: {"post_id", "width", "mini_preview"},
        types.PostList: {"has_next"},
    }
    for cls, keys in optional.items():
        assert not keys & required(cls), cls.__name__
    assert typing.get_type_hints(types.Post)["file_ids"] == Optional[List[str]]


def test_the_typed_routes_use_the_typeddicts() -> None:
    hints = {
        "users.get_user": types.User,
        "users.get_users": List[types.User],
        "teams.get_team": types.Team,
        "channels.get_channel": types.Channel,
        "posts.create_post": types.Post,
        "posts.get_posts_for_channel": types.PostList,
        "files.get_file_metadata": types.FileInfo,
        "posts.get_file_info_for_post": List[types.FileInfo],
        "posts.delete_post": types.StatusOK,
        "users.iter_users": typing.Iterator[types.User],
        "posts.iter_posts_for_channel": typing.Iterator[types.Post],
        "uploads.upload_file_resumable": types.FileInfo,
        "reactions.get_reactions_of_post": Optional[List[Dict[str, Any]]],
    }
    for key, expected in hints.items():
        attribute, name = key.split(".")
        assert return_hint(getattr(ENDPOINTS[attribute], name)) == expected, key


def _filled(hint: Any) -> Dict[str, Any]:
    """A dict with every required key of ``hint``, each of its declared type."""
    fields = typing.get_type_hints(hint)
    samples = {str: "x", int: 1, bool: True}
    return {key: samples[fields[key]] for key in required(hint)}


USER = _filled(types.User)
POST = _filled(types.Post)
CURSORS = {"next_post_id": "", "prev_post_id": ""}


@pytest.mark.parametrize(
    "value, hint, ok",
    [
        (USER, types.User, True),
        ({**USER, "is_bot": True}, types.User, True),
        ({**USER, "create_at": "yesterday"}, types.User, False),
        ({"id": "u1", "username": "a"}, types.User, False),
        ([USER, USER], List[types.User], True),
        ([USER, {"id": "u2"}], List[types.User], False),
        (USER, List[types.User], False),
        ({**USER, "locale": None}, types.User, False),
        ({k: v for k, v in USER.items() if k != "locale"}, types.User, False),
        ({"order": ["p"], "posts": {"p": POST}, **CURSORS}, types.PostList, True),
        ({"order": ["p"], "posts": {"p": POST}}, types.PostList, False),
        ({"order": ["p"], "posts": {"p": {"id": "p"}}, **CURSORS}, types.PostList, False),
        ({"order": []}, types.PostList, False),
        ([], Dict[str, Any], False),
        (None, Optional[List[str]], True),
        (None, List[str], False),
        (["a", 1], List[str], False),
        ({"status": "OK"}, types.StatusOK, True),
        (None, None, True),
        ({}, None, False),
        ("text", Any, True),
        (3, int, True),
        (True, int, False),
    ],
)
def test_conforms(value: Any, hint: Any, ok: bool) -> None:
    """The run-time check the functional test applies to real answers (with the keys it requires)."""
    assert conforms(value, hint) is ok


def test_conforms_checks_a_response() -> None:
    response = requests.Response()
    assert conforms(response, requests.Response)
    assert not conforms({"a": 1}, requests.Response)
    assert not conforms(response, Dict[str, Any])
