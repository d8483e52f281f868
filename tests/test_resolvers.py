"""Each resolver alone, on hand-built parsed documents (no model needed)."""

from __future__ import annotations

import pytest

from quoteattr import candidates, mentions
from quoteattr import cues as cue_pass
from quoteattr.extractor import run_stages
from quoteattr.nlp.document import Document, from_conllu, from_regex
from quoteattr.resolvers import Context, context, patterns, ranker, syntax
from quoteattr.values import Choice


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


def _ctx(doc: Document) -> tuple[Context, list]:
    """The resolvers' context of ``doc`` (its cues, mentions and quote candidates), and its
    direct and mixed candidates."""
    found = cue_pass.find(doc)
    ctx = Context(doc, found, mentions.build(doc, found), candidates.find(doc, found))
    return ctx, [q for q in ctx.quotes if q.kind != "indirect"]


def mention_text(ctx: Context, choice: Choice) -> str:
    """The words of the mention a resolver chose."""
    words = ctx.mentions.words(choice.mention)
    return ctx.doc.span_of(words.first, words.last).text


def quote_candidates(doc: Document) -> list:
    """The direct and mixed candidates of ``doc``."""
    return _ctx(doc)[1]


def first_answer(doc, rule) -> tuple[str, str] | None:
    """(resolver, mention text) of ``rule``'s answer for the document's first quote."""
    ctx, cands = _ctx(doc)
    att = rule(ctx, cands[0])
    return None if att is None else (att.resolver, mention_text(ctx, att))


def rule_quotes(doc) -> list[tuple[str, str]]:
    """(kind, text) of the quotes the rules find in doc, before the quote filter."""
    return [(q.kind, q.text)
            for q in run_stages(doc, strategy="rules", keep_unattributed=True).quotes]


def test_cue_subject_and_title_role() -> None:
    doc = from_conllu(DIRECT)
    ctx, cands = _ctx(doc)
    att = syntax.cue_subject(ctx, cands[0])
    assert att is not None and mention_text(ctx, att) == \
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
    assert mention_text(ctx, att) == "the Foreign Ministry"
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
        assert who in mention_text(ctx, att)


def test_trailing_dash_and_transcript_label() -> None:
    doc = from_regex('"Act now." -Commissioner Geoffrey Starks')
    ctx, cands = _ctx(doc)
    att = patterns.trailing_dash(ctx, cands[0])
    assert att is not None and mention_text(ctx, att) == \
        "Commissioner Geoffrey Starks"
    doc = from_regex('"PENCE: Well, look, we will win."')
    ctx, cands = _ctx(doc)
    att = patterns.transcript_label(ctx, cands[0])
    assert att is not None and mention_text(ctx, att) == "PENCE"


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


# The talks failed, officials said.
FRONTED = conllu([
    "The the DET 2 det", "talks talk NOUN 3 nsubj", "failed fail VERB 0 root SpaceAfter=No",
    ", , PUNCT 6 punct", "officials official NOUN 6 nsubj",
    "said say VERB 3 parataxis SpaceAfter=No", ". . PUNCT 3 punct",
])

# The museum, Obama said, would make visitors think.
PARENTHETICAL = conllu([
    "The the DET 2 det", "museum museum NOUN 7 nsubj SpaceAfter=No", ", , PUNCT 5 punct",
    "Obama Obama PROPN 5 nsubj NER=S-PERSON", "said say VERB 7 parataxis SpaceAfter=No",
    ", , PUNCT 5 punct", "would would AUX 8 aux", "make make VERB 0 root",
    "visitors visitor NOUN 8 obj", "think think VERB 8 xcomp SpaceAfter=No",
    ". . PUNCT 8 punct",
])


def test_indirect_content_before_the_cue_clause() -> None:
    doc = from_conllu(FRONTED)
    r = run_stages(doc, strategy="rules", keep_unattributed=True)
    assert [(q.kind, q.text, q.speaker.mention.text if q.speaker and q.speaker.mention
             else None) for q in r.quotes] == [("indirect", "The talks failed", "officials")]


def test_indirect_content_around_a_parenthetical_cue() -> None:
    doc = from_conllu(PARENTHETICAL)
    r = run_stages(doc, strategy="rules", keep_unattributed=True)
    assert [(q.kind, q.text) for q in r.quotes] == [
        ("indirect", "The museum, Obama said, would make visitors think")]
    assert r.quotes[0].speaker is not None and r.quotes[0].speaker.name == "Obama"


# Christie, who backs Trump, called Clinton a "disgrace".
RELATIVE = conllu([
    "Christie Christie PROPN 7 nsubj NER=S-PERSON SpaceAfter=No", ", , PUNCT 4 punct",
    "who who PRON 4 nsubj", "backs back VERB 1 acl:relcl", "Trump Trump PROPN 4 obj",
    ", , PUNCT 4 punct", "called call VERB 0 root", "Clinton Clinton PROPN 7 obj",
    "a a DET 11 det", '" " PUNCT 11 punct SpaceAfter=No',
    "disgrace disgrace NOUN 7 xcomp SpaceAfter=No", '" " PUNCT 11 punct SpaceAfter=No',
    ". . PUNCT 7 punct",
])


def test_relative_pronoun_takes_the_name_of_its_noun() -> None:
    from quoteattr.mentions import relative_antecedent

    doc = from_conllu(RELATIVE)
    assert relative_antecedent(doc, 2) == 0  # "who" -> "Christie"
    assert relative_antecedent(doc, 0) is None  # not a relative pronoun
    # the parser missed the relative clause: ", who" right after a name still counts
    flat = from_conllu(RELATIVE.replace("1\tacl:relcl", "0\troot").replace(
        "7\tcalled\tcall\tVERB\t_\t_\t0\troot", "7\tcalled\tcall\tVERB\t_\t_\t4\tconj"))
    assert relative_antecedent(flat, 2) == 0


def test_trailing_dash_fused_with_the_closing_mark() -> None:
    # the tokenizer glued the dash to the mark: ”― Stephanie Egan
    doc = from_conllu(conllu([
        "“ “ PUNCT 3 punct SpaceAfter=No", "Trump Trump PROPN 3 nsubj",
        "lies lie VERB 0 root SpaceAfter=No", ". . PUNCT 3 punct SpaceAfter=No",
        "”― ”― PUNCT 6 punct", "Stephanie Stephanie PROPN 3 parataxis NER=B-PERSON",
        "Egan Egan PROPN 6 flat NER=E-PERSON",
    ]))
    ctx, cands = _ctx(doc)
    att = patterns.trailing_dash(ctx, cands[0])
    assert att is not None and mention_text(ctx, att) == "Stephanie Egan"


def test_transcript_turns_are_separate_quotes() -> None:
    # transcript paragraphs open a quotation mark and never close it; by the multi-paragraph
    # convention they would chain into one quote, but each labelled turn is its own speaker
    text = ('"WALLACE: Will she be there?\n\n"PENCE: She will not be attending.\n\n'
            '"WALLACE: Thank you, Governor.')
    r = run_stages(from_regex(text), strategy="rules", keep_unattributed=True)
    assert [(q.text.split(":")[0], q.speaker.mention.text if q.speaker and q.speaker.mention
             else None) for q in r.quotes] == [
        ("WALLACE", "WALLACE"), ("PENCE", "PENCE"), ("WALLACE", "WALLACE")]


def test_a_long_statement_over_paragraphs_stays_one_quote() -> None:
    text = ('"We will win this fight. It will take years.\n\n"But we will win it," Smith said.')
    r = run_stages(from_regex(text), strategy="rules", keep_unattributed=True)
    assert len({(q.speaker.name if q.speaker else None) for q in r.quotes}) == 1
    assert [q.text for q in r.quotes] == ["We will win this fight. It will take years.",
                                          "But we will win it"]


