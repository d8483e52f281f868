"""A stanza processor named ``quote``: quoteattr as the last step of your own stanza Pipeline.

Importing this module registers it::

    import stanza
    import quoteattr.stanza_processor  # noqa: F401  (registers "quote")

    nlp = stanza.Pipeline("en", processors="tokenize,mwt,pos,lemma,depparse,ner,quote")
    doc = nlp(text)
    doc.quotes        # list[quoteattr.Quote], offsets into doc.text
    doc.quoteattr     # the whole quoteattr.Result (quotes and speaker entities)

The processor needs a tokenized, tagged, lemmatized and parsed document; ``ner`` is optional
but gives speakers their type (PERSON, ORG, GPE). It builds quoteattr's document view from the
stanza Document the earlier processors produced and runs every stage after parsing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from stanza.models.common.doc import Document as StanzaDocument
from stanza.pipeline.processor import Processor, register_processor

from . import learned
from .errors import InputError
from .extractor import run_stages
from .nlp.document import from_stanza
from .resolvers import Resolver, rules
from .types import Result

NAME = "quote"
REQUIRES: frozenset[str] = frozenset({"tokenize", "pos", "lemma", "depparse"})


def annotate(doc: Any, resolvers: Sequence[str | Resolver] | None = None,
             strategy: str = "rules+ranker") -> Result:
    """Find the quotes of a parsed stanza Document and attach them to it.

    Sets ``doc.quoteattr`` (the :class:`~quoteattr.Result`) and ``doc.quotes`` (its quotes as
    a list) and returns the result. Offsets index ``doc.text``.

    Raises:
        InputError: the document has no text (stanza Documents built from sentences alone).
    """
    text = doc.text
    if text is None:
        raise InputError("the stanza Document has no text; build it with "
                         "Document(sentences, text=...) so that quote offsets can index it")
    result = run_stages(from_stanza([doc], text), resolvers, strategy,
                        learned.for_strategy(strategy))
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
    """

    PROVIDES_DEFAULT = {NAME}  # noqa: RUF012 - stanza reads these class attributes
    REQUIRES_DEFAULT = set(REQUIRES)  # noqa: RUF012

    def __init__(self, config: dict[str, Any], pipeline: Any, device: Any) -> None:
        super().__init__(config, pipeline, device)
        self.resolvers: tuple[Resolver, ...] = rules(config.get("resolvers"))
        self.strategy: str = config.get("strategy", "rules+ranker")
        learned.for_strategy(self.strategy)  # a missing weights file fails here, not later
        _register_properties()

    def mark_inactive(self) -> None:
        """Nothing to free (stanza calls this when the pipeline's requirements fail)."""

    def process(self, doc: Any) -> Any:
        annotate(doc, self.resolvers, self.strategy)
        return doc
