"""Coreference for speakers: which entity each quote's speaker mention refers to.

A named mention refers to the person, organisation or place it names (the mention pass read
its name against the document's name index). The others:

* a quote that continues an earlier one (``continuation``) has that quote's speaker;
* a relative pronoun ("Christie, who said ...") refers to the noun its clause describes (the
  mention pass did that);
* "I" and "we" outside quotation marks are the author an article names in a byline or a
  sign-off (:func:`quoteattr.layout.author`);
* a pronoun ("he added") refers, by the rules (:func:`rule_antecedent`), to: the subject of
  the clause that governs its clause, when they agree ("Ban Ki-moon condemned what he called
  ..."); else the nearest earlier quote's speaker of a compatible type within a few
  paragraphs, or the nearest earlier named person when one was named after that quote and is
  what its sentence is about: not an object, an oblique or a modifier of another noun ("the
  Hillary Clinton campaign"; a conjunct counts as the first of its coordination), unless the
  article introduces that person there with a role ("... angered Henry Crespo, president of
  the caucus."). A person named inside a quotation is the speaker's words, never the
  antecedent. Gender agrees: "he" skips a person the article calls Mrs. or Ms. or
  whose first name is a woman's, "she" likewise. With a tree and the learned antecedent
  ranker (:mod:`quoteattr.antecedents`, trained on GUM, the rules' answer among its
  features), a third-person pronoun's antecedent is the ranker's best candidate when it is
  sure and named (:data:`MODE`), followed down pronoun chains.

:func:`resolve` returns a :class:`Referent` per attributed quote, in text order.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Mapping, Sequence

import attrs

from . import entities, layout, lexicons, roles
from .antecedents import Antecedents, Setting, third_person
from .mentions import Mentions, enclosing_subject, is_pronoun, pronouns, speaker_type
from .nlp.document import Document, NamedEntity
from .roles import RoleInfo
from .types import Span
from .values import Choice, QuoteCandidate, QuoteId, WordRange

__all__ = ["Referent", "article_genders", "governing_subject", "resolve"]

#: how many paragraphs back a pronoun looks for its antecedent
PARAGRAPH_WINDOW = 4
#: how many earlier quotes a pronoun looks at (bounds the work per pronoun on a text with
#: thousands of quotes in one paragraph)
EARLIER_QUOTES = 50

#: how the learned ranker and the rules share a pronoun: "ranker" takes the ranker's
#: antecedent; "rules+ranker" keeps the rules' unless the ranker is at least OVERRULE sure of
#: another that has a name (or the rules found none). The ranker learned on GUM, which
#: rarely teaches the news convention the rules read (the last quote's speaker); since the
#: tenth session's rules it overrules them only when nearly sure: PolNeAR train speakers
#: right 7,737 (0.5), 7,738 (0.9), 7,741 (never) of 8,313; dev names 0.892, 0.898, 0.895
#: (docs/evaluation.md)
MODE = "rules+ranker"
OVERRULE = 0.9


@attrs.frozen
class Referent:
    """What a quote's speaker mention refers to: the entity's name (None when the text never
    names it), type, the role stated where it was named, and whether the speaker was given by
    a pronoun."""

    name: str | None
    type: str
    info: RoleInfo | None = None
    pronoun: bool = False


def resolve(doc: Document, mentions: Mentions, quotes: Sequence[QuoteCandidate],
            answers: Mapping[QuoteId, Choice], learned: Antecedents | None = None,
            mode: str = MODE) -> dict[QuoteId, Referent]:
    """The referent of every attributed quote's speaker (quotes in text order). With the
    ``learned`` antecedent ranker (and a tree), a pronoun's antecedent is the ranker's (see
    :data:`MODE`); without, the rules' (module docstring)."""
    genders = article_genders(doc)
    out: dict[QuoteId, Referent] = {}
    chain: dict[int, Referent | None] = {}
    quoted = tuple(sorted(q.words for q in quotes if q.kind != "indirect"))
    writer = layout.author(doc)
    talk = layout.interview(doc)
    guest = interviewee(mentions.names, talk.first) if talk is not None else None
    for k, q in enumerate(quotes):
        choice = answers.get(q.id)
        if choice is None:
            continue
        m = mentions.get(choice.mention)
        side = talk.side_at(doc.words[m.head].start) if talk is not None else None
        person = pronouns_person(doc.words[m.head].text) if m.pronoun else None
        if choice.continues is not None and choice.continues in out:
            prev = out[choice.continues]
            out[q.id] = attrs.evolve(prev, pronoun=m.pronoun or prev.pronoun)
        elif side is not None and person in ("1", "2") and \
                not any(m.head in r for r in quoted):
            # an interview's turns: "I" in an answer and "you" in a question are the person
            # interviewed; "I" in a question and "you" in an answer the interviewer
            who = guest if (side == "A") == (person == "1") else writer
            out[q.id] = Referent(who, "PERSON", pronoun=True)
        elif m.pronoun and first_person(doc.words[m.head].text) and writer is not None and \
                not any(m.head in r for r in quoted):
            # "I"/"we" outside quotation marks in an article with a byline: the author
            out[q.id] = Referent(writer, "PERSON", pronoun=True)
        elif m.pronoun:
            earlier = quotes[max(0, k - EARLIER_QUOTES):k]
            rule = rule_antecedent(doc, mentions, earlier, out, answers, m.words, genders,
                                   quoted)
            ante = rule[0] if rule is not None else None
            if learned is not None and doc.parsed and third_person(doc.words[m.head].text):
                setting = Setting(genders, speakers_before(doc, earlier, answers, m.head),
                                  quoted, None if rule is None else (rule[1], rule[0].name))
                ante = _learned(mentions, learned, m.head, setting, chain, ante, mode)
            out[q.id] = attrs.evolve(ante, pronoun=True) if ante is not None else Referent(
                None, m.type, pronoun=True)
        else:
            out[q.id] = Referent(m.name, m.type, m.info)
    return out


