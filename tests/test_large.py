"""Giant documents finish and are not truncated. The 5 MB cases are slow tests (and
``benchmarks/extract.py --giant 5`` times the fast one); CI runs a quarter-megabyte one."""

from __future__ import annotations

import pytest

PARA = ('"We will not back down from this fight," Senator Jane Smith said on Tuesday, '
        'adding that the vote would come next week.\n\n'
        'Officials in the city were less certain. "It is far too early to say," '
        'said Mayor Tom Walsh.\n\n')


def _giant(target_bytes: int) -> tuple[str, int]:
    n = target_bytes // len(PARA.encode()) + 1
    return PARA * n, n


@pytest.mark.parametrize("megabytes", [
    0.25, pytest.param(5, marks=pytest.mark.slow)])
def test_a_giant_document_in_fast_mode(fast_extractor, megabytes: float) -> None:
    text, n = _giant(int(megabytes * 2**20))
    assert len(text.encode()) >= megabytes * 2**20
    r = fast_extractor.extract(text)
    direct = [q for q in r.quotes if q.kind == "direct"]
    assert len(direct) == 2 * n
    assert direct[-1].end > len(text) - len(PARA)
    assert {q.speaker.name for q in direct if q.speaker} == {"Jane Smith", "Tom Walsh"}


@pytest.mark.slow
def test_five_megabytes_full_parse(extractor) -> None:
    text, n = _giant(5 * 2**20)
    r = extractor.extract(text)
    direct = [q for q in r.quotes if q.kind == "direct"]
    assert len(direct) == 2 * n
