"""Malformed HTTP from the server, over raw sockets: only the documented exceptions, never a hang.

A generator makes broken answers from a good one (status lines, header folding, duplicate,
negative and huge ``Content-Length``, bad chunk sizes and trailers, truncated gzip, early
closes...), one per seed, and the named cases below pin the ones that broke before. Every
answer goes to the Driver and to the AsyncDriver on both its transports (aiohttp, threads):
the call returns the answer's value, or raises :class:`TransportError` (no usable answer),
:class:`UnexpectedResponse` (an answer the API does not give) or, for a well-formed error
status, :class:`ApiError`; nothing else. Hangs are bounded by the driver's own timeouts
(short here), not by the test.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import random
import socket
import sys
from typing import Any, Callable, Iterator, List, Optional, Tuple

import pytest
import requests

from mattermostdriver import AsyncDriver, Driver
from mattermostdriver.exceptions import ApiError, TransportError, UnexpectedResponse

from .servers import RawServer, read_request

VALUE = {"id": "u1", "username": "bob"}
BODY = json.dumps(VALUE).encode()
SECRET = "query-s3cret"  # sent in the query: never in an exception's text
SEEDS = 120

Header = Tuple[bytes, bytes]


def _chunked(body: bytes, rng: random.Random) -> bytes:
    """``body`` in a few chunks, with the final zero chunk."""
    out, at = b"", 0
    while at < len(body):
        size = rng.randint(1, max(1, len(body) - at))
        out += b"%x\r\n" % size + body[at : at + size] + b"\r\n"
        at += size
    return out + b"0\r\n\r\n"


def _status_line(rng: random.Random) -> bytes:
    return rng.choice(
        [
            b"HTTP/1.1 200 OK",
            b"HTTP/1.1 200",
            b"HTTP/1.0 200 OK",
            b"HTTP/1.1 2000 OK",
            b"HTTP/1.1 -200 OK",
            b"HTTP/1.1 2x0 OK",
            b"HTTP/1.1  200 OK",
            b"HTTP/9.9 200 OK",
            b"ICY 200 OK",
            b"HTTP/1.1 099 Nope",
            b"HTTP/1.1 103 Early Hints",
            b"HTTP/1.1 999 Made Up",
            b"HTTP/1.1 404 Not Found",
            b"HTTP/1.1 502 Bad Gateway",
            b"HTTP/1.1 200 " + b"R" * rng.choice([10, 70000]),
            b"HTTP/1.1 200 OK\x00",
            b"",
            bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 40))).replace(b"\n", b""),
        ]
    )


def _length(rng: random.Random, actual: int) -> bytes:
    return rng.choice(
        [
            b"%d" % actual,
            b"%d" % (actual + rng.randint(1, 50)),
            b"%d" % max(0, actual - rng.randint(1, actual)),
            b"-%d" % rng.randint(1, 10),
            b"%d" % 10 ** rng.randint(12, 40),
            b"+%d" % actual,
            b" %d " % actual,
            b"0x10",
            b"abc",
            b"",
            b"%d, %d" % (actual, actual + 1),
        ]
    )


def _chunk_size(rng: random.Random) -> bytes:
    return rng.choice(
        [b"f" * rng.randint(9, 40), b"-5", b"zz", b"", b"5;ext=1", b"ffffffffffffffff", b"0x5", b" 5", b"5 5"]
    )


def malformed(seed: int) -> bytes:
    """One broken answer: a good one with a few random faults in its status, headers, framing or body."""
    rng = random.Random(seed)
    body = BODY
    headers: List[Header] = [(b"Content-Type", b"application/json")]
    if rng.random() < 0.3:  # gzip, sometimes truncated or corrupted
        body = gzip.compress(body, mtime=0)
        headers.append((b"Content-Encoding", b"gzip"))
        fault = rng.choice(["cut", "flip", "none"])
        if fault == "cut":
            body = body[: rng.randint(0, len(body) - 1)]
        elif fault == "flip":
            at = rng.randrange(len(body))
            body = body[:at] + bytes([body[at] ^ 0xFF]) + body[at + 1 :]
    elif rng.random() < 0.1:  # an encoding that is not what it says
        headers.append((b"Content-Encoding", rng.choice([b"gzip", b"deflate", b"br", b"x-unknown"])))
    chunked = rng.random() < 0.4
    if chunked:
        headers.append(
            (b"Transfer-Encoding", rng.choice([b"chunked", b"chunked", b"gzip, chunked", b"chunked, x"]))
        )
        payload = _chunked(body, rng)
        if rng.random() < 0.5:  # a bad chunk size, first or later
            lines = payload.split(b"\r\n")
            index = rng.randrange(0, len(lines) - 2, 2) if len(lines) > 3 else 0
            lines[index] = _chunk_size(rng)
            payload = b"\r\n".join(lines)
        if rng.random() < 0.3:  # bad trailers
            trailer = rng.choice([b"X-T: 1", b"no colon", b"X\x00: \xff", b"X: " + b"t" * 70000, b" folded"])
            payload = payload[: -len(b"\r\n")] + trailer + b"\r\n\r\n"
        if rng.random() < 0.2:
            headers.append((b"Content-Length", _length(rng, len(payload))))
    else:
        payload = body
        for _ in range(rng.choice([1, 1, 1, 2])):
            headers.append((b"Content-Length", _length(rng, len(body))))
    if rng.random() < 0.2:  # header folding (obsolete line continuation)
        headers.insert(rng.randrange(len(headers) + 1), (b"X-Folded", b"a\r\n b\r\n\tc"))
    if rng.random() < 0.1:
        headers.append((b"X-Junk", bytes(rng.getrandbits(8) for _ in range(20)).replace(b"\n", b"")))
    if rng.random() < 0.05:
        headers.extend((b"X-Many-%d" % i, b"v") for i in range(rng.choice([99, 150])))
    if rng.random() < 0.05:
        headers.append((b"no colon here", b""))
    status = b"HTTP/1.1 200 OK" if rng.random() < 0.5 else _status_line(rng)
    eol = b"\n" if rng.random() < 0.05 else b"\r\n"
    head = status + eol + b"".join(name + (b": " + value if value else b"") + eol for name, value in headers)
    answer = head + eol + payload
    if rng.random() < 0.25:  # the connection drops early
        answer = answer[: rng.randint(0, len(answer))]
    return answer


JSON_200 = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"


def answer(*headers: bytes, body: bytes = b"", status: bytes = JSON_200) -> bytes:
    """An answer: the status line (and Content-Type), ``headers``, and ``body`` as they are."""
    return status + b"".join(header + b"\r\n" for header in headers) + b"\r\n" + body


CHUNKED = b"Transfer-Encoding: chunked"
# The cases that broke before, and each family once, by name.
NAMED = {
    "absurd chunk size": answer(CHUNKED, body=b"ffffffffffffffffffffffffffff\r\n{}\r\n0\r\n\r\n"),
    "negative chunk size": answer(CHUNKED, body=b"-2\r\n{}\r\n0\r\n\r\n"),
    "huge content-length": answer(b"Content-Length: 99999999999999999999999999", body=b"{}"),
    "content-length beyond memory": answer(b"Content-Length: 100000000000000000", body=BODY),
    "negative content-length": answer(b"Content-Length: -5", body=BODY),
    "duplicate content-length": answer(b"Content-Length: 2", b"Content-Length: 3", body=b"{}"),
    "bad status line": answer(status=b"HTTP/1.1 2x0 OK\r\n"),
    "status 999": answer(b"Content-Length: 0", status=b"HTTP/1.1 999 Made Up\r\n"),
    "interim status as the answer": answer(b"Content-Length: 0", status=b"HTTP/1.1 103 Early Hints\r\n"),
    "folded header": answer(b"X-A: a\r\n b", b"Content-Length: %d" % len(BODY), body=BODY),
    "truncated gzip": answer(
        b"Content-Encoding: gzip", b"Content-Length: 12", body=gzip.compress(BODY, mtime=0)[:12]
    ),
    "bad trailer": answer(CHUNKED, body=b"%x\r\n%s\r\n0\r\nX\x00: \xff\r\n\r\n" % (len(BODY), BODY)),
    "header line too long": answer(b"X: " + b"a" * 70000),
    "too many headers": answer(*[b"X: a"] * 200),
    "nothing at all": b"",
    "early close in the body": answer(b"Content-Length: 100", body=b"{"),
    "early close in a chunk": answer(CHUNKED, body=b"10\r\n{"),
    "continue, then nothing": b"HTTP/1.1 100 Continue\r\n\r\n",
    "html where JSON was promised": answer(b"Content-Length: 6", body=b"<html>"),
}


class Answers:
    """A raw server that answers each connection's request with the next scripted bytes, then closes."""

    def __init__(self) -> None:
        self.next: bytes = b""
        self.requests: List[bytes] = []
        self.server = RawServer(self._serve)

    def _serve(self, conn: socket.socket) -> None:
        head = read_request(conn)
        if not head:
            return
        self.requests.append(head)
        conn.sendall(self.next)
        conn.shutdown(socket.SHUT_WR)

    def close(self) -> None:
        self.server.close()


