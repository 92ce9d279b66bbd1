"""The drift between a Mattermost API v4 description and the driver's method table.

``scripts/api-table`` runs this module; ``tests/unit/test_method_table.py`` imports it, so
that CI fails when an operation of the vendored list has no method. See
``docs/maintainers.rst`` for how the data are refreshed.

A *source* is one of:

* a folder of YAML fragments, as ``api/v4/source/`` of the Mattermost repository (each
  fragment is an indented piece of the ``paths`` mapping; files without paths, such as
  ``definitions.yaml``, are skipped);
* an OpenAPI document, JSON (``.json``) or YAML (``.yaml``/``.yml``), such as the bundled
  ``openapi.json`` or the Playbooks plugin's ``server/api/api.yaml``;
* an operation list in the repository's format (``.tsv``: tag, method, path, operationId,
  summary), such as ``tests/data/mattermost-v4-operations.tsv``.

JSON and TSV need nothing beyond the standard library; YAML needs PyYAML.

Operations whose description says ``Minimum server version: TBD`` are unreleased: they are
left out of the drift and of the operation list, and reported on their own.

``api_requests.py`` beside it reads each operation's query parameters and body (the
``requests`` command).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "tests" / "data" / "driver-methods.tsv"
OPERATIONS = ROOT / "tests" / "data" / "mattermost-v4-operations.tsv"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head")
OPERATION_COLUMNS = ("tag", "method", "path", "operationId", "summary")
TABLE_COLUMNS = (
    "attribute",
    "method",
    "http_method",
    "path",
    "operationId",
    "origin",
    "classic_params",
    "note",
)
#: A table row whose note starts with this keeps a method for a route the description dropped.
REMOVED = "removed"
_MIN_VERSION = re.compile(r"minimum server version[\s_:*]*([0-9]+(?:\.[0-9]+)*|tbd)", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\{([^}]*)\}")


@dataclass(frozen=True)
class Operation:
    """One operation of a description."""

    tag: str
    method: str
    path: str
    operation_id: str
    summary: str
    min_version: str = ""
    #: The description's operation object (its parameters, its requestBody): see api_requests.py.
    spec: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def route(self) -> Tuple[str, str]:
        """The HTTP method and the path with its placeholders unnamed."""
        return self.method, unnamed(self.path)

    @property
    def released(self) -> bool:
        """False for ``Minimum server version: TBD`` (not in any released server)."""
        return self.min_version.upper() != "TBD"


@dataclass
class Drift:
    """What separates a description from the method table."""

    missing: List[Operation] = field(default_factory=list)
    gone: List[Dict[str, str]] = field(default_factory=list)
    renamed: List[Tuple[Dict[str, str], Operation]] = field(default_factory=list)
    reidentified: List[Tuple[Dict[str, str], Operation]] = field(default_factory=list)
    revived: List[Tuple[Dict[str, str], Operation]] = field(default_factory=list)
    unreleased: List[Operation] = field(default_factory=list)

    def __bool__(self) -> bool:
        """True when the table must change (unreleased operations do not count)."""
        return bool(self.missing or self.gone or self.renamed or self.reidentified or self.revived)


def unnamed(path: str) -> str:
    """``path`` with every ``{placeholder}`` written ``{}``."""
    return _PLACEHOLDER.sub("{}", path)


def placeholders(path: str) -> List[str]:
    """The placeholder names of ``path``, in order."""
    return _PLACEHOLDER.findall(path)


def snake_case(operation_id: str) -> str:
    """The method name of an operation: ``GetCELVisualAST`` -> ``get_cel_visual_ast``."""
    name = operation_id.replace("OAuth", "Oauth")
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    name = re.sub(r"([a-z\d])([A-Z])", r"\1_\2", name)
    return name.replace("-", "_").lower()


def min_version(description: str) -> str:
    """The ``Minimum server version`` a description states (``TBD`` included), or ``""``."""
    match = _MIN_VERSION.search(description or "")
    return match.group(1).upper() if match else ""


def _yaml(text: str) -> Any:
    try:
        import yaml
    except ImportError:  # pragma: no cover - depends on the environment
        sys.exit("api-table: reading YAML needs PyYAML (pip install pyyaml), or give a JSON description")
    return yaml.safe_load(text)


def _paths_of_fragment(text: str) -> Mapping[str, Any]:
    """The ``paths`` of a YAML fragment (indented under an implied ``paths:``) or document."""
    first = next(
        (line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")), ""
    )
    if first[:1] in (" ", "\t"):
        loaded = _yaml("paths:\n" + text) or {}
    else:
        loaded = _yaml(text) or {}
    if not isinstance(loaded, dict):
        return {}
    paths = loaded.get("paths", {} if "openapi" in loaded or "components" in loaded else loaded)
    return {k: v for k, v in (paths or {}).items() if isinstance(k, str) and k.startswith("/")}


def operations_of(paths: Mapping[str, Any]) -> List[Operation]:
    """The operations of an OpenAPI ``paths`` mapping, in its order."""
    found = []
    for path, item in paths.items():
        for method, op in (item or {}).items():
            if method not in HTTP_METHODS or not isinstance(op, dict):
                continue
            found.append(
                Operation(
                    tag=(op.get("tags") or [""])[0],
                    method=method.upper(),
                    path=path,
                    operation_id=op.get("operationId", ""),
                    summary=" ".join(str(op.get("summary", "")).split()),
                    min_version=min_version(str(op.get("description", ""))),
                    spec=_with_path_parameters(op, item.get("parameters")),
                )
            )
    return found


def _with_path_parameters(op: Mapping[str, Any], shared: Any) -> Mapping[str, Any]:
    """The operation with the parameters its path item declares for every method (its own win)."""
    if not shared:
        return op
    own = {(p.get("name"), p.get("in")) for p in op.get("parameters") or [] if isinstance(p, dict)}
    inherited = [p for p in shared if not (isinstance(p, dict) and (p.get("name"), p.get("in")) in own)]
    return {**op, "parameters": [*inherited, *(op.get("parameters") or [])]}


def read_operation_list(path: Path) -> List[Operation]:
    """An operation list in the repository's TSV format."""
    with path.open(newline="", encoding="utf-8") as f:
        return [
            Operation(r["tag"], r["method"], r["path"], r["operationId"], r["summary"])
            for r in csv.DictReader(f, delimiter="\t")
        ]


