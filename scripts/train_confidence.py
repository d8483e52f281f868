#!/usr/bin/env python3
"""Train the confidence calibration (quoteattr/models/confidence.json) on PolNeAR train.

    python scripts/train_confidence.py --data ../shared/data [--limit 200]

1. Parse each training article with the bundled models (cached in build/parsed/, shared with
   the other training scripts).
2. Run the whole pipeline as serving does (quoteattr.extractor: the arbiter, the quote
   filter, coreference), so train the ranker and the quote filter first.
3. For every quote with a speaker that matches a gold quote (the metrics' overlap match):
   the features of quoteattr.confidence.features and a label, 1 when the metrics count the
   speaker right (quoteattr.evaluation.metrics.speaker_correct).
4. Logistic regression without class weights (the probabilities must stay calibrated).
   Prints the reliability table (confidence bins against the share of right speakers) on
   train and dev; docs/evaluation.md shows dev's.
"""

from __future__ import annotations

import itertools
import sys
import time
from pathlib import Path

from learning import parsed_docs, save_weights, serving_parts, train, training_arguments

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src" / "quoteattr" / "models" / "confidence.json"
#: the bins of the reliability table
BINS = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001)


def examples(gold: object, doc: object, parts: object) -> tuple[list[list[str]], list[int]]:
    """Features and labels of one article's matched quotes with a speaker."""
    from quoteattr import confidence
    from quoteattr.evaluation.metrics import match_quotes
    from quoteattr.extractor import attribute, speakers
    from quoteattr.naming import build_result
    from quoteattr.resolvers import DEFAULT_RESOLVERS

    ctx = attribute(doc, DEFAULT_RESOLVERS, "rules+ranker", parts)  # type: ignore[arg-type]
    kept, referents, conf = speakers(ctx, parts)  # type: ignore[arg-type]
    answers = ctx.answers.as_mapping()
    result = build_result(ctx.doc, ctx.cues, ctx.mentions, kept, answers, referents, conf)
    by_span: dict[tuple[int, int], list[str]] = {}
    for q in kept:
        choice, ref = answers.get(q.id), referents.get(q.id)
        if choice is None or ref is None:
            continue
        f = confidence.features(q, choice, ref, ctx.mentions)
        for piece in q.pieces or (q.chars,):
            by_span[(piece.start, piece.end)] = f
    match = match_quotes(gold.quotes, result)  # type: ignore[attr-defined]
    feats, labels = [], []
    for pair in match.overlap:
        pred = match.predicted[pair.pred]
        f = by_span.get((pred.start, pred.end))
        if pred.speaker is None or f is None:
            continue
        feats.append(f)
        labels.append(int(pair.speaker_ok))
    return feats, labels


def collect(split_dir: Path, cache: Path, limit: int | None, parts: object
            ) -> tuple[list[list[str]], list[int]]:
    feats: list[list[str]] = []
    labels: list[int] = []
    for gold, doc in parsed_docs(split_dir, cache, limit):
        f, y = examples(gold, doc, parts)
        feats += f
        labels += y
    return feats, labels


def reliability(feats: list[list[str]], labels: list[int], weights: dict[str, float]
                ) -> list[dict[str, float]]:
    """Per confidence bin: how many speakers, their mean confidence, the share right."""
    import math

    probs = [1 / (1 + math.exp(-max(-30.0, min(30.0, sum(weights.get(x, 0.0) for x in f)))))
             for f in feats]
    rows = []
    for lo, hi in itertools.pairwise(BINS):
        idx = [k for k, p in enumerate(probs) if lo <= p < hi]
        if idx:
            rows.append({"bin": f"{lo:.2f}-{min(hi, 1.0):.2f}", "quotes": len(idx),
                         "mean_confidence": round(sum(probs[k] for k in idx) / len(idx), 3),
                         "right": round(sum(labels[k] for k in idx) / len(idx), 3)})
    return rows


def main() -> int:
    p = training_arguments(__doc__.split("\n\n")[0], OUT, l2=1e-3)
    args = p.parse_args()
    t = time.time()
    strategy, parts = serving_parts()
    if strategy != "rules+ranker":
        print("train the ranker and the quote filter first", file=sys.stderr)
        return 1
    train_x, train_y = collect(args.data / "polnear" / "train", args.cache / "train",
                               args.limit, parts)
    dev_x, dev_y = collect(args.data / "polnear" / "dev", args.cache / "dev", None, parts)
    print(f"{len(train_y)} train speakers, {len(dev_y)} dev speakers "
          f"({time.time() - t:.0f} s)", file=sys.stderr)
    weights = train(train_x, train_y, args.epochs, args.l2, args.seed, max_pos_weight=0,
                    min_count=3)
    result = {"train": reliability(train_x, train_y, weights),
              "dev": reliability(dev_x, dev_y, weights),
              "train_speakers": len(train_y), "dev_speakers": len(dev_y),
              "features": len(weights)}
    from quoteattr import confidence

    save_weights(args.out, confidence.NAME, confidence.FEATURES, "quoteattr confidence: "
                 "logistic calibration over confidence.features(); "
                 "scripts/train_confidence.py", result, weights)
    return 0


if __name__ == "__main__":
    sys.exit(main())
