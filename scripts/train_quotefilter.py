#!/usr/bin/env python3
"""Train the quote filter (quoteattr/models/quotefilter.json) on PolNeAR train.

    python scripts/train_quotefilter.py --data ../shared/data [--limit 200]

1. Parse each training article with the bundled models (cached in build/parsed/, shared with
   scripts/train_ranker.py and scripts/evaluate_polnear.py).
2. Run the pipeline up to the speakers (quoteattr.extractor.attribute, default strategy, so
   train the ranker first) and take every candidate.
3. Label it 1 when it covers at least half of a gold quote of its side (direct or mixed for
   quoted stretches, indirect for reported speech), else 0; features from
   quoteattr.quotefilter.features.
4. Logistic regression (scripts/learning.py). Prints precision, recall and accuracy of
   keeping a candidate at the shipped threshold on train and dev.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from learning import parsed_docs, save_weights, serving_parts, train, training_arguments

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src" / "quoteattr" / "models" / "quotefilter.json"
#: features seen in fewer training candidates than this get no weight (the word-pair
#: features are many and mostly rare)
MIN_COUNT = 3


def examples(gold: object, doc: object, strategy: str, parts: object
             ) -> tuple[list[list[str]], list[int]]:
    """Features and labels of one article's candidates, from the serving path
    (quoteattr.extractor.attribute)."""
    from quoteattr import quotefilter
    from quoteattr.evaluation.metrics import overlap_share
    from quoteattr.extractor import attribute
    from quoteattr.resolvers import DEFAULT_RESOLVERS

    ctx = attribute(doc, DEFAULT_RESOLVERS, strategy, parts)  # type: ignore[arg-type]
    counts = quotefilter.paragraph_counts(ctx.doc, ctx.quotes)
    feats, labels = [], []
    for c, n in zip(ctx.quotes, counts, strict=True):
        # same matching as the metrics: half of a gold quote's characters (of its pieces)
        hit = any(overlap_share(g, c) >= 0.5 for g in gold.quotes  # type: ignore[attr-defined]
                  if (g.kind == "indirect") == (c.kind == "indirect"))
        feats.append(quotefilter.features(ctx.doc, ctx.cues, c, ctx.answers.get(c.id), n))
        labels.append(int(hit))
    return feats, labels


def scores(feats: list[list[str]], labels: list[int], weights: dict[str, float]
           ) -> dict[str, float]:
    import math

    from quoteattr import quotefilter

    def p(f: list[str]) -> float:
        z = max(-30.0, min(30.0, sum(weights.get(x, 0.0) for x in f)))
        return 1 / (1 + math.exp(-z))

    keep = [p(f) >= quotefilter.THRESHOLD for f in feats]
    tp = sum(1 for k, y in zip(keep, labels, strict=True) if k and y)
    return {"precision": round(tp / max(1, sum(keep)), 4),
            "recall": round(tp / max(1, sum(labels)), 4),
            "accuracy": round(sum(1 for k, y in zip(keep, labels, strict=True) if k == bool(y))
                              / max(1, len(labels)), 4),
            "candidates": len(labels), "positives": sum(labels)}


def collect(split_dir: Path, cache: Path, limit: int | None, strategy: str, parts: object
            ) -> tuple[list[list[str]], list[int]]:
    feats: list[list[str]] = []
    labels: list[int] = []
    for gold, doc in parsed_docs(split_dir, cache, limit):
        f, y = examples(gold, doc, strategy, parts)
        feats += f
        labels += y
    return feats, labels


def main() -> int:
    p = training_arguments(__doc__.split("\n\n")[0], OUT, l2=1e-3)
    args = p.parse_args()
    t = time.time()
    strategy, parts = serving_parts()
    train_x, train_y = collect(args.data / "polnear" / "train", args.cache / "train",
                               args.limit, strategy, parts)
    dev_x, dev_y = collect(args.data / "polnear" / "dev", args.cache / "dev", None, strategy,
                           parts)
    print(f"{len(train_y)} train candidates, {len(dev_y)} dev candidates "
          f"({time.time() - t:.0f} s)", file=sys.stderr)
    # no class weighting: the threshold is applied to calibrated probabilities
    weights = train(train_x, train_y, args.epochs, args.l2, args.seed, max_pos_weight=0,
                    min_count=MIN_COUNT)
    result = {"train": scores(train_x, train_y, weights), "dev": scores(dev_x, dev_y, weights),
              "features": len(weights)}
    from quoteattr import quotefilter

    save_weights(args.out, quotefilter.NAME, quotefilter.FEATURES, "quoteattr quote filter: "
                 "logistic regression weights over quotefilter.features(); "
                 "scripts/train_quotefilter.py", result, weights)
    return 0


if __name__ == "__main__":
    sys.exit(main())
