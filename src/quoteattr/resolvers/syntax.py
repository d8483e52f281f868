"""Resolvers that read the dependency tree around the cue.

* ``cue_subject``: the subject of the cue verb (``Austin said``, ``Gantz said Israel "..."``);
  a participle or coordinated cue without its own subject inherits its governor's
  (``Iran blamed Israel ..., warning that ...``).
* ``reporting_speaker``: quoted words of a report within a report are the outer speaker's
  (``Carly Fiorina said Ted Cruz "says whatever he needs to say"``).
* ``passive_agent``: ``it was said by X``, ``comments by X``.
* ``according_to``: ``according to X, ...``.
* ``speech_noun_owner``: the owner of a noun for something said, when the quote is inside
  what the noun governs (``Trump's claim that there have been "thousands of shootings"``).
"""

from __future__ import annotations

from .. import lexicons, marks, mentions
from ..cues import Cues, lemma_of
from ..mentions import Mentions
from ..nlp.document import Document
from ..values import QuoteCandidate, WordRange
from .base import Context, Pick, rule
from .patterns import np_after, np_before


def subject_of(doc: Document, verb: int, depth: int = 0) -> int | None:
    subj = [c for c in doc.children(verb) if doc.words[c].deprel in ("nsubj", "nsubj:outer")]
    if subj:
        # two subjects ("The museum, Obama said, would ..."): the one next to the verb
        return min(subj, key=lambda c: abs(verb - c))
    named = _untagged_subject(doc, verb)
    if named is not None:
        return named
    w = doc.words[verb]
    rel = w.deprel.split(":")[0]
    if depth == 0 and rel == "advcl" and verb > 0 and doc.words[verb - 1].text == "," and \
            (w.xpos == "VBG" or w.text.endswith("ing")):
        # "Iran blamed Israel ..., warning that ...": the participle's subject is the main
        # clause's, however deep the parser attached it
        sent = doc.sentence_of(verb)
        roots = [i for i in range(sent.first, sent.last) if doc.words[i].head < 0]
        for r in roots:
            subj = [c for c in doc.children(r) if doc.words[c].deprel == "nsubj" and c < verb]
            if subj:
                return subj[0]
    if rel == "conj" and not doc.children_by(verb, "cc"):
        left = _noun_just_before(doc, verb)
        if left is not None:
            return left
    if depth < 2 and w.head >= 0 and rel in ("advcl", "conj", "xcomp", "acl", "parataxis"):
        if rel == "acl" and doc.words[w.head].upos in ("NOUN", "PROPN", "PRON"):
            # "the comments by X" or "X, speaking on ...": the modified noun is the speaker
            # only for participles that describe it
            return w.head if w.feat("VerbForm") == "Part" and w.head < verb else None
        return subject_of(doc, w.head, depth + 1)
    return None


def _noun_just_before(doc: Document, verb: int) -> int | None:
    """``suspicion fell on it as media there nearly uniformly reported ...``, parsed with
    "reported" a conjunct of "fell" (no "and") and "media" hung on "fell": the noun right
    before the verb, past adverbs and an expletive, is its subject."""
    k = verb - 1
    sent_first = doc.sentence_of(verb).first
    while k >= sent_first and (doc.words[k].upos == "ADV" or doc.words[k].deprel == "expl"):
        k -= 1
    if k < sent_first:
        return None
    w = doc.words[k]
    if w.upos not in ("NOUN", "PROPN") or w.deprel.split(":")[0] not in ("obl", "nmod", "obj"):
        return None
    return k


def _untagged_subject(doc: Document, verb: int) -> int | None:
    """A name the tagger did not see as a noun, left of the verb where its subject would be
    (``McConnell/ADV was quick to ... and said``, ``Will/AUX described``): a capitalised word
    attached to the verb as a modifier or auxiliary, inside a PERSON or ORG entity, with no
    other verb between it and the verb."""
    for c in doc.children(verb):
        w = doc.words[c]
        if c >= verb or w.deprel.split(":")[0] not in ("advmod", "dep", "obl", "discourse",
                                                       "vocative", "amod", "aux"):
            continue
        e = doc.entity_at(c)
        if e is None or e.type not in ("PERSON", "ORG") or not w.text[:1].isupper():
            continue
        own = {k for k in doc.children(verb) if doc.words[k].deprel.split(":")[0] in
               ("aux", "cop")}  # "McConnell was quick": the verb's own auxiliaries
        own |= set(range(e.first, e.last))
        if any(doc.words[k].upos in ("VERB", "AUX") and k not in own
               for k in range(e.last, verb)):
            continue
        return e.last - 1
    return None


