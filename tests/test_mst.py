"""The parser's tree decoder gives stanza's trees, found faster."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import stanza
from hypothesis import given, settings
from hypothesis import strategies as st
from stanza.models.common.chuliu_edmonds import chuliu_edmonds_one_root

from quoteattr.nlp import models
from quoteattr.nlp.mst import one_root_tree

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _scores(seed: int, n: int, bonus: float) -> np.ndarray:
    """Log-probabilities of heads, as the parser gives them, with ``bonus`` added on the arcs
    of one random tree (a large bonus makes the greedy heads that tree)."""
    rng = np.random.default_rng(seed)
    raw = rng.normal(size=(n, n))
    heads = [0] + [int(rng.integers(0, d)) for d in range(1, n)]  # each word's head is earlier
    order = rng.permutation(np.arange(1, n))
    relabel = np.concatenate(([0], order))
    for d in range(1, n):
        raw[relabel[d], relabel[heads[d]]] += bonus
    np.fill_diagonal(raw, -np.inf)
    logits = raw - np.log(np.exp(raw).sum(axis=1, keepdims=True))
    return logits.astype(np.float32)


@settings(max_examples=300, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(2, 70),
       bonus=st.sampled_from([0.0, 1.0, 3.0, 10.0]))
def test_the_tree_is_stanzas(seed: int, n: int, bonus: float) -> None:
    scores = _scores(seed, n, bonus)
    assert one_root_tree(scores).tolist() == chuliu_edmonds_one_root(scores).tolist()


def test_a_cycle_or_two_roots_become_one_rooted_tree() -> None:
    cycle = np.full((4, 4), -5.0)
    cycle[1, 2] = cycle[2, 1] = cycle[3, 0] = -0.1
    two_roots = np.full((4, 4), -5.0)
    two_roots[1, 0] = two_roots[2, 0] = two_roots[3, 2] = -0.1
    for scores in (cycle, two_roots):
        tree = one_root_tree(scores)
        assert tree.tolist() == chuliu_edmonds_one_root(scores).tolist()
        assert list(tree[1:]).count(0) == 1


def test_a_parse_has_the_same_heads_and_relations_as_stanzas_decoder() -> None:
    _, kwargs = models.pipeline_config("bundled", "cpu")
    ours = models.load_pipeline("bundled", "cpu")
    assert "decode_graph_predictions" in vars(ours.processors["depparse"]._trainer.model)
    theirs = models.build_pipeline(kwargs, stanza_decoder=True)
    assert "decode_graph_predictions" not in vars(theirs.processors["depparse"]._trainer.model)
    text = (FIXTURES / "founding_article.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n") if p.strip()]

    def arcs(nlp: object) -> list[tuple[int, str]]:
        docs = nlp.bulk_process([stanza.Document([], text=p) for p in paragraphs])  # type: ignore[attr-defined]
        return [(w.head, w.deprel) for d in docs for s in d.sentences for w in s.words]

    mine = arcs(ours)
    assert len(mine) > 500
    assert mine == arcs(theirs)