def speakers_before(doc: Document, earlier: Sequence[QuoteCandidate],
                    answers: Mapping[QuoteId, Choice], pronoun: int) -> tuple[int, ...]:
    """The speaker mentions (head words) of the quotes before the pronoun within
    :data:`PARAGRAPH_WINDOW` paragraphs, nearest last (the pronoun's own quote left out)."""
    para = doc.paragraph_index(doc.words[pronoun].start)
    out = []
    for q in earlier:
        choice = answers.get(q.id)
        if choice is None or int(choice.mention) >= pronoun or \
                q.start >= doc.words[pronoun].start or \
                doc.paragraph_index(q.start) < para - PARAGRAPH_WINDOW:
            continue
        out.append(int(choice.mention))
    return tuple(out)


def _learned(mentions: Mentions, learned: Antecedents, pronoun: int, setting: Setting,
             chain: dict[int, Referent | None], rule: Referent | None, mode: str,
             depth: int = 0) -> Referent | None:
    """The referent the learned ranker gives the pronoun at word ``pronoun``: its best
    candidate's, following pronoun candidates down their own chains."""
    if pronoun in chain:
        return chain[pronoun]
    chain[pronoun] = None  # a chain never loops back
    found = None
    personal = pronouns().get(mentions.doc.words[pronoun].text.lower(), ("x", "sg"))[0] \
        in ("m", "f")
    # "he" and "she" never name a place or an organisation ("the Clinton campaign")
    ranked = [(c, p) for c, p in learned.rank(mentions, pronoun, setting)
              if not personal or mentions.get(c).type not in ("ORG", "GPE")]
    if ranked:
        best, p = ranked[0]
        m = mentions.get(best)
        if m.pronoun:
            found = _learned(mentions, learned, best, setting, chain, None, "ranker",
                             depth + 1) if depth < 8 else None
        else:
            found = Referent(m.name, m.type, m.info)
        if mode == "rules+ranker" and rule is not None and (
                p < OVERRULE or found is None or found.name is None or
                found.name == rule.name):
            found = rule
    elif mode == "rules+ranker":
        found = rule
    chain[pronoun] = found
    return found


def pronouns_person(word: str) -> str | None:
    """The grammatical person of a personal pronoun ("1", "2" or "3"), or None."""
    entry = lexicons.pronouns().get(word.lower())
    return entry[2] if entry is not None else None


def interviewee(names: entities.NameIndex, before: int) -> str | None:
    """The person an interview is with: the person its introduction (the text before
    character ``before``, where the first turn starts) names most often, the first named on
    a tie; None when it names nobody."""
    counts: dict[str, int] = {}
    for o in names.occurrences:
        if o.span.start >= before:
            break
        full = names.fullest(o.tokens, o.span.start)
        counts[full] = counts.get(full, 0) + 1
    return max(counts, key=lambda n: counts[n]) if counts else None


def first_person(word: str) -> bool:
    """Whether ``word`` is a first-person pronoun ("I", "we", "my", "our")."""
    entry = lexicons.pronouns().get(word.lower())
    return entry is not None and entry[2] == "1"


