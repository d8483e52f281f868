"""Names and roles per entity, and the Result.

A pure pass over the entities the quotes' speakers refer to (:mod:`quoteattr.coref`): an
entity is its canonical name and type. Its roles and affiliation are shared by all its
quotes: read from every mention the article gives the person (titles before names,
appositions; the name index of :mod:`quoteattr.entities`) and at its speakers' own mentions;
a current role wins over a past post, a capitalised title ("Defence Secretary") over a
description ("defence secretary").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import attrs

from . import lexicons
from .coref import Referent
from .cues import Cues
from .mentions import Mentions
from .nlp.document import Document
from .roles import RoleInfo, role_key
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
    stated = _entity_roles(referents.values(), mentions)
    out = []
    for q in quotes:
        choice = answers.get(q.id)
        ref = referents.get(q.id)
        cue = cues.span(q.cue) if q.cue is not None else None
        speaker = None
        if choice is not None and ref is not None:
            words = mentions.words(choice.mention)
            roles, aff = stated.get((ref.name, ref.type)) or _own_roles(ref)
            speaker = Speaker(ref.name, doc.span_of(words.first, words.last),
                              roles[0] if roles else None, aff, ref.type, roles[1:])
        conf = confidence.get(q.id, 0.0) if speaker is not None else 0.0
        for piece in q.pieces or (q.chars,):
            out.append(Quote(doc.text[piece.start:piece.end], piece.start, piece.end, q.kind,
                             cue, speaker, round(conf, 4),
                             choice.resolver if choice else None))
    out = _in_text_order(out)
    return Result(tuple(out), tuple(_entities(out)))


def _in_text_order(quotes: list[Quote]) -> list[Quote]:
    """The quotes by position (start, then end), each stretch once: the pieces of a quotation
    over several paragraphs go between the quotes around them, and a stretch two candidates
    gave (marks of several styles at one place) is reported once, with a speaker if either
    had one."""
    best: dict[tuple[int, int], Quote] = {}
    for q in quotes:
        key = (q.start, q.end)
        kept = best.get(key)
        if kept is None or (kept.speaker is None and q.speaker is not None):
            best[key] = q
    return [best[k] for k in sorted(best)]


def _own_roles(ref: Referent) -> tuple[tuple[str, ...], str | None]:
    """The role an unnamed speaker's own mention states ("a spokesman")."""
    if ref.info is None:
        return (), None
    role = ref.info.stated_role
    return ((role,) if role else ()), ref.info.stated_affiliation


def _entity_roles(referents: Iterable[Referent], mentions: Mentions
                  ) -> dict[_Key, tuple[tuple[str, ...], str | None]]:
    """Each named entity's stated roles, the primary one first, and its affiliation: from
    every mention that names the person in the article (titles, appositions; the name
    index) and from its speakers' own mentions. The primary role is a current one over a
    past post ("former", "retired"), a capitalised title over a description ("Defence
    Secretary" over "defence secretary"), else the first the article states; the affiliation
    is the primary role's, else the first stated."""
    infos: dict[_Key, list[RoleInfo]] = {}
    for r in referents:
        if r.name is None:
            continue
        key = (r.name, r.type)
        if key not in infos:
            infos[key] = [info for _, info in sorted(mentions.names.roles_of(r.name),
                                                     key=lambda x: x[0])
                          ] if r.type == "PERSON" else []
        if r.info is not None:
            infos[key].append(r.info)
    out: dict[_Key, tuple[tuple[str, ...], str | None]] = {}
    for entity, all_found in infos.items():
        found = [i for i in all_found if i.stated_role]
        primary = max(found, key=_rank) if found else None  # max keeps the first of equals
        roles: dict[str, str] = {}
        for info in [primary, *found] if primary is not None else []:
            text = info.stated_role
            if text is not None:
                roles.setdefault(role_key(text), text)
        # the primary role's affiliation, else the first the article states (with a role
        # or without one: "Ana Ruiz of the Wall Street Journal")
        aff = (primary.stated_affiliation if primary is not None else None) or next(
            (i.stated_affiliation for i in [*found, *all_found] if i.stated_affiliation), None)
        if roles or aff:
            out[entity] = (tuple(roles.values()), aff)
    return out


def _rank(info: RoleInfo) -> tuple[int, int]:
    past = info.modifier is not None and info.modifier in lexicons.words("past_status")
    title = info.stated_role or ""
    return (0 if past else 1, 1 if title.split()[-1][:1].isupper() else 0)


def _entities(quotes: list[Quote]) -> list[Entity]:
    """Each named speaker once, in order of first quote, with its mentions and roles."""
    groups: dict[_Key, list[Quote]] = {}
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
        sp = qs[0].speaker
        assert sp is not None
        roles = tuple(r for r in (sp.role, *sp.roles) if r)
        out.append(Entity(name, typ, tuple(sorted(seen.values(), key=lambda s: s.start)),
                          roles, sp.affiliation, len(qs)))
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
