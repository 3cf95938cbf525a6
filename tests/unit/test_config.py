"""The book configuration keeps the promises CI relies on (read once, checked here)."""

import yaml

from relsell_book import course


def _config(repo):
    return yaml.safe_load((repo / "_config.yml").read_text(encoding="utf-8"))


def test_a_failing_notebook_fails_the_build(repo):
    execute = _config(repo)["execute"]
    assert execute["raise_on_error"] is True
    assert execute["allow_errors"] is False
    assert execute["execute_notebooks"] in {"cache", "force"}


def test_nothing_is_loaded_from_a_cdn(repo):
    sphinx = _config(repo)["sphinx"]["config"]
    assert sphinx["nb_ipywidgets_js"] == {}
    assert not sphinx["mathjax_path"].startswith(("http:", "https:", "//"))
    assert "sphinx_thebe" not in sphinx["extensions"]


def test_launch_buttons_and_repository_are_configured_once(repo):
    config = _config(repo)
    assert config["launch_buttons"]["binderhub_url"] and config["launch_buttons"]["colab_url"]
    assert config["repository"]["url"].startswith("https://github.com/")
    notebook = (repo / "notebooks" / "01-relationship-selling.ipynb").read_text(encoding="utf-8")
    assert config["repository"]["url"].removeprefix("https://github.com/") in notebook


def test_only_published_chapters_are_in_the_toc(repo):
    published = course.published_chapters(repo)
    assert [c["id"] for c in published][:1] == ["ch01"]
    toc = (repo / "_toc.yml").read_text(encoding="utf-8")
    for chapter in published:
        assert f"file: {chapter['page']}" in toc
    assert toc.count("file: book/ch") == len(published)
