#!/usr/bin/env python3
"""Train the speaker ranker (quoteattr/models/ranker.json) on PolNeAR train.

    python scripts/train_ranker.py --data ../shared/data [--limit 200] [--epochs 30]

1. Parse each training article with the bundled models (cached as pickled document views in
   build/parsed/, so reruns are fast).
2. Run the pipeline as serving does (quoteattr.extractor.attribute, default strategy with
   the shipped weights; the rules alone when none of the current feature set are shipped),
   with an observer that records, for each quote, the candidates and features the arbiter
   gives the ranker; match each quote to a gold quote (overlap >= 50% of the gold span).
3. For every candidate mention of a matched quote: its features and a label (1 when the
   candidate's words overlap the gold Source); one more pseudo-candidate, "nobody",
   labelled 1 when the gold quote has no Source.
4. Logistic regression with L2, full-batch gradient descent with AdaGrad, seeded; weights
   below 1e-4 are dropped. Prints train and dev accuracy of choosing the top candidate.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import numpy as np

from learning import (
    overlap,
    parsed_docs,
    save_weights,
    serving_parts,
    train,
    train_listwise,
    training_arguments,
)

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src" / "quoteattr" / "models" / "ranker.json"
#: features seen for fewer training candidates than this get no weight (the words before
#: the candidates and the nouns' lemmas are many and mostly rare)
MIN_COUNT = 5


def examples(gold: object, doc: object, strategy: str, parts: object, nobody: bool = True
             ) -> list[tuple[list[list[str]], list[int]]]:
    """One group per matched quote: candidates' features and labels (with the ``nobody``
    pseudo-candidate, labelled 1 for a gold quote without a Source), exactly as the serving
    arbiter computes them (quoteattr.extractor.attribute with an observer)."""
    from quoteattr.extractor import attribute
    from quoteattr.resolvers import DEFAULT_RESOLVERS
    from quoteattr.resolvers.ranker import NOBODY

    groups: list[tuple[list[list[str]], list[int]]] = []

    def observe(ctx, c, rule, found) -> None:  # type: ignore[no-untyped-def]
        g = max(gold.quotes, key=lambda q: overlap(c.start, c.end, q.start, q.end),  # type: ignore[attr-defined]
                default=None)
        if g is None or overlap(c.start, c.end, g.start, g.end) * 2 < (g.end - g.start):
            return
        feats, labels = [], []
        for i, f in zip(found.heads, found.features, strict=True):
            if i == NOBODY:
                if not nobody:
                    continue
                lab = int(not g.source)  # right when the gold quote has no Source
            else:
                w = ctx.doc.words[i]
                lab = int(any(overlap(w.start, w.end, s.start, s.end) > 0 for s in g.source))
            feats.append(list(f))
            labels.append(lab)
        if any(labels):
            groups.append((feats, labels))

    attribute(doc, DEFAULT_RESOLVERS, strategy, parts, observe)  # type: ignore[arg-type]
    return groups


def top1(groups: list[tuple[list[list[str]], list[int]]], weights: dict[str, float]) -> float:
    ok = 0
    for feats, labels in groups:
        scores = [sum(weights.get(x, 0.0) for x in f) for f in feats]
        ok += labels[int(np.argmax(scores))]
    return ok / max(1, len(groups))


def main() -> int:
    p = training_arguments(__doc__.split("\n\n")[0], OUT, l2=1e-4)
    p.add_argument("--objective", choices=("listwise", "pointwise"), default="listwise",
                   help="softmax over each quote's candidates, or one logistic per candidate")
    p.add_argument("--no-nobody", dest="nobody", action="store_false",
                   help="leave out the 'nobody is the speaker' pseudo-candidate")
    args = p.parse_args()
    random.seed(args.seed)
    t = time.time()
    strategy, parts = serving_parts()
    train_groups: list = []
    for gold, doc in parsed_docs(args.data / "polnear" / "train", args.cache / "train",
                                 args.limit):
        train_groups.extend(examples(gold, doc, strategy, parts, args.nobody))
    dev_groups: list = []
    for gold, doc in parsed_docs(args.data / "polnear" / "dev", args.cache / "dev", None):
        dev_groups.extend(examples(gold, doc, strategy, parts, args.nobody))
    print(f"{len(train_groups)} train quotes, {len(dev_groups)} dev quotes "
          f"({time.time() - t:.0f} s to parse and extract)", file=sys.stderr)
    if args.objective == "listwise":
        weights = train_listwise(train_groups, args.epochs, args.l2, args.seed,
                                 min_count=MIN_COUNT)
    else:
        weights = train([f for feats, _ in train_groups for f in feats],
                        [y for _, labels in train_groups for y in labels],
                        args.epochs, args.l2, args.seed)
    result = {"train_top1": round(top1(train_groups, weights), 4),
              "dev_top1": round(top1(dev_groups, weights), 4),
              "train_quotes": len(train_groups), "dev_quotes": len(dev_groups),
              "features": len(weights)}
    from quoteattr.resolvers import ranker

    save_weights(args.out, ranker.NAME, ranker.FEATURES, "quoteattr speaker ranker: "
                 "listwise log-linear weights over ranker.features(); scripts/train_ranker.py",
                 result, weights)
    return 0


if __name__ == "__main__":
    sys.exit(main())
