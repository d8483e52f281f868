"""Speaker candidates: the words that can refer to a speaker, and their type.

A mention is a contiguous run of words: a name (NER or a capitalised run), a noun phrase
("The US defence secretary", "media there"), or a pronoun. Given the head word a resolver
chose, :func:`mention_bounds` finds the words of the mention, and :func:`full_bounds` the same
noun phrase with its apposition, where roles are read ("The Israeli military chief, Aviv
Kochavi").
"""

from __future__ import annotations

import functools

import regex

from . import cues, lexicons
from .nlp.document import Document

# relations that leave the noun phrase (clauses, coordination, punctuation around it)
_OUTSIDE_NP = {"acl", "advcl", "parataxis", "dep", "cc", "conj", "punct", "appos", "case",
               "discourse", "vocative", "reparandum", "list", "orphan", "mark", "obl", "nmod",
               # the clause around a predicate noun ("There has been no statement")
               "expl", "cop", "aux"}
_KEEP_NMOD = {"nmod:poss", "nmod:npmod", "nmod:tmod"}


@functools.cache
def pronouns() -> dict[str, tuple[str, str]]:
    """Pronoun -> (gender m|f|n|x, number sg|pl), from lexicons/pronouns.tsv."""
    return {w: (g, n) for w, (g, n, _person) in lexicons.pronouns().items()}


def is_pronoun(doc: Document, first: int, last: int) -> bool:
    return last - first == 1 and doc.words[first].text.lower() in pronouns()


def mention_bounds(doc: Document, head: int) -> tuple[int, int]:
    """Words [first, last) of the mention headed by word ``head``, without apposition.

    When the head is a description and its apposition is a name ("The Israeli military
    chief, Aviv Kochavi"), the name is the mention.
    """
    first, last = _np(doc, head, with_appos=False)
    if doc.parsed and not _has_name(doc, first, last):
        for a in doc.children_by(head, "appos"):
            af, al = _np(doc, a, with_appos=False)
            if _has_name(doc, af, al):
                return _without_verb(doc, head, *_extend_name(doc, af, al))
        named = _apposed_name(doc, last)
        if named is not None:
            return _without_verb(doc, head, *named)
    return _without_verb(doc, head, *_extend_name(doc, first, last))


def _without_verb(doc: Document, head: int, first: int, last: int) -> tuple[int, int]:
    """A mention never runs over a speech verb the tagger called a noun, as in headlines:
    "Chris Christie Calls/NOUN Hillary Clinton 'A Disgrace'" is "Chris Christie", whichever
    noun the parser made its head; "Calls/NOUN men derogatory names" is "men"."""
    if not doc.parsed:
        return first, last
    for k in range(first, last):
        w = doc.words[k]
        # "United States/PROPN" is inside a name; "Calls/PROPN" in a headline is not
        if k == head or not (w.upos == "NOUN" or (w.upos == "PROPN" and w.ner == "O")):
            continue
        entry = cues.cue_entry(doc, k)
        if entry is None or entry.part != "verb":
            continue
        if k > first:
            return first, k
        first = k + 1
    return first, last


def _apposed_name(doc: Document, last: int) -> tuple[int, int] | None:
    """', Aviv Kochavi,' right after a description, whatever the parser made of it."""
    s = doc.sentence_of(last - 1)
    if last >= s.last or doc.words[last].text != ",":
        return None
    k = last + 1
    while k < s.last and doc.words[k].upos in ("PROPN", "NOUN") and \
            doc.words[k].text[:1].isupper() and doc.words[k].text.isalpha():
        k += 1
    if k - (last + 1) >= 2 and k < s.last and doc.words[k].text == ",":
        return last + 1, k
    return None


def _extend_name(doc: Document, first: int, last: int) -> tuple[int, int]:
    """Parsers sometimes split a name ("Hugh" and "Hill" as two subjects): take in the
    capitalised proper nouns right next to a name mention."""
    if not doc.parsed or not _has_name(doc, first, last):
        return first, last
    s = doc.sentence_of(first)

    def cap(k: int) -> bool:
        w = doc.words[k]
        return w.text[:1].isupper() and w.text.isalpha() and w.upos not in ("VERB", "AUX")

    # a capitalised run (title and name: "Israel Prime Minister Benjamin Netanyahu") is one
    # mention whatever the parser split it into
    while last < s.last and cap(last) and cap(last - 1):
        last += 1
    # ... but not the word opening the sentence when it is an adverb, determiner or
    # connective ("Later", "But Fiorina", "As Breitbart News")
    while first > s.first and cap(first - 1) and cap(first) and \
            not (first - 1 == s.first and
                 doc.words[first - 1].upos in ("ADV", "DET", "CCONJ", "SCONJ", "ADP")):
        first -= 1
    return first, last


def full_bounds(doc: Document, head: int) -> tuple[int, int]:
    """The mention with its apposition, for reading roles."""
    return _without_verb(doc, head, *_np(doc, head, with_appos=True))


def _has_name(doc: Document, first: int, last: int) -> bool:
    return any(doc.words[i].upos == "PROPN" or doc.words[i].ner.endswith("PERSON")
               for i in range(first, last))


