"""Instructor guide tables: materials, schedules and hub links come from the course files."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from relsell_book import course, instructor


def _last_week(rows) -> int:
    return int(re.split(r"[–-]", rows[-1][0])[-1])


@pytest.mark.parametrize("weeks", [8, 9, 12, 16])
def test_schedules_fill_exactly_the_weeks_asked(repo, weeks):
    rows = instructor.schedule(instructor.materials(repo), weeks)
    assert _last_week(rows) == weeks
    assert "Final exam" in rows[-1][1]
    chapters = course.published_chapters(repo)
    for c in chapters:
        assert sum(f"<{c['id']}>" in plan for _, plan in rows) == 1, c["id"]


@pytest.mark.parametrize("weeks", [7, 17, 0])
def test_impossible_schedules_are_explained(repo, weeks):
    with pytest.raises(ValueError, match="8 to 16 weeks"):
        instructor.schedule(instructor.materials(repo), weeks)


def test_no_chapters_no_schedule():
    assert instructor.schedule([], 12) == []


def test_materials_count_points_from_the_exercises(repo):
    rows = {r["id"]: r for r in instructor.materials(repo)}
    assert rows["ch01"]["points"] == (9, 9)
    assert rows["ch01"]["answer_key"] == "instructor/answer_keys/ch01.md"
    assert "Pinacor reorganises its sales force" in rows["ch01"]["cases"]


def test_nbgitpuller_link_is_encoded():
    link = instructor.nbgitpuller_link(
        "https://hub.uni.edu/", "https://github.com/org/course", "main", "notebooks/01 a.ipynb"
    )
    parts = urlsplit(link)
    assert parts.netloc == "hub.uni.edu" and parts.path == "/hub/user-redirect/git-pull"
    query = parse_qs(parts.query)
    assert query == {
        "repo": ["https://github.com/org/course"],
        "urlpath": ["lab/tree/course/notebooks/01 a.ipynb"],
        "branch": ["main"],
    }


def test_hub_link_page_lists_every_notebook(repo):
    page = instructor.render_hub_links(repo)
    for r in instructor.materials(repo):
        if r["has_notebook"]:
            assert f'data-path="{r["notebook"]}.ipynb"' in page
    assert instructor.HUB_PLACEHOLDER in page
