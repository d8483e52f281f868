"""Names, roles and entities: from each quote's speaker mention to the Result.

* a pronoun speaker ("he added") takes its antecedent: the nearest earlier quote's speaker
  of a compatible type within a few paragraphs, else the nearest earlier named person; "he"
  skips a person the article calls Mrs. or Ms., "she" one it calls Mr.;
* a relative pronoun ("Christie, who said ...") takes the name and role of the noun phrase its
  clause modifies, by the tree;
* a short name or a description goes to the fullest proper name of the person the article
  names (entities.resolve_name);
* roles and affiliations are read from every mention of the entity in the article
  (titles before names, appositions; roles.analyse) and shared by all its quotes.
"""

from __future__ import annotations

from collections import OrderedDict

import attrs

from . import entities, lexicons, mentions, roles
from .nlp.document import Document
from .resolvers.base import Attribution, Candidate
from .types import Entity, Quote, Result, Span, Speaker

_PARAGRAPH_WINDOW = 4


@attrs.frozen
class _Resolved:
    name: str | None
    type: str
    mention: Span
    role: str | None
    affiliation: str | None
    pronoun: bool


def build_result(doc: Document, cands: list[Candidate],
                 done: dict[int, Attribution]) -> Result:
    resolved: dict[int, _Resolved] = {}
    genders = article_genders(doc)
    for k in range(len(cands)):
        att = done.get(k)
        if att is not None:
            resolved[k] = _resolve_one(doc, cands, k, att, resolved, genders)
    person_index = article_roles(doc)
    merged = _merge_roles(resolved, person_index)
    quotes = []
    for k, c in enumerate(cands):
        att = done.get(k)
        r = resolved.get(k)
        cue = None
        if c.cue is not None:
            from .cues import cue_span

            cue = cue_span(doc, c.cue)
        speaker = None
        conf = 0.0
        if r is not None and att is not None:
            role, aff = merged.get((r.name, r.type), (r.role, r.affiliation))
            speaker = Speaker(r.name, r.mention, role, aff, r.type)
            conf = att.confidence * (0.9 if r.pronoun else 1.0) * (1.0 if r.name else 0.8)
        for start, end in c.pieces or ((c.start, c.end),):
            quotes.append(Quote(doc.text[start:end], start, end, c.kind, cue, speaker,
                                round(conf, 4), att.resolver if att else None))
    return Result(tuple(quotes), tuple(_entities(quotes, merged)))


def _resolve_one(doc: Document, cands: list[Candidate], k: int, att: Attribution,
                 resolved: dict[int, _Resolved], genders: dict[str, str]) -> _Resolved:
    mention = doc.span_of(att.first, att.last)
    pron = mentions.is_pronoun(doc, att.first, att.last)
    if att.antecedent_of is not None and att.antecedent_of in resolved:
        prev = resolved[att.antecedent_of]
        return attrs.evolve(prev, mention=mention, pronoun=pron or prev.pronoun)
    if pron:
        ante = _antecedent(doc, cands, k, att, resolved, genders)
        if ante is not None:
            return attrs.evolve(ante, mention=mention, pronoun=True)
        gender = mentions.pronouns().get(mention.text.lower(), ("x", "sg"))[0]
        return _Resolved(None, "PERSON" if gender in ("m", "f") else "OTHER", mention, None,
                         None, True)
    full = att.full or (att.first, att.last)
    noun = relative_antecedent(doc, att.first, att.last)
    if noun is not None:
        # "Christie, who has campaigned ..., blasted": the mention stays "who", the name and
        # role are those of the noun the relative clause describes
        full = mentions.full_bounds(doc, noun)
        first, last = mentions.mention_bounds(doc, noun)
        info = roles.analyse(doc, min(full[0], first), max(full[1], last))
        name, typ = entities.resolve_name(doc, doc.span_of(first, last), info)
        if typ == "OTHER":
            typ = mentions.speaker_type(doc, first, last)
        return _Resolved(name, typ, mention, info.role, info.affiliation, False)
    info = roles.analyse(doc, full[0], full[1])
    name, typ = entities.resolve_name(doc, mention, info)
    if typ == "OTHER":
        typ = mentions.speaker_type(doc, att.first, att.last)
    return _Resolved(name, typ, mention, info.role, info.affiliation, False)


_RELATIVE = {"who", "which", "that", "whom"}


