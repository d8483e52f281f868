"""The renderers: JSON, JSON Lines, the text table and the HTML page."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

import pytest

from quoteattr import Extractor
from quoteattr.render import to_html, to_html_many, to_json, to_json_many, to_jsonl, to_table
from quoteattr.render.html import NEUTRAL, PALETTE, colour
from quoteattr.types import Entity, Quote, Result, Span, Speaker

TEXT = ('"We will win the vote," said Senator Jane Smith.\n'
        'The <b>mayor</b> said the plan was "a mess & a disgrace".\n'
        'Officials said taxes would rise.')


def _span(sub: str, start: int = 0) -> Span:
    i = TEXT.index(sub, start)
    return Span(sub, i, i + len(sub))


def _quote(sub: str, kind: str, cue: str | None, speaker: Speaker | None,
           resolver: str | None = None) -> Quote:
    s = _span(sub)
    cue_span = None if cue is None else _span(cue, s.end if kind == "direct" else s.start - 6)
    return Quote(s.text, s.start, s.end, kind, cue_span, speaker, 0.9 if speaker else 0.0,
                 resolver)


JANE_MENTION = _span("Senator Jane Smith")
JANE = Speaker("Jane Smith", JANE_MENTION, "Senator", "Democrats", "PERSON")
MAYOR = Speaker(None, _span("The <b>mayor</b>"), "mayor <&>", None, "PERSON")
RESULT = Result(
    (
        _quote("We will win the vote", "direct", "said", JANE, "cue_subject"),
        _quote("a mess & a disgrace", "mixed", None, MAYOR, "nearest<x>"),
        _quote("taxes would rise", "indirect", "said", None),
    ),
    (Entity("Jane Smith", "PERSON", (JANE_MENTION,), ("Senator",), "Democrats", 1),),
)


# ---------------------------------------------------------------------------- json

def test_to_json_round_trips_and_keeps_non_ascii() -> None:
    r = Result((Quote("Ça va “bien”", 0, 12, "direct"),))
    out = to_json(r)
    assert "Ça va “bien”" in out  # not \\u escapes
    assert out.count("\n") > 3  # indent=2
    assert Result.from_json(out) == r
    assert "\n" not in to_json(r, indent=None)


def test_to_json_many_maps_names_to_results() -> None:
    data = json.loads(to_json_many([("a.txt", RESULT), ("b.txt", Result())]))
    assert list(data) == ["a.txt", "b.txt"]
    assert Result.from_dict(data["a.txt"]) == RESULT
    assert data["b.txt"] == {"quotes": [], "speakers": []}


def test_to_jsonl_one_line_per_named_result() -> None:
    out = to_jsonl([("a.txt", RESULT), ("dir/b.txt", Result())])
    lines = out.splitlines()
    assert len(lines) == 2 and out.endswith("\n")
    first = json.loads(lines[0])
    assert next(iter(first)) == "file" and first["file"] == "a.txt"
    assert Result.from_dict(first) == RESULT
    assert json.loads(lines[1]) == {"file": "dir/b.txt", "quotes": [], "speakers": []}


# ---------------------------------------------------------------------------- table

def test_table_columns_are_aligned() -> None:
    out = to_table(RESULT, width=120)
    lines = out.splitlines()
    header, rows = lines[0], lines[2:5]
    assert header.split() == ["KIND", "SPEAKER", "ROLE", "CUE", "QUOTE"]
    assert set(lines[1]) <= {"-", " "}
    for col in ("SPEAKER", "ROLE", "CUE", "QUOTE"):
        at = header.index(col)
        for row in rows:  # every cell starts right where its header does
            assert row[at - 2:at] == "  " and row[at] != " ", (col, row)
    assert rows[0].split("  ")[0] == "direct"
    assert "Jane Smith" in rows[0] and "Senator, Democrats" in rows[0]
    assert "We will win the vote" in rows[0]
    # no name: the mention's words; no speaker, no cue: a dash
    assert "The <b>mayor</b>" in rows[1]
    assert re.match(r"indirect\s+-\s+-\s+said\s+taxes would rise$", rows[2])
    assert lines[-1] == "3 quotes, 1 speaker"


def test_table_truncates_the_quote_to_the_width() -> None:
    long = Quote("word " * 40 + "end", 0, 203, "direct", None, JANE)
    for width in (60, 80):
        lines = to_table(Result((long,)), width=width).splitlines()
        assert all(len(line) <= width for line in lines), lines
        assert lines[2].endswith("…")
    wide = to_table(Result((long,)), width=400).splitlines()
    assert wide[2].endswith("word end")


def test_table_puts_multiline_quotes_on_one_line() -> None:
    q = Quote("first line\n\nsecond   line", 0, 25, "direct")
    row = to_table(Result((q,)), width=100).splitlines()[2]
    assert row.endswith("first line second line")


def test_table_of_nothing() -> None:
    assert to_table(Result(), width=80) == "no quotations found\n"


# ---------------------------------------------------------------------------- html

class _Checker(HTMLParser):
    """Collects what the page holds (marks, labels, table rows, legend items, the article's
    own text) and whether the tags nest properly."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = []  # (tag, class)
        self.errors: list[str] = []
        self.marks: list[dict[str, str | None]] = []
        self.article: list[str] = []  # the article's text, labels left out
        self.labels: list[tuple[str, str]] = []  # (class, text)
        self.rows: list[list[str]] = []  # the speaker table's body and foot rows
        self.legend: list[str] = []
        self.styles: list[str] = []

    def _inside(self, tag: str, cls: str = "") -> bool:
        return any(t == tag and cls in c.split() + [""] for t, c in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "br"):
            return
        a = dict(attrs)
        cls = a.get("class") or ""
        self.stack.append((tag, cls))
        if tag == "mark":
            self.marks.append(a)
        elif tag == "span" and "label" in cls.split():
            self.labels.append((cls, ""))
        elif tag == "tr" and self._inside("table", "speakers") and not self._inside("thead"):
            self.rows.append([])
        elif tag == "td" and self.rows:
            self.rows[-1].append("")
        elif tag == "li" and self._inside("ul", "legend"):
            self.legend.append("")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self._inside("style"):
            self.styles.append(data)
        elif self._inside("span", "label"):
            cls, text = self.labels[-1]
            self.labels[-1] = (cls, text + data)
        elif self._inside("article"):
            self.article.append(data)
        elif self._inside("td") and self.rows:
            self.rows[-1][-1] += data
        elif self._inside("li") and self.legend:
            self.legend[-1] += data


