"""quoteattr inside stanza: a ``quote`` processor, and :func:`stanza_pipeline`, which builds
a whole stanza Pipeline with the models and reading that :class:`quoteattr.Extractor` uses.

The offline way (no network, the bundled models or any ``models`` the Extractor takes)::

    import quoteattr

    nlp = quoteattr.stanza_pipeline()          # tokenize ... ner, then quote
    doc = nlp(text)
    doc.quotes        # list[quoteattr.Quote], offsets into doc.text
    doc.quoteattr     # the whole quoteattr.Result: exactly Extractor().extract(text)

It gives exactly :meth:`Extractor.extract`'s result because the pipeline reads the text as
the Extractor does: its tokenizer is the variant ``quoteattr`` (:class:`BoundedTokenizer`),
which cleans the text (``html``), tokenizes each paragraph alone in bounded pieces
(:func:`quoteattr.nlp.sentences.parse_pieces`) and hands stanza's later processors one
Document with offsets into the whole text.

The ``quote`` processor also runs at the end of a pipeline of your own (importing this
module registers it)::

    import stanza
    import quoteattr.stanza_processor  # noqa: F401  (registers "quote")

    nlp = stanza.Pipeline("en", processors="tokenize,mwt,pos,lemma,depparse,ner,quote")

With stanza's own tokenizer, sentences may run over a line break (stanza reads a single
newline as a space), so speakers can differ from :meth:`Extractor.extract`'s. The processor
needs a tokenized, tagged, lemmatized and parsed document; ``ner`` is optional but gives
speakers their type (PERSON, ORG, GPE).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from stanza.models.common.doc import Document as StanzaDocument
from stanza.pipeline.processor import (
    Processor,
    ProcessorVariant,
    register_processor,
    register_processor_variant,
)

from . import learned, naming
from .errors import InputError
from .extractor import check_options, run_stages
from .nlp import models as nlp_models
from .nlp.document import from_stanza, split_paragraphs
from .nlp.sentences import parse_pieces, reading
from .resolvers import Resolver, rules
from .textinput import clean_text
from .types import Result

NAME = "quote"
REQUIRES: frozenset[str] = frozenset({"tokenize", "pos", "lemma", "depparse"})


VARIANT = "quoteattr"


def stanza_pipeline(models: str | os.PathLike[str] = "bundled", *,
                    strategy: str = "rules+ranker", html: str = "auto",
                    **kwargs: Any) -> Any:
    """A ``stanza.Pipeline`` (tokenize, mwt, pos, lemma, depparse, ner, quote) with the
    models :class:`~quoteattr.Extractor` uses, offline, whose ``quote`` processor gives
    exactly ``Extractor(models, html=html, strategy=strategy).extract(text)`` for each text.

    ``models``, ``strategy`` and ``html`` are the Extractor's options; other keyword
    arguments go to ``stanza.Pipeline`` (e.g. ``use_gpu=False``). Each call builds a new
    Pipeline (the models are read again): keep the one you get.

    Raises:
        ModelError: the models cannot be found or loaded.
        OptionError: ``html`` or ``strategy`` is not one of the Extractor's.
    """
    check_options(strategy=strategy, html=html)
    learned.for_strategy(strategy)  # a missing weights file: now, not on the first text
    _, config = nlp_models.pipeline_config(models)
    config.update(processors=",".join((*nlp_models.PROCESSORS, NAME)),
                  **{f"tokenize_with_{VARIANT}": True,
                     "tokenize_quoteattr_models": os.fspath(models),
                     "tokenize_quoteattr_html": html,
                     "quote_strategy": strategy, "quote_html": html})
    config.update(kwargs)
    return nlp_models.build_pipeline(config)


@register_processor_variant("tokenize", VARIANT)
class BoundedTokenizer(ProcessorVariant):
    """stanza's tokenizer reading the text as :class:`~quoteattr.Extractor` does: the text
    cleaned (``html``), each paragraph alone, in bounded pieces; one Document out, with
    offsets into the whole text. Chosen with ``tokenize_with_quoteattr=True``; config:
    ``tokenize_quoteattr_models`` (the models, default "bundled") and
    ``tokenize_quoteattr_html`` (default "auto")."""

    OVERRIDE = True

    def __init__(self, config: dict[str, Any]) -> None:
        self.html: str = config.get("quoteattr_html", "auto")
        self._tokenizer = nlp_models.load_tokenizer(config.get("quoteattr_models", "bundled"))

    def process(self, doc: Any) -> Any:
        text = doc if isinstance(doc, str) else doc.text
        cleaned = clean_text(text, self.html)
        spans = parse_pieces(cleaned)
        if not spans:  # nothing to read (stanza's tokenizer fails on no text at all)
            return StanzaDocument([], text=text)
        with reading([cleaned[s:e] for s, e in spans]):
            pieces = self._tokenizer.bulk_process(
                [StanzaDocument([], text=cleaned[s:e]) for s, e in spans])
        sentences = []
        for (start, _), piece in zip(spans, pieces, strict=True):
            for sentence in piece.to_dict():
                for token in sentence:
                    token["start_char"] += start
                    token["end_char"] += start
                sentences.append(sentence)
        return StanzaDocument(sentences, text=text)


def annotate(doc: Any, resolvers: Sequence[str | Resolver] | None = None,
             strategy: str = "rules+ranker", html: str = "auto") -> Result:
    """Find the quotes of a parsed stanza Document and attach them to it.

    Sets ``doc.quoteattr`` (the :class:`~quoteattr.Result`) and ``doc.quotes`` (its quotes as
    a list) and returns the result. Offsets index ``doc.text``; paragraphs are its lines, as
    for the Extractor, and ``html`` says how markup was read (the tokenizer's choice).

    Raises:
        InputError: the document has no text (stanza Documents built from sentences alone).
    """
    text = doc.text
    if text is None:
        raise InputError("the stanza Document has no text; build it with "
                         "Document(sentences, text=...) so that quote offsets can index it")
    cleaned = clean_text(text, html)
    view = from_stanza([doc], cleaned, None, split_paragraphs(cleaned))
    result = run_stages(view, resolvers, strategy, learned.for_strategy(strategy))
    if cleaned is not text:
        result = naming.retext(result, text)
    _register_properties()
    doc.quoteattr = result
    doc.quotes = list(result.quotes)
    return result


def _register_properties() -> None:
    """Declare ``quotes`` and ``quoteattr`` on stanza's Document (writable, default None),
    through stanza's own extension API, when the processor is first used (never at import)."""
    for name in ("quotes", "quoteattr"):
        if hasattr(StanzaDocument, name):
            continue
        StanzaDocument.add_property(name, default=None,
                                    setter=lambda self, value, n=name: setattr(self, f"_{n}",
                                                                               value))


@register_processor(NAME)
class QuoteProcessor(Processor):
    """Attaches ``doc.quotes`` and ``doc.quoteattr`` to each document it processes.

    Config (``quote_``-prefixed in ``stanza.Pipeline`` keyword arguments):
        resolvers: a sequence of quoteattr resolvers replacing :data:`DEFAULT_RESOLVERS`.
        strategy: "rules+ranker" (default), "rules" or "ranker" (see Extractor).
        html: "auto" (default), "blank", "keep" or "error": how the text's markup is read
            (the tokenizer's setting; :func:`stanza_pipeline` sets both).
    """

    PROVIDES_DEFAULT = {NAME}  # noqa: RUF012 - stanza reads these class attributes
    REQUIRES_DEFAULT = set(REQUIRES)  # noqa: RUF012

    def __init__(self, config: dict[str, Any], pipeline: Any, device: Any) -> None:
        super().__init__(config, pipeline, device)
        self.resolvers: tuple[Resolver, ...] = rules(config.get("resolvers"))
        self.strategy: str = config.get("strategy", "rules+ranker")
        self.html: str = config.get("html", "auto")
        learned.for_strategy(self.strategy)  # a missing weights file fails here, not later
        _register_properties()

    def mark_inactive(self) -> None:
        """Nothing to free (stanza calls this when the pipeline's requirements fail)."""

    def process(self, doc: Any) -> Any:
        annotate(doc, self.resolvers, self.strategy, self.html)
        return doc
