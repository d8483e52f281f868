"""Confidence: the calibrated probability that a quote's speaker is right.

``Quote.confidence`` has one source: a logistic model over what the arbiter knows of the
answer (which resolver gave it, whether it was firm or a parse repair, the ranker's softmax
probability for the chosen mention, the quote's kind, whether the speaker is a pronoun and
whether it has a name), trained on PolNeAR train (``scripts/train_confidence.py``; a speaker
is right when its mention overlaps the annotated Source). A confidence of 0.8 means that about
8 in 10 speakers given with that confidence are right: docs/evaluation.md has the reliability
table measured on PolNeAR dev. A quote without a speaker has confidence 0; so does every quote
under ``strategy="rules"``, which uses no learned part.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from . import linear
from .coref import Referent
from .linear import Weights
from .mentions import Mentions
from .values import Choice, QuoteCandidate, QuoteId

NAME = "confidence"
#: the version of the features :func:`features` computes (the weights file must match)
FEATURES = "confidence/1"

__all__ = ["FEATURES", "NAME", "estimate", "features", "load"]


def _bucket(p: float | None) -> str:
    if p is None:
        return "none"
    return f"{min(9, int(p * 10))}"


def features(q: QuoteCandidate, choice: Choice, referent: Referent,
             mentions: Mentions) -> list[str]:
    """Sparse binary features of one attributed quote."""
    m = mentions.get(choice.mention)
    p = _bucket(choice.probability)
    f = ["bias", f"resolver={choice.resolver}", f"kind={q.kind}",
         f"resolver_kind={choice.resolver}|{q.kind}", f"p={p}", f"p_kind={p}|{q.kind}",
         f"type={referent.type}", f"named={referent.name is not None}"]
    if choice.firm:
        f.append("firm")
    if choice.repaired:
        f.append("repaired")
    if choice.continues is not None:
        f.append("continues")
    if m.pronoun:
        f.append("pronoun")
    if q.cue is None:
        f.append("no_cue")
    return f


def estimate(quotes: Sequence[QuoteCandidate], answers: Mapping[QuoteId, Choice],
             referents: Mapping[QuoteId, Referent], mentions: Mentions,
             weights: Weights | None) -> dict[QuoteId, float]:
    """The confidence of each attributed quote (none without ``weights``)."""
    if weights is None:
        return {}
    out = {}
    for q in quotes:
        choice, ref = answers.get(q.id), referents.get(q.id)
        if choice is not None and ref is not None:
            out[q.id] = weights.probability(features(q, choice, ref, mentions))
    return out


def load(path: str | None = None) -> Weights:
    """The bundled calibration weights (or those at ``path``); raises ModelError when they are
    missing or were trained on another feature set."""
    return linear.load(NAME, FEATURES, path)
