"""The published site holds no graded material: no graded item, answer key or model answer."""

from __future__ import annotations

import html
import re
from pathlib import Path

from relsell_book import item_bank

REPO = Path(__file__).resolve().parents[2]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text))


def test_no_graded_item_or_answer_key_is_published(site):
    published = _flat(
        " ".join(
            p.read_text(encoding="utf-8", errors="replace")
            for p in site.rglob("*")
            if p.suffix in (".html", ".txt", ".js", ".ipynb", ".md") and p.is_file()
        )
    )
    secrets = []
    for chapter in item_bank.chapters():
        for item in item_bank.load(chapter):
            secrets.append(_flat(item["vignette"]).split("{")[0][:70])
            secrets += [_flat(a["feedback"])[:70] for a in item.get("answers", []) if a["correct"]]
    secrets = [s for s in secrets if len(s) >= 30]
    assert len(secrets) >= 56, "the bank should give at least 8 items for each of 7 chapters"
    found = [s for s in secrets if s in published]
    assert not found, f"graded items on the published site: {found[:3]}"
    for marker in ("=== MODEL ANSWER", "=== RUBRIC", "BEGIN HIDDEN TESTS"):
        assert marker not in published
