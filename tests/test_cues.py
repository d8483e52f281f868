import pytest

from quoteattr import cues
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
    assert cues.link(doc, 1, win + 2) == said


def test_according_to_is_one_cue_of_two_words() -> None:
    doc = from_regex("According to officials, the talks failed.")
    assert cues.is_cue(doc, 0)
    assert cues.cue_span(doc, 0).text == "According to"


@pytest.mark.parametrize("verb", ["characterized", "portrayed", "branded"])
def test_verbs_that_give_a_quoted_label_are_cues(verb: str) -> None:
    from quoteattr.extractor import quote_candidates

    doc = from_regex(f'He {verb} Kaine as "a little desperate."')
    cue = quote_candidates(doc)[0].cue
    assert cue is not None and doc.words[cue].text == verb
    assert not cues.lexicon()[cues.lemma_guess(verb)].indirect
