"""The pages written from the code at build time: the API reference, the options, the command line.

``docs/conf.py`` calls :func:`write_all`; the unit tests (``tests/unit/test_docs.py``) call the
renderers too. Nothing here is written by hand twice: a new option (a key of
``DEFAULT_OPTIONS`` with its line in ``option_help.py``) or a new flag of the command line (with
its ``help=``) appears in the documentation by itself.
"""

from __future__ import annotations

import argparse
import functools
import re
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

from mattermostdriver.cli import ENV_HELP, PROG, build_parser
from mattermostdriver.endpoints import Base, all_endpoints
from mattermostdriver.option_help import OPTION_HELP
from mattermostdriver.options import DEFAULT_OPTIONS

API_DOCS = "https://developers.mattermost.com/api-documentation/"

#: The width the command line's usage lines are wrapped at on the page.
USAGE_WIDTH = 76


def _write(path: Path, text: str) -> None:
    """Write ``text`` unless the file already holds it (so that Sphinx rebuilds only what changed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


# -- the API reference: one page per Driver attribute ---------------------------------------------


def endpoint_methods(cls: type) -> List[str]:
    """The public methods of an endpoint class (its routes and iterators), sorted."""
    return sorted(
        n for n in dir(cls) if not n.startswith("_") and not hasattr(Base, n) and callable(getattr(cls, n))
    )


def write_api_reference(out: Path) -> None:
    """``out/<attribute>.rst`` for every Driver attribute, and ``out/index.rst`` with every method."""
    rows = []
    pages = []
    for attribute, cls in sorted(all_endpoints().items()):
        title = f"driver.{attribute}"
        for name in endpoint_methods(cls):
            route = (getattr(cls, name).__doc__ or "").strip().splitlines()[0]
            rows.append(
                f"   * - :meth:`{attribute}.{name} <mattermostdriver.endpoints.{cls.__name__}.{name}>`\n"
                f"     - ``{route}``"
            )
        _write(
            out / f"{attribute}.rst",
            f"{title}\n{'=' * len(title)}\n\n"
            f"``driver.{attribute}`` is a :class:`mattermostdriver.endpoints.{cls.__name__}`. "
            f"Every method's docstring starts with its route; each route is described in the "
            f"`Mattermost API reference <{API_DOCS}>`_.\n\n"
            f".. autoclass:: mattermostdriver.endpoints.{cls.__name__}\n"
            "   :members:\n   :inherited-members: Base\n",
        )
        pages.append(f"   {attribute}")
    _write(
        out / "index.rst",
        "API reference\n=============\n\n"
        f"{len(rows)} methods, one page per Driver attribute.\n\n"
        ".. toctree::\n   :maxdepth: 1\n\n" + "\n".join(pages) + "\n\n"
        "All methods\n-----------\n\n"
        ".. list-table::\n   :header-rows: 1\n\n   * - method\n     - route\n" + "\n".join(rows) + "\n",
    )


# -- the options ----------------------------------------------------------------------------------


def options_reference() -> str:
    """Every key of ``DEFAULT_OPTIONS``, in its order, as a ``confval`` with type, default and meaning.

    Raises:
        KeyError: an option has no help in ``option_help.py``.

    """
    header = "   * - option\n     - type\n     - default\n     - command line\n"
    rows = "".join(
        f"   * - :confval:`{key}`\n     - {OPTION_HELP[key].type}\n"
        f"     - ``{default!r}``\n     - {OPTION_HELP[key].cli}\n"
        for key, default in DEFAULT_OPTIONS.items()
    )
    parts = [".. list-table::\n   :header-rows: 1\n\n" + header + rows]
    for key, default in DEFAULT_OPTIONS.items():
        help_ = OPTION_HELP[key]
        parts.append(
            f".. confval:: {key}\n"
            f"   :type: ``{help_.type}``\n"
            f"   :default: ``{default!r}``\n\n"
            f"   {help_.meaning}\n" + (f"\n   On the command line: {help_.cli}.\n" if help_.cli else "")
        )
    return "\n".join(parts)


# -- the command line -----------------------------------------------------------------------------


def _subcommands(parser: argparse.ArgumentParser) -> Iterator[Tuple[str, str, argparse.ArgumentParser]]:
    """(name, help, parser) of each subcommand, in the order of ``--help``."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            for name, sub in action.choices.items():
                yield name, helps.get(name, ""), sub


def _usage(parser: argparse.ArgumentParser) -> str:
    parser.formatter_class = functools.partial(argparse.RawDescriptionHelpFormatter, width=USAGE_WIDTH)
    return parser.format_usage().strip()


def _shared(action: argparse.Action) -> bool:
    """An option of the connection options group, which every command takes."""
    return getattr(getattr(action, "container", None), "title", "") == "connection options"


