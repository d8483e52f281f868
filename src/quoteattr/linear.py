"""Sparse log-linear models shipped as small JSON weight files in ``quoteattr/models/``.

The learned parts use them: the speaker ranker (``ranker.json``), the quote filter
(``quotefilter.json``) and the confidence calibration (``confidence.json``). A model is a map
of feature strings to weights; scoring sums the weights of the features present (and applies
the logistic function), so no numpy is needed at run time.

Every file names the feature set it was trained on (``"features"``, e.g. ``"ranker/2"``); the
code that computes the features declares the version it computes. Loading a file that is
missing, unreadable, malformed or of another feature version raises
:class:`~quoteattr.errors.ModelError` naming the file: a renamed feature must never silently
score zero. The training scripts (``scripts/train_*.py``) write the files with :func:`save`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs

from .errors import ModelError

__all__ = ["Weights", "bundled_path", "load", "save"]


@attrs.frozen
class Weights:
    """One model's weights, read-only, with the feature-set version they were trained on
    and the file they came from."""

    name: str
    features: str
    weights: Mapping[str, float] = attrs.field(repr=False)
    path: str = ""

    def margin(self, feats: Sequence[str]) -> float:
        """The summed weights of ``feats``."""
        w = self.weights
        return sum(w.get(x, 0.0) for x in feats)

    def probability(self, feats: Sequence[str]) -> float:
        """The logistic of the summed weights of ``feats``."""
        z = self.margin(feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def has_prefix(self, prefix: str) -> bool:
        """Whether any feature starting with ``prefix`` has a weight."""
        return any(k.startswith(prefix) for k in self.weights)


def bundled_path(name: str) -> Path:
    """Where the package keeps the weights of model ``name``."""
    return Path(str(resources.files("quoteattr") / "models" / f"{name}.json"))


def load(name: str, features: str, path: str | Path | None = None) -> Weights:
    """The weights of model ``name`` (``models/NAME.json`` in the package, or ``path``),
    checked against the feature-set version ``features`` the caller computes.

    Raises:
        ModelError: the file is missing, unreadable, not a weights file, or was trained on
            another feature set.
    """
    src = Path(path) if path is not None else bundled_path(name)
    retrain = (f"Reinstall quoteattr, or retrain it with `python scripts/train_{name}.py "
               "--data ../shared/data`, or use Extractor(strategy='rules'), which needs no "
               "learned weights.")
    try:
        data = json.loads(src.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"the {name} weights file {src} is missing. {retrain}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"the {name} weights file {src} cannot be read ({exc}). "
                         f"{retrain}") from None
    if not isinstance(data, dict) or not isinstance(data.get("weights"), dict):
        raise ModelError(f"{src} is not a quoteattr weights file (no 'weights' object). "
                         f"{retrain}")
    found = data.get("features")
    if found != features:
        raise ModelError(f"{src} was trained on the feature set {found!r}, but this version of "
                         f"quoteattr computes {features!r}. {retrain}")
    try:
        weights = {str(k): float(v) for k, v in data["weights"].items()}
    except (TypeError, ValueError) as exc:
        raise ModelError(f"{src} holds a weight that is not a number ({exc}). "
                         f"{retrain}") from None
    if not all(math.isfinite(v) for v in weights.values()):
        raise ModelError(f"{src} holds a weight that is not finite. {retrain}")
    return Weights(name, features, MappingProxyType(weights), str(src))


def save(path: Path, name: str, features: str, about: str, metrics: Mapping[str, Any],
         weights: Mapping[str, float]) -> None:
    """Write a weights file that :func:`load` reads back (keys sorted, one per line)."""
    path.write_text(json.dumps({"about": about, "name": name, "features": features,
                                "metrics": dict(metrics),
                                "weights": dict(sorted(weights.items()))}, indent=0),
                    encoding="utf-8")
