r"""What may be shown: secrets redacted, and server text made safe to print.

* :func:`redact` hides the values of secret-looking keys (passwords, tokens, MFA codes,
  cookies) in a body or query dict; :func:`redact_url` drops a URL's query string and
  userinfo and hides webhook ids (which are credentials), and :func:`redact_urls` does so
  for every URL in a text; :func:`redact_header` does the same for one header
  (``Authorization``, ``Cookie``, ``Set-Cookie``, ``Location``...).
* :func:`clean` makes text that came from the server (an error message, an id, a header)
  one bounded, printable line: control characters, escape sequences, line and bidi
  separators are shown escaped (``\\x1b``, ``\\n``), and the length is capped, so that a
  hostile server can neither rewrite the user's terminal nor flood a log line.
"""

from __future__ import annotations

import logging
import re
from typing import Any, Mapping
from urllib.parse import urlsplit

__all__ = [
    "MAX_TEXT",
    "clean",
    "redact",
    "redact_header",
    "redact_url",
    "redact_urls",
    "install_urllib3_redactor",
]

#: The most characters of one piece of server text kept in an exception or a log line.
MAX_TEXT = 500

_SENSITIVE = re.compile(r"pass|token|secret|mfa|cookie|authorization|csrf|session|key", re.IGNORECASE)
_HOOK_PATH = re.compile(r"(/hooks/(?:commands/)?)[^/?#]+")
# C0 and C1 controls, DEL, line/paragraph separators, and the bidi marks and overrides.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# A URL in a text, up to (not including) trailing punctuation.
_URL = re.compile(r"""[A-Za-z][A-Za-z0-9+.-]*://[^\s'"<>]*[^\s'"<>.,:;)\]}]""")


def _escape(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape").decode("ascii")


def clean(value: Any, limit: int = MAX_TEXT) -> str:
    """Return ``value`` as one printable line of at most ``limit`` characters (before escaping)."""
    text = value if isinstance(value, str) else str(value)
    if len(text) > limit:
        text = f"{text[:limit]}... ({len(text) - limit} more characters)"
    return _UNSAFE.sub(_escape, text)


def redact(value: Any) -> Any:
    """Return ``value`` with the values of secret-looking keys replaced by ``"***"``."""
    if isinstance(value, Mapping):
        return {k: ("***" if _SENSITIVE.search(str(k)) else redact(v)) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [redact(v) for v in value]
    return value


def redact_url(url: str) -> str:
    """Return ``url`` without its query string, fragment, userinfo or webhook id (a credential)."""
    parts = urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)[-1]
    path = _HOOK_PATH.sub(r"\1***", parts.path)
    prefix = f"{parts.scheme}://{netloc}" if parts.scheme else netloc
    return clean(prefix + path)


def redact_urls(text: str) -> str:
    """``text`` with every URL in it redacted (:func:`redact_url`)."""
    return _URL.sub(lambda match: redact_url(match.group()), text)


def redact_header(name: str, value: Any) -> str:
    """Return what may be logged of one header: secrets hidden, URLs redacted, server text cleaned."""
    lowered = name.lower()
    if lowered == "set-cookie":
        cookie_name = str(value).split("=", 1)[0]
        return clean(f"{cookie_name}=***")
    if _SENSITIVE.search(lowered):
        return "***"
    if lowered in ("location", "content-location", "referer"):
        return redact_url(str(value))
    return clean(value)


class _Urllib3Redactor(logging.Filter):
    """Take webhook ids and query strings out of urllib3's DEBUG lines ("POST /hooks/<id>?... 200")."""

    _query = re.compile(r"\?[^\s\"]*")

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = self._query.sub("?***", _HOOK_PATH.sub(r"\1***", message))
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True


_URLLIB3_REDACTOR = _Urllib3Redactor()


def install_urllib3_redactor() -> None:
    """Install the filter on urllib3's loggers once.

    ``urllib3.connectionpool`` logs each request line at DEBUG; ``urllib3.connection`` the
    URL of an answer whose headers it cannot parse, at WARNING.
    """
    for name in ("urllib3.connectionpool", "urllib3.connection"):
        logger = logging.getLogger(name)
        if _URLLIB3_REDACTOR not in logger.filters:
            logger.addFilter(_URLLIB3_REDACTOR)
