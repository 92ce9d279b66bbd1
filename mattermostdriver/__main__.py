"""``python -m mattermostdriver``: the command line (see :mod:`mattermostdriver.cli`)."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
