"""Reported (indirect) speech: clauses introduced by a speech cue without quotation marks.

* ``Iran blamed Israel for a sabotage attack ...`` -> the object and its ``for`` phrase;
* ``warning that it would take revenge`` / ``media reported a cyberattack caused ...`` -> the
  complement clause (with its ``that``);
* ``The talks failed, officials said.`` -> the clause before the comma;
* ``The museum, Mr. Obama said, would ...`` -> the sentence around the attribution;
* ``according to officials, the talks failed`` -> the clause that ``according to`` modifies.

Needs the dependency tree; fast mode finds no indirect quotes.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import lexicons
from .cues import CueEntry, Cues
from .nlp.document import Document, Word
from .values import CharRange, QuoteCandidate, QuoteId, WordRange

_CLAUSE = ("ccomp",)


def find(doc: Document, cues: Cues, taken: set[int],
         quoted: Sequence[CharRange]) -> list[QuoteCandidate]:
    """Indirect quotes in doc (ids not yet given: -1). ``taken``: cue words already used by
    direct/mixed quotes; ``quoted``: the characters of quotation marks' content (indirect
    content never overlaps them)."""
    if not doc.parsed:
        return []
    out: list[QuoteCandidate] = []
    for i in range(len(doc.words)):
        entry = cues.entry(i)
        if entry is None or not entry.indirect:
            continue
        if i in taken:
            # a cue a quotation already uses may still introduce a "that" clause beside it
            # (told MSNBC's "Morning Joe" that nobody would ...)
            span = _complement(doc, cues, i)
            if span is None or doc.words[span.first].text.lower() != "that":
                continue
        else:
            span = _content(doc, cues, i, entry)
        if span is None or len(span) < 3 or _negated(doc, i) or _evidence_of_a_thing(doc, i, entry):
            continue
        chars = CharRange(doc.words[span.first].start, doc.words[span.last - 1].end)
        if any(q.overlaps(chars) for q in quoted):
            continue
        out.append(QuoteCandidate(QuoteId(-1), chars, "indirect", span, i, None))
    return out


def _negated(doc: Document, cue: int) -> bool:
    """A denied act reports no speech: "Israel has not claimed responsibility", "she never
    said that ..."."""
    return any(doc.words[c].deprel.split(":")[0] == "advmod" and
               doc.words[c].text.lower() in lexicons.words("negation")
               for c in doc.children(cue))


def _evidence_of_a_thing(doc: Document, cue: int, entry: CueEntry) -> bool:
    """An evidence verb whose subject is a thing, not a speaker: "its media activity
    suggests ...", "the data show ..." (but "the minister suggested ...", "Iran indicated
    ...")."""
    if entry.lemma not in lexicons.words("evidence_cue"):
        return False
    subjects = doc.children_by(cue, "nsubj")
    if not subjects:
        return False
    w = doc.words[subjects[0]]
    ent = doc.entity_at(w.index)
    if w.upos == "PROPN" or (ent is not None and ent.type in ("PERSON", "ORG", "GPE")):
        return False
    if w.upos == "PRON":
        return w.text.lower() in ("it", "this", "that", "which")
    return w.upos == "NOUN" and not roles_person_noun(w.text.lower())


def roles_person_noun(word: str) -> bool:
    """Whether a common noun names people ("officials", "the minister"): through roles."""
    from .roles import is_person_noun

    return is_person_noun(word)


