"""The type checks of the sample programs can fail: a wrong ``assert_type`` fails mypy and pyright.

``scripts/test`` runs both checkers over ``sample_sync.py`` and ``sample_async.py``; these
tests run them over a copy with one assertion made wrong, and expect exactly that line to
fail, in each checker (a copy whose imports did not resolve would fail everywhere instead).
They need the ``dev`` extra (mypy, basedpyright).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import List, Tuple

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

#: (sample, an assertion it makes, the same assertion made wrong)
MUTATIONS = [
    ("sample_sync.py", 'assert_type(user["username"], str)', 'assert_type(user["username"], Optional[str])'),
    ("sample_async.py", "assert_type(post, Post)", "assert_type(post, Dict[str, Any])"),
    ("sample_async.py", "assert_type(users, AsyncIterator[User])", "assert_type(users, Iterator[User])"),
]


def wrong_copy(tmp_path: Path, sample: str, right: str, wrong: str) -> Tuple[Path, int]:
    """A copy of ``sample`` with its first ``right`` assertion replaced; the file and that line."""
    text = (HERE / sample).read_text(encoding="utf-8")
    assert right in text, f"{sample} no longer asserts {right}"
    line = text[: text.index(right)].count("\n") + 1
    text = text.replace(right, wrong, 1)
    if "Iterator[" in wrong and "from typing import" in text:
        text = text.replace("from typing import ", "from typing import Iterator, ", 1)
    copy = tmp_path / sample
    copy.write_text(text, encoding="utf-8")
    return copy, line


def run(command: List[str], cwd: Path) -> Tuple[int, str]:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600)
    return done.returncode, done.stdout + done.stderr


@pytest.mark.parametrize("sample, right, wrong", MUTATIONS, ids=[m[2] for m in MUTATIONS])
def test_mypy_fails_on_a_wrong_type(tmp_path: Path, sample: str, right: str, wrong: str) -> None:
    pytest.importorskip("mypy", reason="the dev extra")
    copy, line = wrong_copy(tmp_path, sample, right, wrong)
    # from the checkout, so that mypy finds the package and shares its cache
    code, out = run([sys.executable, "-m", "mypy", "--strict", "--python-version", "3.10", str(copy)], ROOT)
    assert code == 1, out
    errors = [e for e in out.splitlines() if ": error:" in e]
    assert len(errors) == 1 and f"{copy.name}:{line}: error:" in errors[0], out
    assert "[assert-type]" in errors[0], out


@pytest.mark.parametrize("sample, right, wrong", MUTATIONS, ids=[m[2] for m in MUTATIONS])
def test_pyright_fails_on_a_wrong_type(tmp_path: Path, sample: str, right: str, wrong: str) -> None:
    pytest.importorskip("basedpyright", reason="the dev extra")
    copy, line = wrong_copy(tmp_path, sample, right, wrong)
    config = json.loads((HERE / "pyrightconfig.json").read_text(encoding="utf-8"))
    config.update(include=[copy.name], extraPaths=[str(ROOT)])
    (tmp_path / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    command = [sys.executable, "-m", "basedpyright", "--pythonpath", sys.executable, "-p", str(tmp_path)]
    code, out = run(command, tmp_path)
    assert code == 1, out
    errors = re.findall(r"^\s*(\S+):(\d+):\d+ - error: (.*)$", out, re.MULTILINE)
    assert [(Path(path).name, int(at)) for path, at, _ in errors] == [(copy.name, line)], out
    assert "assert_type" in errors[0][2], out
