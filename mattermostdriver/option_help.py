"""What each driver option means: the options reference of the documentation is written from this.

Every key of :data:`~mattermostdriver.options.DEFAULT_OPTIONS` has its :class:`OptionHelp` here
(a unit test checks it): a new option gets its line of help beside its default.
"""

from __future__ import annotations

from typing import Dict, NamedTuple

__all__ = ["OPTION_HELP", "OptionHelp"]


class OptionHelp(NamedTuple):
    """What the options reference says of an option."""

    #: Its type, as the reference shows it.
    type: str
    #: What it does (reStructuredText).
    meaning: str
    #: The command line's flags and environment variables that set it ("" when none does).
    cli: str = ""


#: The help of every option of :data:`DEFAULT_OPTIONS` (the 7.3.2 keys keep their meaning).
OPTION_HELP: Dict[str, OptionHelp] = {
    "url": OptionHelp(
        "str",
        "Where the server is: a full base URL such as ``https://chat.example.com/mattermost`` "
        "(its scheme, its port or the scheme's default, and its path are used), or a host name, "
        "``host:port`` or ``host[:port]/path`` (an IPv6 address in brackets, ``[::1]:8065``) with "
        "``scheme``, ``port`` and ``basepath`` beside it, as in 7.3.2: "
        '``"chat.example.com"`` is ``https://chat.example.com:8065/api/v4``, '
        '``"chat.example.com:443"`` port 443. Anything else raises ``ValueError`` naming what '
        "is wrong. The command line's ``--url`` is read by the same rule.",
        "``--url``, ``MATTERMOST_URL``",
    ),
    "scheme": OptionHelp("str", "``https`` or ``http``, when ``url`` is a host name."),
    "port": OptionHelp(
        "int",
        "The server's port, when ``url`` is a host name (a full URL's own port, else its "
        "scheme's default, wins).",
    ),
    "basepath": OptionHelp("str", "The API's path under the site's."),
    "verify": OptionHelp(
        "bool or str",
        "TLS verification, for REST and the websocket alike: ``True``, ``False`` or the path "
        "of a CA bundle. With ``True``, ``REQUESTS_CA_BUNDLE`` or ``CURL_CA_BUNDLE`` is used "
        "when set, as :mod:`requests` does.",
        "``--insecure``, ``--ca-bundle``",
    ),
    "timeout": OptionHelp(
        "float",
        "The websocket's ping interval, seconds (the 7.3.2 meaning): a dead connection is "
        "noticed within a few intervals.",
    ),
    "request_timeout": OptionHelp(
        "float or tuple",
        "REST timeout, seconds: one number, a ``(connect, read)`` pair or a ``(connect, "
        "read, total)`` triple. Each attempt must also finish, or move a block of 1 MiB, "
        "within ``total`` seconds (connect + read by default). Never unlimited; per call "
        "with ``timeout=``. The command line's default is 10 seconds.",
        "``--timeout``, ``MATTERMOST_TIMEOUT``",
    ),
    "login_id": OptionHelp(
        "str",
        "With ``password``: the user name or email address :meth:`~mattermostdriver.Driver.login` "
        "logs in with, when there is no ``token``.",
        "``MATTERMOST_LOGIN_ID``",
    ),
    "password": OptionHelp("str", "The password of ``login_id``.", "``MATTERMOST_PASSWORD``"),
    "token": OptionHelp(
        "str",
        "A personal access token or a bot's token: used before ``login_id``.",
        "``--token``, ``MATTERMOST_TOKEN``",
    ),
    "mfa_token": OptionHelp("str", "The multi-factor authentication code, with ``login_id``."),
    "auth": OptionHelp(
        "requests.auth.AuthBase",
        "An authentication hook (or a class of one) applied to every request to the server, "
        "never to another host.",
    ),
    "keepalive": OptionHelp(
        "bool",
        "Reconnect the websocket when it drops, and resume where it left off.",
    ),
    "keepalive_delay": OptionHelp(
        "float", "Seconds before the websocket's first reconnect (then backing off to a minute)."
    ),
    "websocket_kw_args": OptionHelp(
        "dict", "More keyword arguments for :func:`websockets.sync.client.connect`."
    ),
    "debug": OptionHelp(
        "bool",
        "Show this package's DEBUG lines on stderr: one per request (nothing secret is ever logged).",
        "``--debug``",
    ),
    "proxy": OptionHelp(
        "str or dict",
        "An HTTP(S) proxy URL, or a :mod:`requests` proxies dict. Without it, the "
        "environment's ``HTTPS_PROXY``, ``NO_PROXY``... apply, as in :mod:`requests`.",
    ),
    "retries": OptionHelp(
        "int",
        "Retries after the first attempt (0 turns retrying off): see :doc:`/errors` for what is "
        "retried. The command line's default is 2.",
        "``--retries``, ``MATTERMOST_RETRIES``",
    ),
    "backoff_factor": OptionHelp(
        "float", "Seconds of the first retry's backoff, doubled at each retry, with jitter."
    ),
    "backoff_max": OptionHelp("float", "The longest backoff between two retries, seconds."),
    "retry_after_max": OptionHelp(
        "float",
        "The longest ``Retry-After`` of a 429 the driver waits for, seconds; a longer one "
        "raises :class:`~mattermostdriver.exceptions.TooManyRequests` at once.",
    ),
    "user_agent": OptionHelp(
        "str", "The ``User-Agent`` header (default: ``mattermostdriver/VERSION python-requests/VERSION``)."
    ),
    "pool_maxsize": OptionHelp(
        "int or None",
        "How many connections to one host are kept open while idle, for the next calls "
        "(default None: all of them, up to ``max_connections``); the others close quietly as "
        "they come free. Given alone, as 8.x callers set it, it also raises "
        "``max_connections`` when larger. See :doc:`/concurrency`.",
    ),
    "max_connections": OptionHelp(
        "int or None",
        "The most connections open at once to one host, the same for Driver and AsyncDriver: "
        "a call that finds none free waits for one, within its timeout (default None: 32, or "
        "``pool_maxsize`` when larger). A bot with more threads calling at once sets it to "
        "their number. See :doc:`/concurrency`.",
    ),
}