def relative_antecedent(doc: Document, first: int, last: int) -> int | None:
    """For a relative pronoun mention (``who`` in "Christie, who said ..."), the head of the
    noun phrase its clause modifies; None for any other mention."""
    if not doc.parsed or last - first != 1 or doc.words[first].text.lower() not in _RELATIVE:
        return None
    verb = doc.words[first].head
    while verb >= 0 and doc.words[verb].deprel.split(":")[0] in ("conj", "xcomp"):
        verb = doc.words[verb].head
    if verb >= 0 and doc.words[verb].deprel == "acl:relcl":
        noun = doc.words[verb].head
        return noun if 0 <= noun < first else None
    # the parser missed the relative clause: ", who" / ", which" right after a noun phrase
    prev = first - 2
    if doc.words[first].text.lower() in ("who", "which") and prev >= 0 and \
            doc.words[first - 1].text == "," and doc.words[prev].upos in ("PROPN", "NOUN") and \
            doc.words[prev].sent == doc.words[first].sent:
        head = prev
        while doc.words[head].deprel.split(":")[0] in ("flat", "compound") and \
                prev < doc.words[head].head < first:
            head = doc.words[head].head
        return head
    return None


def governing_subject(doc: Document, pronoun: int) -> int | None:
    """The subject of a clause that governs the pronoun's clause in the same sentence, when
    it comes before the pronoun and agrees with it: ``Ban Ki-moon condemned what he called``,
    ``the Council pledged sanctions against what it called``, ``the campaign ... what they
    call`` (an organisation or a plural noun). A subject pronoun in an embedded
    clause most often refers to the subject of the clause around it; None when there is none
    that agrees."""
    if not doc.parsed or doc.words[pronoun].deprel.split(":")[0] != "nsubj":
        return None
    gender, number = mentions.pronouns().get(doc.words[pronoun].text.lower(), ("x", "sg"))[:2]
    plural = gender == "x" and number == "pl"
    if gender not in ("m", "f", "n") and not plural:
        return None
    s = mentions.enclosing_subject(doc, pronoun)
    if s is None:
        return None
    first, last = mentions.mention_bounds(doc, s)
    if mentions.is_pronoun(doc, first, last) or doc.words[s].text.lower() in _RELATIVE:
        return None
    kind = mentions.speaker_type(doc, first, last)
    if plural:
        # "Clinton's campaign is seeking to contrast her approach with what they call ...":
        # an organisation or a plural noun
        return s if kind == "ORG" or "Number=Plur" in doc.words[s].feats else None
    if (kind == "PERSON") == (gender in ("m", "f")) and (gender != "n" or doc.words[s].upos in
                                                         ("PROPN", "NOUN")):
        return s
    return None


def article_genders(doc: Document) -> dict[str, str]:
    """Surname (lower case) -> ``"m"`` or ``"f"``, for the surnames the article writes after a
    courtesy title of one gender (lexicons/honorifics.tsv: Mr., Mrs., Ms., ...), and only
    one way ("Mr. Clinton" and "Mrs. Clinton" in one article tell nothing)."""
    seen: dict[str, set[str]] = {}
    words = doc.words
    for i, w in enumerate(words[:-1]):
        g = lexicons.honorific_genders().get(w.text.lower(), "x")
        if g == "x":
            continue
        j = i + 2 if words[i + 1].text == "." and i + 2 < len(words) else i + 1
        if words[j].text[:1].isupper():
            seen.setdefault(words[j].text.lower(), set()).add(g)
    return {name: next(iter(gs)) for name, gs in seen.items() if len(gs) == 1}


def _disagrees(name: str | None, gender: str, genders: dict[str, str]) -> bool:
    """Whether the person named ``name`` has the other gender: by the article's honorifics
    ("Mrs. Clinton"), else by a first name given almost only to one gender
    (lexicons/first_names.tsv: "Hillary", "Donald")."""
    if not name or gender not in ("m", "f"):
        return False
    words = name.split()
    known = genders.get(words[-1].lower())
    if known is None:
        known = lexicons.first_name_genders().get(words[0].lower())
    return known is not None and known != gender


