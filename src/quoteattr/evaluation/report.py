"""Run a predictor over gold documents and report scores and errors.

>>> report = evaluate(read_corpus(Path("../shared/data/polnear/dev")), extractor.extract)
>>> print(report.table())
>>> report.write_json("dev-report.json")

``predict`` is a function from an article's text to a :class:`~quoteattr.types.Result`, or a
mapping from document name to a ``Result`` (or its ``to_dict()`` form): cached predictions.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from quoteattr.errors import EvaluationError
from quoteattr.evaluation.brat import GoldDocument, GoldQuote
from quoteattr.evaluation.metrics import KINDS, DocumentMatch, Metrics, aggregate, match_quotes
from quoteattr.types import Quote, Result, Speaker

Predictor = Callable[[str], Result] | Mapping[str, Result | Mapping[str, Any]]
SNIPPET_CHARS = 120

_COLUMNS: tuple[tuple[str, Callable[[Any], str]], ...] = (
    ("P ex", lambda r: f"{r.exact.precision:.3f}"),
    ("R ex", lambda r: f"{r.exact.recall:.3f}"),
    ("F1 ex", lambda r: f"{r.exact.f1:.3f}"),
    ("P ov", lambda r: f"{r.overlap.precision:.3f}"),
    ("R ov", lambda r: f"{r.overlap.recall:.3f}"),
    ("F1 ov", lambda r: f"{r.overlap.f1:.3f}"),
    ("spk acc", lambda r: f"{r.speaker_accuracy:.3f}"),
    ("e2e F1", lambda r: f"{r.end_to_end.f1:.3f}"),
    ("role", lambda r: f"{r.role_share:.3f}"),
    ("gold", lambda r: str(r.n_gold)),
    ("pred", lambda r: str(r.n_pred)),
    ("found", lambda r: str(r.found)),
)


@attrs.frozen
class ErrorCase:
    """One error for analysis: a missed gold quote, a spurious prediction or a wrong speaker."""

    error: str
    document: str
    kind: str
    start: int
    end: int
    snippet: str
    gold_source: str | None = None
    predicted_speaker: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET_CHARS else text[:SNIPPET_CHARS - 1] + "…"


def _source(gold: GoldQuote) -> str | None:
    return " … ".join(s.text for s in gold.source) or gold.source_name


def _speaker(speaker: Speaker | None) -> str | None:
    if speaker is None:
        return None
    mention = speaker.mention.text if speaker.mention is not None else None
    if speaker.name and mention and mention != speaker.name:
        return f"{speaker.name} ({mention})"
    return speaker.name or mention


def _missed(doc: str, g: GoldQuote) -> ErrorCase:
    return ErrorCase("missed", doc, g.kind, g.start, g.end, _snippet(g.text), _source(g))


def _spurious(doc: str, q: Quote) -> ErrorCase:
    return ErrorCase("spurious", doc, q.kind, q.start, q.end, _snippet(q.text), None,
                     _speaker(q.speaker))


def _wrong(doc: str, g: GoldQuote, q: Quote) -> ErrorCase:
    return ErrorCase("wrong_speaker", doc, g.kind, g.start, g.end, _snippet(g.text),
                     _source(g), _speaker(q.speaker))


def errors_of(match: DocumentMatch) -> list[ErrorCase]:
    """The errors of one document, in text order within each error type."""
    return ([_missed(match.name, g) for g in match.missed()]
            + [_spurious(match.name, q) for q in match.spurious()]
            + [_wrong(match.name, g, q) for g, q in match.wrong_speakers()])


@attrs.frozen
class EvaluationReport:
    """Scores over a set of documents, their errors, and the predictions scored."""

    metrics: Metrics
    errors: tuple[ErrorCase, ...] = ()
    documents: tuple[str, ...] = ()
    predictions: Mapping[str, Result] = attrs.field(factory=dict, eq=False, repr=False)

    def to_dict(self, include_predictions: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "documents": len(self.documents),
            "metrics": self.metrics.to_dict(),
            "errors": [e.to_dict() for e in self.errors],
        }
        if include_predictions:
            out["predictions"] = {k: r.to_dict() for k, r in self.predictions.items()}
        return out

    def table(self) -> str:
        """The scores as a plain-text table: one row per kind, columns aligned."""
        header = ["kind", *(name for name, _ in _COLUMNS)]
        rows = [[kind, *(fmt(self.metrics[kind]) for _, fmt in _COLUMNS)] for kind in KINDS]
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                           for i, (cell, w) in enumerate(zip(row, widths, strict=True)))
                 for row in [header, *rows]]
        return "\n".join(line.rstrip() for line in lines)

    def write_json(self, path: str | Path, include_predictions: bool = False) -> None:
        """Write :meth:`to_dict` to ``path`` as UTF-8 JSON."""
        Path(path).write_text(
            json.dumps(self.to_dict(include_predictions), ensure_ascii=False, indent=1) + "\n",
            encoding="utf-8")


def _predict(predict: Predictor, doc: GoldDocument) -> Result:
    if isinstance(predict, Mapping):
        if doc.name not in predict:
            raise KeyError(f"no prediction for document {doc.name!r}")
        value = predict[doc.name]
        return value if isinstance(value, Result) else Result.from_dict(dict(value))
    return predict(doc.text)


def evaluate(docs: Iterable[GoldDocument], predict: Predictor) -> EvaluationReport:
    """Predict every document, score the predictions and collect the errors.

    Raises:
        EvaluationError: there is no document, or no document has a gold attribution (a
            folder of junk scores nothing, and a table of zeros would look like a result).
    """
    matches: list[DocumentMatch] = []
    predictions: dict[str, Result] = {}
    gold = 0
    for doc in docs:
        result = _predict(predict, doc)
        predictions[doc.name] = result
        matches.append(match_quotes(doc.quotes, result, doc.name))
        gold += len(doc.quotes) + len(doc.attributions)
    if not matches:
        raise EvaluationError("there is no document to evaluate; check the corpus folder")
    if not gold:
        raise EvaluationError(f"none of the {len(matches)} documents has a gold attribution; "
                              "are these the annotation files of the corpus?")
    return EvaluationReport(aggregate(matches),
                            tuple(e for m in matches for e in errors_of(m)),
                            tuple(m.name for m in matches), predictions)
