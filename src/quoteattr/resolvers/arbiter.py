"""The arbiter: the one place that decides each quote's speaker, by the strategy.

For each quote, in text order, the rules are asked in their order and the first answer is the
rules' answer (a rule that needs the tree steps aside in fast mode). Then the strategy decides:

* ``"rules"``: the rules' answer;
* ``"ranker"``: the learned ranker's best candidate, without the rules;
* ``"rules+ranker"`` (default): the rules' answer is a feature of the ranker. A firm answer
  (read from layout: "— Name", "NAME:") stands; where the ranker's best candidate is the
  rules' mention, the rule stands and names itself; where no rule answered, the ranker's
  candidate is taken; where they disagree, the ranker overrules the rule when it is at least
  :data:`OVERRULE` sure. For mixed and reported speech the ranker may answer that nobody in
  the text said it (:data:`~quoteattr.resolvers.ranker.NOBODY`); then the quote keeps no
  speaker, unless a rule answered and the ranker is less than :data:`OVERRULE` sure.

Each answer is recorded before the next quote is decided, so rules and ranker features can
read the speakers of earlier quotes (``continuation``, ``prev_speaker``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from ..errors import OptionError
from ..values import Choice, QuoteCandidate
from .base import Context, Resolver
from .ranker import NOBODY, Candidates, Ranker, agrees, answer, candidates

__all__ = ["OVERRULE", "STRATEGIES", "Observer", "attribute", "decide"]

#: how sure the ranker must be (softmax over the quote's candidates) to overrule a rule
OVERRULE = 0.5
STRATEGIES = ("rules+ranker", "rules", "ranker")

#: called for each quote with the rules' answer and the ranker's candidates with their
#: features, as the arbiter sees them (the training script records them)
Observer = Callable[[Context, QuoteCandidate, Choice | None, Candidates], None]


def attribute(ctx: Context, rules: Sequence[Resolver], strategy: str,
              ranker: Ranker | None, observe: Observer | None = None) -> Context:
    """Decide the speaker of every quote of ``ctx`` in text order; returns the context, whose
    ``answers`` now hold every decision (quotes without a speaker have none)."""
    if strategy not in STRATEGIES:
        raise OptionError(f"strategy must be one of {STRATEGIES}, got {strategy!r}")
    if strategy != "rules" and ranker is None:
        raise OptionError(f"strategy {strategy!r} needs the ranker's weights")
    for q in ctx.quotes:
        choice = decide(ctx, q, rules, strategy, ranker, observe)
        if choice is not None:
            ctx.answers._add(q.id, choice)
    return ctx


def first_rule(ctx: Context, q: QuoteCandidate, rules: Sequence[Resolver]) -> Choice | None:
    """The first answer of the rules, in their order (rules that need a tree step aside when
    the document has none)."""
    for r in rules:
        if r.needs_tree and not ctx.doc.parsed:
            continue
        c = r(ctx, q)
        if c is not None and len(ctx.mentions.words(c.mention)) > 0:
            return c
    return None


def decide(ctx: Context, q: QuoteCandidate, rules: Sequence[Resolver], strategy: str,
           ranker: Ranker | None, observe: Observer | None = None) -> Choice | None:
    """The speaker of quote q by ``strategy`` (see the module docstring)."""
    rule = first_rule(ctx, q, rules)
    found = None
    if observe is not None or strategy == "rules+ranker":
        found = candidates(ctx, q, rule, ranker.nobody if ranker is not None else True)
        if observe is not None:
            observe(ctx, q, rule, found)
    if strategy == "rules" or ranker is None:
        return rule
    if strategy == "rules+ranker" and rule is not None and rule.firm:
        return rule  # speakers read from layout: nothing to weigh
    ranking = ranker.rank(ctx, q, rule, found) if strategy == "rules+ranker" else \
        ranker.rank(ctx, q, None)
    if ranking is None:
        return rule
    head, p = ranking.best()
    if head == NOBODY:
        # nobody in the text said it: no speaker, unless a rule answered and the ranker is
        # not sure enough to overrule it
        keep = rule is not None and strategy == "rules+ranker" and p < OVERRULE
        return _with_probability(rule, ranking.probability_of(int(rule.mention))) \
            if keep and rule is not None else None
    if strategy == "ranker" or rule is None:
        return answer(head, p)
    if agrees(ctx, rule, head):
        return _with_probability(rule, p)  # the ranker agrees: the rule's answer, its name
    if p >= OVERRULE:
        return answer(head, p)
    return _with_probability(rule, ranking.probability_of(int(rule.mention)))


def _with_probability(choice: Choice, p: float) -> Choice:
    """The rule's choice with the ranker's probability for it."""
    return attrs.evolve(choice, probability=round(p, 4))
