"""The spaCy 'quoteattr' component, on hand-built spaCy Docs parsed as spaCy's English
pipelines parse (ClearNLP labels, OntoNotes entities); no spaCy model is loaded."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from typing import Any

import pytest

spacy = pytest.importorskip("spacy")

from spacy.tokens import Doc, DocBin, Span  # noqa: E402

from quoteattr import InputError, OptionError, Quote, Result  # noqa: E402
from quoteattr.spacy_component import (  # noqa: E402
    NAME,
    QuoteattrComponent,
    make_quoteattr,
    register_extensions,
    to_document,
    to_ud,
)

# text, space after, head, dep, pos, tag, lemma, entity (IOB)
Row = tuple[str, bool, int, str, str, str, str, str]

NETANYAHU: list[Row] = [
    ('"', False, 11, "punct", "PUNCT", "``", '"', "O"),
    ("We", True, 3, "nsubj", "PRON", "PRP", "we", "O"),
    ("will", True, 3, "aux", "AUX", "MD", "will", "O"),
    ("fight", True, 11, "ccomp", "VERB", "VB", "fight", "O"),
    ("on", False, 3, "prt", "ADP", "RP", "on", "O"),
    (",", False, 11, "punct", "PUNCT", ",", ",", "O"),
    ('"', True, 11, "punct", "PUNCT", "''", '"', "O"),
    ("Prime", True, 8, "compound", "PROPN", "NNP", "Prime", "O"),
    ("Minister", True, 10, "compound", "PROPN", "NNP", "Minister", "O"),
    ("Benjamin", True, 10, "compound", "PROPN", "NNP", "Benjamin", "B-PERSON"),
    ("Netanyahu", True, 11, "nsubj", "PROPN", "NNP", "Netanyahu", "I-PERSON"),
    ("said", False, 11, "ROOT", "VERB", "VBD", "say", "O"),
    (".", True, 11, "punct", "PUNCT", ".", ".", "O"),
    ('"', False, 21, "punct", "PUNCT", "``", '"', "O"),
    ("It", True, 15, "nsubj", "PRON", "PRP", "it", "O"),
    ("is", True, 21, "ccomp", "AUX", "VBZ", "be", "O"),
    ("a", True, 17, "det", "DET", "DT", "a", "O"),
    ("mission", False, 15, "attr", "NOUN", "NN", "mission", "O"),
    (",", False, 21, "punct", "PUNCT", ",", ",", "O"),
    ('"', True, 21, "punct", "PUNCT", "''", '"', "O"),
    ("he", True, 21, "nsubj", "PRON", "PRP", "he", "O"),
    ("added", False, 21, "ROOT", "VERB", "VBD", "add", "O"),
    (".", False, 21, "punct", "PUNCT", ".", ".", "O"),
]
NETANYAHU_TEXT = ('"We will fight on," Prime Minister Benjamin Netanyahu said. '
                  '"It is a mission," he added.')
MORPHS = {"he": "Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs",
          "said": "Tense=Past|VerbForm=Fin"}

PASSIVE: list[Row] = [
    ("It", True, 2, "nsubjpass", "PRON", "PRP", "it", "O"),
    ("was", True, 2, "auxpass", "AUX", "VBD", "be", "O"),
    ("announced", True, 2, "ROOT", "VERB", "VBN", "announce", "O"),
    ("by", True, 2, "agent", "ADP", "IN", "by", "O"),
    ("Mayor", True, 6, "compound", "PROPN", "NNP", "Mayor", "O"),
    ("Jane", True, 6, "compound", "PROPN", "NNP", "Jane", "B-PERSON"),
    ("Smith", True, 3, "pobj", "PROPN", "NNP", "Smith", "I-PERSON"),
    ("that", True, 11, "mark", "SCONJ", "IN", "that", "O"),
    ("the", True, 9, "det", "DET", "DT", "the", "O"),
    ("city", True, 11, "nsubj", "NOUN", "NN", "city", "O"),
    ("would", True, 11, "aux", "AUX", "MD", "would", "O"),
    ("close", False, 2, "ccomp", "VERB", "VB", "close", "O"),
    (".", False, 2, "punct", "PUNCT", ".", ".", "O"),
]

ACCORDING: list[Row] = [
    ('"', False, 3, "punct", "PUNCT", "``", '"', "O"),
    ("We", True, 3, "nsubj", "PRON", "PRP", "we", "O"),
    ("will", True, 3, "aux", "AUX", "MD", "will", "O"),
    ("win", False, 3, "ROOT", "VERB", "VB", "win", "O"),
    (",", False, 3, "punct", "PUNCT", ",", ",", "O"),
    ('"', True, 3, "punct", "PUNCT", "''", '"', "O"),
    ("according", True, 3, "prep", "VERB", "VBG", "accord", "O"),
    ("to", True, 6, "prep", "ADP", "IN", "to", "O"),
    ("Senator", True, 10, "compound", "PROPN", "NNP", "Senator", "O"),
    ("Jane", True, 10, "compound", "PROPN", "NNP", "Jane", "B-PERSON"),
    ("Smith", False, 7, "pobj", "PROPN", "NNP", "Smith", "I-PERSON"),
    (".", False, 3, "punct", "PUNCT", ".", ".", "O"),
]

REPORTED: list[Row] = [
    ("The", True, 1, "det", "DET", "DT", "the", "O"),
    ("agency", True, 2, "nsubj", "NOUN", "NN", "agency", "O"),
    ("reported", True, 2, "ROOT", "VERB", "VBD", "report", "O"),
    ("a", True, 5, "det", "DET", "DT", "a", "O"),
    ("sharp", True, 5, "amod", "ADJ", "JJ", "sharp", "O"),
    ("rise", True, 2, "dobj", "NOUN", "NN", "rise", "O"),
    ("in", True, 5, "prep", "ADP", "IN", "in", "O"),
    ("food", True, 8, "compound", "NOUN", "NN", "food", "O"),
    ("prices", False, 6, "pobj", "NOUN", "NNS", "price", "O"),
    (".", False, 2, "punct", "PUNCT", ".", ".", "O"),
]

TOLD: list[Row] = [
    ("Smith", True, 1, "nsubj", "PROPN", "NNP", "Smith", "B-PERSON"),
    ("told", True, 1, "ROOT", "VERB", "VBD", "tell", "O"),
    ("the", True, 3, "det", "DET", "DT", "the", "O"),
    ("committee", True, 1, "dobj", "NOUN", "NN", "committee", "O"),
    ("the", True, 5, "det", "DET", "DT", "the", "O"),
    ("plan", True, 6, "nsubj", "NOUN", "NN", "plan", "O"),
    ("failed", False, 1, "ccomp", "VERB", "VBD", "fail", "O"),
    (".", False, 1, "punct", "PUNCT", ".", ".", "O"),
]


@pytest.fixture(scope="module")
def nlp() -> Any:
    return spacy.blank("en")


@pytest.fixture(scope="module")
def component(nlp: Any) -> Any:
    return nlp.add_pipe(NAME)


def make_doc(nlp: Any, rows: list[Row], morphs: dict[str, str] | None = None,
             with_tree: bool = True) -> Doc:
    """A Doc as spaCy's tagger, parser and NER would leave it."""
    words, spaces, heads, deps, pos, tags, lemmas, ents = (list(c) for c in zip(*rows))
    sent_starts = [_starts_sentence(heads, i) for i in range(len(rows))]
    return Doc(nlp.vocab, words=words, spaces=spaces, tags=tags, pos=pos, lemmas=lemmas,
               morphs=[(morphs or {}).get(w, "") for w in words],
               heads=heads if with_tree else None, deps=deps if with_tree else None,
               sent_starts=sent_starts, ents=ents)


