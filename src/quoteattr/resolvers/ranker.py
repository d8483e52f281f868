"""The learned part: a log-linear ranker over (quote, candidate mention) pairs.

Candidates are the noun-phrase heads near the quote (its sentence, the sentences around it
and the previous paragraph): names, nouns and pronouns outside the quote. Each pair gets
sparse binary features (distance, direction, syntactic relation to the cue, NER type,
pronoun, title words, paragraph structure, what the rules said); the weights are a small
JSON file in the package (``models/ranker.json``) trained by ``scripts/train_ranker.py`` on
PolNeAR train. numpy is not needed at run time: scoring is a sum of weights.

The extractor asks the ranker only where the rules are unsure: no rule answered, or the rule
that answered is a context rule (``continuation``, ``narrative_subject``) with lower
confidence than the ranker's best candidate.
"""

from __future__ import annotations

from .. import cues, linear, mentions
from ..nlp.document import Document
from .base import Attribution, Candidate, Context

NAME = "ranker"
_HEAD_POS = {"NOUN", "PROPN", "PRON"}
_PRONOUN_OK = {"he", "she", "they", "i", "we", "it", "you"}


def candidates(doc: Document, q: Candidate) -> list[int]:
    """Head words of possible speaker mentions around quote q."""
    if not doc.words or q.first >= len(doc.words):
        return []
    s = doc.sentence_of(q.first).index
    e = doc.sentence_of(max(q.first, q.last - 1)).index
    lo_s = max(0, s - 2)
    hi_s = min(len(doc.sentences) - 1, e + 1)
    lo, hi = doc.sentences[lo_s].first, doc.sentences[hi_s].last
    out = []
    for i in range(lo, hi):
        if q.first <= i < q.last:
            continue
        w = doc.words[i]
        if doc.parsed:
            if w.upos not in _HEAD_POS:
                continue
            if w.upos == "PRON" and w.text.lower() not in _PRONOUN_OK:
                continue
            # heads only: skip words that attach inside their own noun phrase
            if w.deprel in ("compound", "flat", "flat:name", "det", "amod", "nmod:poss") and \
                    doc.words[w.head].upos in _HEAD_POS if w.head >= 0 else False:
                continue
        else:
            if not (w.text[:1].isupper() or w.text.lower() in mentions.pronouns()):
                continue
        out.append(i)
    return out


def _bucket(n: int) -> str:
    for b in (0, 1, 2, 3, 5, 8, 12, 20, 40):
        if n <= b:
            return str(b)
    return "far"


def features(doc: Document, q: Candidate, i: int, rule: Attribution | None,
             prev_speaker_heads: set[int]) -> list[str]:
    """Sparse binary features of candidate head i for quote q."""
    w = doc.words[i]
    f = ["bias"]
    after = i >= q.last
    dist = (i - q.last) if after else (q.first - i)
    f.append(f"dist={_bucket(dist)}")
    f.append(f"dir={'after' if after else 'before'}")
    f.append(f"kind={q.kind}")
    same_sent = doc.words[i].sent in (doc.words[q.first].sent, doc.words[q.last - 1].sent)
    f.append(f"same_sent={same_sent}")
    qp = doc.paragraph_index(doc.words[q.first].start)
    cp = doc.paragraph_index(w.start)
    f.append(f"para_delta={max(-2, min(2, cp - qp))}")
    f.append(f"upos={w.upos or 'NA'}")
    f.append(f"deprel={w.deprel.split(':')[0] or 'NA'}")
    ent = doc.entity_at(i)
    f.append(f"ner={ent.type if ent else 'O'}")
    low = w.text.lower()
    if low in mentions.pronouns():
        f.append(f"pron={low}")
    f.append(f"cap={w.text[:1].isupper()}")
    if q.cue is not None:
        f.append("has_cue")
        if w.head == q.cue:
            f.append(f"cue_child={w.deprel}")
        if i < q.cue:
            f.append("before_cue")
        f.append(f"cue_dist={_bucket(abs(i - q.cue))}")
        f.append(f"cue_lemma={cues.lemma_of(doc.words[q.cue])}|{w.deprel.split(':')[0]}")
    else:
        f.append("no_cue")
    if w.head >= 0 and cues.is_cue(doc, w.head):
        f.append(f"child_of_any_cue={w.deprel.split(':')[0]}")
    if i + 1 < len(doc.words) and cues.is_cue(doc, i + 1):
        f.append("next_is_cue")
    if i > 0 and cues.is_cue(doc, i - 1):
        f.append("prev_is_cue")
    if rule is not None:
        head = rule.head if rule.head is not None else rule.last - 1
        agree = rule.first <= i < rule.last or i == head
        f.append(f"rule={rule.resolver}|{agree}")
    else:
        f.append("rule=none")
    if i in prev_speaker_heads:
        f.append("prev_speaker")
    return f


def _weights() -> dict[str, float]:
    return linear.load("ranker")


score = linear.probability


def best(ctx: Context, q: Candidate, rule: Attribution | None,
         weights: dict[str, float] | None = None) -> tuple[int, float] | None:
    """The best candidate head and its probability, or None without weights/candidates."""
    weights = _weights() if weights is None else weights
    if not weights:
        return None
    prev_heads = {a.head for a in ctx.done.values() if a.head is not None}
    scored = [(score(features(ctx.doc, q, i, rule, prev_heads), weights), i)
              for i in candidates(ctx.doc, q)]
    if not scored:
        return None
    p, i = max(scored)
    return i, p


def attribution(ctx: Context, head: int, p: float) -> Attribution:
    first, last = mentions.mention_bounds(ctx.doc, head)
    return Attribution(first, last, NAME, round(p, 4), head, mentions.full_bounds(ctx.doc, head))