# Clinton said she thinks America is strongest. (misparsed: two complements of "said")
SPLIT_COMPLEMENT = conllu([
    "Clinton Clinton PROPN 2 nsubj NER=S-PERSON", "said say VERB 0 root",
    "she she PRON 4 nsubj", "thinks think VERB 2 ccomp", "America America PROPN 7 nsubj",
    "is be AUX 7 cop", "strongest strong ADJ 2 ccomp SpaceAfter=No", ". . PUNCT 2 punct",
])


def test_a_complement_split_by_the_parser_is_one_reported_clause() -> None:
    r = run_stages(from_conllu(SPLIT_COMPLEMENT), strategy="rules", keep_unattributed=True)
    assert [(q.kind, q.text) for q in r.quotes] == [
        ("indirect", "she thinks America is strongest")]


# US reinforces ties as Iran accuses Israel of "terrorism" (misparsed: "reinforces" as the
# subject of "accuses", "Iran" attached to "ties")
SUBORDINATE = conllu([
    "US US PROPN 2 compound", "reinforces reinforce NOUN 6 nsubj", "ties tie NOUN 2 appos",
    "as as ADP 5 case", "Iran Iran PROPN 3 nmod NER=S-LOCATION", "accuses accuse VERB 0 root",
    "Israel Israel PROPN 6 obj", "of of ADP 10 case", '" " PUNCT 10 punct SpaceAfter=No',
    "terrorism terrorism NOUN 6 obl SpaceAfter=No", '" " PUNCT 10 punct',
])


def test_subject_after_a_subordinator_repairs_the_parse() -> None:
    doc = from_conllu(SUBORDINATE)
    ctx, cands = _ctx(doc)
    att = syntax.cue_subject(ctx, cands[0])
    assert att is not None and mention_text(ctx, att) == "Iran"
    # a repair: the ranker reads it as such (rule_repaired) and may still overrule it
    assert att.repaired


# Politifact checked Trump's claim that there have been "thousands of shootings".
OWNER = conllu([
    "Politifact Politifact PROPN 2 nsubj NER=S-ORGANIZATION", "checked check VERB 0 root",
    "Trump Trump PROPN 5 nmod:poss NER=S-PERSON", "'s 's PART 3 case",
    "claim claim NOUN 2 obj", "that that SCONJ 10 mark", "there there PRON 10 expl",
    "have have AUX 10 aux", "been be AUX 10 cop", '" " PUNCT 11 punct SpaceAfter=No',
    "thousands thousand NOUN 5 acl", "of of ADP 13 case",
    "shootings shooting NOUN 11 nmod SpaceAfter=No", '" " PUNCT 11 punct SpaceAfter=No',
    ". . PUNCT 2 punct",
])


def test_the_owner_of_a_speech_noun_speaks_the_quote_it_governs() -> None:
    doc = from_conllu(OWNER)
    ctx, cands = _ctx(doc)
    att = syntax.speech_noun_owner_rule(ctx, cands[0])
    assert att is not None and mention_text(ctx, att) == "Trump"
    r = run_stages(doc, strategy="rules")
    assert [(q.text, q.speaker.name if q.speaker else None, q.resolver) for q in r.quotes] == [
        ("thousands of shootings", "Trump", "speech_noun_owner")]
    # the parser hung the clause elsewhere: the words "Trump's claim that" still tell
    loose = from_conllu(OWNER.replace("11\tthousands\tthousand\tNOUN\t_\t_\t5\tacl",
                                      "11\tthousands\tthousand\tNOUN\t_\t_\t2\tparataxis"))
    ctx, cands = _ctx(loose)
    assert syntax.speech_noun_owner(loose, ctx.cues, cands[0]) == 2
    # not a speech noun: no owner ("Trump's plan that ...")
    plan = from_conllu(OWNER.replace("claim\tclaim", "plan\tplan"))
    ctx, cands = _ctx(plan)
    assert syntax.speech_noun_owner(plan, ctx.cues, cands[0]) is None


# Ban Ki-moon condemned what he called a "brazen breach". Obama spoke later.
BOUND = conllu([
    "Ban Ban PROPN 3 nsubj NER=B-PERSON", "Ki-moon Ki-moon PROPN 1 flat NER=E-PERSON",
    "condemned condemn VERB 0 root", "what what PRON 3 obj", "he he PRON 6 nsubj",
    "called call VERB 4 acl:relcl", "a a DET 10 det", '" " PUNCT 9 punct SpaceAfter=No',
    "brazen brazen ADJ 10 amod", "breach breach NOUN 6 xcomp SpaceAfter=No",
    '" " PUNCT 10 punct SpaceAfter=No', ". . PUNCT 3 punct",
])


def test_a_pronoun_in_an_embedded_clause_refers_to_the_subject_around_it() -> None:
    from quoteattr.coref import governing_subject

    doc = from_conllu(BOUND)
    assert governing_subject(_ctx(doc)[0].mentions, 4) == 0  # "he" -> "Ban"
    r = run_stages(doc, strategy="rules")
    assert [(q.speaker.mention.text, q.speaker.name) for q in r.quotes if q.speaker] == [
        ("he", "Ban Ki-moon")]
    # "it" wants no person for its antecedent
    it = from_conllu(BOUND.replace("\the\the\t", "\tit\tit\t"))
    assert governing_subject(_ctx(it)[0].mentions, 4) is None


# When Clinton noted it, Trump boasted, "That makes me smart." (the quote parsed as the root,
# the "when" clause hanging from it)
SUBORDINATE_CUE = conllu([
    "When when SCONJ 3 mark", "Clinton Clinton PROPN 3 nsubj NER=S-PERSON",
    "noted note VERB 11 advcl", "it it PRON 3 obj SpaceAfter=No", ", , PUNCT 3 punct",
    "Trump Trump PROPN 7 nsubj NER=S-PERSON", "boasted boast VERB 3 conj SpaceAfter=No",
    ", , PUNCT 11 punct", '" " PUNCT 11 punct SpaceAfter=No', "That that PRON 11 nsubj",
    "makes make VERB 0 root", "me I PRON 11 obj", "smart smart ADJ 11 xcomp SpaceAfter=No",
    ". . PUNCT 11 punct SpaceAfter=No", '" " PUNCT 11 punct',
])


def test_a_subordinate_speech_verb_gives_way_to_the_nearer_one() -> None:
    r = run_stages(from_conllu(SUBORDINATE_CUE))
    assert [(q.text, q.cue.text if q.cue else None, q.speaker.name if q.speaker else None)
            for q in r.quotes] == [("That makes me smart.", "boasted", "Trump")]


def test_the_ranker_scores_the_rules_answer_even_when_the_tagger_hid_it() -> None:
    # "It is true," said Caddell: the tagger called the name an adverb
    doc = from_conllu(conllu([
        '" " PUNCT 3 punct SpaceAfter=No', "It it PRON 4 nsubj", "is be AUX 4 cop",
        "true true ADJ 7 ccomp SpaceAfter=No", ", , PUNCT 4 punct SpaceAfter=No",
        '" " PUNCT 4 punct', "said say VERB 0 root", "Caddell Caddell ADV 7 advmod",
        ", , PUNCT 10 punct", "speaking speak VERB 7 ccomp", "of of ADP 15 case",
        "Clinton Clinton PROPN 15 nmod:poss", "'s 's PART 12 case SpaceAfter=No",
        "health health NOUN 15 compound", "issue issue NOUN 10 obl SpaceAfter=No",
        ". . PUNCT 7 punct",
    ]))
    ctx, cands = _ctx(doc)
    rule = patterns.adjacent(ctx, cands[0])
    assert rule is not None and rule.mention == 7
    assert 7 not in ctx.mentions.candidates(cands[0], ctx.quoted)
    assert 7 in ranker.candidates(ctx, cands[0], rule).heads
    r = run_stages(doc)
    assert [(q.speaker.mention.text if q.speaker and q.speaker.mention else None)
            for q in r.quotes] == ["Caddell"]