def _starts_sentence(heads: list[int], i: int) -> bool:
    """Whether word i opens a new tree (no arc joins it to the words before it)."""
    return all(not (min(j, heads[j]) < i <= max(j, heads[j])) for j in range(len(heads)))


def _speaker(q: Quote) -> tuple[str | None, str | None, str | None, str]:
    assert q.speaker is not None
    mention = q.speaker.mention.text if q.speaker.mention else None
    return q.speaker.name, q.speaker.role, mention, q.speaker.type


# ------------------------------------------------------------------ the component

def test_factory_registered_on_import() -> None:
    assert spacy.language.Language.has_factory(NAME)
    meta = spacy.language.Language.get_factory_meta(NAME)
    assert meta.factory == NAME and meta.default_config == {"strategy": "rules+ranker",
                                                            "resolvers": None}


def test_netanyahu(nlp: Any, component: Any) -> None:
    doc = make_doc(nlp, NETANYAHU, MORPHS)
    assert doc.text == NETANYAHU_TEXT
    assert [s.text for s in doc.sents] == [
        '"We will fight on," Prime Minister Benjamin Netanyahu said.',
        '"It is a mission," he added.']
    assert component(doc) is doc

    result = doc._.quoteattr
    assert isinstance(result, Result)
    assert [q.text for q in result.quotes] == ["We will fight on", "It is a mission"]
    first, second = result.quotes
    assert (first.kind, second.kind) == ("direct", "direct")
    assert first.cue is not None and first.cue.text == "said"
    assert second.cue is not None and second.cue.text == "added"
    assert _speaker(first) == ("Benjamin Netanyahu", "Prime Minister",
                               "Prime Minister Benjamin Netanyahu", "PERSON")
    assert _speaker(second) == ("Benjamin Netanyahu", "Prime Minister", "he", "PERSON")
    for q in result.quotes:
        assert doc.text[q.start:q.end] == q.text
    assert [(e.name, e.type, e.quotes) for e in result.speakers] == [
        ("Benjamin Netanyahu", "PERSON", 2)]

    spans = doc._.quotes
    assert all(isinstance(s, Span) for s in spans)
    assert [s.text for s in spans] == ["We will fight on", "It is a mission"]
    assert [(s.start, s.end) for s in spans] == [(1, 5), (14, 18)]
    assert [(s.start_char, s.end_char) for s in spans] == [(q.start, q.end)
                                                          for q in result.quotes]
    assert [s._.quote for s in spans] == list(result.quotes)
    assert spans[0]._.quote is result.quotes[0]  # the Result itself, not a copy
    # any span over the same tokens is the quote's; other spans are no quote
    assert doc[1:5]._.quote == first
    assert doc[7:11]._.quote is None


