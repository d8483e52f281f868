"""Resolvers that read word patterns next to the quotation marks, without a tree.

They cover what parsers often get wrong and what fast mode has no tree for:

* ``adjacent``: ``"...," X said`` / ``"...," said X`` after a quote, ``X said: "..."`` before;
* ``trailing_dash``: ``..." -Commissioner Geoffrey Starks``;
* ``lead_in``: a line ending in a colon before a quoted paragraph
  (``And from Chairwoman Rosenworcel:``);
* ``headline_label``: a headline that opens with its source's name and a colon
  (``Rush Limbaugh: Hillary Asking Moderator To Fact Check Trump 'Reeks of Fear'``).

The patterns find the speaker phrase's last word; its words are the mention pass's
(:mod:`quoteattr.mentions`), like every resolver's.
"""

from __future__ import annotations

from .. import layout, lexicons, marks, mentions
from ..nlp.document import Document
from ..roles import is_title_word
from ..values import QuoteCandidate, WordRange
from .base import Context, Pick, rule

# punctuation between a quote and its attribution
_SKIP = frozenset({",", ":", "—", "–", "-", "--"})


def _skippable(token: str) -> bool:
    return token in _SKIP or marks.is_marks(token)


def np_before(doc: Document, i: int, floor: int) -> WordRange | None:
    """The speaker noun phrase ending just before word i (words >= floor): skips
    auxiliaries and adverbs (``X has repeatedly said``) and reads an apposition
    (``The Israeli military chief, Aviv Kochavi, said`` gives ``Aviv Kochavi``)."""
    pre_cue = lexicons.words("pre_cue_word")
    j = i - 1
    while j >= floor and (doc.words[j].text.lower() in pre_cue or
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
        return WordRange(j, j + 1)
    inside = lexicons.words("article_possessive")
    last = j
    while j >= floor:
        t = doc.words[j].text
        if t[:1].isupper() or is_title_word(t) or t in ("'s", "’s") or \
                (t.lower() in inside and j < last):
            j -= 1
            continue
        break
    first = j + 1
    # drop a sentence-initial connective ("Later", "However")
    while first <= last and doc.words[first].text.lower() in lexicons.words("connective"):
        first += 1
    if first > last or not any(doc.words[k].text[:1].isupper() or
                               is_title_word(doc.words[k].text)
                               for k in range(first, last + 1)):
        return None
    return WordRange(first, last + 1)


def _finite_cue(doc: Document, k: int) -> bool:
    """Whether the cue at k has its speaker right before it: not a participle
    (``Trump attacked Clinton ..., saying``: the word before is no speaker) and not a noun
    (``Republican claims``)."""
    w = doc.words[k]
    if w.text.lower().endswith("ing") or w.xpos == "VBG":
        return False
    return not (doc.parsed and w.upos in ("NOUN", "PROPN") and not w.text.lower().endswith("ed"))


def np_after(doc: Document, i: int, ceiling: int) -> WordRange | None:
    """The speaker noun phrase starting at word i (words < ceiling)."""
    if i >= ceiling:
        return None
    if doc.words[i].text.lower() in mentions.pronouns():
        return WordRange(i, i + 1)
    determiners = lexicons.words("article_possessive")
    j = i
    while j < ceiling:
        t = doc.words[j].text
        if t[:1].isupper() or is_title_word(t) or (t.lower() in determiners and j == i):
            j += 1
            continue
        break
    if j == i or (j == i + 1 and doc.words[i].text.lower() in determiners):
        return None
    return WordRange(i, j)


def _described_after(doc: Document, i: int, ceiling: int) -> WordRange | None:
    """A description right after an inverted cue, ``"...," said one Democrat familiar with
    the discussion`` or ``asked the boy``: a determiner (or "one") and the adjectives and
    nouns after it, up to the first word of another kind; the last noun ends it."""
    if not doc.parsed or i >= ceiling or \
            doc.words[i].text.lower() not in lexicons.words("article_possessive") | {"one",
                                                                                   "another"}:
        return None
    last = None
    j = i + 1
    while j < ceiling and doc.words[j].upos in ("ADJ", "NOUN", "PROPN", "NUM"):
        if doc.words[j].upos in ("NOUN", "PROPN"):
            last = j
        j += 1
    return None if last is None else WordRange(i, last + 1)


def _skip(doc: Document, i: int, step: int, lo: int, hi: int) -> int:
    while lo <= i < hi and _skippable(doc.words[i].text):
        i += step
    return i


@rule("adjacent")
def adjacent(ctx: Context, q: QuoteCandidate) -> Pick | None:
    doc, cues = ctx.doc, ctx.cues
    if q.first >= q.last:
        return None
    sent_lo = doc.sentence_of(q.first).first
    para = doc.paragraph_index(doc.words[q.first].start)
    hi = max(q.last, doc.paragraph_words(para)[1])
    # after the quote: , X said | , said X
    k = _skip(doc, q.last, 1, q.last, hi)
    if k < hi:
        if cues.is_cue(k):
            np = np_after(doc, k + 1, hi) or _described_after(doc, k + 1, hi)
            if np:
                return Pick(np.last - 1)
        else:
            np = np_after(doc, k, hi)
            if np and np.last < hi and cues.is_cue(np.last):
                return Pick(np.last - 1)
    # before the quote: X said: "..." | X said "..." | X said that "..."
    k = _skip(doc, q.first - 1, -1, sent_lo, q.first)
    if k >= sent_lo and doc.words[k].text.lower() == "that":
        k -= 1
    if k >= sent_lo and cues.is_cue(k) and _finite_cue(doc, k):
        np = _speaker_before(doc, k, sent_lo)
        if np:
            return Pick(np.last - 1)
    # a mixed quote inside the reported clause: X said Israel "will ..."
    if q.cue is not None and sent_lo <= q.cue < q.first and _finite_cue(doc, q.cue):
        np = _speaker_before(doc, q.cue, sent_lo)
        if np:
            return Pick(np.last - 1)
    return None


def _speaker_before(doc: Document, cue: int, floor: int) -> WordRange | None:
    """:func:`np_before` the cue, unless it ends in a day or a month ("dedicating the museum
    on Saturday, said ...": the subject is further left, for the tree to find)."""
    np = np_before(doc, cue, floor)
    if np and doc.words[np.last - 1].text.lower() in lexicons.non_names():
        return None
    return np


def _is_dash(token: str) -> bool:
    """A dash, alone or fused with the closing mark by the tokenizer (``”―``)."""
    return token == "--" or (any(ch in marks.DASHES for ch in token) and
                             all(ch in marks.ALL_MARKS or ch in marks.DASHES for ch in token))


@rule("trailing_dash")
def trailing_dash(ctx: Context, q: QuoteCandidate) -> Pick | None:
    doc = ctx.doc
    k = q.last
    while k < len(doc.words) and (marks.is_marks(doc.words[k].text) or
                                  doc.words[k].text in (",", ".")):
        k += 1
    if k < len(doc.words) and _is_dash(doc.words[k].text):
        para = doc.paragraph_index(doc.words[q.first].start)
        hi = max(k + 1, doc.paragraph_words(para)[1])
        np = np_after(doc, k + 1, hi)
        if np:
            return Pick(np.last - 1, firm=True)
    return None


@rule("transcript_label")
def transcript_label(ctx: Context, q: QuoteCandidate) -> Pick | None:
    """A transcript line: the quote starts with the speaker's name in capitals and a colon
    (``"PENCE: Well, look, ...``)."""
    doc = ctx.doc
    k = q.first
    while k < q.last and doc.words[k].text.isupper() and doc.words[k].text.isalpha():
        k += 1
    if k == q.first or k >= q.last or doc.words[k].text != ":" or k - q.first > 3:
        return None
    if layout.is_turn_label(doc, q.first):
        return None  # an interview's "Q:" or "A:", not a name
    return Pick(k - 1, firm=True)


@rule("headline_label")
def headline_label(ctx: Context, q: QuoteCandidate) -> Pick | None:
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
            doc.words[k].text.lower() not in lexicons.words("article_possessive"):
        k += 1
    if k == sent.first or k >= q.first or doc.words[k].text != ":":
        return None
    return Pick(k - 1, firm=True)


@rule("lead_in")
def lead_in(ctx: Context, q: QuoteCandidate) -> Pick | None:
    """A quote that opens its paragraph after a line ending in ':' names its speaker there."""
    doc, cues = ctx.doc, ctx.cues
    if q.first == 0:
        return None
    para = doc.paragraph_index(doc.words[q.first].start)
    prev = q.first - 1
    while prev >= 0 and marks.is_marks(doc.words[prev].text):
        prev -= 1
    if prev < 0 or doc.paragraph_index(doc.words[prev].start) != para - 1 or \
            doc.words[prev].text != ":":
        return None
    lo = min(prev, doc.paragraph_words(para - 1)[0])
    # a cue in the lead-in line: "Caddell continued:", "He said:", "said Smith:"
    for k in range(prev - 1, lo - 1, -1):
        if cues.is_cue(k):
            np = np_before(doc, k, lo) or np_after(doc, k + 1, prev)
            if np:
                return Pick(np.last - 1)
            break
    # the last name in the lead-in line: NER first, then a capitalised run
    for e in reversed(doc.entities_in(doc.words[lo].start, doc.words[prev].start)):
        if lo <= e.first and e.last <= prev and e.type in ("PERSON", "ORG", "GPE"):
            return Pick(e.last - 1)
    np = np_before(doc, prev, lo)
    if np:
        return Pick(np.last - 1)
    return None
