"""Scores of predicted quotes against gold quotes: spans, speakers, end to end.

Matching, per document:

* **exact** - a prediction matches a gold quote when their offsets are equal once leading and
  trailing whitespace and punctuation are ignored (``wraps.`` equals ``wraps``); one to one.
* **overlap** - a prediction matches a gold quote when they share at least half of the gold
  quote's characters (of its pieces, for a discontinuous indirect quote); one to one, greedily,
  largest overlap first.

A prediction may match a gold quote of any kind. Recall of a kind counts the gold quotes of that
kind that were matched; precision of a kind counts the predictions of that kind that matched
something. So a gold mixed quote found as ``direct`` is a hit for mixed recall and for direct
precision; ``kind_accuracy`` tells how often matched kinds agree. ``direct+mixed`` pools both
kinds on each side; ``overall`` takes every gold quote and every prediction.

Speaker scores are over the quotes found (overlap matches), by gold kind. A predicted speaker is
correct when its mention overlaps a gold Source span, or the last word of its name is a word of
the gold Source text (or of the gold speaker's name, where known), case-insensitively; a Source
ending in a possessive ("Stumpf's") also names its owner ("Stumpf"). Where the
gold quote has no Source, only a prediction without a speaker is correct. End to end, a match
with a correct speaker is a true positive. Counts are summed over documents before dividing
(micro average); a division by zero gives 0.0.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol

import attrs

from quoteattr.evaluation.brat import GoldQuote
from quoteattr.types import Quote, Result, Speaker

#: Score rows: the three kinds, direct and mixed pooled, and everything.
KINDS: tuple[str, ...] = ("direct", "mixed", "indirect", "direct+mixed", "overall")
_MEMBERS: dict[str, frozenset[str] | None] = {
    "direct": frozenset({"direct"}),
    "mixed": frozenset({"mixed"}),
    "indirect": frozenset({"indirect"}),
    "direct+mixed": frozenset({"direct", "mixed"}),
    "overall": None,
}
MIN_OVERLAP = 0.5
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


def ratio(num: float, den: float) -> float:
    """``num / den``, or 0.0 when ``den`` is 0."""
    return float(num) / den if den else 0.0


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0.0 when both are 0)."""
    return ratio(2 * precision * recall, precision + recall)


def in_kind(kind: str, row: str) -> bool:
    """Whether a quote of ``kind`` counts in the score row ``row``."""
    members = _MEMBERS[row]
    return members is None or kind in members


# --------------------------------------------------------------------------- matching


@attrs.frozen
class Pair:
    """A gold quote (index) matched to a prediction (index), with their shared characters."""

    gold: int
    pred: int
    overlap: int
    speaker_ok: bool = False


@attrs.frozen
class DocumentMatch:
    """How one document's predictions line up with its gold quotes."""

    gold: tuple[GoldQuote, ...]
    predicted: tuple[Quote, ...]
    exact: tuple[Pair, ...]
    overlap: tuple[Pair, ...]
    name: str = ""

    def missed(self) -> list[GoldQuote]:
        """Gold quotes no prediction overlaps enough."""
        found = {p.gold for p in self.overlap}
        return [g for i, g in enumerate(self.gold) if i not in found]

    def spurious(self) -> list[Quote]:
        """Predictions that match no gold quote."""
        used = {p.pred for p in self.overlap}
        return [q for i, q in enumerate(self.predicted) if i not in used]

    def wrong_speakers(self) -> list[tuple[GoldQuote, Quote]]:
        """Found quotes whose predicted speaker is wrong."""
        return [(self.gold[p.gold], self.predicted[p.pred])
                for p in self.overlap if not p.speaker_ok]


def _gold_pieces(gold: GoldQuote) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in gold.pieces] or [(gold.start, gold.end)]


def overlap(gold: GoldQuote, pred: Quote) -> int:
    """Characters of the gold quote (its pieces) that the prediction covers."""
    return sum(max(0, min(e, pred.end) - max(s, pred.start)) for s, e in _gold_pieces(gold))


def _gold_length(gold: GoldQuote) -> int:
    return sum(e - s for s, e in _gold_pieces(gold))


class _Located(Protocol):
    start: int
    end: int


