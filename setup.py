"""Packaging for mattermostdriver."""

import re
from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).parent
VERSION = re.search(
    r'^__version__ = "([^"]+)"', (HERE / "mattermostdriver" / "version.py").read_text(), re.M
)

setup(
    name="mattermostdriver",
    version=VERSION.group(1) if VERSION else "0",
    description="A Python driver for the Mattermost REST API v4 and its WebSocket",
    long_description=(HERE / "README.rst").read_text(encoding="utf-8"),
    long_description_content_type="text/x-rst",
    license="MIT",
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
        ],
        "dev": ["mypy>=1.10", "ruff>=0.6", "types-requests", "sphinx>=7", "pyyaml>=5.4"],
    },
    classifiers=[
        "Programming Language :: Python :: 3",
        "Programming Language :: Python :: 3 :: Only",
        "Operating System :: OS Independent",
        "Typing :: Typed",
        "Topic :: Communications :: Chat",
    ],
)
