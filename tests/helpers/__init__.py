"""What several test folders share, in one place (loaded by tests/conftest.py as a plugin).

``plugin``    the command-line options (``--site``, ``--second-site``) and the fixtures
              ``repo`` and ``site``; a missing page fails, it never skips;
``browsing``  open a built page in chromium and record what went wrong;
``exercises`` where the exercises are, nbgrader metadata and the nbgrader round trip.
"""
