"""The generated progress page lists every published chapter that has a quiz, nothing else."""

import re

from relsell.content import quiz
from relsell_book import pages


def test_one_row_per_published_chapter_with_a_quiz(repo, tmp_path):
    page = pages.progress_page(repo)
    rows = re.findall(r'<tr data-chapter="(ch\d\d)" data-total="(\d+)">', page)
    assert [r[0] for r in rows] == [f"ch0{n}" for n in range(1, 8)]
    for chapter, total in rows:
        assert int(total) == len(quiz.load_bank(chapter)["questions"])
    assert 'id="relsell-progress-reset"' in page


def test_no_published_chapter_means_an_empty_table(tmp_path):
    page = pages.progress_page(tmp_path)  # a root with no chapter pages
    assert "<tr data-chapter" not in page
    assert "<tbody>\n</tbody>" in page


def test_storage_key_matches_the_script(repo):
    script = (repo / "static/js/progress.js").read_text(encoding="utf-8")
    assert f'var KEY = "{pages.STORAGE_KEY}";' in script
