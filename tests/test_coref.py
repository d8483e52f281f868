"""The coreference step alone, on hand-built documents: the rules, the learned antecedent
ranker and their agreement filter."""

from __future__ import annotations

from quoteattr import antecedents, cues, mentions
from quoteattr.antecedents import Setting
from quoteattr.coref import article_genders, resolve, rule_antecedent
from quoteattr.linear import Weights
from quoteattr.nlp.document import from_conllu
from quoteattr.values import CharRange, Choice, MentionId, QuoteCandidate, QuoteId, WordRange
from tests.test_resolvers import conllu

# Maria Lopez met Tom Walsh. She said "we will win".
TEXT = conllu([
    "Maria Maria PROPN 3 nsubj NER=B-PERSON", "Lopez Lopez PROPN 1 flat NER=E-PERSON",
    "met meet VERB 0 root", "Tom Tom PROPN 3 obj NER=B-PERSON",
    "Walsh Walsh PROPN 4 flat NER=E-PERSON|SpaceAfter=No", ". . PUNCT 3 punct",
]) + conllu([
    "She she PRON 2 nsubj", "said say VERB 0 root", '" " PUNCT 6 punct SpaceAfter=No',
    "we we PRON 6 nsubj", "will will AUX 6 aux", "win win VERB 2 ccomp SpaceAfter=No",
    '" " PUNCT 6 punct SpaceAfter=No', ". . PUNCT 2 punct",
])


def _setup():
    doc = from_conllu(TEXT)
    found = cues.find(doc)
    return doc, mentions.build(doc, found)


def test_candidates_agree_with_the_pronoun() -> None:
    doc, m = _setup()
    she = next(w.index for w in doc.words if w.text == "She")
    setting = Setting(article_genders(doc))
    heads = [doc.words[i].text for i in antecedents.candidates(m, she, setting)]
    # Tom is a man's name: no candidate for "she"; Maria Lopez is
    assert "Maria" in heads and "Tom" not in heads and "Walsh" not in heads
    assert antecedents.gender_of(m, 0, setting.genders) == "f"


def test_the_ranker_scores_candidates_with_the_rules_answer_among_its_features() -> None:
    doc, m = _setup()
    she = next(w.index for w in doc.words if w.text == "She")
    setting = Setting(article_genders(doc), rule=(0, "Maria Lopez"))
    cands = antecedents.candidates(m, she, setting)
    agree = antecedents.agreeing(m, she, cands, setting)
    f = antecedents.features(m, she, 0, agree, setting)
    assert {"rule|name", "kind=name", "sent_dist=1", "gender=True", "named"} <= set(f)
    trust_rules = antecedents.Antecedents(Weights("coref", antecedents.FEATURES,
                                                  {"rule|name": 5.0}))
    ranked = trust_rules.rank(m, she, setting)
    assert ranked[0][0] == 0 and ranked[0][1] > 0.9


def test_a_pronoun_speaker_takes_the_name_of_its_antecedent() -> None:
    doc, m = _setup()
    she = next(w.index for w in doc.words if w.text == "She")
    win = next(w.index for w in doc.words if w.text == "we")
    q = QuoteCandidate(QuoteId(0), CharRange(doc.words[win].start, doc.words[win + 2].end),
                       "mixed", WordRange(win, win + 3), she + 1)
    answers = {QuoteId(0): Choice(MentionId(she), "cue_subject")}
    rule = rule_antecedent(doc, m, [], {}, answers, WordRange(she, she + 1),
                           article_genders(doc))
    assert rule is not None and rule[0].name == "Maria Lopez"
    # the rules alone, and with a ranker that prefers the nearest agreeing candidate
    assert resolve(doc, m, [q], answers)[QuoteId(0)].name == "Maria Lopez"
    ranker = antecedents.Antecedents(Weights("coref", antecedents.FEATURES,
                                             {"nearest_agreeing": 3.0}))
    got = resolve(doc, m, [q], answers, ranker)[QuoteId(0)]
    assert (got.name, got.pronoun) == ("Maria Lopez", True)


def test_he_or_she_never_takes_an_organisation_from_the_ranker() -> None:
    # Maria Lopez met Tom Walsh. She said "we will win". -- with a ranker sure of "Walsh"
    # made an organisation, and of Maria Lopez less so
    import attrs

    from quoteattr import coref

    doc, m = _setup()
    she = next(w.index for w in doc.words if w.text == "She")
    walsh = next(w.index for w in doc.words if w.text == "Walsh")

    class Sure:
        def rank(self, mentions, pronoun, setting):
            return [(walsh, 0.95), (1, 0.6)]

    class Walsh_an_organisation:  # the mention pass, with "Walsh" read as an organisation
        def __getattr__(self, name):
            return getattr(m, name)

        def get(self, head):
            found = m.get(head)
            return attrs.evolve(found, type="ORG") if int(head) == walsh else found

    got = coref._learned(Walsh_an_organisation(), Sure(), she,  # type: ignore[arg-type]
                         Setting(article_genders(doc)), {}, None, "ranker")
    assert got is not None and got.name == "Maria Lopez"
