"""Speaker entities: which mentions are the same person, organisation or place, and the
fullest name the article gives each.

The article's *name index* lists every place a person is named: PERSON entities (when the
document has NER), names after or in apposition to a title ("Defence Secretary Lloyd Austin",
"The Israeli military chief, Aviv Kochavi"), and later bare uses of those names' surnames.
A short form goes to the fullest compatible name ("Netanyahu" -> "Benjamin Netanyahu"); when
two people share a surname, a bare surname goes to the one named most recently before it.
A description without a name ("the US defence secretary") goes to the person the article
names with that role.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

from . import lexicons, roles
from .nlp.document import Document, NamedEntity
from .roles import RoleInfo
from .types import Span

__all__ = [
    "EntityCluster",
    "NameIndex",
    "NameOccurrence",
    "canonical_names",
    "name_occurrences",
    "people",
    "resolve_name",
]


@attrs.frozen
class EntityCluster:
    """One speaker of the article with all its mentions, roles and affiliation."""

    name: str | None
    type: str
    mentions: tuple[Span, ...]
    roles: tuple[str, ...]
    affiliation: str | None


@attrs.frozen
class OrgName:
    """An organisation the article names: where, its words (a leading "The" kept only when
    one word would be left: "The Hill", but "New York Times"), and whether it is a news
    outlet (lexicons/outlets.txt)."""

    start: int
    tokens: tuple[str, ...]
    outlet: bool = False


def _organisations(doc: Document) -> list[OrgName]:
    """The organisation names of ``doc``: its NER organisations."""
    out = []
    for e in doc.entities:
        if e.type != "ORG":
            continue
        us = roles.units(doc, e.first, e.last)
        if len(us) > 2 and us[0].lower == "the":
            us = us[1:]
        # a name is capitalised words and the small words between them: an entity the
        # tagger ran on ("Security Council condemned North Korea") ends at the first other
        end = 1
        while end < len(us) and (us[end].capitalised or (
                us[end].lower in _NAME_JOINERS and end + 1 < len(us) and
                us[end + 1].capitalised)):
            end += 1
        us = us[:end]
        tokens = tuple(u.text for u in us if u.text)
        if tokens:
            out.append(OrgName(e.start, tokens,
                               any(u.lower in lexicons.outlet_words() for u in us)))
    return out


_NAME_JOINERS = frozenset({"of", "for", "and", "on", "the", "&", "de", "in"})


def _holds(have: Sequence[str], want: Sequence[str]) -> bool:
    """Whether ``want`` is a run of consecutive words of ``have``."""
    n = len(want)
    return any(list(have[k:k + n]) == list(want) for k in range(len(have) - n + 1))


@attrs.frozen
class NameOccurrence:
    """A place the article names a person: the name's tokens (no honorific or 's), its span,
    and the role read there, if any."""

    tokens: tuple[str, ...]
    span: Span
    role: str | None = None
    affiliation: str | None = None
    modifier: str | None = None
    info: RoleInfo | None = attrs.field(default=None, eq=False, repr=False)


# ------------------------------------------------------------------ the name index

class NameIndex:
    """Every naming of a person in one document, in text order. Built once per document by
    :meth:`build` (the mention pass holds it); it never changes after that."""

    def __init__(self, occurrences: list[NameOccurrence],
                 descriptions: list[RoleInfo],
                 organisations: Sequence[OrgName] = (),
                 paragraphs: Sequence[int] = ()) -> None:
        self.occurrences = sorted(occurrences, key=lambda o: (o.span.start, -len(o.span)))
        # where the paragraphs start: how near a name was used (:meth:`fullest`)
        self.paragraphs = tuple(paragraphs)
        # the organisations the article names, in text order
        self.organisations = tuple(sorted(organisations, key=lambda o: o.start))
        # surname -> distinct full-name forms -> the positions where each is used, in order
        self.full: dict[str, dict[tuple[str, ...], list[int]]] = {}
        # distinct (role, affiliation, modifier, tokens) -> positions, for descriptions
        self.roled: dict[tuple[str, str | None, str | None, tuple[str, ...]], list[int]] = {}
        for o in self.occurrences:
            if len(o.tokens) >= 2:
                forms = self.full.setdefault(_surname(o.tokens), {})
                forms.setdefault(o.tokens, []).append(o.span.start)
            if o.role is not None:
                key = (o.role, o.affiliation, o.modifier, o.tokens)
                self.roled.setdefault(key, []).append(o.span.start)
        # the same, by the last word of the role's key: the only entries a role can match
        # (:func:`_role_match`), so a description is not compared with every role
        self._roled_by_noun: dict[str, list[tuple[list[str], str | None, str | None,
                                                  tuple[str, ...], list[int]]]] = {}
        for (role, aff, modifier, tokens), starts in self.roled.items():
            words = roles.role_key(role).split()
            self._roled_by_noun.setdefault(words[-1] if words else "", []).append(
                (words, aff, modifier, tokens, starts))
        self.descriptions = descriptions  # roles without a name ("the US defence secretary")
        self._holders: list[tuple[int, RoleInfo, str]] | None = None
        self._by_name: dict[str, list[tuple[int, RoleInfo]]] | None = None
        self._misspelt: dict[str, tuple[str, ...]] = {}  # lone word -> its surname, once

    @classmethod
    def build(cls, doc: Document) -> NameIndex:
        """The name index of ``doc``."""
        occurrences, descriptions = _collect(doc)
        return cls(occurrences, descriptions, _organisations(doc),
                   [p.start for p in doc.paragraphs])

    def fullest_organisation(self, tokens: Sequence[str]) -> str | None:
        """The fullest name the article gives the organisation ``tokens`` names: the
        longest organisation name that holds those words in a row ("Security Council" ->
        "United Nations Security Council", "Times" -> "New York Times"); None when none
        is longer."""
        want = [t.lower() for t in tokens if t.lower() != "the"]
        if not want:
            return None
        best: OrgName | None = None
        for o in self.organisations:
            have = [t.lower() for t in o.tokens]
            if len(have) <= len(want) or not _holds(have, want):
                continue
            if best is None or len(o.tokens) > len(best.tokens):
                best = o
        return None if best is None else " ".join(best.tokens)

    def organisation_named(self, tokens: Sequence[str]) -> str | None:
        """The organisation of the article that ``tokens`` name, in its fullest form ("Times"
        -> "New York Times"); None when the words name none ("Friday")."""
        want = [t.lower() for t in tokens if t.lower() != "the"]
        if not want:
            return None
        fuller = self.fullest_organisation(tokens)
        if fuller is not None:
            return fuller
        same = next((o for o in self.organisations
                     if [t.lower() for t in o.tokens if t.lower() != "the"] == want), None)
        return None if same is None else " ".join(same.tokens)

    def organisation_first_named(self, word: str) -> str | None:
        """The one organisation the article names with ``word`` first and capitalised words
        after ("Peabody" -> "Peabody Energy"), for a lone name no person of the article has;
        None when there is none or several."""
        found = {" ".join(o.tokens) for o in self.organisations
                 if len(o.tokens) >= 2 and o.tokens[0] == word and
                 all(t[:1].isupper() for t in o.tokens[1:])}
        return found.pop() if len(found) == 1 else None

    def organisation_before(self, pos: int, noun: str) -> str | None:
        """The organisation a description refers to ("the newspaper", "the ministry"): the
        nearest outlet named before ``pos`` for an outlet noun, else the nearest
        organisation named before whose name holds the noun; None when there is none."""
        outlet = noun in lexicons.outlet_nouns()
        for o in reversed(self.organisations):
            if o.start >= pos:
                continue
            if (outlet and o.outlet) or (not outlet and noun in (t.lower() for t in o.tokens)):
                return " ".join(o.tokens)
        return None

    def holders(self) -> list[tuple[int, RoleInfo, str]]:
        """(position, role read there, fullest name) for every role the article gives a
        named person, including descriptions that match a named role exactly."""
        if self._holders is None:
            out = [(o.span.start, o.info, self.fullest(o.tokens, o.span.start))
                   for o in self.occurrences if o.info is not None and o.info.role]
            for d in self.descriptions:
                if d.role_span is None or d.role is None:
                    continue
                name = self.described(d, d.role_span.start, exact=True)
                if name is not None:
                    out.append((d.role_span.start, d, name))
            self._holders = out
            return out
        return self._holders

    def roles_of(self, name: str) -> list[tuple[int, RoleInfo]]:
        """Every role the article gives the person of fullest name ``name``, with where."""
        if self._by_name is None:
            by_name: dict[str, list[tuple[int, RoleInfo]]] = {}
            for pos, info, holder in self.holders():
                by_name.setdefault(holder, []).append((pos, info))
            self._by_name = by_name
        return self._by_name.get(name, [])

    def is_surname(self, word: str) -> bool:
        """Whether ``word`` is the surname of a person the article names in full."""
        return _key(word) in self.full

    def fullest(self, tokens: tuple[str, ...], pos: int, gender: str | None = None) -> str:
        """The fullest name for the name ``tokens`` used at character ``pos``; with
        ``gender`` (``"m"`` or ``"f"``, for a pronoun's antecedent), full names whose first
        name is of the other gender are passed over ("Fiorina" -> "Carly Fiorina" for
        "she", though her husband Frank was named last)."""
        if not tokens:
            return ""
        if len(tokens) == 1 and _surname(tokens) not in self.full:
            tokens = self._given_name(tokens[0])
            if len(tokens) == 1:
                tokens = self._misspelt_surname(tokens[0])
        forms = self.full.get(_surname(tokens), {})
        cands = [(form, starts) for form, starts in forms.items() if _compatible(tokens, form)]
        if gender in ("m", "f"):
            agree = [c for c in cands if (lexicons.name_gender(c[0]) or gender) == gender]
            cands = agree or cands
        if not cands:
            return " ".join(tokens)

        def last_before(starts: list[int]) -> int:
            k = bisect.bisect_right(starts, pos)
            return starts[k - 1] if k else -1

        used_before = [(last_before(st), form) for form, st in cands if last_before(st) >= 0]
        first = min(cands, key=lambda c: c[1][0])[0]
        if used_before:
            at, anchor = max(used_before)
            if not self._near(at, pos):
                # a surname two people share is the one the article introduced first
                # ("Hillary Clinton ... former President Bill Clinton ... Clinton wrote"),
                # unless the other was named in the paragraph or the one before
                anchor = first
        else:
            anchor = first
        group = [(form, st) for form, st in cands if _same_person(form, anchor)]
        best = max(group, key=lambda c: (len(c[0]), -c[1][0]))
        return " ".join(best[0])

    def _near(self, earlier: int, pos: int) -> bool:
        """Whether character ``earlier`` lies in the paragraph of ``pos`` or the one
        before (always, when the paragraphs are not known)."""
        if not self.paragraphs:
            return True
        return bisect.bisect_right(self.paragraphs, pos) - \
            bisect.bisect_right(self.paragraphs, earlier) <= 1

    def _given_name(self, token: str) -> tuple[str, ...]:
        """A lone name that is no surname in the article but the first name of exactly one
        person it names in full ("Donald", after "Donald Trump"): that person's name."""
        people = {surname for surname, forms in self.full.items()
                  if any(form[0] == token for form in forms)}
        if len(people) != 1:
            return (token,)
        surname = people.pop()
        return max((form for form in self.full[surname] if form[0] == token), key=len)

    def _misspelt_surname(self, token: str) -> tuple[str, ...]:
        """A lone name that is no name in the article but one letter away from the surname of
        exactly one person it names in full ("McLenney" after "Tyresha McClenney"): that
        surname. Names shorter than :data:`MISSPELT_MIN` letters are left as they are."""
        key = _key(token)
        if len(key) < MISSPELT_MIN or not token[:1].isupper():
            return (token,)
        if token not in self._misspelt:  # looked up once per word: giant documents
            near = [surname for surname in self.full if surname[:1] == key[:1] and
                    key != surname + "s" and _one_edit(surname, key)]  # "the Clintons"
            self._misspelt[token] = next(iter(self.full[near[0]]))[-1:] if len(near) == 1 \
                else (token,)
        return self._misspelt[token]

    def described(self, info: RoleInfo, pos: int, exact: bool = False) -> str | None:
        """The person the article names with the role of ``info`` (nearest wins; a role
        that only ends the other, "secretary" for "defence secretary", when no role is the
        same and ``exact`` is False)."""
        if info.role is None:
            return None
        want = roles.role_key(info.role).split()
        best: tuple[tuple[int, int, int], tuple[tuple[str, ...], int]] | None = None
        for have, aff, modifier, tokens, starts in self._roled_by_noun.get(
                want[-1] if want else "", ()):
            if info.affiliation and aff and info.affiliation != aff:
                continue
            level = _role_match(want, have)
            if level == 0 or (exact and level < 2):
                continue
            k = bisect.bisect_left(starts, pos)
            near = min((starts[j] for j in (k - 1, k) if 0 <= j < len(starts)),
                       key=lambda st: abs(st - pos))
            score = (level, int(info.modifier == modifier), -abs(near - pos))
            if best is None or score > best[0]:
                best = (score, (tokens, near))
        return None if best is None else self.fullest(best[1][0], best[1][1])


def _role_match(a: list[str], b: list[str]) -> int:
    """2 when two roles are the same, 1 when one ends the other ("secretary" and "defence
    secretary"), else 0."""
    if a == b:
        return 2
    n = min(len(a), len(b))
    return 1 if n and a[-n:] == b[-n:] else 0


def _surname(tokens: tuple[str, ...]) -> str:
    return _key(_strip_suffix(tokens)[-1])


def _key(token: str) -> str:
    return token.lower().rstrip(".").replace("’", "'")


#: the shortest surname read as a misspelling of a longer one (:meth:`NameIndex.fullest`)
MISSPELT_MIN = 6


def _one_edit(a: str, b: str) -> bool:
    """Whether two different words are one letter apart: one inserted, dropped, changed, or
    two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    k = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    if len(a) == len(b):
        return a[k + 1:] == b[k + 1:] or (a[k + 2:] == b[k + 2:] and a[k:k + 2] == b[k:k + 2][::-1])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[k + 1:] == shorter[k:]


def _compatible(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """``short`` can name the person called ``full``: same surname, and the same first name
    (or its initial) when ``short`` has one."""
    s, f = _strip_suffix(short), _strip_suffix(full)
    if not s or not f or len(s) > len(f) or _key(s[-1]) != _key(f[-1]):
        return False
    if len(s) == 1:
        return True
    first_s, first_f = _key(s[0]), _key(f[0])
    return first_s == first_f or (len(first_s) == 1 and first_f.startswith(first_s))


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return _compatible(a, b) or _compatible(b, a)


def _strip_suffix(tokens: tuple[str, ...]) -> tuple[str, ...]:
    while len(tokens) > 1 and _key(tokens[-1]) in lexicons.words("name_suffix"):
        tokens = tokens[:-1]
    return tokens


def name_occurrences(doc: Document) -> list[NameOccurrence]:
    """Every place ``doc`` names a person, in text order (see the module docstring)."""
    return _collect(doc)[0]


def _collect(doc: Document) -> tuple[list[NameOccurrence], list[RoleInfo]]:
    """The name occurrences of ``doc`` and its roles without a name (descriptions)."""
    found: list[NameOccurrence] = []
    descriptions: list[RoleInfo] = []
    for s in doc.sentences:
        for info in roles.role_mentions(doc, s.first, s.last):
            if info.name is None:
                descriptions.append(info)
                continue
            found.append(NameOccurrence(roles.name_tokens(info.name.text), info.name,
                                        info.role, info.affiliation, info.modifier, info))
    for e in doc.entities:
        if e.type == "PERSON":
            occ = _entity_name(doc, e.first, e.last)
            if occ is not None and not any(o.span.overlaps(occ.span) for o in found):
                found.append(occ)
    found.extend(_later_uses(doc, found))
    return sorted(found, key=lambda o: o.span.start), descriptions


def _entity_name(doc: Document, first: int, last: int) -> NameOccurrence | None:
    """A PERSON entity as a name: honorifics, any leading title and function words the
    tagger took in ("With Trump", "But Fiorina") dropped, and ended at a possessive ("Mr.
    Trump's RT appearance" names Trump, not a "Trump RT")."""
    us = roles.units(doc, first, last)
    i = 0
    while i < len(us) and (us[i].lower in lexicons.honorifics() or
                           doc.words[us[i].first].upos in ("ADP", "CCONJ", "SCONJ", "DET",
                                                           "ADV", "PRON") or
                           us[i].lower in lexicons.words("connective") or
                           not roles.is_name_unit(us[i])):
        i += 1  # "9/11 widow Terry Strada": a name starts with a capital
    j = roles.title_at(us, i, len(us))
    if i < j < len(us):
        i = j
    if i >= len(us):
        return None
    owner = next((k for k in range(i, len(us) - 1) if us[k].possessive), None)
    if owner is not None:
        us = us[:owner + 1]  # "Mr. Trump's RT appearance": the name ends at its 's
    span = Span.of(doc.text, us[i].start, us[-1].end)
    tokens = tuple(u.text for u in us[i:])
    return NameOccurrence(tokens, span) if tokens else None


def _later_uses(doc: Document, found: list[NameOccurrence]) -> list[NameOccurrence]:
    """Uses of a known name (or its surname alone) that neither NER nor a title marked."""
    forms = {o.tokens for o in found if o.tokens}
    forms |= {o.tokens[-1:] for o in found if len(o.tokens) >= 2}
    if not forms:
        return []
    longest = max(len(f) for f in forms)
    firsts = {f[0] for f in forms}
    taken = sorted((o.span.start, o.span.end) for o in found)
    taken_starts = [t[0] for t in taken]
    reach = []  # running maximum of the ends, so overlap tests are a bisect
    far = -1
    for _, e in taken:
        far = max(far, e)
        reach.append(far)

    def overlaps_taken(span: Span) -> bool:
        k = bisect.bisect_left(taken_starts, span.end) - 1
        return k >= 0 and reach[k] > span.start

    out = []
    for s in doc.sentences:
        us = roles.units(doc, s.first, s.last)
        i = 0
        while i < len(us):
            n = _form_at(us, i, forms, longest) if us[i].text in firsts else 0
            if n == 0:
                i += 1
                continue
            span = Span.of(doc.text, us[i].start, us[i + n - 1].end)
            if not overlaps_taken(span):
                out.append(NameOccurrence(tuple(u.text for u in us[i:i + n]), span))
            i += n
    return out


def _form_at(us: Sequence[roles.Unit], i: int, forms: set[tuple[str, ...]],
             longest: int) -> int:
    """The length of the longest known name form starting at unit i that stands alone (is
    not part of a longer capitalised run), or 0."""
    for n in range(min(longest, len(us) - i), 0, -1):
        if tuple(u.text for u in us[i:i + n]) not in forms:
            continue
        before_ok = i == 0 or not roles.is_name_unit(us[i - 1]) or _is_sentence_start(us, i)
        last = us[i + n - 1]
        after_ok = (last.possessive or i + n == len(us)
                    or not roles.is_name_unit(us[i + n]))
        if before_ok and after_ok:
            return n
    return 0


def _is_sentence_start(us: Sequence[roles.Unit], i: int) -> bool:
    """The capitalised word before unit i is not part of a name ("The", "Mr", "Senator")."""
    prev = us[i - 1].lower
    return (prev in lexicons.non_names() or prev in lexicons.honorifics()
            or roles.title_at(us, i - 1, i) == i)


def canonical_names(doc: Document) -> dict[str, str]:
    """Every person-name form in the article -> the fullest form of that name
    ("Netanyahu" -> "Benjamin Netanyahu"). Forms are written without honorifics or 's; a
    surname shared by two people maps to the one named last before its first bare use."""
    index = NameIndex.build(doc)
    out: dict[str, str] = {}
    for o in index.occurrences:
        form = " ".join(o.tokens)
        if form and form not in out:
            out[form] = index.fullest(o.tokens, o.span.start)
    return out


# ------------------------------------------------------------------ one mention

def resolve_name(doc: Document, index: NameIndex, mention: Span, role: RoleInfo | None = None,
                 gender: str | None = None) -> tuple[str | None, str]:
    """(canonical name, type) of one speaker mention.

    A name -> its fullest form in the article; a description without a name -> the person
    the article names with that role (or None); an organisation or place -> its own words
    without a determiner ("the Foreign Ministry" -> "Foreign Ministry"); a pronoun or a
    common-noun phrase ("media there") -> None. ``role`` is the mention's
    :func:`roles.analyse`, computed here when not given; ``gender`` (``"m"``/``"f"``) that of
    the pronoun the mention is the antecedent of, or else of the mention's courtesy title
    ("Mrs."), to choose among full names. ``index`` is the document's :class:`NameIndex`.
    """
    words = doc.words_in(mention.start, mention.end)
    if not words:
        return None, "OTHER"
    text = mention.text.strip()
    if len(words) == 1 and text.lower() in lexicons.pronouns():
        return None, lexicons.pronoun_type(text)
    if doc.words[words[0]].text.lower() in lexicons.words("quantifier") and not any(
            e.type == "PERSON" for e in doc.entities_in(mention.start, mention.end)):
        # "Some Democrats", "Many": part of a group (but "One adviser, David Plouffe")
        return _own_name(doc, index, words[0], words[-1] + 1)
    info = role if role is not None else roles.analyse(doc, words[0], words[-1] + 1)
    if gender is None:
        # "Mrs. Clinton" is not Bill Clinton, however recently he was named
        gender = lexicons.honorific_genders().get(doc.words[words[0]].text.lower())
    if info.name is not None:
        tokens = roles.name_tokens(info.name.text)
        company = index.organisation_first_named(tokens[0]) if len(tokens) == 1 and \
            gender is None and not index.is_surname(tokens[0]) else None
        if company is not None:
            return company, "ORG"  # "Peabody said", after "the coal mining giant Peabody Energy"
        return index.fullest(tokens, info.name.start, gender), "PERSON"
    if info.role is not None:
        return index.described(info, mention.start), "PERSON"
    article = lexicons.words("article")
    person = next((e for e in doc.entities_in(mention.start, mention.end)
                   if e.type == "PERSON" and not _modifies_a_noun(doc, e, words[-1] + 1) and
                   # "The Hill" is an outlet, whatever the tagger says
                   doc.words[e.first].text.lower() not in article and
                   not (e.first > words[0] and doc.words[e.first - 1].text.lower() in article)),
                  None)
    occ = _entity_name(doc, max(person.first, words[0]), min(person.last, words[-1] + 1)) \
        if person is not None else None
    if occ is not None:
        # "a surging Sanders", "54-year-old Brenda Johnson": the person's name, without the
        # words before it
        return index.fullest(occ.tokens, occ.span.start, gender), "PERSON"
    return _own_name(doc, index, words[0], words[-1] + 1)


#: how many paragraphs back "the article" looks for the article it refers to
DOCUMENT_WINDOW = 3


def _document_source(doc: Document, index: NameIndex, before: int) -> str | None:
    """The outlet of the article "the article" (or "the story", "the report") refers to: the
    nearest article before word ``before``, within :data:`DOCUMENT_WINDOW` paragraphs, that
    names its outlet ("a New York Times article", "a 1995 story from the Times", "the
    Journal's report"), an organisation the article names, in its fullest form; None
    without a tree or when no such article is named."""
    if not doc.parsed:
        return None
    para = doc.paragraph_index(doc.words[before].start)
    lo = doc.paragraph_words(max(0, para - DOCUMENT_WINDOW))[0]
    for k in range(before - 1, lo - 1, -1):
        w = doc.words[k]
        if w.upos != "NOUN" or w.lemma.lower() not in lexicons.words("document_noun"):
            continue
        for c in doc.children(k):
            rel = doc.words[c].deprel
            from_by = rel.startswith("nmod") and c > k and any(
                doc.words[m].text.lower() in ("from", "by", "in")
                for m in doc.children_by(c, "case"))
            if doc.words[c].upos == "PROPN" and (rel in ("compound", "nmod:poss") or from_by):
                tokens = [doc.words[m].text for m in sorted(doc.subtree(c))
                          if doc.words[m].upos == "PROPN"]
                named = index.organisation_named(tokens)
                if named is not None:
                    return named
        named = index.organisation_named(_capitalised_after(doc, k))
        if named is not None:
            return named
    return None


def _capitalised_after(doc: Document, k: int) -> list[str]:
    """The capitalised words of "from the Times" right after word ``k``, however the parser
    tagged and hung them ("Times" as a plural noun of the verb)."""
    j = k + 1
    if j >= len(doc.words) or doc.words[j].text.lower() not in ("from", "by", "in"):
        return []
    j += 1
    if j < len(doc.words) and doc.words[j].text.lower() == "the":
        j += 1
    out = []
    while j < len(doc.words) and doc.words[j].text[:1].isupper() and \
            doc.words[j].sent == doc.words[k].sent:
        out.append(doc.words[j].text)
        j += 1
    return out


def _modifies_a_noun(doc: Document, e: NamedEntity, end: int) -> bool:
    """Whether a name is followed, before word ``end``, by the noun it modifies ("Sanders
    fans", "the Trump campaign", "Clinton's campaign slogan"), or is part of a word that
    does ("Pro-Clinton super PAC")."""
    if e.first > 0 and doc.words[e.first - 1].text in ("-", "‐") and \
            doc.words[e.first - 1].end == e.start:
        return True
    k = e.last
    if k < end and doc.words[k].upos == "PART":
        k += 1  # 's
    return k < end and doc.words[k].upos in ("NOUN", "PROPN", "ADJ", "NUM")


def _own_name(doc: Document, index: NameIndex, first: int, last: int
              ) -> tuple[str | None, str]:
    """An organisation's or place's name: its words without determiners or 's, or the
    fullest name the article gives the organisation ("the Security Council" -> "United
    Nations Security Council"); a description of an organisation ("the newspaper", "the
    ministry") is the organisation named before it."""
    us = roles.units(doc, first, last)
    article = None
    while us and us[0].lower in lexicons.words("article"):
        article, us = us[0], us[1:]
    if not us:
        return None, "OTHER"
    if article is not None and article.capitalised and len(us) == 1 and \
            us[0].lower in lexicons.outlet_words():
        us = [article, *us]  # "The Hill", "The Atlantic": "The" is part of the name
    if us[0].lower in lexicons.words("quantifier"):
        # "Some Democrats", "one Trump confidant", "Many": some of a group, no one's name
        return None, _type_of(doc, us, doc.text[us[0].start:us[-1].end])
    if len(us) >= 2 and us[-2].possessive and us[-2].capitalised and \
            us[-1].lower in lexicons.words("owned_group"):
        # "Scott's family", "Clinton's campaign": the owner's group, named for its owner
        return f"{us[-2].text} {us[-1].text}", "ORG"
    own = doc.text[us[0].start:us[-1].end]
    proper = any(_proper(doc, u) for u in us)
    typ = _type_of(doc, us, own)
    if not proper:
        named = _document_source(doc, index, first) \
            if us[-1].lower in lexicons.words("document_noun") else None
        if named is None and (us[-1].lower in lexicons.outlet_nouns() or
                              us[-1].lower in lexicons.organisation_words()):
            named = index.organisation_before(doc.words[first].start, us[-1].lower)
        return (named, "ORG") if named is not None else (None, typ)
    if typ != "GPE":
        fuller = index.fullest_organisation([u.text for u in us])
        if fuller is not None:
            return fuller, "ORG"
    return own, typ


def _proper(doc: Document, u: roles.Unit) -> bool:
    """A proper noun: tagged PROPN, or capitalised where capitals are not just the start of
    a sentence ("Media there reported" is not a name)."""
    word = doc.words[u.first]
    if word.upos == "PROPN" or word.ner != "O" or roles.affiliation_of(u.text) is not None:
        return True
    if not u.capitalised:
        return False
    sentence_start = doc.sentence_of(u.first).first == u.first
    lw = u.lower
    return not (sentence_start and (lw in lexicons.organisation_words()
                                    or lw in lexicons.non_names()))


def _type_of(doc: Document, us: Sequence[roles.Unit], own: str) -> str:
    for u in us:
        ent = doc.entity_at(u.first)
        if ent is not None and ent.type in ("PERSON", "ORG", "GPE"):
            return ent.type
    if roles.affiliation_of(own) is not None:
        return "GPE"
    if any(u.lower in lexicons.organisation_words() for u in us):
        return "ORG"
    return "OTHER"


# ------------------------------------------------------------------ clustering

@attrs.define
class _Group:
    name: str | None
    type: str
    first: int
    mentions: dict[tuple[int, int], Span] = attrs.field(factory=dict)
    roles: list[tuple[int, str]] = attrs.field(factory=list)
    affiliations: list[tuple[int, str]] = attrs.field(factory=list)


def _finish(g: _Group, index: NameIndex) -> EntityCluster:
    found_roles, found_affs = list(g.roles), list(g.affiliations)
    if g.name is not None and g.type == "PERSON":
        for pos, info in index.roles_of(g.name):
            if info.role:
                found_roles.append((pos, info.role))
            if info.affiliation:
                found_affs.append((pos, info.affiliation))
    affiliation = min(found_affs)[1] if found_affs else None
    return EntityCluster(g.name, g.type, tuple(sorted(g.mentions.values(),
                                                      key=lambda s: (s.start, s.end))),
                         _distinct_roles(found_roles), affiliation)


def _distinct_roles(found: list[tuple[int, str]]) -> tuple[str, ...]:
    """Roles in order of first appearance, each once (spelling variants and case aside);
    the capitalised way of writing a role wins ("Defence Secretary" over "defence
    secretary")."""
    best: dict[str, tuple[int, str]] = {}
    for pos, role in sorted(found):
        key = roles.role_key(role)
        if key not in best:
            best[key] = (pos, role)
        elif _capitals(role) > _capitals(best[key][1]):
            best[key] = (best[key][0], role)
    return tuple(role for _, role in sorted(best.values()))


def _capitals(text: str) -> int:
    return sum(c.isupper() for c in text)


def people(index: NameIndex) -> list[EntityCluster]:
    """Every person the article names (``index``: its name index), with the roles and
    affiliation it gives them."""
    groups: dict[str, _Group] = {}
    for o in index.occurrences:
        name = index.fullest(o.tokens, o.span.start)
        g = groups.setdefault(name.lower(), _Group(name, "PERSON", o.span.start))
        g.mentions.setdefault((o.span.start, o.span.end), o.span)
    return [_finish(g, index) for g in sorted(groups.values(), key=lambda g: g.first)]
