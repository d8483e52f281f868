"""Evaluation of quote extraction and attribution against gold annotations.

* :mod:`~quoteattr.evaluation.brat` - PolNeAR brat annotations to gold direct, mixed and
  indirect quotes (:func:`read_corpus`, :func:`gold_quotes`).
* :mod:`~quoteattr.evaluation.fixtures` - gold quotes from hand-written ``expected.json``.
* :mod:`~quoteattr.evaluation.metrics` - span, speaker and end-to-end scores.
* :mod:`~quoteattr.evaluation.report` - :func:`evaluate` a predictor; tables, JSON, errors.
* :mod:`~quoteattr.evaluation.speakers` - names, roles and affiliations of found quotes
  against a hand-labelled gold (:func:`read_speakers`, :func:`score_speakers`).
"""

from quoteattr.evaluation.brat import (
    SPEECH_CUES,
    Attribution,
    GoldDocument,
    GoldQuote,
    gold_quotes,
    is_speech_cue,
    parse_ann,
    quoted_regions,
    read_ann,
    read_corpus,
    read_document,
    repair_swapped_roles,
)
from quoteattr.evaluation.fixtures import gold_from_expected, result_from_gold
from quoteattr.evaluation.metrics import (
    KINDS,
    DocumentMatch,
    KindScores,
    Metrics,
    Score,
    aggregate,
    compute_metrics,
    corpus_metrics,
    match_quotes,
    speaker_correct,
)
from quoteattr.evaluation.report import ErrorCase, EvaluationReport, evaluate
from quoteattr.evaluation.speakers import (
    SpeakerCase,
    SpeakerGold,
    SpeakerScores,
    read_speakers,
    score_speakers,
)

__all__ = [
    "KINDS",
    "SPEECH_CUES",
    "Attribution",
    "DocumentMatch",
    "ErrorCase",
    "EvaluationReport",
    "GoldDocument",
    "GoldQuote",
    "KindScores",
    "Metrics",
    "Score",
    "SpeakerCase",
    "SpeakerGold",
    "SpeakerScores",
    "aggregate",
    "compute_metrics",
    "corpus_metrics",
    "evaluate",
    "gold_from_expected",
    "gold_quotes",
    "is_speech_cue",
    "match_quotes",
    "parse_ann",
    "quoted_regions",
    "read_ann",
    "read_corpus",
    "read_document",
    "read_speakers",
    "repair_swapped_roles",
    "result_from_gold",
    "score_speakers",
    "speaker_correct",
]