def test_added_through_add_pipe(nlp: Any, component: Any) -> None:
    """Calling the pipeline runs the component on a Doc the earlier components made."""
    local = spacy.blank("en")
    local.add_pipe(NAME, config={"strategy": "rules"})
    assert local.pipe_names == [NAME]
    assert local.config["components"][NAME] == {"factory": NAME, "strategy": "rules",
                                                "resolvers": None}
    doc = make_doc(local, NETANYAHU)
    for _, proc in local.pipeline:
        doc = proc(doc)
    assert [_speaker(q)[0] for q in doc._.quoteattr.quotes] == ["Benjamin Netanyahu"] * 2
    assert all(q.confidence == 0.0 for q in doc._.quoteattr.quotes)  # "rules": no ranker


def test_passive_agent(nlp: Any, component: Any) -> None:
    doc = component(make_doc(nlp, PASSIVE))
    [q] = doc._.quoteattr.quotes
    assert (q.kind, q.text, q.cue and q.cue.text) == ("indirect", "that the city would close",
                                                      "announced")
    assert _speaker(q) == ("Jane Smith", "Mayor", "Mayor Jane Smith", "PERSON")
    assert q.resolver == "passive_agent"  # reads obl:agent, which "agent" + "pobj" became


def test_according_to(nlp: Any, component: Any) -> None:
    doc = component(make_doc(nlp, ACCORDING))
    [q] = doc._.quoteattr.quotes
    assert q.text == "We will win" and q.cue is not None and q.cue.text == "according to"
    assert _speaker(q)[:2] == ("Jane Smith", "Senator")
    assert q.resolver == "according_to"


