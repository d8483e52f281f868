"""Names and roles of speakers, scored against a hand-labelled gold (``dev-speakers.json``).

The PolNeAR metric credits a speaker mention that overlaps the gold Source whatever name and
role come with it. This gold labels each quoted stretch with the speaker's fullest name, the
role as the article states it (``role_alt``: other wordings), the affiliation and the type.

Scores are over the *found* gold items: those a predicted quote covers (half of the gold
stretch's characters, as the quote metric matches). For each:

* **name**: the predicted name equals the gold name or contains all its words (case
  ignored); where the gold has no name (an unnamed source, a title nobody speaks) only a
  prediction without a name is right;
* **lenient name**: the gold name's last word (the surname) is a word of the predicted name;
* **role**: the predicted role equals the gold ``role`` or one of ``role_alt``, ignoring
  case, plural, spelling variants and abbreviations (``roles.role_key``); where the gold has
  no role only a prediction without one is right. A prediction that states several roles
  (``Speaker.roles``) is right when any of them is;
* **affiliation**: equal, ignoring case and a leading "the"; no gold affiliation wants none.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from quoteattr.errors import EvaluationError
from quoteattr.types import Quote, Result, Speaker

__all__ = ["SpeakerCase", "SpeakerGold", "SpeakerScores", "read_speakers", "score_speakers"]

#: the share of a gold stretch's characters a predicted quote must cover to find it
MIN_OVERLAP = 0.5


@attrs.frozen
class SpeakerGold:
    """One labelled quoted stretch."""

    doc: str
    start: int
    end: int
    name: str | None
    role: str | None = None
    role_alt: tuple[str, ...] = ()
    affiliation: str | None = None
    type: str | None = None
    quote: str = ""
    note: str | None = None


@attrs.frozen
class SpeakerCase:
    """A found gold item whose name, role or affiliation the prediction got wrong."""

    doc: str
    quote: str
    wrong: tuple[str, ...]  # of "name", "role", "affiliation"
    gold_name: str | None
    gold_role: str | None
    gold_affiliation: str | None
    name: str | None
    role: str | None
    affiliation: str | None
    mention: str | None
    resolver: str | None

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen
class SpeakerScores:
    """Counts over the found gold items and the wrong ones."""

    items: int
    found: int
    name: int
    lenient_name: int
    role: int
    affiliation: int
    errors: tuple[SpeakerCase, ...] = ()

    def _share(self, n: int) -> float:
        return n / self.found if self.found else 0.0

    @property
    def name_accuracy(self) -> float:
        return self._share(self.name)

    @property
    def lenient_name_accuracy(self) -> float:
        return self._share(self.lenient_name)

    @property
    def role_accuracy(self) -> float:
        return self._share(self.role)

    @property
    def affiliation_accuracy(self) -> float:
        return self._share(self.affiliation)

    def to_dict(self) -> dict[str, Any]:
        return {"items": self.items, "found": self.found,
                "name_accuracy": round(self.name_accuracy, 4),
                "lenient_name_accuracy": round(self.lenient_name_accuracy, 4),
                "role_accuracy": round(self.role_accuracy, 4),
                "affiliation_accuracy": round(self.affiliation_accuracy, 4),
                "errors": [e.to_dict() for e in self.errors]}

    def table(self) -> str:
        rows = [("found", f"{self.found} of {self.items}"),
                ("name", f"{self.name_accuracy:.3f}"),
                ("name (surname)", f"{self.lenient_name_accuracy:.3f}"),
                ("role", f"{self.role_accuracy:.3f}"),
                ("affiliation", f"{self.affiliation_accuracy:.3f}")]
        width = max(len(k) for k, _ in rows)
        return "\n".join(f"{k.ljust(width)}  {v}" for k, v in rows)


def read_speakers(path: str | Path) -> list[SpeakerGold]:
    """The gold items of a speakers file (``{"quotes": [...]}``, as dev-speakers.json).

    Raises:
        EvaluationError: the file is missing or malformed.
    """
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EvaluationError(f"speakers file {p} does not exist") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"speakers file {p} cannot be read as JSON ({exc})") from None
    items = data.get("quotes") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise EvaluationError(f"{p} has no 'quotes' list: expected the format of "
                              "dev-speakers.json")
    out = []
    for k, item in enumerate(items):
        try:
            out.append(SpeakerGold(
                str(item["doc"]), int(item["start"]), int(item["end"]),
                item.get("speaker_name"), item.get("role"),
                tuple(item.get("role_alt") or ()), item.get("affiliation"),
                item.get("type"), item.get("quote", ""), item.get("note")))
        except (KeyError, TypeError, ValueError) as exc:
            raise EvaluationError(f"{p}: item {k} is malformed ({exc!r}); each needs doc, "
                                  "start, end and speaker_name") from None
    return out


def _words(text: str | None) -> list[str]:
    return [w.strip(".,'’\"").lower() for w in (text or "").split() if w.strip(".,'’\"")]


def name_right(gold: str | None, predicted: str | None) -> bool:
    if gold is None:
        return predicted is None
    have = set(_words(predicted))
    return bool(have) and all(w in have for w in _words(gold))


def lenient_name_right(gold: str | None, predicted: str | None) -> bool:
    if gold is None:
        return predicted is None
    want = _words(gold)
    return bool(want) and want[-1] in set(_words(predicted))


def _role_key(role: str) -> str:
    from quoteattr.roles import role_key

    words = role_key(role).split()
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not \
            words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def role_right(gold: SpeakerGold, predicted: Sequence[str]) -> bool:
    if gold.role is None:
        return not predicted
    wanted = {_role_key(r) for r in (gold.role, *gold.role_alt)}
    return any(_role_key(r) in wanted for r in predicted)


def _affiliation_key(text: str) -> str:
    words = text.lower().split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def affiliation_right(gold: str | None, predicted: str | None) -> bool:
    if gold is None:
        return predicted is None
    return predicted is not None and _affiliation_key(gold) == _affiliation_key(predicted)


def _roles_of(speaker: Speaker | None) -> list[str]:
    if speaker is None:
        return []
    roles = list(getattr(speaker, "roles", ()) or ())
    if speaker.role and speaker.role not in roles:
        roles.insert(0, speaker.role)
    return roles


def _covering(item: SpeakerGold, quotes: Iterable[Quote]) -> Quote | None:
    """The predicted quote that covers most of the gold stretch (at least half of it)."""
    best, best_overlap = None, 0
    for q in quotes:
        shared = min(q.end, item.end) - max(q.start, item.start)
        if shared > best_overlap:
            best, best_overlap = q, shared
    if best is None or best_overlap < MIN_OVERLAP * (item.end - item.start):
        return None
    return best


def score_speakers(gold: Sequence[SpeakerGold], predictions: Mapping[str, Result]
                   ) -> SpeakerScores:
    """Name, role and affiliation accuracy over the gold items the predictions find (only
    the documents in ``predictions`` are scored)."""
    items = [g for g in gold if g.doc in predictions]
    found = name = lenient = role = aff = 0
    errors = []
    for g in items:
        q = _covering(g, predictions[g.doc].quotes)
        if q is None:
            continue
        found += 1
        sp = q.speaker
        pname = sp.name if sp else None
        paff = sp.affiliation if sp else None
        ok = {"name": name_right(g.name, pname),
              "role": role_right(g, _roles_of(sp)),
              "affiliation": affiliation_right(g.affiliation, paff)}
        name += ok["name"]
        lenient += lenient_name_right(g.name, pname)
        role += ok["role"]
        aff += ok["affiliation"]
        wrong = tuple(k for k, v in ok.items() if not v)
        if wrong:
            errors.append(SpeakerCase(
                g.doc, g.quote[:80], wrong, g.name, g.role, g.affiliation, pname,
                sp.role if sp else None, paff,
                sp.mention.text if sp and sp.mention else None, q.resolver))
    return SpeakerScores(len(items), found, name, lenient, role, aff, tuple(errors))
