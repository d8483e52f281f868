"""Each resolver alone, on hand-built parsed documents (no model needed)."""

from __future__ import annotations

from quoteattr.extractor import quote_candidates, run_stages
from quoteattr.nlp.document import from_conllu, from_regex
from quoteattr.resolvers import Context, context, patterns, syntax


def conllu(rows: list[str]) -> str:
    """Rows of 'form lemma upos head deprel [misc]' (1-based heads) to CoNLL-U."""
    out = []
    for i, row in enumerate(rows, 1):
        parts = row.split()
        form, lemma, upos, head, rel = parts[:5]
        misc = parts[5] if len(parts) > 5 else "_"
        out.append(f"{i}\t{form}\t{lemma}\t{upos}\t_\t_\t{head}\t{rel}\t_\t{misc}")
    return "\n".join(out) + "\n\n"


# "Peace is possible," Defence Secretary Lloyd Austin said.
DIRECT = conllu([
    '" " PUNCT 3 punct SpaceAfter=No', "Peace peace NOUN 3 nsubj", "is be AUX 0 root",
    "possible possible ADJ 3 xcomp SpaceAfter=No", ", , PUNCT 3 punct SpaceAfter=No",
    '" " PUNCT 3 punct', "Defence defence PROPN 10 compound",
    "Secretary secretary PROPN 10 compound", "Lloyd Lloyd PROPN 10 compound NER=B-PERSON",
    "Austin Austin PROPN 11 nsubj NER=E-PERSON", "said say VERB 3 parataxis SpaceAfter=No",
    ". . PUNCT 3 punct",
])

# The plan was criticised by the Foreign Ministry as "reckless".
PASSIVE = conllu([
    "The the DET 2 det", "plan plan NOUN 4 nsubj:pass", "was be AUX 4 aux:pass",
    "criticised criticise VERB 0 root", "by by ADP 7 case", "the the DET 7 det",
    "Foreign Foreign PROPN 8 compound", "Ministry Ministry PROPN 4 obl:agent",
    "as as ADP 11 case", '" " PUNCT 11 punct SpaceAfter=No',
    "reckless reckless ADJ 4 obl SpaceAfter=No", '" " PUNCT 11 punct SpaceAfter=No',
    ". . PUNCT 4 punct",
])

# According to officials, the talks "collapsed overnight".
ACCORDING = conllu([
    "According accord VERB 3 case", "to to ADP 1 fixed", "officials official NOUN 8 obl",
    ", , PUNCT 8 punct", "the the DET 6 det", "talks talk NOUN 8 nsubj",
    '" " PUNCT 8 punct SpaceAfter=No', "collapsed collapse VERB 0 root",
    "overnight overnight ADV 8 advmod SpaceAfter=No", '" " PUNCT 8 punct SpaceAfter=No',
    ". . PUNCT 8 punct",
])


def _ctx(doc):
    cands = quote_candidates(doc)
    return Context(doc, cands), cands


def test_cue_subject_and_title_role() -> None:
    doc = from_conllu(DIRECT)
    ctx, cands = _ctx(doc)
    att = syntax.cue_subject(ctx, cands[0])
    assert att is not None and doc.span_of(att.first, att.last).text == \
        "Defence Secretary Lloyd Austin"
    r = run_stages(doc)
    q = r.quotes[0]
    assert (q.text, q.kind, q.cue.text if q.cue else None) == ("Peace is possible", "direct",
                                                               "said")
    assert q.speaker and (q.speaker.name, q.speaker.role) == ("Lloyd Austin",
                                                              "Defence Secretary")
    assert q.resolver == "cue_subject"


def test_passive_agent() -> None:
    doc = from_conllu(PASSIVE)
    ctx, cands = _ctx(doc)
    att = syntax.passive_agent(ctx, cands[0])
    assert att is not None
    assert doc.span_of(att.first, att.last).text == "the Foreign Ministry"
    r = run_stages(doc)
    assert r.quotes[0].speaker and r.quotes[0].speaker.name == "Foreign Ministry"
    assert r.quotes[0].resolver == "passive_agent"


def test_according_to() -> None:
    doc = from_conllu(ACCORDING)
    r = run_stages(doc)
    q = next(q for q in r.quotes if q.text == "collapsed overnight")
    assert q.cue is not None and q.cue.text == "According to"
    assert q.speaker and q.speaker.mention and q.speaker.mention.text == "officials"
    assert q.resolver == "according_to"


def test_adjacent_patterns_without_a_tree() -> None:
    for text, who in [('"We are ready," said Mayor Tom Walsh.', "Tom Walsh"),
                      ('"We are ready," Mayor Tom Walsh said.', "Tom Walsh"),
                      ('Mayor Tom Walsh said: "We are ready."', "Tom Walsh")]:
        doc = from_regex(text)
        ctx, cands = _ctx(doc)
        att = patterns.adjacent(ctx, cands[0])
        assert att is not None, text
        assert who in doc.span_of(att.first, att.last).text


def test_trailing_dash_and_transcript_label() -> None:
    doc = from_regex('"Act now." -Commissioner Geoffrey Starks')
    ctx, cands = _ctx(doc)
    att = patterns.trailing_dash(ctx, cands[0])
    assert att is not None and doc.span_of(att.first, att.last).text == \
        "Commissioner Geoffrey Starks"
    doc = from_regex('"PENCE: Well, look, we will win."')
    ctx, cands = _ctx(doc)
    att = patterns.transcript_label(ctx, cands[0])
    assert att is not None and doc.span_of(att.first, att.last).text == "PENCE"


def test_continuation_needs_an_attributed_previous_quote() -> None:
    text = '"First part," Smith said.\n\n"Second part."\n\nThe vote is Monday.\n\n"Third."'
    doc = from_regex(text)
    # keep_unattributed: the quote filter would drop the unattributed "Third."
    r = run_stages(doc, strategy="rules", keep_unattributed=True)
    got = {q.text: (q.speaker.name if q.speaker else None, q.resolver) for q in r.quotes}
    assert got["Second part."] == ("Smith", "continuation")
    assert got["Third."][1] != "continuation"
    ctx, cands = _ctx(doc)
    assert context.continuation(ctx, cands[0]) is None