def _check(page: str) -> _Checker:
    c = _Checker()
    c.feed(page)
    c.close()
    assert not c.errors and not c.stack, (c.errors, c.stack)
    return c


def _article_text(page: str) -> str:
    """The article with its labels removed and its tags stripped, unescaped."""
    article = re.search(r"<article>(.*?)</article>", page, re.S)
    assert article is not None
    no_labels = re.sub(r'<span class="label[^"]*">.*?</span>(</span>)?', "", article.group(1),
                       flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", no_labels))


def test_html_marks_each_quote_with_a_title() -> None:
    page = to_html(RESULT, TEXT, title="story <1>")
    c = _check(page)
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>story &lt;1&gt;</title>" in page
    # self-contained: inline style, nothing loaded, no script
    for needle in ("<script", "<link", "src=", "href=", "url(", "@import", "http"):
        assert needle not in page, needle
    assert [m["class"] for m in c.marks] == ["direct c0", "mixed c1", "indirect unattributed"]
    first = c.marks[0]["title"] or ""
    assert "speaker: Jane Smith (PERSON)" in first and "role: Senator" in first
    assert "affiliation: Democrats" in first and "resolver: cue_subject" in first
    assert "cue: said" in first
    second = c.marks[1]["title"] or ""
    assert "speaker: The <b>mayor</b>" in second and "role: mayor <&>" in second
    assert "resolver: nearest<x>" in second
    assert "speaker: unknown" in (c.marks[2]["title"] or "")
    assert [(m["data-start"], m["data-end"]) for m in c.marks] == [
        (str(q.start), str(q.end)) for q in RESULT.quotes]


def test_html_labels_each_quote_with_its_speaker_and_role() -> None:
    page = to_html(RESULT, TEXT)
    c = _check(page)
    assert c.labels == [("label c0", "Jane Smith · Senator"),
                        ("label c1", "The <b>mayor</b> · mayor <&>"),
                        ("label unattributed", "unattributed")]
    # right after the closing quotation mark, before the sentence goes on
    assert ('We will win the vote</mark>,&quot;<span class="label c0">Jane Smith'
            '<span class="role"> · Senator</span></span> <span class="cue">said</span>') in page
    assert ('a disgrace</mark>&quot;<span class="label c1">The &lt;b&gt;mayor&lt;/b&gt;'
            '<span class="role"> · mayor &lt;&amp;&gt;</span></span>.') in page
    assert ('taxes would rise</mark><span class="label unattributed">unattributed</span>.'
            in page)


def test_html_label_goes_after_the_closing_mark_not_into_a_word() -> None:
    text = "It was 'terror', Iran's 'plan's' end and 'no'"
    spans = [(s, s + len(w)) for w in ("terror", "plan", "no")
             for s in [text.index(w)]]
    result = Result(tuple(Quote(text[s:e], s, e, "mixed") for s, e in spans))
    page = to_html(result, text).replace("&#x27;", "'")
    label = '<span class="label unattributed">unattributed</span>'
    assert f"terror</mark>'{label}," in page  # after the closing mark
    assert f"plan</mark>{label}'s'" in page  # not between the mark and the word it ends
    assert f"no</mark>'{label}</article>" in page  # at the very end of the text
    assert _article_text(page) == text


def test_html_has_a_speaker_table_sorted_by_number_of_quotes() -> None:
    text = ('"One," said Ann Lee. "Two," said Bob Day. "Three," Bob Day said. '
            'Bob Day said it would rain. Someone said "four". Bob Day called it "a <b>win</b>".')
    ann, bob = Speaker("Ann Lee", _at(text, "Ann Lee"), "mayor", "Springfield", "PERSON"), \
        Speaker("Bob Day", _at(text, "Bob Day"), "chief", None, "PERSON", ("coach", "chief"))
    quotes = (_q(text, "One", "direct", ann), _q(text, "Two", "direct", bob),
              _q(text, "Three", "direct", bob), _q(text, "it would rain", "indirect", bob),
              _q(text, "four", "direct", None), _q(text, "a <b>win</b>", "mixed", bob))
    page = to_html(Result(quotes), text)
    c = _check(page)
    # name, role (other roles after it), affiliation, quotes, direct, mixed, indirect
    assert c.rows == [["Bob Day", "chief (also coach)", "", "4", "2", "1", "1"],
                      ["Ann Lee", "mayor", "Springfield", "1", "1", "0", "0"],
                      ["unattributed", "", "", "1", "1", "0", "0"]]
    assert "<tfoot>" in page  # unattributed is not ranked with the speakers
    assert c.legend[:3] == ["Bob Day", "Ann Lee", "unattributed"]
    assert [m["class"] for m in c.marks] == ["direct c1", "direct c0", "direct c0",
                                            "indirect c0", "direct unattributed", "mixed c0"]
    assert "4 quotes" not in page and "6 quotes, 2 speakers, 1 unattributed" in page
    # the quote's own markup is text: escaped, and whole once the page's markup is stripped
    assert "<b>win</b>" not in page and "a &lt;b&gt;win&lt;/b&gt;</mark>" in page
    assert _article_text(page) == "".join(c.article) == text


def _at(text: str, sub: str) -> Span:
    i = text.index(sub)
    return Span(sub, i, i + len(sub))


def _q(text: str, sub: str, kind: str, speaker: Speaker | None) -> Quote:
    s = _at(text, sub)
    return Quote(s.text, s.start, s.end, kind, None, speaker, 0.5 if speaker else 0.0)


def test_html_legend_and_colours_one_per_speaker() -> None:
    page = to_html(RESULT, TEXT)
    c = _check(page)
    assert c.legend == ["Jane Smith", "The <b>mayor</b>", "unattributed",
                        "direct mixed indirect cue"]
    style = "".join(c.styles)
    colours = {m.group(1): m.group(2)
               for m in re.finditer(r"\.(c\d+|unattributed) \{ --c: (#[0-9a-f]{6}); \}", style)}
    assert colours == {"c0": colour(0), "c1": colour(1), "unattributed": NEUTRAL}
    # swatches, marks, labels and mentions of one speaker share its class
    assert page.count('class="swatch c0"') == 2 and page.count('class="mention c0"') == 1
    assert to_html(RESULT, TEXT) == page  # stable


def _luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_colour[k:k + 2], 16) for k in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def test_html_colours_are_distinct_and_dark_text_reads_on_them() -> None:
    many = [colour(i) for i in range(40)]
    assert len(set(many)) == 40 and NEUTRAL not in many
    assert many[:len(PALETTE)] == list(PALETTE)
    text_l = _luminance("#111111")
    for c in [*many, NEUTRAL]:
        assert re.fullmatch(r"#[0-9a-f]{6}", c)
        assert (_luminance(c) + 0.05) / (text_l + 0.05) >= 7, c  # WCAG AAA