def _cue_subject(ctx: Context, q: QuoteCandidate) -> tuple[int, bool] | None:
    """The subject of q's cue with the parse repairs below, and whether one was needed."""
    doc = ctx.doc
    if q.cue is None:
        return None
    s = subject_of(doc, q.cue)
    # a subject inside the quote is no speaker, except in reported speech around its own
    # attribution ("The museum, Obama said, would ...")
    inside_ok = q.kind == "indirect" and q.cue in q.words
    if s is None or (s in q.words and not inside_ok):
        return None
    repaired = _subordinate_subject(doc, q.cue, s)
    if repaired == s:
        repaired = _name_before_cue(doc, q.cue, s)
    if repaired == s:
        repaired = _apposed_name(doc, ctx.mentions, s)
    if repaired == s:
        repaired = _name_after_comma(doc, q.cue, s)
    # a subject the tree hangs elsewhere (the noun before a conjunct verb) is a repair too
    fixed = repaired != s or (not doc.words[s].deprel.startswith("nsubj")
                              and doc.words[s].head != q.cue)
    return _outer_same_pronoun(doc, repaired), fixed


@rule("reporting_speaker", needs_tree=True)
def reporting_speaker(ctx: Context, q: QuoteCandidate) -> Pick | None:
    """Quoted words inside a report within a report are the outermost speaker's: the subject
    of the speech verb whose complement holds the cue's clause (see
    :func:`_reporting_speaker`), when it is not the cue's own subject."""
    if q.kind != "mixed" or q.cue is None:
        return None
    found = _cue_subject(ctx, q)
    if found is None:
        return None
    outer = _reporting_speaker(ctx.doc, ctx.cues, q.cue)
    if outer is None or outer == found[0] or outer in q.words or \
            not _can_speak(ctx.doc, ctx.mentions, outer):
        return None
    return Pick(outer)


@rule("cue_subject", needs_tree=True)
def cue_subject(ctx: Context, q: QuoteCandidate) -> Pick | None:
    found = _cue_subject(ctx, q)
    if found is None:
        found = _reporting_verb_subject(ctx, q)
    if found is None:
        return None
    head = _name_after_dateline(ctx.doc, ctx.mentions, found[0])
    if not _can_speak(ctx.doc, ctx.mentions, head):
        return None
    # a repaired parse: the ranker knows (a feature of its own) and may still overrule it
    return Pick(head, repaired=found[1])


def _reporting_verb_subject(ctx: Context, q: QuoteCandidate) -> tuple[int, bool] | None:
    """``Ryan said the recent spate of shootings demands that all Americans engage in "more
    listening"``, with "demands" tagged a noun and hung on "shootings": a cue the tagger
    called a noun, without a subject, reports inside the clause of the speech verb before
    it in the sentence, whose subject speaks (a repair)."""
    doc = ctx.doc
    entry = ctx.cues.entry(q.cue) if q.cue is not None else None
    if q.cue is None or entry is None or entry.part != "verb" or \
            doc.words[q.cue].upos == "VERB" or subject_of(doc, q.cue) is not None:
        return None  # a speech noun ("Mr. Obama's statement") is its owner's
    sent = doc.sentence_of(q.cue)
    for k in range(q.cue - 1, sent.first - 1, -1):
        if ctx.cues.is_cue(k) and doc.words[k].upos == "VERB":
            s = subject_of(doc, k)
            if s is None or s in q.words:
                return None
            repaired = _name_before_cue(doc, k, s)
            return repaired, True
    return None


def _can_speak(doc: Document, mentions_: Mentions, s: int) -> bool:
    """Whether word s may head a speaker mention: not punctuation, a fronted adverbial, a
    day ("Tuesday"), the place of a dateline ("WASHINGTON -- ") or other layout (a byline,
    a photo credit)."""
    w = doc.words[s]
    return not (w.upos in ("PUNCT", "SYM") or _fronted_adverbial(doc, s) or
                w.text.lower() in lexicons.words("not_speaker") or _never_a_name(w.text) or
                mentions_.is_layout(s))


