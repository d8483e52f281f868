"""The mention pass: the words that can refer to a speaker, read once per document.

A mention is named by its head word (:class:`~quoteattr.values.MentionId`). :func:`bounds` is
the one noun-phrase routine: every stage that needs a mention's words asks it (through
:class:`Mentions`), so a speaker's words never depend on which rule chose it. With a tree, the
noun phrase is the head's subtree without clauses, coordination and punctuation ("The US
defence secretary", "media there"), a description's name in apposition ("The Israeli
military chief, Aviv Kochavi" is "Aviv Kochavi"), and the capitalised run a parser split; its
``full`` form keeps the apposition, where roles are read. Without a tree (fast mode), it is
the run of capitalised words, title words and determiners around the head.

:class:`Mentions` holds the document's mentions, each computed once when first asked for:
bounds, type (PERSON, ORG, GPE, OTHER), and the name, role and affiliation the mention itself
gives, read against the document's name index (:class:`quoteattr.entities.NameIndex`, built
once). It also lists the candidate speakers around a quote (:meth:`Mentions.candidates`).
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType

import attrs
import regex

from . import entities, layout, lexicons, marks, roles
from .cues import Cues, lemma_of
from .entities import NameIndex
from .nlp.document import Document
from .values import Mention, MentionId, QuoteCandidate, WordRange

__all__ = [
    "Mentions",
    "bounds",
    "enclosing_subject",
    "is_pronoun",
    "pronouns",
    "relative_antecedent",
    "speaker_type",
]

# relations that leave the noun phrase (clauses, coordination, punctuation around it)
_OUTSIDE_NP = {"acl", "advcl", "parataxis", "dep", "cc", "conj", "punct", "appos", "case",
               "discourse", "vocative", "reparandum", "list", "orphan", "mark", "obl", "nmod",
               # the clause around a predicate noun ("There has been no statement")
               "expl", "cop", "aux"}
_KEEP_NMOD = {"nmod:poss", "nmod:npmod", "nmod:tmod"}
_HEAD_POS = {"NOUN", "PROPN", "PRON"}
_APPOSITION_PUNCT = frozenset({",", "-", "--", "—", "–", "(", ")", "[", "]"})
# a word of a name: capitalised letters, with inner apostrophes or hyphens ("O'Neill",
# "Jae-won"), an initial ("G."), or a particle the tokenizer split off ("O'")
_NAME_WORD = regex.compile(r"\p{Lu}(?:\p{L}+(?:['’\-]\p{L}+)*|\.|['’])?|\p{Lu}\p{L}*['’\-]\p{L}+"
                           r"|(?:\p{Lu}\.)+\p{Lu}\.?")
_INITIALS = regex.compile(r"(?:\p{Lu}\.)*\p{Lu}")
# a legislator's party and state after the name: "(D-Wis.)", "(R-Texas)", ", R-Ky.,"
_PARTY_TAG = regex.compile(r"\((?:D|R|I|Ind)\.?[-–][A-Z][A-Za-z.]{1,14}\)"
                           r"|,(?:D|R|I|Ind)\.?[-–][A-Z][A-Za-z.]{1,14}(?:,|\.|$)")


# ------------------------------------------------------------------ pronouns

@functools.cache
def pronouns() -> Mapping[str, tuple[str, str]]:
    """Pronoun -> (gender m|f|n|x, number sg|pl|x), from lexicons/pronouns.tsv."""
    return MappingProxyType({w: (g, n) for w, (g, n, _p) in lexicons.pronouns().items()})


def is_pronoun(doc: Document, words: WordRange) -> bool:
    return len(words) == 1 and doc.words[words.first].text.lower() in pronouns()



# ------------------------------------------------------------------ the noun-phrase routine

def bounds(doc: Document, cues: Cues, head: int) -> tuple[WordRange, WordRange]:
    """The words of the mention headed by word ``head`` and its ``full`` form with the
    apposition (see the module docstring)."""
    if not doc.parsed:
        surface = _surface(doc, head)
        return surface, surface
    words = _tree_words(doc, cues, head)
    full = _without_verb(doc, cues, head, _np(doc, head, with_appos=True))
    return words, WordRange(min(full.first, words.first), max(full.last, words.last))


def _tree_words(doc: Document, cues: Cues, head: int) -> WordRange:
    """The mention without its apposition: the head's noun phrase, or for a description the
    name in apposition to it ("The Israeli military chief, Aviv Kochavi")."""
    np = _np(doc, head, with_appos=False)
    if not _has_name(doc, np):
        for a in doc.children_by(head, "appos"):
            appos = _np(doc, a, with_appos=False)
            if _has_name(doc, appos) and _apposed(doc, np.last - 1, appos.first):
                return _without_verb(doc, cues, head, _extend_name(doc, appos))
        named = _apposed_name(doc, np.last)
        if named is not None:
            return _without_verb(doc, cues, head, named)
    return _without_verb(doc, cues, head, _extend_name(doc, np))


def _without_verb(doc: Document, cues: Cues, head: int, words: WordRange) -> WordRange:
    """A mention never runs over a speech verb the tagger called a noun, as in headlines:
    "Chris Christie Calls/NOUN Hillary Clinton 'A Disgrace'" is "Chris Christie", whichever
    noun the parser made its head; "Calls/NOUN men derogatory names" is "men"."""
    first, last = words.first, words.last
    for k in range(first, last):
        w = doc.words[k]
        # "United States/PROPN" is inside a name; "Calls/PROPN" in a headline is not
        if k == head or not (w.upos == "NOUN" or (w.upos == "PROPN" and w.ner == "O")):
            continue
        entry = cues.entry(k)
        if entry is None or entry.part != "verb":
            continue
        if k > first:
            return WordRange(first, k)
        first = k + 1
    return WordRange(first, last)


def _apposed_name(doc: Document, last: int) -> WordRange | None:
    """', Aviv Kochavi,' right after a description, whatever the parser made of it."""
    s = doc.sentence_of(last - 1)
    if last >= s.last or doc.words[last].text != ",":
        return None
    k = last + 1
    while k < s.last and doc.words[k].upos in ("PROPN", "NOUN") and \
            doc.words[k].text[:1].isupper() and doc.words[k].text.isalpha():
        k += 1
    if k - (last + 1) >= 2 and k < s.last and doc.words[k].text == ",":
        return WordRange(last + 1, k)
    return None


def _extend_name(doc: Document, words: WordRange) -> WordRange:
    """Parsers sometimes split a name ("Hugh" and "Hill" as two subjects): take in the
    capitalised proper nouns right next to a name mention, or next to a piece of a name the
    tokenizer cut off ("Park Geun" "-" "hye", with "hye" read as the subject)."""
    if not _has_name(doc, words) and not _cut_person(doc, words.first):
        return words
    first, last = words.first, words.last
    s = doc.sentence_of(first)

    def cap(k: int) -> bool:
        w = doc.words[k]
        return (bool(_NAME_WORD.fullmatch(w.text)) and w.upos not in ("VERB", "AUX")) or \
            _cut_piece(doc, k)

    # a capitalised run (title and name: "Israel Prime Minister Benjamin Netanyahu") is one
    # mention whatever the parser split it into; a title's "of" phrase goes on it
    # ("Secretary of State John F. Kerry")
    while last < s.last:
        if cap(last) and cap(last - 1):
            last += 1
        elif _title_of(doc, last, s.last):
            last += 2  # "of" and the capitalised word after it
        else:
            break
    # ... but not a capitalised function word opening the sentence or a clause ("Later",
    # "But Fiorina", "As Breitbart News", '"With Trump jumping ...')
    while first > s.first and cap(first - 1) and cap(first) and \
            doc.words[first - 1].upos not in ("ADV", "DET", "CCONJ", "SCONJ", "ADP", "PRON"):
        first -= 1
    return WordRange(first, last)


def _title_of(doc: Document, k: int, end: int) -> bool:
    """Whether word ``k`` is the "of" of a title before a capitalised word ("Secretary of
    State")."""
    return doc.words[k].text == "of" and k + 1 < end and \
        doc.words[k + 1].text[:1].isupper() and \
        doc.words[k - 1].text.lower() in lexicons.titles() and \
        not doc.words[k - 1].ner.endswith("PERSON")  # "Peter T. King of New York"


def _cut_person(doc: Document, k: int) -> bool:
    """Whether word ``k`` is the last piece of a person's name the tokenizer cut off."""
    j = k
    while j > 0 and _cut_piece(doc, j):
        j -= 1
    return j < k and doc.words[j].ner.endswith("PERSON")


def _cut_piece(doc: Document, k: int) -> bool:
    """A piece of a name the tokenizer cut off, written without a space: the dot of an
    initial ("G.K" "."), a hyphen between name parts or the part after it ("Geun" "-"
    "hye"), lower-case letters after a capitalised word ("Don" "na")."""
    if k == 0 or k + 1 > len(doc.words) or doc.words[k - 1].end != doc.words[k].start:
        return False
    prev, t = doc.words[k - 1].text, doc.words[k].text
    if t == ".":
        return bool(_INITIALS.fullmatch(prev))
    if t == "-":
        return prev[:1].isupper() and k + 1 < len(doc.words) and \
            doc.words[k + 1].start == doc.words[k].end and doc.words[k + 1].text[:1].isalpha()
    return t.isalpha() and t.islower() and (prev == "-" or prev[:1].isupper())


def _has_name(doc: Document, words: WordRange) -> bool:
    return any(doc.words[i].upos == "PROPN" or doc.words[i].ner.endswith("PERSON")
               for i in words.indexes())


def _np(doc: Document, head: int, with_appos: bool) -> WordRange:
    """The noun phrase of ``head`` in the tree."""
    keep = {head}
    stack = [head]
    copular = any(doc.words[c].deprel.split(":")[0] in ("cop", "expl")
                  for c in doc.children(head))
    while stack:
        j = stack.pop()
        for c in doc.children(j):
            if c in keep:
                continue  # a hand-built tree may hold a cycle: never walk a word twice
            rel = doc.words[c].deprel
            base = rel.split(":")[0]
            if rel == "appos" and with_appos and j == head:
                pass
            elif base in ("aux", "cop") and doc.words[c].text[:1].isupper() and \
                    c > doc.sentence_of(c).first:
                pass  # a name the tagger read as a verb ("Chairman Will Rogers")
            elif rel == "case" and doc.words[j].deprel == "nmod:poss" and j != head:
                pass  # the owner's "'s" ("Clinton's campaign")
            elif base == "case" and head < c < j and doc.words[j].deprel.startswith("nmod") \
                    and doc.words[c].text.lower() == "of" and \
                    doc.words[head].text.lower() in lexicons.titles():
                pass  # a title's "of" phrase ("Secretary of State John F. Kerry")
            elif (base == "nmod" and j == head and _partitive(doc, head, c)) or (
                    base == "case" and doc.words[j].head == head and _partitive(doc, head, j)):
                pass  # "one of several coal industry veterans": the "of" phrase is the noun
            elif base in _OUTSIDE_NP and rel not in _KEEP_NMOD and not (
                    base == "nmod" and c > head and _contiguous(doc, head, c)):
                # an nmod right after the head stays ("Secretary of State")
                continue
            elif base in ("nsubj", "csubj") and j == head and copular:
                continue  # "the statement is a summary": the subject is not the predicate's
            elif base == "amod" and j == head and c > head:
                continue  # a postmodifier ("one Democrat familiar with the talks")
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
            if a == head:
                continue
            appos = _np(doc, a, with_appos=False)
            if appos.first > last and _apposed(doc, last, appos.first):
                last = appos.last - 1
        for nmod, a in _person_apposed_to_nmod(doc, head, keep):
            before = max(last, _np(doc, nmod, with_appos=False).last - 1)
            appos = _np(doc, a, with_appos=False)
            if appos.first > before and _apposed(doc, before, appos.first):
                last = appos.last - 1
    # "media there", "officials here"
    if last + 1 < len(doc.words) and \
            doc.words[last + 1].text.lower() in lexicons.words("place_adverb") \
            and doc.words[last].upos in ("NOUN", "PROPN"):
        last += 1
    # punctuation at the edges (whatever its tag: "―" read as a name), and a "what" the
    # parser took for a determiner ("what multiple lawmakers called ...")
    while first < last and (_punctuation(doc, first) or
                            doc.words[first].text.lower() in lexicons.words("mention_edge")):
        first += 1
    while last > first and _punctuation(doc, last):
        last -= 1
    return WordRange(first, last + 1)


def _person_apposed_to_nmod(doc: Document, head: int, keep: set[int]
                            ) -> list[tuple[int, int]]:
    """(modifier, apposition) for a person's name the parser hung, as an apposition, on a
    place or an organisation right after the head: "His former business partner at Lenox,
    Lawrence B. Cummings," renames the partner, not Lenox."""
    out = []
    for c in doc.children(head):
        e = doc.entity_at(c)
        if c in keep and doc.words[c].deprel.startswith("nmod") and \
                (e is None or e.type != "PERSON"):
            for a in doc.children_by(c, "appos"):
                ea = doc.entity_at(a)
                if ea is not None and ea.type == "PERSON":
                    out.append((c, a))
    return out


def _partitive(doc: Document, head: int, c: int) -> bool:
    """Whether word ``c`` is the "of" phrase of a number or quantity ("one of the
    organizers", "some of his aides")."""
    return doc.words[head].upos in ("NUM", "PRON", "DET") and \
        doc.words[head].text.lower() in lexicons.words("quantifier") | {"one"} and \
        any(doc.words[k].text.lower() == "of" for k in doc.children_by(c, "case"))


def _punctuation(doc: Document, k: int) -> bool:
    w = doc.words[k]
    return w.upos == "PUNCT" or not any(ch.isalnum() for ch in w.text)


def _apposed(doc: Document, last: int, first: int) -> bool:
    """Whether a phrase starting at word ``first`` stands in apposition to one ending at word
    ``last``: right after it, or after commas, dashes or brackets (a colon introduces
    something else: "WALLACE: Governor, ...")."""
    return first > last and all(doc.words[k].text in _APPOSITION_PUNCT
                                for k in range(last + 1, first))


def _contiguous(doc: Document, head: int, c: int) -> bool:
    return c - head <= 3 and all(doc.words[k].sent == doc.words[head].sent
                                 for k in range(head, c + 1))


def _surface(doc: Document, head: int) -> WordRange:
    """Without a tree: the capitalised words, title words, determiners and possessive 's
    before the head, and the capitalised words after it, in its sentence, never across a
    quotation mark; a sentence-opening connective ("Later", "However") is left out."""
    if doc.words[head].text.lower() in pronouns():
        return WordRange(head, head + 1)
    s = doc.sentence_of(head)
    inside = lexicons.words("article_possessive")
    first = head
    while first - 1 >= s.first:
        t = doc.words[first - 1].text
        if marks.is_marks(t) or not (t[:1].isupper() or roles.is_title_word(t) or
                                     t in ("'s", "’s") or t.lower() in inside):
            break
        first -= 1
    last = head + 1
    while last < s.last and doc.words[last].text[:1].isupper() and \
            not marks.is_marks(doc.words[last].text):
        last += 1
    while first < head and (doc.words[first].text.lower() in lexicons.words("connective")
                            or doc.words[first].text.lower() in inside):
        first += 1
    return WordRange(first, last)


# ------------------------------------------------------------------ what a mention is

def speaker_type(doc: Document, words: WordRange) -> str:
    """PERSON | ORG | GPE | OTHER for the mention ``words``."""
    first, last = words.first, words.last
    if is_pronoun(doc, words):
        return lexicons.pronoun_type(doc.words[first].text)
    for k in range(first, last):
        e = doc.entity_at(k)
        if e is not None and e.type in ("PERSON", "ORG", "GPE"):
            return e.type
    words_ = [doc.words[k].text.lower().strip(".") for k in range(first, last)]
    countries = {c.lower() for c in lexicons.demonyms().values()}
    if " ".join(words_) in countries or (len(words_) == 1 and words_[0] in countries):
        return "GPE"
    if any(w in lexicons.organisation_words() for w in words_):
        return "ORG"
    if any(w in lexicons.titles() for w in words_):
        return "PERSON"
    names = [doc.words[k].text for k in range(first, last) if doc.words[k].upos == "PROPN"]
    elsewhere = doc.entity_type_elsewhere(" ".join(names)) if names else None
    if elsewhere in ("PERSON", "ORG", "GPE"):
        return elsewhere  # "As for RT's political bent": RT is tagged an organisation elsewhere
    if names:
        return "PERSON" if len(words_) >= 2 else "OTHER"
    return "OTHER"


def relative_antecedent(doc: Document, head: int) -> int | None:
    """For a relative pronoun (``who`` in "Christie, who said ..."), the head of the noun
    phrase its clause modifies; None for any other word."""
    if not doc.parsed or doc.words[head].text.lower() not in lexicons.words("relative_pronoun"):
        return None
    verb = doc.words[head].head
    seen = {head}
    while verb >= 0 and verb not in seen and \
            doc.words[verb].deprel.split(":")[0] in ("conj", "xcomp"):
        seen.add(verb)
        verb = doc.words[verb].head
    if verb >= 0 and doc.words[verb].deprel == "acl:relcl":
        noun = doc.words[verb].head
        return noun if 0 <= noun < head else None
    # the parser missed the relative clause: ", who" / ", which" right after a noun phrase
    prev = head - 2
    if doc.words[head].text.lower() in lexicons.words("comma_relative") and prev >= 0 and \
            doc.words[head - 1].text == "," and doc.words[prev].upos in ("PROPN", "NOUN") and \
            doc.words[prev].sent == doc.words[head].sent:
        noun = prev
        while doc.words[noun].deprel.split(":")[0] in ("flat", "compound") and \
                prev < doc.words[noun].head < head:
            noun = doc.words[noun].head
        return noun
    return None


def _source_of_statement(doc: Document, head: int) -> int | None:
    """For a noun for something said ("a statement from Kenya's Interior Ministry", "the
    report by the inspector general"), the head of who it is from; None otherwise."""
    w = doc.words[head]
    if not doc.parsed or w.upos != "NOUN" or lemma_of(w) not in lexicons.speech_nouns():
        return None
    for c in doc.children_by(head, "nmod"):
        if c > head and any(doc.words[k].text.lower() in ("from", "by")
                            for k in doc.children_by(c, "case")):
            return c
    return None


def _owner_of_proxy(doc: Document, head: int, is_surname: Callable[[str], bool]
                    ) -> int | None:
    """The owner of a body that speaks for it (``lexicons/proxy_nouns.txt``): the possessive
    pronoun of "her office", or the name of "the Ruiz campaign" (a capitalised compound
    that is a person's name, or the surname of a person the article names in full); None
    otherwise, and always without a tree."""
    if not doc.parsed or lemma_of(doc.words[head]) not in lexicons.proxy_nouns():
        return None
    for c in doc.children(head):
        w = doc.words[c]
        if w.deprel == "nmod:poss" and w.upos == "PRON" and w.text.lower() in pronouns():
            return c
        if w.deprel in ("compound", "flat", "amod") and c < head and w.text[:1].isupper():
            e = doc.entity_at(c)
            if (e is not None and e.type == "PERSON") or is_surname(w.text):
                return c
    return None


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


# ------------------------------------------------------------------ the pass

@attrs.frozen
class Mentions:
    """The mentions of one document, each computed once, when first asked for (the memo lives
    and dies with this value, which is dropped with the document).

    Build it with :func:`build`.
    """

    doc: Document
    cues: Cues
    names: NameIndex
    _memo: dict[int, Mention] = attrs.field(factory=dict, init=False, eq=False, repr=False)
    _bounds: dict[int, tuple[WordRange, WordRange]] = attrs.field(
        factory=dict, init=False, eq=False, repr=False)
    _datelines: dict[int, int] = attrs.field(factory=dict, init=False, eq=False, repr=False)
    _layout: list[tuple[tuple[int, int], ...]] = attrs.field(factory=list, init=False,
                                                             eq=False, repr=False)
    _may_head: dict[int, bool] = attrs.field(factory=dict, init=False, eq=False, repr=False)

    def get(self, mention: MentionId | int) -> Mention:
        """The mention headed by word ``mention``."""
        head = int(mention)
        found = self._memo.get(head)
        if found is None:
            found = self._read(head)
            self._memo[head] = found
        return found

    def words(self, mention: MentionId | int) -> WordRange:
        """The words of the mention headed by word ``mention`` (without reading its name)."""
        return self._bounds_of(int(mention))[0]

    def _bounds_of(self, head: int) -> tuple[WordRange, WordRange]:
        found = self._bounds.get(head)
        if found is None:
            found = bounds(self.doc, self.cues, head)
            self._bounds[head] = found
        return found

    def dateline_end(self, paragraph: int) -> int:
        """Where the dateline opening the paragraph ends (its start when it has none)."""
        end = self._datelines.get(paragraph)
        if end is None:
            end = layout.dateline_end(self.doc, paragraph)
            self._datelines[paragraph] = end
        return end

    def is_layout(self, i: int) -> bool:
        """Whether word i is in a dateline, a byline, a sign-off or a photo credit or caption
        (:mod:`quoteattr.layout`): never a speaker nor an antecedent."""
        w = self.doc.words[i]
        if w.start < self.dateline_end(self.doc.paragraph_index(w.start)):
            return True
        ranges = self._layout
        if not ranges:
            ranges.append(tuple(layout.layout_ranges(self.doc)))
        spans = ranges[0]
        k = bisect.bisect_right(spans, (w.start, len(self.doc.text) + 1)) - 1
        return k >= 0 and spans[k][0] <= w.start < spans[k][1]

    def _read(self, head: int) -> Mention:
        doc = self.doc
        words, full = self._bounds_of(head)
        mid = MentionId(head)
        if is_pronoun(doc, words):
            return Mention(mid, words, full,
                           lexicons.pronoun_type(doc.words[words.first].text), True)
        noun = relative_antecedent(doc, head) if len(words) == 1 else None
        if noun is None:
            noun = _source_of_statement(doc, head)
        if noun is None:
            owner = _owner_of_proxy(doc, head, self.names.is_surname)
            if owner is not None and is_pronoun(doc, WordRange(owner, owner + 1)):
                # "her office said": the office speaks for her; coreference reads the
                # mention through its pronoun
                return Mention(mid, words, full, lexicons.pronoun_type(doc.words[owner].text),
                               True)
            if owner is not None:
                # "the Ruiz campaign": named as the person the article names, whatever NER
                # made of the lone surname; still a body, not a "she" to refer back to
                w = doc.words[owner]
                return Mention(mid, words, full, "ORG", False,
                               self.names.fullest((w.text,), w.start))
        if noun is not None:
            # "Christie, who has campaigned ..., blasted": the mention stays "who", the name
            # and role are those of the noun the relative clause describes; likewise "a
            # statement from Kenya's Interior Ministry" is the ministry's, and "the Ruiz
            # campaign" Ruiz's
            n = self.get(noun)
            return Mention(mid, words, full, n.type, False, n.name, n.info, n.id)
        span = doc.span_of(words.first, words.last)
        info = roles.analyse(doc, full.first, full.last)
        w = doc.words[words.first]
        if info.name is None and len(words) == 1 and info.role is not None and \
                w.text[:1].isupper() and self.names.is_surname(w.text):
            # "King said" where the article names Larry King: a surname, not the title
            return Mention(mid, words, full, "PERSON", False,
                           self.names.fullest((w.text,), w.start))
        name, typ = entities.resolve_name(doc, self.names, span, info)
        if typ == "OTHER":
            # "one of those advisers": a description of a person, whatever its head word
            typ = "PERSON" if info.role is not None else speaker_type(doc, words)
        if info.role is None and info.organisation is None and typ == "PERSON":
            org = self._organisation_of(head)
            if org is not None:
                info = attrs.evolve(info, organisation=org)
        return Mention(mid, words, full, typ, False, name,
                       info if info.role or info.organisation else None)

    def _organisation_of(self, head: int) -> str | None:
        """The organisation a person is named with ("Ana Ruiz of the Wall Street Journal",
        "Tom Lee at Reuters"): an organisation in an "of", "at" or "from" phrase on the
        name, by the tree."""
        doc = self.doc
        for c in doc.children_by(head, "nmod"):
            if c < head or not any(doc.words[k].text.lower() in ("of", "at", "from")
                                   for k in doc.children_by(c, "case")):
                continue
            e = doc.entity_at(c)
            if e is not None and e.type == "ORG":
                return entities.resolve_name(doc, self.names,
                                             doc.span_of(e.first, e.last))[0]
        return None

    # -------------------------------------------------------------- speaker candidates

    def may_head(self, i: int) -> bool:
        """Whether word i may head a speaker's mention wherever the quote is (computed once
        per word): a name, a noun or a speaking pronoun, never a dateline's place, a party
        letter, a day or a connective."""
        found = self._may_head.get(i)
        if found is None:
            found = self._may_head[i] = self._may_head_now(i)
        return found

    def _may_head_now(self, i: int) -> bool:
        doc, cues = self.doc, self.cues
        w = doc.words[i]
        low = w.text.lower()
        speaking = lexicons.words("speaking_pronoun")
        if self.is_layout(i):
            return False  # a dateline's place, a byline, a photo credit
        if layout.is_turn_label(doc, i):
            return False  # "Q:", "A:" in an interview
        if _in_party_tag(doc, i):
            return False  # "Rep. Gwen Moore (D-Wis.)": the party letter is no speaker
        if low in lexicons.honorifics() and i + 1 < len(doc.words) and \
                doc.words[i + 1].text[:1].isupper():
            return False  # "Ms." before "Simonyan": the name heads the mention
        if not any(ch.isalnum() for ch in low):
            return False
        # days, months, "today", connectives: never a speaker (pronouns stay)
        if (low in lexicons.non_names() and low not in speaking) or w.deprel.endswith("tmod"):
            return False
        if not doc.parsed:
            return w.text[:1].isupper() or low in pronouns()
        if w.upos not in _HEAD_POS and not _mistagged_name(doc, i):
            return False
        if w.upos == "PRON" and low not in speaking and not _relative_subject(doc, cues, i):
            return False
        # heads only: skip words that attach inside their own noun phrase, except the owner
        # of something said ("Trump's claim that ...")
        inner = w.deprel in ("compound", "flat", "flat:name", "det", "amod", "nmod:poss") and \
            w.head >= 0 and doc.words[w.head].upos in _HEAD_POS
        return not inner or (w.deprel == "nmod:poss" and
                             lemma_of(doc.words[w.head]) in lexicons.speech_nouns())

    def candidates(self, q: QuoteCandidate, quoted: Sequence[WordRange] = ()) -> list[int]:
        """Head words of possible speaker mentions around quote q (its sentence, two before,
        one after): names, nouns and pronouns outside q and outside the ``quoted`` word
        ranges (sorted: nobody speaks from inside a quotation), never a dateline's place, a
        day or a connective."""
        doc = self.doc
        if not doc.words or q.first >= len(doc.words):
            return []
        s = doc.sentence_of(q.first).index
        e = doc.sentence_of(max(q.first, q.last - 1)).index
        lo = doc.sentences[max(0, s - 2)].first
        hi = doc.sentences[min(len(doc.sentences) - 1, e + 1)].last
        # reported speech around its own attribution ("The museum, Obama said, would ..."):
        # the words between the commas around the cue may speak
        own = WordRange(-1, -1)
        if q.kind == "indirect" and q.cue is not None and q.cue in q.words:
            own_lo, own_hi = q.cue, q.cue + 1
            while own_lo > q.first and doc.words[own_lo - 1].text != ",":
                own_lo -= 1
            while own_hi < q.last and doc.words[own_hi].text != ",":
                own_hi += 1
            own = WordRange(own_lo, own_hi)
        # the quoted ranges that reach into the window
        k = bisect.bisect_left(quoted, WordRange(lo, -1))
        while k > 0 and quoted[k - 1].last > lo:
            k -= 1
        blocked: set[int] = set()
        while k < len(quoted) and quoted[k].first < hi:
            blocked.update(range(max(lo, quoted[k].first), min(hi, quoted[k].last)))
            k += 1
        out = []
        # the window less the quote's own words (a long quote is not walked word by word)
        outside = itertools.chain(range(lo, min(hi, q.first)), own.indexes(),
                                  range(max(lo, q.last), hi))
        for i in outside:
            if i in blocked or not self.may_head(i):
                continue
            if doc.parsed and q.cue is not None and q.cue < i and \
                    doc.words[q.cue].head == i and self.words(i).first == q.cue + 1:
                continue  # "Calls/NOUN men derogatory names": what the cue is said of
            out.append(i)
        return out


def _in_party_tag(doc: Document, i: int) -> bool:
    """Whether word i is the party letter or the state of a tag after a name: "(D-Wis.)",
    ", R-Ky.,"."""
    lo = max(0, i - 3)
    text = "".join(w.text for w in doc.words[lo:i + 4])
    return doc.words[i].text not in "(),." and any(
        _PARTY_TAG.match(text, k) for k in range(len(text)) if text[k] in "(,")


def _mistagged_name(doc: Document, i: int) -> bool:
    """``PolitiFact/ADJ rated 32% of Republican claims as "false"``: a capitalised word that
    ends a person or organisation the tagger did not call a noun."""
    e = doc.entity_at(i)
    return e is not None and e.type in ("PERSON", "ORG") and e.last - 1 == i and \
        doc.words[i].text[:1].isupper()


def _relative_subject(doc: Document, cues: Cues, i: int) -> bool:
    """``the Chicago Police Department which reported "2,521 shooting incidents"``: a
    relative pronoun that is the subject of a cue speaks for the noun its clause describes
    (the mention stays the pronoun, as annotators mark it; its name is the noun's)."""
    w = doc.words[i]
    return w.text.lower() in lexicons.words("relative_pronoun") and \
        w.deprel.startswith("nsubj") and w.head >= 0 and cues.is_cue(w.head)


def build(doc: Document, cues: Cues) -> Mentions:
    """The mention pass of ``doc``: its name index is built here, once."""
    return Mentions(doc, cues, NameIndex.build(doc))
