"""Canonical names, description resolution and roles per entity (hand-built NER, no
model)."""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import pytest

from quoteattr import entities
from quoteattr.entities import NameIndex, canonical_names
from quoteattr.extractor import run_stages
from quoteattr.nlp.document import Document, NamedEntity, from_regex
from quoteattr.roles import RoleInfo
from quoteattr.types import Span
from tests.conftest import founding

ARTICLE_PEOPLE = ["Lloyd Austin", "Austin", "Joe Biden", "Benny Gantz", "Gantz",
                  "Saeed Khatibzadeh", "Aviv Kochavi", "Benjamin Netanyahu", "Donald Trump",
                  "Barack Obama"]


def with_entities(doc: Document, names: Iterable[str], type_: str = "PERSON") -> Document:
    """``doc`` with a NamedEntity for every whole-word occurrence of each name (longest
    names first, without overlaps), as an NER model would tag them."""
    found: list[NamedEntity] = list(doc.entities)
    for name in sorted(names, key=len, reverse=True):
        pos = doc.text.find(name)
        while pos >= 0:
            end = pos + len(name)
            words = doc.words_in(pos, end)
            whole = (words and doc.words[words[0]].start == pos
                     and doc.words[words[-1]].end in (end, end + 2))
            if whole and not any(e.start < end and pos < e.end for e in found):
                found.append(NamedEntity(name, pos, end, type_, type_, words[0],
                                         words[-1] + 1))
            pos = doc.text.find(name, end)
    return attrs.evolve(doc, entities=tuple(sorted(found, key=lambda e: e.start)))


def resolve_name(doc: Document, mention: Span, role: RoleInfo | None = None,
                 gender: str | None = None) -> tuple[str | None, str]:
    """entities.resolve_name against the document's name index, built once per call here."""
    return entities.resolve_name(doc, NameIndex.build(doc), mention, role, gender)


def span(text: str, mention: str, occurrence: int = 0) -> Span:
    pos = -1
    for _ in range(occurrence + 1):
        pos = text.index(mention, pos + 1)
    return Span.of(text, pos, pos + len(mention))


# ------------------------------------------------------------------ names

def test_canonical_names_from_ner() -> None:
    text = "Benjamin Netanyahu spoke on Monday. Later Netanyahu's office denied it."
    doc = with_entities(from_regex(text), ["Benjamin Netanyahu", "Netanyahu"])
    names = canonical_names(doc)
    assert names["Netanyahu"] == "Benjamin Netanyahu"
    assert names["Benjamin Netanyahu"] == "Benjamin Netanyahu"


def test_canonical_names_without_ner_use_titles_and_later_surnames() -> None:
    text = "Defence Secretary Lloyd Austin arrived. Austin met the press. Mr Austin left."
    names = canonical_names(from_regex(text))
    assert names == {"Lloyd Austin": "Lloyd Austin", "Austin": "Lloyd Austin"}


def test_honorifics_and_possessives_are_ignored() -> None:
    text = "Prime Minister Benjamin Netanyahu spoke. Mr. Netanyahu's aides said more."
    doc = from_regex(text)
    assert resolve_name(doc, span(text, "Mr. Netanyahu's")) == ("Benjamin Netanyahu", "PERSON")


def test_a_shared_surname_goes_to_the_most_recent_person() -> None:
    text = ("Bill Clinton spoke first. Clinton said he was glad. Hillary Clinton spoke next. "
            "Clinton said she agreed. Later Bill Clinton left.")
    doc = with_entities(from_regex(text), ["Bill Clinton", "Hillary Clinton", "Clinton"])
    assert resolve_name(doc, span(text, "Clinton", 1)) == ("Bill Clinton", "PERSON")
    assert resolve_name(doc, span(text, "Clinton", 3)) == ("Hillary Clinton", "PERSON")
    assert [resolve_name(doc, span(text, "Clinton", k))[0] for k in range(5)] == [
        "Bill Clinton", "Bill Clinton", "Hillary Clinton", "Hillary Clinton", "Bill Clinton"]


def test_a_pronoun_gender_chooses_among_people_of_one_surname() -> None:
    text = "Carly Fiorina wrote a book. Frank Fiorina read it. Fiorina said she was proud."
    doc = with_entities(from_regex(text), ["Carly Fiorina", "Frank Fiorina", "Fiorina"])
    mention = span(text, "Fiorina", 2)
    assert resolve_name(doc, mention) == ("Frank Fiorina", "PERSON")  # the most recent
    assert resolve_name(doc, mention, gender="f") == ("Carly Fiorina", "PERSON")
    assert resolve_name(doc, mention, gender="m") == ("Frank Fiorina", "PERSON")
    # a courtesy title says the gender too
    text = "Hillary Clinton spoke first. Bill Clinton spoke next. Mrs. Clinton agreed."
    doc = with_entities(from_regex(text), ["Hillary Clinton", "Bill Clinton", "Clinton"])
    assert resolve_name(doc, span(text, "Mrs. Clinton")) == ("Hillary Clinton", "PERSON")
    assert resolve_name(doc, span(text, "Clinton", 2)) == ("Bill Clinton", "PERSON")


def test_a_lone_first_name_is_the_one_person_of_that_name() -> None:
    text = ("Donald Trump spoke. Mitt Romney listened. Donald said it was over. Mitt left. "
            "Jeb Bush and Jeb Hensarling came. Jeb waved.")
    doc = with_entities(from_regex(text), ["Donald Trump", "Mitt Romney", "Donald", "Mitt",
                                           "Jeb Bush", "Jeb Hensarling", "Jeb"])
    assert resolve_name(doc, span(text, "Donald", 1)) == ("Donald Trump", "PERSON")
    assert resolve_name(doc, span(text, "Mitt", 1)) == ("Mitt Romney", "PERSON")
    # two people of that first name: no guess
    assert resolve_name(doc, span(text, "Jeb", 2)) == ("Jeb", "PERSON")