def _never_a_name(word: str) -> bool:
    """Days, months, "today": what the ranker never takes for a speaker either (pronouns are
    in the same word list, and are speakers)."""
    low = word.lower()
    return low in lexicons.non_names() and low not in mentions.pronouns()


def _subordinate_subject(doc: Document, cue: int, s: int) -> int:
    """``US reinforces 'ironclad' ties as Iran accuses ...``: when the cue's clause opens with
    a subordinator right before a name and the cue ("as Iran accuses"), but the parser gave the
    cue a subject further left, the name is the subject."""
    sent = doc.sentence_of(cue)
    np = np_before(doc, cue, sent.first)
    if np is None or np.first <= s + 1 or np.last != cue:
        return s
    if doc.words[np.first - 1].text.lower() in lexicons.words("subordinator"):
        return np.last - 1
    return s


def _apposed_name(doc: Document, mentions_: Mentions, s: int) -> int:
    """``Jean-Marc Ayrault, the foreign minister of France, a permanent member of the Security
    Council, said``: when the parser made the last description the subject, the person,
    organisation or country named at the head of the comma-separated chain is the speaker
    ("Even China, Pyongyang's only ally, said")."""
    w = doc.words[s]
    first = mentions_.words(s).first
    if w.upos != "NOUN" or first < 2 or doc.words[first - 1].text != ",":
        return s
    sent = doc.sentence_of(s)
    k = first - 2
    while k >= sent.first and doc.words[k].upos not in ("VERB", "AUX") and \
            doc.words[k].text[:1] not in marks.ALL_MARKS and first - k <= 25:
        e = doc.entity_at(k)
        if e is not None and e.type in ("PERSON", "ORG", "GPE") and \
                e.last < len(doc.words) and doc.words[e.last].text == ",":
            start = e.first
            while start - 2 >= sent.first and doc.words[start - 1].text == "-" and \
                    doc.words[start - 2].text[:1].isupper():
                start -= 2  # "Jean - Marc Ayrault": the tagger split a hyphenated name
            if start - 1 == sent.first and doc.words[sent.first].upos in ("ADV", "CCONJ"):
                start -= 1  # "Even China, ...", "But Ana Ruiz, ..."
            if start == sent.first or doc.words[start - 1].text in (",", "--", "—"):
                # the chain reaches back to a name at the clause's start
                return e.last - 1
        k -= 1
    return s


def _name_before_cue(doc: Document, cue: int, s: int) -> int:
    """``House Speaker Paul D. Ryan (R-Wis.) said the recent spate of police shootings ...``
    parsed with "spate" the subject: a common noun after the cue is its object's, not an
    inverted subject, when a person's name (with its party tag) ends right before the cue."""
    if s < cue or doc.words[s].upos != "NOUN":
        return s
    k = cue - 1
    if k >= 0 and doc.words[k].text == ")":
        k = next((j - 1 for j in range(k - 1, max(k - 8, -1), -1)
                  if doc.words[j].text == "("), k)
    e = doc.entity_at(k) if k >= 0 else None
    if e is None or e.type != "PERSON" or e.last - 1 != k:
        return s
    return k


def _name_after_comma(doc: Document, cue: int, s: int) -> int:
    """``The day after the primary, Republican Gov. Doug Ducey called ...``, parsed with "day"
    the subject and the name inside its phrase: a person's name right before the cue, set off
    from the subject's other words by a comma, is the subject."""
    k = cue - 1
    while k > s and doc.words[k].upos == "ADV":
        k -= 1
    e = doc.entity_at(k)
    if k <= s or e is None or e.type != "PERSON" or e.last - 1 != k or e.first <= s + 1:
        return s
    if k not in doc.subtree(s) or s in range(e.first, e.last):
        return s
    j = e.first - 1
    while j > s and doc.words[j].upos in ("PROPN", "ADJ") and doc.words[j].text[:1].isupper():
        j -= 1  # "Republican Gov." before the name
    return k if doc.words[j].text == "," else s


