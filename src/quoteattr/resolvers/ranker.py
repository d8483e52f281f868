"""The learned part: a log-linear ranker over (quote, candidate mention) pairs.

Candidates are the noun-phrase heads near the quote (its sentence, the sentences around it
and the previous paragraph): names, nouns and pronouns outside every quotation. Each pair gets
sparse binary features (distance, direction, syntactic relation to the cue and to the clauses
above the quote, NER type, pronoun, title words, paragraph structure, headline labels, the
word before the mention, a common noun's lemma, what the rules said); the weights are a
small JSON file in the package (``models/ranker.json``) trained by ``scripts/train_ranker.py``
on PolNeAR train with a listwise objective (a softmax over each quote's candidates). numpy is
not needed at run time: scoring is a sum of weights.

The extractor (``extractor.resolve``) asks the rules first and gives the ranker their answer
as a feature. Where the ranker's best candidate is the rule's, the rule's answer stands (and
names it); where no rule answered, the ranker's candidate is taken; where they disagree, the
ranker overrules the rule when its softmax probability is at least ``extractor.OVERRULE``.

For mixed and reported speech the softmax scores one more pseudo-candidate, :data:`NOBODY`:
PolNeAR leaves some of them without a Source (scare quotes in the passive, "what is being
called ..."), and a wrong name there is worse than none. When it wins, the quote keeps no
speaker.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence

from .. import cues, lexicons, linear, mentions
from ..nlp.document import Document
from .base import REPAIRED, Attribution, Candidate, Context

NAME = "ranker"
#: the ranker's answer that nobody in the text is the speaker ("in what is being criticized
#: as a "use it or lose it" approach"): a pseudo-candidate scored beside the mentions
NOBODY = -1
_HEAD_POS = {"NOUN", "PROPN", "PRON"}
_PRONOUN_OK = {"he", "she", "they", "i", "we", "it", "you"}


def quoted_ranges(cands: Sequence[Candidate]) -> list[tuple[int, int]]:
    """The word ranges of the direct and mixed candidates, sorted."""
    return sorted((c.first, c.last) for c in cands if c.kind != "indirect")


def candidates(doc: Document, q: Candidate,
               quoted: Sequence[tuple[int, int]] = ()) -> list[int]:
    """Head words of possible speaker mentions around quote q, outside q and outside the
    ``quoted`` word ranges (:func:`quoted_ranges` of the document's quotes: nobody speaks
    from inside a quotation)."""
    if not doc.words or q.first >= len(doc.words):
        return []
    s = doc.sentence_of(q.first).index
    e = doc.sentence_of(max(q.first, q.last - 1)).index
    lo_s = max(0, s - 2)
    hi_s = min(len(doc.sentences) - 1, e + 1)
    lo, hi = doc.sentences[lo_s].first, doc.sentences[hi_s].last
    # reported speech around its own attribution ("The museum, Obama said, would ..."):
    # the words between the commas around the cue may speak
    own_lo = own_hi = -1
    if q.kind == "indirect" and q.cue is not None and q.first <= q.cue < q.last:
        own_lo, own_hi = q.cue, q.cue + 1
        while own_lo > q.first and doc.words[own_lo - 1].text != ",":
            own_lo -= 1
        while own_hi < q.last and doc.words[own_hi].text != ",":
            own_hi += 1
    # the quoted ranges that reach into the window
    k = bisect.bisect_left(quoted, (lo, -1))
    while k > 0 and quoted[k - 1][1] > lo:
        k -= 1
    blocked: set[int] = set()
    while k < len(quoted) and quoted[k][0] < hi:
        blocked.update(range(max(lo, quoted[k][0]), min(hi, quoted[k][1])))
        k += 1
    out = []
    dateline: dict[int, int] = {}  # paragraph -> where its dateline ends
    for i in range(lo, hi):
        if (q.first <= i < q.last and not own_lo <= i < own_hi) or i in blocked:
            continue
        w = doc.words[i]
        para = doc.paragraph_index(w.start)
        if para not in dateline:
            dateline[para] = mentions.dateline_end(doc, para)
        if w.start < dateline[para]:
            continue  # the place in a dateline
        low = w.text.lower()
        if not any(ch.isalnum() for ch in low):
            continue
        # days, months, "today", connectives: never a speaker (pronouns stay)
        if (low in lexicons.non_names() and low not in _PRONOUN_OK) or \
                w.deprel.endswith("tmod"):
            continue
        if doc.parsed:
            if w.upos not in _HEAD_POS and not _mistagged_name(doc, i):
                continue
            if w.upos == "PRON" and w.text.lower() not in _PRONOUN_OK and \
                    not _relative_subject(doc, i):
                continue
            # heads only: skip words that attach inside their own noun phrase, except the
            # owner of something said ("Trump's claim that ...")
            inner = w.deprel in ("compound", "flat", "flat:name", "det", "amod", "nmod:poss") \
                and w.head >= 0 and doc.words[w.head].upos in _HEAD_POS
            if inner and not (w.deprel == "nmod:poss" and
                              cues.lemma_of(doc.words[w.head]) in lexicons.speech_nouns()):
                continue
            if q.cue is not None and q.cue < i and doc.words[q.cue].head == i and \
                    mentions.mention_bounds(doc, i)[0] == q.cue + 1:
                continue  # "Calls/NOUN men derogatory names": what the cue is said of
        else:
            if not (w.text[:1].isupper() or w.text.lower() in mentions.pronouns()):
                continue
        out.append(i)
    return out


def _mistagged_name(doc: Document, i: int) -> bool:
    """``PolitiFact/ADJ rated 32% of Republican claims as "false"``: a capitalised word that
    ends a person or organisation the tagger did not call a noun."""
    e = doc.entity_at(i)
    return e is not None and e.type in ("PERSON", "ORG") and e.last - 1 == i and \
        doc.words[i].text[:1].isupper()


def _relative_subject(doc: Document, i: int) -> bool:
    """``the Chicago Police Department which reported "2,521 shooting incidents"``: a
    relative pronoun that is the subject of a cue speaks for the noun its clause describes
    (the mention stays the pronoun, as annotators mark it; its name is the noun's)."""
    w = doc.words[i]
    return w.text.lower() in ("who", "which", "that") and w.deprel.startswith("nsubj") and \
        w.head >= 0 and cues.is_cue(doc, w.head)


def candidates_for(doc: Document, q: Candidate, quoted: Sequence[tuple[int, int]],
                   rule: Attribution | None) -> list[int]:
    """:func:`candidates`, plus the head of the rules' answer when the window or the tags left
    it out (a name the tagger called an adverb): the ranker can only agree with a candidate it
    scores, and must not overrule a rule for want of one."""
    heads = candidates(doc, q, quoted)
    if rule is not None:
        h = rule.head if rule.head is not None else rule.last - 1
        if 0 <= h < len(doc.words) and h not in heads:
            heads = sorted([*heads, h])
    return heads


def _governing_subject_level(doc: Document, q: Candidate, i: int) -> int:
    """1, 2 or 3 when word i is the subject of the first, second or third clause above the
    quote in the tree ("Trump called her “Miss Piggy”": Trump, 1); 0 otherwise."""
    w = doc.words[i]
    if not doc.parsed or not w.deprel.startswith("nsubj") or w.head < 0:
        return 0
    tops = doc.top_words(q.first, q.last)
    if not tops:
        return 0
    level = 0
    for a in doc.ancestors(tops[0]):
        if q.first <= a < q.last:
            continue
        if any(doc.words[c].deprel.startswith("nsubj") for c in doc.children(a)):
            level += 1
            if a == w.head:
                return level
            if level >= 3:
                break
    return 0


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
        if rule.confidence == REPAIRED:
            f.append(f"rule_repaired|{agree}")
    else:
        f.append("rule=none")
    if i in prev_speaker_heads:
        f.append("prev_speaker")
    if w.upos == "NOUN":
        # what kind of noun: "spokesman", "official" speak; "statement", "report" are quoted
        f.append(f"noun={(w.lemma or w.text).lower()}")
    # the word before the candidate's mention ("according to X", "by X", "told X")
    first = mentions.mention_bounds(doc, i)[0]
    if first > 0:
        before = doc.words[first - 1].text.lower()
        f.append(f"word_before={before if len(before) <= 12 else 'long'}")
    f.append(f"where={'after' if after else 'before'}|{same_sent}|{q.kind}")
    if doc.parsed and w.deprel.startswith("nsubj") and w.head >= 0 and cues.is_cue(doc, w.head):
        sent_delta = doc.words[q.first].sent - w.sent
        f.append(f"subject_of_cue|sent_delta={max(-2, min(2, sent_delta))}")
    level = _governing_subject_level(doc, q, i)
    if level:
        f.append(f"governing_subject={level}")
    # a headline or lead-in label: "Sanders: Clinton needs to '...'"
    para_start = doc.paragraphs[cp].start if cp < len(doc.paragraphs) else 0
    k = i + 1
    while k < len(doc.words) and k < q.first and doc.words[k].text[:1].isupper():
        k += 1
    if k < len(doc.words) and doc.words[k].text == ":" and cp == qp and \
            len(doc.words_in(para_start, w.start)) <= 3:
        f.append("label_colon")
    if ent is not None and ent.type == "PERSON" and not after and \
            not any(e.type == "PERSON" for e in doc.entities_in(ent.end,
                                                                 doc.words[q.first].start)):
        f.append("nearest_person_before")
    return f


def offers_nobody(q: Candidate) -> bool:
    """Whether :data:`NOBODY` is among q's candidates: for mixed and reported speech only. A
    whole quoted sentence has a speaker, named before or after it, or the quote filter drops
    it; the quotes PolNeAR leaves without a Source are fragments and reported clauses."""
    return q.kind != "direct"


def nobody_features(doc: Document, q: Candidate, rule: Attribution | None) -> list[str]:
    """Sparse features of the :data:`NOBODY` pseudo-candidate for quote q (all prefixed
    ``nobody|``, so they never mix with a mention's)."""
    f = ["nobody|bias", f"nobody|kind={q.kind}"]
    f.append(f"nobody|rule={rule.resolver if rule is not None else 'none'}")
    if q.cue is None:
        f.append("nobody|no_cue")
    else:
        cue = doc.words[q.cue]
        f.append(f"nobody|cue={cues.lemma_of(cue)}")
        kids = {doc.words[c].deprel for c in doc.children(q.cue)}
        if any(k.startswith("nsubj:pass") or k == "aux:pass" for k in kids):
            f.append(f"nobody|passive|agent={'obl:agent' in kids}")
        if not any(k.startswith("nsubj") for k in kids):
            f.append("nobody|cue_without_subject")
        f.append(f"nobody|cue_form={cue.xpos or 'NA'}")
    n = len(doc.text[q.start:q.end].split())
    f.append(f"nobody|n={_bucket(n)}")
    return f


def _weights() -> dict[str, float]:
    return linear.load("ranker")


score = linear.probability


def best(ctx: Context, q: Candidate, rule: Attribution | None,
         weights: dict[str, float] | None = None) -> tuple[int, float] | None:
    """The best candidate head and its probability, or None without weights/candidates. The
    head is :data:`NOBODY` when the ranker finds that no mention is the speaker."""
    weights = _weights() if weights is None else weights
    if not weights:
        return None
    prev_heads = ctx.speaker_heads()
    heads = candidates_for(ctx.doc, q, ctx.quoted_ranges(), rule)
    if not heads:
        return None
    z = [linear.margin(features(ctx.doc, q, i, rule, prev_heads), weights) for i in heads]
    if offers_nobody(q) and any(k.startswith("nobody|") for k in weights):
        heads = [*heads, NOBODY]
        z.append(linear.margin(nobody_features(ctx.doc, q, rule), weights))
    # the weights are trained listwise: a softmax over the quote's candidates
    top = max(z)
    exp = [math.exp(v - top) for v in z]
    k = max(range(len(heads)), key=lambda j: z[j])
    return heads[k], exp[k] / sum(exp)


def attribution(ctx: Context, head: int, p: float) -> Attribution:
    first, last = mentions.mention_bounds(ctx.doc, head)
    return Attribution(first, last, NAME, round(p, 4), head, mentions.full_bounds(ctx.doc, head))
