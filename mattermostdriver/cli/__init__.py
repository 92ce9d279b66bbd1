"""The ``mattermostdriver`` command line: webhooks, posts, uploads, events and raw API calls.

Run it as ``mattermostdriver`` (console script) or ``python -m mattermostdriver``. Exit status:
0 on success, 1 when the server refuses or cannot be reached (its message, status and error
id on stderr), or answers something of the wrong shape; 2 for usage errors. No secret (token,
password, webhook id) is ever printed, and nothing the server sends can drive the terminal:
its text is shown escaped.

The package:

* :mod:`~mattermostdriver.cli.parser`: the argument parser;
* :mod:`~mattermostdriver.cli.app`: :func:`main`, the exit statuses, the log handler;
* :mod:`~mattermostdriver.cli.session`: the logged-in driver and the calls commands share;
* :mod:`~mattermostdriver.cli.inputs`: the message, JSON options and files the user gives;
* :mod:`~mattermostdriver.cli.output`: what is written, made safe; the progress bar;
* :mod:`~mattermostdriver.cli.errors`: usage errors, wrong-shape answers, the error line;
* the commands: :mod:`~mattermostdriver.cli.webhook`, :mod:`~mattermostdriver.cli.posting`
  (``post``, ``upload``), :mod:`~mattermostdriver.cli.api` (``whoami``, ``api``),
  :mod:`~mattermostdriver.cli.listen`.
"""

from .app import main
from .errors import UsageError
from .output import PROG, Output, ProgressBar
from .parser import ENV_HELP, build_parser
from .session import Session

__all__ = ["ENV_HELP", "PROG", "Output", "ProgressBar", "Session", "UsageError", "build_parser", "main"]
