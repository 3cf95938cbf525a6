"""Read the course's data files (quizzes, glossary, cases) and check them against a schema.

Everything a page or a model shows comes from ``relsell/data``; reading it through
``importlib.resources`` means it works the same from a clone, a wheel or Binder.
A broken data file must fail loudly with the file name and the path inside it,
because an author fixing a quiz needs to know which question is wrong.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import yaml

from ..errors import DataFileError

__all__ = ["DataFileError", "read_yaml", "read_schema", "validate", "list_files"]


def _data_root():
    return resources.files("relsell") / "data"


def list_files(folder: str, suffix: str = ".yaml") -> list[str]:
    """Names (without suffix) of the data files in ``folder``, sorted."""
    root = _data_root() / folder
    return sorted(p.name[: -len(suffix)] for p in root.iterdir() if p.name.endswith(suffix))


def read_yaml(relative_path: str) -> Any:
    """Parse one YAML file below ``relsell/data``; a missing file names what exists."""
    path = _data_root() / relative_path
    if not path.is_file():
        folder = relative_path.rsplit("/", 1)[0] if "/" in relative_path else ""
        known = ", ".join(list_files(folder)) if folder else ""
        raise DataFileError(
            f"No data file relsell/data/{relative_path}." + (f" Known: {known}." if known else "")
        )
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataFileError(f"relsell/data/{relative_path} is not valid YAML: {exc}") from exc


@cache
def read_schema(name: str) -> dict:
    """The JSON Schema ``relsell/data/schemas/<name>.schema.json``."""
    text = (_data_root() / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def validate(instance: Any, schema_name: str, where: str) -> None:
    """Raise DataFileError naming the file and the failing path, e.g. ``questions/3/answers``.

    jsonschema is imported here, not at the top: it takes a second to import, and a student
    who imports a model never needs it (cases are validated by the build and the tests).
    """
    import jsonschema

    validator = jsonschema.Draft202012Validator(read_schema(schema_name))
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    if errors:
        lines = [
            f"  at {'/'.join(str(p) for p in e.absolute_path) or '(top)'}: {e.message}"
            for e in errors[:10]
        ]
        raise DataFileError(
            f"{where} does not match the {schema_name} schema:\n" + "\n".join(lines)
        )
