"""The generated progress page lists every published chapter that has a quiz, nothing else."""

import re

from relsell.content import quiz, roleplay
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


def test_one_row_per_roleplay_with_its_number_of_endings(repo):
    page = pages.progress_page(repo)
    rows = re.findall(r'<tr data-roleplay="([a-z0-9-]+)" data-endings="(\d+)">', page)
    assert sorted(r[0] for r in rows) == sorted(roleplay.roleplay_ids())
    for rid, count in rows:
        assert int(count) == len(roleplay.endings(roleplay.load_roleplay(rid))) >= 3
        assert f'.html#{rid}-roleplay"' in page


def test_every_ending_carries_what_the_script_records():
    """The script reads data-ending and data-result; every reachable ending must have them."""
    for rid in roleplay.roleplay_ids():
        data = roleplay.load_roleplay(rid)
        html = pages.roleplay_html(data)
        found = dict(re.findall(r'data-ending="([^"]+)" data-result="([a-z]+)"', html))
        assert found == roleplay.endings(data), rid
        assert f'data-roleplay="{rid}" data-endings="{len(found)}"' in html


def test_roleplay_key_and_words_match_the_script(repo):
    script = (repo / "static/js/progress.js").read_text(encoding="utf-8")
    assert f'var ROLEPLAY_KEY = "{pages.ROLEPLAY_KEY}";' in script
    words = ", ".join(f'{k}: "{v}"' for k, v in pages.ENDING_WORDS.items())
    assert f"var WORDS = {{ {words} }};" in script