# Phil Smith, a spokesman, said the plan "failed". (misparsed: "spokesman" as the subject)
APPOSED = conllu([
    "Phil Phil PROPN 2 compound NER=B-PERSON", "Smith Smith PROPN 5 dep NER=E-PERSON",
    ", , PUNCT 2 punct", "a a DET 5 det", "spokesman spokesman NOUN 7 nsubj",
    ", , PUNCT 5 punct", "said say VERB 0 root", "the the DET 9 det",
    "plan plan NOUN 11 nsubj", '" " PUNCT 11 punct SpaceAfter=No',
    "failed fail VERB 7 ccomp SpaceAfter=No", '" " PUNCT 11 punct SpaceAfter=No',
    ". . PUNCT 7 punct",
])


def test_the_name_heading_an_apposition_chain_is_the_speaker() -> None:
    doc = from_conllu(APPOSED)
    ctx, cands = _ctx(doc)
    att = syntax.cue_subject(ctx, cands[0])
    assert att is not None and mention_text(ctx, att) == "Phil Smith"
    # a description with no name before it stays the speaker
    plain = from_conllu(APPOSED.replace("NER=B-PERSON", "_").replace("NER=E-PERSON", "_"))
    ctx, cands = _ctx(plain)
    att = syntax.cue_subject(ctx, cands[0])
    assert att is not None and mention_text(ctx, att) == "a spokesman"


def test_a_dateline_place_is_no_speaker_candidate() -> None:
    doc = from_regex('Headline.\n\nFLINT, Mich., Oct. 4 (UPI) — Bill Clinton called it a '
                     '"crazy system" on Tuesday.')
    ctx, cands = _ctx(doc)
    heads = {doc.words[i].text for i in ctx.mentions.candidates(cands[0], ctx.quoted)}
    assert "Bill" in heads or "Clinton" in heads
    assert not heads & {"FLINT", "Mich", "Mich.", "UPI"}


# Suspicion fell on Iran as media reported a cyberattack orchestrated by Israel caused the
# blackout. (misparsed: "caused" a conjunct of "fell", "a cyberattack ..." the object of
# "reported")
STRANDED = conllu([
    "Suspicion suspicion NOUN 2 nsubj", "fell fall VERB 0 root", "on on ADP 4 case",
    "Iran Iran PROPN 2 obl", "as as SCONJ 7 mark", "media media NOUN 7 nsubj",
    "reported report VERB 2 advcl", "a a DET 9 det", "cyberattack cyberattack NOUN 7 obj",
    "orchestrated orchestrate VERB 9 acl", "by by ADP 12 case",
    "Israel Israel PROPN 10 obl:agent", "caused cause VERB 2 conj", "the the DET 15 det",
    "blackout blackout NOUN 13 obj SpaceAfter=No", ". . PUNCT 2 punct",
])


def test_a_predicate_the_parser_stranded_stays_in_the_reported_clause() -> None:
    doc = from_conllu(STRANDED.replace("\tVERB\t_\t_\t2\tconj", "\tVERB\tVBD\t_\t2\tconj"))
    assert rule_quotes(doc) == [
        ("indirect", "a cyberattack orchestrated by Israel caused the blackout")]


def test_a_mention_leaves_out_the_clause_around_a_predicate_noun() -> None:
    from quoteattr import mentions

    # There has been no statement from Israel claiming responsibility.
    doc = from_conllu(conllu([
        "There there PRON 5 expl", "has have AUX 5 aux", "been be AUX 5 cop", "no no DET 5 det",
        "statement statement NOUN 0 root", "from from ADP 7 case",
        "Israel Israel PROPN 5 nmod NER=S-LOCATION", "claiming claim VERB 5 acl",
        "responsibility responsibility NOUN 8 obj SpaceAfter=No", ". . PUNCT 5 punct",
    ]))
    words = mentions.bounds(doc, cue_pass.find(doc), 4)[0]
    assert doc.span_of(words.first, words.last).text.startswith("no statement")
    # ... but a name the tagger read as a modal stays whole
    named = from_conllu(conllu([
        "Chairman chairman NOUN 3 compound", "Will will AUX 3 aux NER=B-PERSON",
        "Rogers Rogers PROPN 4 nsubj NER=E-PERSON", "said say VERB 0 root",
    ]))
    words = mentions.bounds(named, cue_pass.find(named), 2)[0]
    assert named.span_of(words.first, words.last).text == "Chairman Will Rogers"


def test_a_connective_opening_the_sentence_is_no_part_of_a_name() -> None:
    from quoteattr import entities, mentions

    # But Fiorina said ...
    doc = from_conllu(conllu([
        "But but CCONJ 3 cc", "Fiorina Fiorina PROPN 3 nsubj NER=S-PERSON",
        "said say VERB 0 root", ". . PUNCT 3 punct",
    ]))
    words = mentions.bounds(doc, cue_pass.find(doc), 1)[0]
    assert doc.span_of(words.first, words.last).text == "Fiorina"
    # Some Democrats said ...: part of a group, no one's name
    group = from_conllu(conllu([
        "Some some DET 2 det", "Democrats Democrats PROPN 3 nsubj NER=S-MISC",
        "said say VERB 0 root", ". . PUNCT 3 punct",
    ]))
    assert entities.resolve_name(group, entities.NameIndex.build(group),
                                 group.span_of(0, 2))[0] is None


def test_a_mention_keeps_its_owner() -> None:
    from quoteattr import mentions

    # Clinton's campaign said ...
    doc = from_conllu(conllu([
        "Clinton Clinton PROPN 3 nmod:poss NER=S-PERSON", "'s 's PART 1 case",
        "campaign campaign NOUN 4 nsubj", "said say VERB 0 root",
    ]))
    words = mentions.bounds(doc, cue_pass.find(doc), 2)[0]
    assert doc.span_of(words.first, words.last).text == "Clinton 's campaign"


def test_a_name_the_tagger_called_an_adverb_is_still_the_subject() -> None:
    # McConnell was quick to agree and said Trump will be "very competitive".
    doc = from_conllu(conllu([
        "McConnell McConnell ADV 3 advmod NER=S-PERSON", "was be AUX 3 cop",
        "quick quick ADJ 0 root", "to to PART 5 mark", "agree agree VERB 3 xcomp",
        "and and CCONJ 7 cc", "said say VERB 3 conj", "Trump Trump PROPN 11 nsubj NER=S-PERSON",
        "will will AUX 11 aux", "be be AUX 11 cop", '" " PUNCT 11 punct SpaceAfter=No',
        "very very ADV 13 advmod", "competitive competitive ADJ 7 ccomp SpaceAfter=No",
        '" " PUNCT 13 punct SpaceAfter=No', ". . PUNCT 3 punct",
    ]).replace("\t11\t", "\t13\t"))
    ctx, cands = _ctx(doc)
    att = syntax.cue_subject(ctx, cands[0])
    assert att is not None and mention_text(ctx, att) == "McConnell"
    # Will described Trump as a "caricature". (the tagger read the name as a modal)
    will = from_conllu(conllu([
        "Will will AUX 2 aux NER=S-PERSON", "described describe VERB 0 root",
        "Trump Trump PROPN 2 obj NER=S-PERSON", "as as ADP 7 case", "a a DET 7 det",
        '" " PUNCT 7 punct SpaceAfter=No', "caricature caricature NOUN 2 obl SpaceAfter=No",
        '" " PUNCT 7 punct SpaceAfter=No', ". . PUNCT 2 punct",
    ]))
    ctx, cands = _ctx(will)
    att = syntax.cue_subject(ctx, cands[0])
    assert att is not None and mention_text(ctx, att) == "Will"


