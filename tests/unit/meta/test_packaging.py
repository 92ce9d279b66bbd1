"""The sdist and the wheel, built offline from a copy of the tree (never in it), hold what they must.

The sdist carries the package, LICENSE, CHANGES.rst, the examples, the docs and the tests, and
the wheel is built from the unpacked sdist (as ``python -m build`` does), so a distribution
that cannot rebuild itself fails here. The metadata carries the licence, every project URL of
setup.py and a classifier for each Python version the tests run on.
"""

from __future__ import annotations

import email
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from email.message import Message
from pathlib import Path
from typing import Dict, Iterator, List, Set, Tuple

import pytest

from tests.support.project import ROOT, setup_constant

#: Left out of the copy the build starts from: what a checkout holds that no distribution may.
_NOT_SOURCES = shutil.ignore_patterns(
    ".git",
    ".venv*",
    "__pycache__",
    "*.egg-info",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    "build",
    "dist",
)
#: Written by docs/conf.py or a docs build: never shipped.
_GENERATED = ("docs/_build/", "docs/_generated/", "docs/reference/")
#: The folders the sdist carries whole.
_SHIPPED = ("mattermostdriver/", "examples/", "docs/", "tests/", "scripts/")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tuple[Path, Path, Path]]:
    """(the copied source tree, the sdist, the wheel)."""
    base = tmp_path_factory.mktemp("dist")
    source, out = base / "source", base / "out"
    shutil.copytree(ROOT, source, ignore=_NOT_SOURCES)
    for generated in _GENERATED:
        shutil.rmtree(source / generated, ignore_errors=True)
    result = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PIP_NO_INDEX": "1"},
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (sdist,) = out.glob("*.tar.gz")
    (wheel,) = out.glob("*.whl")
    yield source, sdist, wheel


def sdist_files(sdist: Path) -> Set[str]:
    with tarfile.open(sdist) as tar:
        return {m.name.split("/", 1)[1] for m in tar.getmembers() if m.isfile() and "/" in m.name}


def wheel_files(wheel: Path) -> Set[str]:
    with zipfile.ZipFile(wheel) as whl:
        return set(whl.namelist())


def wheel_metadata(wheel: Path) -> Message:
    with zipfile.ZipFile(wheel) as whl:
        (name,) = [n for n in whl.namelist() if n.endswith(".dist-info/METADATA")]
        return email.message_from_bytes(whl.read(name))


def tree_files(source: Path) -> Set[str]:
    return {p.relative_to(source).as_posix() for p in source.rglob("*") if p.is_file()}


def test_the_sdist_carries_the_license_changes_and_every_folder(
    built: Tuple[Path, Path, Path],
) -> None:
    source, sdist, _ = built
    files = sdist_files(sdist)
    for name in ("LICENSE", "README.rst", "CHANGES.rst", "MANIFEST.in", "setup.py", "pytest.ini"):
        assert name in files
    wanted = {f for f in tree_files(source) if f.startswith(_SHIPPED)}
    assert wanted - files == set(), "in the tree but not in the sdist"
    assert {f for f in files if f.startswith(_SHIPPED)} - wanted == set(), "in the sdist but not in the tree"
    for must in (
        "docs/conf.py",
        "examples/echo_bot.py",
        "tests/functional/conftest.py",
        "scripts/mattermost-server",
    ):
        assert must in files
    assert not [f for f in files if f.startswith(_GENERATED) or "__pycache__" in f or f.endswith(".pyc")]


def test_the_wheel_carries_the_package_and_license_only(
    built: Tuple[Path, Path, Path],
) -> None:
    source, _, wheel = built
    files = wheel_files(wheel)
    licenses = [f for f in files if re.search(r"\.dist-info/(licenses/)?LICENSE$", f)]
    assert len(licenses) == 1
    with zipfile.ZipFile(wheel) as whl:
        assert whl.read(licenses[0]).decode() == (source / "LICENSE").read_text(encoding="utf-8")
    package = {f for f in tree_files(source) if f.startswith("mattermostdriver/")}
    assert package <= files
    assert "mattermostdriver/py.typed" in files
    assert {f.split("/")[0] for f in files} == {
        "mattermostdriver",
        wheel.name.split("-py3")[0] + ".dist-info",
    }


def test_the_license_keeps_the_notice_of_7_3_2_beside_this_projects() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n")
    assert "Copyright (c) 2017 Christian Plümer\n" in text
    assert "the mattermostdriver developers" in text
    assert "Permission is hereby granted, free of charge" in text


def test_the_metadata_names_the_licence_urls_and_pythons(
    built: Tuple[Path, Path, Path],
) -> None:
    meta = wheel_metadata(built[2])
    classifiers: List[str] = meta.get_all("Classifier") or []
    urls: Dict[str, str] = dict(u.split(", ", 1) for u in meta.get_all("Project-URL") or [])
    assert urls == setup_constant("PROJECT_URLS")
    assert set(urls) >= {"Documentation", "Changelog", "Source", "Issues"}
    assert meta["License"] == "MIT" and "License :: OSI Approved :: MIT License" in classifiers
    assert meta["Author"] and meta["Maintainer"]
    assert meta["Requires-Python"] == ">=3.9"
    assert meta.get_content_type() == "text/plain"  # the header, not the body's type
    assert meta["Description-Content-Type"] == "text/x-rst"
    for needed in ("Framework :: AsyncIO", "Typing :: Typed"):
        assert needed in classifiers
    assert [c for c in classifiers if c.startswith("Development Status ::")]
    versions = sorted(
        (
            c.rsplit(" ", 1)[1]
            for c in classifiers
            if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
        ),
        key=lambda v: tuple(map(int, v.split("."))),
    )
    assert versions == setup_constant("PYTHONS")


def test_the_classifiers_name_the_pythons_scripts_test_runs() -> None:
    script = (ROOT / "scripts" / "test").read_text()
    loop = re.search(r"^for minor in ([0-9. ]+); do$", script, re.M)
    assert loop, "scripts/test no longer loops over the Python versions"
    assert loop.group(1).split() == setup_constant("PYTHONS")
    assert setup_constant("PYTHONS")[0] == "3.9"  # python_requires
