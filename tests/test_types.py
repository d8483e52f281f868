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


def _quote_dict(**changes: object) -> dict:
    d = sample().to_dict()
    q = d["quotes"][0]
    for key, value in changes.items():
        if key.startswith("speaker_"):
            q["speaker"][key[len("speaker_"):]] = value
        else:
            q[key] = value
    return d


@pytest.mark.parametrize("bad", [
    [],                                   # not an object
    {"quotes": "none"},                   # quotes not a list
    {"quotes": [{"text": "x"}]},          # no offsets
    {"quotes": [["x", 0, 1]]},            # a quote that is no object
])
def test_from_dict_refuses_what_is_no_result(bad) -> None:
    from quoteattr import ResultError

    with pytest.raises(ResultError):
        Result.from_dict(bad)


@pytest.mark.parametrize("changes,message", [
    ({"start": -1}, "start"), ({"start": 12, "end": 1}, "before start"),
    ({"start": float("inf")}, "whole number"), ({"kind": "shouted"}, "kind"),
    ({"confidence": 7}, "confidence"), ({"confidence": float("nan")}, "confidence"),
    ({"text": "not the quote"}, "does not fill"), ({"speaker_type": "ROBOT"}, "type"),
    ({"speaker_roles": "Senator"}, "list of strings"), ({"resolver": 3}, "resolver"),
])
def test_from_dict_validates_what_it_loads(changes: dict, message: str) -> None:
    from quoteattr import ResultError

    with pytest.raises(ResultError, match=message):
        Result.from_dict(_quote_dict(**changes))
    with pytest.raises(ResultError):
        Result.from_json("{not json")


def test_to_json_never_writes_nan() -> None:
    r = sample()
    assert "NaN" not in r.to_json() and Result.from_json(r.to_json()) == r
