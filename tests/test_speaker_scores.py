"""Name, role and affiliation scoring against a tiny hand-made gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quoteattr import EvaluationError
from quoteattr.evaluation import read_speakers, score_speakers
from quoteattr.types import Quote, Result, Span, Speaker

TEXT = ('"We will win," said Sen. Jane Smith of Ohio. "Never," a spokesman said. '
        '"Maybe," Smith added.')


def _quote(text: str, speaker: Speaker | None) -> Quote:
    start = TEXT.index(text)
    return Quote(text, start, start + len(text), "direct", None, speaker, 0.9, "adjacent")


def _gold(tmp_path: Path) -> Path:
    items = [
        {"doc": "a", "start": TEXT.index("We will"), "end": TEXT.index("We will") + 11,
         "speaker_name": "Jane Smith", "role": "Senator", "role_alt": ["Sen."],
         "affiliation": "Ohio", "type": "PERSON", "quote": "We will win"},
        {"doc": "a", "start": TEXT.index("Never"), "end": TEXT.index("Never") + 5,
         "speaker_name": None, "role": "spokesman", "affiliation": None, "type": "PERSON",
         "quote": "Never"},
        {"doc": "a", "start": TEXT.index("Maybe"), "end": TEXT.index("Maybe") + 5,
         "speaker_name": "Jane Smith", "role": "Senator", "affiliation": "Ohio",
         "type": "PERSON", "quote": "Maybe"},
        {"doc": "b", "start": 0, "end": 4, "speaker_name": "X", "quote": "none"},
    ]
    path = tmp_path / "speakers.json"
    path.write_text(json.dumps({"description": "test", "quotes": items}), encoding="utf-8")
    return path


def test_scores_name_role_and_affiliation(tmp_path: Path) -> None:
    gold = read_speakers(_gold(tmp_path))
    assert [g.name for g in gold] == ["Jane Smith", None, "Jane Smith", "X"]
    smith = Speaker("Jane Smith", Span.of(TEXT, 24, 34), "Senators", "ohio", "PERSON")
    result = Result((
        _quote("We will win", smith),
        _quote("Never", Speaker(None, None, "Spokesman", None, "PERSON")),
        _quote("Maybe", Speaker("Smith", None, "senator", "Iowa", "PERSON")),
    ))
    scores = score_speakers(gold, {"a": result})  # document b is not scored
    assert (scores.items, scores.found) == (3, 3)
    # names: "Jane Smith" right; no name for the unnamed spokesman right; "Smith" lacks a word
    assert scores.name == 2 and scores.lenient_name == 3
    # roles: plural and case ignored, abbreviation written out; affiliation: case ignored
    assert scores.role == 3 and scores.affiliation == 2
    assert scores.name_accuracy == pytest.approx(2 / 3)
    (wrong,) = scores.errors
    assert wrong.wrong == ("name", "affiliation") and wrong.quote == "Maybe"
    assert "name (surname)" in scores.table()


def test_a_quote_not_found_is_not_scored(tmp_path: Path) -> None:
    gold = read_speakers(_gold(tmp_path))
    half = Quote("We", TEXT.index("We"), TEXT.index("We") + 2, "direct")
    scores = score_speakers(gold, {"a": Result((half,))})
    assert (scores.items, scores.found, scores.name_accuracy) == (3, 0, 0.0)


def test_a_malformed_speakers_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"quotes": [{"doc": "a"}]}', encoding="utf-8")
    with pytest.raises(EvaluationError, match="item 0 is malformed"):
        read_speakers(bad)
    with pytest.raises(EvaluationError, match="does not exist"):
        read_speakers(tmp_path / "missing.json")