def test_he_skips_a_person_the_article_calls_mrs() -> None:
    from quoteattr.coref import article_genders

    # Mr. Sanders spoke first. Mrs. Clinton followed. "We will win," he said.
    doc = from_conllu(conllu([
        "Mr. Mr. PROPN 2 compound", "Sanders Sanders PROPN 3 nsubj NER=S-PERSON",
        "spoke speak VERB 0 root", "first first ADV 3 advmod SpaceAfter=No",
        ". . PUNCT 3 punct",
    ]) + conllu([
        "Mrs. Mrs. PROPN 2 compound", "Clinton Clinton PROPN 3 nsubj NER=S-PERSON",
        "followed follow VERB 0 root SpaceAfter=No", ". . PUNCT 3 punct",
    ]) + conllu([
        '" " PUNCT 4 punct SpaceAfter=No', "We we PRON 4 nsubj", "will will AUX 4 aux",
        "win win VERB 0 root SpaceAfter=No", ", , PUNCT 4 punct SpaceAfter=No",
        '" " PUNCT 4 punct', "he he PRON 8 nsubj", "said say VERB 4 parataxis SpaceAfter=No",
        ". . PUNCT 4 punct",
    ]))
    assert article_genders(doc) == {"sanders": "m", "clinton": "f"}
    r = run_stages(doc, strategy="rules")
    assert [(q.speaker.mention.text, q.speaker.name) for q in r.quotes if q.speaker] == [
        ("he", "Sanders")]


def test_a_day_or_a_dateline_is_no_cue_subject() -> None:
    # "We will win," Mitch McConnell said Tuesday. (misparsed: "Tuesday" as the subject)
    day = from_conllu(conllu([
        '" " PUNCT 4 punct SpaceAfter=No', "We we PRON 4 nsubj", "will will AUX 4 aux",
        "win win VERB 0 root SpaceAfter=No", ", , PUNCT 4 punct SpaceAfter=No",
        '" " PUNCT 4 punct', "Mitch Mitch PROPN 4 dep NER=B-PERSON",
        "McConnell McConnell PROPN 7 flat NER=E-PERSON", "said say VERB 4 parataxis",
        "Tuesday Tuesday PROPN 9 nsubj SpaceAfter=No", ". . PUNCT 4 punct",
    ]))
    ctx, cands = _ctx(day)
    assert syntax.cue_subject(ctx, cands[0]) is None
    # WASHINGTON -- Obama said it was "a good day". (the dateline parsed as the subject)
    place = from_conllu(conllu([
        "WASHINGTON WASHINGTON PROPN 4 nsubj", "-- -- PUNCT 1 punct",
        "Obama Obama PROPN 1 appos NER=S-PERSON", "said say VERB 0 root",
        "it it PRON 10 nsubj", "was be AUX 10 cop", "a a DET 10 det",
        '" " PUNCT 10 punct SpaceAfter=No', "good good ADJ 10 amod",
        "day day NOUN 4 ccomp SpaceAfter=No", '" " PUNCT 10 punct SpaceAfter=No',
        ". . PUNCT 4 punct",
    ]))
    # the name hung on the dateline, not the place
    assert first_answer(place, syntax.cue_subject) == ("cue_subject", "Obama")


def test_an_apposition_chain_reaches_back_to_a_hyphenated_first_name() -> None:
    # Jean-Marc Smith, a spokesman, said the plan "failed". (tokens: Jean - Marc Smith; the
    # entity found only "Marc Smith")
    doc = from_conllu(conllu([
        "Jean Jean PROPN 7 nsubj SpaceAfter=No", "- - PUNCT 3 punct SpaceAfter=No",
        "Marc Marc PROPN 1 flat NER=B-PERSON", "Smith Smith PROPN 1 flat NER=E-PERSON",
        ", , PUNCT 7 punct", "a a DET 7 det", "spokesman spokesman NOUN 9 nsubj",
        ", , PUNCT 7 punct", "said say VERB 0 root", "the the DET 11 det",
        "plan plan NOUN 13 nsubj", '" " PUNCT 13 punct SpaceAfter=No',
        "failed fail VERB 9 ccomp SpaceAfter=No", '" " PUNCT 13 punct SpaceAfter=No',
        ". . PUNCT 9 punct",
    ]))
    ctx, cands = _ctx(doc)
    att = syntax.cue_subject(ctx, cands[0])
    assert att is not None and "Smith" in mention_text(ctx, att)


# He noted that, like him, Mrs. Clinton had been pilloried in coal country. (parsed with
# "like him" hung on "noted", inside the span of the complement clause)
INTERRUPTED = conllu([
    "He he PRON 2 nsubj", "noted note VERB 0 root", "that that SCONJ 12 mark SpaceAfter=No",
    ", , PUNCT 6 punct", "like like ADP 6 case", "him he PRON 2 obl SpaceAfter=No",
    ", , PUNCT 6 punct", "Mrs. Mrs. PROPN 12 nsubj:pass", "Clinton Clinton PROPN 8 flat",
    "had have AUX 12 aux", "been be AUX 12 aux:pass", "pilloried pillory VERB 2 ccomp",
    "in in ADP 15 case", "coal coal NOUN 15 compound", "country country NOUN 12 obl SpaceAfter=No",
    ". . PUNCT 2 punct",
])


def test_words_hung_on_the_cue_inside_the_clause_stay_in_it() -> None:
    assert rule_quotes(from_conllu(INTERRUPTED)) == [
        ("indirect", "that, like him, Mrs. Clinton had been pilloried in coal country")]


# Smith said the union expected production to improve. (misparsed: "the union" an indirect
# object of "said", "expected" a modifier of "production")
IOBJ = conllu([
    "Smith Smith PROPN 2 nsubj NER=S-PERSON", "said say VERB 0 root", "the the DET 4 det",
    "union union NOUN 2 iobj", "expected expect VERB 6 amod", "production production NOUN 4 nmod",
    "to to PART 8 mark", "improve improve VERB 6 acl SpaceAfter=No", ". . PUNCT 2 punct",
])


def test_a_complement_misparsed_as_an_indirect_object_is_reported() -> None:
    assert rule_quotes(from_conllu(IOBJ)) == [
        ("indirect", "the union expected production to improve")]
    # an addressee is not what was said: "told the union" reports nothing by itself
    told = from_conllu(IOBJ.replace("said\tsay", "told\ttell"))
    assert rule_quotes(told) == []


# Obama told a meeting of leaders that few people understood the stakes. (misparsed: the
# "that" clause hung on "leaders", inside the addressee)
ADDRESSEE = conllu([
    "Obama Obama PROPN 2 nsubj NER=S-PERSON", "told tell VERB 0 root", "a a DET 4 det",
    "meeting meeting NOUN 2 iobj", "of of ADP 6 case", "leaders leader NOUN 4 nmod",
    "that that SCONJ 10 mark", "few few ADJ 9 amod", "people people NOUN 10 nsubj",
    "understood understand VERB 6 acl", "the the DET 12 det",
    "stakes stake NOUN 10 obj SpaceAfter=No", ". . PUNCT 2 punct",
])


