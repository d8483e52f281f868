"""Reported (indirect) speech: clauses introduced by a speech cue without quotation marks.

* ``Iran blamed Israel for a sabotage attack ...`` -> the object and its ``for`` phrase;
* ``warning that it would take revenge`` / ``media reported a cyberattack caused ...`` -> the
  complement clause (with its ``that``);
* ``according to officials, the talks failed`` -> the clause that ``according to`` modifies.

Needs the dependency tree; fast mode finds no indirect quotes.
"""

from __future__ import annotations

from . import cues
from .nlp.document import Document, Word
from .resolvers.base import Candidate

_CLAUSE = ("ccomp",)
_OBJECT_CUES = {"blame", "accuse", "criticize", "criticise", "praise", "condemn", "charge"}


def find(doc: Document, taken: set[int], quoted: list[tuple[int, int]]) -> list[Candidate]:
    """Indirect quotes in doc. ``taken``: cue words already used by direct/mixed quotes;
    ``quoted``: character spans of quotation marks' content (indirect content never
    overlaps them)."""
    if not doc.parsed:
        return []
    out: list[Candidate] = []
    for i, w in enumerate(doc.words):
        if i in taken:
            continue
        entry = cues.cue_entry(doc, i)
        if entry is None or not entry.indirect:
            continue
        span = _content(doc, i, cues.lemma_of(w))
        if span is None:
            continue
        first, last = span
        s, e = doc.words[first].start, doc.words[last - 1].end
        if any(qs < e and s < qe for qs, qe in quoted):
            continue
        if last - first < 3:
            continue
        out.append(Candidate(s, e, "indirect", first, last, i, None))
    return out


def _content(doc: Document, cue: int, lemma: str) -> tuple[int, int] | None:
    if lemma == "according to" or doc.words[cue].text.lower() == "according":
        return _according_clause(doc, cue)
    for c in doc.children(cue):
        if doc.words[c].deprel in _CLAUSE and c > cue:
            return _trim(doc, doc.subtree(c))
    if lemma not in _OBJECT_CUES:
        # a misparsed complement ("reported a cyberattack ... caused the blackout" read as
        # object + clause): the cue's right dependents, when they hold a verb
        right = [c for c in doc.children(cue) if c > cue and doc.words[c].deprel.split(":")[0]
                 in ("obj", "xcomp", "advcl", "parataxis", "dep")]
        clause = sorted({k for c in right for k in doc.subtree(c)})
        if len(clause) >= 4 and any(doc.words[k].upos in ("VERB", "AUX") for k in clause) and \
                clause[0] <= cue + 2:
            return _trim(doc, clause)
    if lemma in _OBJECT_CUES:
        objs = [c for c in doc.children(cue) if doc.words[c].deprel == "obj" and c > cue]
        if objs:
            words = set(doc.subtree(objs[0]))
            for c in doc.children(cue):
                if c > objs[0] and doc.words[c].deprel.startswith("obl") and any(
                        doc.words[k].text.lower() in ("for", "of", "over")
                        for k in doc.children_by(c, "case")):
                    words.update(doc.subtree(c))
            return _trim(doc, sorted(words))
    return None


def _according_clause(doc: Document, cue: int) -> tuple[int, int] | None:
    noun = doc.words[cue].head
    if noun < 0:
        return None
    clause = doc.words[noun].head
    if clause < 0:
        return None
    phrase = set(doc.subtree(noun))
    words = [k for k in doc.subtree(clause) if k not in phrase]
    return _trim(doc, words)


def _participle(w: Word) -> bool:
    """', warning that ...' starts a participle clause: the reported content ends before."""
    return w.xpos in ("VBG", "VBN") or (w.upos == "VERB" and w.text.endswith("ing"))


def _trim(doc: Document, words: list[int]) -> tuple[int, int] | None:
    if not words:
        return None
    first, last = min(words), max(words)
    # keep a contiguous run; stop at a clause boundary comma followed by a participle
    run = sorted(words)
    end = first
    for k in run:
        if k > end + 1 or (doc.words[k].text == "," and k + 1 < len(doc.words)
                           and _participle(doc.words[k + 1])):
            break
        end = k
    last = end
    while first <= last and doc.words[first].upos in ("PUNCT", "CCONJ"):
        first += 1
    while last >= first and doc.words[last].upos == "PUNCT":
        last -= 1
    if last < first:
        return None
    return first, last + 1
