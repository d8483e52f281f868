"""Resolvers that read word patterns next to the quotation marks, without a tree.

They cover what parsers often get wrong and what fast mode has no tree for:

* ``adjacent``: ``"...," X said`` / ``"...," said X`` after a quote, ``X said: "..."`` before;
* ``trailing_dash``: ``..." -Commissioner Geoffrey Starks``;
* ``lead_in``: a line ending in a colon before a quoted paragraph
  (``And from Chairwoman Rosenworcel:``);
* ``headline_label``: a headline that opens with its source's name and a colon
  (``Rush Limbaugh: Hillary Asking Moderator To Fact Check Trump 'Reeks of Fear'``).
"""

from __future__ import annotations

import functools

from .. import cues, lexicons, mentions
from ..nlp.document import Document
from .base import FIRM, Attribution, Candidate, Context, resolver

_DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our"}
_DASHES = {"-", "--", "—", "–", "―"}
_SKIP = {",", ":", "—", "–", "-", "--"}
_QUOTE_CHARS = set("\"“”'‘’«»‹›„‚")


@functools.cache
def _title_words() -> frozenset[str]:
    stop = {"of", "to", "the", "and", "for", "on", "in", "at", "a", "an", "&", "-", "de"}
    return frozenset(word for t in lexicons.titles() for word in t.split() if word not in stop)


def _title_word(w: str) -> bool:
    return w.lower().strip(".") in _title_words()


_AUX = {"has", "have", "had", "is", "was", "were", "are", "will", "would", "also", "did",
        "does", "do", "could", "might", "may", "should", "then", "later", "previously", "once",
        "again", "not", "never", "both"}


def np_before(doc: Document, i: int, floor: int) -> tuple[int, int] | None:
    """The speaker noun phrase ending just before word i (words >= floor): skips
    auxiliaries and adverbs (``X has repeatedly said``) and reads an apposition
    (``The Israeli military chief, Aviv Kochavi, said`` gives ``Aviv Kochavi``)."""
    j = i - 1
    while j >= floor and (doc.words[j].text.lower() in _AUX or
                          (doc.words[j].text.lower().endswith("ly") and
                          not doc.words[j].text[:1].isupper())):
        j -= 1
    if j >= floor and doc.words[j].text == ",":
        inner = np_before(doc, j, floor)
        if inner is not None:
            return inner
    if j < floor:
        return None
    if doc.words[j].text.lower() in mentions.pronouns():
        return j, j + 1
    last = j
    while j >= floor:
        t = doc.words[j].text
        if t[:1].isupper() or _title_word(t) or t in ("'s", "’s") or \
                (t.lower() in _DETERMINERS and j < last):
            j -= 1
            continue
        break
    first = j + 1
    # drop a sentence-initial connective ("Later", "However")
    while first <= last and doc.words[first].text.lower() in ("later", "however", "but", "and"):
        first += 1
    if first > last or not any(doc.words[k].text[:1].isupper() or _title_word(doc.words[k].text)
                               for k in range(first, last + 1)):
        return None
    return first, last + 1


def _finite_cue(doc: Document, k: int) -> bool:
    """Whether the cue at k has its speaker right before it: not a participle
    (``Trump attacked Clinton ..., saying``: the word before is no speaker) and not a noun
    (``Republican claims``)."""
    w = doc.words[k]
    if w.text.lower().endswith("ing") or w.xpos == "VBG":
        return False
    return not (doc.parsed and w.upos in ("NOUN", "PROPN") and not w.text.lower().endswith("ed"))


def np_after(doc: Document, i: int, ceiling: int) -> tuple[int, int] | None:
    """The speaker noun phrase starting at word i (words < ceiling)."""
    if i >= ceiling:
        return None
    if doc.words[i].text.lower() in mentions.pronouns():
        return i, i + 1
    j = i
    while j < ceiling:
        t = doc.words[j].text
        if t[:1].isupper() or _title_word(t) or (t.lower() in _DETERMINERS and j == i):
            j += 1
            continue
        break
    if j == i or (j == i + 1 and doc.words[i].text.lower() in _DETERMINERS):
        return None
    return i, j


