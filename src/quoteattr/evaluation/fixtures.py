"""Gold quotes from hand-written expectations (the founding article's ``expected.json``).

``expected.json`` lists quotes under ``quotes``, ``headline_quotes`` and ``indirect_quotes``,
each with ``text``, ``start``, ``end``, ``kind``, ``cue`` (a word) and ``speaker`` (``mention``,
``name``, ``role``, ``type``): the cue and the mention are strings, so they are located in the
text as the whole-word occurrence nearest the quote, outside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from quoteattr.evaluation.brat import QUOTE_MARKS, GoldQuote
from quoteattr.types import Quote, Result, Span, Speaker

EXPECTED_SECTIONS: tuple[str, ...] = ("quotes", "headline_quotes", "indirect_quotes")


def locate(text: str, needle: str | None, start: int, end: int) -> Span | None:
    """The whole-word occurrence of ``needle`` nearest to ``text[start:end]``, outside it."""
    if not needle:
        return None
    best: tuple[int, int] | None = None
    for m in re.finditer(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", text):
        if m.start() < end and start < m.end():
            continue
        distance = start - m.end() if m.end() <= start else m.start() - end
        if best is None or distance < best[0]:
            best = (distance, m.start())
    return None if best is None else Span.of(text, best[1], best[1] + len(needle))


def _gold(entry: Mapping[str, Any], text: str, start: int, end: int) -> GoldQuote:
    speaker = entry.get("speaker") or {}
    mention = locate(text, speaker.get("mention"), start, end)
    return GoldQuote(entry["kind"], start, end, text[start:end],
                     locate(text, entry.get("cue"), start, end),
                     () if mention is None else (mention,), (), speaker.get("name"))


def _copies(text: str, quote: str, known: set[int]) -> list[int]:
    """Starts of other occurrences of ``quote`` enclosed in quotation marks."""
    return [m.start() for m in re.finditer(re.escape(quote), text)
            if m.start() not in known and m.start() > 0 and m.end() < len(text)
            and text[m.start() - 1] in QUOTE_MARKS and text[m.end()] in QUOTE_MARKS]


def gold_from_expected(expected: Mapping[str, Any], text: str,
                       headline_copies: bool = False) -> list[GoldQuote]:
    """The gold quotes of an ``expected.json`` dict for its article ``text``, sorted.

    Raises ``ValueError`` when an entry's offsets do not select its text. With
    ``headline_copies``, every other quoted occurrence of a headline quote (the headline is
    often repeated) is a gold quote too.
    """
    quotes: list[GoldQuote] = []
    for section in EXPECTED_SECTIONS:
        for entry in expected.get(section, ()):
            start, end = int(entry["start"]), int(entry["end"])
            if text[start:end] != entry["text"]:
                raise ValueError(f"{section}: {entry['text']!r} is not at {start}:{end}")
            quotes.append(_gold(entry, text, start, end))
            if headline_copies and section == "headline_quotes":
                known = {q.start for q in quotes}
                quotes.extend(_gold(entry, text, s, s + end - start)
                              for s in _copies(text, entry["text"], known))
    return sorted(quotes, key=lambda q: (q.start, q.end))


def result_from_gold(quotes: Iterable[GoldQuote],
                     roles: Mapping[str, str | None] | None = None) -> Result:
    """A :class:`Result` that predicts exactly the gold quotes (an upper bound, for checks).

    The speaker's mention is the first Source span, its name the gold name (else the mention
    text), its role ``roles[name]`` where given.
    """
    out = []
    for g in quotes:
        mention = g.source[0] if g.source else None
        name = g.source_name or (mention.text if mention else None)
        speaker = None if mention is None and name is None else Speaker(
            name, mention, (roles or {}).get(name or ""))
        out.append(Quote(g.text, g.start, g.end, g.kind, g.cue, speaker, 1.0, "gold"))
    return Result(tuple(out))
