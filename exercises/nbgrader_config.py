"""nbgrader configuration for the graded exercises of *Relationship Selling and CRM*.

Run nbgrader from the repository root (its nbgrader_config.py loads this file) or from this
folder; the instructor guide (book/instructor_guide.md) has every command:

    nbgrader generate_assignment 01-relationship-selling --force

The paths below are made absolute from the folder this file is in, so a copy of the repository
or of ``exercises/`` elsewhere (as the tests make) works the same.
"""

import os

c = get_config()  # noqa: F821  (provided by traitlets when nbgrader loads this file)

HERE = os.path.dirname(os.path.abspath(__file__))

c.CourseDirectory.course_id = "relsell"
c.CourseDirectory.root = HERE
c.CourseDirectory.source_directory = "source"
c.CourseDirectory.release_directory = "release"
c.CourseDirectory.submitted_directory = "submitted"
c.CourseDirectory.autograded_directory = "autograded"
c.CourseDirectory.feedback_directory = "feedback"
# The gradebook holds student scores: it stays next to this file and is git-ignored.
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(HERE, "gradebook.db")

# Release and collect go through the exchange, a folder every student and the instructor can
# write to (on a JupyterHub, a shared disk; see the guide). RELSELL_EXCHANGE overrides it.
c.Exchange.root = os.environ.get("RELSELL_EXCHANGE", "/srv/nbgrader/exchange")

# What the student sees where a solution was (nbgrader's defaults, written out on purpose).
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# Autograding runs every notebook top to bottom; every cell takes well under 5 s. Now and then
# a fresh kernel stalls on a widget cell until the timeout (seen in CI, not reproducible on
# its own); the cell then only loses its display, never a grade, so a short timeout is safe.
c.ExecutePreprocessor.timeout = 30
