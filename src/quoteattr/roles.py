"""Roles and affiliations of speakers: "Israeli Defence Minister Benny Gantz" is Benny Gantz,
Defence Minister, of Israel.

The analysis works on word text, capitalisation and the lexicons (``quoteattr.lexicons``), so
it runs on a fast-mode document without POS tags; named entities, when the document has them,
are extra evidence (a PERSON entity is a name, a GPE entity an affiliation).

A mention is read as *units*: words with a possessive ``'s`` split off, abbreviations joined
with their dot ("Sen", "." -> "Sen.") and hyphenated status words split ("then-President").
The role is the last title of the lexicon in the mention (longest match), extended to the
left over rank modifiers ("Deputy") and over capitalised words that belong to it ("Foreign
Ministry Spokesman"). The affiliation is a nationality, country or capital right before the
role ("Israeli", "Iran's"), or after it ("of Iran"). The name is the run of capitalised words
after the role, or the part of an apposition that is a name ("Austin, the defence
secretary").
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import attrs
import regex

from . import lexicons, marks
from .nlp.document import Document, from_regex
from .types import Span

__all__ = [
    "RoleInfo",
    "Unit",
    "affiliation_of",
    "analyse",
    "analyse_text",
    "is_name_unit",
    "is_title_word",
    "name_tokens",
    "read_role",
    "role_key",
    "role_mentions",
    "title_at",
    "titled_names",
    "units",
]

_POSSESSIVE = ("'s", "’s")
# what separates the parts of a mention: punctuation and double quotation marks
_SEPARATORS = frozenset({",", "(", ")", "[", "]", ";", ":", "–", "—", "--",
                         *marks.DOUBLE_MARKS})
_MAX_LEFT_CAPS = 4
#: units [a, b) of a mention: indexes into the list :func:`units` returns (neither document
#: words nor characters)
UnitRange = tuple[int, int]


@attrs.frozen
class RoleInfo:
    """What a speaker mention says about the speaker.

    ``role`` is written as in the text ("Prime Minister", "defence secretary", "Foreign
    Ministry Spokesman"); ``title`` is the role without the organisation named before it
    ("Spokesman"), and ``organisation`` that organisation, or one named after the role ("of
    the Arms Control Association", "at the Hoover Institution") or owning it ("Ora Media's
    chief executive"); ``affiliation`` is a country, place or party, normalised ("Israel",
    "US", "Democratic Party"); ``modifier`` is a status word kept out of the role ("former"
    in "former US President Donald Trump").
    """

    name: Span | None = None
    role: str | None = None
    role_span: Span | None = None
    affiliation: str | None = None
    affiliation_span: Span | None = None
    modifier: str | None = None
    title: str | None = None
    organisation: str | None = None

    @property
    def stated_role(self) -> str | None:
        """The role as a speaker's role is reported: the title with its status modifier and
        abbreviations written out ("former Governor" for "former Pennsylvania Gov.")."""
        title = self.title or self.role
        if title is None:
            return None
        title = expand_abbreviations(title)
        if self.modifier and self.modifier in lexicons.words("reported_status"):
            return f"{self.modifier} {title}"
        return title

    @property
    def stated_affiliation(self) -> str | None:
        """The affiliation reported with the role: its organisation, else its country,
        place or party."""
        return self.organisation or self.affiliation


@attrs.frozen
class Unit:
    """A word of a mention as roles reads it: ``text`` without a possessive 's, its
    character offsets, and the document words it came from (``[first, last)``)."""

    text: str
    start: int
    end: int
    first: int
    last: int
    possessive: bool = False

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def capitalised(self) -> bool:
        return bool(self.text) and self.text[0].isupper()


# ------------------------------------------------------------------ lexicon views

@functools.cache
def _title_tuples() -> tuple[frozenset[tuple[str, ...]], int]:
    tuples = frozenset(tuple(t.split()) for t in lexicons.titles())
    return tuples, max(len(t) for t in tuples)


@functools.cache
def _title_words() -> frozenset[str]:
    return frozenset(w for t in lexicons.titles() for w in t.split())


@functools.cache
def _content_title_words() -> frozenset[str]:
    stop = lexicons.words("title_stop_word")
    return frozenset(w for w in _title_words() if w not in stop)


def is_title_word(word: str) -> bool:
    """Whether ``word`` is a word of a title of the lexicon other than a small word
    ("secretary", "defence", "sen."; not "of")."""
    return word.lower().strip(".") in _content_title_words()


@functools.cache
def _abbreviations() -> frozenset[str]:
    """Words with a dot of the titles and honorifics ("sen.", "gen.", "mr.", "jr.")."""
    words = {w for t in lexicons.titles() | lexicons.honorifics() for w in t.split()}
    return frozenset(w for w in words if w.endswith(".")) | {"jr.", "sr.", "st."}


@functools.cache
def _affiliations() -> dict[str, tuple[str, str]]:
    """lower-cased demonym, country or place -> (affiliation, the entry as written)."""
    out: dict[str, tuple[str, str]] = {}
    for table in (lexicons.places(), lexicons.countries(), lexicons.demonyms()):
        for key, value in table.items():
            out[key.lower()] = (value, key)
    return out


@functools.cache
def _affiliation_len() -> int:
    return max(len(k.split()) for k in _affiliations())


def affiliation_of(phrase: str) -> str | None:
    """The normalised affiliation a capitalised phrase names ("Israeli" -> "Israel",
    "U.S." -> "US", "Tehran" -> "Iran"), or None. All-capital entries ("US") must match
    exactly, so the pronoun "us" is not a country."""
    phrase = " ".join(phrase.split())
    if not phrase or not phrase[0].isupper():
        return None
    hit = _affiliations().get(phrase.lower())
    if hit is None:
        return None
    value, written = hit
    if written.isupper() and phrase != written:
        return None
    return value


def expand_abbreviations(title: str) -> str:
    """The title with its abbreviated words written out ("Gov." -> "Governor", "Sen." ->
    "Senator"; lexicons/title_variants.tsv), other words as written."""
    variants = lexicons.title_variants()
    out = []
    for w in title.split():
        full = variants.get(w.lower())
        if full is not None and (w.endswith(".") or full.startswith(w.lower())) and \
                full != w.lower() and " " not in full:
            out.append(full.capitalize() if w[:1].isupper() else full)
        else:
            out.append(w)
    return " ".join(out)


def party_of(phrase: str) -> str | None:
    """The party a capitalised word or short name stands for ("Democratic" -> "Democratic
    Party", "GOP" -> "Republican Party"), or None."""
    return lexicons.parties().get(" ".join(phrase.split()))


def role_key(role: str) -> str:
    """A role in comparable form: lower case, spelling variants and abbreviations
    normalised ("Defense Secretary" and "defence secretary" -> "defence secretary")."""
    variants = lexicons.title_variants()
    words = [w.strip(",") for w in role.lower().replace("-", " ").split()]
    return " ".join(variants.get(w, w) for w in words if w)


# ------------------------------------------------------------------ units

def units(doc: Document, first: int, last: int) -> list[Unit]:
    """The units of words[first:last] (see the module docstring)."""
    out: list[Unit] = []
    for k in range(max(first, 0), min(last, len(doc.words))):
        w = doc.words[k]
        prev = out[-1] if out else None
        adjacent = prev is not None and prev.end == w.start
        if prev is not None and adjacent and w.text in _POSSESSIVE and not prev.possessive:
            out[-1] = attrs.evolve(prev, last=k + 1, possessive=True)
        elif prev is not None and adjacent and w.text == "." and _joins_dot(prev.text):
            out[-1] = attrs.evolve(prev, text=prev.text + ".", end=w.end, last=k + 1)
        elif prev is not None and adjacent and _glued_name_piece(prev, w.text):
            # a name the tokenizer cut ("Geun" "-" "hye", "Don" "na"): one unit again
            out[-1] = attrs.evolve(prev, text=prev.text + w.text, end=w.end, last=k + 1)
        else:
            out.extend(_split_word(w.text, w.start, k))
    return out


_INITIALS = regex.compile(r"(?:\p{Lu}\.)*\p{Lu}")


def _joins_dot(text: str) -> bool:
    """Whether a dot the tokenizer split off belongs to the word before: an initial ("G",
    "G.K") or an abbreviated title ("Sen")."""
    low = text.lower()
    return bool(_INITIALS.fullmatch(text)) or (low + ".") in _abbreviations() or (
        low.endswith("s") and (low[:-1] + ".") in _abbreviations())  # "Reps", "Sens"


def _glued_name_piece(prev: Unit, piece: str) -> bool:
    """Whether ``piece``, written right after unit ``prev`` without a space, continues a
    name the tokenizer cut: a hyphen and the part after it ("Geun-hye"), or lower-case
    letters after a capitalised word ("Don" + "na" for "Donna")."""
    if not prev.capitalised or prev.possessive or (not prev.text[-1:].isalpha() and \
            not prev.text.endswith("-")):
        return False
    if piece == "-":
        return True
    if prev.text.endswith("-"):
        return piece[:1].isalpha()
    return piece.isalpha() and piece.islower()


def _split_word(text: str, start: int, k: int) -> list[Unit]:
    possessive = len(text) > 2 and text.endswith(_POSSESSIVE)
    if possessive:
        text = text[:-2]
    head, dash, rest = text.partition("-")
    if dash and rest and lexicons.role_modifiers().get(head.lower()) == "status":
        cut = start + len(head) + 1
        return [Unit(head, start, start + len(head), k, k + 1),
                Unit(rest, cut, cut + len(rest), k, k + 1, possessive)]
    return [Unit(text, start, start + len(text), k, k + 1, possessive)]


def _span(doc: Document, us: Sequence[Unit], a: int, b: int) -> Span:
    return Span.of(doc.text, us[a].start, us[b - 1].end)


# ------------------------------------------------------------------ titles

def title_at(us: Sequence[Unit], i: int, hi: int) -> int:
    """The end (exclusive) of the longest title starting at unit i, or i when none does.

    The title's last word may be a plural ("officials", "spokesmen")."""
    tuples, longest = _title_tuples()
    if i >= hi or not _may_start_title(us[i].lower):
        return i
    for n in range(min(longest, hi - i), 0, -1):
        words = [u.lower for u in us[i:i + n]]
        if any(u.possessive for u in us[i:i + n - 1]):
            continue
        if tuple(words) in tuples or any(tuple([*words[:-1], s]) in tuples
                                         for s in _singulars(words[-1])):
            return i + n
    return i


@functools.cache
def _title_starts() -> frozenset[str]:
    return frozenset(t[0] for t in _title_tuples()[0])


def _may_start_title(word: str) -> bool:
    starts = _title_starts()
    return word in starts or any(s in starts for s in _singulars(word))


def singular_title(title: str) -> str | None:
    """The singular of a title whose last word is a plural ("Senators" -> "Senator",
    "Reps." -> "Rep.", "Foreign Ministers" -> "Foreign Minister"); None when the title is
    not plural."""
    words = title.split()
    if not words:
        return None
    last = words[-1]
    dot = "." if last.endswith(".") else ""
    bare = last.rstrip(".")
    tuples, _ = _title_tuples()
    lowered = [w.lower() for w in words[:-1]]
    if tuple([*lowered, bare.lower() + dot]) in tuples or tuple([*lowered, bare.lower()]) \
            in tuples:
        return None  # already singular ("Sen.", "boss")
    for s in _singulars(bare.lower()):
        if tuple([*lowered, s + dot]) in tuples or tuple([*lowered, s]) in tuples or \
                (s + dot) in _abbreviations():
            return " ".join([*words[:-1], bare[:len(s)] if s == bare.lower()[:len(s)]
                             else s]) + dot
    return None


def _singulars(word: str) -> list[str]:
    if word.endswith("s.") and len(word) > 3:
        return [word[:-2] + "."]  # an abbreviated title's plural: "reps." -> "rep."
    out = []
    if word.endswith("men"):
        out.append(word[:-3] + "man")
    if word.endswith("s") and len(word) > 3:
        out.append(word[:-1])
    return out


def _titles_in(doc: Document, us: Sequence[Unit], lo: int, hi: int) -> list[UnitRange]:
    """Non-overlapping title matches in units[lo:hi], left to right, longest first."""
    out, i = [], lo
    while i < hi:
        j = title_at(us, i, hi)
        if j > i and _plausible_title(doc, us, i, j, lo, hi):
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


def _coordinated(us: Sequence[Unit], titles: list[UnitRange]) -> list[UnitRange]:
    """Titles joined by "and" as one role: "founder and CEO of ..."."""
    out: list[UnitRange] = []
    for t in titles:
        if out and out[-1][1] + 1 == t[0] and us[t[0] - 1].lower == "and":
            out[-1] = (out[-1][0], t[1])
        else:
            out.append(t)
    return out


def _plausible_title(doc: Document, us: Sequence[Unit], i: int, j: int, lo: int,
                     hi: int) -> bool:
    """False when a capitalised title word is more likely a surname ("Julie Bishop")."""
    u = us[i]
    if i > lo and us[i - 1].lower in lexicons.honorifics():
        return False  # "Mr. King", "Ms. Judge": a courtesy title before a name
    if not u.capitalised:
        return True
    ent = doc.entity_at(u.first)
    if ent is not None and ent.type == "PERSON" and ent.first < u.first and \
            not _title_before_name(us, j, hi):
        return False
    if i - 1 < lo or not _unknown_capitalised(us[i - 1]):
        return True
    return j < hi and is_name_unit(us[j])


def _title_before_name(us: Sequence[Unit], j: int, hi: int) -> bool:
    """Whether the tagger took a title into a person's name: a first and a last name follow
    the title ("Charlotte Mayor Jennifer Roberts", tagged as one person or as "Charlotte
    Mayor" and "Jennifer Roberts"), where a surname that is a title word ends the name
    ("Julie Bishop said")."""
    k = j
    while k < hi and is_name_unit(us[k]) and us[k].lower not in _title_words():
        k += 1
    return k - j >= 2


def _unknown_capitalised(u: Unit) -> bool:
    """A capitalised word no lexicon knows: likely a first name."""
    lw = u.lower
    return (u.capitalised and not u.possessive and lw not in _title_words()
            and lw not in lexicons.role_modifiers() and lw not in lexicons.organisation_words()
            and lw not in lexicons.non_names() and affiliation_of(u.text) is None)


# ------------------------------------------------------------------ names

def is_name_unit(u: Unit) -> bool:
    """A unit that can be part of a person's name: capitalised, an initial or a suffix."""
    t = u.text
    if not t or not any(c.isalpha() for c in t):
        return False
    if t[0].isupper():
        # "Front-runner Donald Trump": a description, though capitalised ("Jae-won" is a name)
        return not _hyphened_person(u)
    head, dash, rest = t.partition("-")
    return bool(dash) and head + "-" in lexicons.name_particles() and rest[:1].isupper()


def _name_run(doc: Document, us: Sequence[Unit], i: int, hi: int) -> UnitRange | None:
    """The person's name starting at unit i (honorifics skipped), as units [a, b)."""
    while i < hi and us[i].lower in lexicons.honorifics():
        i += 1
    if i >= hi or not is_name_unit(us[i]) or us[i].lower in lexicons.non_names():
        return None
    b = i
    while b < hi:
        u = us[b]
        if is_name_unit(u) or (b > i and u.lower in lexicons.words("name_suffix")):
            b += 1
        elif b > i and u.lower in lexicons.name_particles() and _particles_end(us, b, hi):
            b = _particles_end(us, b, hi)
            continue
        else:
            break
        if u.possessive:
            break
    return (i, b) if _person_like(doc, us, i, b) else None


def _particles_end(us: Sequence[Unit], b: int, hi: int) -> int:
    """The unit after the particles starting at b ("von der"), when a name word follows
    them; 0 otherwise."""
    k = b
    while k < hi and us[k].lower in lexicons.name_particles():
        k += 1
    return k if k < hi and is_name_unit(us[k]) else 0


def _person_like(doc: Document, us: Sequence[Unit], a: int, b: int) -> bool:
    """Words that can be a person's name: not an organisation, country, place or other
    named entity."""
    # NER is evidence, not a veto: a small news NER model often calls "Commissioner
    # Geoffrey Starks" an organisation; places stay out, organisations need their words
    for k in range(a, b):
        ent = doc.entity_at(us[k].first)
        if ent is not None and ent.type != "PERSON" and b - a == 1:
            return False
    if any((e := doc.entity_at(us[k].first)) is not None and e.type == "PERSON"
           for k in range(a, b)):
        return True
    words = [u.text for u in us[a:b]]
    if affiliation_of(" ".join(words)) is not None:
        return False
    if any(u.lower in lexicons.organisation_words() for u in us[a:b]):
        return False
    return not (b - a == 1 and us[a].lower in lexicons.non_names())


def name_tokens(text: str) -> tuple[str, ...]:
    """A name as comparable tokens: honorifics and possessive 's removed
    ("Mr. Netanyahu's" -> ("Netanyahu",))."""
    words = text.split()
    while words and words[0].lower() in lexicons.honorifics():
        words = words[1:]
    if words and words[-1].endswith(("'s", "’s")) and len(words[-1]) > 2:
        words[-1] = words[-1][:-2]
    return tuple(w.strip(",") for w in words if w.strip(","))


# ------------------------------------------------------------------ analysis

def analyse_text(text: str) -> RoleInfo:
    """:func:`analyse` on the whole of ``text`` (a regex-tokenised document)."""
    doc = from_regex(text)
    return analyse(doc, 0, len(doc.words))


def analyse(doc: Document, first: int, last: int) -> RoleInfo:
    """The name, role and affiliation in the speaker mention words[first:last]."""
    us = units(doc, first, last)
    info = RoleInfo()
    plain: list[UnitRange] = []  # the parts without a title
    for lo, hi in _parts(us):
        titles = _titles_in(doc, us, lo, hi)
        if not titles:
            plain.append((lo, hi))
        elif info.role is None:
            info = read_role(doc, us, _coordinated(us, titles)[-1], lo, hi)
            if hi - lo > 2 and us[lo].lower == "one" and us[lo + 1].lower == "of":
                info = _one_of(info)  # "one of the bill's chief negotiators"
    if info.name is None:
        for lo, hi in plain:
            name = _whole_name(doc, us, lo, hi)
            if name is not None:
                info = attrs.evolve(info, name=name)
                break
            described = _description_before_name(doc, us, lo, hi)
            if described is not None:
                return described if info.role is None else attrs.evolve(
                    info, name=described.name)
    if info.role is None and info.name is not None:
        # "Nick Witney, a fellow at ...", "Mr. McGinley, the law professor": a description
        # in apposition to the name is the role, title or not
        for lo, hi in plain:
            described = _described_role(doc, us, lo, hi)
            if described is not None:
                return attrs.evolve(described, name=info.name)
    return info


def _description_before_name(doc: Document, us: Sequence[Unit], lo: int, hi: int
                             ) -> RoleInfo | None:
    """A name after a description without an article: "9/11 widow Terry Strada", "retired
    coal miner Joe Black". The name starts at a capital and runs to the end of the part; the
    words before it (after an article or a possessive) are lower case or figures ("9/11" is
    three units without a tree) and end in a noun for a person, which makes them the role."""
    start = lo + 1 if us[lo].lower in lexicons.words("determiner") else lo
    if start >= hi - 1:
        return None  # a determiner, or one word: no description and name
    if us[start].start > 0 and doc.text[us[start].start - 1] in "-‐–":
        return None  # the mention was cut inside a word ("front-" | "runner Hillary Clinton")
    for k in range(start + 1, min(hi - 1, start + 6) + 1):
        if (us[k - 1].capitalised and not (k - 1 == start and _hyphened_person(us[k - 1]))) \
                or us[k - 1].possessive or us[k - 1].text in _CLAUSE_MARKS:
            return None
        run = _name_run(doc, us, k, hi)
        if run is None or run != (k, hi):
            continue
        if not _describes_a_person(us[k - 1]):
            return None
        role = doc.text[us[start].start:us[k - 1].end]
        return RoleInfo(name=_span(doc, us, k, hi), role=role,
                        role_span=_span(doc, us, start, k), title=role)
    return None


def _hyphened_person(u: Unit) -> bool:
    """A hyphenated noun for a person ("front-runner", "Front-runner")."""
    head, dash, last = u.text.rpartition("-")
    return bool(dash) and head.isalpha() and last.isalpha() and last.islower() and \
        _person_noun(last)


def _describes_a_person(u: Unit) -> bool:
    """Whether a unit is a noun for a person by itself: a one-word title ("senator"), a
    listed person noun ("widow") or an occupation ("developer"); not a word of a longer title
    ("state", "national"). No tagger is asked: the bundled one calls "widow" an adjective."""
    word = u.lower
    if _hyphened_person(u):
        return True  # "front-runner"
    if not word.isalpha():
        return False
    one_word_title = (word,) in _title_tuples()[0] or (word.rstrip("s"),) in _title_tuples()[0]
    return one_word_title or _listed_or_occupation(word)


_CLAUSE_MARKS = frozenset(",;:()[]\"“”‘’'")


def _one_of(info: RoleInfo) -> RoleInfo:
    """The role of one of a group: its plural title in the singular ("one of his senior
    aides" -> "senior aide")."""
    if info.role is None:
        return info
    words = info.role.split()
    one = next((w for w in _singulars(words[-1].lower()) if _person_noun(w)), None)
    if one is None:
        return info
    words[-1] = words[-1][:len(one)] if words[-1].lower().startswith(one) else one
    role = " ".join(words)
    title = info.title
    if title is not None and title.split()[-1] == info.role.split()[-1]:
        title = " ".join([*title.split()[:-1], words[-1]])
    return attrs.evolve(info, role=role, title=title)


def _described_role(doc: Document, us: Sequence[Unit], lo: int, hi: int) -> RoleInfo | None:
    """A description in apposition as a role: an article or a possessive ("his former
    business partner"; or "one of" and a plural) and up to four words ending in a noun for a
    person (a title of the lexicon, a word ending like an occupation: "-er", "-or", "-ist",
    "-ian"; lexicons/function_words.tsv ``person_noun``), with an organisation after it ("a
    fellow at the European Council on Foreign Relations"); a party adjective first is the
    affiliation ("her Republican opponent")."""
    one_of = hi - lo >= 3 and us[lo].lower == "one" and us[lo + 1].lower == "of"
    if one_of:
        # "one of several coal industry veterans": the singular of a plural description
        lo += 1 if hi - lo > 3 and us[lo + 2].lower in lexicons.words("one_of_word") else 0
        lo += 1
    if hi - lo < 2 or (us[lo].lower not in lexicons.words("article_possessive") and not one_of):
        return None
    while lo + 2 < hi and _DURATION.fullmatch(us[lo + 1].lower):
        lo += 1  # "a two-decade veteran", "a 26-year-old manager": how long is no part of it
    k = lo + 1
    stop = lexicons.words("role_linker") | lexicons.words("relative_word") | {","}
    while k < hi and k - lo <= 4 and us[k].lower not in stop and not us[k].possessive:
        k += 1
    head = us[k - 1].lower
    if one_of:
        head = next((w for w in _singulars(head) if _person_noun(w)), "")
    if k == lo + 1 or us[k - 1].capitalised or not head.isalpha() or \
            not _person_noun(head):
        return None
    organisation, _ = _organisation_after(doc, us, k, hi)
    start = lo + 1
    party = party_of(us[start].text) if k - start >= 2 else None
    if party is not None:
        start += 1  # "her Republican opponent": opponent, of the Republican Party
    title = doc.text[us[start].start:us[k - 1].end]
    if one_of:
        title = doc.text[us[start].start:us[k - 1].start] + us[k - 1].text[:len(head)]
    return RoleInfo(role=title, role_span=_span(doc, us, start, k), title=title,
                    organisation=organisation, affiliation=party,
                    affiliation_span=_span(doc, us, lo + 1, start) if party else None)


_DURATION = regex.compile(r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
                          r"twenty|thirty|forty|fifty)(?:-(?:year|decade|month|term)(?:-old)?)?"
                          r"|-|year|decade|month|term|old")
_OCCUPATION = regex.compile(r".{3,}(?:er|or|ist|ian|ant|ent|eer)s?")


def is_person_noun(word: str) -> bool:
    """Whether a common noun (singular or plural) names a person by what they do or are
    ("minister", "officials", "analysts", "widow")."""
    return _person_noun(word) or any(_person_noun(w) for w in _singulars(word)) or \
        word in lexicons.words("person_group")


def _person_noun(word: str) -> bool:
    """Whether a noun names a person by what they do or are: a title word, an occupation's
    ending ("developer", "physicist", "historian"), or a listed person noun ("widow")."""
    return word in _title_words() or word.rstrip("s") in _title_words() or \
        _listed_or_occupation(word)


def _listed_or_occupation(word: str) -> bool:
    """A listed person noun ("widow") or a word with an occupation's ending ("developer")."""
    return word in lexicons.words("person_noun") or (
        bool(_OCCUPATION.fullmatch(word)) and word not in lexicons.words("not_person_noun"))


def _parts(us: Sequence[Unit]) -> list[UnitRange]:
    """The apposition parts of a mention: split at commas, without parentheses and
    relative clauses."""
    out: list[UnitRange] = []
    depth, lo = 0, 0
    for k, u in enumerate(us):
        if u.text in _SEPARATORS:
            if depth == 0 and k > lo:
                out.append((lo, k))
            depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(u.text, 0)
            depth = max(depth, 0)
            lo = k + 1
        elif depth > 0:
            lo = k + 1
    if lo < len(us) and depth == 0:
        out.append((lo, len(us)))
    kept = []
    for lo, hi in out:
        if us[lo].lower in lexicons.words("relative_word"):
            break
        kept.append((lo, hi))
    return kept


def _whole_name(doc: Document, us: Sequence[Unit], lo: int, hi: int) -> Span | None:
    """The part as a person's name, when all of it is one."""
    run = _name_run(doc, us, lo, hi)
    if run is None or run[1] != hi:
        return None
    return _span(doc, us, *run)


def read_role(doc: Document, us: Sequence[Unit], title: UnitRange, lo: int,
              hi: int) -> RoleInfo:
    """The role around the title units [i, j) of the part units[lo:hi], with its
    modifier, affiliation and the name after it."""
    i, j = title
    group = _owned_group(doc, us, i, j, lo)
    if group is not None:
        # "Clinton campaign spokesman": the spokesman of the Clinton campaign
        left, i = _Left(i + 1, None, None, None), i + 1
    else:
        left = _extend_left(doc, us, i, lo)
    aff, aff_span = left.affiliation, left.affiliation_span
    after = j
    if aff is None:
        aff, aff_span, after = _affiliation_after(doc, us, j, hi)
    org_end = _organisation_prefix(us, left.start, i)
    organisation = None
    if group is not None:
        organisation = group
    elif org_end > left.start:
        organisation = _organisation_name(us, left.start, org_end)
    else:
        org, after = _organisation_after(doc, us, after, hi)
        organisation = org or _owner_before(doc, us, left.start, lo)
    run = _name_run(doc, us, after, hi) if after < hi else None
    if aff is None and run is not None:
        aff = _party_tag(us, run[1], hi)  # "Rep. Gwen Moore (D-Wis.)": Wisconsin
    if aff is None and run is not None:
        # "Foreign Minister Ana Costa of Portugal", "Gov. Earl Ray Tomblin of West Virginia"
        aff, aff_span, _ = _affiliation_after(doc, us, run[1], hi)
    return RoleInfo(
        name=None if run is None else _span(doc, us, *run),
        role=doc.text[us[left.start].start:us[j - 1].end],
        role_span=_span(doc, us, left.start, j),
        affiliation=aff,
        affiliation_span=aff_span,
        modifier=left.modifier,
        title=doc.text[us[org_end].start:us[j - 1].end],
        organisation=organisation,
    )


def _owned_group(doc: Document, us: Sequence[Unit], i: int, j: int, lo: int) -> str | None:
    """The group a title names before its post when a person's name owns it: "Clinton
    campaign spokesman" -> "Clinton campaign" (the title is then "spokesman"); None
    otherwise ("campaign spokesman Brian Fallon" keeps its title)."""
    if j - i < 2 or us[i].lower not in lexicons.words("owned_group") or i - 1 < lo:
        return None
    b = i
    a = b
    while a - 1 >= lo and us[a - 1].capitalised and not us[a - 1].possessive and \
            is_name_unit(us[a - 1]):
        a -= 1
    while a < b and (us[a].lower in lexicons.non_names() or
                     us[a].lower in lexicons.words("determiner")):
        a += 1  # "But Trump campaign chairman ...": no word of the owner's name
    owner = doc.text[us[a].start:us[b - 1].end] if a < b else ""
    if not owner or party_of(owner) is not None or affiliation_of(owner) is not None or (
            not any(_is_person(doc, u) for u in us[a:b]) and
            not all(_unknown_capitalised(u) for u in us[a:b])):
        return None  # no owner, or a party's or a country's campaign
    return doc.text[us[a].start:us[i].end]


_PARTY_TAG = regex.compile(r"\((?:D|R|I|Ind)\.?[-–]([^()]{2,15})\)")


_COMMA_PARTY_TAG = regex.compile(r"(?:D|R|I|Ind)\.?[-–](.{2,15})")


def _party_tag(us: Sequence[Unit], k: int, hi: int) -> str | None:
    """The state of a party tag after a legislator's name ("(D-Wis.)" -> "Wisconsin",
    "(R-Texas)" -> "Texas", ", R-Ky.," -> "Kentucky"), or None."""
    if k + 1 < hi and us[k].text == ",":
        m = _COMMA_PARTY_TAG.fullmatch(us[k + 1].text)
        if m is None or (k + 2 < hi and us[k + 2].text not in (",", ".", ";")):
            return None
        state = m.group(1)
        return lexicons.state_abbreviations().get(state) or affiliation_of(state) or \
            lexicons.state_abbreviations().get(state + ".")
    if k >= hi or us[k].text != "(":
        return None
    end = next((e for e in range(k + 1, min(hi, k + 6)) if us[e].text == ")"), None)
    if end is None:
        return None
    m = _PARTY_TAG.fullmatch("".join(u.text for u in us[k:end + 1]))
    if m is None:
        return None
    return lexicons.state_abbreviations().get(m.group(1)) or affiliation_of(m.group(1))


def _organisation_prefix(us: Sequence[Unit], start: int, i: int) -> int:
    """The end of the organisation named before a title ("Foreign Ministry Spokesman",
    "House Speaker", "NYPD Commissioner", "Clinton campaign spokesman"): the capitalised words
    (and the organisation nouns after them) from the role's start up to the title or a rank
    word; ``start`` when there are none. A lower-case start is part of the role ("military
    chief")."""
    k = start
    while k < i and lexicons.role_modifiers().get(us[k].lower) is None and (
            us[k].capitalised or (k > start and us[k].lower in lexicons.organisation_words())):
        k += 1
    if k > start and not us[start].capitalised:
        return start
    return k if k == i or lexicons.role_modifiers().get(us[k].lower) == "rank" else start


def _organisation_name(us: Sequence[Unit], a: int, b: int) -> str:
    """An organisation's name from units [a, b), a short form written out ("DNC")."""
    text = " ".join(u.text for u in us[a:b])
    return lexicons.organisation_aliases().get(text, text)


def _organisation_after(doc: Document, us: Sequence[Unit], k: int,
                        hi: int) -> tuple[str | None, int]:
    """An organisation named after the role ("executive director of the Arms Control
    Association", "a fellow at the Hoover Institution"): (its name, the unit after it), or
    (None, k)."""
    if k >= hi or us[k].lower not in ("of", "at", "with"):
        return None, k
    a = k + 1
    if a < hi and us[a].lower == "the":
        a += 1
    b = a
    while b < hi and (us[b].capitalised or (us[b].lower in ("of", "for", "on", "and", "&")
                                            and b + 1 < hi and us[b + 1].capitalised)):
        if us[b].possessive:
            b += 1
            break
        b += 1
    if b == a or _is_person(doc, us[a]) or affiliation_of(" ".join(
            u.text for u in us[a:b])) is not None:
        return None, k
    return _organisation_name(us, a, b), b


def _owner_before(doc: Document, us: Sequence[Unit], start: int, lo: int) -> str | None:
    """The organisation owning the role ("Ora Media's chief executive"): a capitalised
    possessive right before it that is no person, country or party."""
    p = start - 1
    if p < lo or not us[p].possessive or not us[p].capitalised or _is_person(doc, us[p]):
        return None
    a = p
    while a - 1 >= lo and us[a - 1].capitalised and not us[a - 1].possessive:
        a -= 1
    text = " ".join(u.text for u in us[a:p + 1])
    if affiliation_of(text) is not None or party_of(text) is not None:
        return None
    return _organisation_name(us, a, p + 1)


def _is_person(doc: Document, u: Unit) -> bool:
    ent = doc.entity_at(u.first)
    return ent is not None and ent.type == "PERSON"


@attrs.frozen
class _Left:
    start: int
    modifier: str | None
    affiliation: str | None
    affiliation_span: Span | None


def _extend_left(doc: Document, us: Sequence[Unit], i: int, lo: int) -> _Left:
    """Walk left from the title: rank words and the title's own capitalised words join the
    role; status words become the modifier; a country or nationality the affiliation."""
    start, pos = i, i - 1
    modifier: str | None = None
    aff: str | None = None
    aff_span: Span | None = None
    closed = False  # a status word or affiliation ends the role itself
    adjective_ok = False  # one word before an organisation noun ("foreign ministry")
    caps = 0
    while pos >= lo:
        u = us[pos]
        lw = u.lower
        kind = lexicons.role_modifiers().get(lw)
        found = None if aff is not None else _affiliation_ending(doc, us, pos, lo)
        if found is not None:
            aff, p = found
            aff_span = _span(doc, us, p, pos + 1)
            pos, closed = p - 1, True
        elif kind == "status" and not u.possessive:
            modifier = modifier or lw
            pos, closed = pos - 1, True
        elif closed or u.possessive or lw in lexicons.words("determiner") or \
                lw in lexicons.words("role_linker") or lw in lexicons.words("quantifier") or \
                _DURATION.fullmatch(lw):
            break  # ... or how long: "a 26-year-old benefits manager"
        elif kind == "rank" or _joins_role(doc, u, adjective_ok, caps):
            # the one word before an organisation noun joins ("foreign ministry"), and before
            # a compound noun an adjective that modifies it ("real estate developer")
            adjective_ok = lw in lexicons.organisation_words() or (
                _compound_noun(doc, u) and pos > lo and
                us[pos - 1].lower not in lexicons.words("leaning"))
            caps += u.capitalised
            start, pos = pos, pos - 1
        else:
            break
    return _Left(start, modifier, aff, aff_span)


def _joins_role(doc: Document, u: Unit, adjective_ok: bool, caps: int) -> bool:
    """A word before the title that is part of the role: a capitalised word ("Foreign
    Ministry"), an organisation noun, or the one word before an organisation noun."""
    if not any(c.isalpha() for c in u.text) or u.lower in ("and", "or"):
        return False  # "Donald Trump and House Speaker Paul Ryan": two people
    ent = doc.entity_at(u.first)
    if ent is not None and ent.type == "PERSON":
        return False
    if u.capitalised:
        return caps < _MAX_LEFT_CAPS and u.lower not in lexicons.non_names()
    return u.lower in lexicons.organisation_words() or adjective_ok or _compound_noun(doc, u)


def _compound_noun(doc: Document, u: Unit) -> bool:
    """A noun the tree hangs on the title as a compound ("law professor", "tax
    commissioner"), itself no title word ("presidential candidate Sen. ..." are two roles)."""
    w = doc.words[u.first]
    return doc.parsed and w.upos == "NOUN" and w.deprel == "compound" and \
        (u.lower,) not in _title_tuples()[0]


def _affiliation_ending(doc: Document, us: Sequence[Unit], pos: int,
                        lo: int) -> tuple[str, int] | None:
    """(affiliation, first unit) of a country, nationality, place or party ending at unit
    pos."""
    for n in range(min(_affiliation_len(), pos - lo + 1), 0, -1):
        p = pos - n + 1
        if any(u.possessive for u in us[p:pos]):
            continue
        phrase = " ".join(u.text for u in us[p:pos + 1])
        aff = affiliation_of(phrase) or party_of(phrase)
        if aff is not None:
            return aff, p
    ent = doc.entity_at(us[pos].first)
    if ent is not None and ent.type == "GPE" and us[pos].capitalised:
        p = pos
        while p - 1 >= lo and us[p - 1].first >= ent.first:
            p -= 1
        text = " ".join(u.text for u in us[p:pos + 1])
        return affiliation_of(text) or text, p
    return None


def _affiliation_after(doc: Document, us: Sequence[Unit], j: int,
                       hi: int) -> tuple[str | None, Span | None, int]:
    """An affiliation after the role ("foreign minister of Iran"): (it, its span, the unit
    after it); (None, None, j) when there is none."""
    k = j
    if k < hi and us[k].lower in lexicons.words("affiliation_linker"):
        k += 1
        if k < hi and us[k].lower == "the":
            k += 1
        for n in range(min(_affiliation_len(), hi - k), 0, -1):
            aff = affiliation_of(" ".join(u.text for u in us[k:k + n]))
            if aff is not None:
                return aff, _span(doc, us, k, k + n), k + n
    return None, None, j


# ------------------------------------------------------------------ whole sentences

def role_mentions(doc: Document, first: int, last: int) -> list[RoleInfo]:
    """Every title in words[first:last] (say, a sentence) with its holder's name when the
    text gives it: after the title ("Defence Secretary Lloyd Austin"), or in an apposition
    after ("The Israeli military chief, Aviv Kochavi") or before it ("Austin, the defence
    secretary"). Titles without a name are descriptions ("the US defence secretary")."""
    us = units(doc, first, last)
    out = []
    for title in _coordinated(us, _titles_in(doc, us, 0, len(us))):
        info = read_role(doc, us, title, 0, len(us))
        # a plural title is no one person's apposition ("... and other civil rights leaders,
        # Clinton proposed"), unless it is one of a group's
        plural = singular_title(info.title or info.role or "") is not None
        if info.name is None and not plural:
            info = attrs.evolve(info, name=_apposition_after(doc, us, title[1]))
        if info.name is None:
            name, one_of = _apposition_before(doc, us, info)
            if one_of or not plural:
                info = attrs.evolve(info, name=name)
            if one_of and name is not None:
                info = _one_of(info)  # "Mr. King, one of the most famous interviewers"
        out.extend(_over_coordination(doc, us, info))
    named = [info.name for info in out if info.name is not None]
    linkers = lexicons.words("role_linker") | lexicons.words("relative_word")
    for k, u in enumerate(us):
        # "said Elaine Kamarck, a two-decade veteran of the DNC Rules Committee": a
        # description in apposition after a name, title or not
        if u.text != "," or k == 0:
            continue
        name = _name_before_comma(doc, us, k)
        if name is None or any(name.overlaps(n) for n in named) or \
                not _surely_a_person(doc, name):
            continue
        hi = next((j for j in range(k + 1, len(us)) if us[j].text in _SEPARATORS), len(us))
        if hi - k < 3:
            continue  # nothing, or one word, after the comma
        titled = [j for j, info in enumerate(out) if info.role_span is not None and
                  us[k + 1].start <= info.role_span.start < us[hi - 1].end and
                  not any(v.lower in linkers for v in us[k + 1:hi]
                          if v.end <= info.role_span.start)]
        if titled:
            # a title read above without its holder ("a former Vermont governor"): this name
            if out[titled[0]].name is None:
                out[titled[0]] = attrs.evolve(out[titled[0]], name=name)
                named.append(name)
            continue
        described = _described_role(doc, us, k + 1, hi)
        if described is not None:
            out.append(attrs.evolve(described, name=name))
            named.append(name)
    return out


def _surely_a_person(doc: Document, name: Span) -> bool:
    """A name the tagger calls a person, or of a first and a last name: not a capitalised
    adverb at a sentence's start ("Hopefully, the president said")."""
    words = doc.words_in(name.start, name.end)
    if any((e := doc.entity_at(k)) is not None and e.type == "PERSON" for k in words):
        return True
    return len(words) >= 2 and doc.words[words[0]].upos not in ("ADV", "SCONJ", "CCONJ")


def _over_coordination(doc: Document, us: Sequence[Unit], info: RoleInfo) -> list[RoleInfo]:
    """A plural title before names joined by "and" or commas is each one's title, in the
    singular: "Senators Ana Ruiz and Tom Walsh" -> Ana Ruiz and Tom Walsh, each "Senator"."""
    title = info.title or info.role
    if not title or info.role is None or info.name is None:
        return [info]
    singular = singular_title(title)
    if singular is None:
        return [info]
    role = info.role[:len(info.role) - len(title)] + singular
    one = attrs.evolve(info, role=role, title=singular if info.title else None)
    out = [one]
    end = info.name.end
    k = next((k for k, u in enumerate(us) if u.start >= end), len(us))
    while k + 1 < len(us) and us[k].text in (",", "and") and not us[k + 1].possessive:
        if us[k].text == "," and us[k + 1].lower == "and":
            k += 1
        run = _name_run(doc, us, k + 1, len(us))
        if run is None or run[0] != k + 1:
            break
        out.append(attrs.evolve(one, name=_span(doc, us, *run)))
        k = run[1]
    return out


def titled_names(doc: Document, first: int, last: int) -> list[RoleInfo]:
    """The :func:`role_mentions` of words[first:last] that name the role's holder."""
    return [info for info in role_mentions(doc, first, last) if info.name is not None]


def _apposition_after(doc: Document, us: Sequence[Unit], j: int) -> Span | None:
    if j + 1 >= len(us) or us[j].text != ",":
        return None
    run = _name_run(doc, us, j + 1, len(us))
    return None if run is None else _span(doc, us, *run)


def _apposition_before(doc: Document, us: Sequence[Unit], info: RoleInfo
                       ) -> tuple[Span | None, bool]:
    """The name a role is in apposition to ("Austin, the defence secretary"; "Mr. King, one
    of the most famous interviewers"), or that a relative clause gives it ("Dr. Connie
    Mariano, who as a Navy captain was the White House physician"), and whether the role is
    one of a group's."""
    starts = [s.start for s in (info.role_span, info.affiliation_span) if s is not None]
    p = next(k for k, u in enumerate(us) if u.start >= min(starts))
    p = _described_from(doc, us, p)
    one_of = p >= 2 and us[p - 2].lower == "one" and us[p - 1].lower == "of"
    if one_of:
        p -= 2
    if p >= 2 and us[p - 1].lower in lexicons.words("relative_copula"):
        who = next((k for k in range(p - 2, max(p - 10, 0), -1)
                    if us[k].lower == "who" or us[k].text in _CLAUSE_MARKS), None)
        if who is None or us[who].lower != "who":
            return None, False
        p = who
    if p < 2 or us[p - 1].text != ",":
        return None, False
    return _name_before_comma(doc, us, p - 1), one_of


def _name_before_comma(doc: Document, us: Sequence[Unit], comma: int) -> Span | None:
    """The person's name that ends right before the comma at unit ``comma``."""
    end = _before_party_tag(us, comma)  # "Rep. Jim Clyburn (D-S.C.), the assistant leader"
    a = end
    while a > 0 and is_name_unit(us[a - 1]) and not us[a - 1].possessive:
        a -= 1
    if a == end:
        return None
    if a > 0 and (doc.words[us[a - 1].first].upos == "ADP" or
                  us[a - 1].lower in lexicons.words("preposition")) and \
            us[a].lower not in lexicons.honorifics():
        # "in Chelsea, the mayor": the name is no apposition of the role (but "what of Mr.
        # King, one of the most famous interviewers" is)
        return None
    j = title_at(us, a, end)
    if a < j < end and (end - j >= 2 or us[j - 1].text.endswith(".")):
        # "Rep. Jim Clyburn (D-S.C.), the assistant leader": the name after the title (but
        # "Dean Baker, the co-director" is a name)
        a = j
    run = _name_run(doc, us, a, end)
    if run is None or run[1] != end:
        return None
    if run[1] - run[0] == 1 and not _is_person(doc, us[run[0]]) and \
            doc.words[us[run[0]].first].upos in ("ADV", "SCONJ", "CCONJ", "INTJ"):
        return None  # "Hopefully, the president said": an adverb, not a name
    return _span(doc, us, *run)


def _described_from(doc: Document, us: Sequence[Unit], p: int) -> int:
    """Where the description whose role starts at unit ``p`` starts: back over its
    determiner and status words ("the former"), and over lower-case adjectives, participles
    and adverbs when a determiner comes before them ("the most famous and respected")."""
    k = p
    while k > 0 and not us[k - 1].capitalised and (
            doc.words[us[k - 1].first].upos in ("ADJ", "ADV") or
            doc.words[us[k - 1].first].xpos == "VBN" or  # "respected"
            (us[k - 1].lower == "and" and k < p)):
        k -= 1
    if 0 < k < p and us[k - 1].lower in lexicons.words("article"):
        p = k
    while p > 0 and (us[p - 1].lower in lexicons.words("determiner")
                     or lexicons.role_modifiers().get(us[p - 1].lower) == "status"):
        p -= 1
    return p


def _before_party_tag(us: Sequence[Unit], k: int) -> int:
    """Where a party tag in brackets ending right before unit ``k`` starts ("(D-S.C.)");
    ``k`` when there is none."""
    if k < 3 or us[k - 1].text != ")":
        return k
    start = next((j for j in range(k - 2, max(k - 7, -1), -1) if us[j].text == "("), None)
    if start is None or not _PARTY_TAG.fullmatch("".join(u.text for u in us[start:k])):
        return k
    return start
