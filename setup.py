"""Packaging for mattermostdriver."""

import re
from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).parent
VERSION = re.search(
    r'^__version__ = "([^"]+)"', (HERE / "mattermostdriver" / "version.py").read_text(), re.M
)

#: Every address of the project, in this one place: the package page shows them, docs/conf.py
#: reads them from here (with ast, without running this file), and the unit tests hold the
#: README's links to the documentation address.
PROJECT_URLS = {
    "Documentation": "https://mattermostdriver.readthedocs.io/en/latest/",
    "Changelog": "https://mattermostdriver.readthedocs.io/en/latest/changes.html",
    "Source": "https://github.com/mattermostdriver/mattermostdriver",
    "Issues": "https://github.com/mattermostdriver/mattermostdriver/issues",
}

#: The Python versions the tests run on (scripts/test runs the unit tests on each).
PYTHONS = ["3.9", "3.10", "3.11", "3.12", "3.13"]

setup(
    name="mattermostdriver",
    version=VERSION.group(1) if VERSION else "0",
    description="A Python driver for the Mattermost REST API v4 and its WebSocket",
    long_description=(HERE / "README.rst").read_text(encoding="utf-8"),
    long_description_content_type="text/x-rst",
    author="Christian Plümer and the mattermostdriver developers",
    maintainer="the mattermostdriver developers",
    url=PROJECT_URLS["Documentation"],
    project_urls=PROJECT_URLS,
    license="MIT",
    license_files=["LICENSE"],
    packages=find_packages(include=["mattermostdriver", "mattermostdriver.*"]),
    package_data={"mattermostdriver": ["py.typed"]},
    python_requires=">=3.9",
    install_requires=["requests>=2.25", "websockets>=15,<18"],
    entry_points={
        "console_scripts": ["mattermostdriver = mattermostdriver.cli:main"],
        # the ``mattermost`` fixture of mattermostdriver.testing; loaded by pytest only
        "pytest11": ["mattermostdriver = mattermostdriver.testing.pytest_plugin"],
    },
    extras_require={
        "async": ["aiohttp>=3.9"],
        "test": [
            "pytest>=7",
            "pytest-timeout",
            "aiohttp>=3.9",
            "responses>=0.23",
            "requests-mock>=1.11",
            "pytest-httpserver>=1.0",
            "trustme>=1.0",
            # tests/unit/meta/test_packaging.py builds the sdist and the wheel offline
            "build>=1.0",
            "setuptools>=61",
            "wheel",
        ],
        "docs": ["sphinx>=7.4", "furo>=2024.1.29"],
        "dev": [
            "mypy>=1.10",
            # pyright with its own Node.js (a wheel): no npm, no download at run time
            "basedpyright>=1.20",
            "ruff>=0.6",
            "types-requests",
            "pyyaml>=5.4",
        ],
    },
    keywords=["mattermost", "chat", "bot", "api", "websocket", "chatops"],
    classifiers=[
        "Development Status :: 5 - Production/Stable",
        "Environment :: Console",
        "Framework :: AsyncIO",
        "Intended Audience :: Developers",
        "Intended Audience :: System Administrators",
        "License :: OSI Approved :: MIT License",
        "Operating System :: OS Independent",
        "Programming Language :: Python :: 3",
        "Programming Language :: Python :: 3 :: Only",
        *(f"Programming Language :: Python :: {version}" for version in PYTHONS),
        "Topic :: Communications :: Chat",
        "Typing :: Typed",
    ],
)
