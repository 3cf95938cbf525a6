"""Shared by the exercise tests: the nbgrader round trip, once per assignment."""

from test_roundtrip import round_trip  # noqa: F401  (a pytest fixture; tests/exercises is on sys.path)
