"""Cues: the speech and attribution words (said, told, warned, according to, ...) and their
link to a quotation through the dependency parse.

The lexicon is the data file ``lexicons/cues.tsv``. Without a parse (fast mode) lemmas are
guessed from the word form, and linking falls back to the nearest cue in the sentence.
"""

from __future__ import annotations

import functools
from importlib import resources

import attrs

from .nlp.document import Document, Word
from .types import Span


@attrs.frozen
class CueEntry:
    lemma: str
    part: str  # verb | noun | phrase
    indirect: bool  # also introduces reported speech without quotation marks


@functools.cache
def lexicon() -> dict[str, CueEntry]:
    """The cue lexicon, keyed by lemma (phrases by their first word's lemma + rest)."""
    out: dict[str, CueEntry] = {}
    data = resources.files("quoteattr") / "lexicons" / "cues.tsv"
    for line in data.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, part, indirect = (line.split("\t") + ["", ""])[:3]
        out[lemma.strip()] = CueEntry(lemma.strip(), part.strip(), indirect.strip() == "yes")
    return out


_IRREGULAR = {
    "said": "say", "says": "say", "saying": "say", "told": "tell", "wrote": "write",
    "written": "write", "writes": "write", "writing": "write", "spoke": "speak",
    "cried": "cry", "replied": "reply", "denied": "deny", "testified": "testify",
    "implied": "imply", "quipped": "quip", "snapped": "snap", "admitted": "admit",
    "committed": "commit", "put": "put", "began": "begin", "begun": "begin",
}


def lemma_guess(form: str) -> str:
    """A verb lemma from a word form, for fast mode and for parsers that leave lemmas out."""
    w = form.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
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


def cue_entry(doc: Document, i: int) -> CueEntry | None:
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


_NOMINAL_BEFORE = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this",
                   "that", "these", "those", "of", "in", "for", "'s", "’s"}


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
    if not form.endswith(("ed", "id", "ld", "s")) or form in ("comments", "remarks", "words"):
        return False
    return prev not in _NOMINAL_BEFORE


def is_cue(doc: Document, i: int) -> bool:
    return cue_entry(doc, i) is not None


def cue_span(doc: Document, i: int) -> Span:
    """The words of the cue at word i: 'according to' is two words; 'point out' keeps its
    particle."""
    w = doc.words[i]
    last = i + 1
    if w.text.lower() == "according" and i + 1 < len(doc.words):
        last = i + 2
    elif doc.parsed:
        for c in doc.children_by(i, "compound:prt"):
            if c == i + 1:
                last = c + 1
    return doc.span_of(i, last)


def cue_words(doc: Document, first: int, last: int) -> list[int]:
    """Cue words among words[first:last]."""
    return [i for i in range(first, last) if is_cue(doc, i)]


#: words that open a subordinate clause ("When Clinton noted ...", "as Iran accuses ...")
SUBORDINATORS = {"as", "when", "while", "after", "before", "because", "since", "if",
                 "although", "though", "where", "whereas"}


def link(doc: Document, qfirst: int, qlast: int) -> int | None:
    """The cue that governs the quotation whose words are words[qfirst:qlast], by the tree.

    Looks at the words outside the quote that the quote's top words attach to (the verb whose
    complement is the quote), then at words attached to the quote's root (parataxis:
    ``"...," Austin said``), then up to three levels of ancestors.
    """
    if not doc.parsed or qfirst >= qlast:
        return None
    inside = range(qfirst, qlast)
    tops = doc.top_words(qfirst, qlast)
    attached = [c for t in tops for c in doc.children(t)
                if c not in inside and is_cue(doc, c) and doc.words[c].deprel.split(":")[0] in (
                    "parataxis", "advcl", "conj", "ccomp", "xcomp", "acl", "dep")]
    # a cue right before the opening mark ('the mother of three replied, "It's meant ..."')
    # is the quote's, whatever clause further out the tree hangs the quote on
    for c in attached:
        if c < qfirst and all(not doc.words[k].text[:1].isalnum() for k in range(c + 1, qfirst)):
            return c
    for t in tops:
        h = doc.words[t].head
        if h >= 0 and is_cue(doc, h):
            return h
    if attached:
        # the nearest; a subordinate clause ("When Clinton noted ..., Trump boasted, '...'")
        # only when no speech verb stands nearer the quote
        best = min(attached, key=lambda c: qfirst - c if c < qfirst else c - qlast)
        if any(doc.words[m].text.lower() in SUBORDINATORS for m in doc.children(best)
               if doc.words[m].deprel in ("mark", "advmod") and m < best):
            near = nearest(doc, qfirst, qlast, prefer_after=False, max_after=0)
            if near is not None and (near > best or best >= qlast) and near < qfirst:
                # 'footage of Trump saying ..., "That makes me smart," when Clinton blasted
                # him': the subordinate clause after the quote is not its attribution
                return near
        return best
    for t in tops:
        for k, a in enumerate(doc.ancestors(t)):
            if k >= 3:
                break
            if a not in inside and is_cue(doc, a):
                return a
    return None


def nearest(doc: Document, qfirst: int, qlast: int, prefer_after: bool,
            max_after: int = 6) -> int | None:
    """The nearest cue in the quote's sentence(s) outside the quote, by word distance; a cue
    after the quote counts only within ``max_after`` words (``"...," the senator said``)."""
    if qfirst >= qlast:
        return None
    s_first = doc.sentence_of(qfirst).first
    s_last = doc.sentence_of(qlast - 1).last
    best: tuple[float, int] | None = None
    for i in range(s_first, s_last):
        if qfirst <= i < qlast or not is_cue(doc, i):
            continue
        after = i >= qlast
        dist = (i - qlast) if after else (qfirst - i)
        if after and dist > max_after:
            continue
        score = dist + (0 if after == prefer_after else 0.5)
        if best is None or score < best[0]:
            best = (score, i)
    return None if best is None else best[1]


def lemma_of(w: Word) -> str:
    return (w.lemma or lemma_guess(w.text)).lower()
