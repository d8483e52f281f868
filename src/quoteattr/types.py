"""The data model: small frozen values with character offsets into the caller's text.

Every offset is a character offset into the original ``str`` given to :func:`extract`,
end exclusive, so ``text[q.start:q.end] == q.text`` holds for every quote, cue and mention.
Every value has ``to_dict()``; ``from_dict()`` reads it back, so results round-trip through
JSON unchanged.
"""

from __future__ import annotations

import json
from typing import Any, Literal

import attrs

QuoteKind = Literal["direct", "mixed", "indirect"]
EntityType = Literal["PERSON", "ORG", "GPE", "OTHER"]
QUOTE_KINDS: tuple[str, ...] = ("direct", "mixed", "indirect")
ENTITY_TYPES: tuple[str, ...] = ("PERSON", "ORG", "GPE", "OTHER")


def _check_offsets(instance: Any, attribute: Any, value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")


@attrs.frozen
class Span:
    """A stretch of the input text: ``text == source[start:end]``."""

    text: str
    start: int = attrs.field(validator=_check_offsets)
    end: int = attrs.field(validator=_check_offsets)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} before start {self.start}")

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        """The span ``source[start:end]``."""
        return cls(source[start:end], start, end)

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(d["text"], int(d["start"]), int(d["end"]))


def _span_or_none(d: dict[str, Any] | None) -> Span | None:
    return None if d is None else Span.from_dict(d)


@attrs.frozen
class Speaker:
    """Who said a quote: the entity's fullest name, and the words that refer to it here.

    ``role`` is the entity's primary role as the article states it (a current post over a
    past one), ``roles`` the other roles it states for the same entity."""

    name: str | None
    mention: Span | None
    role: str | None = None
    affiliation: str | None = None
    type: str = "OTHER"
    roles: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "mention": None if self.mention is None else self.mention.to_dict(),
            "role": self.role,
            "roles": list(self.roles),
            "affiliation": self.affiliation,
            "type": self.type,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Speaker:
        return cls(d.get("name"), _span_or_none(d.get("mention")), d.get("role"),
                   d.get("affiliation"), d.get("type", "OTHER"), tuple(d.get("roles", ())))


@attrs.frozen
class Quote:
    """One quotation: its words, kind, cue, speaker and why that speaker was chosen."""

    text: str
    start: int
    end: int
    kind: str
    cue: Span | None = None
    speaker: Speaker | None = None
    confidence: float = 0.0
    resolver: str | None = None

    @property
    def span(self) -> Span:
        return Span(self.text, self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "cue": None if self.cue is None else self.cue.to_dict(),
            "speaker": None if self.speaker is None else self.speaker.to_dict(),
            "confidence": round(float(self.confidence), 4),
            "resolver": self.resolver,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        sp = d.get("speaker")
        return cls(d["text"], int(d["start"]), int(d["end"]), d["kind"],
                   _span_or_none(d.get("cue")), None if sp is None else Speaker.from_dict(sp),
                   float(d.get("confidence", 0.0)), d.get("resolver"))


@attrs.frozen
class Entity:
    """A speaker of the article, once: its name, type, every mention and role, its quotes."""

    name: str | None
    type: str
    mentions: tuple[Span, ...] = ()
    roles: tuple[str, ...] = ()
    affiliation: str | None = None
    quotes: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "mentions": [m.to_dict() for m in self.mentions],
            "roles": list(self.roles),
            "affiliation": self.affiliation,
            "quotes": self.quotes,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(d.get("name"), d.get("type", "OTHER"),
                   tuple(Span.from_dict(m) for m in d.get("mentions", ())),
                   tuple(d.get("roles", ())), d.get("affiliation"), int(d.get("quotes", 0)))


@attrs.frozen
class Result:
    """Everything quoteattr found in one text."""

    quotes: tuple[Quote, ...] = ()
    speakers: tuple[Entity, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"quotes": [q.to_dict() for q in self.quotes],
                "speakers": [s.to_dict() for s in self.speakers]}

    def to_json(self, **kwargs: Any) -> str:
        """The result as a JSON string (keyword arguments go to ``json.dumps``)."""
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Result:
        return cls(tuple(Quote.from_dict(q) for q in d.get("quotes", ())),
                   tuple(Entity.from_dict(s) for s in d.get("speakers", ())))

    @classmethod
    def from_json(cls, s: str) -> Result:
        return cls.from_dict(json.loads(s))
