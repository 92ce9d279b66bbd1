"""What a request of each operation carries: its query parameters and its body.

``scripts/api-table requests SOURCE...`` writes, from a description (see ``api_table.py``
for the sources it reads), one row per released operation: its documented query
parameters and the kinds of body it takes. ``tests/data/mattermost-v4-requests.tsv`` is
that list, which ``tests/unit/test_method_arguments.py`` holds every method to; its format
is described in ``tests/data/README.md``.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, List, Mapping, Tuple

from api_table import ROOT, Operation

REQUESTS = ROOT / "tests" / "data" / "mattermost-v4-requests.tsv"
REQUEST_COLUMNS = ("method", "path", "operationId", "query", "body")
#: A body's kind, by the start of its content type; anything else is raw bytes.
KINDS = (
    ("application/json", "json"),
    ("multipart/form-data", "multipart"),
    ("application/x-www-form-urlencoded", "form"),
)
_NAME = re.compile(r"[^\s:!,|]+")


@dataclass(frozen=True)
class Parameter:
    """A documented query parameter, or a field of a multipart or form body."""

    name: str
    type: str = ""
    required: bool = False

    def __str__(self) -> str:
        return self.name + (f":{self.type}" if self.type else "") + ("!" if self.required else "")

    @classmethod
    def parse(cls, text: str) -> Parameter:
        """The parameter written as :meth:`__str__` writes it."""
        required = text.endswith("!")
        name, _, type_ = text.rstrip("!").partition(":")
        return cls(name, type_, required)


@dataclass(frozen=True)
class Body:
    """One way the body may be sent: ``json``, ``multipart`` or ``form`` (with fields), or ``bytes``."""

    kind: str
    fields: Tuple[Parameter, ...] = ()

    def __str__(self) -> str:
        return self.kind + (":" + ",".join(map(str, self.fields)) if self.fields else "")

    @classmethod
    def parse(cls, text: str) -> Body:
        """The body written as :meth:`__str__` writes it."""
        kind, _, fields = text.partition(":")
        return cls(kind, tuple(Parameter.parse(f) for f in fields.split(",") if f))


@dataclass(frozen=True)
class Request:
    """What a request of an operation carries; ``bodies`` is empty for none, else its alternatives."""

    method: str
    path: str
    operation_id: str
    query: Tuple[Parameter, ...]
    bodies: Tuple[Body, ...]


def _checked(name: Any, where: str) -> str:
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ValueError(f"{where}: the name {name!r} cannot be written in the request list")
    return name


def _unreferenced(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict) or "$ref" in value:
        # no description of the API refers to a shared parameter or body today: say so if one does
        raise ValueError(f"{where}: {value!r} is a reference, which the request list does not follow")
    return value


def query_parameters(op: Operation) -> Tuple[Parameter, ...]:
    """The query parameters the description documents for ``op``, in its order."""
    where = f"{op.method} {op.path}"
    found = []
    for raw in op.spec.get("parameters") or []:
        param = _unreferenced(raw, where)
        if param.get("in") != "query":
            continue
        schema = param.get("schema") or {}
        type_ = schema.get("type", "string") if isinstance(schema, dict) else "string"
        found.append(Parameter(_checked(param.get("name"), where), str(type_), bool(param.get("required"))))
    return tuple(found)


def bodies(op: Operation) -> Tuple[Body, ...]:
    """The ways the description lets ``op``'s body be sent (none: empty), in its order."""
    where = f"{op.method} {op.path}"
    request_body = op.spec.get("requestBody")
    if not request_body:
        return ()
    found = []
    for content_type, media in (_unreferenced(request_body, where).get("content") or {}).items():
        kind = next((k for prefix, k in KINDS if content_type.lower().startswith(prefix)), "bytes")
        fields: Tuple[Parameter, ...] = ()
        if kind in ("multipart", "form"):
            schema = _unreferenced((media or {}).get("schema") or {}, where)
            required = set(schema.get("required") or ())
            fields = tuple(
                Parameter(_checked(name, where), required=name in required)
                for name in schema.get("properties") or {}
            )
        body = Body(kind, fields)
        if body not in found:
            found.append(body)
    return tuple(found)


def requests_of(operations: Iterable[Operation]) -> List[Request]:
    """The request of every released operation described.

    A route described twice keeps its first description, placeholder names aside: a newer
    fragment given before an older description overrides it, even where it renames a path
    parameter.
    """
    found, seen = [], set()
    for op in operations:
        if op.released and op.route not in seen:
            seen.add(op.route)
            found.append(Request(op.method, op.path, op.operation_id, query_parameters(op), bodies(op)))
    return found


def request_list(operations: Iterable[Operation]) -> str:
    """The request list (TSV with a header) of the released operations of a description."""
    lines = ["\t".join(REQUEST_COLUMNS)]
    for r in requests_of(operations):
        query = " ".join(map(str, r.query)) or "-"
        body = "|".join(map(str, r.bodies)) or "-"
        lines.append("\t".join((r.method, r.path, r.operation_id, query, body)))
    return "\n".join(lines) + "\n"


def read_request_list(path: Path = REQUESTS) -> List[Request]:
    """The request list in the repository's format."""
    with path.open(newline="", encoding="utf-8") as f:
        return [
            Request(
                row["method"],
                row["path"],
                row["operationId"],
                tuple(Parameter.parse(p) for p in row["query"].split() if p != "-"),
                tuple(Body.parse(b) for b in row["body"].split("|") if b != "-"),
            )
            for row in csv.DictReader(f, delimiter="\t")
        ]
