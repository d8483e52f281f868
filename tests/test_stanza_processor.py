"""The stanza 'quote' processor: on hand-built stanza Documents (no stanza model is loaded), and
in the pipeline quoteattr.stanza_pipeline() builds with the bundled models."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import stanza
from stanza.models.common.doc import Document
from stanza.pipeline.core import PipelineRequirementsException
from stanza.pipeline.registry import NAME_TO_PROCESSOR_CLASS, PIPELINE_NAMES

from quoteattr import InputError, Quote, Result
from quoteattr.stanza_processor import QuoteProcessor, annotate

TEXT = '"We will win," said Senator Jane Smith.'
# text, upos, lemma, head (1-based, 0 = root), deprel, ner
ROWS = [
    ('"', "PUNCT", '"', 4, "punct", "O"),
    ("We", "PRON", "we", 4, "nsubj", "O"),
    ("will", "AUX", "will", 4, "aux", "O"),
    ("win", "VERB", "win", 7, "ccomp", "O"),
    (",", "PUNCT", ",", 4, "punct", "O"),
    ('"', "PUNCT", '"', 4, "punct", "O"),
    ("said", "VERB", "say", 0, "root", "O"),
    ("Senator", "PROPN", "Senator", 9, "compound", "O"),
    ("Jane", "PROPN", "Jane", 7, "nsubj", "B-PERSON"),
    ("Smith", "PROPN", "Smith", 9, "flat", "E-PERSON"),
    (".", "PUNCT", ".", 7, "punct", "O"),
]


def parsed_doc(text: str = TEXT, rows: list[tuple[Any, ...]] = ROWS,
               with_text: bool = True) -> Document:
    """A stanza Document as tokenize..ner would leave it."""
    sentence, pos = [], 0
    for i, (form, upos, lemma, head, deprel, ner) in enumerate(rows, start=1):
        start = text.index(form, pos)
        pos = start + len(form)
        sentence.append({"id": i, "text": form, "lemma": lemma, "upos": upos, "head": head,
                         "deprel": deprel, "ner": ner, "start_char": start, "end_char": pos})
    return Document([sentence], text=text if with_text else None)


def _check_jane(quotes: list[Quote]) -> None:
    assert [q.text for q in quotes] == ["We will win"]
    q = quotes[0]
    assert TEXT[q.start:q.end] == q.text
    assert q.cue is not None and q.cue.text == "said"
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.role, q.speaker.type) == ("Jane Smith", "Senator", "PERSON")


def test_registered_on_import() -> None:
    assert NAME_TO_PROCESSOR_CLASS["quote"] is QuoteProcessor
    assert PIPELINE_NAMES.count("quote") == 1
    # it runs after every processor it needs
    for needed in ("tokenize", "pos", "lemma", "depparse", "ner"):
        assert PIPELINE_NAMES.index(needed) < PIPELINE_NAMES.index("quote")


def test_process_attaches_quotes_and_result() -> None:
    proc = QuoteProcessor({"check_requirements": False}, None, "cpu")
    assert proc.provides == {"quote"}
    assert proc.requires == {"tokenize", "pos", "lemma", "depparse"}
    doc = parsed_doc()
    assert (doc.quotes, doc.quoteattr) == (None, None)  # declared, empty until processed
    done = proc.process(doc)
    assert done is doc
    _check_jane(done.quotes)
    assert isinstance(done.quoteattr, Result)
    assert list(done.quoteattr.quotes) == done.quotes
    assert [e.name for e in done.quoteattr.speakers] == ["Jane Smith"]


def test_bulk_process_handles_each_document() -> None:
    proc = QuoteProcessor({"check_requirements": False}, None, "cpu")
    plain = Document([[{"id": 1, "text": "Hello", "start_char": 0, "end_char": 5}]],
                     text="Hello")
    docs = proc.bulk_process([parsed_doc(), plain])
    _check_jane(docs[0].quotes)
    assert docs[1].quotes == [] and docs[1].quoteattr == Result()


def test_annotate_without_text_says_what_to_do() -> None:
    with pytest.raises(InputError, match="text="):
        annotate(parsed_doc(with_text=False))


def test_in_a_pipeline(tmp_path: Path) -> None:
    """A real stanza.Pipeline with only the quote processor, fed an already parsed Document."""
    (tmp_path / "resources.json").write_text("{}", encoding="utf-8")
    common: dict[str, Any] = {"lang": "en", "dir": str(tmp_path), "processors": "quote",
                              "download_method": None, "allow_unknown_language": True,
                              "logging_level": "ERROR"}
    nlp = stanza.Pipeline(**common, quote_check_requirements=False)
    doc = nlp(parsed_doc())
    _check_jane(doc.quotes)

    # quote_resolvers reaches the processor: with no resolver (and no ranker), nobody is
    # the speaker
    no_resolvers = stanza.Pipeline(**common, quote_check_requirements=False, quote_resolvers=(),
                                   quote_strategy="rules")
    doc = no_resolvers(parsed_doc())
    assert [q.text for q in doc.quotes] == ["We will win"] and doc.quotes[0].speaker is None

    # without the processors it needs, stanza refuses the pipeline and names them
    with pytest.raises(PipelineRequirementsException, match="depparse"):
        stanza.Pipeline(**common)


# ------------------------------------------------------------------ the bundled pipeline

@pytest.fixture(scope="module")
def bundled_pipeline() -> Any:
    import quoteattr

    return quoteattr.stanza_pipeline()


def _dev_articles(n: int) -> list[str]:
    folder = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev" / "text"
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*"))[:n]]


def test_stanza_pipeline_gives_exactly_extracts_result(bundled_pipeline, extractor,
                                                       founding_text) -> None:
    texts = [founding_text, "", "No quotes here.\nA second line.",
             # a quote whose speaker is named after a line break: paragraphs stay apart
             '"We will win," Senator Jane Smith said.\nRep. Tom Walsh agreed.\n'
             '"It is over," he said.', *_dev_articles(3)]
    for text in texts:
        doc = bundled_pipeline(text)
        assert doc.quoteattr == extractor.extract(text), text[:60]
        assert doc.quotes == list(doc.quoteattr.quotes)
    assert bundled_pipeline(founding_text).quotes, "the founding article has quotes"


def test_stanza_pipeline_reads_html_as_told(extractor) -> None:
    import quoteattr

    page = '<html><body><p>"We will win," <b>Senator Jane Smith</b> said.</p></body></html>'
    nlp = quoteattr.stanza_pipeline(html="auto")
    doc = nlp(page)
    assert doc.quoteattr == extractor.extract(page)
    (q,) = doc.quotes
    assert page[q.start:q.end] == q.text == "We will win"
    assert q.speaker is not None and q.speaker.name == "Jane Smith"


def test_no_stanza_warning_on_a_normal_run(capfd, caplog) -> None:
    import logging

    import quoteattr

    with caplog.at_level(logging.DEBUG, logger="stanza"):
        nlp = quoteattr.stanza_pipeline()
        nlp('"Yes," she said.')
        quoteattr.Extractor().load().extract('"Yes," she said.')
    err = capfd.readouterr().err
    assert "WARNING" not in err and "unsupported language" not in err, err
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING
                and r.name.startswith("stanza")]