def test_a_that_clause_hung_on_the_addressee_is_reported_without_it() -> None:
    assert rule_quotes(from_conllu(ADDRESSEE)) == [
        ("indirect", "that few people understood the stakes")]


# The museum, Mr. Obama said, would make visitors think. (misparsed: "Mr. Obama" an
# apposition of "museum", "said" the root, "would make" its complement)
PARENTHETICAL_MISPARSED = conllu([
    "The the DET 2 det", "museum museum NOUN 6 nsubj SpaceAfter=No", ", , PUNCT 2 punct",
    "Mr. Mr. PROPN 5 nmod:desc", "Obama Obama PROPN 2 appos NER=S-PERSON",
    "said say VERB 0 root SpaceAfter=No", ", , PUNCT 2 punct", "would would AUX 9 aux",
    "make make VERB 6 ccomp", "visitors visitor NOUN 9 obj",
    "think think VERB 9 xcomp SpaceAfter=No",
    ". . PUNCT 6 punct",
])


def test_a_parenthetical_cue_is_read_from_the_commas_when_the_parse_misses_it() -> None:
    doc = from_conllu(PARENTHETICAL_MISPARSED)
    r = run_stages(doc, strategy="rules", keep_unattributed=True)
    assert [(q.kind, q.text) for q in r.quotes] == [
        ("indirect", "The museum, Mr. Obama said, would make visitors think")]
    assert r.quotes[0].speaker is not None and r.quotes[0].speaker.name == "Obama"


# Iran blamed Israel for the attack, warning that it would take revenge. (misparsed:
# "warning" a noun, the subject of "take")
WARNING_NOUN = conllu([
    "Iran Iran PROPN 2 nsubj NER=S-GPE", "blamed blame VERB 0 root", "Israel Israel PROPN 2 obj",
    "for for ADP 6 case", "the the DET 6 det", "attack attack NOUN 2 obl SpaceAfter=No",
    ", , PUNCT 8 punct", "warning warning NOUN 12 nsubj", "that that SCONJ 12 mark",
    "it it PRON 12 nsubj", "would would AUX 12 aux", "take take VERB 6 acl",
    "revenge revenge NOUN 12 obj SpaceAfter=No", ". . PUNCT 2 punct",
])


def test_a_participle_cue_tagged_as_a_noun_still_reports_its_that_clause() -> None:
    doc = from_conllu(WARNING_NOUN)
    r = run_stages(doc, strategy="rules", keep_unattributed=True)
    got = [(q.kind, q.text, q.cue.text if q.cue else None) for q in r.quotes]
    assert ("indirect", "that it would take revenge", "warning") in got
    # and the blamed clause stops before the participle
    assert ("indirect", "Israel for the attack", "blamed") in got


# Suspicion fell on it as media there reported a cyberattack caused the blackout.
# (misparsed: "as media" an oblique of "fell", "reported" its conjunct without "and")
CONJ_NO_CC = conllu([
    "Suspicion suspicion NOUN 2 nsubj", "fell fall VERB 0 root", "on on ADP 4 case",
    "it it PRON 2 obl", "as as ADP 6 case", "media media NOUN 2 obl", "there there PRON 8 expl",
    "reported report VERB 2 conj", "a a DET 10 det", "cyberattack cyberattack NOUN 8 obj",
    "caused cause VERB 8 conj", "the the DET 13 det", "blackout blackout NOUN 11 obj SpaceAfter=No",
    ". . PUNCT 2 punct",
])


def test_a_conjunct_without_and_takes_the_noun_right_before_it_as_subject() -> None:
    doc = from_conllu(CONJ_NO_CC)
    assert syntax.subject_of(doc, 7) == 5  # "reported" -> "media", not "Suspicion"
    with_and = from_conllu(CONJ_NO_CC.replace("there\tthere\tPRON\t_\t_\t8\texpl",
                                              "and\tand\tCCONJ\t_\t_\t8\tcc"))
    assert syntax.subject_of(with_and, 7) == 0  # "fell ... and reported": the shared subject


# The day after the primary, Gov. Doug Ducey called the lines "unacceptable". (misparsed:
# "day" the subject, the name inside its "after" phrase)
NAME_AFTER_COMMA = conllu([
    "The the DET 2 det", "day day NOUN 10 nsubj", "after after ADP 5 case", "the the DET 5 det",
    "primary primary NOUN 2 nmod SpaceAfter=No", ", , PUNCT 5 punct",
    "Gov. Gov. PROPN 9 compound", "Doug Doug PROPN 9 compound NER=B-PERSON",
    "Ducey Ducey PROPN 5 appos NER=E-PERSON", "called call VERB 0 root", "the the DET 12 det",
    "lines line NOUN 10 obj", '" " PUNCT 14 punct SpaceAfter=No',
    "unacceptable unacceptable ADJ 10 xcomp SpaceAfter=No", '" " PUNCT 14 punct SpaceAfter=No',
    ". . PUNCT 10 punct",
])


def test_a_name_after_a_comma_right_before_the_cue_is_its_subject() -> None:
    doc = from_conllu(NAME_AFTER_COMMA)
    ctx, cands = _ctx(doc)
    att = syntax.cue_subject(ctx, cands[0])
    assert att is not None and doc.words[att.mention].text == "Ducey"
    # without the comma the name is only part of the subject's phrase ("the day after Ducey")
    plain = from_conllu(NAME_AFTER_COMMA.replace(",\t,\tPUNCT", "of\tof\tADP"))
    ctx, cands = _ctx(plain)
    att = syntax.cue_subject(ctx, cands[0])
    assert att is None or doc.words[att.mention].text != "Ducey"


def test_the_ranker_can_answer_that_nobody_is_the_speaker() -> None:
    from quoteattr.linear import Weights
    from quoteattr.resolvers import arbiter

    def with_weights(w: dict[str, float]) -> ranker.Ranker:
        return ranker.Ranker(Weights("ranker", ranker.FEATURES, w))

    # The plan was criticised by the Foreign Ministry as "reckless".
    doc = from_conllu(PASSIVE)
    ctx, cands = _ctx(doc)
    rule = syntax.passive_agent(ctx, cands[0])
    assert rule is not None
    feats = ranker.nobody_features(ctx, cands[0], rule)
    assert all(f.startswith("nobody|") for f in feats)
    assert "nobody|passive|agent=True" in feats
    # weights that favour nobody strongly: the pseudo-candidate wins ...
    sure = with_weights({"nobody|bias": 20.0})
    ranking = sure.rank(ctx, cands[0], rule)
    assert ranking is not None
    head, p = ranking.best()
    assert head == ranker.NOBODY and p > 0.99
    # ... and weights without it never offer it
    plain = with_weights({"bias": 0.1})
    ranking = plain.rank(ctx, cands[0], rule)
    assert ranking is not None and ranking.best()[0] != ranker.NOBODY
    # nor is it offered for a whole quoted sentence
    direct = from_conllu(DIRECT)
    dctx, dcands = _ctx(direct)
    assert dcands[0].kind == "direct"
    ranking = sure.rank(dctx, dcands[0], None)
    assert ranking is not None and ranking.best()[0] != ranker.NOBODY
    # the arbiter keeps the quote without a speaker when the ranker is sure, where no firm
    # rule answered
    assert arbiter.decide(ctx, cands[0], [], "rules+ranker", sure) is None
    assert arbiter.decide(ctx, cands[0], [], "ranker", sure) is None
    assert arbiter.decide(ctx, cands[0], [syntax.passive_agent], "rules", None) == rule


