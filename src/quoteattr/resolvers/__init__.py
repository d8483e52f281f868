"""Speaker resolvers: small independent rules and the learned ranker, each naming itself in
the output (``quote.resolver``), and the arbiter that applies the strategy.

Every resolver is a registered object (:data:`REGISTRY`) with a ``name`` and ``needs_tree``;
called with the :class:`Context` and a quote it returns a :class:`~quoteattr.values.Choice`
(a mention id, firm or not) or None. :mod:`.arbiter` asks the rules in order and decides with
the ranker (:mod:`.ranker`) by the strategy.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import QuoteattrError
from . import ranker
from .base import REGISTRY, Answers, Context, Pick, Resolver, Rule, rule
from .context import continuation, narrative_subject
from .patterns import adjacent, headline_label, lead_in, trailing_dash, transcript_label
from .syntax import (
    according_to,
    cue_subject,
    passive_agent,
    reporting_speaker,
    speech_noun_owner_rule,
)

#: The default order: a transcript label inside the quote ("PENCE: ...") or a headline's
#: ("Pence: ...") first, then the tree around the cue, then word patterns next to the marks,
#: then the passage around quotes that have no speaker words of their own.
#: ``narrative_subject`` is not in it: on PolNeAR train it was right for 46% of the quotes it
#: answered, fewer than the ranker gets on the same quotes; pass it in
#: ``Extractor(resolvers=...)`` to use it.
DEFAULT_RESOLVERS: tuple[Rule, ...] = (
    transcript_label,
    headline_label,
    according_to,
    reporting_speaker,
    cue_subject,
    passive_agent,
    speech_noun_owner_rule,
    adjacent,
    trailing_dash,
    lead_in,
    continuation,
)


def rules(given: Iterable[str | Resolver] | None) -> tuple[Resolver, ...]:
    """The resolvers to ask, in order: :data:`DEFAULT_RESOLVERS` for None, else each given
    resolver or registered name; ``"ranker"`` is the learned ranker with its bundled weights,
    asked in its place like a rule."""
    if given is None:
        return DEFAULT_RESOLVERS
    out: list[Resolver] = []
    for r in given:
        if r == ranker.NAME:
            out.append(ranker.load())
        elif isinstance(r, str):
            if r not in REGISTRY:
                raise QuoteattrError(f"no resolver is named {r!r}; the registered ones are "
                                     f"{', '.join(sorted([*REGISTRY, ranker.NAME]))}")
            out.append(REGISTRY[r])
        else:
            out.append(r)
    return tuple(out)


__all__ = ["DEFAULT_RESOLVERS", "REGISTRY", "Answers", "Context", "Pick", "Resolver", "Rule",
           "narrative_subject", "rule", "rules"]