def test_first_name_must_agree() -> None:
    text = "Hillary Clinton spoke. Bill Clinton listened."
    doc = with_entities(from_regex(text), ["Hillary Clinton", "Bill Clinton"])
    assert resolve_name(doc, span(text, "Bill Clinton")) == ("Bill Clinton", "PERSON")
    assert resolve_name(doc, span(text, "Hillary Clinton")) == ("Hillary Clinton", "PERSON")


def test_descriptions_resolve_with_agreeing_affiliation() -> None:
    text = ("US Defense Secretary Lloyd Austin met British Defence Secretary Ben Wallace. "
            "The British defence secretary said it went well. The US defence secretary "
            "agreed.")
    doc = from_regex(text)
    assert resolve_name(doc, span(text, "The British defence secretary")) == ("Ben Wallace",
                                                                              "PERSON")
    assert resolve_name(doc, span(text, "The US defence secretary")) == ("Lloyd Austin",
                                                                         "PERSON")


def test_an_unknown_description_has_no_name() -> None:
    text = "The spokesman said nothing. Defence Secretary Lloyd Austin left."
    doc = from_regex(text)
    assert resolve_name(doc, span(text, "The spokesman")) == (None, "PERSON")


def test_organisations_places_and_others() -> None:
    text = ("The Foreign Ministry said so. Tehran called it terrorism. Iran's envoy left. "
            "Media there reported it. He added more.")
    doc = from_regex(text)
    assert resolve_name(doc, span(text, "The Foreign Ministry")) == ("Foreign Ministry", "ORG")
    assert resolve_name(doc, span(text, "Tehran")) == ("Tehran", "GPE")
    assert resolve_name(doc, span(text, "Iran's")) == ("Iran", "GPE")
    assert resolve_name(doc, span(text, "Media there")) == (None, "ORG")
    assert resolve_name(doc, span(text, "He")) == (None, "PERSON")


def test_ner_type_wins_for_non_person_names() -> None:
    text = "Hamas said the truce would hold."
    doc = with_entities(from_regex(text), ["Hamas"], "ORG")
    assert resolve_name(doc, span(text, "Hamas")) == ("Hamas", "ORG")
    assert resolve_name(from_regex(text), span(text, "Hamas"))[0] == "Hamas"


# ------------------------------------------------------------------ roles per entity

def test_an_entity_keeps_its_role_and_affiliation_at_every_quote() -> None:
    text = ("The US defence secretary arrived. Defence Secretary Lloyd Austin met Israeli "
            "Defence Minister Benny Gantz.\n\n"
            '"It went well," Austin said. "We agree," Gantz said. "Good," Austin added.')
    result = run_stages(from_regex(text))
    speakers = {e.name: e for e in result.speakers}
    austin, gantz = speakers["Lloyd Austin"], speakers["Benny Gantz"]
    assert (austin.roles, austin.affiliation, austin.quotes) == (("Defence Secretary",), "US", 2)
    assert (gantz.roles, gantz.affiliation, gantz.quotes) == (("Defence Minister",), "Israel", 1)
    assert [m.text for m in austin.mentions] == ["Austin", "Austin"]
    assert all(q.speaker is not None and q.speaker.role == "Defence Secretary"
               for q in result.quotes if q.speaker and q.speaker.name == "Lloyd Austin")


def test_former_and_current_holders_of_a_role() -> None:
    text = ("US President Joe Biden spoke. Former US President Donald Trump replied. "
            "The former president was angry. The president was calm.")
    doc = from_regex(text)
    assert resolve_name(doc, span(text, "The former president"))[0] == "Donald Trump"
    assert resolve_name(doc, span(text, "The president"))[0] == "Joe Biden"


# ------------------------------------------------------------------ the founding article

@pytest.fixture(params=["ner", "no-ner"])
def founding_doc(request: pytest.FixtureRequest) -> Document:
    text, _ = founding()
    doc = from_regex(text)
    return with_entities(doc, ARTICLE_PEOPLE) if request.param == "ner" else doc


def test_founding_article_resolve_name(founding_doc: Document) -> None:
    text = founding_doc.text
    assert resolve_name(founding_doc, span(text, "The US defence secretary")) == (
        "Lloyd Austin", "PERSON")
    austin = text.index("Austin said")
    assert resolve_name(founding_doc, Span.of(text, austin, austin + 6)) == ("Lloyd Austin",
                                                                             "PERSON")
    gantz = text.index("Gantz said")
    assert resolve_name(founding_doc, Span.of(text, gantz, gantz + 5)) == ("Benny Gantz",
                                                                           "PERSON")
    assert resolve_name(founding_doc, span(text, "Tehran")) == ("Tehran", "GPE")


def test_founding_article_canonical_names(founding_doc: Document) -> None:
    names = canonical_names(founding_doc)
    assert names["Austin"] == "Lloyd Austin"
    assert names["Gantz"] == "Benny Gantz"
    assert names["Aviv Kochavi"] == "Aviv Kochavi"


def test_founding_article_people(founding_doc: Document) -> None:
    _, expected = founding()
    found = {p.name: p for p in entities.people(NameIndex.build(founding_doc))}
    for person in expected["people"]:
        got = found[person["name"]]
        assert [r.lower() for r in got.roles] == [r.lower() for r in person["roles"]]
        if got.affiliation is not None:
            assert got.affiliation == person["affiliation"]
    assert found["Lloyd Austin"].roles == ("Defence Secretary",)
    assert found["Lloyd Austin"].affiliation == "US"
    assert found["Aviv Kochavi"].affiliation == "Israel"