def _outer_same_pronoun(doc: Document, s: int) -> int:
    """``He did not address the tweets in which he called her "disgusting"``: a subject
    pronoun in an embedded clause whose governing clause has the same pronoun as its subject
    refers to the same person; the outer one is the speaker's mention (as annotators mark
    it), and it is the one whose antecedent comes before the sentence."""
    w = doc.words[s]
    low = w.text.lower()
    if low not in mentions.pronouns() or not w.deprel.startswith("nsubj"):
        return s
    outer = mentions.enclosing_subject(doc, s)
    return outer if outer is not None and doc.words[outer].text.lower() == low else s


def _according_to_source(doc: Document, cue: int) -> int | None:
    """``"...," Sanders said, according to CNN`` / ``According to GMA News, Salceda said
    "..."``: the source an "according to" phrase on the cue, or anywhere in the clause under
    it, names (PolNeAR's Source is the reporter, the outer attribution), or None."""
    verbs = [cue]
    if doc.words[cue].deprel == "conj" and doc.words[cue].head >= 0:
        verbs.append(doc.words[cue].head)  # "watched ..., according to X, and said ..."
    for v in verbs:
        for c in doc.children_by(v, "obl"):
            if any(doc.words[k].text.lower() == "according"
                   for k in doc.children_by(c, "case")):
                return c
    # the phrase hung lower in the cue's clause: 'Trump said he was "happy to see" that Khan
    # was voted in, according to The New York Times'
    sent = doc.sentence_of(cue)
    for k in range(cue + 1, sent.last - 1):
        w = doc.words[k]
        if w.text.lower() == "according" and doc.words[k + 1].text.lower() == "to" and \
                w.head > k + 1 and w.head < sent.last and cue in doc.ancestors(w.head):
            return w.head
    return None


def _trailing_reporter(doc: Document, q: QuoteCandidate) -> WordRange | None:
    """``Richards noted that abortion is "central" to the platform, reported the Washington
    Examiner``: "reported" after a comma, after the quote in its sentence, names the outer
    source (PolNeAR's Source) when a name follows it."""
    sent = doc.sentence_of(max(q.first, q.last - 1))
    for k in range(q.last, sent.last):
        w = doc.words[k]
        if lemma_of(w) != "report" or w.upos != "VERB" or doc.words[k - 1].text != ",":
            continue
        return np_after(doc, k + 1, sent.last)
    return None


def _reporting_speaker(doc: Document, cues: Cues, cue: int) -> int | None:
    """``Carly Fiorina said Ted Cruz "says whatever he needs to say"``: a cue inside the
    complement of a speech verb reports within a report; the quoted words are the outermost
    speaker's (as PolNeAR marks them). Climbs complement clauses (``ccomp``, ``xcomp``: "said
    she wanted to speak "directly to white people"") to the outermost speech verb and returns
    its subject, or None."""
    clause, outer = cue, None
    for _ in range(4):
        w = doc.words[clause]
        if w.deprel.split(":")[0] not in ("ccomp", "xcomp") or w.head < 0:
            break
        clause = w.head
        entry = cues.entry(clause)
        if entry is not None and entry.indirect:
            outer = clause
    return subject_of(doc, outer) if outer is not None else None


def _name_after_dateline(doc: Document, mentions_: Mentions, s: int) -> int:
    """``WASHINGTON -- President Obama, dedicating the museum, said ...`` parsed with the
    dateline for the subject and the name hung on it: the last name word after the dateline
    is the subject."""
    end = mentions_.dateline_end(doc.paragraph_index(doc.words[s].start))
    if doc.words[s].start >= end:
        return s
    after = [c for c in doc.children(s) if doc.words[c].start >= end and
             doc.words[c].upos == "PROPN"]
    return max(after) if after else s


def _fronted_adverbial(doc: Document, s: int) -> bool:
    """'Later, X said': a sentence-initial word set off by a comma is no subject."""
    sent = doc.sentence_of(s)
    return s == sent.first and s + 1 < sent.last and doc.words[s + 1].text == ","


