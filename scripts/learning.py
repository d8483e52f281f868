"""What the training scripts share: cached parses of PolNeAR and logistic regression.

``parsed_docs`` parses each article once with the bundled models and caches the document view
(pickled) under ``build/parsed/SPLIT/``, so reruns and the other scripts reuse it. ``train`` fits
an L2-regularised logistic regression over sparse string features with full-batch AdaGrad,
seeded; the weights go into the package as JSON (see ``quoteattr.linear``).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent


def training_arguments(description: str, out: Path, l2: float) -> argparse.ArgumentParser:
    """The command line both training scripts share (data, parse cache, optimiser, output)."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    p.add_argument("--cache", type=Path, default=REPO / "build" / "parsed")
    p.add_argument("--limit", type=int, default=None, help="training articles to use")
    p.add_argument("--epochs", type=int, default=400)
    p.add_argument("--l2", type=float, default=l2)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--out", type=Path, default=out, help="the weights file to write")
    return p


def load_doc(path: Path) -> object:
    """A cached document view, rebuilt through its constructor so that caches written by an
    older quoteattr get what the current one derives from the parser's output: the indexes,
    multi-word tokens split, entities grouped from the words' tags."""
    import attrs

    from quoteattr.nlp.document import entities_from_bio, split_multiword_tokens

    doc = pickle.loads(path.read_bytes())
    if not doc.parsed:
        return attrs.evolve(doc)
    words = split_multiword_tokens(doc.words, doc.text)
    return attrs.evolve(doc, words=tuple(words),
                        entities=tuple(entities_from_bio(words, doc.text)))


