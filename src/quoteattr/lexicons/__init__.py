"""The word lists quoteattr reads: titles, nationalities, places, pronouns and friends.

Each list is a data file next to this module (see ``README.md`` here for the formats) and is
read once, on first use, by one strict loader: lines starting with ``#`` and blank lines are
ignored, and a row with the wrong number of columns, an unknown value or a repeated key raises
:class:`~quoteattr.errors.LexiconError` naming the file and the line. Every loader returns an
immutable value (``frozenset`` or a read-only mapping).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from importlib import resources
from types import MappingProxyType

from ..errors import LexiconError

__all__ = [
    "countries",
    "cue_rows",
    "demonyms",
    "first_name_genders",
    "honorific_genders",
    "honorifics",
    "irregular_verbs",
    "name_particles",
    "non_names",
    "organisation_aliases",
    "organisation_words",
    "outlet_nouns",
    "outlet_words",
    "parties",
    "places",
    "pronoun_type",
    "pronouns",
    "role_modifiers",
    "speech_nouns",
    "state_abbreviations",
    "title_variants",
    "titles",
    "words",
]


def _lines(name: str) -> list[tuple[int, str]]:
    """(line number, stripped line) of the meaningful lines of a data file."""
    path = resources.files(__name__) / name
    text = path.read_text(encoding="utf-8")
    return [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.lstrip().startswith("#")]


def _rows(name: str, columns: int, unique: bool = True) -> list[list[str]]:
    """The tab-separated rows of a data file; each must have ``columns`` non-empty columns,
    and (with ``unique``) a first column not seen before (case-insensitively)."""
    out = []
    seen: set[str] = set()
    for n, line in _lines(name):
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != columns or not all(cols):
            raise LexiconError(f"lexicons/{name}, line {n}: expected {columns} non-empty "
                               f"tab-separated columns, got {line!r}")
        key = " ".join(cols[0].lower().split())
        if unique and key in seen:
            raise LexiconError(f"lexicons/{name}, line {n}: {cols[0]!r} is listed twice")
        seen.add(key)
        out.append(cols)
    return out


def _words(name: str) -> frozenset[str]:
    """A one-entry-per-line file as a set of lower-cased, single-spaced entries."""
    out = []
    for n, line in _lines(name):
        if "\t" in line:
            raise LexiconError(f"lexicons/{name}, line {n}: one entry per line expected, "
                               f"got {line!r}")
        out.append(" ".join(line.lower().split()))
    return frozenset(out)


def _choice(name: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise LexiconError(f"lexicons/{name}: unknown value {value!r} (expected one of "
                           f"{', '.join(allowed)})")
    return value


@functools.cache
def _word_classes() -> Mapping[str, frozenset[str]]:
    classes: dict[str, set[str]] = {}
    for cls, word in _rows("function_words.tsv", 2, unique=False):
        classes.setdefault(cls, set()).add(word.lower())
    return MappingProxyType({k: frozenset(v) for k, v in classes.items()})


def words(cls: str) -> frozenset[str]:
    """The closed-class word list ``cls`` of function_words.tsv (lower case): determiners,
    subordinators, modals and the like, each class named for what the code uses it for."""
    try:
        return _word_classes()[cls]
    except KeyError:
        raise LexiconError(f"lexicons/function_words.tsv has no word class {cls!r}") from None


@functools.cache
def cue_rows() -> tuple[tuple[str, str, bool, str], ...]:
    """The cue lexicon: (lemma or phrase, part verb|noun|phrase, introduces reported speech,
    what its object is: content|target|addressee)."""
    out = []
    for lemma, part, indirect, obj in _rows("cues.tsv", 4):
        out.append((" ".join(lemma.lower().split()),
                    _choice("cues.tsv", part, ("verb", "noun", "phrase")),
                    _choice("cues.tsv", indirect, ("yes", "no")) == "yes",
                    _choice("cues.tsv", obj, ("content", "target", "addressee"))))
    return tuple(out)


@functools.cache
def irregular_verbs() -> Mapping[str, str]:
    """Verb form -> lemma, for forms the suffix rules cannot undo ("said" -> "say")."""
    return MappingProxyType({form.lower(): lemma.lower()
                             for form, lemma in _rows("irregular_verbs.tsv", 2)})


@functools.cache
def titles() -> frozenset[str]:
    """Titles and job descriptions, lower case ("prime minister", "sen.", "spokesman")."""
    return _words("titles.txt")


@functools.cache
def first_name_genders() -> Mapping[str, str]:
    """Lower-case first name -> ``"m"`` or ``"f"``, for names given almost only to one
    gender: first_names.tsv."""
    return MappingProxyType({name.lower(): _choice("first_names.tsv", gender, ("m", "f"))
                             for name, gender in _rows("first_names.tsv", 2)})


#: endings of first names given almost only to women, for names first_names.tsv lacks
#: ("Tyresha", "Darnella", "Jeanette")
_FEMININE_ENDINGS = ("a", "ette", "elle", "ine", "lyn", "lynn")


def name_gender(words: Sequence[str]) -> str | None:
    """``"m"`` or ``"f"`` for a person named ``words`` by the first of them: first_names.tsv,
    else, for the first name of a full name, the ending of a woman's name ("-a" but not
    "-ua": Joshua; "-ette", "-elle", "-ine", "-lyn"); else None. A lone "Obama" or "Garcia"
    is a surname: only the lexicon is asked."""
    if not words:
        return None
    word = words[0].lower()
    known = first_name_genders().get(word)
    if known is not None or len(words) < 2:
        return known
    if len(word) >= 4 and word.isalpha() and word.endswith(_FEMININE_ENDINGS) and \
            not word.endswith("ua"):
        return "f"
    return None


@functools.cache
def speech_nouns() -> frozenset[str]:
    """Lemmas of nouns for something said ("claim", "promise"): their owner is a speaker."""
    return _words("speech_nouns.txt")


@functools.cache
def proxy_nouns() -> frozenset[str]:
    """Lemmas of nouns for a body that speaks for its owner ("her office", "the Ruiz
    campaign"): the owner is named as the speaker."""
    return _words("proxy_nouns.txt")


@functools.cache
def role_modifiers() -> Mapping[str, str]:
    """Words that qualify a title -> ``"status"`` (former, acting) or ``"rank"`` (deputy)."""
    return MappingProxyType({word.lower(): _choice("role_modifiers.tsv", kind,
                                                   ("status", "rank"))
                             for word, kind in _rows("role_modifiers.tsv", 2)})


@functools.cache
def demonyms() -> Mapping[str, str]:
    """Nationality adjective -> country ("Israeli" -> "Israel", "American" -> "US")."""
    return MappingProxyType({adj: country for adj, country in _rows("demonyms.tsv", 2)})


@functools.cache
def countries() -> Mapping[str, str]:
    """Country name or alias -> country ("United States" -> "US", "Iran" -> "Iran")."""
    out = {country: country for country in demonyms().values()}
    out.update({name: country for name, country in _rows("countries.tsv", 2)})
    return MappingProxyType(out)


@functools.cache
def places() -> Mapping[str, str]:
    """Capital or US state -> the affiliation it stands for ("Tehran" -> "Iran")."""
    return MappingProxyType({place: aff for place, aff in _rows("places.tsv", 2)})


@functools.cache
def parties() -> Mapping[str, str]:
    """Party adjective or short name -> party ("Democratic" -> "Democratic Party")."""
    return MappingProxyType({word: party for word, party in _rows("parties.tsv", 2)})


@functools.cache
def organisation_aliases() -> Mapping[str, str]:
    """Short form -> written-out organisation ("DNC" -> "Democratic National Committee")."""
    return MappingProxyType({short: full
                             for short, full in _rows("organisation_aliases.tsv", 2)})


@functools.cache
def state_abbreviations() -> Mapping[str, str]:
    """US state abbreviation as written after a party letter -> state ("Calif." ->
    "California", "TX" -> "Texas")."""
    return MappingProxyType({abbr: state
                             for abbr, state in _rows("state_abbreviations.tsv", 2)})


@functools.cache
def pronouns() -> Mapping[str, tuple[str, str, str]]:
    """Pronoun -> (gender m|f|n|x, number sg|pl|x, person 1|2|3)."""
    name = "pronouns.tsv"
    return MappingProxyType({
        word.lower(): (_choice(name, gender, ("m", "f", "n", "x")),
                       _choice(name, number, ("sg", "pl", "x")),
                       _choice(name, person, ("1", "2", "3")))
        for word, gender, number, person in _rows(name, 4)})


def pronoun_type(word: str) -> str:
    """PERSON for a pronoun that names a person ("he", "she", "I", "you"), else OTHER ("it",
    "they", a word that is no pronoun): the one place that decides it."""
    gender, number, _person = pronouns().get(word.lower(), ("n", "sg", "3"))
    return "PERSON" if gender in ("m", "f") or (gender == "x" and number == "sg") else "OTHER"


@functools.cache
def outlet_words() -> frozenset[str]:
    """Words that make an organisation's name a news outlet's ("times", "cnn")."""
    return frozenset(w for w in _words("outlets.txt") if not w.startswith("="))


@functools.cache
def outlet_nouns() -> frozenset[str]:
    """Nouns that describe a news outlet ("newspaper", "network")."""
    return frozenset(w[1:] for w in _words("outlets.txt") if w.startswith("="))


@functools.cache
def organisation_words() -> frozenset[str]:
    """Nouns that make a mention an organisation ("ministry", "police", "media")."""
    return _words("organisation_words.txt")


@functools.cache
def honorifics() -> frozenset[str]:
    """Courtesy titles before a name, which are not roles ("mr", "mrs.", "dr.")."""
    return frozenset(honorific_genders())


@functools.cache
def honorific_genders() -> Mapping[str, str]:
    """Courtesy title -> ``"m"``, ``"f"`` or ``"x"`` (either: "dr.", "mx")."""
    return MappingProxyType({" ".join(word.lower().split()):
                             _choice("honorifics.tsv", gender, ("m", "f", "x"))
                             for word, gender in _rows("honorifics.tsv", 2)})


@functools.cache
def title_variants() -> Mapping[str, str]:
    """Spelling variant or abbreviation -> canonical word ("defense" -> "defence")."""
    return MappingProxyType({variant.lower(): canonical.lower()
                             for variant, canonical in _rows("title_variants.tsv", 2)})


@functools.cache
def name_particles() -> frozenset[str]:
    """Lower-case words inside names ("von", "bin"); entries ending in "-" are prefixes."""
    return _words("name_particles.txt")


@functools.cache
def non_names() -> frozenset[str]:
    """Capitalised words that are never a name on their own ("monday", "the")."""
    return _words("non_names.txt")
