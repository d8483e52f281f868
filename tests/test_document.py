import pytest

from quoteattr import ConllUError
from quoteattr.nlp.document import entities_from_bio, from_conllu, from_regex, split_paragraphs

CONLLU = """# newpar
# text = "We will win," Smith said.
1	"	"	PUNCT	``	_	4	punct	_	SpaceAfter=No
2	We	we	PRON	PRP	_	4	nsubj	_	_
3	will	will	AUX	MD	_	4	aux	_	_
4	win	win	VERB	VB	_	8	ccomp	_	SpaceAfter=No
5	,	,	PUNCT	,	_	4	punct	_	SpaceAfter=No
6	"	"	PUNCT	''	_	4	punct	_	_
7	Smith	Smith	PROPN	NNP	_	8	nsubj	_	NER=S-PERSON
8	said	say	VERB	VBD	_	0	root	_	SpaceAfter=No
9	.	.	PUNCT	.	_	8	punct	_	_

# newpar
# text = They don't agree.
1	They	they	PRON	PRP	_	3	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	agree	agree	VERB	VB	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

"""


def test_conllu_rebuilds_text_and_tree() -> None:
    doc = from_conllu(CONLLU)
    assert doc.text.startswith('"We will win," Smith said.')
    said = next(w for w in doc.words if w.text == "said")
    smith = next(w for w in doc.words if w.text == "Smith")
    assert smith.head == said.index and smith.deprel == "nsubj"
    assert said.head == -1
    for w in doc.words:
        assert doc.text[w.start:w.end] == w.text  # "don't" is "do" + "n't"
    assert [e.text for e in doc.entities] == ["Smith"]
    assert doc.entities[0].type == "PERSON"
    assert len(doc.sentences) == 2 and len(doc.paragraphs) == 2


def test_conllu_aligns_to_a_given_text() -> None:
    text = '  "We will win,"  Smith said.\n\nThey don\'t agree.'
    doc = from_conllu(CONLLU, text)
    smith = next(w for w in doc.words if w.text == "Smith")
    assert text[smith.start:smith.end] == "Smith"
    do, nt = (next(w for w in doc.words if w.text == t) for t in ("do", "n't"))
    assert (text[do.start:do.end], text[nt.start:nt.end]) == ("do", "n't")


# Obama's word / I won't: two multi-word tokens, one that spells its words, one that doesn't
MULTIWORD = """# text = Obama's word: I won't.
1-2	Obama's	_	_	_	_	_	_	_	NER=S-PERSON
1	Obama	Obama	PROPN	NNP	_	3	nmod:poss	_	_
2	's	's	PART	POS	_	1	case	_	_
3	word	word	NOUN	NN	_	0	root	_	SpaceAfter=No
4	:	:	PUNCT	:	_	3	punct	_	_
5	I	I	PRON	PRP	_	8	nsubj	_	_
6-7	won't	_	_	_	_	_	_	_	SpaceAfter=No
6	will	will	AUX	MD	_	8	aux	_	_
7	not	not	PART	RB	_	8	advmod	_	_
8	.	.	PUNCT	.	_	3	punct	_	_

"""


def test_multiword_tokens_get_word_offsets_and_one_entity() -> None:
    doc = from_conllu(MULTIWORD)
    obama, s = doc.words[0], doc.words[1]
    assert (doc.text[obama.start:obama.end], doc.text[s.start:s.end]) == ("Obama", "'s")
    # the token's tag names "Obama", once: no second entity on "'s"
    assert [e.text for e in doc.entities] == ["Obama"]
    # "will" + "not" do not spell "won't": both keep the token's offsets, and a range
    # starting there finds both, the first one first
    will, not_ = doc.words[5], doc.words[6]
    assert (will.start, will.end) == (not_.start, not_.end)
    assert doc.words_in(will.start, will.end)[:2] == [5, 6]
    assert doc.word_at(will.start) == 5


def test_conllu_with_a_head_cycle_is_refused() -> None:
    # "said" (the root) hung on "Smith", whose head is "said": Smith -> said -> Smith
    cyclic = CONLLU.replace("_\t0\troot\t_\tSpaceAfter=No\n9", "_\t7\troot\t_\tSpaceAfter=No\n9")
    assert cyclic != CONLLU
    with pytest.raises(ConllUError, match="cycle"):
        from_conllu(cyclic)
    # a word that is its own head
    own = CONLLU.replace("1\tThey\tthey\tPRON\tPRP\t_\t3", "1\tThey\tthey\tPRON\tPRP\t_\t1")
    assert own != CONLLU
    with pytest.raises(ConllUError, match="cycle"):
        from_conllu(own)


def test_paragraphs_are_lines() -> None:
    text = "Title line\nFirst para.\n\n  Second para. \n"
    assert [p.text for p in split_paragraphs(text)] == ["Title line", "First para.",
                                                      "Second para."]


def test_regex_view_has_sentences_and_offsets() -> None:
    text = 'Mr. Smith said "no." Then he left.\nNew line'
    doc = from_regex(text)
    assert not doc.parsed
    for w in doc.words:
        assert text[w.start:w.end] == w.text
    # no sentence ends after a title ("Mr."); one ends after a closing quotation mark
    assert [text[s.start:s.end] for s in doc.sentences] == [
        'Mr. Smith said "no."', "Then he left.", "New line"]