def _content(doc: Document, cues: Cues, cue: int, entry: CueEntry) -> WordRange | None:
    if entry.lemma == "according to":
        return _according_clause(doc, cue)
    around = _parenthetical(doc, cue)
    if around is not None:
        return around
    complement = _complement(doc, cues, cue)
    if complement is not None:
        return complement
    fronted = _fronted_content(doc, cues, cue)
    if fronted is not None:
        return fronted
    if entry.object != "target":
        # a misparsed complement ("reported a cyberattack ... caused the blackout" read as
        # object + clause): the cue's right dependents, when they hold a verb
        parts = ["obj", "xcomp", "advcl", "parataxis", "dep", "conj"]
        if entry.object != "addressee":
            parts.append("iobj")  # "said the union expected ...": no one is said *to*
        right = [c for c in doc.children(cue) if c > cue
                 and doc.words[c].deprel.split(":")[0] in parts]
        clause = sorted({k for c in right for k in doc.subtree(c) if k > cue})
        if clause:
            clause = sorted(set(clause) | _stranded_predicate(doc, clause[-1] + 1))
        if len(clause) >= 4 and any(doc.words[k].upos in ("VERB", "AUX") for k in clause) and \
                clause[0] <= cue + 2:
            return _trim(doc, clause, cues)
    if cue + 1 < len(doc.words) and doc.words[cue + 1].text.lower() == "that" and \
            all(doc.words[c].upos == "PUNCT" for c in doc.children(cue)):
        # "warning that it would ..." with the cue tagged a noun and nothing hung on it: the
        # words from "that" to the end of the sentence
        sent = doc.sentence_of(cue)
        return _trim(doc, list(range(cue + 1, sent.last)), cues)
    if entry.object == "addressee":
        addressed = _clause_on_addressee(doc, cues, cue)
        if addressed is not None:
            return addressed
    else:
        objs = [c for c in doc.children(cue) if doc.words[c].deprel == "obj" and c > cue
                and doc.words[c].upos in ("NOUN", "PROPN", "NUM")]
        if objs:
            words = set(doc.subtree(objs[0]))
            words |= _stranded_predicate(doc, max(words) + 1)
            for c in doc.children(cue):
                if c > objs[0] and doc.words[c].deprel.startswith("obl") and any(
                        doc.words[k].text.lower() in lexicons.words("content_preposition")
                        for k in doc.children_by(c, "case")):
                    words.update(doc.subtree(c))
            return _trim(doc, sorted(words), cues)
    return None


def _clause_on_addressee(doc: Document, cues: Cues, cue: int) -> WordRange | None:
    """``told a meeting of Pacific Island leaders that few people understood ...``, parsed with
    the "that" clause hung on the addressee: that clause."""
    for c in doc.children(cue):
        if c < cue or doc.words[c].deprel.split(":")[0] not in ("obj", "iobj"):
            continue
        for k in doc.subtree(c):
            if k == c or doc.words[k].upos not in ("VERB", "AUX"):
                continue
            clause = doc.subtree(k)
            if doc.words[min(clause)].text.lower() == "that" and min(clause) > c:
                # with whatever else the parser hung on the addressee after the "that"
                rest = [j for j in doc.subtree(c) if j > min(clause)]
                return _trim(doc, sorted(set(clause) | set(rest)), cues)
    return None


_FINITE = {"VBD", "VBZ", "VBP"}


def _stranded_predicate(doc: Document, k: int) -> set[int]:
    """``reported a cyberattack orchestrated by the country caused the blackout``, parsed with
    "a cyberattack ..." as the object and "caused" hung elsewhere: a finite verb right after
    the object, with no subject of its own, is the rest of the reported clause. Its words
    from k on; empty when word k is no such verb."""
    if k >= len(doc.words) or doc.words[k].xpos not in _FINITE or \
            doc.words[k].sent != doc.words[k - 1].sent or \
            any(doc.words[c].deprel.startswith(("nsubj", "expl")) for c in doc.children(k)):
        return set()
    return {j for j in doc.subtree(k) if j >= k}


# relations a parser gives to pieces of a misparsed complement clause
_CLAUSE_PARTS = ("ccomp", "advcl", "conj", "parataxis", "obj", "xcomp", "dep")


def _complement(doc: Document, cues: Cues, cue: int) -> WordRange | None:
    """``said (that) the plan failed``: the complement clause after the cue, with the pieces a
    parser splits it into ("said she thinks | America is strongest" as two complements;
    "said the politics | surrounding ... would be" as object and complement)."""
    kids = [c for c in doc.children(cue) if c > cue]
    clauses = [c for c in kids if doc.words[c].deprel in _CLAUSE]
    if not clauses:
        return None
    first = clauses[0]
    words = set(doc.subtree(first))
    for c in kids:
        rel = doc.words[c].deprel.split(":")[0]
        if c > first and rel in _CLAUSE_PARTS:
            words.update(doc.subtree(c))
        elif c < first and rel == "obj" and max(doc.subtree(c)) + 1 >= min(words):
            words.update(doc.subtree(c))  # the clause's subject parsed as the cue's object
    # words the parser hung on the cue from inside the clause ("noted that, like him, Mrs.
    # Clinton had been ..." with "like him" on "noted") are still the clause's words
    words.update(range(min(words), max(words)))
    return _trim(doc, sorted(words), cues)


