"""nbgrader configuration for the graded exercises of *Relationship Selling and CRM*.

Run from the repository root (see exercises/INSTRUCTOR.md):

    nbgrader generate_assignment 01-relationship-selling --CourseDirectory.root=exercises --force

nbgrader reads this file from the course directory, so the paths below are relative to the
folder this file is in; a copy of ``exercises/`` elsewhere (as the tests make) works the same.
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

# What the student sees where a solution was (nbgrader's defaults, written out on purpose).
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# Autograding runs every notebook top to bottom; every cell takes well under 5 s. Now and then
# a fresh kernel stalls on a widget cell until the timeout (seen in CI, not reproducible on
# its own); the cell then only loses its display, never a grade, so a short timeout is safe.
c.ExecutePreprocessor.timeout = 30