def test_bio_grouping() -> None:
    doc = from_regex("Benny Gantz met Lloyd Austin in Tel Aviv")
    import attrs

    tags = ["B-PERSON", "I-PERSON", "O", "B-PERSON", "E-PERSON", "O", "B-LOC", "I-LOC"]
    words = [attrs.evolve(w, ner=t) for w, t in zip(doc.words, tags)]
    ents = entities_from_bio(words, doc.text)
    assert [(e.text, e.type) for e in ents] == [("Benny Gantz", "PERSON"),
                                                ("Lloyd Austin", "PERSON"), ("Tel Aviv", "GPE")]


def test_sentences_never_end_on_a_title_or_an_initial() -> None:
    from quoteattr.nlp.sentences import join_abbreviation_splits

    split = [["Later", ",", "Mr."], ["Clarke", "said", "so", "."], ["Sen."],
             ["Bernie", "agreed", "."], ["George", "H."], ["W.", "Bush", "left", "."],
             ["It", "was", "late", "."], ["Ask", "Mr."], ["(", "x", ")"]]
    assert join_abbreviation_splits(split) == [
        ["Later", ",", "Mr.", "Clarke", "said", "so", "."], ["Sen.", "Bernie", "agreed", "."],
        ["George", "H.", "W.", "Bush", "left", "."], ["It", "was", "late", "."],
        ["Ask", "Mr."], ["(", "x", ")"]]
    # the tokenizer may split the dot off the title; a sentence ending on a word and its
    # full stop ("it was late .") stays
    assert join_abbreviation_splits([["Texas", "Lt", "."], ["Gov", "."], ["Dan", "Patrick"],
                                     ["It", "was", "late", "."], ["Then", "rain", "."]]) == [
        ["Texas", "Lt", ".", "Gov", ".", "Dan", "Patrick"], ["It", "was", "late", "."],
        ["Then", "rain", "."]]
    # multi-word tokens come as (text, True) pairs
    assert join_abbreviation_splits([[("Mr.", False)], [("Smith's", True)]]) == [
        [("Mr.", False), ("Smith's", True)]]



def test_a_sentence_that_ends_on_a_word_goes_on_into_the_next_in_its_line() -> None:
    from quoteattr.nlp.sentences import join_unended_sentences, postprocess, reading

    split = [["Prime", "Minister", "Theresa"], ["May", "said", "so", "."], ["It", "rained"],
             ["―", "Ana", "Ruiz"], ["New", "line", "here", "."]]
    joined = [["Prime", "Minister", "Theresa", "May", "said", "so", "."], ["It", "rained"],
              ["―", "Ana", "Ruiz"], ["New", "line", "here", "."]]
    # a break after a word is the tokenizer's mistake inside a line, never across lines (a
    # headline or a sign-off ends without a full stop)
    assert join_unended_sentences(split, [" ", " ", "\n\n", "\n\n"]) == joined
    with reading(["Prime Minister Theresa May said so. It rained", "― Ana Ruiz",
                  "New line here."]):
        assert postprocess(split) == joined
    # without the text read, the postprocessor cannot see the lines and joins nothing
    assert postprocess(split) == split


def test_a_name_the_tokenizer_cut_with_a_sentence_end_is_read_whole(extractor) -> None:
    text = ('"We will never accept it," he said.\n\nJean-Marc Ayrault, the foreign minister '
            'of France, said the test "cannot be left without a response."')
    doc = extractor.parse(text)
    name = doc.word_at(text.index("Ayrault"))
    assert doc.words[name].sent == doc.words[doc.word_at(text.index("Jean"))].sent
    quote = next(q for q in extractor.extract(text).quotes if q.text.startswith("cannot"))
    assert (quote.speaker.name, quote.speaker.role) == ("Jean-Marc Ayrault", "foreign minister")

def test_a_name_the_tagger_cut_in_two_is_one_person() -> None:
    import attrs

    doc = from_regex("Rakeyia Scott said Ana, Tom and Charlotte Mayor Jennifer Roberts left")
    tags = ["S-PERSON", "S-PERSON", "O", "S-PERSON", "O", "S-PERSON", "O", "B-PERSON",
            "E-PERSON", "B-PERSON", "E-PERSON", "O"]
    words = [attrs.evolve(w, ner=t) for w, t in zip(doc.words, tags)]
    ents = entities_from_bio(words, doc.text)
    # one space between two person entities: one name; a comma or "and": a list; a part
    # holding a title ("Charlotte Mayor"): a description, not half a name
    assert [e.text for e in ents] == ["Rakeyia Scott", "Ana", "Tom", "Charlotte Mayor",
                                      "Jennifer Roberts"]
    # ... even across a sentence break the tokenizer put between the two
    words = [attrs.evolve(w, sent=0 if k == 0 else 1) for k, w in enumerate(words)]
    assert entities_from_bio(words, doc.text)[0].text == "Rakeyia Scott"
