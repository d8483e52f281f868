"""The article as a self-contained HTML page: quotes coloured by speaker, with a speaker table.

Each section (one per text) has a table of the speakers, the most quoted first (name, role,
affiliation, number of quotes and how many of each kind), a legend of their colours, and the
article itself: every quote a ``<mark>`` in its speaker's colour, followed by a small label
naming the speaker and role; cues in ``<span class="cue">``, the speaker mentions the quotes
were attributed to in ``<span class="mention">``. Unattributed quotes are grey. The full
details (resolver, confidence) stay in each mark's ``title``.

The page is rendered from ``templates/view.html.j2`` (jinja2, autoescaped); the article's
markup is built here with every piece of text escaped. The style sheet is inline and there is
no script, so the page opens in any browser, offline.
"""

from __future__ import annotations

import colorsys
import functools
import html
from collections import Counter
from collections.abc import Iterable

import attrs
import jinja2
from markupsafe import Markup

from ..errors import ResultError
from ..types import QUOTE_KINDS, Quote, Result, Speaker

#: light speaker colours, the most distinct first (ColorBrewer Set3 without its grey, its
#: purple lightened): dark text on each has a contrast ratio of 7 or more (WCAG AAA)
PALETTE: tuple[str, ...] = ("#80b1d3", "#fdb462", "#b3de69", "#fb8072", "#bebada", "#8dd3c7",
                            "#fccde5", "#ffed6f", "#d4a9d5", "#ccebc5", "#ffffb3")
#: the colour of unattributed quotes
NEUTRAL = "#e0e0e0"
#: closing quotation marks a label is put after, so that it does not split ``vote,"``
_CLOSERS = frozenset("\"'”’»›")
_TRAILING = frozenset(",.;:!?…") | _CLOSERS
_SEP = " · "


@attrs.frozen
class _Mark:
    start: int
    end: int
    open_tag: str
    close_tag: str


@attrs.frozen
class SpeakerRow:
    """One speaker of a text as the table shows it, with its colour class and quote counts."""

    key: tuple[str, str]
    name: str
    role: str | None
    other_roles: tuple[str, ...]
    affiliation: str | None
    direct: int
    mixed: int
    indirect: int
    css_class: str
    first: int  #: where its first quote starts

    @property
    def quotes(self) -> int:
        """The number of its quotes, all kinds together."""
        return self.direct + self.mixed + self.indirect

    @property
    def label(self) -> str:
        """What the label after each of its quotes says: name and role."""
        return self.name + (_SEP + self.role if self.role else "")


@attrs.frozen
class KindCounts:
    """How many quotes of each kind (here: of the unattributed quotes)."""

    direct: int
    mixed: int
    indirect: int

    @property
    def quotes(self) -> int:
        """All kinds together."""
        return self.direct + self.mixed + self.indirect


@attrs.frozen
class _Section:
    name: str
    summary: str
    error: str | None
    rows: tuple[SpeakerRow, ...]
    unattributed: KindCounts | None
    article: Markup


def to_html(result: Result, text: str, title: str = "quoteattr") -> str:
    """A complete HTML page of ``text`` with the quotes of ``result`` highlighted.

    Raises:
        ResultError: a quote's offsets do not index ``text`` (the result is of another text).
    """
    return to_html_many([(title, result, text)], title)


def to_html_many(items: Iterable[tuple[str, Result, str]], title: str = "quoteattr") -> str:
    """One page with a section per ``(name, result, text)``, e.g. one per input file."""
    sections = [_section(name, result, text) for name, result, text in items]
    n_colours = max((len(s.rows) for s in sections), default=0)
    return _template().render(title=title, sections=sections, neutral=NEUTRAL,
                              colours=[colour(i) for i in range(n_colours)])


def colour(i: int) -> str:
    """The ``i``-th speaker colour: the palette, then light hues a golden angle apart."""
    if i < len(PALETTE):
        return PALETTE[i]
    hue = (i * 0.381966) % 1.0
    r, g, b = colorsys.hls_to_rgb(hue, 0.8, 0.7)
    return "#" + "".join(f"{round(v * 255):02x}" for v in (r, g, b))


def speaker_rows(result: Result) -> tuple[SpeakerRow, ...]:
    """The speakers of ``result``'s quotes, the most quoted first (ties: the first to speak).

    A named speaker is one row however it is mentioned; an unnamed one (``media there``) is
    a row per wording of its mention. Row ``i`` has the colour class ``c{i}``.
    """
    groups: dict[tuple[str, str], list[Quote]] = {}
    for q in result.quotes:
        if q.speaker is not None:
            groups.setdefault(speaker_key(q.speaker), []).append(q)
    ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[1][0].start))
    return tuple(_row(key, quotes, f"c{i}") for i, (key, quotes) in enumerate(ranked))


def speaker_key(sp: Speaker) -> tuple[str, str]:
    """What makes two quotes' speakers the same row: the name, else the mention's words."""
    if sp.name:
        return ("name", sp.name)
    if sp.mention is not None:
        return ("mention", " ".join(sp.mention.text.split()).casefold())
    return ("unknown", "")


def _row(key: tuple[str, str], quotes: list[Quote], css_class: str) -> SpeakerRow:
    speakers = [q.speaker for q in quotes if q.speaker is not None]
    first = speakers[0]
    mention = first.mention.text if first.mention is not None else None
    name = " ".join((first.name or mention or "unknown speaker").split())
    role = next((s.role for s in speakers if s.role), None)
    affiliation = next((s.affiliation for s in speakers if s.affiliation), None)
    others = tuple(dict.fromkeys(r for s in speakers for r in s.roles if r != role))
    kinds = _kinds(quotes)
    return SpeakerRow(key, name, role, others, affiliation, kinds.direct, kinds.mixed,
                      kinds.indirect, css_class, quotes[0].start)