def _np(doc: Document, head: int, with_appos: bool) -> tuple[int, int]:
    if not doc.parsed:
        return name_run(doc, head)
    keep = {head}
    stack = [head]
    copular = any(doc.words[c].deprel.split(":")[0] in ("cop", "expl")
                  for c in doc.children(head))
    while stack:
        j = stack.pop()
        for c in doc.children(j):
            rel = doc.words[c].deprel
            base = rel.split(":")[0]
            if rel == "appos" and with_appos and j == head:
                pass
            elif base in ("aux", "cop") and doc.words[c].text[:1].isupper() and \
                    c > doc.sentence_of(c).first:
                pass  # a name the tagger read as a verb ("Chairman Will Rogers")
            elif rel == "case" and doc.words[j].deprel == "nmod:poss" and j != head:
                pass  # the owner's "'s" ("Clinton's campaign")
            elif base in _OUTSIDE_NP and rel not in _KEEP_NMOD and not (
                    base == "nmod" and c > head and _contiguous(doc, head, c)):
                # an nmod right after the head stays ("Secretary of State")
                continue
            elif base in ("nsubj", "csubj") and j == head and copular:
                continue  # "the statement is a summary": the subject is not the predicate's
            keep.add(c)
            stack.append(c)
    # contiguous run around the head
    first = last = head
    while first - 1 in keep:
        first -= 1
    while last + 1 in keep:
        last += 1
    # appositions are separated by commas: include the punctuation between
    if with_appos:
        for a in doc.children_by(head, "appos"):
            af, al = _np(doc, a, with_appos=False)
            if af > last and all(doc.words[k].upos == "PUNCT" for k in range(last + 1, af)):
                last = al - 1
    # "media there", "officials here"
    if last + 1 < len(doc.words) and doc.words[last + 1].text.lower() in ("there", "here") \
            and doc.words[last].upos in ("NOUN", "PROPN"):
        last += 1
    # punctuation at the edges, and a "what" the parser took for a determiner ("what
    # multiple lawmakers called ...")
    while first < last and (doc.words[first].upos == "PUNCT" or
                            doc.words[first].text.lower() in ("what", "which", "whose")):
        first += 1
    while last > first and doc.words[last].upos == "PUNCT":
        last -= 1
    return first, last + 1


def _contiguous(doc: Document, head: int, c: int) -> bool:
    return c - head <= 3 and all(doc.words[k].sent == doc.words[head].sent
                                 for k in range(head, c + 1))


def name_run(doc: Document, i: int) -> tuple[int, int]:
    """Capitalised words around word i in its sentence (a name without a parse)."""
    s = doc.sentence_of(i)

    def cap(k: int) -> bool:
        t = doc.words[k].text
        return bool(t) and (t[0].isupper() or (t in ("-", ".") and False))

    if not cap(i):
        return i, i + 1
    first = last = i
    while first - 1 >= s.first and cap(first - 1) and not _boundary(doc, first - 1):
        first -= 1
    while last + 1 < s.last and cap(last + 1) and not _boundary(doc, last + 1):
        last += 1
    return first, last + 1


def _boundary(doc: Document, k: int) -> bool:
    t = doc.words[k].text
    return t in {'"', "“", "”", "'", "‘", "’"} or (k == doc.sentence_of(k).first and \
        t.lower() in {"the", "a", "an", "but", "and", "later", "however"})


def enclosing_subject(doc: Document, subject: int, levels: int = 4) -> int | None:
    """The subject, left of ``subject``, of the nearest clause (up to ``levels`` above, in the
    same sentence) that governs the clause ``subject`` is the subject of: "Ban Ki-moon" for
    "he" in ``Ban Ki-moon condemned what he called``; None when there is none."""
    sent = doc.words[subject].sent
    node = doc.words[subject].head
    for _ in range(levels):
        if node < 0 or doc.words[node].head < 0:
            return None
        node = doc.words[node].head
        if doc.words[node].sent != sent:
            return None
        outer = [c for c in doc.children_by(node, "nsubj") if c < subject]
        if outer:
            return outer[0]
    return None


def speaker_type(doc: Document, first: int, last: int) -> str:
    """PERSON | ORG | GPE | OTHER for the mention words[first:last]."""
    if is_pronoun(doc, first, last):
        gender, number = pronouns().get(doc.words[first].text.lower(), ("x", "sg"))
        return "PERSON" if gender in ("m", "f") or (number == "sg" and gender == "x") else "OTHER"
    for e in doc.entities:
        if e.first < last and first < e.last and e.type in ("PERSON", "ORG", "GPE"):
            return e.type
    words = [doc.words[k].text.lower().strip(".") for k in range(first, last)]
    countries = {c.lower() for c in lexicons.demonyms().values()}
    if " ".join(words) in countries or (len(words) == 1 and words[0] in countries):
        return "GPE"
    if any(w in lexicons.organisation_words() for w in words):
        return "ORG"
    if any(w in lexicons.titles() for w in words):
        return "PERSON"
    if any(doc.words[k].upos == "PROPN" for k in range(first, last)):
        return "PERSON" if len(words) >= 2 else "OTHER"
    return "OTHER"


# a news agency dateline opening a paragraph: "FLINT, Mich., Oct. 4 (UPI) — ", "WASHINGTON -- "
DATELINE = regex.compile(
    r"[A-Z][A-Z.'\- ]{2,}(?:,[^—―\n]{0,60}?)?(?:\([A-Za-z]+\))?\s*(?:—|--|―)\s")


def dateline_end(doc: Document, paragraph: int) -> int:
    """Where the dateline opening the paragraph ends (the paragraph's start when none)."""
    para = doc.paragraphs[paragraph]
    m = DATELINE.match(doc.text, para.start, para.end)
    return m.end() if m else para.start
