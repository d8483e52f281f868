"""What every resolver sees and returns.

A resolver is a small function ``(ctx, quote) -> Attribution | None`` with a ``name``. The
extractor asks them in order and keeps the first answer; the name goes into the output
(``quote.resolver``) so a user can see why a speaker was chosen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Protocol

import attrs

from ..marks import QuotedSpan
from ..nlp.document import Document


@attrs.frozen
class Candidate:
    """A quotation before its speaker is known."""

    start: int
    end: int
    kind: str  # direct | mixed | indirect
    first: int  # words of the quote, [first, last)
    last: int
    cue: int | None = None  # word index of the cue
    mark: QuotedSpan | None = None
    # a quotation over several paragraphs is resolved once and reported one quote per
    # paragraph: the (start, end) of each paragraph's quoted words
    pieces: tuple[tuple[int, int], ...] = ()

    @property
    def paragraph_alone(self) -> bool:
        """Set by the extractor: the quote is (nearly) all of its paragraph."""
        return False


#: the confidence of answers the learned ranker never overrules: speakers read from
#: unambiguous layout (``— Name``, ``NAME:``, a headline's ``Name:``; see ``extractor.resolve``)
FIRM = 0.95
#: the confidence of a ``cue_subject`` answer that repaired the parse (a name hung elsewhere, a
#: subordinate clause's subject); the ranker reads it as a feature of its own and may overrule it
REPAIRED = 0.93


@attrs.frozen
class Attribution:
    """A resolver's answer: the speaker mention's words and how sure it is."""

    first: int
    last: int
    resolver: str
    confidence: float
    head: int | None = None
    full: tuple[int, int] | None = None  # the mention with its apposition, for roles
    antecedent_of: int | None = None  # for pronouns: index of the quote it continues


@attrs.define
class Context:
    """The document and the attributions made so far (earlier quotes first)."""

    doc: Document
    candidates: list[Candidate]
    done: dict[int, Attribution] = attrs.field(factory=dict)  # candidate index -> answer
    index: int = 0  # the candidate being resolved

    _quoted: list[tuple[int, int]] | None = attrs.field(default=None, repr=False)
    _speaker_heads: set[int] = attrs.field(factory=set, repr=False)

    def record(self, k: int, att: Attribution) -> None:
        """Keep ``att`` as the answer for candidate k."""
        self.done[k] = att
        if att.head is not None:
            self._speaker_heads.add(att.head)

    def speaker_heads(self) -> set[int]:
        """Head words of the speakers recorded so far."""
        return self._speaker_heads

    def quoted_ranges(self) -> list[tuple[int, int]]:
        """The word ranges [first, last) of the direct and mixed candidates, sorted."""
        if self._quoted is None:
            self._quoted = sorted((c.first, c.last) for c in self.candidates
                                  if c.kind != "indirect")
        return self._quoted

    def previous(self) -> Iterator[tuple[int, Candidate, Attribution | None]]:
        """Earlier quotes, nearest first (lazily: callers stop after a few)."""
        for k in range(self.index - 1, -1, -1):
            yield k, self.candidates[k], self.done.get(k)


class Resolver(Protocol):
    name: str

    def __call__(self, ctx: Context, q: Candidate) -> Attribution | None: ...


def resolver(name: str) -> Callable[[Callable[[Context, Candidate], Attribution | None]],
                                    Resolver]:
    """Decorator giving a resolver function its public name."""

    def wrap(fn: Callable[[Context, Candidate], Attribution | None]) -> Resolver:
        fn.name = name  # type: ignore[attr-defined]
        return fn  # type: ignore[return-value]

    return wrap
