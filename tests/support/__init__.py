"""Fakes and helpers shared by the unit and functional tests (and the benchmarks)."""
