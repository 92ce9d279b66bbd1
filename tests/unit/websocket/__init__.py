"""The websocket listener: unit tests against local fake servers (tests/support/ws_server.py)."""