def _described_after(doc: Document, i: int, ceiling: int) -> tuple[int, int] | None:
    """A description right after an inverted cue, ``"...," said one Democrat familiar with
    the discussion`` or ``asked the boy``: a determiner (or "one") and the adjectives and
    nouns after it, up to the first word of another kind; the last noun ends it."""
    if not doc.parsed or i >= ceiling or \
            doc.words[i].text.lower() not in _DETERMINERS | {"one", "another"}:
        return None
    last = None
    j = i + 1
    while j < ceiling and doc.words[j].upos in ("ADJ", "NOUN", "PROPN", "NUM"):
        if doc.words[j].upos in ("NOUN", "PROPN"):
            last = j
        j += 1
    return None if last is None else (i, last + 1)


def _skip(doc: Document, i: int, step: int, lo: int, hi: int) -> int:
    while lo <= i < hi and (doc.words[i].text in _SKIP or doc.words[i].text in _QUOTE_CHARS):
        i += step
    return i


@resolver("adjacent")
def adjacent(ctx: Context, q: Candidate) -> Attribution | None:
    doc = ctx.doc
    if q.first >= q.last:
        return None
    sent_lo = doc.sentence_of(q.first).first
    para = doc.paragraph_index(doc.words[q.first].start)
    hi = q.last
    while hi < len(doc.words) and doc.paragraph_index(doc.words[hi].start) == para:
        hi += 1
    # after the quote: , X said | , said X
    k = _skip(doc, q.last, 1, q.last, hi)
    if k < hi:
        if cues.is_cue(doc, k):
            np = np_after(doc, k + 1, hi) or _described_after(doc, k + 1, hi)
            if np:
                return Attribution(np[0], np[1], "adjacent", 0.85, np[1] - 1)
        else:
            np = np_after(doc, k, hi)
            if np and np[1] < hi and cues.is_cue(doc, np[1]):
                return Attribution(np[0], np[1], "adjacent", 0.85, np[1] - 1)
    # before the quote: X said: "..." | X said "..." | X said that "..."
    k = _skip(doc, q.first - 1, -1, sent_lo, q.first)
    if k >= sent_lo and doc.words[k].text.lower() == "that":
        k -= 1
    if k >= sent_lo and cues.is_cue(doc, k) and _finite_cue(doc, k):
        np = _speaker_before(doc, k, sent_lo)
        if np:
            return Attribution(np[0], np[1], "adjacent", 0.8, np[1] - 1)
    # a mixed quote inside the reported clause: X said Israel "will ..."
    if q.cue is not None and sent_lo <= q.cue < q.first and _finite_cue(doc, q.cue):
        np = _speaker_before(doc, q.cue, sent_lo)
        if np:
            return Attribution(np[0], np[1], "adjacent", 0.75, np[1] - 1)
    return None


def _speaker_before(doc: Document, cue: int, floor: int) -> tuple[int, int] | None:
    """:func:`np_before` the cue, unless it ends in a day or a month ("dedicating the museum
    on Saturday, said ...": the subject is further left, for the tree to find)."""
    np = np_before(doc, cue, floor)
    if np and doc.words[np[1] - 1].text.lower() in lexicons.non_names():
        return None
    return np


def _is_dash(token: str) -> bool:
    """A dash, alone or fused with the closing mark by the tokenizer (``”―``)."""
    return token in _DASHES or (any(ch in "-—–―" for ch in token) and
                                all(ch in _QUOTE_CHARS or ch in "-—–―" for ch in token))


