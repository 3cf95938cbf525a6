"""The exercise tests share one fixture: the nbgrader round trip (``helpers.exercises``)."""

from helpers.exercises import round_trip  # noqa: F401  (a pytest fixture)
