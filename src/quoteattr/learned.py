"""The learned parts, loaded once per Extractor: the speaker ranker, the quote filter, the
confidence calibration and the pronoun antecedent ranker (JSON weight files in
``quoteattr/models/``, see :mod:`.linear`).

``strategy="rules"`` uses none of them, so it runs without any weights file. Every other
strategy needs all four, and a missing, corrupt or mismatched file raises
:class:`~quoteattr.errors.ModelError` naming it.
"""

from __future__ import annotations

import functools

import attrs

from . import antecedents, confidence, quotefilter
from .antecedents import Antecedents
from .linear import Weights
from .resolvers import ranker as ranker_module
from .resolvers.ranker import Ranker

__all__ = ["Learned", "for_strategy"]


@attrs.frozen
class Learned:
    """The learned parts a strategy uses (None where it uses none)."""

    ranker: Ranker | None = None
    quotefilter: Weights | None = None
    confidence: Weights | None = None
    antecedents: Antecedents | None = None


@functools.cache
def for_strategy(strategy: str) -> Learned:
    """The bundled learned parts for ``strategy`` (immutable, loaded once per process)."""
    if strategy == "rules":
        return Learned()
    return Learned(ranker_module.load(), quotefilter.load(), confidence.load(),
                   antecedents.load())
