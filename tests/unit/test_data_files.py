"""Glossary, cases, course map and the generated pages that come from them."""

import re

import pytest

from relsell.content import cases, glossary
from relsell.content.datafiles import DataFileError, read_yaml
from relsell_book import build, course, pages


def test_glossary_entries_are_complete_and_bilingual():
    terms = glossary.load_glossary()
    assert len(terms) >= 20
    for t in terms:
        assert re.search(r"[\u3400-\u9fff]", t["zh"]), t
    page = pages.glossary_page()
    assert page.startswith("% GENERATED from src/relsell/data/glossary/")
    for t in terms:
        assert f"\n{t['term']}\n{t['zh']}\n" in page


@pytest.mark.parametrize(
    "data, words",
    [
        ({"terms": [{"term": "x"}]}, "required"),
        (
            {
                "terms": [
                    dict(
                        term="a b", zh="关系", pinyin="guānxì", definition="d" * 40, chapter="ch01"
                    )
                ]
                * 2
            },
            "used twice",
        ),
        (
            {
                "terms": [
                    dict(
                        term="a b",
                        zh="关系",
                        pinyin="guānxì",
                        definition="d" * 40,
                        chapter="ch01",
                        see_also=["nothing"],
                    )
                ]
            },
            "unknown terms",
        ),
    ],
)
def test_broken_glossaries_are_refused(data, words):
    with pytest.raises(DataFileError, match=words):
        glossary.check_glossary(data)


def test_every_case_figure_is_quoted_in_its_chapter(repo):
    assert "pinacor" in cases.case_ids()
    for case_id in cases.case_ids():
        case = cases.check_case(case_id)
        page = (repo / case["chapter"]).read_text(encoding="utf-8")
        for fact_id, item in case["facts"].items():
            for text in item["prose"]:
                assert text in page, f"{case_id}.{fact_id}: '{text}' missing from {case['chapter']}"


def test_case_lookups_explain_mistakes():
    assert cases.fact("pinacor", "annual_sales") == 5_000_000_000
    with pytest.raises(ValueError, match="Known cases"):
        cases.load_case("nope")
    with pytest.raises(ValueError, match="no fact 'revenue'"):
        cases.fact("pinacor", "revenue")
    with pytest.raises(TypeError):
        cases.load_case(None)


def test_missing_data_file_names_what_exists():
    with pytest.raises(DataFileError, match="Known: ch01"):
        read_yaml("quiz/ch77.yaml")


def test_toc_lists_only_chapters_whose_page_exists(tmp_path):
    (tmp_path / "book").mkdir()
    toc = course.render_toc(tmp_path)
    assert "ch01" not in toc and "Part I" not in toc
    (tmp_path / "book" / "ch01_relationship_selling.md").write_text("# x")
    toc = course.render_toc(tmp_path)
    assert "file: book/ch01_relationship_selling" in toc and "Part I · " in toc
    assert "notebooks/01" not in toc  # the notebook does not exist in tmp_path
    table = course.render_course_map(tmp_path)
    assert table.count("\n| ") == 2 + 7  # header, separator and the seven chapters
    assert "{ref}`Chapter 1" in table and "in a later release" in table


def test_generated_files_are_up_to_date(repo):
    assert build.main(["--check", "--root", str(repo)]) == 0


def test_sphinx_extension_drops_only_the_widget_state():
    from types import SimpleNamespace

    from relsell_book import sphinxext

    keep = SimpleNamespace(filename="_static/js/a11y.js", attributes={})
    state = SimpleNamespace(filename=None, attributes={"type": sphinxext.WIDGET_STATE})
    context = {"script_files": [keep, state]}
    sphinxext._drop_widget_state(None, "page", "page.html", context, None)
    assert context["script_files"] == [keep]


def test_launch_buttons_stay_on_notebook_pages_only():
    from relsell_book import sphinxext

    def context(suffix):
        return {
            "page_source_suffix": suffix,
            "header_buttons": [{"label": "launch-buttons"}, {"label": "download-buttons"}],
        }

    page, notebook = context(".md"), context(".ipynb")
    sphinxext._launch_only_from_notebooks(None, "p", "page.html", page, None)
    sphinxext._launch_only_from_notebooks(None, "p", "page.html", notebook, None)
    assert [b["label"] for b in page["header_buttons"]] == ["download-buttons"]
    assert len(notebook["header_buttons"]) == 2


def test_glossary_files_hold_only_their_own_chapter(monkeypatch):
    real = glossary.read_yaml

    def misplaced(path):
        data = real(path)
        data["terms"][0] = {**data["terms"][0], "chapter": "ch05"}
        return data

    monkeypatch.setattr(glossary, "read_yaml", misplaced)
    with pytest.raises(DataFileError, match="move them to that file"):
        glossary.load_glossary()
