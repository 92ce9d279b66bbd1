"""The documentation's own rules: marked examples, lines that fit, prompts, links, and the pages
written from the code (every option and every flag has its description).

The examples themselves run against the real server in tests/functional/test_docs_examples.py.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
from pathlib import Path
from types import ModuleType
from typing import Iterator, List, Set

import pytest

from mattermostdriver.cli import ENV_HELP, build_parser
from mattermostdriver.option_help import OPTION_HELP
from mattermostdriver.options import DEFAULT_OPTIONS
from tests.functional.test_docs_examples import CHECKS, EXAMPLES
from tests.support.doc_examples import (
    WIDTH,
    Block,
    all_blocks,
    console_commands,
    doc_files,
    included_files,
    substitute,
)
from tests.support.project import ROOT, setup_constant


def generate() -> ModuleType:
    """docs/generate.py, the pages written from the code."""
    spec = importlib.util.spec_from_file_location("docs_generate", ROOT / "docs" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def all_parsers() -> Iterator[argparse.ArgumentParser]:
    parser = build_parser()
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            yield from action.choices.values()


# -- the examples ---------------------------------------------------------------------------------


def test_every_python_block_runs_or_says_why_it_cannot() -> None:
    python = [b for b in all_blocks() if b.language in ("python", "py", "python3", "pycon")]
    assert len(python) > 10
    unmarked = [b.where for b in python if b.mark is None]
    assert unmarked == [], "mark each with '.. runnable: NAME' or '.. fragment: REASON'"
    assert all(b.label for b in python), "a runnable needs a name, a fragment a reason"


def test_every_runnable_block_has_its_check_and_every_check_its_block() -> None:
    runnable = [b for b in all_blocks() if b.mark == "runnable"]
    names = [b.label for b in runnable]
    assert len(names) == len(set(names)), "two blocks share a name"
    assert set(names) == set(CHECKS), "tests/functional/test_docs_examples.py checks exactly these"
    assert {b.language for b in runnable} <= {"python", "console"}


def test_every_example_script_is_in_the_docs_and_has_its_check() -> None:
    scripts = {p.resolve() for p in (ROOT / "examples").glob("*.py")}
    assert scripts <= set(included_files()), "include it with literalinclude"
    # the examples' own tests (test_*.py) are run by pytest itself (pytest.ini's testpaths)
    assert {p.name for p in scripts if not p.name.startswith("test_")} == set(EXAMPLES)
    for path in included_files():
        assert path.exists(), path


def test_the_placeholders_of_every_runnable_block_are_replaced() -> None:
    values = {
        "url": "http://127.0.0.1:8065",
        "host": "127.0.0.1",
        "scheme": "http",
        "port": "8065",
        "token": "t" * 26,
        "bot_token": "b" * 26,
        "hook_url": "http://127.0.0.1:8065/hooks/" + "h" * 26,
        "team": "teamx",
    }
    for block in all_blocks():
        if block.mark == "runnable":
            code = substitute(block.code, values)
            assert "example.com" not in code and "xxxxxxxx" not in code, block.where
            assert not re.search(r"(?<![\w.-])ops(?![\w-])", code), block.where


def code_lines() -> Iterator[tuple]:
    for block in all_blocks():
        for n, line in enumerate(block.code.splitlines()):
            yield f"{block.where}+{n + 1}", line
    for path in included_files():
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            yield f"{path.relative_to(ROOT)}:{n + 1}", line
    for name, text in (("cli", generate().cli_reference()), ("options", generate().options_reference())):
        for page_block in re.findall(r"\.\. code-block:: \w+\n\n((?:   .*\n|\n)+)", text):
            for n, line in enumerate(page_block.splitlines()):
                yield f"generated {name} page+{n}", line[3:]


def test_no_code_line_is_wider_than_the_page() -> None:
    wide = [f"{where}: {len(line)}" for where, line in code_lines() if len(line) > WIDTH]
    assert wide == []


def test_console_blocks_show_their_prompts() -> None:
    bare: List[str] = []
    for block in all_blocks():
        if block.language == "console":
            lines = [line for line in block.code.splitlines() if line.strip()]
            if not console_commands(block.code) or not lines[0].startswith("$ "):
                bare.append(block.where)
    assert bare == []


def test_no_literal_block_without_a_language() -> None:
    # "::" blocks are highlighted as Python whatever they hold, and escape the marking above
    found = []
    for page in doc_files():
        for n, line in enumerate(page.read_text(encoding="utf-8").splitlines()):
            if line.rstrip().endswith("::") and not re.match(r"\s*\.\. [\w:-]+::", line):
                found.append(f"{page.name}:{n + 1}")
    assert found == []


# -- the README on the package page -----------------------------------------------------------------


def readme_links() -> List[str]:
    text = (ROOT / "README.rst").read_text(encoding="utf-8")
    return re.findall(r"`[^`<]*<([^>]+)>`_", text)


def test_the_readmes_links_work_on_the_package_page() -> None:
    links = readme_links()
    assert links and all(re.match(r"https://", link) for link in links), "absolute https links only"
    docs = setup_constant("PROJECT_URLS")["Documentation"]
    host = re.match(r"https://[^/]+/", docs).group(0)  # type: ignore[union-attr]
    ours = [link for link in links if link.startswith(host)]
    assert ours, "the README links to the documentation"
    for link in ours:
        assert link.startswith(docs), f"{link}: not under setup.py's documentation URL {docs}"
        page = link[len(docs) :].split("#")[0] or "index.html"
        assert page.endswith(".html"), link
        source = ROOT / "docs" / page.replace(".html", ".rst")
        generated = page.startswith("reference/")  # written by docs/conf.py
        assert generated or source.exists(), f"{link}: no page {source.relative_to(ROOT)}"


def test_the_readme_reads_as_a_user_reads_it() -> None:
    text = (ROOT / "README.rst").read_text(encoding="utf-8")
    titles = [m.group(1) for m in re.finditer(r"^(\S.*)\n-{3,}$", text, re.M)]
    order = ["Install", "Quick start", "A bot", "A cron job", "The command line", "Errors"]
    assert [t for t in titles if t in order] == order
    assert titles[-1] == "Set up and run", "the development set-up comes last"
    assert 'pip install "mattermostdriver[async]"' in text  # quoted for zsh
    assert 'post["root_id"] or post["id"]' in text


def test_the_task_pages_are_found_by_what_users_search_for() -> None:
    pages = {p.stem: p.read_text(encoding="utf-8").lower() for p in (ROOT / "docs").glob("*.rst")}
    for words, page in (
        (("rate limit", "429", "retry_after", "toomanyrequests", "timeout"), "errors"),
        (("upload", "download", "progress"), "files"),
        (("thread",), "concurrency"),
        (("thread", "root_id", "mention"), "bots"),
        (("webhook", "cron"), "cron"),
        (("7.3.2",), "upgrading"),
        (("iter_users", "page"), "paging"),
    ):
        for word in words:
            assert word in pages[page], f"{word!r} is not on docs/{page}.rst"
    # Sphinx's search skips terms made of digits, except in index entries as short as the query
    assert re.search(r"^\.\. index:: 429,", pages["errors"], re.M)


# -- the pages written from the code ----------------------------------------------------------------


def test_every_option_has_its_help_and_only_those() -> None:
    assert set(OPTION_HELP) == set(DEFAULT_OPTIONS)
    for key, help_ in OPTION_HELP.items():
        assert help_.type.strip() and help_.meaning.strip(), key


def test_the_command_line_names_in_the_options_help_exist() -> None:
    flags: Set[str] = {s for p in all_parsers() for a in p._actions for s in a.option_strings}
    variables = set(generate().environment_variables())
    for key, help_ in OPTION_HELP.items():
        for name in re.findall(r"``([^`]+)``", help_.cli):
            assert name in flags or name in variables, f"{key}: {name} is no flag or variable"


def test_every_flag_and_command_has_its_help() -> None:
    for parser in all_parsers():
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                helps = {c.dest: c.help for c in action._choices_actions}
                assert all(helps.get(name) for name in action.choices), parser.prog
                continue
            assert action.help and action.help != argparse.SUPPRESS, f"{parser.prog} {action.dest}"


def test_the_references_show_every_option_flag_command_and_variable() -> None:
    gen = generate()
    options = gen.options_reference()
    for key in DEFAULT_OPTIONS:
        assert f".. confval:: {key}\n" in options
    cli = gen.cli_reference()
    for parser in all_parsers():
        name = parser.prog.split(" ", 1)[1] if " " in parser.prog else ""
        if name:
            assert f"``{name}``\n" in cli and f".. program:: mattermostdriver {name}\n" in cli
        for action in parser._actions:
            for flag in action.option_strings:
                assert flag in cli, f"{parser.prog} {flag}"
    for variable in gen.environment_variables():
        assert f".. envvar:: {variable}\n" in cli


def test_every_variable_the_command_reads_is_documented() -> None:
    source = "".join(p.read_text() for p in (ROOT / "mattermostdriver" / "cli").glob("*.py"))
    read = set(re.findall(r"environ(?:\.get)?\(?\[?\"(MATTERMOST_\w+)\"", source))
    assert read and read <= set(generate().environment_variables()), ENV_HELP


def test_every_exit_status_of_main_is_documented() -> None:
    source = (ROOT / "mattermostdriver" / "cli" / "app.py").read_text()
    main = source[source.index("def main(") :]
    codes = {int(c) for c in re.findall(r"return (\d+)\b", main)}
    assert {0, 1, 2} <= codes | {0, 2}  # 0 and 2 also come from the commands and argparse
    assert codes <= set(generate().exit_statuses())
    assert set(generate().exit_statuses()) >= {0, 1, 2}


def test_the_generated_pages_are_written_where_the_docs_include_them(tmp_path: Path) -> None:
    gen = generate()
    gen.write_all(tmp_path)
    for page in ("options", "cli"):
        assert (tmp_path / "_generated" / f"{page}.rst").read_text()
        assert f".. include:: _generated/{page}.rst" in (ROOT / "docs" / f"{page}.rst").read_text()
    assert (tmp_path / "reference" / "index.rst").exists()


@pytest.mark.parametrize("block", [b for b in all_blocks() if b.language == "python"], ids=lambda b: b.where)
def test_every_python_block_compiles(block: Block) -> None:
    compile(block.code, block.where, "exec")


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.py")), ids=lambda p: p.name)
def test_every_example_compiles_on_this_python(path: Path) -> None:
    compile(path.read_text(encoding="utf-8"), str(path), "exec")


def test_no_attribute_comment_reads_as_a_type_to_napoleon() -> None:
    # "#: The client (typed as the sync one: ...)" was shown as "Type: The client (typed as the
    # sync one" on every reference page: napoleon reads "words: text" in an attribute's comment
    # as a type, unless docs/conf.py's hooks (generate.AttributeText) undo it
    import pkgutil

    from sphinx.ext.napoleon import Config
    from sphinx.ext.napoleon.docstring import GoogleDocstring
    from sphinx.pycode import ModuleAnalyzer

    import mattermostdriver

    names = ["mattermostdriver"] + [
        m.name for m in pkgutil.walk_packages(mattermostdriver.__path__, "mattermostdriver.")
    ]
    typed = []
    for name in names:
        for (cls, attribute), lines in ModuleAnalyzer.for_module(name).find_attr_docs().items():
            hooks, shown = generate().AttributeText(), list(lines)
            hooks.before(None, "attribute", attribute, None, None, shown)
            shown[:] = GoogleDocstring(shown, Config(), what="attribute", name=attribute).lines()
            hooks.after(None, "attribute", attribute, None, None, shown)
            if any(line.startswith(":type:") for line in shown) or not "".join(shown).strip():
                typed.append(f"{name}.{cls}.{attribute}".replace("..", "."))
    assert len(names) > 50 and typed == []