def overlap_share(gold: GoldQuote, pred: _Located) -> float:
    """The share of the gold quote's characters the prediction (anything with ``start`` and
    ``end``: a Quote, a candidate) covers."""
    start, end = pred.start, pred.end
    covered = sum(max(0, min(e, end) - max(s, start)) for s, e in _gold_pieces(gold))
    return ratio(covered, _gold_length(gold))


def _trimmed(start: int, text: str) -> tuple[int, int]:
    """Offsets of ``text`` (at ``start``) without leading/trailing non-alphanumerics."""
    lead = next((i for i, ch in enumerate(text) if ch.isalnum()), len(text))
    trail = next((i for i, ch in enumerate(reversed(text)) if ch.isalnum()), len(text))
    return start + lead, start + max(lead, len(text) - trail)


def _greedy(candidates: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """One-to-one pairs from (gold, pred, score) candidates, highest score first."""
    chosen, used_gold, used_pred = [], set(), set()
    for g, p, score in sorted(candidates, key=lambda c: (-c[2], c[0], c[1])):
        if g not in used_gold and p not in used_pred:
            chosen.append((g, p, score))
            used_gold.add(g)
            used_pred.add(p)
    return sorted(chosen)


def _words(text: str | None) -> set[str]:
    return {w.lower() for w in _WORD.findall(text or "")}


def speaker_correct(gold: GoldQuote, speaker: Speaker | None) -> bool:
    """Whether ``speaker`` is the gold quote's speaker (see module docstring)."""
    has_speaker = speaker is not None and (speaker.name or speaker.mention is not None)
    if not gold.source and gold.source_name is None:
        return not has_speaker
    if speaker is None:
        return False
    if speaker.mention is not None and any(speaker.mention.overlaps(s) for s in gold.source):
        return True
    name_words = _WORD.findall(speaker.name or "")
    gold_words = _words(" ".join(s.text for s in gold.source)) | _words(gold.source_name)
    # a Source that ends in a possessive ("Stumpf's repeated emphasis that ...") names its
    # owner: "Stumpf"
    last = _WORD.findall(gold.source[-1].text) if gold.source else []
    if last and _POSSESSIVE.search(last[-1]):
        gold_words.add(_POSSESSIVE.sub("", last[-1]).lower())
    return bool(name_words) and name_words[-1].lower() in gold_words


def match_quotes(gold: Sequence[GoldQuote], predicted: Result | Sequence[Quote],
                 name: str = "") -> DocumentMatch:
    """Match one document's predictions to its gold quotes, exactly and by overlap."""
    preds = tuple(predicted.quotes if isinstance(predicted, Result) else predicted)
    golds = tuple(gold)
    gold_keys = [_trimmed(g.start, g.text) for g in golds]
    pred_keys = [_trimmed(q.start, q.text) for q in preds]
    exact = _greedy([(gi, pi, 1) for gi, gk in enumerate(gold_keys)
                     for pi, pk in enumerate(pred_keys) if gk == pk])
    candidates = []
    for gi, g in enumerate(golds):
        needed = MIN_OVERLAP * _gold_length(g)
        for pi, q in enumerate(preds):
            shared = overlap(g, q)
            if shared > 0 and shared >= needed:
                candidates.append((gi, pi, shared))
    pairs = tuple(Pair(g, p, n, speaker_correct(golds[g], preds[p].speaker))
                  for g, p, n in _greedy(candidates))
    return DocumentMatch(golds, preds, tuple(Pair(g, p, n) for g, p, n in exact), pairs, name)


# --------------------------------------------------------------------------- scores


@attrs.frozen
class Score:
    """Precision, recall and F1 from counts: matched predictions / predictions, matched gold /
    gold."""

    tp_pred: int
    n_pred: int
    tp_gold: int
    n_gold: int

    @property
    def precision(self) -> float:
        return ratio(self.tp_pred, self.n_pred)

    @property
    def recall(self) -> float:
        return ratio(self.tp_gold, self.n_gold)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "tp_pred": self.tp_pred, "n_pred": self.n_pred,
                "tp_gold": self.tp_gold, "n_gold": self.n_gold}


