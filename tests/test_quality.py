"""Quality floors on PolNeAR dev that CI runs when ../shared/data is there: a subset of ten dev
articles parsed afresh with the bundled models (every stage, the parse included), and all of
dev in fast mode. The figures of docs/evaluation.md minus a small margin; the whole of dev with
the full parse is the slow test in test_evaluation.py."""

from __future__ import annotations

import pytest

from quoteattr.evaluation import evaluate, read_corpus
from tests.conftest import SHARED_DATA

POLNEAR_DEV = SHARED_DATA / "polnear" / "dev"
pytestmark = [pytest.mark.data,
              pytest.mark.skipif(not POLNEAR_DEV.exists(),
                                 reason="../shared/data/polnear is absent")]

#: every eighth dev article in name order, ten in all (about 11,000 words, 20 s to parse)
SUBSET = slice(0, 80, 8)


def test_ten_dev_articles_with_the_full_parse(extractor) -> None:
    docs = sorted(read_corpus(POLNEAR_DEV), key=lambda d: d.name)[SUBSET]
    report = evaluate(docs, {d.name: extractor.extract(d.text) for d in docs})
    dm, ind = report.metrics["direct+mixed"], report.metrics["indirect"]
    assert dm.overlap.f1 >= FULL_FLOORS["direct+mixed F1"]
    assert dm.end_to_end.f1 >= FULL_FLOORS["end-to-end F1"]
    assert ind.overlap.f1 >= FULL_FLOORS["indirect F1"]


def test_all_dev_articles_in_fast_mode(fast_extractor) -> None:
    docs = list(read_corpus(POLNEAR_DEV))
    report = evaluate(docs, {d.name: fast_extractor.extract(d.text) for d in docs})
    dm = report.metrics["direct+mixed"]
    assert dm.overlap.f1 >= FAST_FLOORS["direct+mixed F1"]
    assert dm.end_to_end.f1 >= FAST_FLOORS["end-to-end F1"]


# measured (scripts/evaluate_polnear.py on the same articles): full 0.991 / 0.972 / 0.769 on
# the ten articles; fast 0.969 / 0.824 on all 84. About two or three quotes of margin.
FULL_FLOORS = {"direct+mixed F1": 0.975, "end-to-end F1": 0.955, "indirect F1": 0.74}
FAST_FLOORS = {"direct+mixed F1": 0.962, "end-to-end F1": 0.81}
