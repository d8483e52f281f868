"""The learned part: a log-linear ranker over (quote, candidate mention) pairs.

Candidates are the noun-phrase heads near the quote (its sentence, the sentences around it
and the previous paragraph): names, nouns and pronouns outside every quotation. Each pair gets
sparse binary features (distance, direction, syntactic relation to the cue and to the clauses
above the quote, NER type, pronoun, title words, paragraph structure, headline labels, the
word before the mention, a common noun's lemma, what the rules said); the weights are a
small JSON file in the package (``models/ranker.json``) trained by ``scripts/train_ranker.py``
on PolNeAR train with a listwise objective (a softmax over each quote's candidates). numpy is
not needed at run time: scoring is a sum of weights.

The candidates are the mention pass's (:meth:`quoteattr.mentions.Mentions.candidates`), plus
the head of the rules' answer when the window or the tags left it out. The arbiter
(:mod:`quoteattr.resolvers.arbiter`) asks the rules first and gives the ranker their answer
as a feature; it decides between them. The feature set is versioned (:data:`FEATURES`): the
weights file names the version it was trained on, and a mismatch is an error.

For mixed and reported speech the softmax scores one more pseudo-candidate, :data:`NOBODY`:
PolNeAR leaves some of them without a Source (scare quotes in the passive, "what is being
called ..."), and a wrong name there is worse than none. When it wins, the quote keeps no
speaker.
"""

from __future__ import annotations

import math

import attrs

from .. import linear
from ..cues import lemma_of
from ..linear import Weights
from ..mentions import pronouns
from ..values import Choice, MentionId, QuoteCandidate
from .base import Context

NAME = "ranker"
#: the version of the features :func:`features` and :func:`nobody_features` compute; the
#: weights file must have been trained on the same
FEATURES = "ranker/2"
#: the ranker's answer that nobody in the text is the speaker ("in what is being criticized
#: as a "use it or lose it" approach"): a pseudo-candidate scored beside the mentions
NOBODY = -1


@attrs.frozen
class Candidates:
    """One quote's candidate heads (:data:`NOBODY` among them for mixed and reported speech)
    and the features of each, as the ranker scores them and the training script reads them."""

    heads: tuple[int, ...]
    features: tuple[tuple[str, ...], ...]


@attrs.frozen
class Ranking:
    """The ranker's softmax over one quote's candidates."""

    heads: tuple[int, ...]
    probabilities: tuple[float, ...]

    def best(self) -> tuple[int, float]:
        k = max(range(len(self.heads)), key=lambda j: self.probabilities[j])
        return self.heads[k], self.probabilities[k]

    def probability_of(self, head: int) -> float:
        """The probability of candidate ``head`` (0 when it is no candidate)."""
        for h, p in zip(self.heads, self.probabilities, strict=True):
            if h == head:
                return p
        return 0.0


def candidates(ctx: Context, q: QuoteCandidate, rule: Choice | None,
               with_nobody: bool = True) -> Candidates:
    """The candidates of quote q and their features; the head of the rules' answer is among
    them even when the window or the tags left it out (a name the tagger called an adverb):
    the ranker can only agree with a candidate it scores, and must not overrule a rule for
    want of one."""
    heads = ctx.mentions.candidates(q, ctx.quoted)
    if rule is not None:
        h = int(rule.mention)
        if 0 <= h < len(ctx.doc.words) and h not in heads:
            heads = sorted([*heads, h])
    feats = [tuple(features(ctx, q, i, rule)) for i in heads]
    if with_nobody and heads and offers_nobody(q):
        heads = [*heads, NOBODY]
        feats.append(tuple(nobody_features(ctx, q, rule)))
    return Candidates(tuple(heads), tuple(feats))


def _governing_subject_level(ctx: Context, q: QuoteCandidate, i: int) -> int:
    """1, 2 or 3 when word i is the subject of the first, second or third clause above the
    quote in the tree ("Trump called her “Miss Piggy”": Trump, 1); 0 otherwise."""
    doc = ctx.doc
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


