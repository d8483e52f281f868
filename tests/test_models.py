"""The bundled stanza models: they load offline and parse news well enough to attribute."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quoteattr import cues
from quoteattr.errors import ModelError
from quoteattr.mentions import bounds
from quoteattr.nlp import models


def test_bundled_files_are_shipped_and_small() -> None:
    folder = models.bundled_dir()
    sizes = {p: (folder / f"{p}.pt").stat().st_size for p in models.PROCESSORS}
    assert all(s > 10_000 for s in sizes.values()), sizes
    assert sum(sizes.values()) <= 40 * 2**20


def test_parse_finds_subject_of_said_and_a_person(extractor) -> None:
    text = "Defence Secretary Lloyd Austin said the alliance was strong."
    doc = extractor.parse(text)
    said = next(w for w in doc.words if w.text == "said")
    subj = [w for w in doc.words if w.head == said.index and w.deprel == "nsubj"]
    assert subj, "no subject of 'said'"
    words = bounds(doc, cues.find(doc), subj[0].index)[0]
    assert "Lloyd Austin" in doc.span_of(words.first, words.last).text
    persons = [e.text for e in doc.entities if e.type == "PERSON"]
    assert any("Austin" in p for p in persons), doc.entities
    for w in doc.words:
        assert text[w.start:w.end] == w.text


def _copy_models(tmp_path: Path) -> Path:
    dst = tmp_path / "models"
    shutil.copytree(models.bundled_dir(), dst)
    return dst


def test_missing_model_file_names_the_file(tmp_path: Path) -> None:
    folder = _copy_models(tmp_path)
    (folder / "depparse.pt").unlink()
    with pytest.raises(ModelError, match=r"depparse\.pt"):
        models.load_pipeline(folder)


def test_corrupt_model_file_names_the_file(tmp_path: Path) -> None:
    folder = _copy_models(tmp_path)
    (folder / "pos.pt").write_bytes(b"not a torch file" * 200)
    with pytest.raises(ModelError, match=r"pos\.pt"):
        models.load_pipeline(folder)


@pytest.mark.parametrize(("slot", "other"), [("lemma", "pos"), ("ner", "depparse")])
def test_a_model_of_another_processor_names_the_file_and_its_kind(tmp_path: Path, slot: str,
                                                                  other: str) -> None:
    folder = _copy_models(tmp_path)
    shutil.copy(folder / f"{other}.pt", folder / f"{slot}.pt")
    with pytest.raises(ModelError, match=rf"{slot}\.pt is a {other} model, where the {slot} "):
        models.load_pipeline(folder)


def test_each_bundled_file_is_recognised_as_its_processor() -> None:
    import torch

    for proc in models.PROCESSORS:
        saved = torch.load(models.bundled_dir() / f"{proc}.pt", map_location="cpu",
                           weights_only=False)
        assert models.model_kind(saved) == proc
    assert models.model_kind({"weights": []}) is None


def test_official_models_absent_says_how_to_download(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "nothing"))
    with pytest.raises(ModelError, match=r"stanza\.download"):
        models.load_pipeline("stanza")


def test_unknown_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="does not exist"):
        models.load_pipeline(tmp_path / "nope")
