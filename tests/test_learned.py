"""The learned parts: weights files that fail loudly, the log-linear scorer, the quote filter
and the confidence calibration (hand-built documents and weights, no stanza model)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from quoteattr import Extractor, ModelError, antecedents, confidence, cues, linear, quotefilter
from quoteattr.candidates import find as find_candidates
from quoteattr.learned import Learned, for_strategy
from quoteattr.linear import Weights
from quoteattr.nlp.document import from_regex
from quoteattr.resolvers import ranker

# ------------------------------------------------------------------ linear


def _write(path: Path, features: str, weights: dict[str, float] | str) -> Path:
    path.write_text(json.dumps({"about": "test", "features": features, "metrics": {},
                                "weights": weights}), encoding="utf-8")
    return path


def test_weights_round_trip_and_score(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    linear.save(path, "m", "m/1", "a test model", {"acc": 1.0}, {"b": -1.0, "a": 2.0})
    w = linear.load("m", "m/1", path)
    assert (w.name, w.features, w.path) == ("m", "m/1", str(path))
    assert w.margin(["a", "b", "unknown"]) == 1.0
    assert w.probability(["a"]) == pytest.approx(1 / (1 + math.exp(-2.0)))
    assert w.probability(["a"] * 100) == pytest.approx(1.0)  # clipped, no overflow
    with pytest.raises(TypeError):
        w.weights["a"] = 3.0  # type: ignore[index]
    assert list(json.loads(path.read_text())["weights"]) == ["a", "b"]  # sorted


def test_a_missing_file_names_itself(tmp_path: Path) -> None:
    missing = tmp_path / "ranker.json"
    with pytest.raises(ModelError, match=r"ranker\.json is missing"):
        linear.load("ranker", ranker.FEATURES, missing)


@pytest.mark.parametrize("content", ["{not json", '["a list"]', '{"features": "x"}'])
def test_a_corrupt_file_names_itself(tmp_path: Path, content: str) -> None:
    bad = tmp_path / "quotefilter.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(ModelError, match=r"quotefilter\.json"):
        linear.load("quotefilter", quotefilter.FEATURES, bad)


def test_weights_of_another_feature_set_are_refused(tmp_path: Path) -> None:
    old = _write(tmp_path / "ranker.json", "ranker/1", {"bias": 1.0})
    with pytest.raises(ModelError, match="feature set 'ranker/1'"):
        linear.load("ranker", "ranker/2", old)
    unversioned = _write(tmp_path / "r.json", "", {"bias": 1.0})
    with pytest.raises(ModelError, match="trained on the feature set"):
        linear.load("ranker", "ranker/2", unversioned)


def test_a_weight_that_is_no_number_is_refused(tmp_path: Path) -> None:
    bad = _write(tmp_path / "c.json", "c/1", {"bias": "high"})  # type: ignore[dict-item]
    with pytest.raises(ModelError, match="not a number"):
        linear.load("c", "c/1", bad)
    inf = tmp_path / "i.json"
    inf.write_text('{"features": "c/1", "weights": {"bias": Infinity}}', encoding="utf-8")
    with pytest.raises(ModelError, match="not finite"):
        linear.load("c", "c/1", inf)


def test_the_shipped_weights_match_the_code() -> None:
    parts = for_strategy("rules+ranker")
    assert parts.ranker is not None and parts.ranker.weights.features == ranker.FEATURES
    assert parts.quotefilter is not None and parts.quotefilter.features == quotefilter.FEATURES
    assert parts.confidence is not None and parts.confidence.features == confidence.FEATURES
    assert parts.antecedents is not None
    assert parts.antecedents.weights.features == antecedents.FEATURES
    assert parts.ranker.weights.weights and parts.quotefilter.weights
    assert parts.confidence.weights and parts.antecedents.weights.weights


def test_rules_need_no_weights_and_the_others_fail_loudly(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    monkeypatch.setattr(linear, "bundled_path", lambda name: tmp_path / f"{name}.json")
    for_strategy.cache_clear()
    try:
        text = '"We will win," said Mayor Tom Walsh.'
        r = Extractor(mode="fast", strategy="rules").extract(text)
        assert [(q.text, q.speaker and q.speaker.name) for q in r.quotes] == [
            ("We will win", "Tom Walsh")]
        assert r.quotes[0].confidence == 0.0  # no calibration without learned parts
        with pytest.raises(ModelError, match=r"ranker\.json is missing"):
            Extractor(mode="fast")
    finally:
        for_strategy.cache_clear()


# ------------------------------------------------------------------ the quote filter


def _candidates(text: str) -> tuple:
    doc = from_regex(text)
    found = cues.find(doc)
    return doc, found, find_candidates(doc, found)


def test_quote_filter_features_see_titles_and_nicknames() -> None:
    # a title after a naming word is no candidate at all; after a network's name, the filter
    # decides, and sees the title case and the capital before it
    assert _candidates('He appeared on the show "Morning Joe" on Monday.')[2] == ()
    doc, found, quotes = _candidates('He was on CNN\'s "New Day" on Monday.')
    (q,) = quotes
    f = quotefilter.features(doc, found, q, None)
    assert {"titlecase|n=2", "titlecase|before_cap", "before_w=cnn's", "speaker=none",
            "cue=none", f"kind={q.kind}"} <= set(f)
    doc, found, quotes = _candidates('Rep. Robert "Bobby" Scott spoke.')
    assert "between_capitals" in quotefilter.features(doc, found, quotes[0], None)
    doc, found, quotes = _candidates('"I think we will win," she said.')
    f = quotefilter.features(doc, found, quotes[0], None)
    assert "first_second_person" in f and "cue_part=verb" in f


def test_quote_filter_rule_and_model() -> None:
    doc, found, quotes = _candidates('It was "scary" then. "We will win," she said.')
    scary, win = quotes
    # the rule (strategy="rules"): a short mixed stretch with neither cue nor speaker goes
    assert scary.kind == "mixed" and not quotefilter.is_quotation(doc, found, scary, None, 2,
                                                                  None)
    assert quotefilter.is_quotation(doc, found, win, None, 2, None)
    # the model: the threshold on the probability of its weights
    drop_titles = Weights("quotefilter", quotefilter.FEATURES,
                          {"bias": 2.0, "first=lower": -5.0})
    assert not quotefilter.is_quotation(doc, found, scary, None, 2, drop_titles)
    assert quotefilter.is_quotation(doc, found, win, None, 2, drop_titles)


def test_quote_filter_drops_stretches_without_words() -> None:
    doc, found, quotes = _candidates('He said "42" and posted "pic.twitter.com/abc" and '
                                     '"we will win."')
    keep_all = Weights("quotefilter", quotefilter.FEATURES, {"bias": 10.0})
    kept = quotefilter.keep(doc, found, quotes, {}, keep_all)
    assert [doc.text[q.start:q.end] for q in kept] == ["we will win."]
    assert quotefilter.paragraph_counts(doc, quotes) == [3, 3, 3]


# ------------------------------------------------------------------ confidence


def test_confidence_comes_from_the_calibration_weights() -> None:
    text = '"We will win," said Mayor Tom Walsh. "Soon," he added.'
    doc = from_regex(text)
    parts = for_strategy("rules+ranker")
    from quoteattr.extractor import attribute, speakers
    from quoteattr.resolvers import DEFAULT_RESOLVERS

    ctx = attribute(doc, DEFAULT_RESOLVERS, "rules+ranker", parts)
    kept, referents, conf = speakers(ctx, parts)
    answers = ctx.answers.as_mapping()
    assert set(conf) == {q.id for q in kept if q.id in answers}
    for q in kept:
        f = confidence.features(q, answers[q.id], referents[q.id], ctx.mentions)
        assert parts.confidence is not None
        assert conf[q.id] == pytest.approx(parts.confidence.probability(f))
        assert 0.0 < conf[q.id] < 1.0
    # another calibration gives other confidences from the same answers
    flat = Learned(parts.ranker, parts.quotefilter,
                   Weights("confidence", confidence.FEATURES, {"bias": 0.0}))
    assert set(speakers(ctx, flat)[2].values()) == {0.5}
