"""Speaker resolvers, asked in this order; the first answer wins.

Each is a small independent rule that names itself in the output (``quote.resolver``).
"""

from __future__ import annotations

from .base import Attribution, Candidate, Context, Resolver
from .context import continuation, narrative_subject
from .patterns import adjacent, lead_in, trailing_dash, transcript_label
from .syntax import according_to, cue_subject, passive_agent

#: The default order: a transcript label inside the quote ("PENCE: ...") first, then the tree
#: around the cue, then word patterns next to the marks, then the passage around quotes that
#: have no speaker words of their own.
DEFAULT_RESOLVERS: tuple[Resolver, ...] = (
    transcript_label,
    according_to,
    cue_subject,
    passive_agent,
    adjacent,
    trailing_dash,
    lead_in,
    continuation,
    narrative_subject,
)

__all__ = ["DEFAULT_RESOLVERS", "Attribution", "Candidate", "Context", "Resolver"]
