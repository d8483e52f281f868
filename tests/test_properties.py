"""Properties that hold for any input, tried with hypothesis.

Any string: no exception but a ``QuoteattrError``; every span's text is ``text[start:end]``;
quotes in text order without duplicates; the result round-trips through JSON. Malformed
CoNLL-U, document views and dicts: a documented error or a valid result.

The seed is fixed (``derandomize``), so a failure reproduces. CI runs a small budget;
``pytest -m slow tests/test_properties.py`` runs a larger one (and full mode on more texts).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoteattr import (
    ConllUError,
    DocumentError,
    QuoteattrError,
    Result,
    ResultError,
)
from quoteattr.nlp.document import Document, Sentence, Word

# --------------------------------------------------------------------------- budgets

CI_EXAMPLES = 120
SLOW_EXAMPLES = 1500


def budget(examples: int) -> Callable[[Any], Any]:
    return settings(max_examples=examples, derandomize=True, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


# --------------------------------------------------------------------------- text

# pieces of news text, with every kind of quotation mark, markup and control character
PIECES = [
    "said", "says", "told", "added", "according to", "she", "he", "they", "Smith", "Jane",
    "Mr.", "Sen.", "Gov.", "the senator", "Reuters", "WASHINGTON", "—", "–", "-", "(AP)",
    '"', "“", "”", "‘", "’", "'", "«", "»", "„", "‚", "‹", "›", "``", "''",
    ",", ".", ":", ";", "!", "?", "...", " ", " ", " ", "\n", "\n\n", "\t", "\r\n",
    "<p>", "</p>", "<br/>", "&quot;", "&amp;", "<tweet author=\"x\">", "é", "ß", "İ", "👍",
    "\u200b", "\u0301", "\ufeff", "\x0c", "We will win", "it is over", "I", "we", "you",
    "in 2016", "D-Wis.", "R-Ky.", "President", "Barack Obama", "of the",
]

OPENERS = ['"', "“", "‘", "'", "«", "„", "‚", "``", "", "“‘"]
CLOSERS = ['"', "”", "’", "'", "»", "“", "''", "", "’”"]
WORDS = ["We will win", "it is over", "the vote", "I told them", "no", "Never again",
         "this is a disaster", "you call it home", "Soon"]
SPEAKERS = ["she said", "said Sen. Jane Smith", "he added", "Smith told Reuters",
            "the senator said", "they wrote", "according to the White House", "Obama says",
            "she said of the plan", "President Barack Obama (D-Ill.) said"]


@st.composite
def news(draw: st.DrawFn) -> str:
    """Paragraphs of quotations with their attributions, marks of any style, matched or
    not, nested or not, and plain sentences between them."""
    paragraphs = []
    for _ in range(draw(st.integers(1, 4))):
        parts = []
        for _ in range(draw(st.integers(1, 4))):
            words = draw(st.sampled_from(WORDS))
            if draw(st.booleans()):  # a quotation inside the quotation
                inner = draw(st.sampled_from(WORDS))
                words += f" {draw(st.sampled_from(OPENERS))}{inner}{draw(st.sampled_from(CLOSERS))}"
            quote = f"{draw(st.sampled_from(OPENERS))}{words},{draw(st.sampled_from(CLOSERS))}"
            who = draw(st.sampled_from(SPEAKERS))
            order = draw(st.sampled_from(["after", "before", "plain"]))
            parts.append(f"{quote} {who}." if order == "after" else
                         f"{who.capitalize()}: {quote}" if order == "before" else
                         f"{who.capitalize()} that {words.lower()}.")
        paragraphs.append(" ".join(parts))
    sep = draw(st.sampled_from(["\n\n", "\n", " ", "\r\n\r\n"]))
    return sep.join(paragraphs)


texts = st.one_of(
    news(),
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.text(max_size=200),
    st.lists(st.sampled_from(PIECES), max_size=20).map(" ".join),
)


def check_result(text: str, result: Result) -> None:
    """The properties every result of ``text`` has."""
    for q in result.quotes:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start:q.end] == q.text
        if q.cue is not None:
            assert text[q.cue.start:q.cue.end] == q.cue.text
        if q.speaker is not None and q.speaker.mention is not None:
            m = q.speaker.mention
            assert text[m.start:m.end] == m.text
        assert 0.0 <= q.confidence <= 1.0
    keys = [(q.start, q.end, q.kind) for q in result.quotes]
    assert keys == sorted(keys), "quotes out of text order"
    assert len({(q.start, q.end) for q in result.quotes}) == len(keys), "a quote twice"
    assert Result.from_json(result.to_json()) == result


def extract_checked(extractor: Any, text: str) -> None:
    try:
        result = extractor.extract(text)
    except QuoteattrError:
        return
    check_result(text, result)


@budget(CI_EXAMPLES)
@given(text=texts)
def test_any_text_in_fast_mode(fast_extractor: Any, text: str) -> None:
    extract_checked(fast_extractor, text)


@pytest.mark.slow
@budget(SLOW_EXAMPLES)
@given(text=texts)
def test_any_text_in_fast_mode_at_length(fast_extractor: Any, text: str) -> None:
    extract_checked(fast_extractor, text)


@budget(12)
@given(text=texts)
def test_any_text_in_full_mode(extractor: Any, text: str) -> None:
    extract_checked(extractor, text)


@pytest.mark.slow
@budget(200)
@given(text=texts)
def test_any_text_in_full_mode_at_length(extractor: Any, text: str) -> None:
    extract_checked(extractor, text)


@budget(CI_EXAMPLES)
@given(data=st.binary(max_size=200))
def test_any_bytes(fast_extractor: Any, data: bytes) -> None:
    try:
        result = fast_extractor.extract(data)
    except QuoteattrError:
        return
    check_result(data.decode("utf-8"), result)


# --------------------------------------------------------------------------- CoNLL-U

CONLLU = """# text = "We will win," she said.
1\t"\t"\tPUNCT\t``\t_\t5\tpunct\t_\tSpaceAfter=No
2\tWe\twe\tPRON\tPRP\t_\t4\tnsubj\t_\t_
3\twill\twill\tAUX\tMD\t_\t4\taux\t_\t_
4\twin\twin\tVERB\tVB\t_\t7\tccomp\t_\tSpaceAfter=No
5\t,\t,\tPUNCT\t,\t_\t4\tpunct\t_\tSpaceAfter=No
6\t"\t"\tPUNCT\t''\t_\t4\tpunct\t_\t_
7\tshe\tshe\tPRON\tPRP\t_\t8\tnsubj\t_\t_
8\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
9\t.\t.\tPUNCT\t.\t_\t8\tpunct\t_\t_
"""
TEXT = '"We will win," she said.'
FIELD_JUNK = st.sampled_from(["", "_", "0", "-1", "99", "abc", "1-2", "3.1", "root", "\t",
                              "start_char=5|end_char=2", "start_char=abc", "NER=B-PERSON",
                              "start_char=500|end_char=504", "SpaceAfter=No", "é"])


@st.composite
def broken_conllu(draw: st.DrawFn) -> str:
    lines = CONLLU.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        k = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["field", "drop", "dup", "cut"]))
        fields = lines[k].split("\t")
        if action == "field" and len(fields) > 1:
            fields[draw(st.integers(0, len(fields) - 1))] = draw(FIELD_JUNK)
            lines[k] = "\t".join(fields)
        elif action == "drop":
            del lines[k]
        elif action == "dup":
            lines.insert(k, lines[k])
        elif action == "cut":
            lines[k] = lines[k][:draw(st.integers(0, len(lines[k])))]
        if not lines:
            break
    return "\n".join(lines) + "\n"


@budget(CI_EXAMPLES)
@given(conllu=broken_conllu(), with_text=st.booleans())
def test_malformed_conllu_gives_a_documented_error_or_a_result(fast_extractor: Any,
                                                                conllu: str,
                                                                with_text: bool) -> None:
    text = TEXT if with_text else None
    try:
        result = fast_extractor.extract_conllu(conllu, text=text)
    except QuoteattrError:
        return
    if text is not None:
        check_result(text, result)


def test_the_conllu_of_the_property_is_valid(fast_extractor: Any) -> None:
    result = fast_extractor.extract_conllu(CONLLU, text=TEXT)
    assert [q.text for q in result.quotes] == ["We will win,"] or \
        [q.text for q in result.quotes] == ["We will win"]
    with pytest.raises(ConllUError):
        fast_extractor.extract_conllu(CONLLU.replace("\t7\tccomp", "\tx\tccomp"), text=TEXT)


# --------------------------------------------------------------------------- documents

@st.composite
def documents(draw: st.DrawFn) -> Document:
    """A parsed view of TEXT's words with any heads, in range or not, cyclic or not."""
    spans = [(0, 1), (1, 3), (4, 8), (9, 12), (12, 13), (13, 14), (15, 18), (19, 23),
             (23, 24)]
    n = len(spans)
    heads = draw(st.lists(st.integers(-2, n + 1), min_size=n, max_size=n))
    rels = draw(st.lists(st.sampled_from(["nsubj", "root", "ccomp", "punct", "obj", ""]),
                         min_size=n, max_size=n))
    words = tuple(Word(i, TEXT[s:e], s, e, 0, TEXT[s:e].lower(), "X", "", "", h, r)
                  for i, ((s, e), h, r) in enumerate(zip(spans, heads, rels, strict=True)))
    return Document(TEXT, words, (Sentence(0, 0, len(TEXT), 0, n),))


