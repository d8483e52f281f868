"""The values the pipeline's stages hand each other.

These are internal: the public data model is :mod:`quoteattr.types`. Every value here is
frozen; a stage receives them and returns new ones, it never changes what it was given.

Two kinds of range are kept apart by type: a :class:`WordRange` counts document words (the
indexes of :attr:`quoteattr.nlp.document.Document.words`), a :class:`CharRange` counts
characters of the document's text. Links between values are ids, never list positions: a
quote's :class:`QuoteId` is fixed when the candidates are found and survives the quote filter;
a :class:`MentionId` is the index of the mention's head word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NewType

import attrs

if TYPE_CHECKING:
    from .marks import QuotedSpan
    from .roles import RoleInfo

__all__ = [
    "CharRange",
    "Choice",
    "Mention",
    "MentionId",
    "QuoteCandidate",
    "QuoteId",
    "WordRange",
]

#: A quote candidate's id: its place in the document's candidates in text order.
QuoteId = NewType("QuoteId", int)
#: A mention's id: the index of its head word.
MentionId = NewType("MentionId", int)


@attrs.frozen(order=True)
class WordRange:
    """Document words ``[first, last)`` (word indexes, end exclusive)."""

    first: int
    last: int

    def __len__(self) -> int:
        return max(0, self.last - self.first)

    def __contains__(self, i: object) -> bool:
        return isinstance(i, int) and self.first <= i < self.last

    def indexes(self) -> range:
        """The word indexes of the range."""
        return range(self.first, self.last)

    def overlaps(self, other: WordRange) -> bool:
        return self.first < other.last and other.first < self.last


@attrs.frozen(order=True)
class CharRange:
    """Characters ``[start, end)`` of the document's text (end exclusive)."""

    start: int
    end: int

    def __len__(self) -> int:
        return max(0, self.end - self.start)

    def overlaps(self, other: CharRange) -> bool:
        return self.start < other.end and other.start < self.end


@attrs.frozen
class QuoteCandidate:
    """A quotation before its speaker is known: quoted words (direct, mixed) or a reported
    clause (indirect), with its cue word."""

    id: QuoteId
    chars: CharRange
    kind: str  # direct | mixed | indirect
    words: WordRange
    cue: int | None = None  # word index of the cue
    mark: QuotedSpan | None = None
    # a quotation over several paragraphs is resolved once and reported one quote per
    # paragraph: the quoted characters of each paragraph
    pieces: tuple[CharRange, ...] = ()

    # the ranges' ends, read everywhere
    @property
    def start(self) -> int:
        return self.chars.start

    @property
    def end(self) -> int:
        return self.chars.end

    @property
    def first(self) -> int:
        return self.words.first

    @property
    def last(self) -> int:
        return self.words.last


@attrs.frozen
class Mention:
    """Words that may refer to a speaker, as the mention pass reads them once per document.

    ``words`` is the mention itself, ``full`` the same noun phrase with its apposition (where
    roles are read: "The Israeli military chief, Aviv Kochavi"). ``name`` and ``info`` (the
    role, organisation, affiliation) are what the mention itself says, read against the
    document's name index ("Netanyahu" -> "Benjamin Netanyahu"); a pronoun has none of its
    own (see :mod:`quoteattr.coref`), and a relative pronoun ("who") takes those of the noun
    its clause describes (``refers_to``).
    """

    id: MentionId
    words: WordRange
    full: WordRange
    type: str  # PERSON | ORG | GPE | OTHER
    pronoun: bool = False
    name: str | None = None
    info: RoleInfo | None = None
    refers_to: MentionId | None = None

    @property
    def head(self) -> int:
        return int(self.id)

    @property
    def role(self) -> str | None:
        """The role the mention states, as a speaker's role is reported."""
        return None if self.info is None else self.info.stated_role

    @property
    def affiliation(self) -> str | None:
        return None if self.info is None else self.info.stated_affiliation


@attrs.frozen
class Choice:
    """A resolver's answer for one quote: the speaker's mention, and how it was chosen.

    ``firm``: read from unambiguous layout ("— Name", "NAME:"); the ranker never overrules it.
    ``repaired``: the rule repaired a misparse to find it; the ranker knows and may overrule.
    ``continues``: the quote goes on with that earlier quote's speaker.
    ``probability``: the ranker's softmax probability, when the ranker chose.
    """

    mention: MentionId
    resolver: str
    firm: bool = False
    repaired: bool = False
    continues: QuoteId | None = None
    probability: float | None = None