# He ignored the tweets in which he called her "disgusting".
EMBEDDED_PRONOUN = conllu([
    "He he PRON 2 nsubj", "ignored ignore VERB 0 root", "the the DET 4 det",
    "tweets tweet NOUN 2 obj", "in in ADP 6 case", "which which PRON 8 obl",
    "he he PRON 8 nsubj", "called call VERB 4 acl:relcl", "her she PRON 8 obj",
    '" " PUNCT 11 punct SpaceAfter=No', "disgusting disgusting ADJ 8 xcomp SpaceAfter=No",
    '" " PUNCT 11 punct SpaceAfter=No', ". . PUNCT 2 punct",
])


def test_an_embedded_pronoun_gives_way_to_the_same_pronoun_around_it() -> None:
    doc = from_conllu(EMBEDDED_PRONOUN)
    ctx, cands = _ctx(doc)
    att = syntax.cue_subject(ctx, cands[0])
    assert att is not None and att.mention == 0  # the outer "He", not "he called"
    # a different pronoun outside ("She ignored the tweets in which he called ...") is
    # someone else: the embedded one stays
    other = from_conllu(EMBEDDED_PRONOUN.replace("1\tHe\the", "1\tShe\tshe"))
    ctx, cands = _ctx(other)
    att = syntax.cue_subject(ctx, cands[0])
    assert att is not None and att.mention == 6


def test_a_headline_label_names_the_source_of_its_quotes() -> None:
    text = ("Pence: Trump Was 'Mocking' Clinton Camp\n\n"
            "Pence spoke on Sunday. \"We are ready,\" he said.")
    doc = from_regex(text)
    ctx, cands = _ctx(doc)
    mocking = next(c for c in cands if doc.text[c.start:c.end] == "Mocking")
    att = patterns.headline_label(ctx, mocking)
    assert att is not None and mention_text(ctx, att) == "Pence"
    assert att.resolver == "headline_label"
    # the quote in the body paragraph is no headline's
    ready = next(c for c in cands if "ready" in doc.text[c.start:c.end])
    assert patterns.headline_label(ctx, ready) is None
    # a paragraph of two sentences is no headline; nor is a label that runs too long
    for other in ("Pence: Trump was 'mocking' them. He said so.\n\nMore.",
                  "The Governor Of Indiana Mike Pence: Trump Was 'Mocking' Them\n\nMore."):
        doc = from_regex(other)
        ctx, cands = _ctx(doc)
        assert patterns.headline_label(ctx, cands[0]) is None, other


# Politifact turned to the Chicago Police Department, which reported "2,521 incidents".
RELATIVE_SOURCE = conllu([
    "Politifact Politifact PROPN 2 nsubj NER=S-ORG", "turned turn VERB 0 root",
    "to to ADP 7 case", "the the DET 7 det", "Chicago Chicago PROPN 7 compound NER=B-ORG",
    "Police Police PROPN 7 compound NER=I-ORG",
    "Department Department PROPN 2 obl NER=E-ORG SpaceAfter=No", ", , PUNCT 10 punct",
    "which which PRON 10 nsubj", "reported report VERB 7 acl:relcl",
    '" " PUNCT 13 punct SpaceAfter=No', "2,521 2,521 NUM 13 nummod",
    "incidents incident NOUN 10 obj SpaceAfter=No", '" " PUNCT 13 punct SpaceAfter=No',
    ". . PUNCT 2 punct",
])


def test_a_relative_pronoun_subject_is_a_ranker_candidate() -> None:
    doc = from_conllu(RELATIVE_SOURCE)
    _, cands = _ctx(doc)
    heads = _ctx(doc)[0].mentions.candidates(cands[0])
    assert 8 in heads  # "which", the subject of "reported"
    assert 6 in heads and 0 in heads  # "Department", "Politifact"
    # a relative pronoun that is no subject is not a candidate
    obj = from_conllu(RELATIVE_SOURCE.replace("\twhich\twhich\tPRON\t_\t_\t10\tnsubj",
                                              "\twhich\twhich\tPRON\t_\t_\t10\tobj"))
    assert 8 not in _ctx(obj)[0].mentions.candidates(quote_candidates(obj)[0])


# "We will respond," Obama said after meeting with Putin. He added: "Our goal is peace."
AFTER_MEETING = conllu([
    '" " PUNCT 4 punct SpaceAfter=No', "We we PRON 4 nsubj", "will will AUX 4 aux",
    "respond respond VERB 8 ccomp SpaceAfter=No", ", , PUNCT 4 punct SpaceAfter=No",
    '" " PUNCT 4 punct', "Obama Obama PROPN 8 nsubj NER=S-PERSON", "said say VERB 0 root",
    "after after SCONJ 10 mark", "meeting meet VERB 8 advcl", "with with ADP 12 case",
    "Putin Putin PROPN 10 obl NER=S-PERSON SpaceAfter=No", ". . PUNCT 8 punct",
]) + conllu([
    "He he PRON 2 nsubj", "added add VERB 0 root SpaceAfter=No", ": : PUNCT 8 punct",
    '" " PUNCT 8 punct SpaceAfter=No', "Our we PRON 6 nmod:poss", "goal goal NOUN 8 nsubj",
    "is be AUX 8 cop", "peace peace NOUN 2 ccomp SpaceAfter=No",
    ". . PUNCT 8 punct SpaceAfter=No", '" " PUNCT 8 punct',
])


def test_a_pronoun_skips_a_person_named_only_as_an_object() -> None:
    doc = from_conllu(AFTER_MEETING)
    r = run_stages(doc, strategy="rules")
    got = [(q.speaker.mention.text, q.speaker.name) for q in r.quotes if q.speaker]
    assert got == [("Obama", "Obama"), ("He", "Obama")]
    # the same person as the subject of the sentence between is the antecedent
    subject = from_conllu(AFTER_MEETING.replace("\tPutin\tPutin\tPROPN\t_\t_\t10\tobl",
                                                "\tPutin\tPutin\tPROPN\t_\t_\t10\tnsubj"))
    r = run_stages(subject, strategy="rules")
    assert [q.speaker.name for q in r.quotes if q.speaker] == ["Obama", "Putin"]


# PolitiFact rated the claim as "false". (the tagger took "PolitiFact" for an adjective)
MISTAGGED = conllu([
    "PolitiFact PolitiFact ADJ 2 amod NER=S-ORG", "rated rate VERB 0 root",
    "the the DET 4 det", "claim claim NOUN 2 obj", "as as ADP 7 case",
    '" " PUNCT 7 punct SpaceAfter=No', "false false ADJ 2 obl SpaceAfter=No",
    '" " PUNCT 7 punct SpaceAfter=No', ". . PUNCT 2 punct",
])


def test_a_name_the_tagger_missed_is_still_a_ranker_candidate() -> None:
    doc = from_conllu(MISTAGGED)
    assert 0 in _ctx(doc)[0].mentions.candidates(quote_candidates(doc)[0])
    # without the entity it is an adjective like any other
    plain = from_conllu(MISTAGGED.replace("NER=S-ORG", "_"))
    assert 0 not in _ctx(plain)[0].mentions.candidates(quote_candidates(plain)[0])


# "We will win," Hillary Clinton said. Donald Trump spoke later. She added: "We are ready."
OTHER_GENDER = conllu([
    '" " PUNCT 4 punct SpaceAfter=No', "We we PRON 4 nsubj", "will will AUX 4 aux",
    "win win VERB 9 ccomp SpaceAfter=No", ", , PUNCT 4 punct SpaceAfter=No",
    '" " PUNCT 4 punct', "Hillary Hillary PROPN 9 nsubj NER=B-PERSON",
    "Clinton Clinton PROPN 7 flat NER=E-PERSON", "said say VERB 0 root SpaceAfter=No",
    ". . PUNCT 9 punct",
]) + conllu([
    "Donald Donald PROPN 3 nsubj NER=B-PERSON", "Trump Trump PROPN 1 flat NER=E-PERSON",
    "spoke speak VERB 0 root", "later later ADV 3 advmod SpaceAfter=No", ". . PUNCT 3 punct",
]) + conllu([
    "She she PRON 2 nsubj", "added add VERB 0 root SpaceAfter=No", ": : PUNCT 7 punct",
    '" " PUNCT 7 punct SpaceAfter=No', "We we PRON 7 nsubj", "are be AUX 7 cop",
    "ready ready ADJ 2 ccomp SpaceAfter=No", ". . PUNCT 7 punct SpaceAfter=No",
    '" " PUNCT 7 punct',
])


