"""JSON and JSON Lines output: ``Result.to_dict()`` serialised, non-ASCII kept as is."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..types import Result


def to_json(result: Result, indent: int | None = 2) -> str:
    """The result as one JSON object (``indent=None`` for a single line)."""
    return _dumps(result.to_dict(), indent)


def to_json_many(results_with_names: Iterable[tuple[str, Result]],
                 indent: int | None = 2) -> str:
    """One JSON object mapping each name (e.g. an input file) to its result."""
    return _dumps({name: result.to_dict() for name, result in results_with_names}, indent)


def to_json_array(results_with_names: Iterable[tuple[str, Result]],
                  indent: int | None = 2) -> str:
    """A JSON array with one object per named result, in order, however many there are:
    ``[{"file": name, "quotes": [...], "speakers": [...]}, ...]`` (the records of
    :func:`to_jsonl`)."""
    return _dumps([{"file": name, **result.to_dict()} for name, result in results_with_names],
                  indent)


def to_jsonl(results_with_names: Iterable[tuple[str, Result]]) -> str:
    """One line per result: ``{"file": name, "quotes": [...], "speakers": [...]}``."""
    return "".join(jsonl_line(name, result) for name, result in results_with_names)


def jsonl_line(name: str, result: Result) -> str:
    """The JSON Lines record of one named result, newline included."""
    return _dumps({"file": name, **result.to_dict()}, None) + "\n"


def _dumps(data: Any, indent: int | None) -> str:
    return json.dumps(data, indent=indent, ensure_ascii=False)