@budget(CI_EXAMPLES)
@given(data=st.data())
def test_any_tree_gives_a_documented_error_or_a_result(fast_extractor: Any,
                                                       data: st.DataObject) -> None:
    try:
        doc = data.draw(documents())
    except DocumentError:
        return
    check_result(TEXT, fast_extractor.extract_document(doc))


# --------------------------------------------------------------------------- dicts

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10**20) | st.floats(allow_nan=True)
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=20)
FIELDS = ["text", "start", "end", "kind", "cue", "speaker", "confidence", "resolver", "name",
          "mention", "role", "roles", "affiliation", "type", "quotes", "speakers", "mentions",
          "error"]


@st.composite
def mutated_results(draw: st.DrawFn) -> Any:
    """A real result's dict with values replaced, or any JSON value."""
    if draw(st.booleans()):
        return draw(json_values)
    data = json.loads(REAL.to_json())
    for _ in range(draw(st.integers(1, 3))):
        target = data
        path = draw(st.lists(st.sampled_from([*FIELDS, 0]), min_size=1, max_size=4))
        for key in path[:-1]:
            if isinstance(target, dict) and key in target and isinstance(
                    target[key], (dict, list)):
                target = target[key]
            elif isinstance(target, list) and target and key == 0:
                target = target[0]
        if isinstance(target, dict):
            target[str(path[-1])] = draw(json_values)
        elif isinstance(target, list) and target:
            target[0] = draw(json_values)
    return data


