import pytest

from quoteattr import cues
from quoteattr.candidates import marked
from quoteattr.nlp.document import from_conllu, from_regex
from tests.test_document import CONLLU


@pytest.mark.parametrize("form,lemma", [("said", "say"), ("told", "tell"), ("warned", "warn"),
                                        ("insists", "insist"), ("tweeted", "tweet"),
                                        ("sighed", "sigh"), ("grumbled", "grumble"),
                                        ("adding", "add"), ("replied", "reply")])
def test_lemma_guess(form: str, lemma: str) -> None:
    assert cues.lemma_guess(form) == lemma


def test_lexicon_is_data() -> None:
    lex = cues.lexicon()
    assert lex["say"].indirect and lex["according to"].part == "phrase"
    assert not lex["sigh"].indirect


def test_cue_linked_through_the_tree() -> None:
    doc = from_conllu(CONLLU)
    said = next(w.index for w in doc.words if w.text == "said")
    win = next(w.index for w in doc.words if w.text == "win")
    assert cues.find(doc).link(1, win + 2) == said


def test_according_to_is_one_cue_of_two_words() -> None:
    doc = from_regex("According to officials, the talks failed.")
    found = cues.find(doc)
    assert found.is_cue(0) and found.entry(0) is cues.lexicon()["according to"]
    assert found.span(0).text == "According to"
    assert found.in_range(0, len(doc.words)) == [0]


@pytest.mark.parametrize("verb", ["characterized", "portrayed", "branded"])
def test_verbs_that_give_a_quoted_label_are_cues(verb: str) -> None:
    doc = from_regex(f'He {verb} Kaine as "a little desperate."')
    cue = marked(doc, cues.find(doc))[0].cue
    assert cue is not None and doc.words[cue].text == verb
    assert not cues.lexicon()[cues.lemma_guess(verb)].indirect


def test_a_cue_right_before_the_quote_wins_over_the_clause_it_hangs_on() -> None:
    from tests.test_resolvers import conllu

    # She said the mother replied, "It helps." (the parser hung the quote on "said")
    doc = from_conllu(conllu([
        "She she PRON 2 nsubj", "said say VERB 0 root", "the the DET 4 det",
        "mother mother NOUN 5 nsubj", "replied reply VERB 9 advcl SpaceAfter=No",
        ", , PUNCT 5 punct", '" " PUNCT 9 punct SpaceAfter=No', "It it PRON 9 nsubj",
        "helps help VERB 2 ccomp SpaceAfter=No", ". . PUNCT 9 punct SpaceAfter=No",
        '" " PUNCT 9 punct',
    ]))
    cue = marked(doc, cues.find(doc))[0].cue
    assert cue is not None and doc.words[cue].text == "replied"


def test_the_object_of_a_cue_is_data() -> None:
    lex = cues.lexicon()
    assert lex["say"].object == "content"
    assert lex["blame"].object == "target" and lex["tell"].object == "addressee"
