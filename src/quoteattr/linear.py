"""Sparse log-linear models shipped as small JSON weight files in ``quoteattr/models/``.

Two learned parts use them: the speaker ranker (``ranker.json``) and the quote filter
(``quotefilter.json``). A model is a dict of feature-string weights; scoring sums the weights of
the features present and applies the logistic function, so no numpy is needed at run time.
The training scripts (``scripts/train_ranker.py``, ``scripts/train_quotefilter.py``) share
``scripts/logreg.py``.
"""

from __future__ import annotations

import functools
import json
import math
from importlib import resources
from pathlib import Path


@functools.cache
def load(name: str, path: str | None = None) -> dict[str, float]:
    """The weights of model ``name`` (``models/NAME.json`` in the package, or ``path``);
    an empty dict when the file is missing, so the caller can fall back to rules."""
    src = Path(path) if path else resources.files("quoteattr") / "models" / f"{name}.json"
    try:
        data = json.loads(src.read_text(encoding="utf-8"))
    except (FileNotFoundError, OSError):
        return {}
    return {str(k): float(v) for k, v in data.get("weights", {}).items()}


def margin(feats: list[str], weights: dict[str, float]) -> float:
    """The summed weights of ``feats``."""
    return sum(weights.get(x, 0.0) for x in feats)


def probability(feats: list[str], weights: dict[str, float]) -> float:
    """The logistic of the summed weights of ``feats``."""
    z = margin(feats, weights)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
