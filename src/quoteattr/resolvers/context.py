"""Resolvers for quotes with no speaker words of their own: they read the passage around.

* ``continuation``: a quote paragraph right after another quote of the same passage goes on
  with that quote's speaker (journalists' convention for a long statement);
* ``narrative_subject``: a quote standing alone after a narrative sentence about a person
  ("Smith shook his head. 'Never,' ...") belongs to that sentence's subject.
"""

from __future__ import annotations

from .. import mentions
from .base import Attribution, Candidate, Context, resolver


@resolver("continuation")
def continuation(ctx: Context, q: Candidate) -> Attribution | None:
    doc = ctx.doc
    para = doc.paragraph_index(q.start)
    if q.mark is None or doc.paragraphs[para].start != q.mark.open_start:
        return None  # only a quote that opens its paragraph continues an earlier one
    for k, prev, att in ctx.previous():
        if prev.kind == "indirect":
            continue
        p_para = doc.paragraph_index(prev.start)
        if p_para < para - 1 or att is None:
            return None
        # nothing but the quote between the two
        between = [w for w in doc.words_in(prev.end, q.start)
                   if w not in range(prev.first, prev.last)]
        narrative = [i for i in between if doc.words[i].upos not in ("PUNCT", "")
                     and doc.words[i].text not in "\"“”'‘’"]
        if p_para == para - 1 and len(narrative) <= 6:
            return Attribution(att.first, att.last, "continuation", 0.6, att.head, att.full,
                               antecedent_of=k)
        return None
    return None


@resolver("narrative_subject")
def narrative_subject(ctx: Context, q: Candidate) -> Attribution | None:
    doc = ctx.doc
    if not doc.parsed or q.first == 0:
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
