"""Finding and loading stanza models. quoteattr never touches the network.

Three sources, chosen by the ``models`` argument of :class:`quoteattr.Extractor`:

* ``"bundled"`` (default): the small English models shipped inside this package, trained by
  ``scripts/train_models.py`` (see docs/models.md);
* ``"stanza"``: the official stanza English models in an existing stanza_resources folder
  (``$STANZA_RESOURCES_DIR`` or ``~/stanza_resources``), downloaded beforehand by the user;
* a path: a folder holding stanza model files named like the bundled ones
  (tokenize.pt, mwt.pt, pos.pt, lemma.pt, depparse.pt, ner.pt), or a stanza_resources folder.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import threading
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ModelError
from . import mst
from .sentences import postprocess

PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
FILES = {p: f"{p}.pt" for p in PROCESSORS}

_lock = threading.Lock()
_cache: dict[tuple[str, str], Any] = {}


def bundled_dir() -> Path:
    """The folder of the bundled models inside the installed package."""
    return Path(str(resources.files("quoteattr") / "models" / "stanza"))


def stanza_resources_dir() -> Path:
    env = os.environ.get("STANZA_RESOURCES_DIR")
    return Path(env) if env else Path.home() / "stanza_resources"


def model_paths(folder: Path) -> dict[str, Path]:
    """The model file of each processor in a folder of bundled-style files.

    Raises ModelError naming the first missing or unreadable file.
    """
    paths = {}
    for proc in PROCESSORS:
        path = folder / FILES[proc]
        if not path.is_file():
            raise ModelError(
                f"stanza model file {path} is missing. Reinstall quoteattr, or rebuild the "
                f"models with `python scripts/train_models.py --data ../shared/data`, or pass "
                f"models='stanza' to use official stanza models you have downloaded.")
        if path.stat().st_size < 1024:
            raise ModelError(f"stanza model file {path} is truncated ({path.stat().st_size} "
                             "bytes); it may be a Git LFS pointer. Reinstall quoteattr.")
        paths[proc] = path
    return paths


def _official_dir(folder: Path) -> Path:
    en = folder / "en"
    if not (folder / "resources.json").is_file() or not en.is_dir():
        raise ModelError(
            f"no official stanza English models in {folder}. Download them once with "
            "`python -c \"import stanza; stanza.download('en')\"` (needs the network), or set "
            "STANZA_RESOURCES_DIR to the folder that holds them, or use models='bundled'.")
    return folder


DEVICES = ("cpu", "cuda")


def pipeline_config(models: str | os.PathLike[str] = "bundled", device: str | None = None
                    ) -> tuple[str, dict[str, Any]]:
    """A cache key and the keyword arguments for ``stanza.Pipeline`` (no network).
    ``device``: ``"cpu"``, ``"cuda"`` (a GPU torch sees; :class:`ModelError` when there is
    none) or None (a GPU when torch sees one, else the CPU)."""
    spec = os.fspath(models)
    gpu = _use_gpu()
    if device == "cuda" and not gpu:
        raise ModelError("device 'cuda' was asked for, but torch sees no GPU (torch's CPU "
                         "build, or no CUDA driver); use device 'cpu' or leave it unset")
    if device is not None and device not in DEVICES:
        raise ModelError(f"device must be one of {DEVICES} or None, got {device!r}")
    use_gpu = gpu if device is None else device == "cuda"
    key = f"{spec}@{'cuda' if use_gpu else 'cpu'}"
    base: dict[str, Any] = {"lang": "en", "processors": ",".join(PROCESSORS),
                            "download_method": None, "use_gpu": use_gpu,
                            "logging_level": "WARN",
                            "tokenize_postprocessor": postprocess,
                            # lemmas from the lemmatizer's dictionary (an unseen word is its own
                            # lemma), not its seq2seq model: cues fall back to a verb-lemma
                            # guess, and PolNeAR dev is unchanged (indirect F1 0.749 -> 0.753)
                            # for a parse 12% faster
                            "lemma_dict_only": True,
                            # NER in batches of 256 sentences, not 32: a third less NER time
                            "ner_batch_size": 256}
    if spec == "bundled":
        paths = model_paths(bundled_dir())
    elif spec == "stanza":
        return key, {**base, "dir": str(_official_dir(stanza_resources_dir()))}
    else:
        folder = Path(spec).expanduser()
        if not folder.is_dir():
            raise ModelError(f"model folder {folder} does not exist. Pass 'bundled', 'stanza' "
                             "or a folder of stanza model files.")
        if (folder / "resources.json").is_file() and (folder / "en").is_dir():
            return key, {**base, "dir": str(_official_dir(folder))}
        paths = model_paths(folder)
    kwargs = dict(base)
    for proc, path in paths.items():
        kwargs[f"{proc}_model_path"] = str(path)
    # models trained without pretrained word vectors: tell stanza there is none to load
    kwargs.update(pos_pretrain_path=None, depparse_pretrain_path=None, ner_pretrain_path=None,
                  pos_forward_charlm_path=None, pos_backward_charlm_path=None,
                  depparse_forward_charlm_path=None, depparse_backward_charlm_path=None,
                  ner_forward_charlm_path=None, ner_backward_charlm_path=None,
                  lemma_forward_charlm_path=None, lemma_backward_charlm_path=None)
    # stanza insists on a resources.json; the package ships an empty one, and with every
    # model path given explicitly nothing else is looked up
    kwargs.update(dir=str(bundled_dir()), allow_unknown_language=True)
    return key, kwargs


def _use_gpu() -> bool:
    try:
        import torch

        return bool(torch.cuda.is_available())
    except Exception:  # pragma: no cover - torch import problems surface in stanza
        return False


def set_threads(n: int) -> None:
    """Let torch use ``n`` threads (process-wide; the models run on them)."""
    import torch

    if torch.get_num_threads() != n:
        torch.set_num_threads(n)


def load_pipeline(models: str | os.PathLike[str] = "bundled", device: str | None = None
                  ) -> Any:
    """A stanza Pipeline for the chosen models, loaded once per process and reused."""
    key, kwargs = pipeline_config(models, device)
    with _lock:
        cached = _cache.get((key, "pipeline"))
        if cached is None:
            cached = _cache[(key, "pipeline")] = build_pipeline(kwargs)
        return cached


def load_tokenizer(models: str | os.PathLike[str] = "bundled", device: str | None = None
                   ) -> Any:
    """The chosen models' stanza tokenize processor (with quoteattr's postprocessor), loaded
    once per process and reused. Its ``bulk_process`` marks multi-word tokens for a later
    mwt processor to expand (a Pipeline would expand them itself)."""
    key, kwargs = pipeline_config(models, device)
    with _lock:
        cached = _cache.get((key, "tokenize"))
        if cached is None:
            nlp = build_pipeline({**kwargs, "processors": "tokenize"})
            cached = _cache[(key, "tokenize")] = nlp.processors["tokenize"]
        return cached


def build_pipeline(kwargs: dict[str, Any], stanza_decoder: bool = False) -> Any:
    """``stanza.Pipeline(**kwargs)``, quietly: stanza warns that "en" is an unsupported
    language whenever models are given by path, which says nothing to a user; a model that
    cannot be loaded raises :class:`ModelError` naming the file.

    The parser decodes its trees with :func:`quoteattr.nlp.mst.one_root_tree` (the same trees
    as stanza's decoder, found faster) unless ``stanza_decoder`` is true."""
    import stanza

    log = logging.getLogger("stanza")
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            pipeline = stanza.Pipeline(**{**kwargs, "logging_level": "ERROR"})
        if not stanza_decoder:
            mst.speed_up(pipeline)
        return pipeline
    except ModelError:
        raise
    except Exception as exc:
        bad = _first_bad_file(kwargs)
        where = f" ({bad})" if bad else ""
        raise ModelError(f"could not load the stanza models{where}: {exc}. Reinstall "
                         "quoteattr or rebuild the models (docs/models.md).") from exc
    finally:
        log.setLevel(logging.WARNING)


def _first_bad_file(kwargs: dict[str, Any]) -> str | None:
    """Why the first unusable model file cannot be used: unreadable, or a model of another
    processor (a pos model where the lemma model belongs)."""
    import torch

    for proc in PROCESSORS:
        path = kwargs.get(f"{proc}_model_path")
        if not path:
            continue
        try:
            saved = torch.load(path, map_location="cpu", weights_only=False)
        except Exception:
            return f"the file {path} could not be read"
        kind = model_kind(saved)
        if kind != proc:
            what = f"a {kind} model" if kind else "not a stanza model"
            return f"the file {path} is {what}, where the {proc} model belongs"
    return None


def model_kind(saved: Any) -> str | None:
    """Which stanza processor a loaded model file serves, read from its layout."""
    if not isinstance(saved, dict) or "model" not in saved:
        return None
    vocab = saved.get("vocab")
    keys = set(vocab) if isinstance(vocab, dict) else set()
    if "lexicon" in saved:
        return "tokenize"
    if "dicts" in saved:
        return "lemma"
    if "dict" in saved:
        return "mwt"
    if "deprel" in keys:
        return "depparse"
    if "upos" in keys:
        return "pos"
    if "tag" in keys:
        return "ner"
    return None
