"""Cues: the speech and attribution words (said, told, warned, according to, ...) of a
document, found once, and their link to a quotation through the dependency parse.

The lexicon is the data file ``lexicons/cues.tsv``. :func:`find` reads every word of a
document once and returns :class:`Cues`, the value the later stages ask ("is word i a cue?",
"which cue governs this quote?"). Without a parse (fast mode) lemmas are guessed from the word
form, and linking falls back to the nearest cue in the sentence.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from . import lexicons
from .nlp.document import Document, Word
from .types import Span

__all__ = ["CueEntry", "Cues", "find", "lemma_guess", "lemma_of", "lexicon"]


@attrs.frozen
class CueEntry:
    lemma: str
    part: str  # verb | noun | phrase
    indirect: bool  # also introduces reported speech without quotation marks
    object: str = "content"  # what its direct object is: content | target | addressee


@functools.cache
def lexicon() -> Mapping[str, CueEntry]:
    """The cue lexicon, keyed by lemma (phrases by their words: "according to")."""
    return MappingProxyType({lemma: CueEntry(lemma, part, indirect, obj)
                             for lemma, part, indirect, obj in lexicons.cue_rows()})


def lemma_guess(form: str) -> str:
    """A verb lemma from a word form, for fast mode and for parsers that leave lemmas out."""
    w = form.lower()
    irregular = lexicons.irregular_verbs().get(w)
    if irregular is not None:
        return irregular
    lex = lexicon()
    if w in lex:
        return w
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""),
                         ("ed", "e"), ("es", ""), ("es", "e"), ("s", ""), ("d", "")):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            cand = w[: -len(suffix)] + repl
            if cand in lex:
                return cand
            if len(cand) > 2 and cand[-1] == cand[-2] and cand[:-1] in lex:  # snapped
                return cand[:-1]
    return w


def lemma_of(w: Word) -> str:
    """The word's lemma (the parser's, else guessed from its form), lower case."""
    return (w.lemma or lemma_guess(w.text)).lower()


def _entry(doc: Document, i: int) -> CueEntry | None:
    """The lexicon entry when word i is a cue (a speech verb, noun, or 'according')."""
    w = doc.words[i]
    lex = lexicon()
    if w.text.lower() == "according" and i + 1 < len(doc.words) and \
            doc.words[i + 1].text.lower() == "to":
        return lex.get("according to")
    lemma = (w.lemma or "").lower()
    entry = lex.get(lemma) or lex.get(lemma_guess(w.text))
    if entry is None:
        return None
    if doc.parsed and w.upos:
        # taggers trained on little data call some verbs nouns; accept a noun-tagged form
        # only when it is an inflected verb form (said, warned)
        if entry.part == "verb" and w.upos not in ("VERB", "AUX") and not (
                w.upos in ("NOUN", "PROPN", "ADJ") and _verb_form(doc, i)):
            return None
        if entry.part == "noun" and w.upos not in ("NOUN", "PROPN"):
            return None
    elif entry.part == "noun":
        return None
    return entry


def _verb_form(doc: Document, i: int) -> bool:
    """A speech verb the tagger called a noun (headlines: "Iran Accuses ..."): an inflected
    form not preceded by a determiner or preposition, or a participle between a comma and
    "that" (", warning that ...")."""
    form = doc.words[i].text.lower()
    prev = doc.words[i - 1].text.lower() if i > 0 else ""
    if form.endswith("ing"):
        # ", warning that it would ...": a participle opening a "that" clause
        following = doc.words[i + 1].text.lower() if i + 1 < len(doc.words) else ""
        return prev == "," and following == "that"
    if not form.endswith(("ed", "id", "ld", "s")) or form in lexicons.words("noun_form"):
        return False
    return prev not in lexicons.words("nominal_before")


@attrs.frozen
class Cues:
    """The cues of one document: each word's lexicon entry (None for a word that is no cue),
    read once by :func:`find`."""

    doc: Document
    entries: tuple[CueEntry | None, ...]

    def entry(self, i: int) -> CueEntry | None:
        """The lexicon entry of word i, or None when it is no cue."""
        return self.entries[i]

    def is_cue(self, i: int) -> bool:
        return self.entries[i] is not None

    def in_range(self, first: int, last: int) -> list[int]:
        """Cue words among words[first:last]."""
        return [i for i in range(first, last) if self.entries[i] is not None]

    def span(self, i: int) -> Span:
        """The words of the cue at word i: 'according to' is two words; 'point out' keeps its
        particle."""
        doc = self.doc
        w = doc.words[i]
        last = i + 1
        if w.text.lower() == "according" and i + 1 < len(doc.words):
            last = i + 2
        elif doc.parsed:
            for c in doc.children_by(i, "compound:prt"):
                if c == i + 1:
                    last = c + 1
        return doc.span_of(i, last)

    def link(self, qfirst: int, qlast: int) -> int | None:
        """The cue that governs the quotation whose words are words[qfirst:qlast], by the
        tree.

        Looks at the words outside the quote that the quote's top words attach to (the verb
        whose complement is the quote), then at words attached to the quote's root
        (parataxis: ``"...," Austin said``), then up to three levels of ancestors.
        """
        doc = self.doc
        if not doc.parsed or qfirst >= qlast:
            return None
        inside = range(qfirst, qlast)
        tops = doc.top_words(qfirst, qlast)
        attached = [c for t in tops for c in doc.children(t)
                    if c not in inside and self.is_cue(c) and
                    doc.words[c].deprel.split(":")[0] in (
                        "parataxis", "advcl", "conj", "ccomp", "xcomp", "acl", "dep")]
        # a cue right before the opening mark ('the mother of three replied, "It's meant
        # ..."') is the quote's, whatever clause further out the tree hangs the quote on
        for c in attached:
            if c < qfirst and all(not doc.words[k].text[:1].isalnum()
                                  for k in range(c + 1, qfirst)):
                return c
        for t in tops:
            h = doc.words[t].head
            if h >= 0 and self.is_cue(h):
                return h
        if attached:
            # the nearest; a subordinate clause ("When Clinton noted ..., Trump boasted,
            # '...'") only when no speech verb stands nearer the quote
            best = min(attached, key=lambda c: qfirst - c if c < qfirst else c - qlast)
            if any(doc.words[m].text.lower() in lexicons.words("subordinator")
                   for m in doc.children(best)
                   if doc.words[m].deprel in ("mark", "advmod") and m < best):
                near = self.nearest(qfirst, qlast, prefer_after=False, max_after=0)
                if near is not None and (near > best or best >= qlast) and near < qfirst:
                    # 'footage of Trump saying ..., "That makes me smart," when Clinton
                    # blasted him': the subordinate clause after the quote is not its cue
                    return near
            return best
        for t in tops:
            for k, a in enumerate(doc.ancestors(t)):
                if k >= 3:
                    break
                if a not in inside and self.is_cue(a):
                    return a
        return None

    def nearest(self, qfirst: int, qlast: int, prefer_after: bool,
                max_after: int = 6) -> int | None:
        """The nearest cue in the quote's sentence(s) outside the quote, by word distance; a
        cue after the quote counts only within ``max_after`` words (``"...," the senator
        said``)."""
        doc = self.doc
        if qfirst >= qlast:
            return None
        s_first = doc.sentence_of(qfirst).first
        s_last = doc.sentence_of(qlast - 1).last
        best: tuple[float, int] | None = None
        for i in range(s_first, s_last):
            if qfirst <= i < qlast or not self.is_cue(i):
                continue
            after = i >= qlast
            dist = (i - qlast) if after else (qfirst - i)
            if after and dist > max_after:
                continue
            score = dist + (0 if after == prefer_after else 0.5)
            if best is None or score < best[0]:
                best = (score, i)
        return None if best is None else best[1]


def find(doc: Document) -> Cues:
    """The cues of ``doc``: every word looked up in the lexicon once."""
    return Cues(doc, tuple(_entry(doc, i) for i in range(len(doc.words))))
