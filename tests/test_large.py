"""Giant documents finish and are not truncated."""

from __future__ import annotations

import pytest

PARA = ('"We will not back down from this fight," Senator Jane Smith said on Tuesday, '
        'adding that the vote would come next week.\n\n'
        'Officials in the city were less certain. "It is far too early to say," '
        'said Mayor Tom Walsh.\n\n')


def _giant(target_bytes: int) -> tuple[str, int]:
    n = target_bytes // len(PARA.encode()) + 1
    return PARA * n, n


def test_five_megabytes_in_fast_mode(fast_extractor) -> None:
    text, n = _giant(5 * 2**20)
    assert len(text.encode()) >= 5 * 2**20
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
