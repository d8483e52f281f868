"""The founding article: every expected quote with the right speaker name and role."""

from __future__ import annotations

import pytest


def _find(result, start: int, end: int):
    for q in result.quotes:
        if q.start == start and q.end == end:
            return q
    return None


def _expected(founding_expected: dict, key: str) -> list[dict]:
    return founding_expected[key]


@pytest.mark.parametrize("key", ["quotes", "headline_quotes"])
def test_direct_and_mixed_quotes_with_speaker_and_role(founding_result, founding_expected,
                                                       key) -> None:
    for exp in _expected(founding_expected, key):
        q = _find(founding_result, exp["start"], exp["end"])
        assert q is not None, f"quote not found: {exp['text']!r}"
        assert q.kind == exp["kind"], exp["text"]
        assert q.cue is not None and q.cue.text == exp["cue"], exp["text"]
        sp = exp["speaker"]
        assert q.speaker is not None, exp["text"]
        assert q.speaker.name == sp["name"], (exp["text"], q.speaker)
        assert q.speaker.role == sp["role"], (exp["text"], q.speaker)
        assert q.speaker.type == sp["type"], (exp["text"], q.speaker)
        assert q.speaker.mention is not None and q.speaker.mention.text == sp["mention"]
        assert q.resolver


def test_both_headline_copies_are_found(founding_result, founding_text) -> None:
    starts = [q.start for q in founding_result.quotes if q.text == "nuclear terrorism"]
    assert len(starts) == 2
    assert all(founding_text[s:s + 17] == "nuclear terrorism" for s in starts)


def test_indirect_quotes(founding_result, founding_expected) -> None:
    for exp in founding_expected["indirect_quotes"]:
        hits = [q for q in founding_result.quotes if q.kind == "indirect"
                and q.start < exp["end"] and exp["start"] < q.end]
        assert hits, f"indirect quote not found: {exp['text']!r}"
        q = max(hits, key=lambda h: min(h.end, exp["end"]) - max(h.start, exp["start"]))
        overlap = min(q.end, exp["end"]) - max(q.start, exp["start"])
        assert overlap >= 0.5 * (exp["end"] - exp["start"])
        assert q.cue is not None and q.cue.text == exp["cue"]
        assert q.speaker is not None and q.speaker.mention is not None
        assert exp["speaker"]["mention"] in q.speaker.mention.text


def test_affiliations_and_shared_roles(founding_result) -> None:
    by_name = {e.name: e for e in founding_result.speakers}
    assert by_name["Benjamin Netanyahu"].affiliation == "Israel"
    assert by_name["Benjamin Netanyahu"].quotes == 2
    assert by_name["Lloyd Austin"].affiliation == "US"
    assert by_name["Lloyd Austin"].roles == ("Defence Secretary",)
    assert by_name["Benny Gantz"].affiliation == "Israel"
    mentions = {m.text for m in by_name["Benjamin Netanyahu"].mentions}
    assert {"Israel Prime Minister Benjamin Netanyahu", "he"} <= mentions


def test_offsets_index_the_input(founding_result, founding_text) -> None:
    for q in founding_result.quotes:
        assert founding_text[q.start:q.end] == q.text
        if q.cue:
            assert founding_text[q.cue.start:q.cue.end] == q.cue.text
        if q.speaker and q.speaker.mention:
            m = q.speaker.mention
            assert founding_text[m.start:m.end] == m.text
        assert 0.0 <= q.confidence <= 1.0


def test_evaluation_of_the_founding_article(founding_result, founding_text,
                                            founding_expected) -> None:
    """The pipeline's output scored by the evaluation package against expected.json."""
    from quoteattr.evaluation import compute_metrics
    from quoteattr.evaluation.fixtures import gold_from_expected

    gold = gold_from_expected(founding_expected, founding_text, headline_copies=True)
    m = compute_metrics(gold, founding_result)
    dm = m["direct+mixed"]
    assert dm.exact.recall == 1.0
    assert dm.speaker_accuracy == 1.0
    assert dm.end_to_end.recall == 1.0
    assert m["indirect"].overlap.recall == 1.0