def test_object_content_needs_obj(nlp: Any, component: Any) -> None:
    """"reported a sharp rise": the content is the verb's object, which quoteattr reads
    only as UD's obj (spaCy's dobj)."""
    doc = component(make_doc(nlp, REPORTED))
    [q] = doc._.quoteattr.quotes
    assert (q.kind, q.text) == ("indirect", "a sharp rise in food prices")
    assert _speaker(q)[2] == "The agency"


def test_addressee_is_not_content(nlp: Any, component: Any) -> None:
    """"told the committee the plan failed": the committee is the addressee (iobj), not
    the start of what was told."""
    doc = component(make_doc(nlp, TOLD))
    [q] = doc._.quoteattr.quotes
    assert (q.text, _speaker(q)[0]) == ("the plan failed", "Smith")


def test_without_a_parse(nlp: Any) -> None:
    """A pipeline with sentences but no parser (a sentencizer): the resolvers that need no
    tree still answer."""
    local = spacy.blank("en")
    local.add_pipe("sentencizer")
    local.add_pipe(NAME, config={"strategy": "rules"})
    doc = local(NETANYAHU_TEXT)
    assert [s.text for s in doc._.quotes] == ["We will fight on", "It is a mission"]
    assert [q.speaker and q.speaker.name for q in doc._.quoteattr.quotes] == [
        "Benjamin Netanyahu"] * 2
    assert to_document(doc).parsed is False


def test_no_sentences_is_an_error(nlp: Any) -> None:
    local = spacy.blank("en")
    local.add_pipe(NAME)
    with pytest.raises(InputError, match="sentencizer"):
        local('"We will win," she said. Then she left.')


def test_empty_doc(nlp: Any, component: Any) -> None:
    doc = component(nlp.make_doc(""))
    assert doc._.quotes == [] and doc._.quoteattr == Result()
    doc = component(Doc(nlp.vocab, words=["\n\n"], spaces=[False]))
    assert doc._.quotes == []


def test_before_the_component_runs(nlp: Any, component: Any) -> None:
    doc = nlp.make_doc("Nothing was said.")  # not run through the pipeline
    assert doc._.quoteattr is None and doc._.quotes == [] and doc[0:2]._.quote is None


def test_results_survive_serialization(nlp: Any, component: Any) -> None:
    doc = component(make_doc(nlp, NETANYAHU))
    expected = doc._.quoteattr
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [s.text for s in back._.quotes] == ["We will fight on", "It is a mission"]
    assert back._.quoteattr.to_dict() == expected.to_dict()
    assert back._.quotes[1]._.quote.speaker.name == "Benjamin Netanyahu"
    docs = DocBin(store_user_data=True, docs=[doc])
    [again] = DocBin().from_bytes(docs.to_bytes()).get_docs(nlp.vocab)
    assert again._.quoteattr.to_dict() == expected.to_dict()


def test_config(nlp: Any) -> None:
    local = spacy.blank("en")
    component = local.add_pipe(NAME, config={"resolvers": ["cue_subject"]})
    assert isinstance(component, QuoteattrComponent)
    assert [r.name for r in component.resolvers] == ["cue_subject"]
    assert component.strategy == "rules+ranker"
    with pytest.raises(OptionError, match="strategy"):
        make_quoteattr(local, "bad", "slow", None)


def test_extensions_registered_once_and_again() -> None:
    register_extensions()
    register_extensions()  # force=True: no "extension already exists" error
    for name in ("quoteattr", "quotes", "quoteattr_data"):
        assert Doc.has_extension(name)
    assert Span.has_extension("quote")


# ------------------------------------------------------------------ the document view

