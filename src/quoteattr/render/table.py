"""An aligned plain-text table of the quotes: kind, speaker, role, cue and quote text.

Columns are padded with spaces; cells too long for their column end in ``…``. The quote column
takes whatever width is left, so each line fits ``width`` characters unless the width is too
small for even the narrowest columns.
"""

from __future__ import annotations

import shutil

from ..types import Quote, Result

HEADERS = ("KIND", "SPEAKER", "ROLE", "CUE", "QUOTE")
GAP = "  "
ELLIPSIS = "…"
# the most each column may take before the quote column gets the rest
_CAPS = (8, 28, 28, 18)
_MIN_SHRUNK = 10  # speaker and role shrink to this before the quote goes below _MIN_QUOTE
_MIN_QUOTE = 20


def to_table(result: Result, width: int | None = None) -> str:
    """The quotes of ``result`` as aligned text columns, ending in a summary line.

    Args:
        result: what :meth:`quoteattr.Extractor.extract` returned.
        width: the line width to fit; ``None`` uses the terminal's (100 when not a terminal).
    """
    if width is None:
        width = shutil.get_terminal_size((100, 24)).columns
    if not result.quotes:
        return "no quotations found\n"
    rows = [_row(q) for q in result.quotes]
    widths = _widths(rows, width)
    lines = [_line(HEADERS, widths)]
    lines.append(_line(tuple("-" * w for w in widths), widths))
    lines.extend(_line(r, widths) for r in rows)
    n_speakers = len(result.speakers)
    lines.append(f"{_plural(len(rows), 'quote')}, {_plural(n_speakers, 'speaker')}")
    return "\n".join(lines) + "\n"


def _row(q: Quote) -> tuple[str, ...]:
    speaker = role = "-"
    if q.speaker is not None:
        mention = q.speaker.mention.text if q.speaker.mention is not None else None
        speaker = q.speaker.name or mention or "-"
        parts = [p for p in (q.speaker.role, q.speaker.affiliation) if p]
        role = ", ".join(parts) or "-"
    cue = q.cue.text if q.cue is not None else "-"
    return tuple(_one_line(c) for c in (q.kind, speaker, role, cue, q.text))


def _widths(rows: list[tuple[str, ...]], width: int) -> list[int]:
    natural = [max(len(HEADERS[i]), *(len(r[i]) for r in rows)) for i in range(len(HEADERS))]
    widths = [min(natural[i], _CAPS[i]) for i in range(4)]
    available = width - len(GAP) * (len(HEADERS) - 1) - widths[0] - widths[3]
    # narrow speaker/role (the wider first) until the quote column gets its minimum
    while widths[1] + widths[2] + _MIN_QUOTE > available and max(widths[1:3]) > _MIN_SHRUNK:
        k = 1 if widths[1] >= widths[2] else 2
        widths[k] -= 1
    quote_w = max(_MIN_QUOTE, available - widths[1] - widths[2])
    widths.append(min(quote_w, natural[4]))
    return widths


def _line(cells: tuple[str, ...], widths: list[int]) -> str:
    padded = [_fit(c, w) for c, w in zip(cells, widths, strict=True)]
    padded[-1] = padded[-1].rstrip()
    return GAP.join(padded).rstrip()


def _fit(cell: str, w: int) -> str:
    if len(cell) > w:
        cell = cell[:max(w - 1, 0)] + ELLIPSIS
    return cell.ljust(w)


def _one_line(s: str) -> str:
    return " ".join(s.split())


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")