def _antecedent(doc: Document, cands: list[Candidate], k: int, att: Attribution,
                resolved: dict[int, _Resolved],
                genders: dict[str, str]) -> _Resolved | None:
    gender, number = mentions.pronouns().get(doc.words[att.first].text.lower(), ("x", "sg"))
    want_person = gender in ("m", "f") or (gender == "x" and number == "sg")
    bound = governing_subject(doc, att.first)
    if bound is not None:
        full = mentions.full_bounds(doc, bound)
        first, last = mentions.mention_bounds(doc, bound)
        info = roles.analyse(doc, min(full[0], first), max(full[1], last))
        name, typ = entities.resolve_name(doc, doc.span_of(first, last), info, gender)
        if name is not None and not _disagrees(name, gender, genders):
            return _Resolved(name, typ if typ != "OTHER" else
                             mentions.speaker_type(doc, first, last), doc.span_of(first, last),
                             info.role, info.affiliation, False)
    para = doc.paragraph_index(doc.words[att.first].start)
    pos = doc.words[att.first].start
    # the nearest earlier named person in the text, and the nearest earlier quote's speaker
    best_quote: _Resolved | None = None
    best_quote_pos = -1
    for j in range(k - 1, -1, -1):
        r = resolved.get(j)
        if r is None or r.name is None:
            continue
        if doc.paragraph_index(cands[j].start) < para - _PARAGRAPH_WINDOW:
            break
        if (r.type == "PERSON") == want_person and not _disagrees(r.name, gender, genders):
            best_quote, best_quote_pos = r, cands[j].start
            break
    best_entity = None
    entity_resolved: _Resolved | None = None
    for e in reversed(doc.entities[:doc.entities_before(pos)]):
        if e.end > pos:
            continue
        if doc.paragraph_index(e.start) < para - _PARAGRAPH_WINDOW:
            break
        if (e.type == "PERSON") != want_person or e.type == "OTHER":
            continue
        # the full name the mention stands for must agree ("a Romney caricature. She")
        span = Span(e.text, e.start, e.end)
        info = roles.analyse(doc, e.first, e.last)
        name, typ = entities.resolve_name(doc, span, info, gender)
        if _disagrees(name, gender, genders):
            continue
        best_entity = e
        entity_resolved = _Resolved(name, typ if typ != "OTHER" else e.type, span, info.role,
                                    info.affiliation, False)
        break
    if best_quote is not None and (best_entity is None or _mentions_name(
            best_entity.text, best_quote.name)):
        return best_quote
    # a different person was named after that quote: prefer the nearer, unless it is only
    # an object ("Obama said after meeting with Putin. He ...")
    if best_quote is not None and best_entity is not None and (
            best_entity.start < best_quote_pos or
            _is_object(doc, best_entity.first, best_entity.last)):
        return best_quote
    return entity_resolved if entity_resolved is not None else best_quote


def _is_object(doc: Document, first: int, last: int) -> bool:
    """Whether the words first..last (end exclusive) hang in the tree as an object or an
    oblique ("after meeting with Vladimir Putin"): a less likely antecedent of a later
    subject pronoun than the subject the sentence is about."""
    if not doc.parsed:
        return False
    for i in range(first, last):
        w = doc.words[i]
        if not first <= w.head < last:
            return w.deprel.split(":")[0] in ("obl", "nmod", "obj", "iobj")
    return False


def _mentions_name(text: str, name: str | None) -> bool:
    if not name:
        return False
    last = name.split()[-1].lower()
    return last in text.lower().split()


def article_roles(doc: Document) -> dict[str, tuple[str | None, str | None]]:
    """Canonical person name -> (role, affiliation) from every person the article names."""
    out: dict[str, tuple[str | None, str | None]] = {}
    for person in entities.people(doc):
        if not person.name:
            continue
        role = None
        for r in person.roles:
            role = _better_role(role, r)
        out[person.name] = (role, person.affiliation)
    return out


def _better_role(a: str | None, b: str | None) -> str | None:
    """Prefer a capitalised title ("Defence Secretary") over a description ("defence
    secretary"), then the longer one."""
    if not a:
        return b
    if not b:
        return a
    cap_a, cap_b = a[:1].isupper(), b[:1].isupper()
    if cap_a != cap_b:
        return a if cap_a else b
    return a


def _merge_roles(resolved: dict[int, _Resolved],
                 index: dict[str, tuple[str | None, str | None]]
                 ) -> dict[tuple[str | None, str], tuple[str | None, str | None]]:
    merged: dict[tuple[str | None, str], tuple[str | None, str | None]] = {}
    for r in resolved.values():
        if r.name is None:
            continue
        key = (r.name, r.type)
        role, aff = merged.get(key, index.get(r.name, (None, None)))
        merged[key] = (_better_role(role, r.role), aff or r.affiliation)
    return merged


def _entities(quotes: list[Quote],
              merged: dict[tuple[str | None, str], tuple[str | None, str | None]]
              ) -> list[Entity]:
    groups: OrderedDict[tuple[str | None, str], list[Quote]] = OrderedDict()
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
