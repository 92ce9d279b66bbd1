"""Why a request got no answer: the reason the operating system or the TLS library gave.

A failed request's exception is wrapped several times over (:mod:`requests` wraps urllib3's,
which wraps the socket's; aiohttp wraps its own): :func:`failure_reason` digs out the innermost
reason as one safe line, and :func:`answered_plain_http` tells a TLS handshake that a plain-HTTP
port answered. :func:`mattermostdriver.exceptions.transport_error` words the error from them, and
the retry policy reads them to decide what resending cannot cure. Both names are importable from
:mod:`mattermostdriver.exceptions` too.
"""

from __future__ import annotations

import re

import requests

from .redaction import clean, redact_urls

__all__ = ["answered_plain_http", "failure_reason"]

# What wraps the reason in urllib3's, aiohttp's and OpenSSL's texts: a pool or connection object,
# aiohttp's status-like prefix and position mark, OpenSSL's source line.
_NOISE = re.compile(
    r"\w*ConnectionPool\(host=[^)]*\):\s*|<[^<>]* object at 0x[0-9a-fA-F]+>:?\s*"
    r"|\s*\(_ssl\.c:\d+\)|^\d{3}, message[:=]\s*|\s+\^\s*$"
)


def _root_cause(exc: BaseException) -> BaseException:
    """The innermost exception ``exc`` wraps (requests wraps urllib3's, which wraps the OS's...).

    Followed through explicit links (``raise ... from``, and the wrapped exception that
    urllib3 and aiohttp keep in ``reason``, ``os_error`` or their arguments), not through
    what was being handled when it was raised.
    """
    seen = set()
    while id(exc) not in seen:
        seen.add(id(exc))
        links = [exc.__cause__, getattr(exc, "os_error", None), getattr(exc, "reason", None)]
        links += [arg for arg in exc.args if isinstance(arg, BaseException)]
        inner = next((link for link in links if isinstance(link, BaseException)), None)
        if inner is None:
            break
        exc = inner
    return exc


def failure_reason(exc: BaseException) -> str:
    """The reason the operating system or TLS library gave for a failed request, as one safe line.

    E.g. ``[Errno 111] Connection refused`` or ``[SSL: CERTIFICATE_VERIFY_FAILED] certificate
    verify failed: self-signed certificate``; the innermost error under the :mod:`requests`,
    urllib3 or aiohttp ones that wrap it (its class name first when its text does not say).
    URLs in it lose their query, userinfo and webhook id; control characters are escaped.
    """
    root = _root_cause(exc)
    text = _NOISE.sub(" ", " ".join(str(root).split())).strip()
    name = type(root).__name__
    if not text.startswith("[") and name not in text:  # "[Errno 111] ...", "[SSL: ...] ..." say enough
        text = f"{name}: {text}" if text else name
    return clean(redact_urls(text), 300)


#: What OpenSSL says when the first bytes of the server's answer are not TLS (a plain-HTTP port).
_PLAIN_HTTP = ("wrong version number", "unknown protocol", "record layer failure", "http request")


def answered_plain_http(exc: BaseException) -> bool:
    """Whether a TLS handshake failed because the server answered plain HTTP (use ``http://``)."""
    return isinstance(exc, requests.exceptions.SSLError) and any(
        text in failure_reason(exc).lower() for text in _PLAIN_HTTP
    )