def test_html_escapes_the_article_and_keeps_all_its_text() -> None:
    page = to_html(RESULT, TEXT)
    assert "<b>mayor</b>" not in page and "&lt;b&gt;mayor&lt;/b&gt;" in page
    assert "a mess &amp; a disgrace" in page
    assert 'title="direct quote\nspeaker: Jane Smith (PERSON)\nrole: Senator\n' in page
    c = _check(page)
    assert "".join(c.article) == TEXT  # markup added, not a character lost or moved
    assert _article_text(page) == TEXT
    quoted = re.findall(r"<mark[^>]*>(.*?)</mark>", page, re.S)
    assert html.unescape(re.sub(r"<[^>]+>", "", quoted[1])) == "a mess & a disgrace"


def test_html_nests_and_cuts_overlapping_spans_into_valid_markup() -> None:
    text = "Alpha beta gamma delta epsilon."
    outer = Quote("beta gamma delta", 6, 22, "indirect", Span("Alpha", 0, 5))
    inner = Quote("gamma", 11, 16, "direct")
    crossing = Quote("delta epsilon", 17, 30, "mixed")
    page = to_html(Result((outer, inner, crossing)), text)
    c = _check(page)
    assert "".join(c.article) == text == _article_text(page)
    assert len(c.marks) == 3 and len(c.labels) == 3


