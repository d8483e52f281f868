"""Who said it, by name and role: each error class on a short invented text (hand-built
documents, no model)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from quoteattr import cues, mentions, roles
from quoteattr.entities import NameIndex, resolve_name
from quoteattr.extractor import run_stages
from quoteattr.nlp.document import from_conllu, from_regex
from quoteattr.types import Span
from tests.test_resolvers import conllu


def speaker_of(text: str, quote: str):
    """The speaker of the quote ``quote`` in ``text`` (fast mode: no model)."""
    r = run_stages(from_regex(text))
    return next(q.speaker for q in r.quotes if q.text.startswith(quote))


# ------------------------------------------------------------------ roles


def test_a_party_adjective_is_the_affiliation_not_the_role() -> None:
    info = roles.analyse_text("longtime Democratic pollster Pat Caddell")
    assert (info.stated_role, info.stated_affiliation) == ("pollster", "Democratic Party")
    info = roles.analyse_text("Republican presidential nominee Donald Trump")
    assert (info.stated_role, info.stated_affiliation) == ("presidential nominee",
                                                           "Republican Party")


def test_an_organisation_named_with_the_role_is_the_affiliation() -> None:
    for mention, role, org in [("House Speaker Paul Ryan", "Speaker", "House"),
                               ("NYPD Commissioner James O'Neill", "Commissioner", "NYPD"),
                               ("DNC Chairwoman Donna Brazile", "Chairwoman",
                                "Democratic National Committee"),
                               ("European Council President Donald Tusk", "President",
                                "European Council")]:
        info = roles.analyse_text(mention)
        assert (info.stated_role, info.stated_affiliation) == (role, org), mention
    # the role as written stays whole for the article's list of roles
    assert roles.analyse_text("House Speaker Paul Ryan").role == "House Speaker"
    # a title whose own words are capitalised keeps them
    info = roles.analyse_text("Deputy Foreign Minister Ana Ruiz")
    assert (info.stated_role, info.organisation) == ("Deputy Foreign Minister", None)


def test_an_organisation_after_or_owning_the_role() -> None:
    text = "Daryl Kimball, executive director of the Arms Control Association"
    info = roles.analyse_text(text)
    assert (info.stated_role, info.stated_affiliation) == ("executive director",
                                                           "Arms Control Association")
    info = roles.analyse_text("Nick Witney, a fellow at the European Council on Foreign "
                              "Relations")
    assert (info.stated_role, info.stated_affiliation) == (
        "fellow", "European Council on Foreign Relations")
    info = roles.analyse_text("Ora Media's chief executive John Dickey")
    assert (info.stated_role, info.stated_affiliation) == ("chief executive", "Ora Media")
    # a country after the role stays the affiliation
    assert roles.analyse_text("the foreign minister of Portugal").stated_affiliation == \
        "Portugal"


def test_a_past_post_is_kept_and_abbreviations_are_written_out() -> None:
    info = roles.analyse_text("former Pennsylvania Gov. Ed Rendell")
    assert (info.stated_role, info.stated_affiliation) == ("former Governor", "Pennsylvania")
    assert roles.analyse_text("longtime Sen. Ana Ruiz").stated_role == "Senator"
    assert roles.expand_abbreviations("Rep.") == "Representative"
    assert roles.expand_abbreviations("Defense Secretary") == "Defense Secretary"


def test_a_current_role_wins_over_a_past_post() -> None:
    text = ('Former Gov. Maria Lopez was elected mayor last year. Mayor Maria Lopez spoke '
            'on Monday.\n\n"We will build," Lopez said.')
    sp = speaker_of(text, "We will build")
    assert sp is not None and sp.name == "Maria Lopez"
    assert sp.role == "Mayor" and "former Governor" in sp.roles


def test_a_role_stated_at_any_mention_is_the_speakers_role() -> None:
    text = ('Republican nominee Maria Lopez toured the plant.\n\n'
            '"We will win," Lopez said.')
    sp = speaker_of(text, "We will win")
    assert sp is not None and (sp.name, sp.role, sp.affiliation) == (
        "Maria Lopez", "nominee", "Republican Party")


def test_a_party_tag_gives_the_state_and_is_no_speaker() -> None:
    text = '"It is a disgrace," Rep. Gwen Moore (D-Wis.) said on Friday.'
    (info,) = roles.role_mentions(from_regex(text), 0, 20)
    assert info.name is not None and (info.name.text, info.stated_role, info.affiliation) == (
        "Gwen Moore", "Representative", "Wisconsin")
    doc = from_regex(text)
    found = cues.find(doc)
    m = mentions.build(doc, found)
    from quoteattr.candidates import find

    heads = {doc.words[i].text for i in m.candidates(find(doc, found)[0])}
    assert "Moore" in heads and not heads & {"D", "Wis."}


def test_a_place_after_a_preposition_is_no_apposition_of_a_role() -> None:
    text = ("Mayor Bill de Blasio spoke on Saturday. At a press conference in Chelsea, the "
            "mayor said more.")
    doc = from_regex(text)
    pos = text.index("the mayor")
    mention = Span.of(text, pos, pos + len("the mayor"))
    assert resolve_name(doc, NameIndex.build(doc), mention) == ("Bill de Blasio", "PERSON")


# ------------------------------------------------------------------ names


def test_names_the_tokenizer_cut_are_whole_again() -> None:
    # said Park Geun-hye and Rep. G.K. Butterfield (tokens as a tokenizer leaves them)
    doc = from_conllu(conllu([
        "President President PROPN 2 compound", "Park Park PROPN 6 nsubj NER=B-PERSON",
        "Geun Geun PROPN 2 flat NER=E-PERSON|SpaceAfter=No", "- - PUNCT 5 punct SpaceAfter=No",
        "hye hye PRON 2 flat", "said say VERB 0 root", ". . PUNCT 6 punct",
    ]))
    words = mentions.bounds(doc, cues.find(doc), 1)[0]
    assert doc.span_of(words.first, words.last).text == "President Park Geun-hye"
    assert roles.analyse(doc, 0, 5).name is not None
    assert roles.analyse(doc, 0, 5).name.text == "Park Geun-hye"
    doc = from_conllu(conllu([
        "Rep. Rep. PROPN 4 compound", "G.K G.K PROPN 4 compound NER=S-PERSON|SpaceAfter=No",
        ". . PUNCT 2 punct", "Butterfield Butterfield PROPN 5 nsubj NER=S-PERSON",
        "said say VERB 0 root",
    ]))
    info = roles.analyse(doc, 0, 4)
    assert info.name is not None and info.name.text == "G.K. Butterfield"
    assert info.stated_role == "Representative"
    # "Donna" read as "Don" + "na" by a multi-word token model
    doc = from_conllu(conllu([
        "Don Don PROPN 4 nsubj NER=B-PERSON|SpaceAfter=No", "na na ADP 1 case NER=I-PERSON",
        "Rawlings Rawlings PROPN 1 flat NER=E-PERSON", "said say VERB 0 root",
    ]))
    assert NameIndex.build(doc).fullest(("Rawlings",), 20) == "Donna Rawlings"


def test_a_name_keeps_the_articles_apostrophe() -> None:
    text = "NYPD Commissioner James O’Neill spoke. Later O’Neill said more."
    doc = from_regex(text)
    pos = text.rindex("O’Neill")
    name, _ = resolve_name(doc, NameIndex.build(doc), Span.of(text, pos, pos + 7))
    assert name == "James O’Neill"


# ------------------------------------------------------------------ organisations and outlets


def _with_orgs(text: str, names: list[str]):
    from tests.test_entities import with_entities

    return with_entities(from_regex(text), names, "ORG")


def test_an_organisation_has_the_fullest_name_the_article_gives_it() -> None:
    text = ("The United Nations Security Council met on Friday. Later the Security Council "
            "said more.")
    doc = _with_orgs(text, ["United Nations Security Council", "Security Council"])
    pos = text.rindex("the Security Council")
    assert resolve_name(doc, NameIndex.build(doc), Span.of(text, pos, pos + 20)) == (
        "United Nations Security Council", "ORG")


def test_an_outlet_and_its_descriptions() -> None:
    text = ("The New York Times reported the deal on Monday. The Hill said it was late. "
            "The newspaper said more.")
    doc = _with_orgs(text, ["The New York Times", "The Hill"])
    index = NameIndex.build(doc)
    assert [(o.tokens, o.outlet) for o in index.organisations] == [
        (("New", "York", "Times"), True), (("The", "Hill"), True)]
    hill = text.index("The Hill")
    assert resolve_name(doc, index, Span.of(text, hill, hill + 8)) == ("The Hill", "ORG")
    paper = text.index("The newspaper")
    assert resolve_name(doc, index, Span.of(text, paper, paper + 13)) == ("The Hill", "ORG")
    # "the Times" is the New York Times
    text2 = "The New York Times reported it. Later the Times said more."
    doc2 = _with_orgs(text2, ["The New York Times", "Times"])
    times = text2.rindex("the Times")
    assert resolve_name(doc2, NameIndex.build(doc2), Span.of(text2, times, times + 9)) == (
        "New York Times", "ORG")


def test_an_organisation_the_tagger_ran_on_ends_at_its_name() -> None:
    text = "The Security Council condemned North Korea on Friday."
    doc = _with_orgs(text, ["Security Council condemned North Korea"])
    assert [o.tokens for o in NameIndex.build(doc).organisations] == [
        ("Security", "Council")]


def test_a_description_of_an_organisation_is_the_one_named_before() -> None:
    text = "Iran's Foreign Ministry denied it. The ministry said the talks would go on."
    doc = _with_orgs(text, ["Foreign Ministry"])
    pos = text.index("The ministry")
    assert resolve_name(doc, NameIndex.build(doc), Span.of(text, pos, pos + 12)) == (
        "Foreign Ministry", "ORG")


def test_a_description_in_apposition_is_the_role() -> None:
    for text, role, org in [
            ("Nick Witney, a fellow at the European Council on Foreign Relations", "fellow",
             "European Council on Foreign Relations"),
            ("James Acton, a physicist", "physicist", None),
            ("Ana Ruiz, a retired teacher", "retired teacher", None)]:
        info = roles.analyse_text(text)
        assert (info.stated_role, info.stated_affiliation) == (role, org), text
    # a description naming no person is no role
    assert roles.analyse_text("Tom Clarke, a chain of nursing homes").role is None
    assert roles.analyse_text("Jane Doe, the other").role is None


def test_compound_nouns_belong_to_the_title() -> None:
    # Mr. McGinley, a law professor at West Virginia University, said
    doc = from_conllu(conllu([
        "Mr. Mr. PROPN 2 compound", "McGinley McGinley PROPN 11 nsubj NER=S-PERSON",
        ", , PUNCT 6 punct", "a a DET 6 det", "law law NOUN 6 compound",
        "professor professor NOUN 2 appos", "at at ADP 10 case",
        "West West PROPN 10 compound", "Virginia Virginia PROPN 10 compound",
        "University University PROPN 6 nmod", "said say VERB 0 root",
    ]))
    info = roles.analyse(doc, 0, 10)
    assert (info.stated_role, info.stated_affiliation) == ("law professor",
                                                           "West Virginia University")
    assert info.name is not None and info.name.text == "McGinley"


# ------------------------------------------------------------------ layout and authors


def test_the_author_of_a_column_is_its_i() -> None:
    from quoteattr import layout

    column = ("Why I stopped driving\n\nBy Maria Lopez\n\nI sold my car last spring. "
              '"It was the best thing I ever did," I told my neighbour.\n\n'
              "Maria Lopez is a columnist for the Daily Planet.")
    doc = from_regex(column)
    assert layout.author(doc) == "Maria Lopez"
    r = run_stages(doc)
    q = next(q for q in r.quotes if q.text.startswith("It was the best"))
    assert q.speaker is not None and (q.speaker.name, q.speaker.mention.text) == (
        "Maria Lopez", "I")
    # a sign-off alone names the author too; no byline nor sign-off names nobody
    assert layout.author(from_regex("Some text.\n\nMore text.\n\n— Tom Walsh")) == "Tom Walsh"
    assert layout.author(from_regex("Tom Walsh said it.\n\nMore text.")) is None


def test_bylines_and_photo_credits_are_never_speakers() -> None:
    from quoteattr.candidates import find

    text = ('By Ana Ruiz\n\nMayor Bill Hanson spoke on Monday. (Tom Lee/Reuters) '
            '"We will build," Hanson said.')
    doc = from_regex(text)
    found = cues.find(doc)
    m = mentions.build(doc, found)
    heads = {doc.words[i].text for i in m.candidates(find(doc, found)[0])}
    assert "Hanson" in heads
    assert not heads & {"Ana", "Ruiz", "Tom", "Lee", "Reuters"}
    assert all(m.is_layout(i) for i, w in enumerate(doc.words) if w.text in ("Ana", "Lee"))


def test_a_statement_from_an_organisation_is_the_organisations() -> None:
    # according to a statement from the Interior Ministry, ...
    doc = from_conllu(conllu([
        "according accord VERB 3 case", "to to ADP 1 fixed", "statement statement NOUN 0 root",
        "from from ADP 7 case", "the the DET 7 det", "Interior Interior PROPN 7 compound",
        "Ministry Ministry PROPN 3 nmod NER=S-ORGANIZATION",
    ]))
    m = mentions.build(doc, cues.find(doc)).get(2)
    assert (m.name, m.type, m.refers_to) == ("Interior Ministry", "ORG", 6)


def test_a_group_named_for_its_owner() -> None:
    text = "Keith Scott died on Tuesday. Scott's family asked for the video."
    doc = from_regex(text)
    pos = text.index("Scott's family")
    assert resolve_name(doc, NameIndex.build(doc), Span.of(text, pos, pos + 14)) == (
        "Scott family", "ORG")


def test_a_party_tag_between_commas() -> None:
    text = '"We will win," Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.'
    (info,) = roles.role_mentions(from_regex(text), 0, 30)
    assert info.name is not None and (info.name.text, info.stated_role,
                                      info.stated_affiliation) == (
        "Mitch McConnell", "Majority Leader", "Senate")
    assert info.affiliation == "Kentucky"


def test_a_title_word_after_a_courtesy_title_is_a_name() -> None:
    info = roles.analyse_text("Mr. King")
    assert info.role is None and info.name is not None and info.name.text == "King"


def test_a_persons_name_starts_at_a_capital() -> None:
    from tests.test_entities import with_entities

    text = "9/11 widow Terry Strada spoke. Strada said more."
    doc = with_entities(from_regex(text), ["9/11 widow Terry Strada"])
    pos = text.rindex("Strada")
    assert resolve_name(doc, NameIndex.build(doc), Span.of(text, pos, pos + 6)) == (
        "Terry Strada", "PERSON")


def test_a_person_named_with_an_organisation_speaks_for_themself() -> None:
    # "...," Ana Ruiz of the Wall Street Journal wrote.
    doc = from_conllu(conllu([
        '" " PUNCT 3 punct SpaceAfter=No', "Yes yes INTJ 11 ccomp SpaceAfter=No",
        '" " PUNCT 2 punct', "Ana Ana PROPN 11 nsubj NER=B-PERSON",
        "Ruiz Ruiz PROPN 4 flat NER=E-PERSON", "of of ADP 10 case", "the the DET 10 det",
        "Wall Wall PROPN 10 compound NER=B-ORGANIZATION",
        "Street Street PROPN 10 compound NER=I-ORGANIZATION",
        "Journal Journal PROPN 4 nmod NER=E-ORGANIZATION", "wrote write VERB 0 root",
    ]))
    (q,) = run_stages(doc, strategy="rules").quotes
    assert q.speaker is not None and (q.speaker.name, q.speaker.type, q.speaker.role,
                                      q.speaker.affiliation) == (
        "Ana Ruiz", "PERSON", None, "Wall Street Journal")


def _two_sentences(first: list[str], second: list[str]) -> str:
    return conllu(first) + conllu(second)


def test_an_office_or_a_campaign_speaks_for_its_owner() -> None:
    # Ana Ruiz won. "Yes," her office said.
    first = ["Ana Ana PROPN 3 nsubj NER=B-PERSON", "Ruiz Ruiz PROPN 1 flat NER=E-PERSON",
             "won win VERB 0 root SpaceAfter=No", ". . PUNCT 3 punct"]

    def said(cue: int) -> list[str]:  # '"Yes," ' with the cue at row ``cue``
        return ['" " PUNCT 2 punct SpaceAfter=No', f"Yes yes INTJ {cue} ccomp SpaceAfter=No",
                ", , PUNCT 2 punct SpaceAfter=No", '" " PUNCT 2 punct']

    doc = from_conllu(_two_sentences(first, [
        *said(7), "her she PRON 6 nmod:poss", "office office NOUN 7 nsubj",
        "said say VERB 0 root SpaceAfter=No", ". . PUNCT 7 punct"]))
    (q,) = run_stages(doc, strategy="rules").quotes
    assert q.speaker is not None and q.speaker.mention is not None
    assert (q.speaker.mention.text, q.speaker.name, q.speaker.type) == (
        "her office", "Ana Ruiz", "PERSON")
    # ... "Yes," the Ruiz campaign said. (the tagger read "Ruiz" as an adjective)
    doc = from_conllu(_two_sentences(first, [
        *said(8), "the the DET 7 det", "Ruiz Ruiz ADJ 7 amod NER=S-LOCATION",
        "campaign campaign NOUN 8 nsubj", "said say VERB 0 root SpaceAfter=No",
        ". . PUNCT 8 punct"]))
    (q,) = run_stages(doc, strategy="rules").quotes
    assert q.speaker is not None and (q.speaker.name, q.speaker.type) == ("Ana Ruiz", "ORG")
    # a person who speaks for someone is no body: "her spokesman" stays unnamed
    doc = from_conllu(_two_sentences(first, [
        *said(7), "her she PRON 6 nmod:poss", "spokesman spokesman NOUN 7 nsubj",
        "said say VERB 0 root SpaceAfter=No", ". . PUNCT 7 punct"]))
    (q,) = run_stages(doc, strategy="rules").quotes
    assert q.speaker is not None and q.speaker.name != "Ana Ruiz"


def test_a_plural_title_over_a_coordination_is_each_ones_title() -> None:
    text = ("Senators Ana Ruiz and Tom Walsh wrote to the agency. Reps. Lee Park, Jo Hart and "
            "Al Diaz agreed.")
    found = roles.role_mentions(from_regex(text), 0, len(from_regex(text).words))
    got = [(i.name.text if i.name else None, i.role) for i in found]
    assert got == [("Ana Ruiz", "Senator"), ("Tom Walsh", "Senator"), ("Lee Park", "Rep."),
                   ("Jo Hart", "Rep."), ("Al Diaz", "Rep.")]
    # a singular title stays with its own name
    (one,) = roles.role_mentions(from_regex("Senator Ana Ruiz and Tom Walsh"), 0, 6)
    assert (one.name and one.name.text, one.role) == ("Ana Ruiz", "Senator")
    # the role is each one's at their quote
    text = ('Senators Ana Ruiz and Tom Walsh wrote to the agency.\n\n'
            '"We will win," Walsh said.')
    sp = speaker_of(text, "We will win")
    assert sp is not None and (sp.name, sp.role) == ("Tom Walsh", "Senator")


def test_in_an_interview_the_turns_alternate_between_the_two_sides() -> None:
    text = ("Q&A with Senator Ana Ruiz\n\nBy Tom Lee\n\n"
            "Senator Ana Ruiz spoke on Tuesday about the vote. Ruiz leads the committee.\n\n"
            "Q: What did you tell them?\n\n"
            'A: I told them, "We will win the vote."\n\n'
            'Q: I asked, "Really?" And what did they say?\n\n'
            "A: They laughed.\n\n"
            'But I said, "Not for long."\n\n'
            'Q: You wrote, "Never again." Why?')
    assert speaker_of(text, "We will win").name == "Ana Ruiz"
    assert speaker_of(text, "Not for long").name == "Ana Ruiz"  # the answer goes on
    assert speaker_of(text, "Really").name == "Tom Lee"  # the interviewer asks
    assert speaker_of(text, "Never again").name == "Ana Ruiz"  # "you" in a question
    # the labels are no speakers, and an article without turns has no sides
    from quoteattr import layout

    talk = layout.interview(from_regex(text))
    assert talk is not None and talk.sides == ("Q", "A", "Q", "A", "Q")
    assert talk.side_at(text.index("But I said")) == "A"
    assert layout.interview(from_regex('A: "Yes," she said.\n\nQ: Why?')) is None


def test_a_congressman_is_a_representative() -> None:
    assert roles.role_key("Congresswoman") == roles.role_key("Rep.") == "representative"
    text = ("Rep. Ana Ruiz, the top Democrat on the committee, spoke on Tuesday. The "
            "California congressman said more.\n\n"
            '"We will win," Ruiz said.')
    sp = speaker_of(text, "We will win")
    assert sp is not None and (sp.name, sp.role, sp.affiliation) == (
        "Ana Ruiz", "Representative", "California")


def test_a_place_after_the_name_is_the_affiliation() -> None:
    text = "Foreign Minister Ana Costa of Portugal and Gov. Earl Ray Tomblin of West Virginia met."
    doc = from_regex(text)
    found = roles.role_mentions(doc, 0, len(doc.words))
    got = [(i.name.text if i.name else None, i.role, i.affiliation) for i in found]
    assert got == [("Ana Costa", "Foreign Minister", "Portugal"),
                   ("Earl Ray Tomblin", "Gov.", "West Virginia")]
    # an organisation after the name is no place
    (info,) = roles.role_mentions(from_regex("Senator Ana Ruiz of the committee"), 0, 6)
    assert info.affiliation is None


def test_one_of_a_group_has_the_groups_role_in_the_singular() -> None:
    for text, role in [("Robert McAtee, one of several coal industry veterans who work here",
                        "coal industry veteran"),
                       ("one of his senior aides", "senior aide"),
                       ("one of the bill's chief negotiators", "chief negotiator"),
                       ("Ana Ruiz, one of the organizers", "organizer")]:
        assert roles.analyse_text(text).stated_role == role, text
    # "one of the reasons" names no person
    assert roles.analyse_text("Ana Ruiz, one of the reasons").stated_role is None


def test_one_of_a_group_is_one_mention_with_its_of_phrase() -> None:
    # "Yes," said Robert McAtee, one of several coal industry veterans.
    doc = from_conllu(conllu([
        '" " PUNCT 2 punct SpaceAfter=No', "Yes yes INTJ 5 ccomp SpaceAfter=No",
        ", , PUNCT 2 punct SpaceAfter=No", '" " PUNCT 2 punct', "said say VERB 0 root",
        "Robert Robert PROPN 5 nsubj NER=B-PERSON",
        "McAtee McAtee PROPN 6 flat NER=E-PERSON|SpaceAfter=No", ", , PUNCT 9 punct",
        "one one NUM 6 appos", "of of ADP 14 case", "several several ADJ 14 amod",
        "coal coal NOUN 13 compound", "industry industry NOUN 14 compound",
        "veterans veteran NOUN 9 nmod SpaceAfter=No", ". . PUNCT 5 punct"]))
    (q,) = run_stages(doc, strategy="rules").quotes
    assert q.speaker is not None and (q.speaker.name, q.speaker.role) == (
        "Robert McAtee", "coal industry veteran")


def test_a_name_cut_at_its_hyphen_stays_whole_as_the_subject() -> None:
    # President Park Geun-hye said "no", with "hye" read as the subject of "said"
    doc = from_conllu(conllu([
        "President President PROPN 2 nmod:desc", "Park Park PROPN 0 root NER=B-PERSON",
        "Geun Geun PROPN 2 flat NER=E-PERSON|SpaceAfter=No", "- - PUNCT 5 punct SpaceAfter=No",
        "hye hye PRON 6 nsubj", "said say VERB 2 acl:relcl", '" " PUNCT 8 punct SpaceAfter=No',
        "no no INTJ 6 ccomp SpaceAfter=No", '" " PUNCT 8 punct']))
    (q,) = run_stages(doc, strategy="rules").quotes
    assert q.speaker is not None and q.speaker.mention is not None
    assert (q.speaker.mention.text, q.speaker.name, q.speaker.role) == (
        "President Park Geun-hye", "Park Geun-hye", "President")


def test_a_description_after_a_party_tag_is_the_named_persons() -> None:
    text = ('"We will win," added Rep. Jim Clyburn (D-S.C.), the assistant leader of the '
            'Democratic caucus.')
    doc = from_regex(text)
    got = [(i.name.text if i.name else None, i.role)
           for i in roles.role_mentions(doc, 0, len(doc.words))]
    # the description's holder is the name before the tag, without its title
    assert got == [("Jim Clyburn", "Rep."), ("Jim Clyburn", "assistant leader")]
    # a first name that is also a title stays in the name
    doc = from_regex("Dean Baker, the co-director of the center, said so.")
    holders = {i.role: i.name.text for i in roles.role_mentions(doc, 0, len(doc.words))
               if i.name is not None}
    assert holders["co-director"] == "Dean Baker"


def test_a_title_word_that_is_a_named_persons_surname_is_that_person() -> None:
    # Larry King hosts a show. "Yes," King said.
    first = ["Larry Larry PROPN 3 nsubj NER=B-PERSON", "King King PROPN 1 flat NER=E-PERSON",
             "hosts host VERB 0 root", "a a DET 5 det", "show show NOUN 3 obj SpaceAfter=No",
             ". . PUNCT 3 punct"]
    said = ['" " PUNCT 2 punct SpaceAfter=No', "Yes yes INTJ 6 ccomp SpaceAfter=No",
            ", , PUNCT 2 punct SpaceAfter=No", '" " PUNCT 2 punct', "King King PROPN 6 nsubj",
            "said say VERB 0 root SpaceAfter=No", ". . PUNCT 6 punct"]
    (q,) = run_stages(from_conllu(_two_sentences(first, said)), strategy="rules").quotes
    assert q.speaker is not None and (q.speaker.name, q.speaker.role) == ("Larry King", None)
    # without a Larry King in the article, "King" is no one's surname
    other = ["Ana Ana PROPN 2 nsubj NER=S-PERSON", "left leave VERB 0 root SpaceAfter=No",
             ". . PUNCT 2 punct"]
    (q,) = run_stages(from_conllu(_two_sentences(other, said)), strategy="rules").quotes
    assert q.speaker is not None and q.speaker.name != "Larry King"


def test_a_titles_of_phrase_stays_in_the_mention() -> None:
    # Secretary of State John F. Kerry said "no", the name read as the title's nmod
    doc = from_conllu(conllu([
        "Secretary secretary NOUN 7 nsubj", "of of ADP 3 case",
        "State State PROPN 4 nmod:desc", "John John PROPN 1 nmod NER=B-PERSON",
        "F. F. PROPN 4 flat NER=I-PERSON", "Kerry Kerry PROPN 4 flat NER=E-PERSON",
        "said say VERB 0 root", '" " PUNCT 9 punct SpaceAfter=No',
        "no no INTJ 7 ccomp SpaceAfter=No", '" " PUNCT 9 punct']))
    (q,) = run_stages(doc, strategy="rules").quotes
    assert q.speaker is not None and q.speaker.mention is not None
    assert (q.speaker.mention.text, q.speaker.name, q.speaker.role) == (
        "Secretary of State John F. Kerry", "John F. Kerry", "Secretary of State")


def test_a_description_without_an_article_before_a_name_is_the_role() -> None:
    for mention, name, role in (("9/11 widow Terry Strada", "Terry Strada", "9/11 widow"),
                                ("retired coal miner Joe Black", "Joe Black",
                                 "retired coal miner"),
                                ("his daughter Ivanka Trump", "Ivanka Trump", "daughter")):
        info = roles.analyse_text(mention)
        assert (info.name.text if info.name else None, info.role) == (name, role), mention
    # words that are not a person's description give no role, and no name is made up
    info = roles.analyse_text("a visit by Joe Black")
    assert (info.name, info.role) == (None, None)


def test_a_persons_campaign_before_the_title_is_the_affiliation() -> None:
    info = roles.analyse_text("Clinton campaign spokesman Brian Fallon")
    assert (info.name.text, info.stated_role, info.stated_affiliation) == (
        "Brian Fallon", "spokesman", "Clinton campaign")
    info = roles.analyse_text("Trump campaign manager Corey Lewandowski")
    assert (info.stated_role, info.stated_affiliation) == ("manager", "Trump campaign")
    info = roles.analyse_text("But Trump campaign chairman Paul Manafort")
    assert info.stated_affiliation == "Trump campaign"
    # without an owner the title stays whole; a party is no owner
    assert roles.analyse_text("campaign spokesman Brian Fallon").stated_role == \
        "campaign spokesman"
    info = roles.analyse_text("Republican campaign spokesman Brian Fallon")
    assert info.stated_role != "spokesman" or info.stated_affiliation != "Republican campaign"


def test_a_title_the_tagger_took_into_a_name_is_the_role() -> None:
    # the NER tags "Charlotte Mayor" and "Jennifer Roberts" as two people, or all four words
    # as one; a surname that is a title word ("Julie Bishop") stays a name
    for ner in (["B-PERSON", "E-PERSON", "B-PERSON", "E-PERSON"],
                ["B-PERSON", "I-PERSON", "I-PERSON", "E-PERSON"]):
        words = ["Charlotte", "Mayor", "Jennifer", "Roberts"]
        doc = from_conllu(conllu(
            [f"{w} {w} PROPN {1 if k else 5} {'flat' if k else 'nsubj'} NER={tag}"
             for k, (w, tag) in enumerate(zip(words, ner))] +
            ["said say VERB 0 root SpaceAfter=No", ". . PUNCT 5 punct"]))
        (info,) = roles.titled_names(doc, 0, len(doc.words))
        assert (info.name.text, info.stated_role) == ("Jennifer Roberts", "Mayor")
    doc = from_conllu(conllu(["Julie Julie PROPN 3 nsubj NER=B-PERSON",
                              "Bishop Bishop PROPN 1 flat NER=E-PERSON",
                              "said say VERB 0 root SpaceAfter=No", ". . PUNCT 3 punct"]))
    assert roles.titled_names(doc, 0, len(doc.words)) == []


def test_titles_joined_by_and_are_one_role() -> None:
    info = roles.analyse_text("Paul Rieckhoff, founder and CEO of the Acme Group")
    assert (info.name.text, info.stated_role, info.stated_affiliation) == (
        "Paul Rieckhoff", "founder and CEO", "Acme Group")
    # and over a sentence, where the entity's roles are read
    doc = from_regex("He spoke, says Paul Rieckhoff, founder and CEO of the Acme Group.")
    (info,) = roles.titled_names(doc, 0, len(doc.words))
    assert (info.name.text, info.stated_role) == ("Paul Rieckhoff", "founder and CEO")


def _tagged(text: str, tags: dict[int, str]):
    """``text`` read without a model, with the named-entity tags ``tags`` (word -> tag)."""
    import attrs

    from quoteattr.nlp.document import entities_from_bio

    doc = from_regex(text)
    words = tuple(attrs.evolve(w, ner=tags.get(w.index, "O"),
                               upos="PROPN" if w.text[:1].isupper() else "X") for w in doc.words)
    return attrs.evolve(doc, words=words, entities=tuple(entities_from_bio(words, doc.text)))


def test_a_name_ends_at_its_possessive() -> None:
    # the tagger took "Harper's RT" for one person: the name is Harper's, RT is his outing
    doc = _tagged("Critics seized upon Mr. Harper's RT appearance.",
                  {5: "B-PERSON", 6: "E-PERSON"})
    assert [o.tokens for o in NameIndex.build(doc).occurrences] == [("Harper",)]


def test_a_word_the_tagger_left_untagged_has_the_type_it_has_elsewhere() -> None:
    from quoteattr.values import WordRange

    doc = _tagged("RT is a network. Critics of RT spoke, and Ms. Wahl left RT.",
                  {0: "S-ORG", 15: "S-ORG"})
    assert [doc.words[k].text for k in (0, 7, 13, 15)] == ["RT", "RT", "Wahl", "RT"]
    # the second "RT" is untagged, an organisation where the article tags it
    assert mentions.speaker_type(doc, WordRange(7, 8)) == "ORG"
    assert mentions.speaker_type(doc, WordRange(13, 14)) == "OTHER"  # "Wahl", never tagged


def test_a_mention_of_a_lone_determiner_reads_nothing() -> None:
    # the parser can leave a speaker mention of one word "the" (seen in PolNeAR train)
    for text in ("the", "The", "a", "the Smith"):
        info = roles.analyse_text(text)
        assert info.role is None, text
    assert roles.analyse_text("the").name is None


def test_a_surname_one_letter_off_is_a_misspelling_of_a_longer_name_only() -> None:
    doc = _tagged("Darnella McAllister met Tom Smith and the Clintons.",
                  {0: "B-PERSON", 1: "E-PERSON", 3: "B-PERSON", 4: "E-PERSON"})
    index = NameIndex.build(doc)
    assert index.fullest(("McAlister",), 40) == "Darnella McAllister"
    # short names and plurals are other people: "Smyth", "the McAllisters"
    assert index.fullest(("Smyth",), 40) == "Smyth"
    assert index.fullest(("McAllisters",), 40) == "McAllisters"


def test_a_description_after_a_possessive_is_the_role() -> None:
    info = roles.analyse_text("Donald Trump, her Republican opponent")
    assert (info.stated_role, info.stated_affiliation) == ("opponent", "Republican Party")
    info = roles.analyse_text("Peter Hastings, his former business partner")
    assert (info.name.text, info.stated_role) == ("Peter Hastings", "former business partner")


def test_a_plural_title_is_no_persons_apposition() -> None:
    doc = from_regex("After meeting with Al Sharpton and other civil rights leaders, Clinton "
                     "proposed new rules.")
    found = roles.role_mentions(doc, 0, len(doc.words))
    assert [i.role for i in found] == ["leaders"]
    assert found[0].name is None
    # a singular one is
    doc = from_regex("After meeting with the board and its longtime chairman, Ana Ruiz left.")
    assert [i.name.text for i in roles.role_mentions(doc, 0, len(doc.words))] == ["Ana Ruiz"]


def test_a_description_in_apposition_after_a_name_gives_the_person_a_role() -> None:
    # "veteran" is no title: the name index reads the apposition as the person's role, and
    # how long is no part of it
    doc = from_regex("The plan is open, said Elaine Marsh, a two-decade veteran of the Rules "
                     "Committee. Later Marsh left.")
    found = [(i.name.text, i.stated_role, i.stated_affiliation)
             for i in roles.role_mentions(doc, 0, len(doc.words))]
    assert found == [("Elaine Marsh", "veteran", "Rules Committee")]
    assert NameIndex.build(doc).roles_of("Elaine Marsh")[0][1].stated_role == "veteran"
    assert roles.analyse_text("Ana Ruiz, a 20-year veteran of the force").stated_role == \
        "veteran"


def test_a_title_after_and_is_the_next_persons_alone() -> None:
    doc = from_regex("Donald Trump and House Speaker Paul Ryan met on Thursday.")
    found = [(i.name.text, i.stated_role, i.stated_affiliation)
             for i in roles.role_mentions(doc, 0, len(doc.words))]
    assert found == [("Paul Ryan", "Speaker", "House")]


_PIECES = ["Ana", "Ruiz", "Mr.", "Senator", "senators", ",", "the", "a", "one", "of", "who",
           "was", "is", "-", "26", "year", "old", "and", "his", "former", "veteran", "'s",
           "Hopefully", "said", "(", ")", "D-Wis.", "most", "famous", "interviewers", "at",
           "Norvale", "Even", "only", "ally"]


@settings(max_examples=300, deadline=None)
@example(["Ana", "Ruiz", ","])
@example(["the"])
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14))
def test_reading_roles_never_fails_on_any_word_sequence(words: list[str]) -> None:
    # mentions cut anywhere ("Ana Ruiz,", "the", "one of"): read, never an IndexError
    doc = from_regex(" ".join(words))
    roles.role_mentions(doc, 0, len(doc.words))
    roles.analyse(doc, 0, len(doc.words))
    NameIndex.build(doc)


def test_a_name_and_a_comma_at_a_sentences_end_read_nothing_more() -> None:
    # seen in PolNeAR train: a list of names whose last comma ends the sentence
    doc = _tagged("Senator Tom Walsh met Ana Ruiz ,", {1: "B-PERSON", 2: "E-PERSON",
                                                      4: "B-PERSON", 5: "E-PERSON"})
    assert [(i.name.text, i.role) for i in roles.role_mentions(doc, 0, len(doc.words))] == [
        ("Tom Walsh", "Senator")]


def test_a_first_name_the_lexicon_lacks_has_the_gender_of_its_ending() -> None:
    from quoteattr import coref, lexicons

    assert lexicons.name_gender(["Tyresha", "Hightower"]) == "f"
    assert lexicons.name_gender(["Joshua", "Ruiz"]) == "m"  # the lexicon first
    assert lexicons.name_gender(["Donald", "Ruiz"]) == "m"
    assert lexicons.name_gender(["Xander", "Ruiz"]) is None
    # a full name's first name tells; a lone surname ending in -a does not
    assert coref._disagrees("Tyresha Hightower", "m", {})
    assert not coref._disagrees("Obama", "f", {}) and not coref._disagrees("Obama", "m", {})