def _sentence(text: str) -> str:
    """Plain help text as a sentence of reStructuredText: capitalised, ending with a full stop."""
    text = re.sub(r"([*`|\\])", r"\\\1", text.strip().replace("%(prog)s", PROG))
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _option(action: argparse.Action) -> str:
    """One ``.. option::`` entry."""
    if action.option_strings:
        takes_value = action.nargs != 0
        metavar = action.metavar or (action.dest.upper() if takes_value else "")
        names = ", ".join(f"{s} {metavar}".strip() for s in action.option_strings)
    else:
        names = str(action.metavar or action.dest)
    return f".. option:: {names}\n\n   {_sentence(action.help or '')}\n"


def _env_and_exit() -> Tuple[Dict[str, str], str]:
    """The variables of ENV_HELP's ``environment:`` section, and its ``exit status:`` text."""
    variables: Dict[str, str] = {}
    exit_text = ""
    section = last = ""
    for line in ENV_HELP.splitlines():
        if line and not line.startswith(" "):  # a section: "name: text"
            section, _, rest = line.partition(":")
            exit_text += rest.strip() if section == "exit status" else ""
        elif section == "exit status":
            exit_text += " " + line.strip()
        elif section == "environment" and line.strip():
            name, _, text = line.strip().partition(" ")
            if re.fullmatch(r"[A-Z][A-Z0-9_]+", name):
                last = name
                variables[name] = text.strip()
            else:  # a continuation line
                variables[last] += " " + line.strip()
    return variables, exit_text.strip()


def environment_variables() -> Dict[str, str]:
    """The variables the command reads, with their help (from ENV_HELP)."""
    return _env_and_exit()[0]


def exit_statuses() -> Dict[int, str]:
    """The exit statuses of the command, with their meaning (from ENV_HELP)."""
    line = _env_and_exit()[1]
    return {int(code): text.strip() for code, text in re.findall(r"(\d+) ([^,]+)", line)}


def _examples() -> List[str]:
    lines = ENV_HELP.split("examples:", 1)[1].splitlines() if "examples:" in ENV_HELP else []
    return [line.strip() for line in lines if line.strip()]


def cli_reference() -> str:
    """Every subcommand and flag of the command line, its environment variables and exit statuses."""
    parser = build_parser()
    out = [
        "Usage\n~~~~~\n",
        ".. code-block:: text\n\n   " + _usage(parser).replace("\n", "\n   ") + "\n",
        ".. program:: mattermostdriver\n",
    ]
    out += [_option(a) for a in parser._actions if a.option_strings and not _shared(a)]
    out.append(
        "Connection options\n~~~~~~~~~~~~~~~~~~\n\n"
        "Every command takes them, before or after its name (``webhook`` has no ``--url`` "
        "and ``--token``: it needs neither).\n"
    )
    out += [_option(a) for a in parser._actions if _shared(a)]
    out.append("Commands\n~~~~~~~~\n")
    for name, help_, sub in _subcommands(parser):
        title = f"``{name}``"
        out.append(f"{title}\n{'^' * len(title)}\n\n{_sentence(help_)}\n")
        usage = _usage(sub).replace("\n", "\n   ")
        out.append(f".. code-block:: text\n\n   {usage}\n")
        out.append(f".. program:: mattermostdriver {name}\n")
        out += [
            _option(a) for a in sub._actions if not isinstance(a, argparse._HelpAction) and not _shared(a)
        ]
    out.append("Environment variables\n~~~~~~~~~~~~~~~~~~~~~\n")
    for variable, text in environment_variables().items():
        out.append(f".. envvar:: {variable}\n\n   {_sentence(text)}\n")
    out.append("Exit statuses\n~~~~~~~~~~~~~\n")
    out += [f"``{code}``\n   {_sentence(text)}\n" for code, text in exit_statuses().items()]
    examples = _examples()
    if examples:
        out.append(
            "Examples\n~~~~~~~~\n\n.. code-block:: console\n\n" + "".join(f"   $ {e}\n" for e in examples)
        )
    return "\n".join(out)


class AttributeText:
    """Keep napoleon from reading an attribute's ``words: text`` docstring as ``type: description``.

    Napoleon takes what comes before the first colon of an attribute's docstring for its type
    (``#: The client (typed as the sync one: ...)`` was shown as "Type: The client (typed as the
    sync one" on every reference page). The package types its attributes with annotations,
    never so: :meth:`before` (connected to ``autodoc-process-docstring`` ahead of napoleon)
    keeps the text, and :meth:`after` (behind it) puts it back where napoleon made a type of it.
    """

    KINDS = ("attribute", "data", "property")

    def __init__(self) -> None:
        self.text: Dict[str, List[str]] = {}

    def before(self, app: Any, what: str, name: str, obj: Any, options: Any, lines: List[str]) -> None:
        if what in self.KINDS:
            self.text[name] = list(lines)

    def after(self, app: Any, what: str, name: str, obj: Any, options: Any, lines: List[str]) -> None:
        text = self.text.pop(name, None)
        if what in self.KINDS and text is not None and any(line.startswith(":type:") for line in lines):
            lines[:] = text


def write_all(docs: Path) -> None:
    """Write every generated page under ``docs`` (``reference/`` and ``_generated/``)."""
    write_api_reference(docs / "reference")
    _write(docs / "_generated" / "options.rst", options_reference())
    _write(docs / "_generated" / "cli.rst", cli_reference())
