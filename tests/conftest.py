"""Shared fixtures: the bundled pipeline is loaded once per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "fixtures"
SHARED_DATA = REPO.parent / "shared" / "data"


def founding() -> tuple[str, dict]:
    """The founding article and its expected quotes (fixtures/, committed)."""
    text = (FIXTURES / "founding_article.txt").read_text(encoding="utf-8")
    expected = json.loads((FIXTURES / "founding_expected.json").read_text(encoding="utf-8"))
    return text, expected


@pytest.fixture(scope="session")
def extractor():
    from quoteattr import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def fast_extractor():
    from quoteattr import Extractor

    return Extractor(mode="fast")


@pytest.fixture(scope="session")
def founding_text() -> str:
    return (FIXTURES / "founding_article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def founding_expected() -> dict:
    return json.loads((FIXTURES / "founding_expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def founding_result(extractor, founding_text):
    return extractor.extract(founding_text)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not (SHARED_DATA / "polnear").is_dir():
        pytest.skip("../shared/data is not available")
    return SHARED_DATA