def _kinds(quotes: Iterable[Quote]) -> KindCounts:
    n = Counter(q.kind for q in quotes)
    return KindCounts(n["direct"], n["mixed"], n["indirect"])


def _section(name: str, result: Result, text: str) -> _Section:
    rows = speaker_rows(result)
    unattributed = [q for q in result.quotes if q.speaker is None]
    n = len(result.quotes)
    summary = f"{_plural(n, 'quote')}, {_plural(len(rows), 'speaker')}"
    if unattributed:
        summary += f", {len(unattributed)} unattributed"
    return _Section(name, summary, result.error, rows,
                    _kinds(unattributed) if unattributed else None,
                    Markup(_highlight(result, text, rows)))


def highlight(result: Result, text: str) -> str:
    """The escaped ``text`` with quotes in ``<mark>``, labels, cues and speaker mentions.

    Marks nest when one span holds another; a span that crosses the end of an enclosing one is
    cut there, so the markup is always well formed. Removing the ``<span class="label">``
    elements and all tags leaves ``text``, escaped.
    """
    return _highlight(result, text, speaker_rows(result))


def _highlight(result: Result, text: str, rows: Iterable[SpeakerRow]) -> str:
    by_key = {r.key: r for r in rows}
    marks: list[_Mark] = []
    labels: list[tuple[int, str]] = []
    cues: set[tuple[int, int]] = set()  # a cue shared by several quotes is marked once
    mentions: dict[tuple[int, int], str] = {}
    for q in result.quotes:
        _check(q, text)
        row = by_key[speaker_key(q.speaker)] if q.speaker is not None else None
        css = row.css_class if row is not None else "unattributed"
        marks.append(_Mark(q.start, q.end, _open_quote(q, css), "</mark>"))
        labels.append((_label_at(text, q), _label(row)))
        if q.cue is not None and q.cue.end <= len(text):
            cues.add((q.cue.start, q.cue.end))
        mention = q.speaker.mention if q.speaker is not None else None
        if mention is not None and mention.end <= len(text) and mention.end > mention.start:
            mentions.setdefault((mention.start, mention.end), css)
    marks.extend(_Mark(s, e, '<span class="cue">', "</span>") for s, e in sorted(cues))
    marks.extend(_Mark(s, e, f'<span class="mention {css}">', "</span>")
                 for (s, e), css in sorted(mentions.items()))
    return _render(text, marks, labels)


def _check(q: Quote, text: str) -> None:
    if q.end > len(text) or text[q.start:q.end] != q.text:
        raise ResultError(f"quote {q.text[:40]!r} at {q.start}:{q.end} is not in this text; "
                          "pass the same text the result was extracted from")


def _open_quote(q: Quote, css: str) -> str:
    classes = f"{q.kind} {css}" if q.kind in QUOTE_KINDS else css
    return (f'<mark class="{html.escape(classes)}" title="{html.escape(_title(q))}"'
            f' data-start="{q.start}" data-end="{q.end}">')


def _label(row: SpeakerRow | None) -> str:
    """The label after a quote: its speaker (bold) and role, in the speaker's colour."""
    if row is None:
        return '<span class="label unattributed">unattributed</span>'
    role = f'<span class="role">{html.escape(_SEP + row.role)}</span>' if row.role else ""
    return f'<span class="label {row.css_class}">{html.escape(row.name)}{role}</span>'


def _label_at(text: str, q: Quote) -> int:
    """Where the label of ``q`` goes: after its closing quotation mark, where one follows
    (``vote,"`` or ``disgrace"``), else right after the quote."""
    at, i = q.end, q.end
    while i < len(text) and i - q.end < 3 and text[i] in _TRAILING:
        i += 1
        if text[i - 1] in _CLOSERS and (i == len(text) or not text[i].isalnum()):
            at = i
    return at


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


def _render(text: str, marks: list[_Mark], inserts: list[tuple[int, str]]) -> str:
    """``text`` escaped, with the marks' tags around their spans and each insert's markup at
    its offset (after the marks that end there, before those that start there)."""
    out: list[str] = []
    stack: list[_Mark] = []
    pos = 0

    def close_until(offset: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= offset:
            top = stack.pop()
            out.append(html.escape(text[pos:top.end]) + top.close_tag)
            pos = top.end

    events: list[tuple[int, int, int, _Mark | str]] = [(at, 0, 0, s) for at, s in inserts]
    events.extend((m.start, 1, -m.end, m) for m in marks)
    for at, _, _, item in sorted(events, key=lambda e: e[:3]):
        close_until(at)
        if isinstance(item, str):
            out.append(html.escape(text[pos:at]) + item)
            pos = at
            continue
        end = min(item.end, stack[-1].end) if stack else item.end
        start = max(item.start, pos)
        if end <= start:
            continue
        out.append(html.escape(text[pos:start]) + item.open_tag)
        pos = start
        stack.append(attrs.evolve(item, start=start, end=end))
    close_until(len(text) + 1)
    out.append(html.escape(text[pos:]))
    return "".join(out)


@functools.cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.PackageLoader("quoteattr.render", "templates"),
                             autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    return env.get_template("view.html.j2")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")
