"""The word lists quoteattr reads: titles, nationalities, places, pronouns and friends.

Each list is a data file next to this module (see ``README.md`` here for the formats) and is
read once, on first use. Lines starting with ``#`` and blank lines are ignored. Every loader
returns an immutable or freshly built value; callers must not mutate the dictionaries.
"""

from __future__ import annotations

import functools
from importlib import resources

__all__ = [
    "countries",
    "demonyms",
    "first_name_genders",
    "honorific_genders",
    "honorifics",
    "name_particles",
    "non_names",
    "organisation_words",
    "places",
    "pronouns",
    "role_modifiers",
    "speech_nouns",
    "title_variants",
    "titles",
]


def _lines(name: str) -> list[str]:
    """The meaningful lines of a data file, stripped."""
    path = resources.files(__name__) / name
    text = path.read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def _rows(name: str, columns: int) -> list[list[str]]:
    """The tab-separated rows of a data file; each must have ``columns`` columns."""
    out = []
    for line in _lines(name):
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != columns:
            raise ValueError(f"lexicons/{name}: expected {columns} tab-separated columns, "
                             f"got {len(cols)} in {line!r}")
        out.append(cols)
    return out


def _words(name: str) -> frozenset[str]:
    """A one-entry-per-line file as a set of lower-cased, single-spaced entries."""
    return frozenset(" ".join(line.lower().split()) for line in _lines(name))


@functools.cache
def titles() -> frozenset[str]:
    """Titles and job descriptions, lower case ("prime minister", "sen.", "spokesman")."""
    return _words("titles.txt")


@functools.cache
def first_name_genders() -> dict[str, str]:
    """Lower-case first name -> ``"m"`` or ``"f"``, for names given almost only to one
    gender: first_names.tsv."""
    return {name.lower(): gender for name, gender in _rows("first_names.tsv", 2)}


@functools.cache
def speech_nouns() -> frozenset[str]:
    """Lemmas of nouns for something said ("claim", "promise"): their owner is a speaker."""
    return _words("speech_nouns.txt")


@functools.cache
def role_modifiers() -> dict[str, str]:
    """Words that qualify a title -> ``"status"`` (former, acting) or ``"rank"`` (deputy)."""
    out: dict[str, str] = {}
    for word, kind in _rows("role_modifiers.tsv", 2):
        if kind not in ("status", "rank"):
            raise ValueError(f"lexicons/role_modifiers.tsv: unknown kind {kind!r}")
        out[word.lower()] = kind
    return out


@functools.cache
def demonyms() -> dict[str, str]:
    """Nationality adjective -> country ("Israeli" -> "Israel", "American" -> "US")."""
    return {adj: country for adj, country in _rows("demonyms.tsv", 2)}


@functools.cache
def countries() -> dict[str, str]:
    """Country name or alias -> country ("United States" -> "US", "Iran" -> "Iran")."""
    out = {country: country for country in demonyms().values()}
    out.update({name: country for name, country in _rows("countries.tsv", 2)})
    return out


@functools.cache
def places() -> dict[str, str]:
    """Capital or US state -> the affiliation it stands for ("Tehran" -> "Iran")."""
    return {place: aff for place, aff in _rows("places.tsv", 2)}


@functools.cache
def pronouns() -> dict[str, tuple[str, str, str]]:
    """Pronoun -> (gender m|f|n|x, number sg|pl|x, person 1|2|3)."""
    out: dict[str, tuple[str, str, str]] = {}
    for word, gender, number, person in _rows("pronouns.tsv", 4):
        out[word.lower()] = (gender, number, person)
    return out


@functools.cache
def organisation_words() -> frozenset[str]:
    """Nouns that make a mention an organisation ("ministry", "police", "media")."""
    return _words("organisation_words.txt")


@functools.cache
def honorifics() -> frozenset[str]:
    """Courtesy titles before a name, which are not roles ("mr", "mrs.", "dr.")."""
    return frozenset(honorific_genders())


@functools.cache
def honorific_genders() -> dict[str, str]:
    """Courtesy title -> ``"m"``, ``"f"`` or ``"x"`` (either: "dr.", "mx")."""
    out: dict[str, str] = {}
    for word, gender in _rows("honorifics.tsv", 2):
        if gender not in ("m", "f", "x"):
            raise ValueError(f"lexicons/honorifics.tsv: unknown gender {gender!r}")
        out[" ".join(word.lower().split())] = gender
    return out


@functools.cache
def title_variants() -> dict[str, str]:
    """Spelling variant or abbreviation -> canonical word ("defense" -> "defence")."""
    return {variant.lower(): canonical.lower()
            for variant, canonical in _rows("title_variants.tsv", 2)}


@functools.cache
def name_particles() -> frozenset[str]:
    """Lower-case words inside names ("von", "bin"); entries ending in "-" are prefixes."""
    return _words("name_particles.txt")


@functools.cache
def non_names() -> frozenset[str]:
    """Capitalised words that are never a name on their own ("monday", "the")."""
    return _words("non_names.txt")