class ParseCache:
    """Parses kept as pickles in a folder: each text is parsed once, with the bundled models
    loaded at the first text not yet there."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._extractor: object | None = None
        folder.mkdir(parents=True, exist_ok=True)

    def get(self, name: str, text: str) -> object:
        """The parse of ``text``, cached under ``name``."""
        path = self.folder / f"{name}.pkl"
        if path.exists():
            return load_doc(path)
        if self._extractor is None:
            from quoteattr import Extractor

            self._extractor = Extractor(html="blank")  # PolNeAR texts embed <tweet/> tags
        doc = self._extractor.parse(text)  # type: ignore[attr-defined]
        path.write_bytes(pickle.dumps(doc))
        return doc


def parsed_docs(split_dir: Path, cache: Path, limit: int | None) -> Iterator[tuple[object, object]]:
    from quoteattr.evaluation import read_corpus

    parses = ParseCache(cache)
    for k, gold in enumerate(read_corpus(split_dir)):
        if limit is not None and k >= limit:
            break
        yield gold, parses.get(gold.name, gold.text)


def save_weights(path: Path, name: str, features: str, about: str,
                 metrics: dict[str, object], weights: dict[str, float]) -> None:
    """Print the metrics and write the weights file the package reads (quoteattr.linear),
    stamped with the feature-set version they were trained on."""
    from quoteattr import linear

    print(json.dumps(metrics))
    linear.save(path, name, features, about, metrics, weights)


def serving_parts(strategy: str = "rules+ranker") -> tuple[str, object]:
    """The strategy and learned parts the training scripts run the pipeline with: the
    serving default with the shipped weights, so that every feature (the rules' answers, the
    speakers of earlier quotes) is what serving computes; the rules alone when no weights
    of the current feature sets are shipped yet (the first training)."""
    from quoteattr import learned
    from quoteattr.errors import ModelError

    try:
        return strategy, learned.for_strategy(strategy)
    except ModelError as exc:
        print(f"no usable shipped weights ({exc}); running the rules alone", file=sys.stderr)
        return "rules", learned.for_strategy("rules")


def overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def train(examples: list[list[str]], labels: list[int], epochs: int, l2: float,
          seed: int, max_pos_weight: float = 10.0, min_count: int = 1) -> dict[str, float]:
    """Logistic-regression weights for feature lists ``examples`` and 0/1 ``labels``;
    positives are up-weighted to balance the classes (at most ``max_pos_weight``; 0 for
    no weighting, which keeps the probabilities calibrated). Features seen in fewer than
    ``min_count`` examples get no weight."""
    counts = Counter(x for feats in examples for x in set(feats))
    vocab: dict[str, int] = {}
    rows, cols, ys = [], [], []
    for r, (feats, y) in enumerate(zip(examples, labels, strict=True)):
        for x in feats:
            if counts[x] < min_count:
                continue
            rows.append(r)
            cols.append(vocab.setdefault(x, len(vocab)))
        ys.append(y)
    r = len(ys)
    n, d = r, len(vocab)
    y = np.array(ys, dtype=np.float64)
    rows_a, cols_a = np.array(rows), np.array(cols)
    rng = np.random.default_rng(seed)
    w = rng.normal(0, 0.01, d)
    g2 = np.full(d, 1e-8)
    pos_weight = (n - y.sum()) / max(1.0, y.sum())
    sample_w = np.where(y > 0, min(pos_weight, max_pos_weight), 1.0) if max_pos_weight \
        else np.ones(n)
    for epoch in range(epochs):
        z = np.bincount(rows_a, weights=w[cols_a], minlength=n)
        p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        err = (p - y) * sample_w
        grad = np.bincount(cols_a, weights=err[rows_a], minlength=d) / n + l2 * w
        g2 += grad ** 2
        w -= 0.5 * grad / np.sqrt(g2)
        if epoch % 50 == 0:
            loss = -np.mean(sample_w * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12)))
            print(f"epoch {epoch} loss {loss:.4f}", file=sys.stderr)
    inv = {i: x for x, i in vocab.items()}
    return {inv[i]: round(float(w[i]), 4) for i in range(d) if abs(w[i]) >= 1e-4}




def train_listwise(groups: list[tuple[list[list[str]], list[int]]], epochs: int, l2: float,
                   seed: int, min_count: int = 1) -> dict[str, float]:
    """Weights of a log-linear ranker: for each group (one quote's candidates and their 0/1
    labels) maximise the softmax probability of the correct candidates among all of them.
    Features seen for fewer than ``min_count`` candidates get no weight."""
    counts = Counter(x for feats, _ in groups for f in feats for x in set(f))
    vocab: dict[str, int] = {}
    rows, cols, ys, gids = [], [], [], []
    r = 0
    for g, (feats, labels) in enumerate(groups):
        for f, y in zip(feats, labels, strict=True):
            for x in f:
                if counts[x] < min_count:
                    continue
                rows.append(r)
                cols.append(vocab.setdefault(x, len(vocab)))
            ys.append(y)
            gids.append(g)
            r += 1
    n, d, n_groups = r, len(vocab), len(groups)
    y = np.array(ys, dtype=np.float64)
    gid = np.array(gids)
    rows_a, cols_a = np.array(rows), np.array(cols)
    rng = np.random.default_rng(seed)
    w = rng.normal(0, 0.01, d)
    g2 = np.full(d, 1e-8)
    for epoch in range(epochs):
        z = np.bincount(rows_a, weights=w[cols_a], minlength=n)
        zmax = np.full(n_groups, -np.inf)
        np.maximum.at(zmax, gid, z)
        e = np.exp(z - zmax[gid])
        p = e / np.bincount(gid, weights=e, minlength=n_groups)[gid]
        pos = e * y
        q = pos / np.maximum(np.bincount(gid, weights=pos, minlength=n_groups)[gid], 1e-300)
        err = p - q
        grad = np.bincount(cols_a, weights=err[rows_a], minlength=d) / n_groups + l2 * w
        g2 += grad ** 2
        w -= 0.5 * grad / np.sqrt(g2)
        if epoch % 50 == 0:
            loss = -np.mean(np.log(np.bincount(gid, weights=p * y, minlength=n_groups) + 1e-12))
            print(f"epoch {epoch} loss {loss:.4f}", file=sys.stderr)
    inv = {i: x for x, i in vocab.items()}
    return {inv[i]: round(float(w[i]), 4) for i in range(d) if abs(w[i]) >= 1e-4}
