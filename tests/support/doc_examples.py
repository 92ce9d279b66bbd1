"""The code blocks of the README and the docs, and how they are marked.

A ``code-block`` of Python is preceded by one of two reStructuredText comments (invisible on
the page and on the package page):

``.. runnable: NAME``
    a complete example: ``tests/functional/test_docs_examples.py`` runs it against the real
    server, its placeholders replaced, and its check ``NAME`` checks what it did. Console
    blocks may be marked so too: their ``$`` lines run in bash.
``.. fragment: REASON``
    a piece of code that cannot run alone, and why.

The placeholders are those a reader replaces: the server ``https://chat.example.com`` (or the
host ``chat.example.com`` of 7.3.2-style options), the token ``xxxxxxxx``, a bot's
``bot-token``, the webhook ``https://chat.example.com/hooks/xxx`` and the team ``ops``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, List, Optional

from tests.support.project import ROOT

#: The page width a code line must fit in, in characters (the package page shows about 80).
WIDTH = 79

_DIRECTIVE = re.compile(r"^(\s*)\.\. (code-block|literalinclude|include)::\s*(\S*)\s*$")
_MARK = re.compile(r"^\s*\.\. (runnable|fragment):\s*(.*?)\s*$")
_TITLE_UNDERLINE = re.compile(r"^([=\-~^\"'`#*+])\1{2,}\s*$")


@dataclass
class Block:
    """One ``code-block`` of a page."""

    path: Path
    line: int  # of the directive, 1-based
    language: str
    code: str
    section: str  # the title of the section it is in
    mark: Optional[str] = None  # "runnable" or "fragment"
    label: str = ""  # the runnable's name, or the fragment's reason

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def doc_files() -> List[Path]:
    """The README, the changes and every hand-written page of docs/ (not the generated ones)."""
    pages = sorted(p for p in (ROOT / "docs").glob("*.rst"))
    return [ROOT / "README.rst", ROOT / "CHANGES.rst", *pages]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _body(lines: List[str], start: int, base: int) -> List[str]:
    """The lines of a directive's body (after its options), dedented."""
    i = start
    while i < len(lines) and lines[i].strip().startswith(":") and _indent(lines[i]) > base:
        i += 1  # the directive's options
    body: List[str] = []
    while i < len(lines) and (not lines[i].strip() or _indent(lines[i]) > base):
        body.append(lines[i])
        i += 1
    while body and not body[-1].strip():
        body.pop()
    while body and not body[0].strip():
        body.pop(0)
    depth = min((_indent(b) for b in body if b.strip()), default=0)
    return [b[depth:] for b in body]


def blocks(path: Path) -> Iterator[Block]:
    """The code blocks of one page, with the mark before each."""
    lines = path.read_text(encoding="utf-8").splitlines()
    section = ""
    for i, line in enumerate(lines):
        if i and _TITLE_UNDERLINE.match(line) and lines[i - 1].strip() and len(line) >= len(lines[i - 1]):
            section = lines[i - 1].strip()
        match = _DIRECTIVE.match(line)
        if not match or match.group(2) != "code-block":
            continue
        block = Block(
            path, i + 1, match.group(3), "\n".join(_body(lines, i + 1, len(match.group(1)))) + "\n", section
        )
        j = i - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        mark = _MARK.match(lines[j]) if j >= 0 else None
        if mark:
            block.mark, block.label = mark.group(1), mark.group(2)
        yield block


def all_blocks() -> List[Block]:
    return [b for path in doc_files() for b in blocks(path)]


def runnable_blocks() -> Dict[str, Block]:
    """Every runnable block by its name."""
    return {b.label: b for b in all_blocks() if b.mark == "runnable"}


def included_files() -> Dict[Path, Path]:
    """Each file a page includes with ``literalinclude``, and the page."""
    found: Dict[Path, Path] = {}
    for page in doc_files():
        for line in page.read_text(encoding="utf-8").splitlines():
            match = _DIRECTIVE.match(line)
            if match and match.group(2) == "literalinclude":
                found[(page.parent / match.group(3)).resolve()] = page
    return found


def console_commands(code: str) -> List[str]:
    """The commands of a console block: its ``$`` lines without the prompt (the rest is output)."""
    return [line[2:] for line in code.splitlines() if line.startswith("$ ")]


def substitute(code: str, values: Dict[str, str]) -> str:
    """``code`` with its placeholders replaced (see the module); ``values`` has ``url``, ``host``,
    ``scheme``, ``port``, ``token``, ``bot_token``, ``hook_url`` and ``team``.
    """
    code = code.replace("https://chat.example.com/hooks/xxx", values["hook_url"])
    code = code.replace("https://chat.example.com", values["url"])
    code = code.replace('"url": "chat.example.com"', f'"url": "{values["host"]}"')
    code = code.replace('"scheme": "https"', f'"scheme": "{values["scheme"]}"')
    code = code.replace('"port": 443', f'"port": {values["port"]}')
    code = code.replace("xxxxxxxx", values["token"])
    code = code.replace("bot-token", values["bot_token"])
    code = re.sub(r"(?<![\w.-])ops(?![\w-])", values["team"], code)
    return code
