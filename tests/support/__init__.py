"""Fakes shared by the unit and functional tests."""
