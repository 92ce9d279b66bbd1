"""The fake Mattermost server of :mod:`mattermostdriver.testing` (imports nothing of the driver).

* :mod:`.server`: :class:`FakeMattermost`, its helpers, the calls it saw, its fault switches;
* :mod:`.http`: the HTTP server (one port for REST, webhooks and the websocket), requests, replies;
* :mod:`.wsconn`: one websocket connection (upgrade, authentication, client actions);
* :mod:`.hub`: websocket connections, ``seq``, dead queues, resume, delivery;
* :mod:`.store`, :mod:`.posts`: the state and the operations, with their events;
* :mod:`.routes_core`, :mod:`.routes_posts`, :mod:`.integrations`: the REST routes;
* :mod:`.models`: the JSON shapes of the objects.
"""

from __future__ import annotations

from .http import Call
from .server import FakeMattermost, NotImplementedWarning, UnimplementedRoute

__all__ = ["Call", "FakeMattermost", "NotImplementedWarning", "UnimplementedRoute"]