@pytest.fixture(params=["sync", "aiohttp", "threads"])
def send(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[bytes], Any]]:
    """Sends one request whose answer is the given bytes, through one driver of the parametrized kind.

    Returns what the call returned, or the exception it raised.
    """
    if request.param == "threads":
        monkeypatch.setitem(sys.modules, "aiohttp", None)  # import aiohttp now fails
    answers = Answers()
    options = {
        "url": f"http://127.0.0.1:{answers.server.port}",
        "token": "t",
        "retries": 0,
        "request_timeout": (2, 1, 2),
    }
    loop: Optional[asyncio.AbstractEventLoop] = None
    if request.param == "sync":
        driver: Any = Driver(options)
    else:
        loop = asyncio.new_event_loop()
        driver = AsyncDriver(options)

    def call(answer: bytes) -> Any:
        answers.next = answer
        try:
            if loop is None:
                return driver.client.get("/users/me", params={"access_token": SECRET})
            return loop.run_until_complete(driver.client.get("/users/me", params={"access_token": SECRET}))
        except Exception as exc:
            return exc

    yield call
    if loop is None:
        driver.client.close()
    else:
        loop.run_until_complete(driver.close())
        loop.close()
    answers.close()


def check(outcome: Any, answer: bytes) -> None:
    """The outcome of a call answered with ``answer`` is a value or one of the documented errors."""
    where = f"answer {answer[:200]!r}"
    if isinstance(outcome, BaseException):
        assert isinstance(outcome, (TransportError, UnexpectedResponse, ApiError)), (
            f"{where}: {type(outcome).__name__}: {outcome}"
        )
        for text in (str(outcome), outcome.summary, repr(outcome)):
            assert SECRET not in text and "\n" not in text and "\r" not in text, (where, text)
        if isinstance(outcome, ApiError):  # a well-formed error status, whatever its body
            assert outcome.status_code is not None and 400 <= outcome.status_code < 600, where
        return
    # a value: the whole body (nothing dropped silently), nothing (an empty body), a non-JSON body as
    # the Response, or JSON that is in the answer as sent (a body framed otherwise, e.g. read to the close)
    assert (
        outcome is None
        or outcome == VALUE
        or isinstance(outcome, requests.Response)
        or json.dumps(outcome).encode() in answer
    ), (where, outcome)


