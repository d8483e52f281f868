"""Bounded input to the models: no sentence longer than the cap reaches the parser, no text
longer than the cap reaches the tokenizer, and the quote stages still see the whole text."""

from __future__ import annotations

import itertools

import pytest

from quoteattr.nlp.sentences import (
    MAX_CHUNK_CHARS,
    MAX_SENTENCE_WORDS,
    cap_sentences,
    chunks,
    postprocess,
)


def test_long_sentences_are_cut_after_a_comma_or_a_mark() -> None:
    sentence = ["We", "will", "win", ","] * 100 + ["."]
    pieces = cap_sentences([sentence], cap=50)
    assert [t for p in pieces for t in p] == sentence  # nothing lost or reordered
    assert all(len(p) <= 50 for p in pieces)
    assert all(p[-1] == "," for p in pieces[:-1])  # cut after a comma
    # no boundary at all: cut at the cap; tokens as (text, multi-word) pairs are kept
    marks = [("x", False)] * 120
    assert [len(p) for p in cap_sentences([marks], cap=50)] == [50, 50, 20]
    # the stanza postprocessor also joins a sentence cut after a title
    assert postprocess([["He", "met", "Sen."], ["Smith", "."]]) == [
        ["He", "met", "Sen.", "Smith", "."]]


def test_long_paragraphs_are_cut_at_the_best_boundary() -> None:
    text = ("We will win. " * 300) + ("and so on, " * 300) + ('"' * 5000)
    pieces = chunks(text, 0, len(text))
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(pieces))  # contiguous, no gap
    assert all(e - s <= MAX_CHUNK_CHARS for s, e in pieces)
    assert text[pieces[0][1] - 2:pieces[0][1]] == ". "  # after a sentence end
    assert chunks("short", 0, 5) == [(0, 5)]
    assert MAX_SENTENCE_WORDS >= 100


def test_text_without_letters_is_not_parsed_and_gives_nothing(fast_extractor) -> None:
    for text in ['"' * 100_000, "“‘" * 25_000, "... --- ,,, !!!"]:
        assert fast_extractor.extract(text).quotes == ()


@pytest.mark.slow
@pytest.mark.parametrize("text,quotes", [
    ('"We will win," she said, ' * 300, 300), ("word " * 2000, 0), ('"' * 100_000, 0),
    ("“‘" * 25_000, 0)])
def test_inputs_that_once_took_gigabytes_run_in_seconds(extractor, text: str,
                                                       quotes: int) -> None:
    # (their time and memory are measured by benchmarks/stages.py, not asserted here)
    r = extractor.extract(text)
    assert len([q for q in r.quotes if q.kind == "direct"]) == quotes
    for q in r.quotes:
        assert text[q.start:q.end] == q.text


# ------------------------------------------------------------ fast mode: linear stages

def test_fast_mode_sentences_are_capped_as_the_parser_s(fast_extractor) -> None:
    text = "one, two three, four five six " * 100 + "the end."
    doc = fast_extractor.parse(text)
    assert max(s.last - s.first for s in doc.sentences) <= MAX_SENTENCE_WORDS
    assert len(doc.sentences) > 1
    for s in doc.sentences[:-1]:  # each piece ends after a comma
        assert doc.words[s.last - 1].text == ","
    # a cut only ends a sentence: every word is still there, in order, with its offsets
    assert len(doc.words) == 8 * 100 + 3
    for w in doc.words:
        assert text[w.start:w.end] == w.text
    assert sum(s.last - s.first for s in doc.sentences) == len(doc.words)


def test_a_thousand_quotes_in_one_sentence_each_keep_their_speaker(fast_extractor) -> None:
    text = '"We will win," she said, ' * 1000  # once 92 s in fast mode
    r = fast_extractor.extract(text)
    assert len(r.quotes) == 1000
    for k, q in enumerate(r.quotes):
        assert (q.start, q.text) == (25 * k + 1, "We will win")
        assert q.speaker is not None and q.speaker.mention is not None
        assert (q.speaker.mention.start, q.speaker.mention.text) == (25 * k + 15, "she")
        assert q.cue is not None and q.cue.text == "said"


def test_thousands_of_marks_that_never_close(fast_extractor) -> None:
    text = "“a " * 4000  # once 211 s in fast mode
    r = fast_extractor.extract(text)
    assert r.quotes == ()
    text = "“a " * 4000 + '\n\n"We will win," said Sen. Jane Smith.'
    r = fast_extractor.extract(text)
    # the real quotation after them is found; of the 4,000 open marks at most the last,
    # which its paragraph closes, is read as a quotation
    assert [(q.text, q.speaker and q.speaker.name) for q in r.quotes][-1] == (
        "We will win", "Jane Smith")
    assert len(r.quotes) <= 2
    for q in r.quotes:
        assert text[q.start:q.end] == q.text


@pytest.mark.slow
def test_a_megabyte_paragraph_in_fast_mode(fast_extractor, founding_text: str) -> None:
    flat = founding_text.replace("\n", " ") + " "
    copies = 1_000_000 // len(flat) + 1
    text = flat * copies  # once 149 s in fast mode
    r = fast_extractor.extract(text)
    # what one more copy adds in a paragraph of copies, against what each copy adds here
    per_copy = len(fast_extractor.extract(flat * 3).quotes) - \
        len(fast_extractor.extract(flat * 2).quotes)
    assert per_copy > 5
    assert len(r.quotes) >= copies * per_copy * 0.95
    for q in r.quotes:
        assert text[q.start:q.end] == q.text


@pytest.mark.slow
def test_the_founding_article_repeated_in_full_mode(extractor, founding_text: str) -> None:
    copies = 40  # ~200 KB; once far slower per word than one article
    text = "\n\n".join([founding_text] * copies)
    r = extractor.extract(text)
    one = extractor.extract(founding_text)
    named = [q.speaker.name for q in one.quotes if q.speaker]
    assert len(r.quotes) >= copies * len(one.quotes) * 0.95
    # each copy names the same speakers as the article alone
    later = [q.speaker.name for q in r.quotes if q.speaker and q.start > len(text) // 2]
    assert set(later) <= set(named) | {None}