def test_a_pronoun_never_takes_a_first_name_of_the_other_gender() -> None:
    from quoteattr.coref import _disagrees

    assert _disagrees("Donald Trump", "f", {}) and not _disagrees("Donald Trump", "m", {})
    assert not _disagrees("Trump", "f", {})  # a surname alone tells nothing
    assert not _disagrees("Hillary Clinton", "f", {"clinton": "f"})
    assert _disagrees("Hillary Clinton", "f", {"clinton": "m"})  # the article's "Mr." wins
    r = run_stages(from_conllu(OTHER_GENDER), strategy="rules")
    assert [q.speaker.name for q in r.quotes if q.speaker] == ["Hillary Clinton"] * 2
    r = run_stages(from_conllu(OTHER_GENDER.replace("\tShe\tshe\t", "\tHe\the\t")),
                   strategy="rules")
    assert [q.speaker.name for q in r.quotes if q.speaker] == ["Hillary Clinton",
                                                               "Donald Trump"]


# Trump said he asked his "people" to look.
REPORT_IN_REPORT = conllu([
    "Trump Trump PROPN 2 nsubj NER=S-PERSON", "said say VERB 0 root", "he he PRON 4 nsubj",
    "asked ask VERB 2 ccomp", "his he PRON 7 nmod:poss", '" " PUNCT 7 punct SpaceAfter=No',
    "people people NOUN 4 obj SpaceAfter=No", '" " PUNCT 7 punct', "to to PART 10 mark",
    "look look VERB 4 xcomp SpaceAfter=No", ". . PUNCT 2 punct",
])


def test_quoted_words_of_a_report_within_a_report_are_the_outer_speakers() -> None:
    doc = from_conllu(REPORT_IN_REPORT)
    _, cands = _ctx(doc)
    assert cands[0].kind == "mixed" and doc.words[cands[0].cue].text == "asked"
    assert first_answer(doc, syntax.reporting_speaker) == ("reporting_speaker", "Trump")
    # each rule names only itself: the cue's own subject is cue_subject's answer, and the
    # outer speaker wins because reporting_speaker is asked first
    assert first_answer(doc, syntax.cue_subject) == ("cue_subject", "he")
    assert [q.resolver for q in run_stages(doc, strategy="rules").quotes] == [
        "reporting_speaker"]
    # no speech verb around the cue's clause: its own subject speaks
    hoped = from_conllu(REPORT_IN_REPORT.replace("\tsaid\tsay\t", "\thoped\thope\t"))
    assert first_answer(hoped, syntax.reporting_speaker) is None
    assert first_answer(hoped, syntax.cue_subject) == ("cue_subject", "he")


# "We won," Sanders said, according to CNN.
SAID_ACCORDING_TO = conllu([
    '" " PUNCT 3 punct SpaceAfter=No', "We we PRON 3 nsubj",
    "won win VERB 7 ccomp SpaceAfter=No", ", , PUNCT 3 punct SpaceAfter=No",
    '" " PUNCT 3 punct', "Sanders Sanders PROPN 7 nsubj NER=S-PERSON",
    "said say VERB 0 root SpaceAfter=No", ", , PUNCT 11 punct", "according accord VERB 11 case",
    "to to ADP 9 fixed", "CNN CNN PROPN 7 obl NER=S-ORG SpaceAfter=No", ". . PUNCT 7 punct",
])


def test_according_to_on_the_cue_names_the_source_of_the_quoted_words() -> None:
    doc = from_conllu(SAID_ACCORDING_TO)
    assert first_answer(doc, syntax.according_to) == ("according_to", "CNN")
    # without the phrase, the cue's subject
    plain = from_conllu(SAID_ACCORDING_TO.replace("according\taccord\tVERB",
                                                  "speaking\tspeak\tVERB"))
    assert first_answer(plain, syntax.according_to) is None
    assert first_answer(plain, syntax.cue_subject) == ("cue_subject", "Sanders")


# WASHINGTON -- President Obama said it "works". (the parser made the dateline the subject)
DATELINE_SUBJECT = conllu([
    "WASHINGTON WASHINGTON PROPN 5 nsubj", "-- -- PUNCT 1 punct",
    "President President PROPN 4 compound", "Obama Obama PROPN 1 flat NER=S-PERSON",
    "said say VERB 0 root", "it it PRON 8 nsubj", '" " PUNCT 8 punct SpaceAfter=No',
    "works work VERB 5 ccomp SpaceAfter=No", '" " PUNCT 8 punct SpaceAfter=No',
    ". . PUNCT 5 punct",
])


def test_a_name_hung_on_the_dateline_is_the_subject() -> None:
    answer = first_answer(from_conllu(DATELINE_SUBJECT), syntax.cue_subject)
    assert answer is not None and answer[1].endswith("Obama")
    # the dateline alone is never a speaker
    alone = from_conllu(DATELINE_SUBJECT.replace("\tObama\tObama\tPROPN\t_\t_\t1\tflat",
                                                 "\tObama\tObama\tPROPN\t_\t_\t5\tobl"))
    assert first_answer(alone, syntax.cue_subject) is None


def test_adjacent_never_names_a_day() -> None:
    for text, who in [
            ('President Obama, at the museum on Saturday said "a story of delight" awaits.', None),
            ('The museum director said "a story of delight" awaits.', "director")]:
        doc = from_regex(text)
        ctx, cands = _ctx(doc)
        att = patterns.adjacent(ctx, cands[0])
        assert (att and mention_text(ctx, att)) == who, text


# Clinton said she wanted to speak "directly to voters".
REPORT_THROUGH_XCOMP = conllu([
    "Clinton Clinton PROPN 2 nsubj NER=S-PERSON", "said say VERB 0 root",
    "she she PRON 4 nsubj", "wanted want VERB 2 ccomp", "to to PART 6 mark",
    "speak speak VERB 4 xcomp", '" " PUNCT 8 punct SpaceAfter=No',
    "directly directly ADV 6 advmod", "to to ADP 10 case",
    "voters voter NOUN 6 obl SpaceAfter=No", '" " PUNCT 10 punct SpaceAfter=No',
    ". . PUNCT 2 punct",
])


def test_the_outermost_speech_verb_speaks_through_complement_clauses() -> None:
    doc = from_conllu(REPORT_THROUGH_XCOMP)
    _, cands = _ctx(doc)
    assert doc.words[cands[0].cue].text == "speak"
    assert first_answer(doc, syntax.reporting_speaker) == ("reporting_speaker", "Clinton")


# Calls men derogatory names, like "pigs". (a bullet without a subject, "Calls" tagged a noun)
SUBJECTLESS = conllu([
    "Calls call NOUN 2 compound", "men man NOUN 0 root", "derogatory derogatory ADJ 4 amod",
    "names name NOUN 2 conj SpaceAfter=No", ", , PUNCT 8 punct", "like like ADP 8 case",
    '" " PUNCT 8 punct SpaceAfter=No', "pigs pig NOUN 4 nmod SpaceAfter=No",
    '" " PUNCT 8 punct SpaceAfter=No', ". . PUNCT 2 punct",
])


