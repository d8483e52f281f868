"""Speaker resolvers, asked in this order; the first answer wins.

Each is a small independent rule that names itself in the output (``quote.resolver``).
"""

from __future__ import annotations

from .base import Attribution, Candidate, Context, Resolver
from .context import continuation, narrative_subject
from .patterns import adjacent, headline_label, lead_in, trailing_dash, transcript_label
from .syntax import according_to, cue_subject, passive_agent, speech_noun_owner_rule

#: The default order: a transcript label inside the quote ("PENCE: ...") or a headline's
#: ("Pence: ...") first, then the tree
#: around the cue, then word patterns next to the marks, then the passage around quotes that
#: have no speaker words of their own. ``narrative_subject`` is not in it: on PolNeAR train it
#: was right for 46% of the quotes it answered, fewer than the ranker gets on the same quotes;
#: pass it in ``Extractor(resolvers=...)`` to use it.
DEFAULT_RESOLVERS: tuple[Resolver, ...] = (
    transcript_label,
    headline_label,
    according_to,
    cue_subject,
    passive_agent,
    speech_noun_owner_rule,
    adjacent,
    trailing_dash,
    lead_in,
    continuation,
)

__all__ = ["DEFAULT_RESOLVERS", "Attribution", "Candidate", "Context", "Resolver",
           "narrative_subject"]