def features(ctx: Context, q: QuoteCandidate, i: int, rule: Choice | None) -> list[str]:
    """Sparse binary features of candidate head i for quote q."""
    doc, cues = ctx.doc, ctx.cues
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
    if low in pronouns():
        f.append(f"pron={low}")
    f.append(f"cap={w.text[:1].isupper()}")
    if q.cue is not None:
        f.append("has_cue")
        if w.head == q.cue:
            f.append(f"cue_child={w.deprel}")
        if i < q.cue:
            f.append("before_cue")
        f.append(f"cue_dist={_bucket(abs(i - q.cue))}")
        f.append(f"cue_lemma={lemma_of(doc.words[q.cue])}|{w.deprel.split(':')[0]}")
    else:
        f.append("no_cue")
    if w.head >= 0 and cues.is_cue(w.head):
        f.append(f"child_of_any_cue={w.deprel.split(':')[0]}")
    if i + 1 < len(doc.words) and cues.is_cue(i + 1):
        f.append("next_is_cue")
    if i > 0 and cues.is_cue(i - 1):
        f.append("prev_is_cue")
    if rule is not None:
        agree = agrees(ctx, rule, i)
        f.append(f"rule={rule.resolver}|{agree}")
        if rule.repaired:
            f.append(f"rule_repaired|{agree}")
    else:
        f.append("rule=none")
    if ctx.answers.is_speaker(i):
        f.append("prev_speaker")
    if w.upos == "NOUN":
        # what kind of noun: "spokesman", "official" speak; "statement", "report" are quoted
        f.append(f"noun={(w.lemma or w.text).lower()}")
    # the word before the candidate's mention ("according to X", "by X", "told X")
    first = ctx.mentions.words(i).first
    if first > 0:
        before = doc.words[first - 1].text.lower()
        f.append(f"word_before={before if len(before) <= 12 else 'long'}")
    f.append(f"where={'after' if after else 'before'}|{same_sent}|{q.kind}")
    if doc.parsed and w.deprel.startswith("nsubj") and w.head >= 0 and cues.is_cue(w.head):
        sent_delta = doc.words[q.first].sent - w.sent
        f.append(f"subject_of_cue|sent_delta={max(-2, min(2, sent_delta))}")
    level = _governing_subject_level(ctx, q, i)
    if level:
        f.append(f"governing_subject={level}")
    # a headline or lead-in label: "Sanders: Clinton needs to '...'"
    k = i + 1
    while k < len(doc.words) and k < q.first and doc.words[k].text[:1].isupper():
        k += 1
    if k < len(doc.words) and doc.words[k].text == ":" and cp == qp and \
            i - doc.paragraph_words(cp)[0] <= 3:
        f.append("label_colon")
    if ent is not None and ent.type == "PERSON" and not after and \
            not any(e.type == "PERSON" for e in doc.entities_in(ent.end,
                                                                 doc.words[q.first].start)):
        f.append("nearest_person_before")
    return f


def offers_nobody(q: QuoteCandidate) -> bool:
    """Whether :data:`NOBODY` is among q's candidates: for mixed and reported speech only. A
    whole quoted sentence has a speaker, named before or after it, or the quote filter drops
    it; the quotes PolNeAR leaves without a Source are fragments and reported clauses."""
    return q.kind != "direct"


def nobody_features(ctx: Context, q: QuoteCandidate, rule: Choice | None) -> list[str]:
    """Sparse features of the :data:`NOBODY` pseudo-candidate for quote q (all prefixed
    ``nobody|``, so they never mix with a mention's)."""
    doc = ctx.doc
    f = ["nobody|bias", f"nobody|kind={q.kind}"]
    f.append(f"nobody|rule={rule.resolver if rule is not None else 'none'}")
    if q.cue is None:
        f.append("nobody|no_cue")
    else:
        cue = doc.words[q.cue]
        f.append(f"nobody|cue={lemma_of(cue)}")
        kids = {doc.words[c].deprel for c in doc.children(q.cue)}
        if any(k.startswith("nsubj:pass") or k == "aux:pass" for k in kids):
            f.append(f"nobody|passive|agent={'obl:agent' in kids}")
        if not any(k.startswith("nsubj") for k in kids):
            f.append("nobody|cue_without_subject")
        f.append(f"nobody|cue_form={cue.xpos or 'NA'}")
    n = len(doc.text[q.start:q.end].split())
    f.append(f"nobody|n={_bucket(n)}")
    return f


def agrees(ctx: Context, rule: Choice, head: int) -> bool:
    """Whether candidate ``head`` is the rules' answer (its head, or a word of its mention)."""
    return head == int(rule.mention) or head in ctx.mentions.words(rule.mention)


@attrs.frozen
class Ranker:
    """The learned resolver: scores each candidate of a quote with :data:`weights` (trained
    listwise, a softmax over the quote's candidates). Alone, it answers with its best
    candidate; the arbiter also gives it the rules' answer (:meth:`rank`)."""

    weights: Weights
    name: str = NAME
    needs_tree: bool = False
    #: whether the weights score the NOBODY pseudo-candidate
    nobody: bool = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "nobody", self.weights.has_prefix("nobody|"))

    def rank(self, ctx: Context, q: QuoteCandidate, rule: Choice | None,
             found: Candidates | None = None) -> Ranking | None:
        """The softmax over q's candidates (given the rules' answer), or None without any."""
        found = found if found is not None else candidates(ctx, q, rule, self.nobody)
        if not found.heads or found.heads == (NOBODY,):
            return None
        z = [self.weights.margin(f) for f in found.features]
        top = max(z)
        exp = [math.exp(v - top) for v in z]
        total = sum(exp)
        return Ranking(found.heads, tuple(e / total for e in exp))

    def __call__(self, ctx: Context, q: QuoteCandidate) -> Choice | None:
        ranking = self.rank(ctx, q, None)
        if ranking is None:
            return None
        head, p = ranking.best()
        return None if head == NOBODY else answer(head, p)


def answer(head: int, p: float) -> Choice:
    """The ranker's choice of the mention headed by ``head``, with its probability."""
    return Choice(MentionId(head), NAME, probability=round(p, 4))


def load(path: str | None = None) -> Ranker:
    """The ranker with the bundled weights (or those at ``path``); raises ModelError when they
    are missing or were trained on another feature set."""
    return Ranker(linear.load(NAME, FEATURES, path))

