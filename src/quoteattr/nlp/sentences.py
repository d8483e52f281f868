"""Sentence-boundary repairs on stanza's tokenizer output.

The bundled tokenizer, trained on UD English EWT (web text with few courtesy titles), ends a
sentence after ``Mr.`` in about one New York Times sentence in a hundred ("Mr." | "Clarke said
..."), which leaves the cue without its subject. :func:`join_abbreviation_splits` is given to
stanza as the tokenizer's postprocessor (``tokenize_postprocessor``): a sentence that ends on a
courtesy title, a short military or political title, or a single initial, and is followed by a
capitalised word, is joined to the next one. It also ends sentences in the middle of news
names and headlines ("British Prime Minister Theresa" | "May said ...", "Jean-Marc" | "Ayrault,
the foreign minister ...": 21 of the 3,321 sentence ends of PolNeAR dev): a sentence that ends
on a word, without punctuation, is joined to the next one in the same line
(:func:`join_unended_sentences`). stanza gives the postprocessor only the tokens, of several
paragraphs read at once, so the callers name the texts being read (:func:`reading`) and the
postprocessor finds the line breaks between sentences in them; a line without a full stop (a
headline, a sign-off such as "― Adriana Rodarte") still ends where its line does. Offsets are
recomputed by stanza against the raw text, so nothing moves.

Bounded input to the models: the parser's memory grows with the square of a sentence's
length, so no sentence reaches it longer than :data:`MAX_SENTENCE_WORDS` words
(:func:`cap_sentences`, in the same postprocessor: a longer one is split after its last
comma, semicolon, colon or quotation mark before the cap, else at the cap), and no text
reaches the tokenizer longer than :data:`MAX_CHUNK_CHARS` characters (:func:`chunks`: a
longer paragraph is cut at a sentence end, else a quotation mark, a comma or a space). A cut
only ends a sentence for the parser: the quote stages see the whole text, with its real
paragraphs and exact offsets.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import itertools
from collections.abc import Iterator, Sequence
from typing import Any

import regex

from .. import lexicons


@functools.cache
def _abbreviations() -> frozenset[str]:
    """Courtesy titles with a dot and the abbreviated titles that always precede a name
    (never end a sentence)."""
    return frozenset({h for h in lexicons.honorifics() if h.endswith(".")} |
                     lexicons.words("abbreviated_title"))


def _text(token: Any) -> str:
    """A token of stanza's postprocessor format: a string, or (string, is_mwt)."""
    return token[0] if isinstance(token, tuple) else str(token)


def _ends_on_abbreviation(sentence: list[Any]) -> bool:
    if not sentence:
        return False
    last = _text(sentence[-1])
    if last.lower() in _abbreviations():
        return True
    if last == "." and len(sentence) >= 2 and \
            _text(sentence[-2]).lower() + "." in _abbreviations():
        return True  # the tokenizer split the dot off: "Sen" "."
    return len(last) == 2 and last[0].isupper() and last[1] == "."  # an initial: "George H."


def abbreviation_before_dot(word: str) -> bool:
    """Whether ``word``, followed by a dot, is a courtesy or short title ("Mr", "Sen") or an
    initial ("G", "G.K"): the dot ends no sentence."""
    return (word.lower() + ".") in _abbreviations() or (
        word[:1].isupper() and all(part.isupper() and len(part) == 1
                                   for part in word.split(".")))


#: the most words a sentence may have when it reaches the tagger and the parser
MAX_SENTENCE_WORDS = 150
#: the most characters of text given to the tokenizer at once
MAX_CHUNK_CHARS = 2000
_ALNUM = regex.compile(r"[\p{L}\p{N}]")
_BREAK_AFTER = frozenset({",", ";", ":", "—", "–", "--"}) | frozenset('"“”‘’«»')
# where a long paragraph is cut, best first: a sentence end, a quotation mark, a comma, a space
_CUTS = tuple(regex.compile(p) for p in (r"""[.!?]["”’']?\s""", r"""\s["“‘]|["”’]\s""",
                                          r",\s", r"\s"))


#: the text the tokenizer is reading: its pieces joined by blank lines, as stanza's
#: ``bulk_process`` joins them (set by :func:`reading`)
_READING: contextvars.ContextVar[str | None] = contextvars.ContextVar("quoteattr_reading",
                                                                      default=None)


@contextlib.contextmanager
def reading(texts: Sequence[str]) -> Iterator[None]:
    """Tell the postprocessor which texts a ``bulk_process`` call in this block reads, so
    that it can see where their lines end."""
    token = _READING.set("\n\n".join(texts))
    try:
        yield
    finally:
        _READING.reset(token)


