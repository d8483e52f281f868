import json

import pytest

from quoteattr.types import Entity, Quote, Result, Span, Speaker


def sample() -> Result:
    text = '"We will win," Senator Jane Smith said.'
    q = Quote(text[1:12], 1, 12, "direct", Span.of(text, 34, 38),
              Speaker("Jane Smith", Span.of(text, 15, 33), "Senator", None, "PERSON"),
              0.9, "adjacent")
    e = Entity("Jane Smith", "PERSON", (Span.of(text, 15, 33),), ("Senator",), None, 1)
    return Result((q,), (e,))


def test_round_trip_through_json() -> None:
    r = sample()
    again = Result.from_json(json.dumps(r.to_dict()))
    assert again == r
    assert again.to_dict() == r.to_dict()


def test_offsets_index_the_text() -> None:
    text = '"We will win," Senator Jane Smith said.'
    q = sample().quotes[0]
    assert text[q.start:q.end] == q.text == "We will win"
    assert q.cue is not None and text[q.cue.start:q.cue.end] == "said"


def test_contract_field_names() -> None:
    d = sample().to_dict()
    assert set(d) == {"quotes", "speakers"}
    assert set(d["quotes"][0]) == {"text", "start", "end", "kind", "cue", "speaker",
                                   "confidence", "resolver"}
    assert set(d["quotes"][0]["speaker"]) == {"name", "mention", "role", "roles",
                                              "affiliation", "type"}
    assert d["speakers"][0]["quotes"] == 1


def test_a_speaker_keeps_its_other_roles_and_old_json_still_loads() -> None:
    text = '"We will win," Senator Jane Smith said.'
    sp = Speaker("Jane Smith", Span.of(text, 15, 33), "Senator", "Ohio", "PERSON",
                 ("former Governor",))
    assert Speaker.from_dict(json.loads(json.dumps(sp.to_dict()))) == sp
    old = {"name": "Jane Smith", "mention": None, "role": "Senator", "affiliation": None,
           "type": "PERSON"}  # written before speakers had "roles"
    assert Speaker.from_dict(old).roles == ()


def test_values_are_frozen_and_validated() -> None:
    s = Span("ab", 0, 2)
    with pytest.raises(AttributeError):
        s.start = 1  # type: ignore[misc]
    with pytest.raises(ValueError):
        Span("x", 5, 2)
    with pytest.raises(ValueError):
        Span("x", -1, 2)