@pytest.mark.parametrize("name", sorted(NAMED))
def test_named_malformed_answers(send: Callable[[bytes], Any], name: str) -> None:
    answer = NAMED[name]
    outcome = send(answer)
    check(outcome, answer)
    broken = (
        "absurd chunk size",
        "negative chunk size",
        "huge content-length",
        "content-length beyond memory",
    )
    if name in (*broken, "duplicate content-length"):
        assert isinstance(outcome, TransportError), outcome  # the body cannot be read: no usable answer
    if name in ("status 999", "interim status as the answer"):
        assert isinstance(outcome, (UnexpectedResponse, TransportError)), outcome
        assert not isinstance(outcome, ApiError), outcome


def test_generated_malformed_answers(send: Callable[[bytes], Any]) -> None:
    outcomes = set()
    for seed in range(SEEDS):
        answer = malformed(seed)
        outcome = send(answer)
        check(outcome, answer)
        outcomes.add(type(outcome).__name__)
    # the generator reaches every documented outcome, not only one kind of failure
    assert {"TransportError", "dict"} <= outcomes and outcomes & {"UnexpectedResponse", "ServerError"}


def test_the_generator_makes_varied_answers() -> None:
    answers = [malformed(seed) for seed in range(SEEDS)]
    assert len(set(answers)) > SEEDS * 0.9
    for needle in (b"Transfer-Encoding", b"Content-Encoding: gzip", b"X-Folded", b"Content-Length: -"):
        assert sum(needle in a for a in answers) >= 3, needle
