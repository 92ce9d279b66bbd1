"""How the fake answers one request: the fault switches, the webhook receiver, the REST routes.

A request to a route the fake does not implement (under ``/api/v4``) is answered 501 with
Mattermost's error shape (id ``api.fake.not_implemented.app_error``) and recorded in
``FakeMattermost.unimplemented``, even where the real server has no such route either (it answers
404 ``api.context.404.app_error``): the fake cannot tell the two apart, and a loud answer is the
useful one. Paths outside ``/api/v4`` and ``/hooks`` get the server's own 404.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Optional

from .http import API_V4, Call, Fault, Incoming, Reply, error_reply, match, not_found, session_token
from .routes_posts import hook_receiver
from .store import AppError

if TYPE_CHECKING:
    from .server import FakeMattermost

__all__ = ["answer"]


def _fault(fake: FakeMattermost, request: Incoming) -> Optional[Fault]:
    for fault in fake._faults:
        if (fault.method is None or fault.method == request.method) and (
            fault.path is None or request.path.startswith(fault.path)
        ):
            fake._faults.remove(fault)
            return fault
    return None


def answer(fake: FakeMattermost, request: Incoming) -> Optional[Reply]:
    """Answer one request (the HTTP server calls this): record it, apply a fault, or route it."""
    with fake.store.lock:
        request.token = session_token(request.headers)
        request.user_id = fake.store.tokens.get(request.token or "")
        reply = _reply(fake, request)
        body: Any = None
        if request.body[:1] in (b"{", b"["):
            try:
                body = json.loads(request.body)
            except ValueError:
                body = None
        fake.calls.append(
            Call(
                request.method,
                request.path,
                request.query,
                reply.status if reply else 0,
                request.user_id,
                body,
            )
        )
        return reply


def _reply(fake: FakeMattermost, request: Incoming) -> Optional[Reply]:
    fault = _fault(fake, request)
    if fault is not None:
        if fault.status == 0:  # the request is handled, its answer lost: the connection is cut
            _dispatch(fake, request)
            return None
        if fault.status == 429:
            headers = {
                "X-Ratelimit-Limit": "11",
                "X-Ratelimit-Remaining": "0",
                "X-Ratelimit-Reset": str(fault.retry_after or 1),
            }
            headers["Retry-After"] = str(fault.retry_after or 1)
            return Reply(
                429, raw=b"limit exceeded\n", content_type="text/plain; charset=utf-8", headers=headers
            )
        error = AppError(fault.status, fault.error_id, "An error injected by the test (FakeMattermost.fail).")
        return error_reply(error, request.request_id)
    return _dispatch(fake, request)


def _dispatch(fake: FakeMattermost, request: Incoming) -> Reply:
    path = request.path
    try:
        if path.startswith("/hooks/") and request.method == "POST" and path.count("/") == 2:
            return hook_receiver(fake.store, path[len("/hooks/") :], request)
        if not path.startswith(API_V4 + "/"):
            return not_found(path)
        route, params = match(fake._routes, request.method, path[len(API_V4) :])
        if route is None:
            fake.unimplemented.append(f"{request.method} {path}")
            message = f"mattermostdriver.testing's fake Mattermost does not implement {request.method} {path}"
            return error_reply(
                AppError(501, "api.fake.not_implemented.app_error", message), request.request_id
            )
        request.params = params
        result = route.handler(request)
        return result if isinstance(result, Reply) else Reply(200, result)
    except AppError as error:
        return error_reply(error, request.request_id)
