"""Roles, affiliations and names read from speaker mentions (no model: regex documents)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quoteattr import lexicons, roles
from quoteattr.nlp.document import from_regex
from quoteattr.roles import analyse, analyse_text
from tests.conftest import founding

# mention -> (name, role, affiliation, modifier)
CASES = {
    "Israel Prime Minister Benjamin Netanyahu":
        ("Benjamin Netanyahu", "Prime Minister", "Israel", None),
    "Defence Secretary Lloyd Austin": ("Lloyd Austin", "Defence Secretary", None, None),
    "Defense Secretary Lloyd Austin": ("Lloyd Austin", "Defense Secretary", None, None),
    "Israeli Defence Minister Benny Gantz": ("Benny Gantz", "Defence Minister", "Israel", None),
    "Foreign Ministry Spokesman Saeed Khatibzadeh":
        ("Saeed Khatibzadeh", "Foreign Ministry Spokesman", None, None),
    "The Israeli military chief, Aviv Kochavi": ("Aviv Kochavi", "military chief", "Israel", None),
    "Austin, the defence secretary": ("Austin", "defence secretary", None, None),
    "The US defence secretary": (None, "defence secretary", "US", None),
    "the U.S. defense secretary": (None, "defense secretary", "US", None),
    "former US President Donald Trump": ("Donald Trump", "President", "US", "former"),
    "then-President Barack Obama": ("Barack Obama", "President", None, "then"),
    "US President Joe Biden": ("Joe Biden", "President", "US", None),
    "Commissioner Geoffrey Starks": ("Geoffrey Starks", "Commissioner", None, None),
    "Chairwoman Rosenworcel": ("Rosenworcel", "Chairwoman", None, None),
    "Hugh Hill, a doctor": ("Hugh Hill", "doctor", None, None),
    "Sen. Ted Cruz (R-Texas)": ("Ted Cruz", "Sen.", None, None),
    "White House press secretary Josh Earnest":
        ("Josh Earnest", "White House press secretary", None, None),
    "Secretary of State John Kerry": ("John Kerry", "Secretary of State", None, None),
    "the Foreign Ministry": (None, None, None, None),
    "Iran": (None, None, None, None),
    "Tehran": (None, None, None, None),
    "he": (None, None, None, None),
    "media there": (None, None, None, None),
    "Iran's foreign minister": (None, "foreign minister", "Iran", None),
    "the foreign minister of Iran": (None, "foreign minister", "Iran", None),
    "the Iranian foreign ministry spokesman":
        (None, "foreign ministry spokesman", "Iran", None),
    "Deputy Prime Minister Nick Clegg": ("Nick Clegg", "Deputy Prime Minister", None, None),
    "Texas Gov. Greg Abbott": ("Greg Abbott", "Gov.", "Texas", None),
    "Israeli officials": (None, "officials", "Israel", None),
    "Mr. Netanyahu": ("Netanyahu", None, None, None),
    "Julie Bishop": ("Julie Bishop", None, None, None),
    "European Commission President Ursula von der Leyen":
        ("Ursula von der Leyen", "European Commission President", None, None),
    "Trump's lawyer Rudy Giuliani": ("Rudy Giuliani", "lawyer", None, None),
}


@pytest.mark.parametrize("mention", list(CASES))
def test_analyse_text(mention: str) -> None:
    name, role, affiliation, modifier = CASES[mention]
    info = analyse_text(mention)
    assert (info.name.text if info.name else None) == name
    assert info.role == role
    assert info.affiliation == affiliation
    assert info.modifier == modifier


@pytest.mark.parametrize("mention", list(CASES))
def test_spans_index_the_text(mention: str) -> None:
    info = analyse_text(mention)
    for span in (info.name, info.role_span, info.affiliation_span):
        if span is not None:
            assert mention[span.start:span.end] == span.text
    if info.role is not None:
        assert info.role_span is not None and info.role_span.text == info.role


def test_possessive_name_and_affiliation_spans() -> None:
    info = analyse_text("U.S. Defense Secretary Lloyd Austin's")
    assert info.name is not None and info.name.text == "Lloyd Austin"
    assert info.affiliation == "US"
    assert info.affiliation_span is not None and info.affiliation_span.text == "U.S."


def test_analyse_reads_a_mention_inside_a_sentence() -> None:
    text = 'Later, Israel Prime Minister Benjamin Netanyahu said "no".'
    doc = from_regex(text)
    first = next(w.index for w in doc.words if w.text == "Israel")
    last = next(w.index for w in doc.words if w.text == "said")
    info = analyse(doc, first, last)
    assert info.role == "Prime Minister" and info.affiliation == "Israel"
    assert info.name is not None
    assert text[info.name.start:info.name.end] == "Benjamin Netanyahu"


def test_the_pronoun_us_is_not_a_country() -> None:
    assert roles.affiliation_of("us") is None
    assert roles.affiliation_of("Us") is None
    assert roles.affiliation_of("US") == "US"
    assert roles.affiliation_of("United States") == "US"
    assert roles.affiliation_of("Iranian") == "Iran"
    assert roles.affiliation_of("Tehran") == "Iran"
    assert roles.affiliation_of("iranian") is None


def test_role_key_normalises_spelling_and_case() -> None:
    assert roles.role_key("Defense Secretary") == roles.role_key("defence secretary")
    assert roles.role_key("Sen.") == roles.role_key("senator")
    assert roles.role_key("Spokesman") != roles.role_key("secretary")


def test_role_mentions_finds_names_after_and_in_apposition() -> None:
    text = ("The Israeli military chief, Aviv Kochavi, spoke. Austin, the defence secretary, "
            "agreed. The US defence secretary left.")
    doc = from_regex(text)
    found = [(i.name.text if i.name else None, i.role)
             for s in doc.sentences for i in roles.role_mentions(doc, s.first, s.last)]
    assert found == [("Aviv Kochavi", "military chief"), ("Austin", "defence secretary"),
                     (None, "defence secretary")]


# ------------------------------------------------------------------ the founding article

def _titled_mentions() -> list[tuple[str, dict]]:
    try:
        _, expected = founding()
    except pytest.skip.Exception:
        return []
    titles = lexicons.titles()
    out = []
    for person in expected["people"]:
        for mention in person["mentions"]:
            words = mention.lower().replace(",", "").split()
            if any(" ".join(words[i:j]) in titles
                   for i in range(len(words)) for j in range(i + 1, len(words) + 1)):
                out.append((mention, person))
    return out


def test_founding_article_has_titled_mentions() -> None:
    assert len(_titled_mentions()) >= 7


@pytest.mark.parametrize(("mention", "person"), _titled_mentions(),
                         ids=[m for m, _ in _titled_mentions()])
def test_founding_article_roles(mention: str, person: dict) -> None:
    text, _ = founding()
    start = text.index(mention)
    doc = from_regex(text)
    words = doc.words_in(start, start + len(mention))
    info = analyse(doc, words[0], words[-1] + 1)
    assert info.role is not None
    assert info.role.lower() in [r.lower() for r in person["roles"]]
    if info.name is not None:
        assert info.name.text == person["name"]
    else:
        assert mention.lower().startswith("the")  # a description
    if info.affiliation is not None:
        assert info.affiliation == person["affiliation"]


# ------------------------------------------------------------------ the data files

def test_lexicons_load_and_agree() -> None:
    assert {"prime minister", "defence secretary", "defense secretary", "sen.",
            "spokesman", "military chief", "secretary of state"} <= lexicons.titles()
    assert all(t == t.lower() and "  " not in t for t in lexicons.titles())
    assert lexicons.demonyms()["Israeli"] == "Israel"
    assert lexicons.demonyms()["American"] == "US"
    assert lexicons.demonyms()["British"] == "UK"
    assert len(lexicons.demonyms()) >= 150
    assert set(lexicons.demonyms().values()) <= set(lexicons.countries())
    assert lexicons.countries()["United States"] == "US"
    assert lexicons.pronouns()["he"] == ("m", "sg", "3")
    assert lexicons.pronouns()["they"] == ("x", "pl", "3")
    assert lexicons.role_modifiers()["former"] == "status"
    assert lexicons.role_modifiers()["deputy"] == "rank"
    assert "ministry" in lexicons.organisation_words()
    assert "spokesman" not in lexicons.organisation_words()
    assert lexicons.title_variants()["defense"] == "defence"


def test_every_data_file_is_documented() -> None:
    folder = Path(lexicons.__file__).parent
    readme = (folder / "README.md").read_text(encoding="utf-8")
    data = sorted(p.name for p in folder.iterdir() if p.suffix in (".txt", ".tsv"))
    assert data
    for name in data:
        assert f"`{name}`" in readme
