"""Bounded input to the models: no sentence longer than the cap reaches the parser, no text
longer than the cap reaches the tokenizer, and the quote stages still see the whole text."""

from __future__ import annotations

import itertools
import time

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
    t = time.perf_counter()
    r = extractor.extract(text)
    assert time.perf_counter() - t < 60
    assert len([q for q in r.quotes if q.kind == "direct"]) == quotes
    for q in r.quotes:
        assert text[q.start:q.end] == q.text