def governing_subject(mentions: Mentions, pronoun: int) -> int | None:
    """The subject of a clause that governs the pronoun's clause in the same sentence, when
    it comes before the pronoun and agrees with it: ``Ban Ki-moon condemned what he called``,
    ``the Council pledged sanctions against what it called``, ``the campaign ... what they
    call`` (an organisation or a plural noun). A subject pronoun in an embedded clause most
    often refers to the subject of the clause around it; None when there is none that
    agrees."""
    doc = mentions.doc
    if not doc.parsed or doc.words[pronoun].deprel.split(":")[0] != "nsubj":
        return None
    gender, number = pronouns().get(doc.words[pronoun].text.lower(), ("x", "sg"))
    plural = gender == "x" and number == "pl"
    if gender not in ("m", "f", "n") and not plural:
        return None
    s = enclosing_subject(doc, pronoun)
    if s is None:
        return None
    words = mentions.words(s)
    if is_pronoun(doc, words) or doc.words[s].text.lower() in lexicons.words("relative_pronoun"):
        return None
    kind = speaker_type(doc, words)
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
    honorifics = lexicons.honorific_genders()
    for i, w in enumerate(words[:-1]):
        g = honorifics.get(w.text.lower(), "x")
        if g == "x":
            continue
        j = i + 2 if words[i + 1].text == "." and i + 2 < len(words) else i + 1
        if words[j].text[:1].isupper():
            seen.setdefault(words[j].text.lower(), set()).add(g)
    return {name: next(iter(gs)) for name, gs in seen.items() if len(gs) == 1}


def _disagrees(name: str | None, gender: str, genders: Mapping[str, str]) -> bool:
    """Whether the person named ``name`` has the other gender: by the article's honorifics
    ("Mrs. Clinton"), else by a first name given almost only to one gender
    (lexicons/first_names.tsv: "Hillary", "Donald")."""
    if not name or gender not in ("m", "f"):
        return False
    words = name.split()
    known = genders.get(words[-1].lower())
    if known is None:
        known = lexicons.name_gender(words)
    return known is not None and known != gender


def _named(doc: Document, mentions: Mentions, first: int, last: int, full: WordRange,
           gender: str) -> Referent:
    """The referent named by words[first:last] (roles read over ``full``), its full name
    chosen for a pronoun of ``gender``."""
    info = roles.analyse(doc, full.first, full.last)
    name, typ = entities.resolve_name(doc, mentions.names, doc.span_of(first, last), info,
                                      gender)
    if typ == "OTHER":
        typ = speaker_type(doc, WordRange(first, last))
    return Referent(name, typ, info if info.role else None)


def rule_antecedent(doc: Document, mentions: Mentions, earlier: Sequence[QuoteCandidate],
                    resolved: Mapping[QuoteId, Referent], answers: Mapping[QuoteId, Choice],
                    pronoun: WordRange, genders: Mapping[str, str],
                    quoted: Sequence[WordRange] = ()) -> tuple[Referent, int] | None:
    """The rules' antecedent of a pronoun (module docstring), and the head word of the
    mention it was read from. A person named inside a quotation (``quoted``, sorted) is no
    antecedent: the words are the speaker's ('"Obama had will.i.am," he said')."""
    gender, number = pronouns().get(doc.words[pronoun.first].text.lower(), ("x", "sg"))
    want_person = gender in ("m", "f") or (gender == "x" and number == "sg")
    bound = governing_subject(mentions, pronoun.first)
    if bound is not None:
        m = mentions.get(bound)
        found = _named(doc, mentions, m.words.first, m.words.last, m.full, gender)
        if found.name is not None and not _disagrees(found.name, gender, genders):
            return found, bound
    para = doc.paragraph_index(doc.words[pronoun.first].start)
    pos = doc.words[pronoun.first].start
    # the nearest earlier quote's speaker, and the nearest earlier named person in the text
    best_quote: Referent | None = None
    best_quote_pos = best_quote_head = -1
    best_quote_words = WordRange(0, 0)
    for q in reversed(earlier):
        if doc.paragraph_index(q.start) < para - PARAGRAPH_WINDOW:
            break
        r = resolved.get(q.id)
        if r is None or r.name is None:
            continue
        if (r.type == "PERSON") == want_person and not _disagrees(r.name, gender, genders):
            choice = answers.get(q.id)
            best_quote, best_quote_pos, best_quote_words = r, q.start, q.words
            best_quote_head = int(choice.mention) if choice is not None else -1
            break
    best_entity = None
    entity_resolved: Referent | None = None
    for e in reversed(doc.entities[:doc.entities_before(pos)]):
        if e.end > pos:
            continue
        if doc.paragraph_index(e.start) < para - PARAGRAPH_WINDOW:
            break
        if (e.type == "PERSON") != want_person or e.type == "OTHER":
            continue
        if number == "pl" and e.type == "GPE":
            continue  # "they" speak for a body ("the Security Council ... they said"), not a place
        if _inside(quoted, e.first, e.last):
            continue
        # the full name the mention stands for must agree ("a Romney caricature. She")
        span = Span(e.text, e.start, e.end)
        info = roles.analyse(doc, e.first, e.last)
        name, typ = entities.resolve_name(doc, mentions.names, span, info, gender)
        if _disagrees(name, gender, genders):
            continue
        found = Referent(name, typ if typ != "OTHER" else e.type, info if info.role else None)
        if best_entity is None:
            best_entity, entity_resolved = e, found
            if not _is_object(doc, e.first, e.last) or _introduced(doc, e):
                break
            continue
        # the nearest was only an object: the subject of its sentence takes it when it agrees
        # ("Anderson largely agreed with McLenny. '...,' he said")
        if doc.words[e.first].sent != doc.words[best_entity.first].sent:
            break
        if not _is_object(doc, e.first, e.last):
            best_entity, entity_resolved = e, found
            break
    if best_quote is not None and (best_entity is None or _mentions_name(
            best_entity.text, best_quote.name)):
        return best_quote, best_quote_head
    # a different person was named after that quote: prefer the nearer, unless it is only
    # an object ("Obama said after meeting with Putin. He ...")
    if best_quote is not None and best_entity is not None and (
            best_entity.start < best_quote_pos or
            # named in that quote's own words ("McLenney said Clinton doesn't show ...")
            best_quote_words.first <= best_entity.first < best_quote_words.last or
            (_is_object(doc, best_entity.first, best_entity.last) and
             not _introduced(doc, best_entity))):
        return best_quote, best_quote_head
    if best_entity is not None and entity_resolved is not None:
        return entity_resolved, best_entity.last - 1
    return (best_quote, best_quote_head) if best_quote is not None else None