def load(source: Path) -> List[Operation]:
    """The operations of a source (see the module's docstring)."""
    if source.is_dir():
        found: List[Operation] = []
        for fragment in sorted([*source.glob("*.yaml"), *source.glob("*.yml")]):
            found.extend(operations_of(_paths_of_fragment(fragment.read_text(encoding="utf-8"))))
        return found
    suffix = source.suffix.lower()
    if suffix == ".tsv":
        return read_operation_list(source)
    if suffix == ".json":
        return operations_of(json.loads(source.read_text(encoding="utf-8")).get("paths", {}))
    if suffix in (".yaml", ".yml"):
        return operations_of(_paths_of_fragment(source.read_text(encoding="utf-8")))
    raise ValueError(f"{source}: not a folder of YAML fragments, nor a .json, .yaml or .tsv file")


def load_table(path: Path = TABLE) -> List[Dict[str, str]]:
    """The rows of the method table."""
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def drift(operations: Iterable[Operation], rows: Sequence[Mapping[str, str]]) -> Drift:
    """Compare the operations of a description with the table's rows.

    An operation and a row match by HTTP method and path, placeholder names aside. Rows
    whose operationId is ``-`` (routes no description lists, such as incoming webhooks)
    are not compared; rows whose note starts with ``removed`` are expected to be absent.
    """
    result = Drift()
    by_route: Dict[Tuple[str, str], Operation] = {}
    for op in operations:
        if not op.released:
            result.unreleased.append(op)
        else:
            by_route.setdefault(op.route, op)
    routes = {(r["http_method"], unnamed(r["path"])) for r in rows}
    result.missing = [op for route, op in by_route.items() if route not in routes]
    for row in rows:
        if row["operationId"] == "-":
            continue
        op = by_route.get((row["http_method"], unnamed(row["path"])))
        removed = row.get("note", "").startswith(REMOVED)
        if op is None:
            if not removed:
                result.gone.append(dict(row))
            continue
        if removed:
            result.revived.append((dict(row), op))
        if placeholders(row["path"]) != placeholders(op.path):
            result.renamed.append((dict(row), op))
        if op.operation_id and row["operationId"] != op.operation_id:
            result.reidentified.append((dict(row), op))
    return result


def _attribute_of_tags(rows: Sequence[Mapping[str, str]], operations: Sequence[Operation]) -> Dict[str, str]:
    """The attribute most rows of each tag live on (to suggest where a new method goes)."""
    by_id = {r["operationId"]: r["attribute"] for r in rows}
    votes: Dict[str, Dict[str, int]] = {}
    for op in operations:
        if op.operation_id in by_id:
            tally = votes.setdefault(op.tag, {})
            tally[by_id[op.operation_id]] = tally.get(by_id[op.operation_id], 0) + 1
    return {tag: max(tally, key=lambda a: tally[a]) for tag, tally in votes.items()}


