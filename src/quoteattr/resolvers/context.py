"""Resolvers for quotes with no speaker words of their own: they read the passage around.

* ``continuation``: a quote paragraph right after another quote of the same passage goes on
  with that quote's speaker (journalists' convention for a long statement);
* ``narrative_subject``: a quote standing alone after a narrative sentence about a person
  ("Smith shook his head. 'Never,' ...") belongs to that sentence's subject.
"""

from __future__ import annotations

from .. import cues, mentions
from .base import Attribution, Candidate, Context, resolver


@resolver("continuation")
def continuation(ctx: Context, q: Candidate) -> Attribution | None:
    doc = ctx.doc
    if q.kind != "direct" or q.mark is None:
        return None
    para = doc.paragraph_index(q.start)
    opens_paragraph = doc.paragraphs[para].start == q.mark.open_start
    for k, prev, att in ctx.previous():
        if prev.kind == "indirect":
            continue
        p_para = doc.paragraph_index(prev.start)
        if att is None or p_para < para - 1 or (p_para == para - 1 and not opens_paragraph):
            return None
        # between the two quotes: only the earlier quote's attribution ("..." said X. "..."),
        # however long its description of X ("said X, the architect of ..., in 2012.")
        attributing = {doc.words[j].sent for j in (att.head, prev.cue) if j is not None}
        between = [i for i in doc.words_in(prev.end, q.start) if not prev.first <= i < prev.last
                   and not (doc.words[i].sent in attributing and
                            doc.words[i].sent != doc.words[q.first].sent)]
        narrative = [i for i in between if doc.words[i].text.isalnum()]
        if len(narrative) <= (6 if p_para == para - 1 else 8) and \
                all(att.first <= i < att.last or not doc.words[i].text[:1].isupper()
                    or cues.is_cue(doc, i) for i in narrative[:1]):
            return Attribution(att.first, att.last, "continuation", 0.6, att.head, att.full,
                               antecedent_of=k)
        return None
    return None


@resolver("narrative_subject")
def narrative_subject(ctx: Context, q: Candidate) -> Attribution | None:
    doc = ctx.doc
    if not doc.parsed or q.first == 0 or q.kind == "indirect":
        return None
    sent = doc.sentence_of(q.first)
    prev_sent = doc.sentences[sent.index - 1] if sent.index > 0 else None
    if prev_sent is None or doc.paragraph_index(prev_sent.start) < \
            doc.paragraph_index(q.start) - 1:
        return None
    # the subject of the previous sentence's root, when it is a person
    roots = [i for i in range(prev_sent.first, prev_sent.last) if doc.words[i].head < 0]
    for r in roots:
        for s in doc.children_by(r, "nsubj"):
            first, last = mentions.mention_bounds(doc, s)
            if mentions.speaker_type(doc, first, last) == "PERSON":
                return Attribution(first, last, "narrative_subject", 0.5, s,
                                   mentions.full_bounds(doc, s))
    return None
