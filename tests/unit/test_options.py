"""Option parsing: defaults, full base URLs, validation, unknown keys."""

from __future__ import annotations

import logging

import pytest

from mattermostdriver import Driver
from mattermostdriver.options import DEFAULT_OPTIONS, normalize_options


def test_no_options_builds_offline() -> None:
    d = Driver()
    assert d.client.url == "https://localhost:8065/api/v4"
    assert d.client.token is None
    assert d.websocket is None


def test_classic_host_scheme_port_basepath() -> None:
    d = Driver({"url": "chat.example.com", "scheme": "http", "port": 8080, "basepath": "/api/v4"})
    assert d.client.url == "http://chat.example.com:8080/api/v4"
    assert d.options["site_path"] == ""


def test_full_base_url_gives_scheme_default_port_and_path() -> None:
    opts = normalize_options({"url": "https://chat.example.com/mattermost/"})
    assert (opts["scheme"], opts["url"], opts["port"]) == ("https", "chat.example.com", 443)
    assert opts["site_path"] == "/mattermost"
    assert opts["basepath"] == "/mattermost/api/v4"


def test_full_url_with_explicit_port_and_api_suffix() -> None:
    opts = normalize_options({"url": "http://127.0.0.1:8065/api/v4", "port": 9999})
    assert (opts["scheme"], opts["port"], opts["basepath"]) == ("http", 8065, "/api/v4")


def test_full_url_without_port_takes_port_key() -> None:
    assert normalize_options({"url": "http://h.example", "port": 8065})["port"] == 8065


def test_ipv6_literal() -> None:
    d = Driver({"url": "http://[::1]:8065"})
    assert d.client.url == "http://[::1]:8065/api/v4"


@pytest.mark.parametrize(
    "options, base",
    [
        ({"url": "localhost:8065"}, "https://localhost:8065/api/v4"),
        ({"url": "localhost:8065", "scheme": "http"}, "http://localhost:8065/api/v4"),
        ({"url": "chat.example.com:443/mattermost/"}, "https://chat.example.com:443/mattermost/api/v4"),
        (
            {"url": "chat.example.com:9000", "port": 1234},
            "https://chat.example.com:9000/api/v4",
        ),  # url's port wins
        (
            {"url": "chat.example.com/mattermost", "port": 1234},
            "https://chat.example.com:1234/mattermost/api/v4",
        ),
        ({"url": "[::1]:8065"}, "https://[::1]:8065/api/v4"),
        ({"url": "[::1]"}, "https://[::1]:8065/api/v4"),
        ({"url": " 127.0.0.1:80 ", "scheme": "http"}, "http://127.0.0.1:80/api/v4"),
    ],
)
def test_host_and_port_without_a_scheme(options: dict, base: str) -> None:
    """``host:port`` and ``host:port/path``: scheme from ``scheme``, the port written wins."""
    assert Driver(options).client.url == base


@pytest.mark.parametrize(
    "url, message",
    [
        ("localhost:", "url 'localhost:': invalid port"),
        ("localhost:http", "url 'localhost:http': invalid port"),
        ("localhost:99999", "port out of range: 99999"),
        ("::1", "url '::1': write an IPv6 address in brackets"),
        ("localhost:80x/path?token=s3cret", "url 'localhost:80x/path': invalid port"),  # no query shown
    ],
)
def test_bad_host_and_port_name_what_is_wrong(url: str, message: str) -> None:
    with pytest.raises(ValueError) as info:
        normalize_options({"url": url})
    assert str(info.value).startswith(message)


@pytest.mark.parametrize(
    "options, message",
    [
        ({"url": "ftp://chat.example.com"}, "scheme"),
        ({"scheme": "gopher"}, "scheme"),
        ({"port": "eighty"}, "port"),
        ({"port": 70000}, "port"),
        ({"url": "https://user:pw@chat.example.com"}, "credentials"),
        ({"request_timeout": -1}, "request_timeout"),
        ({"request_timeout": "soon"}, "request_timeout"),
        ({"retries": -1}, "retries"),
        ({"verify": 3}, "verify"),
    ],
)
def test_bad_values_raise_clear_errors(options: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        normalize_options(options)


def test_password_in_url_not_echoed() -> None:
    with pytest.raises(ValueError) as info:
        normalize_options({"url": "https://user:hunter2@chat.example.com"})
    assert "hunter2" not in str(info.value)


def test_unknown_keys_warn_once_and_are_ignored(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="mattermostdriver"):
        d = Driver({"url": "x.example", "colour": "blue", "mystery": 1, "http2": True})
    warnings = [r for r in caplog.records if "unknown option" in r.getMessage()]
    assert len(warnings) == 1
    assert "colour" in warnings[0].getMessage() and "mystery" in warnings[0].getMessage()
    assert "http2" not in warnings[0].getMessage()
    assert "colour" not in d.options


def test_request_timeout_default_is_finite() -> None:
    timeout = normalize_options({})["request_timeout"]
    assert isinstance(timeout, tuple) and all(0 < t < 600 for t in timeout)
    assert normalize_options({"request_timeout": 5})["request_timeout"] == 5.0
    assert (
        normalize_options({"request_timeout": None})["request_timeout"] == DEFAULT_OPTIONS["request_timeout"]
    )


def test_classic_option_keys_all_present() -> None:
    classic = {
        "url",
        "scheme",
        "port",
        "basepath",
        "verify",
        "timeout",
        "request_timeout",
        "login_id",
        "password",
        "token",
        "mfa_token",
        "auth",
        "keepalive",
        "keepalive_delay",
        "websocket_kw_args",
        "debug",
    }
    assert classic <= set(DEFAULT_OPTIONS)
    assert DEFAULT_OPTIONS["timeout"] == 30 and DEFAULT_OPTIONS["keepalive_delay"] == 5


def test_endpoint_attributes_are_made_on_first_use() -> None:
    d = Driver()
    assert "users" not in vars(d) and "users" in dir(d)
    users = d.users
    assert users is d.users and users.client is d.client
    with pytest.raises(AttributeError, match="nonexistent"):
        _ = d.nonexistent