@attrs.frozen
class KindScores:
    """Every score of one row (a kind, ``direct+mixed`` or ``overall``)."""

    kind: str
    exact: Score
    overlap: Score
    end_to_end: Score
    found: int
    speaker_correct: int
    with_role: int
    kind_correct: int

    @property
    def n_gold(self) -> int:
        return self.overlap.n_gold

    @property
    def n_pred(self) -> int:
        return self.overlap.n_pred

    @property
    def speaker_accuracy(self) -> float:
        return ratio(self.speaker_correct, self.found)

    @property
    def role_share(self) -> float:
        return ratio(self.with_role, self.found)

    @property
    def kind_accuracy(self) -> float:
        return ratio(self.kind_correct, self.found)

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind, "n_gold": self.n_gold, "n_pred": self.n_pred,
            "exact": self.exact.to_dict(), "overlap": self.overlap.to_dict(),
            "end_to_end": self.end_to_end.to_dict(),
            "found": self.found, "speaker_accuracy": self.speaker_accuracy,
            "role_share": self.role_share, "kind_accuracy": self.kind_accuracy,
        }


@attrs.frozen
class Metrics:
    """The score rows of :data:`KINDS`; ``metrics["direct"]`` is one row."""

    rows: tuple[KindScores, ...]

    def __getitem__(self, kind: str) -> KindScores:
        for row in self.rows:
            if row.kind == kind:
                return row
        raise KeyError(kind)

    def to_dict(self) -> dict[str, dict[str, object]]:
        return {row.kind: row.to_dict() for row in self.rows}


def _score(pairs: Iterable[Pair], match: DocumentMatch, row: str) -> Score:
    pairs = list(pairs)
    return Score(
        tp_pred=sum(in_kind(match.predicted[p.pred].kind, row) for p in pairs),
        n_pred=sum(in_kind(q.kind, row) for q in match.predicted),
        tp_gold=sum(in_kind(match.gold[p.gold].kind, row) for p in pairs),
        n_gold=sum(in_kind(g.kind, row) for g in match.gold),
    )


def _add(a: Score, b: Score) -> Score:
    return Score(a.tp_pred + b.tp_pred, a.n_pred + b.n_pred,
                 a.tp_gold + b.tp_gold, a.n_gold + b.n_gold)


def _row(match: DocumentMatch, row: str) -> KindScores:
    found = [p for p in match.overlap if in_kind(match.gold[p.gold].kind, row)]
    speakers = [match.predicted[p.pred].speaker for p in found]
    return KindScores(
        kind=row,
        exact=_score(match.exact, match, row),
        overlap=_score(match.overlap, match, row),
        end_to_end=_score((p for p in match.overlap if p.speaker_ok), match, row),
        found=len(found),
        speaker_correct=sum(p.speaker_ok for p in found),
        with_role=sum(s is not None and bool(s.role) for s in speakers),
        kind_correct=sum(match.predicted[p.pred].kind == match.gold[p.gold].kind
                         for p in found),
    )


def _sum_rows(a: KindScores, b: KindScores) -> KindScores:
    return KindScores(a.kind, _add(a.exact, b.exact), _add(a.overlap, b.overlap),
                      _add(a.end_to_end, b.end_to_end), a.found + b.found,
                      a.speaker_correct + b.speaker_correct, a.with_role + b.with_role,
                      a.kind_correct + b.kind_correct)


def _empty_row(row: str) -> KindScores:
    zero = Score(0, 0, 0, 0)
    return KindScores(row, zero, zero, zero, 0, 0, 0, 0)


def aggregate(matches: Iterable[DocumentMatch]) -> Metrics:
    """Micro-averaged scores over documents' matches."""
    rows = {row: _empty_row(row) for row in KINDS}
    for match in matches:
        for row in KINDS:
            rows[row] = _sum_rows(rows[row], _row(match, row))
    return Metrics(tuple(rows[row] for row in KINDS))


def compute_metrics(gold: Sequence[GoldQuote], predicted: Result | Sequence[Quote]) -> Metrics:
    """Scores of one document's predictions against its gold quotes."""
    return aggregate([match_quotes(gold, predicted)])


def corpus_metrics(pairs: Iterable[tuple[Sequence[GoldQuote], Result]]) -> Metrics:
    """Micro-averaged scores over (gold quotes, prediction) pairs, one per document."""
    return aggregate(match_quotes(gold, predicted) for gold, predicted in pairs)