def test_html_marks_a_shared_cue_once() -> None:
    text = 'She said "yes" and "no".'
    cue = Span("said", 4, 8)
    result = Result((Quote("yes", 10, 13, "mixed", cue), Quote("no", 20, 22, "mixed", cue)))
    page = to_html(result, text)
    assert page.count('<span class="cue">said</span>') == 1
    assert '<span class="cue"><span' not in page


def test_html_rejects_a_result_of_another_text() -> None:
    from quoteattr import ResultError

    with pytest.raises(ResultError, match="same text"):
        to_html(RESULT, TEXT.replace("We will", "We shall"))
    with pytest.raises(ResultError, match="not in this text"):
        to_html(RESULT, TEXT[:30])


def test_html_many_has_a_section_per_file() -> None:
    page = to_html_many([("a.txt", RESULT, TEXT), ("b<>.txt", Result(), "No quotes.")])
    c = _check(page)
    assert page.count("<section>") == 2 and "<h1>b&lt;&gt;.txt</h1>" in page
    assert "0 quotes, 0 speakers<" in page and "3 quotes, 2 speakers, 1 unattributed<" in page
    assert "".join(c.article) == TEXT + "No quotes."
    assert page.count('<table class="speakers">') == 1  # none for a text without quotes
    assert page.count('<ul class="legend">') == 1


def test_renderers_on_real_fast_mode_output(fast_extractor: Extractor) -> None:
    text = ('"We will win the vote," said Senator Jane Smith.\nShe left.\n'
            '"Taxes <b>will</b> rise," said Governor Tom Reed. "Soon," Reed added.')
    result = fast_extractor.extract(text)
    assert len(result.quotes) >= 2, "fast mode found too few quotes"
    assert Result.from_json(to_json(result)) == result
    assert "We will win the vote" in to_table(result, width=100)
    page = to_html(result, text)
    c = _check(page)
    assert "".join(c.article) == text == _article_text(page)
    assert len(c.marks) == len(c.labels) == len(result.quotes)
    assert "Taxes &lt;b&gt;will&lt;/b&gt; rise" in page
    names = {q.speaker.name for q in result.quotes if q.speaker is not None}
    assert {r[0] for r in c.rows} >= names
    assert sum(int(r[3]) for r in c.rows) == len(result.quotes)
