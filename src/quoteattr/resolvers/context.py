"""Resolvers for quotes with no speaker words of their own: they read the passage around.

* ``continuation``: a quote paragraph right after another quote of the same passage goes on
  with that quote's speaker (journalists' convention for a long statement);
* ``narrative_subject``: a quote standing alone after a narrative sentence about a person
  ("Smith shook his head. 'Never,' ...") belongs to that sentence's subject.
"""

from __future__ import annotations

from ..values import QuoteCandidate
from .base import Context, Pick, rule


@rule("continuation")
def continuation(ctx: Context, q: QuoteCandidate) -> Pick | None:
    doc = ctx.doc
    if q.kind != "direct" or q.mark is None:
        return None
    para = doc.paragraph_index(q.start)
    opens_paragraph = doc.paragraphs[para].start == q.mark.open_start
    for prev, answer in ctx.previous(q):
        if prev.kind == "indirect":
            continue
        p_para = doc.paragraph_index(prev.start)
        if answer is None or p_para < para - 1 or (p_para == para - 1 and not opens_paragraph):
            return None
        # between the two quotes: only the earlier quote's attribution ("..." said X. "..."),
        # however long its description of X ("said X, the architect of ..., in 2012.")
        speaker = ctx.mentions.words(answer.mention)
        attributing = {doc.words[j].sent for j in (int(answer.mention), prev.cue)
                       if j is not None}
        between = [i for i in doc.words_in(prev.end, q.start) if i not in prev.words
                   and not (doc.words[i].sent in attributing and
                            doc.words[i].sent != doc.words[q.first].sent)]
        narrative = [i for i in between if doc.words[i].text.isalnum()]
        if len(narrative) <= (6 if p_para == para - 1 else 8) and \
                all(i in speaker or not doc.words[i].text[:1].isupper()
                    or ctx.cues.is_cue(i) for i in narrative[:1]):
            return Pick(int(answer.mention), continues=prev.id)
        return None
    return None


@rule("narrative_subject", needs_tree=True)
def narrative_subject(ctx: Context, q: QuoteCandidate) -> Pick | None:
    doc = ctx.doc
    if q.first == 0 or q.kind == "indirect":
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
            if ctx.mentions.get(s).type == "PERSON":
                return Pick(s)
    return None