REAL = Result.from_json(json.dumps({
    "quotes": [{"text": "We will win", "start": 1, "end": 12, "kind": "direct",
                "cue": {"text": "said", "start": 19, "end": 23},
                "speaker": {"name": "Jane Smith", "mention": {"text": "she", "start": 15,
                                                              "end": 18},
                            "role": "Senator", "roles": ["Senator"], "affiliation": None,
                            "type": "PERSON"},
                "confidence": 0.9, "resolver": "adjacent"}],
    "speakers": [{"name": "Jane Smith", "type": "PERSON",
                  "mentions": [{"text": "she", "start": 15, "end": 18}], "quotes": 1}]}))


@budget(CI_EXAMPLES * 2)
@given(data=mutated_results())
def test_any_dict_loads_as_a_valid_result_or_raises_result_error(data: Any) -> None:
    try:
        result = Result.from_dict(data)
    except ResultError:
        return
    for q in result.quotes:
        assert 0 <= q.start <= q.end and 0.0 <= q.confidence <= 1.0
    assert Result.from_json(result.to_json()) == result


@budget(CI_EXAMPLES)
@given(s=st.text(max_size=100) | st.just('{"quotes": [{"start": NaN}]}'))
def test_any_json_string_loads_or_raises_result_error(s: str) -> None:
    try:
        result = Result.from_json(s)
    except ResultError:
        return
    assert Result.from_json(result.to_json()) == result
