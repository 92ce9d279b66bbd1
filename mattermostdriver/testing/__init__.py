"""Test a bot against a fake Mattermost: in process, on loopback, no server to install.

* :class:`FakeMattermost`: the fake server (REST and websocket on one port of 127.0.0.1), with
  helpers to arrange (users, teams, channels, hooks), to act as other users (``post_as``,
  ``react_as``, ``run_command``, ``click``), to inspect (``posts_in``, ``calls``,
  ``events_sent``) and fault switches (``fail``, ``drop_websockets``);
* :class:`Mattermost`: that server with a team, a channel, a bot and a person, and drivers
  logged in to it;
* the pytest plugin (:mod:`.pytest_plugin`, loaded by pytest only): the ``mattermost`` fixture;
* :class:`MockTransport` and :class:`MockResponse` (from :mod:`mattermostdriver.transports`): no
  server at all, a function of the test answers every request.

See the documentation page "Testing your bot".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, List

if TYPE_CHECKING:
    from ..transports.mock import MockResponse, MockTransport
    from .fake import Call, FakeMattermost, NotImplementedWarning, UnimplementedRoute
    from .harness import Mattermost

__all__ = [
    "Call",
    "FakeMattermost",
    "Mattermost",
    "MockResponse",
    "MockTransport",
    "NotImplementedWarning",
    "UnimplementedRoute",
]

#: Each name and the module it loads on first use: pytest imports the plugin, a submodule of
#: this package, in every run of a project that has the driver installed; the fake server and
#: its HTTP machinery load only when a test uses them.
_MODULE_OF = {
    "Call": ".fake",
    "FakeMattermost": ".fake",
    "NotImplementedWarning": ".fake",
    "UnimplementedRoute": ".fake",
    "Mattermost": ".harness",
    "MockResponse": "..transports.mock",
    "MockTransport": "..transports.mock",
}


def __getattr__(name: str) -> Any:
    if name in _MODULE_OF:
        from importlib import import_module

        return getattr(import_module(_MODULE_OF[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> List[str]:
    return sorted(set(globals()) | set(_MODULE_OF))