def suggested_rows(
    result: Drift, rows: Sequence[Mapping[str, str]], operations: Sequence[Operation]
) -> List[str]:
    """Table rows (TSV lines) for the operations without a method."""
    attributes = _attribute_of_tags(rows, operations)
    lines = []
    for op in result.missing:
        attribute = attributes.get(op.tag) or re.sub(r"\W+", "_", op.tag.lower()).strip("_")
        values = (attribute, snake_case(op.operation_id), op.method, op.path, op.operation_id, "spec", "", "")
        lines.append("\t".join(values))
    return lines


def report(result: Drift, verbose: bool = False) -> str:
    """The drift as text, one section per kind; empty when there is none."""
    out: List[str] = []

    def section(title: str, lines: List[str]) -> None:
        if lines:
            out.append(f"{title} ({len(lines)}):")
            out.extend(f"  {line}" for line in lines)

    def method(row: Mapping[str, str]) -> str:
        return f"driver.{row['attribute']}.{row['method']}"

    section(
        "operations without a method",
        [f"{op.method} {op.path} ({op.operation_id}, tag {op.tag!r})" for op in result.missing],
    )
    section(
        "methods whose route left the description",
        [f"{method(r)}: {r['http_method']} {r['path']} ({r['operationId']})" for r in result.gone],
    )
    section(
        "path parameters renamed",
        [f"{method(r)}: {r['http_method']} {r['path']} -> {op.path}" for r, op in result.renamed],
    )
    section(
        "operationId changed",
        [f"{method(r)}: {r['operationId']} -> {op.operation_id}" for r, op in result.reidentified],
    )
    section(
        "rows marked removed whose route is described again",
        [f"{method(r)}: {r['http_method']} {r['path']} ({op.operation_id})" for r, op in result.revived],
    )
    if verbose:
        section(
            "left out: unreleased (minimum server version TBD)",
            [f"{op.method} {op.path} ({op.operation_id})" for op in result.unreleased],
        )
    return "\n".join(out)


def operation_list(operations: Iterable[Operation]) -> str:
    """The released operations as the repository's operation list (TSV with a header)."""
    lines = ["\t".join(OPERATION_COLUMNS)]
    seen = set()
    for op in operations:
        key = (op.method, op.path)
        if op.released and key not in seen:
            seen.add(key)
            lines.append("\t".join((op.tag, op.method, op.path, op.operation_id, op.summary)))
    return "\n".join(lines) + "\n"


def _sources(names: Sequence[str]) -> List[Operation]:
    operations: List[Operation] = []
    for name in names or [str(OPERATIONS)]:
        operations.extend(load(Path(name)))
    return operations


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line (see ``scripts/api-table --help``)."""
    parser = argparse.ArgumentParser(
        prog="api-table",
        description="Compare a Mattermost API v4 description with the driver's method table.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name, text in (
        ("drift", "print what separates the sources from the table; exit 1 if anything does"),
        ("rows", "print table rows (TSV) for the operations without a method"),
        ("operations", "print the released operations as the operation list (TSV)"),
        ("requests", "print the query parameters and body of each released operation (TSV)"),
    ):
        cmd = sub.add_parser(name, help=text, description=text)
        cmd.add_argument(
            "sources",
            nargs="*",
            help="folders of YAML fragments, .json/.yaml descriptions or .tsv operation lists "
            f"(default: {OPERATIONS.relative_to(ROOT)})",
        )
        cmd.add_argument("--table", type=Path, default=TABLE, help="the method table (default: %(default)s)")
        if name == "drift":
            cmd.add_argument("-v", "--verbose", action="store_true", help="also list unreleased operations")
    args = parser.parse_args(argv)
    operations = _sources(args.sources)
    if args.command == "operations":
        sys.stdout.write(operation_list(operations))
        return 0
    if args.command == "requests":
        if not args.sources:
            parser.error("requests needs a description (the operation list has no parameters)")
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from api_requests import request_list  # its logic lives beside this module

        sys.stdout.write(request_list(operations))
        return 0
    rows = load_table(args.table)
    result = drift(operations, rows)
    if args.command == "rows":
        lines = suggested_rows(result, rows, operations)
        sys.stdout.write("".join(line + "\n" for line in lines))
        return 0
    text = report(result, verbose=args.verbose)
    if text:
        print(text)
    described = sum(1 for op in operations if op.released)
    print(
        f"{described} released operations described, {len(rows)} rows in the table, "
        f"{len(result.unreleased)} unreleased left out: " + ("drift" if result else "no drift"),
        file=sys.stderr,
    )
    return 1 if result else 0


if __name__ == "__main__":
    sys.exit(main())
