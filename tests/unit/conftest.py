"""The unit tests use the shared fixtures of tests/helpers/plugin.py (``repo``)."""
