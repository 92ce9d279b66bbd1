"""The one retry policy: given or built from the options, immutable, never undone behind the caller's back;
and the settings a call starts with are the ones it ends with."""

from __future__ import annotations

import json
import pickle
from typing import Any, Dict, List

import pytest
import requests
import responses

from mattermostdriver import AsyncDriver, Driver, ServerError, TransportError
from mattermostdriver.aio_client import AsyncClient
from mattermostdriver.client import Client
from mattermostdriver.exceptions import WebsocketError
from mattermostdriver.options import Options
from mattermostdriver.retry import Retry
from mattermostdriver.websocket.engine import Engine

from .conftest import BASE


def _options(**extra: Any) -> Dict[str, Any]:
    return {"url": "http://mm.test", "port": 80, "token": "t", "backoff_factor": 0, **extra}


def test_a_policy_set_on_the_client_survives_other_option_writes(mock: responses.RequestsMock) -> None:
    """``d.client.retry = Retry(total=0)`` used to be replaced by the options' policy at the next write."""
    d = Driver(_options())
    d.client.retry = Retry(total=0)
    d.options["request_timeout"] = 5
    d.options["token"] = "another"
    mock.get(f"{BASE}/users/me", status=503, json={"id": "x", "message": "busy"})
    with pytest.raises(ServerError):
        d.users.get_user("me")
    assert len(mock.calls) == 1  # not retried: the policy given is still the one
    assert d.client.retry.total == 0


def test_writing_a_retry_option_changes_that_field_of_the_policy_only() -> None:
    waits: List[float] = []
    d = Driver(_options(), retry=Retry(total=0, backoff_max=9.0, sleep=waits.append))
    d.options["backoff_factor"] = 0.25
    policy = d.client.retry
    assert (policy.total, policy.backoff_factor, policy.backoff_max) == (0, 0.25, 9.0)
    assert policy.sleep == waits.append  # the caller's own wait is kept
    d.options.update(retries=2, keepalive_delay=7)
    assert (d.client.retry.total, d.client.retry.first_delay, d.client.retry.backoff_max) == (2, 7.0, 9.0)


def test_the_policy_given_wins_over_the_options_and_is_shared() -> None:
    given = Retry(total=1)
    d = Driver(_options(retries=5), retry=given)
    assert d.client.retry is given and d.options.retry is given
    assert AsyncDriver(_options(retries=5), retry=given).client.retry is given
    assert Client(_options(), retry=given).retry is given
    assert AsyncClient(_options(), retry=given).retry is given
    assert Driver(_options(retries=5)).client.retry == Retry(5, 0.0)
    with pytest.raises(TypeError, match="Retry"):
        Driver(_options(), retry=3)  # type: ignore[arg-type]


def test_a_retry_policy_is_immutable_and_new_derives_a_copy() -> None:
    policy = Retry(total=2)
    with pytest.raises(AttributeError, match="immutable"):
        policy.total = 0  # type: ignore[misc]
    changed = policy.new(total=0, backoff_max=1.0)
    assert (policy.total, policy.backoff_max) == (2, 30.0)
    assert (changed.total, changed.backoff_max, changed.backoff_factor) == (0, 1.0, policy.backoff_factor)
    assert changed == Retry(0, backoff_max=1.0) and hash(changed) == hash(Retry(0, backoff_max=1.0))
    assert pickle.loads(pickle.dumps(changed)) == changed  # noqa: S301 - our own bytes
    with pytest.raises(TypeError, match="no field"):
        policy.new(tries=1)
    with pytest.raises(ValueError):
        Retry(total=-1)


def test_a_copy_of_the_options_keeps_the_policy() -> None:
    options = Options(_options(), retry=Retry(total=0))
    assert options.copy().retry.total == 0


def test_the_websocket_reconnects_by_the_drivers_policy() -> None:
    """The websocket used to build a policy from the options at each reconnect, ignoring the driver's."""
    d = Driver({"url": "chat.example.com", "scheme": "http", "port": 8065, "keepalive": True})
    d.client.retry = Retry(first_delay=0.25, reconnect_max=1.0)
    plan = Engine(d.options, "tok").plan()
    next(plan)
    delays = []
    for _ in range(4):
        delays.append(plan.send(WebsocketError("refused", status_code=502)))
        plan.send(None)
    assert 0.375 <= delays[0] <= 0.625 and max(delays) <= 1.0


def test_a_call_keeps_the_settings_it_started_with(mock: responses.RequestsMock) -> None:
    """An options write during a call's retries is for the next calls: this one keeps its policy."""
    d = Driver(_options())

    def wait(seconds: float) -> None:
        d.options["retries"] = 0  # meanwhile, another thread turns retrying off

    d.client.retry = d.client.retry.new(sleep=wait)
    mock.get(f"{BASE}/users/me", status=503, json={"id": "x", "message": "busy"})
    mock.get(f"{BASE}/users/me", status=503, json={"id": "x", "message": "busy"})
    mock.get(f"{BASE}/users/me", json={"id": "u1"})
    assert d.users.get_user("me") == {"id": "u1"}  # retried twice, as the call's own policy said
    assert len(mock.calls) == 3 and d.client.retry.total == 0


def test_a_post_is_kept_in_doubt_when_an_earlier_attempt_may_have_reached_the_server(
    driver: Driver, mock: responses.RequestsMock
) -> None:
    """The first attempt's answer is lost, the later ones never connect: the post may exist all the same,
    so calling create_post again sends the same pending_post_id (it used to get a new one)."""
    bodies: List[Dict[str, Any]] = []

    def answer(request: requests.PreparedRequest) -> Any:
        bodies.append(json.loads(request.body or b"{}"))
        if len(bodies) == 1:
            raise requests.exceptions.ReadTimeout("the answer was lost")
        if len(bodies) <= 4:
            raise requests.exceptions.ConnectTimeout("the server cannot be reached")
        return (201, {"Content-Type": "application/json"}, json.dumps({"id": "p1"}))

    mock.add_callback("POST", f"{BASE}/posts", callback=answer)
    with pytest.raises(TransportError):
        driver.posts.create_post({"channel_id": "c", "message": "hi"})
    assert len(bodies) == 4
    driver.posts.create_post({"channel_id": "c", "message": "hi"})
    assert len({body["pending_post_id"] for body in bodies}) == 1