@rule("passive_agent", needs_tree=True)
def passive_agent(ctx: Context, q: QuoteCandidate) -> Pick | None:
    """``it was said by X``, ``comments by X``: the agent of the cue."""
    doc = ctx.doc
    if q.cue is None:
        return None
    for c in doc.children(q.cue):
        rel = doc.words[c].deprel
        by = any(doc.words[k].text.lower() == "by" for k in doc.children_by(c, "case"))
        if (rel == "obl:agent" or (rel.split(":")[0] in ("obl", "nmod") and by)) and \
                c not in q.words:
            return Pick(c)
    return None


@rule("according_to")
def according_to(ctx: Context, q: QuoteCandidate) -> Pick | None:
    """The source an "according to" phrase names: the cue itself ("According to officials,
    the talks ..."), or a phrase under the cue of a direct or mixed quote ('"...," Sanders
    said, according to CNN': PolNeAR's Source is the reporter; for reported speech the cue's
    subject stays, "Politico reported, according to sources, ..."); likewise a trailing
    ", reported the Washington Examiner"."""
    doc = ctx.doc
    if q.cue is None:
        return None
    if q.kind != "indirect":
        reporter = _trailing_reporter(doc, q)
        if reporter is not None:
            return Pick(reporter.last - 1)
    if doc.words[q.cue].text.lower() != "according":
        source = _according_to_source(doc, q.cue) if q.kind != "indirect" and doc.parsed \
            else None
        if source is None or source in q.words:
            return None
        return Pick(source)
    if doc.parsed:
        h = doc.words[q.cue].head
        if h >= 0 and h != q.cue and h not in q.words:
            return Pick(h)
    # without a tree: the name after "according to" (and its article)
    k = q.cue + 2
    if k >= len(doc.words):
        return None
    if doc.words[k].text.lower() in lexicons.words("article") and k + 1 < len(doc.words):
        k += 1
    last = doc.sentence_of(k).last
    while k + 1 < last and doc.words[k].text[:1].isupper() and \
            doc.words[k + 1].text[:1].isupper() and not marks.is_marks(doc.words[k + 1].text):
        k += 1
    return Pick(k)


def speech_noun_owner(doc: Document, cues: Cues, q: QuoteCandidate) -> int | None:
    """The possessor of the nearest speech noun above the quote in the tree (``his claim that
    people would "learn nothing"``), or None. The search stops at a speech verb: its clause
    has a speaker of its own."""
    if not doc.parsed or q.first >= q.last:
        return None
    tops = doc.top_words(q.first, q.last)
    above = [a for a in doc.ancestors(tops[0]) if not q.first <= a < q.last] if tops else []
    for a in above[:4]:
        if doc.words[a].sent != doc.words[q.first].sent:
            break
        w = doc.words[a]
        if w.upos == "VERB" and cues.is_cue(a):
            return None
        if w.upos == "NOUN" and lemma_of(w) in lexicons.speech_nouns():
            owners = [c for c in doc.children_by(a, "nmod:poss") if c not in q.words]
            if owners:
                return owners[0]
            break
    return _owner_before(doc, cues, q)


def _owner_before(doc: Document, cues: Cues, q: QuoteCandidate) -> int | None:
    """Without the tree: ``X's claim that ... "quote"`` / ``his promise to "quote"`` a few
    words before the quote in its sentence, with no speech verb in between."""
    lo = max(doc.sentence_of(q.first).first, q.first - 12)
    for n in range(q.first - 1, lo, -1):
        w = doc.words[n]
        if cues.is_cue(n) and w.upos == "VERB":
            return None
        if w.upos != "NOUN" or lemma_of(w) not in lexicons.speech_nouns() or \
                doc.words[n + 1].text.lower() not in lexicons.words("speech_noun_opener"):
            continue
        before = n - 1
        while before > lo and doc.words[before].upos == "ADJ":
            before -= 1  # "Trump's repeated claim"
        b = doc.words[before]
        if b.text.lower() in lexicons.words("possessive_pronoun"):
            return before
        if b.text in ("'s", "’s", "'", "’") and before - 1 >= lo:
            return before - 1
        return None
    return None


@rule("speech_noun_owner", needs_tree=True)
def speech_noun_owner_rule(ctx: Context, q: QuoteCandidate) -> Pick | None:
    """The owner of a noun for something said speaks the quote the noun governs."""
    if q.kind == "indirect":
        return None
    owner = speech_noun_owner(ctx.doc, ctx.cues, q)
    return None if owner is None else Pick(owner)