def postprocess(sentences: list[list[Any]]) -> list[list[Any]]:
    """The tokenizer's postprocessor: :func:`join_abbreviation_splits` and, when the text
    read is known (:func:`reading`), :func:`join_unended_sentences`; then
    :func:`cap_sentences`."""
    sentences = join_abbreviation_splits(sentences)
    raw = _READING.get()
    gaps = sentence_gaps(sentences, raw) if raw is not None else None
    if gaps is not None:
        sentences = join_unended_sentences(sentences, gaps)
    return cap_sentences(sentences)


def sentence_gaps(sentences: list[list[Any]], raw: str) -> list[str] | None:
    """The text between each sentence of tokens and the next in ``raw`` (one fewer than the
    sentences), found as stanza finds its offsets; None when a token is not found."""
    pos = 0
    bounds = []
    for sentence in sentences:
        first = None
        for token in sentence:
            text = _text(token)
            at = raw.find(text, pos)
            if at < 0:
                return None
            first = at if first is None else first
            pos = at + len(text)
        bounds.append((pos if first is None else first, pos))
    return [raw[a[1]:b[0]] for a, b in itertools.pairwise(bounds)]


def cap_sentences(sentences: list[list[Any]], cap: int = MAX_SENTENCE_WORDS
                  ) -> list[list[Any]]:
    """Sentences of at most ``cap`` tokens, each longer one cut by :func:`pieces`."""
    out: list[list[Any]] = []
    for sentence in sentences:
        texts = [_text(t) for t in sentence]
        out.extend(sentence[a:b] for a, b in pieces(texts, cap))
    return out


def pieces(texts: Sequence[str], cap: int = MAX_SENTENCE_WORDS) -> list[tuple[int, int]]:
    """A sentence of tokens ``texts`` as (first, last) pieces of at most ``cap`` tokens: a
    longer one is cut after the last comma, semicolon, colon, dash or quotation mark in the
    second half of each piece, else at the cap."""
    out = []
    start = 0
    while len(texts) - start > cap:
        cut = next((k + 1 for k in range(start + cap - 1, start + cap // 2, -1)
                    if texts[k] in _BREAK_AFTER), start + cap)
        out.append((start, cut))
        start = cut
    out.append((start, len(texts)))
    return out


def parse_pieces(text: str) -> list[tuple[int, int]]:
    """Where the models read ``text``: each paragraph (a line) alone, in pieces of at most
    :data:`MAX_CHUNK_CHARS` characters (:func:`chunks`); a piece without a letter or digit
    holds no speech and is left out. The one place that decides what the tokenizer sees, for
    :class:`~quoteattr.Extractor` and the stanza pipeline alike."""
    from .document import split_paragraphs

    return [(s, e) for p in split_paragraphs(text) for s, e in chunks(text, p.start, p.end)
            if _ALNUM.search(text, s, e)]


def chunks(text: str, start: int, end: int, cap: int = MAX_CHUNK_CHARS
           ) -> list[tuple[int, int]]:
    """``text[start:end]`` (a paragraph) as pieces of at most ``cap`` characters, cut at the
    best boundary before the cap: after a sentence end followed by a space, else at a
    quotation mark, a comma or a space; at the cap when there is none."""
    out = []
    while end - start > cap:
        window = text[start:start + cap]
        cut = None
        for pattern in _CUTS:
            found = [m.end() for m in pattern.finditer(window) if m.end() > cap // 2]
            if found:
                cut = found[-1]
                break
        cut = cut if cut is not None else cap
        out.append((start, start + cut))
        start += cut
    out.append((start, end))
    return out


def join_abbreviation_splits(sentences: list[list[Any]]) -> list[list[Any]]:
    """Sentences of tokens with the false breaks after titles and initials removed."""
    out: list[list[Any]] = []
    for sentence in sentences:
        if out and sentence and _ends_on_abbreviation(out[-1]) and \
                _text(sentence[0])[:1].isupper():
            out[-1] = out[-1] + sentence
        else:
            out.append(list(sentence))
    return out


def _ends_on_word(sentence: list[Any]) -> bool:
    """The sentence's last token is a word that ends in a letter or digit: no full stop,
    question or exclamation mark, colon, quotation mark or bracket ends it."""
    last = _text(sentence[-1]) if sentence else ""
    return bool(last) and _ALNUM.match(last) is not None and _ALNUM.match(last[-1]) is not None


def join_unended_sentences(sentences: list[list[Any]], gaps: Sequence[str]
                           ) -> list[list[Any]]:
    """Sentences with the breaks after a word removed: a sentence that ends on a word,
    without punctuation, goes on into the next ("Theresa" | "May said ...") when no line
    break is between them (``gaps``: the text between each sentence and the next)."""
    out: list[list[Any]] = []
    for k, sentence in enumerate(sentences):
        if out and sentence and _ends_on_word(out[-1]) and "\n" not in gaps[k - 1]:
            out[-1] = out[-1] + list(sentence)
        else:
            out.append(list(sentence))
    return out
