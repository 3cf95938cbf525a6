"""The bilingual glossary: one YAML file per chapter, one generated book page.

Chapters write ``{term}`relationship selling``` on first use; Sphinx links it to the
entry generated here and, with ``-n -W``, fails the build if the term is missing, so
the glossary cannot fall behind the chapters. Each entry is registered under its
English and its Chinese name, so either can be linked and searched. Entries live in
``glossary/chNN.yaml``, next to the chapter that first teaches them, so chapters can be
written in parallel without editing the same file.
"""

from __future__ import annotations

from typing import Any

from .datafiles import DataFileError, list_files, read_yaml, validate

__all__ = ["load_glossary", "check_glossary", "SOURCE"]

SOURCE = "src/relsell/data/glossary/"


def load_glossary() -> list[dict[str, Any]]:
    """All entries of all chapters, checked as one glossary (see ``check_glossary``)."""
    terms: list[dict[str, Any]] = []
    for chapter in list_files("glossary"):
        data = read_yaml(f"glossary/{chapter}.yaml")
        validate(data, "glossary", f"{SOURCE}{chapter}.yaml")
        wrong = [t["term"] for t in data["terms"] if t["chapter"] != chapter]
        if wrong:
            raise DataFileError(
                f"{SOURCE}{chapter}.yaml: {wrong} say another chapter; move them to that file."
            )
        terms += data["terms"]
    merged = {"terms": terms}
    check_glossary(merged)
    return sorted(terms, key=lambda t: t["term"].lower())


def check_glossary(data: Any) -> None:
    """Raise DataFileError on a schema error, a duplicate name or a see-also to nowhere."""
    validate(data, "glossary", SOURCE)
    terms = data["terms"]
    for key in ("term", "zh"):
        names = [t[key] for t in terms]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise DataFileError(f"{SOURCE}: {key} used twice: {', '.join(twice)}.")
    known = {t["term"] for t in terms}
    for t in terms:
        unknown = [s for s in t.get("see_also", []) if s not in known]
        if unknown:
            raise DataFileError(f"{SOURCE}: {t['term']!r} refers to unknown terms {unknown}.")
