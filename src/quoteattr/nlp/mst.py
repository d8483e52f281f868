"""The dependency parser's tree decoder, compiled.

stanza's graph parser scores every (dependent, head) pair and then finds the best tree with one
root by the Chu-Liu-Edmonds algorithm (``chuliu_edmonds_one_root``), written in Python: on news
it takes about 60% of the parser's time, more than the network itself. :func:`one_root_tree`
finds the same tree with the same algorithm compiled (``ufal.chu_liu_edmonds``, TurboParser's
implementation, a dependency of quoteattr), on the scores stanza's decoder uses: every root arc
lowered by the same large amount, so that the best tree has one word on the root and is the
best of the one-root trees. The trees are stanza's (ties between equal float scores aside:
``tests/test_mst.py`` compares them on random score matrices and on a parse); the decoder is
about 30 times as fast and the parser about 1.6 times.

:func:`speed_up` puts the decoder on one loaded pipeline's parser only (an attribute of that
model object): other stanza pipelines in the process keep stanza's decoder.
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np
from ufal.chu_liu_edmonds import chu_liu_edmonds


def one_root_tree(scores: np.ndarray) -> np.ndarray:
    """The best tree with one root for ``scores[dependent, head]`` (row and column 0 are the
    root; ``-inf`` marks an arc that cannot be), as an array of heads with ``tree[0] == 0``:
    the tree stanza's ``chuliu_edmonds_one_root`` returns."""
    arcs = np.array(scores, dtype=np.float64)
    n = arcs.shape[0]
    possible = np.isfinite(arcs)
    # stanza's reweighting: a second root arc costs more than any tree can gain by it
    arcs[:, 0] += arcs[possible].min() * n
    arcs[~possible] = np.nan  # ufal's "no such arc"
    np.fill_diagonal(arcs, np.nan)
    heads, _ = chu_liu_edmonds(arcs)
    tree = np.asarray(heads, dtype=np.int64)
    tree[0] = 0
    return tree


def speed_up(pipeline: Any) -> bool:
    """Give a stanza pipeline's graph parser :func:`one_root_tree` as its tree decoder.

    Returns whether it was given: False for a pipeline without a depparse processor, a
    parser of another kind (transition, ensemble) or a stanza version without the decoding
    hook, which all keep stanza's own decoding."""
    processor = getattr(pipeline, "processors", {}).get("depparse")
    model = getattr(getattr(processor, "_trainer", None), "model", None)
    original = getattr(type(model), "decode_graph_predictions", None)
    if model is None or original is None:
        return False
    model.decode_graph_predictions = functools.partial(_decode, original)
    return True


def _decode(original: Any, vocab: Any, batch_size: int, preds: list[Any],
            sentlens: list[int], resolve_head_constraints: bool = False) -> list[Any]:
    """stanza's ``GraphParser.decode_graph_predictions`` with :func:`one_root_tree` as the
    decoder; the head-constraint repair, when asked for, stays stanza's own."""
    if resolve_head_constraints:
        return original(vocab, batch_size, preds, sentlens, resolve_head_constraints=True)
    out = []
    for i, length in enumerate(sentlens):
        heads = one_root_tree(preds[0][i][:length, :length])[1:]
        labels = preds[1][i]
        deprels = vocab.unmap([labels[j + 1][h] for j, h in enumerate(heads)])
        out.append([[heads[j], deprels[j]] for j in range(length - 1)])
    return out