@resolver("trailing_dash")
def trailing_dash(ctx: Context, q: Candidate) -> Attribution | None:
    doc = ctx.doc
    k = q.last
    while k < len(doc.words) and doc.words[k].text in _QUOTE_CHARS | {",", "."}:
        k += 1
    if k < len(doc.words) and _is_dash(doc.words[k].text):
        para = doc.paragraph_index(doc.words[q.first].start)
        hi = k + 1
        while hi < len(doc.words) and doc.paragraph_index(doc.words[hi].start) == para:
            hi += 1
        np = np_after(doc, k + 1, hi)
        if np:
            return Attribution(np[0], np[1], "trailing_dash", FIRM, np[1] - 1)
    return None


@resolver("transcript_label")
def transcript_label(ctx: Context, q: Candidate) -> Attribution | None:
    """A transcript line: the quote starts with the speaker's name in capitals and a colon
    (``"PENCE: Well, look, ...``)."""
    doc = ctx.doc
    k = q.first
    while k < q.last and doc.words[k].text.isupper() and doc.words[k].text.isalpha():
        k += 1
    if k == q.first or k >= q.last or doc.words[k].text != ":" or k - q.first > 3:
        return None
    return Attribution(q.first, k, "transcript_label", FIRM, k - 1)


@resolver("headline_label")
def headline_label(ctx: Context, q: Candidate) -> Attribution | None:
    """A one-sentence paragraph (a headline) that opens with a capitalised name of at most
    four words and a colon: the name is the source of every quote after the colon
    (``Pence: Gennifer Flowers Won't Be at Debate, Trump Was 'Mocking' Clinton Camp``).
    Quoted words only: a reported clause in such a headline is the label's news, not always
    its words."""
    if q.kind == "indirect":
        return None
    doc = ctx.doc
    sent = doc.sentence_of(q.first)
    para = doc.paragraphs[doc.paragraph_index(doc.words[q.first].start)]
    if doc.words[sent.first].start != para.start or \
            (sent.last < len(doc.words) and doc.words[sent.last].start < para.end):
        return None  # not a paragraph of one sentence
    k = sent.first
    while k < q.first and k - sent.first < 4 and doc.words[k].text[:1].isupper() and \
            doc.words[k].text.lower() not in _DETERMINERS:
        k += 1
    if k == sent.first or k >= q.first or doc.words[k].text != ":":
        return None
    return Attribution(sent.first, k, "headline_label", FIRM, k - 1)


@resolver("lead_in")
def lead_in(ctx: Context, q: Candidate) -> Attribution | None:
    """A quote that opens its paragraph after a line ending in ':' names its speaker there."""
    doc = ctx.doc
    if q.first == 0:
        return None
    para = doc.paragraph_index(doc.words[q.first].start)
    prev = q.first - 1
    while prev >= 0 and doc.words[prev].text in _QUOTE_CHARS:
        prev -= 1
    if prev < 0 or doc.paragraph_index(doc.words[prev].start) != para - 1 or \
            doc.words[prev].text != ":":
        return None
    lo = prev
    while lo - 1 >= 0 and doc.paragraph_index(doc.words[lo - 1].start) == para - 1:
        lo -= 1
    # a cue in the lead-in line: "Caddell continued:", "He said:", "said Smith:"
    for k in range(prev - 1, lo - 1, -1):
        if cues.is_cue(doc, k):
            np = np_before(doc, k, lo) or np_after(doc, k + 1, prev)
            if np:
                return Attribution(np[0], np[1], "lead_in", 0.8, np[1] - 1)
            break
    # the last name in the lead-in line: NER first, then a capitalised run
    for e in reversed(doc.entities_in(doc.words[lo].start, doc.words[prev].start)):
        if lo <= e.first and e.last <= prev and e.type in ("PERSON", "ORG", "GPE"):
            return Attribution(e.first, e.last, "lead_in", 0.8, e.last - 1)
    np = np_before(doc, prev, lo)
    if np:
        return Attribution(np[0], np[1], "lead_in", 0.75, np[1] - 1)
    return None
