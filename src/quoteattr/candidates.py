"""Quote candidates: every stretch that may be a quotation, before its speaker is known.

* direct and mixed quotes from the quotation marks (:mod:`quoteattr.marks`): their kind
  (a whole utterance, or quoted words inside a reporting clause) and their cue;
* indirect quotes, the reported clauses of speech cues (:mod:`quoteattr.indirect`).

A quotation over several paragraphs stays one candidate (resolved once, reported one quote
per paragraph), unless its paragraphs are transcript turns. Titles and names in quotation
marks after a naming word ("the film "Casablanca"") are no candidates. :func:`find` returns
them in text order with their ids.
"""

from __future__ import annotations

import bisect

import attrs
import regex

from . import indirect, lexicons, marks
from .cues import Cues, lemma_of
from .nlp.document import Document
from .values import CharRange, QuoteCandidate, QuoteId, WordRange

__all__ = ["find", "marked"]

_TERMINAL = frozenset(",.!?…:;—–-")
_TRANSCRIPT_LABEL = regex.compile(r"[A-Z][A-Z.'\- ]{1,40}:\s")


def find(doc: Document, cues: Cues) -> tuple[QuoteCandidate, ...]:
    """Every candidate quote of ``doc`` (direct, mixed, indirect) in text order; a candidate's
    id is its place in that order."""
    found = marked(doc, cues)
    taken = {c.cue for c in found if c.cue is not None}
    found += indirect.find(doc, cues, taken, [c.chars for c in found])
    found.sort(key=lambda c: (c.start, c.end))
    return tuple(attrs.evolve(c, id=QuoteId(k)) for k, c in enumerate(found))


def marked(doc: Document, cues: Cues) -> list[QuoteCandidate]:
    """Direct and mixed quotes from the quotation marks, with kind and cue (ids not yet
    given: -1)."""
    out = []
    found = marks.find_quotations(doc.text)
    tops = sorted((m for m in found if m.depth == 0), key=lambda m: m.open_start)
    top_starts = [m.open_start for m in tops]
    for m in (piece for q in found for piece in _transcript_turns(doc, q)):
        if (m.depth != 0 and not _nested_in_own_style(m, tops, top_starts)) or \
                not doc.text[m.start:m.end].strip():
            continue
        words = doc.words_in(m.start, m.end)
        if not words:
            continue
        first, last = words[0], words[-1] + 1
        if _is_naming(doc, m, first):
            continue
        kind = _kind(doc, m, first)
        cue = cues.link(first, last)
        if cue is None:
            # quoted words inside a clause are that clause's: with a tree that links them to
            # no cue, a cue after them heads another clause ("US reinforces 'ironclad' ties
            # as Iran accuses ...")
            after = 0 if kind == "mixed" and doc.parsed else 6
            cue = cues.nearest(first, last, prefer_after=(kind == "direct"), max_after=after)
            if cue is not None and _other_quote_between(doc, m, cue, tops, top_starts):
                cue = None
        chars = _trim(doc.text, CharRange(m.start, m.end))
        out.append(QuoteCandidate(QuoteId(-1), chars, kind, WordRange(first, last), cue, m,
                                  _pieces(doc, chars) if m.paragraphs > 1 else ()))
    return out


def _nested_in_own_style(m: marks.QuotedSpan, tops: list[marks.QuotedSpan],
                         top_starts: list[int]) -> bool:
    """A double quotation directly inside another (``“... what he calls “hell” than ...”``):
    a quote of its own, where a single one inside double marks is part of its quote (on
    PolNeAR train, annotators marked all 5 of the first and none of the 302 of the second)."""
    if m.depth != 1 or m.style != "double":
        return False
    k = bisect.bisect_right(top_starts, m.open_start) - 1
    return k >= 0 and tops[k].style == "double" and tops[k].close_end >= m.close_end


