"""The data model: small frozen values with character offsets into the caller's text.

Every offset is a character offset into the original ``str`` given to :func:`extract`,
end exclusive, so ``text[q.start:q.end] == q.text`` holds for every quote, cue and mention.
Every value has ``to_dict()``; ``from_dict()`` reads it back, so results round-trip through
JSON unchanged.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from typing import Any, Literal, TypeVar

import attrs

from .errors import ResultError

QuoteKind = Literal["direct", "mixed", "indirect"]
EntityType = Literal["PERSON", "ORG", "GPE", "OTHER"]
QUOTE_KINDS: tuple[str, ...] = ("direct", "mixed", "indirect")
ENTITY_TYPES: tuple[str, ...] = ("PERSON", "ORG", "GPE", "OTHER")


def _check_offsets(instance: Any, attribute: Any, value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ResultError(f"{type(instance).__name__}.{attribute.name} must be a whole number "
                          f">= 0, got {value!r}")


def _check_in(allowed: tuple[str, ...]) -> Callable[[Any, Any, Any], None]:
    def check(instance: Any, attribute: Any, value: Any) -> None:
        if value not in allowed:
            raise ResultError(f"{type(instance).__name__}.{attribute.name} must be one of "
                              f"{', '.join(allowed)}, got {value!r}")
    return check


def _check_confidence(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, (int, float)) or isinstance(value, bool) or \
            not math.isfinite(value) or not 0.0 <= value <= 1.0:
        raise ResultError(f"{type(instance).__name__}.confidence must be a number from 0 to 1, "
                          f"got {value!r}")


def _check_strings(instance: Any, attribute: Any, value: Any) -> None:
    if not isinstance(value, tuple) or not all(isinstance(v, str) for v in value):
        raise ResultError(f"{type(instance).__name__}.{attribute.name} must be a list of "
                          f"strings, got {value!r}")


def _check_optional_str(instance: Any, attribute: Any, value: Any) -> None:
    if value is not None and not isinstance(value, str):
        raise ResultError(f"{type(instance).__name__}.{attribute.name} must be text or null, "
                          f"got {value!r}")


_T = TypeVar("_T")


def _loading(kind: str, read: Callable[[], _T]) -> _T:
    """Run ``read`` (a from_dict body), turning what a malformed dict raises into a
    ResultError that says what was expected."""
    try:
        return read()
    except ResultError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
        raise ResultError(f"cannot read a {kind} from this value ({type(exc).__name__}: "
                          f"{exc}); it must be a JSON object as Result.to_dict() writes it "
                          "(docs/output.md)") from None


def _strings(value: Any, field: str) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise ResultError(f"{field} must be a list of strings, got {value!r}")
    return tuple(value)


def _whole(value: Any, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or \
            not float(value).is_integer():
        raise ResultError(f"{field} must be a whole number, got {value!r}")
    return int(value)


@attrs.frozen
class Span:
    """A stretch of the input text: ``text == source[start:end]``."""

    text: str
    start: int = attrs.field(validator=_check_offsets)
    end: int = attrs.field(validator=_check_offsets)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ResultError(f"span end {self.end} before start {self.start}")
        if not isinstance(self.text, str):
            raise ResultError(f"span text must be text, got {self.text!r}")

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
    def from_dict(cls, d: Mapping[str, Any]) -> Span:
        return _loading("span", lambda: cls(d["text"], _whole(d["start"], "span start"),
                                            _whole(d["end"], "span end")))


def _span_or_none(d: Mapping[str, Any] | None) -> Span | None:
    return None if d is None else Span.from_dict(d)


@attrs.frozen
class Speaker:
    """Who said a quote: the entity's fullest name, and the words that refer to it here.

    ``role`` is the entity's primary role as the article states it (a current post over a
    past one), ``roles`` the other roles it states for the same entity."""

    name: str | None = attrs.field(validator=_check_optional_str)
    mention: Span | None
    role: str | None = attrs.field(default=None, validator=_check_optional_str)
    affiliation: str | None = attrs.field(default=None, validator=_check_optional_str)
    type: str = attrs.field(default="OTHER", validator=_check_in(("PERSON", "ORG", "GPE",
                                                                   "OTHER")))
    roles: tuple[str, ...] = attrs.field(default=(), validator=_check_strings)

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
    def from_dict(cls, d: Mapping[str, Any]) -> Speaker:
        return _loading("speaker", lambda: cls(
            d.get("name"), _span_or_none(d.get("mention")), d.get("role"),
            d.get("affiliation"), d.get("type", "OTHER"),
            _strings(d.get("roles", ()), "speaker roles")))


@attrs.frozen
class Quote:
    """One quotation: its words, kind, cue, speaker and why that speaker was chosen."""

    text: str
    start: int = attrs.field(validator=_check_offsets)
    end: int = attrs.field(validator=_check_offsets)
    kind: str = attrs.field(validator=_check_in(QUOTE_KINDS))
    cue: Span | None = None
    speaker: Speaker | None = None
    confidence: float = attrs.field(default=0.0, validator=_check_confidence)
    resolver: str | None = attrs.field(default=None, validator=_check_optional_str)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ResultError(f"quote end {self.end} before start {self.start}")
        if not isinstance(self.text, str) or len(self.text) != self.end - self.start:
            raise ResultError(f"quote text {self.text!r} does not fill [{self.start}, "
                              f"{self.end})")

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
    def from_dict(cls, d: Mapping[str, Any]) -> Quote:
        def read() -> Quote:
            sp = d.get("speaker")
            return cls(d["text"], _whole(d["start"], "quote start"),
                       _whole(d["end"], "quote end"), d["kind"], _span_or_none(d.get("cue")),
                       None if sp is None else Speaker.from_dict(sp),
                       d.get("confidence", 0.0), d.get("resolver"))
        return _loading("quote", read)


@attrs.frozen
class Entity:
    """A speaker of the article, once: its name, type, every mention and role, its quotes."""

    name: str | None = attrs.field(validator=_check_optional_str)
    type: str = attrs.field(validator=_check_in(("PERSON", "ORG", "GPE", "OTHER")))
    mentions: tuple[Span, ...] = ()
    roles: tuple[str, ...] = attrs.field(default=(), validator=_check_strings)
    affiliation: str | None = attrs.field(default=None, validator=_check_optional_str)
    quotes: int = attrs.field(default=0, validator=_check_offsets)

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
    def from_dict(cls, d: Mapping[str, Any]) -> Entity:
        return _loading("speaker entity", lambda: cls(
            d.get("name"), d.get("type", "OTHER"),
            tuple(Span.from_dict(m) for m in d.get("mentions", ())),
            _strings(d.get("roles", ()), "entity roles"), d.get("affiliation"),
            _whole(d.get("quotes", 0), "entity quotes")))


@attrs.frozen
class Result:
    """Everything quoteattr found in one text."""

    quotes: tuple[Quote, ...] = ()
    speakers: tuple[Entity, ...] = ()
    #: why the text gave no result, where extract_many(errors="record") recorded a failure
    error: str | None = attrs.field(default=None, validator=_check_optional_str)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"quotes": [q.to_dict() for q in self.quotes],
                               "speakers": [s.to_dict() for s in self.speakers]}
        if self.error is not None:
            out["error"] = self.error
        return out

    def to_json(self, **kwargs: Any) -> str:
        """The result as a JSON string (keyword arguments go to ``json.dumps``)."""
        kwargs.setdefault("ensure_ascii", False)
        kwargs.setdefault("allow_nan", False)
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Result:
        """The Result ``d`` describes (as :meth:`to_dict` writes it), validated: offsets,
        kinds, types, confidences.

        Raises:
            ResultError: ``d`` is not such a dict.
        """
        if not isinstance(d, Mapping):
            raise ResultError(f"a Result is read from a JSON object, got "
                              f"{type(d).__name__}")

        def read() -> Result:
            quotes, speakers = d.get("quotes", ()), d.get("speakers", ())
            if not isinstance(quotes, (list, tuple)) or not isinstance(speakers,
                                                                      (list, tuple)):
                raise ResultError("a Result's quotes and speakers must be lists")
            return cls(tuple(Quote.from_dict(q) for q in quotes),
                       tuple(Entity.from_dict(s) for s in speakers), d.get("error"))
        return _loading("result", read)

    @classmethod
    def from_json(cls, s: str) -> Result:
        """The Result of a JSON string (see :meth:`from_dict`)."""
        try:
            data = json.loads(s)
        except (TypeError, ValueError) as exc:
            raise ResultError(f"not JSON ({exc}); pass the text Result.to_json() "
                              "wrote") from None
        return cls.from_dict(data)