def test_document_view(nlp: Any) -> None:
    doc = make_doc(nlp, NETANYAHU, MORPHS)
    view = to_document(doc)
    assert view.parsed and view.text == doc.text
    assert [(s.first, s.last) for s in view.sentences] == [(0, 13), (13, 23)]
    by_text = {w.text: w for w in view.words}
    assert (by_text["on"].deprel, by_text["on"].head) == ("compound:prt", 3)
    assert (by_text["said"].deprel, by_text["said"].head) == ("root", -1)
    assert by_text["said"].lemma == "say" and by_text["said"].xpos == "VBD"
    assert by_text["he"].feat("Case") == "Nom"
    # the copula: "mission" is what "added" reports, "It" its subject, "is" its cop
    assert (by_text["mission"].deprel, by_text["mission"].head) == ("ccomp", 21)
    assert (by_text["is"].deprel, by_text["is"].head) == ("cop", 17)
    assert (by_text["It"].deprel, by_text["It"].head) == ("nsubj", 17)
    assert [(e.text, e.type, e.label, e.first, e.last) for e in view.entities] == [
        ("Benjamin Netanyahu", "PERSON", "PERSON", 9, 11)]
    for w in view.words:
        assert doc.text[w.start:w.end] == w.text


def test_entity_types(nlp: Any) -> None:
    words = ["Reuters", "quoted", "Israeli", "officials", "in", "Jerusalem", "."]
    doc = Doc(nlp.vocab, words=words, sent_starts=[True] + [False] * 6,
              ents=["B-ORG", "O", "B-NORP", "O", "O", "B-GPE", "O"])
    view = to_document(doc)
    assert [(e.text, e.type, e.label) for e in view.entities] == [
        ("Reuters", "ORG", "ORG"), ("Israeli", "OTHER", "NORP"), ("Jerusalem", "GPE", "GPE")]


def test_whitespace_tokens_are_left_out(nlp: Any) -> None:
    words = ["Hello", ".", "\n\n", "Bye", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[False, False, False, False, False],
              heads=[0, 0, 1, 3, 3], deps=["ROOT", "punct", "dep", "ROOT", "punct"])
    view = to_document(doc)
    assert [w.text for w in view.words] == ["Hello", ".", "Bye", "."]
    assert [w.head for w in view.words] == [-1, 0, -1, 2]
    assert [(s.first, s.last) for s in view.sentences] == [(0, 2), (2, 4)]
    assert [p.text for p in view.paragraphs] == ["Hello.", "Bye."]


def test_long_sentence_is_cut(nlp: Any) -> None:
    n = 400
    words = ["word"] * n
    # a chain: each word hangs on the one before it
    doc = Doc(nlp.vocab, words=words, heads=[max(i - 1, 0) for i in range(n)],
              deps=["ROOT"] + ["dep"] * (n - 1))
    view = to_document(doc)
    assert len(view.sentences) == 3
    assert max(s.last - s.first for s in view.sentences) <= 150
    roots = [w.index for w in view.words if w.head < 0]
    assert roots == [s.first for s in view.sentences] == [0, 150, 300]
    assert all(view.words[w.head].sent == w.sent for w in view.words if w.head >= 0)


# ------------------------------------------------------------------ the label conversion

def _ud(rows: list[tuple[str, int, str, str]]) -> list[tuple[str, int, str]]:
    words, heads, deps, pos = (list(c) for c in zip(*rows))
    head, dep = to_ud(heads, deps, pos, words)
    return list(zip(words, head, dep))


def test_prepositions_become_case() -> None:
    # "the mayor of Springfield spoke to reporters after leaving"
    assert _ud([("mayor", 3, "nsubj", "NOUN"), ("of", 0, "prep", "ADP"),
                ("Springfield", 1, "pobj", "PROPN"), ("spoke", 3, "ROOT", "VERB"),
                ("to", 3, "prep", "ADP"), ("reporters", 4, "pobj", "NOUN"),
                ("after", 3, "prep", "ADP"), ("leaving", 6, "pcomp", "VERB")]) == [
        ("mayor", 3, "nsubj"), ("of", 2, "case"), ("Springfield", 0, "nmod"),
        ("spoke", -1, "root"), ("to", 5, "case"), ("reporters", 3, "obl"),
        ("after", 7, "mark"), ("leaving", 3, "advcl")]


