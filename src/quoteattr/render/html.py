"""The article as HTML, each quote a ``<mark>`` whose title names speaker, role and resolver.

Cues are wrapped in ``<span class="cue">``. Every piece of the text is escaped with
:func:`html.escape`; the page is a plain string template with a small inline style sheet, so
it needs no dependency and opens in any browser.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

import attrs

from ..errors import ResultError
from ..types import Quote, Result

_STYLE = """\
body { font: 16px/1.6 Georgia, serif; max-width: 46em; margin: 2em auto; padding: 0 1em; }
article { white-space: pre-wrap; margin-bottom: 3em; }
mark { padding: 0 .1em; border-radius: .2em; }
mark.direct { background: #ffe58f; }
mark.mixed { background: #b7eb8f; }
mark.indirect { background: #bae7ff; }
mark.unattributed { outline: 2px dashed #cf1322; }
span.cue { font-weight: bold; text-decoration: underline; }
p.summary { color: #555; font: 14px sans-serif; }"""

_PAGE = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
{style}
</style>
</head>
<body>
{body}
</body>
</html>
"""

_SECTION = """\
<section>
<h1>{title}</h1>
<p class="summary">{summary}</p>
<article>{article}</article>
</section>"""


@attrs.frozen
class _Mark:
    start: int
    end: int
    open_tag: str
    close_tag: str


def to_html(result: Result, text: str, title: str = "quoteattr") -> str:
    """A complete HTML page of ``text`` with the quotes of ``result`` highlighted.

    Raises:
        ValueError: a quote's offsets do not index ``text`` (the result is of another text).
    """
    return to_html_many([(title, result, text)], title)


def to_html_many(items: Iterable[tuple[str, Result, str]], title: str = "quoteattr") -> str:
    """One page with a section per ``(name, result, text)``, e.g. one per input file."""
    sections = [_section(name, result, text) for name, result, text in items]
    return _PAGE.format(title=html.escape(title), style=_STYLE, body="\n".join(sections))


def _section(name: str, result: Result, text: str) -> str:
    n, k = len(result.quotes), len(result.speakers)
    summary = f"{n} quote{'' if n == 1 else 's'}, {k} speaker{'' if k == 1 else 's'}"
    return _SECTION.format(title=html.escape(name), summary=summary,
                           article=highlight(result, text))


def highlight(result: Result, text: str) -> str:
    """The escaped ``text`` with quotes in ``<mark>`` and cues in ``<span class="cue">``.

    Marks nest when one span holds another; a span that crosses the end of an enclosing one is
    cut there, so the markup is always well formed.
    """
    marks: list[_Mark] = []
    cues: set[tuple[int, int]] = set()  # a cue shared by several quotes is marked once
    for q in result.quotes:
        _check(q, text)
        marks.append(_Mark(q.start, q.end, _open_quote(q), "</mark>"))
        if q.cue is not None and q.cue.end <= len(text):
            cues.add((q.cue.start, q.cue.end))
    marks.extend(_Mark(s, e, '<span class="cue">', "</span>") for s, e in sorted(cues))
    return _render(text, marks)


def _check(q: Quote, text: str) -> None:
    if q.end > len(text) or text[q.start:q.end] != q.text:
        raise ResultError(f"quote {q.text[:40]!r} at {q.start}:{q.end} is not in this text; "
                         "pass the same text the result was extracted from")


def _open_quote(q: Quote) -> str:
    classes = [q.kind] + ([] if q.speaker is not None else ["unattributed"])
    return (f'<mark class="{html.escape(" ".join(classes))}" title="{html.escape(_title(q))}"'
            f' data-start="{q.start}" data-end="{q.end}">')


def _title(q: Quote) -> str:
    lines = [f"{q.kind} quote"]
    if q.speaker is None:
        lines.append("speaker: unknown")
    else:
        sp = q.speaker
        mention = sp.mention.text if sp.mention is not None else None
        lines.append(f"speaker: {sp.name or mention or 'unknown'} ({sp.type})")
        if sp.role:
            lines.append(f"role: {sp.role}")
        if sp.affiliation:
            lines.append(f"affiliation: {sp.affiliation}")
    if q.cue is not None:
        lines.append(f"cue: {q.cue.text}")
    lines.append(f"resolver: {q.resolver or 'none'} (confidence {q.confidence:.2f})")
    return "\n".join(lines)


def _render(text: str, marks: list[_Mark]) -> str:
    out: list[str] = []
    stack: list[_Mark] = []
    pos = 0

    def close_until(offset: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= offset:
            top = stack.pop()
            out.append(html.escape(text[pos:top.end]) + top.close_tag)
            pos = top.end

    for m in sorted(marks, key=lambda m: (m.start, -m.end)):
        close_until(m.start)
        end = min(m.end, stack[-1].end) if stack else m.end
        start = max(m.start, pos)
        if end <= start:
            continue
        out.append(html.escape(text[pos:start]) + m.open_tag)
        pos = start
        stack.append(attrs.evolve(m, start=start, end=end))
    close_until(len(text) + 1)
    out.append(html.escape(text[pos:]))
    return "".join(out)
