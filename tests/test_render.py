"""The renderers: JSON, JSON Lines, the text table and the HTML page."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

import pytest

from quoteattr import Extractor
from quoteattr.render import to_html, to_html_many, to_json, to_json_many, to_jsonl, to_table
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
    """Collects marks and their titles, the text, and whether the tags nest properly."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.marks: list[dict[str, str | None]] = []
        self.article: list[str] = []
        self.in_article = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "br"):
            return
        self.stack.append(tag)
        if tag == "article":
            self.in_article = True
        if tag == "mark":
            self.marks.append(dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()
        if tag == "article":
            self.in_article = False

    def handle_data(self, data: str) -> None:
        if self.in_article:
            self.article.append(data)


def _check(page: str) -> _Checker:
    c = _Checker()
    c.feed(page)
    c.close()
    assert not c.errors and not c.stack, (c.errors, c.stack)
    return c


def test_html_marks_each_quote_with_a_title() -> None:
    page = to_html(RESULT, TEXT, title="story <1>")
    c = _check(page)
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>story &lt;1&gt;</title>" in page
    assert [m["class"] for m in c.marks] == ["direct", "mixed", "indirect unattributed"]
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


def test_html_escapes_the_article_and_keeps_all_its_text() -> None:
    page = to_html(RESULT, TEXT)
    assert "<b>mayor</b>" not in page and "&lt;b&gt;mayor&lt;/b&gt;" in page
    assert "a mess &amp; a disgrace" in page
    assert 'title="direct quote\nspeaker: Jane Smith (PERSON)\nrole: Senator\n' in page
    c = _check(page)
    assert "".join(c.article) == TEXT  # markup added, not a character lost or moved
    quoted = re.findall(r"<mark[^>]*>(.*?)</mark>", page, re.S)
    assert html.unescape(re.sub(r"<[^>]+>", "", quoted[1])) == "a mess & a disgrace"


def test_html_nests_and_cuts_overlapping_spans_into_valid_markup() -> None:
    text = "Alpha beta gamma delta epsilon."
    outer = Quote("beta gamma delta", 6, 22, "indirect", Span("Alpha", 0, 5))
    inner = Quote("gamma", 11, 16, "direct")
    crossing = Quote("delta epsilon", 17, 30, "mixed")
    c = _check(to_html(Result((outer, inner, crossing)), text))
    assert "".join(c.article) == text
    assert len(c.marks) == 3


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
    assert "0 quotes, 0 speakers" in page and "3 quotes, 1 speaker<" in page
    assert "".join(c.article) == TEXT + "No quotes."


def test_renderers_on_real_fast_mode_output() -> None:
    text = '"We will win the vote," said Senator Jane Smith.\nShe left.'
    result = Extractor(mode="fast").extract(text)
    assert result.quotes, "fast mode found no quote"
    assert Result.from_json(to_json(result)) == result
    assert "We will win the vote" in to_table(result, width=100)
    c = _check(to_html(result, text))
    assert "".join(c.article) == text and len(c.marks) == len(result.quotes)
