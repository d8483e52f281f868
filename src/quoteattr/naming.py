"""Names and roles per entity, and the Result.

A pure pass over the entities the quotes' speakers refer to (:mod:`quoteattr.coref`): an
entity is its canonical name and type. Its role and affiliation are shared by all its quotes:
read from every mention the article gives the person (titles before names, appositions;
:func:`quoteattr.entities.people`) and at its speakers' own mentions; a capitalised title
("Defence Secretary") wins over a description ("defence secretary").
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence

import attrs

from . import entities
from .coref import Referent
from .cues import Cues
from .mentions import Mentions
from .nlp.document import Document
from .types import Entity, Quote, Result, Span, Speaker
from .values import Choice, QuoteCandidate, QuoteId

__all__ = ["build_result", "retext"]

_Key = tuple[str | None, str]  # an entity: (canonical name, type)


def build_result(doc: Document, cues: Cues, mentions: Mentions,
                 quotes: Sequence[QuoteCandidate], answers: Mapping[QuoteId, Choice],
                 referents: Mapping[QuoteId, Referent],
                 confidence: Mapping[QuoteId, float]) -> Result:
    """The Result: every quote (a quotation over several paragraphs as one quote per
    paragraph) with its cue, speaker, confidence and resolver, and the speaker entities."""
    merged = _merge_roles(referents.values(), _article_roles(mentions))
    out = []
    for q in quotes:
        choice = answers.get(q.id)
        ref = referents.get(q.id)
        cue = cues.span(q.cue) if q.cue is not None else None
        speaker = None
        if choice is not None and ref is not None:
            words = mentions.words(choice.mention)
            role, aff = merged.get((ref.name, ref.type), (ref.role, ref.affiliation))
            speaker = Speaker(ref.name, doc.span_of(words.first, words.last), role, aff,
                              ref.type)
        conf = confidence.get(q.id, 0.0) if speaker is not None else 0.0
        for piece in q.pieces or (q.chars,):
            out.append(Quote(doc.text[piece.start:piece.end], piece.start, piece.end, q.kind,
                             cue, speaker, round(conf, 4),
                             choice.resolver if choice else None))
    return Result(tuple(out), tuple(_entities(out, merged)))


def _article_roles(mentions: Mentions) -> dict[str, tuple[str | None, str | None]]:
    """Canonical person name -> (role, affiliation) from every person the article names."""
    out: dict[str, tuple[str | None, str | None]] = {}
    for person in entities.people(mentions.names):
        if not person.name:
            continue
        role = None
        for r in person.roles:
            role = _better_role(role, r)
        out[person.name] = (role, person.affiliation)
    return out


def _better_role(a: str | None, b: str | None) -> str | None:
    """Prefer a capitalised title ("Defence Secretary") over a description ("defence
    secretary"), else the first."""
    if not a:
        return b
    if not b:
        return a
    cap_a, cap_b = a[:1].isupper(), b[:1].isupper()
    if cap_a != cap_b:
        return a if cap_a else b
    return a


def _merge_roles(referents: Iterable[Referent],
                 index: Mapping[str, tuple[str | None, str | None]]
                 ) -> dict[_Key, tuple[str | None, str | None]]:
    """Each named entity's role and affiliation: the article's, and its speakers'."""
    merged: dict[_Key, tuple[str | None, str | None]] = {}
    for r in referents:
        if r.name is None:
            continue
        key = (r.name, r.type)
        role, aff = merged.get(key, index.get(r.name, (None, None)))
        merged[key] = (_better_role(role, r.role), aff or r.affiliation)
    return merged


def _entities(quotes: list[Quote], merged: Mapping[_Key, tuple[str | None, str | None]]
              ) -> list[Entity]:
    groups: OrderedDict[_Key, list[Quote]] = OrderedDict()
    for q in quotes:
        if q.speaker is None or q.speaker.name is None:
            continue
        groups.setdefault((q.speaker.name, q.speaker.type), []).append(q)
    out = []
    for (name, typ), qs in groups.items():
        seen: dict[tuple[int, int], Span] = {}
        for q in qs:
            m = q.speaker.mention if q.speaker else None
            if m is not None:
                seen.setdefault((m.start, m.end), m)
        role, aff = merged.get((name, typ), (None, None))
        out.append(Entity(name, typ, tuple(sorted(seen.values(), key=lambda s: s.start)),
                          (role,) if role else (), aff, len(qs)))
    return out


def retext(result: Result, original: str) -> Result:
    """Take every text field from the caller's original string (after HTML blanking)."""
    def fix(s: Span | None) -> Span | None:
        return None if s is None else Span.of(original, s.start, s.end)

    quotes = []
    for q in result.quotes:
        sp = q.speaker
        if sp is not None:
            sp = attrs.evolve(sp, mention=fix(sp.mention))
        quotes.append(attrs.evolve(q, text=original[q.start:q.end], cue=fix(q.cue), speaker=sp))
    ents = [attrs.evolve(e, mentions=tuple(Span.of(original, m.start, m.end)
                                           for m in e.mentions)) for e in result.speakers]
    return Result(tuple(quotes), tuple(ents))
