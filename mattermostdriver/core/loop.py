"""The request loop, written once: what is retried, after how long, and which exception is raised.

:func:`exchange` is a generator over one :class:`~mattermostdriver.core.request.Request`: it
yields the request each time it is to be sent, or a wait (a float, seconds), and is sent
back the response or the :mod:`requests` exception of each send. It decides everything over
the request's :class:`~mattermostdriver.retry.Retry` policy and returns the final response;
the clients only run it, one with blocking calls and one with ``await``. Nothing here does
I/O. A post's fate (answered, or maybe saved without an answer) is recorded in one place,
when the loop ends, however it ends (see :class:`~mattermostdriver.core.pending.PendingPosts`).
"""

from __future__ import annotations

import logging
import time
from typing import Any, Generator, List, Union
from urllib.parse import parse_qsl, urlsplit

import requests

from ..exceptions import ApiError, TransportError, UnexpectedResponse, error_for_status, transport_error
from ..redaction import clean, redact, redact_url
from ..retry import cannot_cure, reached_server
from .request import Request

__all__ = ["Exchange", "closed_in_flight", "exchange"]

log = logging.getLogger("mattermostdriver.client")

#: The loop as its runner sees it: it yields the request to send or seconds to wait, is sent
#: back each response (or exception), and returns the final response.
Exchange = Generator[Union[Request, float], Any, requests.Response]


def exchange(request: Request) -> Exchange:
    """The request loop over ``request``: yields each send and each wait (see the module)."""
    retry = request.settings.retry
    debug = log.isEnabledFor(logging.DEBUG)
    attempt = 0
    first_sent = time.monotonic()
    answered = reached = False  # the server answered for good / an attempt may have reached it
    try:
        while True:
            started = time.monotonic() if debug else first_sent
            reached_before, reached = reached, True  # while the request is out, it may reach the server
            result = yield request
            if isinstance(result, BaseException):
                this_reached = reached_server(result)
                reached = reached_before or this_reached
                if debug:
                    log.debug(
                        "%s %s -> %s after %.1f ms",
                        request.method,
                        request.shown,
                        type(result).__name__,
                        _ms(started),
                    )
                delay = retry.after_failure(
                    safety=request.safety,
                    attempt=attempt,
                    reached_server=this_reached,
                    resendable=request.rewind is not None,
                    elapsed=time.monotonic() - first_sent,
                    final=cannot_cure(result),
                )
                if delay is None:
                    raise transport_error(
                        result,
                        method=request.method,
                        url=request.shown,
                        timeouts=request.timeouts,
                        reached_server=this_reached,
                        post=request.post is not None,
                    )
                cause = type(result).__name__
            else:
                response: requests.Response = result
                status = response.status_code
                if debug:
                    _log_response(request, response, started)
                if 200 <= status < 300 or status == 304:
                    answered = True
                    return response
                error = _error(request, response)
                delay = retry.after_status(
                    status=status,
                    error_id=error.error_id,
                    retry_after=getattr(error, "retry_after", None),
                    safety=request.safety,
                    attempt=attempt,
                    resendable=request.rewind is not None,
                    elapsed=time.monotonic() - first_sent,
                )
                if delay is None:
                    answered = status < 500
                    raise error
                response.close()
                cause = str(status)
            attempt += 1
            log.info(
                "retrying %s %s after %s in %.2f s (retry %d of %d)",
                request.method, request.shown, cause, delay, attempt, retry.total,
            )  # fmt: skip
            yield delay
            if request.rewind is not None:
                request.rewind()
    finally:  # however the loop ends: answered, raised, cancelled or interrupted
        if request.post is not None:
            request.pending.outcome(request.post, answered=answered, reached=reached, first_sent=first_sent)


def _error(request: Request, response: requests.Response) -> ApiError:
    """The error of an answer that is not a success (the status table of :mod:`~mattermostdriver.exceptions`).

    Raises:
        UnexpectedResponse: an interim or made-up status, or a redirect (never followed).

    """
    status = response.status_code
    if not 200 <= status < 600:  # an interim (1xx) or made-up status as the answer
        raise UnexpectedResponse(
            f"the server answered status {status}, which is not a final HTTP status",
            status_code=status,
            method=request.method,
            url=request.shown,
            response=response,
        )
    if status < 400:
        location = redact_url(response.headers.get("Location", ""))
        raise UnexpectedResponse(
            f"the server redirected to {location or 'another address'}: set url to the final address",
            status_code=status,
            method=request.method,
            url=request.shown,
            response=response,
        )
    return error_for_status(response, request.method, request.shown)


def _log_response(request: Request, response: requests.Response, started: float) -> None:
    """The one DEBUG line of a request: method, path, status, time, request id (never a secret)."""
    request_id = clean(response.headers.get("X-Request-ID") or "-", 100)
    line = "%s %s -> %s in %.1f ms (request id %s)"
    args: List[Any] = [request.method, request.shown, response.status_code, _ms(started), request_id]
    query = urlsplit(request.prepared.url or "").query
    if request.settings.debug and query:
        line = line[:-1] + ", params %s)"
        args.append(redact(dict(parse_qsl(query))))
    log.debug(line, *args)


def _ms(started: float) -> float:
    """Milliseconds since ``started`` (a ``time.monotonic()`` reading)."""
    return (time.monotonic() - started) * 1000


def closed_in_flight(request: Request) -> TransportError:
    """The error of a call whose connection the driver's ``close()`` ended."""
    what = "the driver was closed while the call was in flight"
    if request.post is not None:
        what += " (the post may have been created; calling create_post again with the same options is safe)"
    return TransportError(what, method=request.method, url=request.shown)