def _is_object(doc: Document, first: int, last: int) -> bool:
    """Whether the words first..last (end exclusive) hang in the tree as an object, an
    oblique ("after meeting with Vladimir Putin") or a modifier of another noun ("the Hillary
    Clinton campaign"): a less likely antecedent of a later subject pronoun than the subject
    the sentence is about."""
    if not doc.parsed:
        return False
    return any(not first <= doc.words[i].head < last and _relation(doc, i) in _NOT_THE_TOPIC
               for i in range(first, last))


def _relation(doc: Document, i: int) -> str:
    """How word ``i`` hangs in the tree; a conjunct hangs as the first of its coordination
    ("loyalists to Joe Biden and Bernie Sanders": Sanders, like Biden, is a noun's
    modifier), an apposition as the noun it renames ("without mentioning the author of that
    boast, Muhammad Ali": an object)."""
    while doc.words[i].deprel.split(":")[0] in ("conj", "appos") and doc.words[i].head >= 0:
        i = doc.words[i].head
    return doc.words[i].deprel.split(":")[0]


#: how a name hangs in the tree when it is not what its sentence is about
_NOT_THE_TOPIC = frozenset({"obl", "nmod", "obj", "iobj", "compound", "amod"})


def _inside(ranges: Sequence[WordRange], first: int, last: int) -> bool:
    """Whether words first..last (end exclusive) lie inside the ``ranges`` (quotations, which
    may nest)."""
    starts, ends = _union(tuple(ranges))
    k = bisect.bisect_right(starts, first) - 1
    return k >= 0 and last <= ends[k]


@functools.lru_cache(maxsize=8)
def _union(ranges: tuple[WordRange, ...]) -> tuple[list[int], list[int]]:
    """The ranges merged where they overlap: the starts and ends of disjoint ranges, sorted."""
    starts: list[int] = []
    ends: list[int] = []
    for r in sorted(ranges):
        if ends and r.first < ends[-1]:
            ends[-1] = max(ends[-1], r.last)
        else:
            starts.append(r.first)
            ends.append(r.last)
    return starts, ends


def _introduced(doc: Document, e: NamedEntity) -> bool:
    """Whether a person is introduced here: named for the first time in the article, with a
    role in apposition ("... concerns Henry Crespo, president of the Florida Democratic Black
    Caucus."). News introduces the next speaker so, as an object too, and the pronoun of the
    quote that follows refers to them."""
    surname = e.text.split()[-1].lower()
    if any(o.type == "PERSON" and o.start < e.start and surname in o.text.lower().split()
           for o in doc.entities[:doc.entities_before(e.start)]):
        return False
    sentence = doc.sentence_of(e.first)
    return any(info.role is not None and info.name is not None and
               info.name.start >= e.start and info.name.end <= e.end and
               info.role_span is not None and info.role_span.start > e.end
               for info in roles.role_mentions(doc, sentence.first, sentence.last))


def _mentions_name(text: str, name: str | None) -> bool:
    if not name:
        return False
    last = name.split()[-1].lower()
    return last in text.lower().split()
