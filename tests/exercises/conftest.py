"""Shared by the exercise tests: the nbgrader round trip, once per assignment."""

from tests.exercises.test_roundtrip import round_trip  # noqa: F401  (a pytest fixture)
