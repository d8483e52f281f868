"""What every resolver sees and returns, and the registry of resolvers.

A resolver is a registered object with a ``name`` and what it needs (``needs_tree``: rules
that read the dependency tree step aside in fast mode). Called with the :class:`Context` and a
quote, it returns a :class:`~quoteattr.values.Choice` (a mention id, whether the answer is
firm or a parse repair) or None. The arbiter (:mod:`quoteattr.resolvers.arbiter`) asks them in
order and applies the strategy; the name goes into the output (``quote.resolver``) so a user
can see why a speaker was chosen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import Protocol

import attrs

from ..cues import Cues
from ..errors import OptionError
from ..mentions import Mentions
from ..nlp.document import Document
from ..values import Choice, MentionId, QuoteCandidate, QuoteId, WordRange

__all__ = ["REGISTRY", "Answers", "Context", "Pick", "Resolver", "Rule", "rule"]


class Answers:
    """The answers the arbiter has given so far, for earlier quotes. Resolvers read it; only
    the arbiter adds to it (:meth:`_add`), in text order."""

    def __init__(self) -> None:
        self._by_quote: dict[QuoteId, Choice] = {}
        self._heads: set[int] = set()

    def get(self, quote: QuoteId) -> Choice | None:
        return self._by_quote.get(quote)

    def is_speaker(self, head: int) -> bool:
        """Whether an earlier quote's speaker mention has head word ``head``."""
        return head in self._heads

    def as_mapping(self) -> Mapping[QuoteId, Choice]:
        """A read-only view of the answers, by quote id."""
        return MappingProxyType(self._by_quote)

    def _add(self, quote: QuoteId, choice: Choice) -> None:
        self._by_quote[quote] = choice
        self._heads.add(int(choice.mention))


@attrs.frozen
class Context:
    """What a resolver reads: the document, its cues and mentions (each computed once), every
    quote candidate in text order, the word ranges of the direct and mixed ones (sorted), and
    the answers given for earlier quotes."""

    doc: Document
    cues: Cues
    mentions: Mentions
    quotes: tuple[QuoteCandidate, ...]
    answers: Answers = attrs.field(factory=Answers, eq=False)
    quoted: tuple[WordRange, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "quoted", tuple(sorted(q.words for q in self.quotes
                                                        if q.kind != "indirect")))

    def previous(self, q: QuoteCandidate) -> Iterator[tuple[QuoteCandidate, Choice | None]]:
        """The quotes before q with their answers, nearest first (lazily: callers stop after
        a few)."""
        for k in range(int(q.id) - 1, -1, -1):
            prev = self.quotes[k]
            yield prev, self.answers.get(prev.id)


class Resolver(Protocol):
    """A speaker resolver: a name, what it needs, and a call returning a choice or None."""

    @property
    def name(self) -> str: ...

    @property
    def needs_tree(self) -> bool: ...

    def __call__(self, ctx: Context, q: QuoteCandidate) -> Choice | None: ...


@attrs.frozen
class Pick:
    """What a rule function returns: the head word of the speaker's mention, and whether the
    answer is firm (layout), a parse repair, or the continuation of an earlier quote. The
    :class:`Rule` turns it into a :class:`~quoteattr.values.Choice` with the rule's name."""

    head: int
    firm: bool = False
    repaired: bool = False
    continues: QuoteId | None = None


@attrs.frozen
class Rule:
    """A rule resolver: a function of (context, quote) with its public name."""

    name: str
    needs_tree: bool
    fn: Callable[[Context, QuoteCandidate], Pick | None] = attrs.field(repr=False)

    def __call__(self, ctx: Context, q: QuoteCandidate) -> Choice | None:
        pick = self.fn(ctx, q)
        if pick is None:
            return None
        return Choice(MentionId(pick.head), self.name, pick.firm, pick.repaired,
                      pick.continues)


#: every resolver by name, as registered (the rules by :func:`rule`, the ranker by its module)
REGISTRY: dict[str, Resolver] = {}


def rule(name: str, needs_tree: bool = False
         ) -> Callable[[Callable[[Context, QuoteCandidate], Pick | None]], Rule]:
    """Register a rule function under its public name (``needs_tree``: it reads the
    dependency tree and steps aside in fast mode)."""

    def wrap(fn: Callable[[Context, QuoteCandidate], Pick | None]) -> Rule:
        if name in REGISTRY:
            raise OptionError(f"a resolver named {name!r} is already registered; choose "
                              "another name")
        r = Rule(name, needs_tree, fn)
        REGISTRY[name] = r
        return r

    return wrap