def test_agent_and_fixed_prepositions() -> None:
    assert _ud([("said", 0, "ROOT", "VERB"), ("by", 0, "agent", "ADP"),
                ("Smith", 1, "pobj", "PROPN")]) == [
        ("said", -1, "root"), ("by", 2, "case"), ("Smith", 0, "obl:agent")]
    assert _ud([("win", 0, "ROOT", "VERB"), ("according", 0, "prep", "VERB"),
                ("to", 1, "prep", "ADP"), ("Smith", 2, "pobj", "PROPN")]) == [
        ("win", -1, "root"), ("according", 3, "case"), ("to", 1, "fixed"),
        ("Smith", 0, "obl")]


def test_relabelled() -> None:
    # "Obama 's aide was n't told" / "gave him it" / "there is a man"
    assert _ud([("Obama", 2, "poss", "PROPN"), ("'s", 0, "case", "PART"),
                ("aide", 5, "nsubjpass", "NOUN"), ("was", 5, "auxpass", "AUX"),
                ("n't", 5, "neg", "PART"), ("told", 5, "ROOT", "VERB")]) == [
        ("Obama", 2, "nmod:poss"), ("'s", 0, "case"), ("aide", 5, "nsubj:pass"),
        ("was", 5, "aux:pass"), ("n't", 5, "advmod"), ("told", -1, "root")]
    assert _ud([("gave", 0, "ROOT", "VERB"), ("him", 0, "dative", "PRON"),
                ("it", 0, "dobj", "PRON")]) == [
        ("gave", -1, "root"), ("him", 0, "iobj"), ("it", 0, "obj")]
    assert _ud([("there", 1, "expl", "PRON"), ("is", 1, "ROOT", "VERB"),
                ("a", 3, "det", "DET"), ("man", 1, "attr", "NOUN")]) == [
        ("there", 1, "expl"), ("is", -1, "root"), ("a", 3, "det"), ("man", 1, "nsubj")]


def test_copula_takes_the_predicate_as_head() -> None:
    # "the plan , he said , was n't bad" -> "bad" heads every dependent of "was"
    assert _ud([("plan", 1, "nsubj", "NOUN"), ("was", 1, "ROOT", "AUX"),
                ("n't", 1, "neg", "PART"), ("bad", 1, "acomp", "ADJ")]) == [
        ("plan", 3, "nsubj"), ("was", 3, "cop"), ("n't", 3, "advmod"), ("bad", -1, "root")]
    # without a lemmatizer the form is read: "is"
    assert _ud([("It", 1, "nsubj", "PRON"), ("is", 1, "ROOT", "AUX"),
                ("true", 1, "acomp", "ADJ")])[1] == ("is", 2, "cop")
    # "became president": not "be", an xcomp
    assert _ud([("became", 0, "ROOT", "VERB"), ("president", 0, "attr", "NOUN")])[1] == (
        "president", 0, "xcomp")


# ------------------------------------------------------------------ packaging

def test_entry_point() -> None:
    """spaCy finds the factory through the ``spacy_factories`` entry point, once quoteattr
    is installed with it in its metadata."""
    found = [ep for ep in importlib.metadata.entry_points(group="spacy_factories")
             if ep.name == NAME]
    if not found:
        pytest.skip("the installed quoteattr distribution has no spacy_factories entry point "
                    "(reinstall it with `pip install -e .` after pyproject.toml declares it)")
    [ep] = found
    assert ep.value == "quoteattr.spacy_component:make_quoteattr"
    assert ep.load() is make_quoteattr


def test_import_quoteattr_does_not_import_spacy() -> None:
    code = "import sys, quoteattr; assert 'spacy' not in sys.modules, 'spacy imported'"
    subprocess.run([sys.executable, "-c", code], check=True)