def _fronted_content(doc: Document, cues: Cues, cue: int) -> WordRange | None:
    """``The talks failed, officials said.`` / ``..., said a spokesman.``: the reported clause
    opens the sentence and the cue clause follows it after a comma (parsed as the cue's
    complement on its left, or the cue as the clause's parataxis or conjunct)."""
    w = doc.words[cue]
    sent = doc.sentence_of(cue)
    subj = [c for c in doc.children(cue) if doc.words[c].deprel.startswith("nsubj") and c < cue]
    clause_start = min(doc.subtree(subj[0])) if subj else cue
    rel = w.deprel.split(":")[0]
    if rel == "root":
        if not any(doc.words[c].deprel in _CLAUSE and c < clause_start
                   for c in doc.children(cue)):
            return None
    elif rel not in ("parataxis", "conj", "advcl", "ccomp") or not 0 <= w.head < clause_start:
        return None
    comma = clause_start - 1
    while comma > sent.first and doc.words[comma].text in ("\"", "”", "’", "'"):
        comma -= 1
    if comma <= sent.first + 2 or doc.words[comma].text != ",":
        return None
    # the cue clause ends the sentence (or is followed only by its own modifiers)
    if any(doc.words[k].upos == "VERB" and k not in doc.subtree(cue)
           for k in range(cue + 1, sent.last)):
        return None
    return _trim(doc, list(range(sent.first, comma)), cues)


def _according_clause(doc: Document, cue: int) -> WordRange | None:
    """The sentence around ``according to X``, without that phrase: the longer side when the
    phrase sits in the middle."""
    noun = doc.words[cue].head
    if noun < 0:
        return None
    phrase = set(doc.subtree(noun)) | {cue, cue + 1}
    lo, hi = min(phrase), max(phrase)
    sent = doc.sentence_of(cue)
    left = list(range(sent.first, lo))
    right = list(range(hi + 1, sent.last))
    words = left if len(left) > len(right) else right
    return _trim(doc, words, None)


def _parenthetical(doc: Document, cue: int) -> WordRange | None:
    """``The museum, Mr. Obama said, would make ...``: a cue clause between commas inside the
    reported sentence; the content is the whole sentence (the attribution inside it)."""
    sent = doc.sentence_of(cue)
    own = doc.subtree(cue)
    subj = [c for c in doc.children(cue) if doc.words[c].deprel.startswith("nsubj")
            and c < cue]
    if len(subj) > 1:  # "The museum, Obama said, ...": the first subject is the content's
        subj = subj[-1:]
    lo = min([cue, *[k for c in subj for k in doc.subtree(c)]])
    hi = cue
    while hi + 1 < sent.last and hi + 1 in own and doc.words[hi + 1].text != ",":
        hi += 1
    framed = lo - 1 > sent.first and hi + 1 < sent.last - 1 and \
        doc.words[lo - 1].text == "," and doc.words[hi + 1].text == ","
    if not framed and not _between_commas(doc, cue):
        return None
    return _trim(doc, list(range(sent.first, sent.last)), None)


_NAME_TAGS = ("PROPN", "PRON", "NOUN", "DET", "ADJ", "PUNCT")


def _between_commas(doc: Document, cue: int) -> bool:
    """The surface shape ``The museum, Mr. Obama said, would ...`` when the parser hung the
    attribution elsewhere (the name as an apposition of "museum", the cue as the root): a
    comma, a short noun phrase, the cue, a comma, with sentence on both sides."""
    sent = doc.sentence_of(cue)
    if cue + 2 >= sent.last or doc.words[cue + 1].text != ",":
        return False
    for j in range(cue - 1, max(sent.first, cue - 6) - 1, -1):
        if doc.words[j].text == ",":
            return j - 1 > sent.first and j < cue - 1
        if doc.words[j].upos not in _NAME_TAGS:
            return False
    return False


def _participle(w: Word) -> bool:
    """', warning that ...' starts a participle clause: the reported content ends before (an
    -ing form counts whatever its tag: taggers call some participles nouns)."""
    return w.xpos in ("VBG", "VBN") or w.text.endswith("ing")


def _trim(doc: Document, words: list[int], cues: Cues | None) -> WordRange | None:
    """The contiguous run of ``words`` from the first, without punctuation and conjunctions
    at its edges. With ``cues``, the run also stops at a comma before a participle that is
    itself a cue (", warning that ...": another report)."""
    if not words:
        return None
    first = min(words)
    run = sorted(words)
    end = first
    for k in run:
        if k > end + 1 or (cues is not None and doc.words[k].text == "," and
                           k + 1 < len(doc.words) and _participle(doc.words[k + 1]) and
                           cues.is_cue(k + 1)):
            break
        end = k
    last = end
    while first <= last and doc.words[first].upos in ("PUNCT", "CCONJ"):
        first += 1
    while last >= first and doc.words[last].upos == "PUNCT":
        last -= 1
    if last < first:
        return None
    return WordRange(first, last + 1)