def test_what_a_verb_tagged_as_a_noun_is_said_of_is_no_speaker_candidate() -> None:
    doc = from_conllu(SUBJECTLESS)
    q = quote_candidates(doc)[0]
    assert doc.words[q.cue].text == "Calls"
    heads = [doc.words[i].text for i in _ctx(doc)[0].mentions.candidates(q)]
    assert "men" not in heads and "names" in heads


# Trump said he was "happy", according to CNN. (the phrase hung on "happy", not on the cue)
ACCORDING_TO_BELOW = conllu([
    "Trump Trump PROPN 2 nsubj NER=S-PERSON", "said say VERB 0 root", "he he PRON 6 nsubj",
    "was be AUX 6 cop", '" " PUNCT 6 punct SpaceAfter=No', "happy happy ADJ 2 ccomp SpaceAfter=No",
    '" " PUNCT 6 punct SpaceAfter=No', ", , PUNCT 11 punct", "according accord VERB 11 case",
    "to to ADP 9 fixed", "CNN CNN PROPN 6 obl NER=S-ORG SpaceAfter=No", ". . PUNCT 2 punct",
])

# "We won," Sanders said, reported CNN.
REPORTED_BY = conllu([
    '" " PUNCT 3 punct SpaceAfter=No', "We we PRON 3 nsubj",
    "won win VERB 7 ccomp SpaceAfter=No", ", , PUNCT 3 punct SpaceAfter=No",
    '" " PUNCT 3 punct', "Sanders Sanders PROPN 7 nsubj NER=S-PERSON",
    "said say VERB 0 root SpaceAfter=No", ", , PUNCT 9 punct", "reported report VERB 7 conj",
    "CNN CNN PROPN 9 obj NER=S-ORG SpaceAfter=No", ". . PUNCT 7 punct",
])


def test_an_outer_report_names_the_source_of_the_quoted_words() -> None:
    # PolNeAR's Source is the outer attribution, however low the parser hangs it
    assert first_answer(from_conllu(ACCORDING_TO_BELOW), syntax.according_to) == \
        ("according_to", "CNN")
    assert first_answer(from_conllu(REPORTED_BY), syntax.according_to) == \
        ("according_to", "CNN")
    # another verb there is no report: the cue's subject stays
    plain = from_conllu(REPORTED_BY.replace("reported\treport", "added\tadd"))
    assert first_answer(plain, syntax.according_to) is None


# "It was not convincing," said one Democrat familiar with the talks.
SAID_ONE_DEMOCRAT = conllu([
    '" " PUNCT 5 punct SpaceAfter=No', "It it PRON 5 nsubj", "was be AUX 5 cop",
    "not not PART 5 advmod", "convincing convincing ADJ 9 ccomp SpaceAfter=No",
    ", , PUNCT 5 punct SpaceAfter=No", '" " PUNCT 5 punct', "said say VERB 9 parataxis",
    "one one NUM 10 nummod", "Democrat Democrat PROPN 0 root", "familiar familiar ADJ 10 amod",
    "with with ADP 14 case", "the the DET 14 det", "talks talk NOUN 11 obl SpaceAfter=No",
    ". . PUNCT 10 punct",
])


def test_an_inverted_cue_before_a_description() -> None:
    assert first_answer(from_conllu(SAID_ONE_DEMOCRAT), patterns.adjacent) == \
        ("adjacent", "one Democrat")


# Trump kept saying, "That makes me smart," when Clinton blasted him.
SAYING_THEN_WHEN = conllu([
    "Trump Trump PROPN 2 nsubj NER=S-PERSON", "kept keep VERB 0 root",
    "saying say VERB 2 xcomp SpaceAfter=No", ", , PUNCT 7 punct", '" " PUNCT 7 punct SpaceAfter=No',
    "That that PRON 7 nsubj", "makes make VERB 2 parataxis", "me I PRON 7 obj",
    "smart smart ADJ 7 xcomp SpaceAfter=No", ", , PUNCT 7 punct SpaceAfter=No",
    '" " PUNCT 7 punct', "when when ADV 14 advmod", "Clinton Clinton PROPN 14 nsubj",
    "blasted blast VERB 7 advcl", "him he PRON 14 obj SpaceAfter=No", ". . PUNCT 2 punct",
])


def test_a_subordinate_clause_after_the_quote_is_not_its_cue() -> None:
    doc = from_conllu(SAYING_THEN_WHEN)
    q = quote_candidates(doc)[0]
    assert doc.words[q.cue].text == "saying"
    # with no speech verb before the quote, the clause after it is the cue
    alone = from_conllu(SAYING_THEN_WHEN.replace("saying\tsay", "trying\ttry"))
    assert alone.words[quote_candidates(alone)[0].cue].text == "blasted"


def test_resolvers_by_name_and_the_ranker_as_one_of_them() -> None:
    from quoteattr import QuoteattrError
    from quoteattr.resolvers import REGISTRY, rules

    assert [r.name for r in rules(["cue_subject", "adjacent"])] == ["cue_subject", "adjacent"]
    assert REGISTRY["cue_subject"] is syntax.cue_subject and syntax.cue_subject.needs_tree
    assert not patterns.adjacent.needs_tree
    (learned,) = rules(["ranker"])
    assert learned.name == "ranker" and not learned.needs_tree
    doc = from_regex('"We will win," said Mayor Tom Walsh.')
    ctx, cands = _ctx(doc)
    choice = learned(ctx, cands[0])
    assert choice is not None and choice.resolver == "ranker" and choice.probability
    assert mention_text(ctx, choice) == "Mayor Tom Walsh"
    with pytest.raises(QuoteattrError, match="no resolver is named 'nobody'"):
        rules(["nobody"])
    # rules that need the tree step aside without one; the others answer
    r = run_stages(doc, resolvers=["cue_subject", "adjacent"], strategy="rules")
    assert [q.resolver for q in r.quotes] == ["adjacent"]


def _indirect(rows: list[str]) -> list[str]:
    doc = from_conllu(conllu(rows))
    return [q.text for q in run_stages(doc, strategy="rules").quotes if q.kind == "indirect"]


def test_a_denied_act_is_no_quote() -> None:
    claimed = ["claimed claim VERB 0 root", "responsibility responsibility NOUN {v} obj",
               "for for ADP {a} case", "the the DET {a} det", "attack attack NOUN {v} obl"]

    def rows(negated: bool) -> list[str]:
        head = ["Israel Israel PROPN {v} nsubj", "has have AUX {v} aux"]
        if negated:
            head.append("not not PART {v} advmod")
        v = len(head) + 1
        out = [r.format(v=v, a=v + 4) for r in head + claimed]
        return [*out, f". . PUNCT {v} punct"]

    assert _indirect(rows(negated=False)) == ["responsibility for the attack"]
    assert _indirect(rows(negated=True)) == []


def test_a_thing_that_suggests_is_no_speaker() -> None:
    def rows(subject: list[str]) -> list[str]:
        v = len(subject) + 1
        return [*[r.format(v=v) for r in subject], "suggests suggest VERB 0 root",
                f"it it PRON {v + 3} nsubj", f"has have AUX {v + 3} aux",
                f"grown grow VERB {v} ccomp", f"stronger strong ADJ {v + 3} xcomp",
                f". . PUNCT {v} punct"]

    assert _indirect(rows(["Its its PRON 2 nmod:poss", "activity activity NOUN {v} nsubj"])) == []
    assert _indirect(rows(["The the DET 2 det", "minister minister NOUN {v} nsubj"])) == [
        "it has grown stronger"]
