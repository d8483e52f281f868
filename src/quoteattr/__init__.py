"""quoteattr: every quotation in a news text, who said it, and in what role.

>>> import quoteattr
>>> result = quoteattr.extract('"We will win," Senator Jane Smith said.')   # doctest: +SKIP
>>> result.quotes[0].speaker.name                                            # doctest: +SKIP
'Jane Smith'

The main entry points:

* :func:`extract` - one text, with a shared default :class:`Extractor`;
* :class:`Extractor` - models loaded once; ``extract``, ``extract_many`` (batched),
  ``extract_conllu`` (parsed CoNLL-U in) and ``extract_document``;
* :func:`extract_corpus` - a corpus of ``(id, text)`` pairs to one record per article,
  streamed, with worker processes (``jobs``) and ``skip`` for resuming;
* :func:`stanza_pipeline` - a stanza Pipeline with the same models and a ``quote``
  processor that gives ``extract``'s result;
* :class:`Result`, :class:`Quote`, :class:`Speaker`, :class:`Entity`, :class:`Span` - frozen
  values with character offsets into your text and ``to_dict()``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator

from .corpus import extract_corpus
from .errors import (
    ConllUError,
    DocumentError,
    EvaluationError,
    InputError,
    LexiconError,
    ModelError,
    OptionError,
    QuoteattrError,
    ResultError,
    SnapshotError,
)
from .extractor import Extractor
from .types import Entity, Quote, Result, Span, Speaker

__version__ = "0.1.0"

__all__ = [
    "ConllUError",
    "DocumentError",
    "Entity",
    "EvaluationError",
    "Extractor",
    "InputError",
    "LexiconError",
    "ModelError",
    "OptionError",
    "Quote",
    "QuoteattrError",
    "Result",
    "ResultError",
    "SnapshotError",
    "Span",
    "Speaker",
    "__version__",
    "extract",
    "extract_corpus",
    "extract_many",
    "stanza_pipeline",
]

_default: dict[tuple[str, str], Extractor] = {}
_lock = threading.Lock()


def _extractor(models: str | os.PathLike[str], mode: str) -> Extractor:
    key = (os.fspath(models), mode)
    with _lock:
        if key not in _default:
            _default[key] = Extractor(models=models, mode=mode)
        return _default[key]


def extract(text: str | bytes, *, models: str | os.PathLike[str] = "bundled",
            mode: str = "full") -> Result:
    """Every quotation in ``text``, with cue, speaker, role and affiliation.

    Args:
        text: the article (``str``, or UTF-8 ``bytes``).
        models: ``"bundled"``, ``"stanza"`` or a folder of stanza models (see Extractor).
        mode: ``"full"`` (stanza parse) or ``"fast"`` (regex tokens, no parse).

    Raises:
        InputError: the input is not text (binary, not UTF-8).
        ModelError: the models cannot be found or loaded.
    """
    return _extractor(models, mode).extract(text)


def extract_many(texts: Iterable[str | bytes], *, models: str | os.PathLike[str] = "bundled",
                 mode: str = "full") -> Iterator[Result]:
    """Results for many texts in input order, parsed in batches."""
    return _extractor(models, mode).extract_many(texts)


def stanza_pipeline(models: str | os.PathLike[str] = "bundled", *,
                    strategy: str = "rules+ranker", html: str = "auto",
                    **kwargs: object) -> object:
    """A ``stanza.Pipeline`` with quoteattr's models and the ``quote`` processor, offline:
    ``nlp(text).quoteattr`` is exactly ``Extractor(models, strategy=strategy,
    html=html).extract(text)`` and ``nlp(text).quotes`` its quotes. Other keyword arguments
    go to ``stanza.Pipeline``. See :mod:`quoteattr.stanza_processor`.

    Raises:
        ModelError: the models cannot be found or loaded.
        OptionError: ``html`` or ``strategy`` is not one of the Extractor's.
    """
    from .stanza_processor import stanza_pipeline as build

    return build(models, strategy=strategy, html=html, **kwargs)