def _transcript_turns(doc: Document, m: marks.QuotedSpan) -> list[marks.QuotedSpan]:
    """A quotation over several paragraphs stays one quote (the convention for a long
    statement), unless its paragraphs are transcript turns (``"WALLACE: ...`` then
    ``"PENCE: ...``): then each paragraph is a quote of its own."""
    if m.paragraphs <= 1:
        return [m]
    pieces = _pieces(doc, CharRange(m.start, m.end))
    if len(pieces) < 2 or not any(_TRANSCRIPT_LABEL.match(doc.text, p.start)
                                  for p in pieces[1:]):
        return [m]
    out = []
    for k, p in enumerate(pieces):
        s, e = p.start, p.end
        opening = s - 1 if s > 0 and doc.text[s - 1] in marks.ALL_MARKS else s
        last = k == len(pieces) - 1
        out.append(attrs.evolve(m, start=s, end=m.end if last else e, open_start=opening,
                                close_end=m.close_end if last else e,
                                closed=m.closed if last else False, paragraphs=1))
    return out


def _pieces(doc: Document, chars: CharRange) -> tuple[CharRange, ...]:
    """The quoted characters of each paragraph of a quotation that runs over several."""
    out = []
    start, end = chars.start, chars.end
    first, last = doc.paragraph_index(start), doc.paragraph_index(max(start, end - 1))
    for p in doc.paragraphs[first:last + 1]:
        s, e = max(start, p.start), min(end, p.end)
        if s >= e:
            continue
        while s < e and (doc.text[s] in marks.ALL_MARKS or doc.text[s].isspace()):
            s += 1
        piece = _trim(doc.text, CharRange(s, e))
        if piece.start < piece.end:
            out.append(piece)
    return tuple(out)


def _trim(text: str, chars: CharRange) -> CharRange:
    """The range without the white space at its ends."""
    start, end = chars.start, chars.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return CharRange(start, end)


def _is_naming(doc: Document, m: marks.QuotedSpan, first: int) -> bool:
    """'a man who goes by the name "Shorty"', 'the film "Casablanca"': not speech."""
    content = doc.text[m.start:m.end].strip()
    n_words = len(content.split())
    if n_words > 6 or content[-1:] in _TERMINAL:
        return False
    prev = first - 1
    while prev >= 0 and marks.is_marks(doc.words[prev].text):
        prev -= 1
    if prev < 0:
        return False
    before = doc.words[prev].text.lower()
    small = lexicons.words("title_small_word")
    capitalised = all(w[:1].isupper() or w.lower() in small for w in content.split())
    if before in lexicons.words("naming_before") and capitalised:
        return True
    return before in lexicons.words("naming_verb") and capitalised and \
        lemma_of(doc.words[prev]) in lexicons.words("naming_lemma") and \
        prev > 0 and doc.words[prev - 1].text.lower() in lexicons.words("naming_verb_before")


def _kind(doc: Document, m: marks.QuotedSpan, first: int) -> str:
    """direct: the quote is a whole utterance; mixed: quoted words inside a reporting clause."""
    content = doc.text[m.start:m.end].strip()
    if not content:
        return "mixed"
    starts_upper = content[0].isupper() or content[0].isdigit() or content.startswith(
        ("...", "…", "[", "'", "‘", '"'))
    ends_clause = content[-1] in _TERMINAL
    if m.paragraphs > 1:
        return "direct"
    # text of the sentence before the opening mark
    sent = doc.sentence_of(first)
    before = doc.text[sent.start:m.open_start].strip()
    if not starts_upper:
        return "mixed"
    if ends_clause:
        return "direct"
    # 'X said: "Full sentence here".' or a quote that is its whole sentence
    if not before or before.endswith((":", ",")):
        return "direct"
    return "mixed"


def _other_quote_between(doc: Document, m: marks.QuotedSpan, cue: int,
                         tops: list[marks.QuotedSpan], top_starts: list[int]) -> bool:
    """Whether another top-level quotation lies between quotation m and the cue word
    (``tops`` sorted by ``open_start``, which ``top_starts`` lists)."""
    pos = doc.words[cue].start
    lo, hi = (m.close_end, pos) if pos >= m.close_end else (pos, m.open_start)
    k = bisect.bisect_left(top_starts, lo)
    while k < len(tops) and tops[k].open_start < hi:
        if tops[k] is not m and tops[k].close_end <= hi:
            return True
        k += 1
    return False
