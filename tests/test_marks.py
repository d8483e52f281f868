"""Tests of the quotation-mark scanner (quoteattr.marks)."""

from __future__ import annotations

import itertools
import json
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr.marks import ALL_MARKS, QuotedSpan, find_quotations

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def texts(text: str) -> list[str]:
    return [q.text(text) for q in find_quotations(text)]


def only(text: str) -> QuotedSpan:
    spans = find_quotations(text)
    assert len(spans) == 1, [s.text(text) for s in spans]
    return spans[0]


# --- double quotes ---------------------------------------------------------------------------

def test_straight_double_quotes_exclude_the_marks():
    text = '"We will rebuild," the mayor said on Tuesday.'
    q = only(text)
    assert q.text(text) == "We will rebuild"
    assert (q.open_start, q.start, q.end, q.close_end) == (0, 1, 16, 18)
    assert (q.style, q.depth, q.closed, q.paragraphs) == ("double", 0, True, 1)


def test_curly_double_quotes():
    text = "The minister said “the talks have failed” and left the room."
    q = only(text)
    assert q.text(text) == "the talks have failed"
    assert q.style == "double"
    assert q.closed


def test_several_quotes_in_one_sentence():
    text = 'Officials called the plan "reckless" and "dangerous", and the union said "no".'
    assert texts(text) == ["reckless", "dangerous", "no"]


def test_straight_double_direction_from_context():
    # after punctuation with no space ('."He') the mark closes an open quote, else it opens
    text = 'He said: "It is over."Then she said,"It is not."'
    assert texts(text) == ["It is over.", "It is not."]


# --- single quotes and apostrophes ---------------------------------------------------------

def test_headline_scare_quotes():
    text = ("US reinforces 'ironclad' Israel relationship as Iran accuses country of "
            "'nuclear terrorism'")
    spans = find_quotations(text)
    assert [s.text(text) for s in spans] == ["ironclad", "nuclear terrorism"]
    assert all(s.style == "single" and s.closed for s in spans)


def test_british_single_quote_speech():
    text = "'We have no plans to raise taxes,' the chancellor told MPs."
    q = only(text)
    assert q.text(text) == "We have no plans to raise taxes"
    assert q.style == "single"


def test_curly_single_quotes():
    text = "The prime minister described the deal as ‘a historic moment’ for Britain."
    assert texts(text) == ["a historic moment"]


@pytest.mark.parametrize("text", [
    "Don't expect Israel's government to change course, analysts said.",
    "The Jesus' disciples exhibit opened in the '90s and drew crowds.",
    "He has loved rock 'n' roll since he was 15.",
    "Let ’em try, the coach said at five o’clock.",
    "Hillary Clinton’s campaign and the Democrats’ strategists met.",
    "The teachers' union and the nurses' union will strike.",
    "It was 'tis the season, he joked, in '08.",
])
def test_apostrophes_never_make_quotations(text):
    assert find_quotations(text) == []


def test_apostrophes_inside_a_quotation_do_not_end_it():
    text = "'It was the '90s and we loved rock 'n' roll,' she said. ‘Let ’em eat cake,’ he said."
    assert texts(text) == ["It was the '90s and we loved rock 'n' roll", "Let ’em eat cake"]


def test_curly_apostrophes_inside_a_quotation():
    text = "“Hillary Clinton’s team won’t comment,” a spokesman said."
    assert texts(text) == ["Hillary Clinton’s team won’t comment"]


def test_plural_possessive_inside_a_single_quotation():
    text = "'The students' union is closed,' she said."
    assert texts(text) == ["The students' union is closed"]


def test_plural_word_quoted_in_single_marks():
    text = "Both the 'bosses' and the 'workers' agreed to the deal."
    assert texts(text) == ["bosses", "workers"]


# --- guillemets and low-high marks -----------------------------------------------------------

def test_french_guillemets_with_inner_spaces():
    text = "« Nous y arriverons », a déclaré le président."
    q = only(text)
    assert q.text(text) == "Nous y arriverons"
    assert q.style == "guillemet"
    assert (q.open_start, q.close_end) == (0, text.index("»") + 1)


def test_guillemets_both_ways_round():
    text = "Sie sagte: »Wir schaffen das«. Il a dit «non». Er rief ›Halt‹ und ‹stop›."
    assert texts(text) == ["Wir schaffen das", "non", "Halt", "stop"]
    assert {q.style for q in find_quotations(text)} == {"guillemet"}


def test_low_high_marks():
    text = "„Wir schaffen das“, sagte Merkel. Er sagte ‚nie wieder‘ und ging."
    spans = find_quotations(text)
    assert [s.text(text) for s in spans] == ["Wir schaffen das", "nie wieder"]
    assert [s.style for s in spans] == ["low", "low"]


# --- nesting ---------------------------------------------------------------------------------

def test_nested_single_inside_double():
    text = "\"He told me 'never again' and left,\" she said."
    outer, inner = find_quotations(text)
    assert outer.text(text) == "He told me 'never again' and left"
    assert (outer.depth, outer.style) == (0, "double")
    assert inner.text(text) == "never again"
    assert (inner.depth, inner.style) == (1, "single")


def test_nested_quotes_that_close_together():
    text = "“The sign said ‘keep out’,” he said, “and I read ‘danger’.”"
    spans = find_quotations(text)
    assert [(s.text(text), s.depth) for s in spans] == [
        ("The sign said ‘keep out’", 0), ("keep out", 1),
        ("and I read ‘danger’.", 0), ("danger", 1)]


def test_three_levels():
    text = "«He said “she told me ‘run’ twice” today»"
    assert [(q.text(text), q.depth) for q in find_quotations(text)] == [
        ("He said “she told me ‘run’ twice” today", 0),
        ("she told me ‘run’ twice", 1),
        ("run", 2)]


def test_curly_double_inside_curly_double_nests():
    # reader comments: one writer's double quote inside another's, the directions unambiguous
    text = ("“I’d rather live in what he calls “hell” than here.” ― Adriana\n"
            "“A “B and “C” done.” x")
    assert [(q.text(text), q.depth, q.closed) for q in find_quotations(text)] == [
        ("I’d rather live in what he calls “hell” than here.", 0, True), ("hell", 1, True),
        # "A" is never closed: after the second opener come an opener and a closer
        ("A", 0, False), ("B and “C” done.", 0, True), ("C", 1, True)]


def test_straight_double_marks_never_nest_in_themselves():
    text = '"I\'d rather live in what he calls "hell" than here."'
    assert all(q.depth == 0 for q in find_quotations(text))


# --- paragraphs ------------------------------------------------------------------------------

def test_quotation_over_two_paragraphs():
    text = '"First part of the speech.\n\n"Second part," he said.'
    q = only(text)
    assert (q.start, q.end, q.close_end) == (1, text.index(',"'), text.index(',"') + 2)
    assert q.text(text) == 'First part of the speech.\n\n"Second part'
    assert (q.paragraphs, q.closed, q.depth) == (2, True, 0)


def test_quotation_over_three_paragraphs_then_a_new_one():
    text = ("The minister addressed parliament.\n"
            "“We will not give in.\n"
            "“We will not surrender.\n"
            "“We will win,” she said.\n"
            "Later she added: “That is all.”")
    first, second = find_quotations(text)
    assert first.text(text).startswith("We will not give in.\n")
    assert first.text(text).endswith("“We will win")
    assert (first.paragraphs, first.closed) == (3, True)
    assert second.text(text) == "That is all."
    assert second.paragraphs == 1


def test_unclosed_quote_stops_at_its_paragraph():
    text = ('The mayor said "we will rebuild the bridge by spring.\n\n'
            'The council voted on Monday. Residents said "it is about time."')
    first, second = find_quotations(text)
    assert first.text(text) == "we will rebuild the bridge by spring."
    assert (first.closed, first.close_end, first.paragraphs) == (False, first.end, 1)
    assert second.text(text) == "it is about time."
    assert second.closed


def test_unclosed_quote_ends_before_the_next_quote_of_its_style():
    text = 'He said "we will win. Then "they" left.'
    first, second = find_quotations(text)
    assert (first.text(text), first.closed) == ("we will win. Then", False)
    assert (second.text(text), second.closed) == ("they", True)
    assert first.depth == second.depth == 0


def test_unclosed_single_quote_is_dropped():
    text = "The 'reform was a failure, the report said.\nA 'new' start was promised."
    assert texts(text) == ["new"]


def test_closing_mark_without_opener_is_ignored():
    text = 'he said." The crowd cheered.\nThe pilots\' union" agreed.'
    assert find_quotations(text) == []


def test_stray_inch_marks_and_lone_marks():
    text = 'The suspect is 5\'11" tall and carried a 12" knife " police said.'
    assert find_quotations(text) == []


def test_inch_mark_inside_a_quotation():
    text = '"He is 5\'11" and fast," the coach said.'
    assert texts(text) == ["He is 5'11\" and fast"]


@pytest.mark.parametrize("text", ['"', "'", "“", "«", '""', "''", "a\"b'c\"", '"\n"', "„‚"])
def test_odd_marks_never_raise(text):
    spans = find_quotations(text)
    assert all(s.closed is False or s.close_end > s.end for s in spans)


def test_to_dict_and_text():
    text = '"Yes," she said.'
    q = only(text)
    assert q.to_dict() == {"start": 1, "end": 4, "open_start": 0, "close_end": 6,
                           "style": "double", "depth": 0, "closed": True, "paragraphs": 1}
    assert q.text(text) == "Yes"


# --- the founding article --------------------------------------------------------------------

def test_founding_article_quotes():
    text = (FIXTURES / "founding_article.txt").read_text(encoding="utf-8")
    expected = json.loads((FIXTURES / "founding_expected.json").read_text(encoding="utf-8"))
    headline = text.split("\n", 1)[0]
    repeat = text.index(headline, len(headline))  # the headline is printed twice
    want = {(q["start"], q["end"]) for q in expected["quotes"]}
    for q in expected["headline_quotes"]:
        want |= {(q["start"], q["end"]), (q["start"] + repeat, q["end"] + repeat)}
    for q in (*expected["quotes"], *expected["headline_quotes"]):
        assert text[q["start"]:q["end"]] == q["text"]
    spans = find_quotations(text)
    got = {(s.start, s.end) for s in spans}
    assert want <= got
    # the only other quotations are the two copies of the headline's 'ironclad'
    ironclad = text.index("ironclad")
    assert got - want == {(ironclad, ironclad + 8), (ironclad + repeat, ironclad + repeat + 8)}
    assert all(s.closed and s.depth == 0 and s.paragraphs == 1 for s in spans)


# --- robustness ------------------------------------------------------------------------------

_PARAGRAPH_BREAK = re.compile(r"\n\s*")


def assert_local(text: str, s: QuotedSpan) -> None:
    """A span crosses a paragraph break only into a paragraph opened by a mark, and an
    unclosed span ends with its paragraph or at the next mark."""
    words = text[s.open_start:s.end]
    breaks = list(_PARAGRAPH_BREAK.finditer(words))
    assert all(words[b.end()] in ALL_MARKS for b in breaks)
    assert s.paragraphs == len(breaks) + 1
    if not s.closed:
        newline = text.find("\n", s.end)
        rest = text[s.end:len(text) if newline < 0 else newline]
        rest = re.sub(r"^[\s,]+", "", rest)
        assert not rest or rest[0] in ALL_MARKS


def test_two_megabytes_of_unbalanced_marks_stay_local():
    # speed is measured by benchmarks/, not here; this checks the scan finishes (a
    # backtracking pattern would not) and recovers every unbalanced mark locally
    rng = random.Random(7)
    pieces = ['The minister said "we will win ', "and the 'reform ", "5'11\" ", "“never ",
              'left." ', "« oui ", "the bosses' ", "”", "\n", "\n\n"]
    text = "".join(rng.choice(pieces) for _ in range(230_000))
    assert len(text) > 2_000_000
    assert sum(text.count(c) for c in ALL_MARKS) > 100_000
    spans = find_quotations(text)
    assert len(spans) > 10_000
    assert any(not s.closed for s in spans)
    for s in spans:
        assert_local(text, s)


def test_many_unclosed_openers_in_one_paragraph():
    text = '"word ' * 100_000
    spans = find_quotations(text)
    assert len(spans) == 100_000
    assert {(s.text(text), s.closed, s.depth) for s in spans} == {("word", False, 0)}


_ALPHABET = st.sampled_from(list(ALL_MARKS) + list("ab Z1s .,!?-—()\n\t") + ["\n\n"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_property_offsets_are_consistent(text):
    spans = find_quotations(text)
    assert spans == sorted(spans, key=lambda s: s.start)
    by_depth: dict[int, list[QuotedSpan]] = {}
    for s in spans:
        assert 0 <= s.open_start <= s.start <= s.end <= s.close_end <= len(text)
        assert text[s.open_start] in ALL_MARKS
        assert s.closed == (s.close_end > s.end)
        assert_local(text, s)
        by_depth.setdefault(s.depth, []).append(s)
    for same in by_depth.values():
        for a, b in itertools.pairwise(same):
            assert a.close_end <= b.open_start


def test_a_mark_one_space_away_from_a_nested_mark_pairs_with_it() -> None:
    # typesetters put a space between a nested single mark and the double mark around it
    text = ("\"I've been insulted by the term 'African American outreach,' \" he told the "
            "group. He said: \" 'Outreach' is a term I hate,\" and left.")
    spans = [(text[q.start:q.end], q.depth, q.closed) for q in find_quotations(text)]
    assert spans == [
        ("I've been insulted by the term 'African American outreach,'", 0, True),
        ("African American outreach", 1, True),
        ("'Outreach' is a term I hate", 0, True),
        ("Outreach", 1, True),
    ]
    # a lone mark between spaces with no mark next to it is still no quotation mark
    assert find_quotations('He is 6 " tall " or so') == []


def test_two_apostrophes_are_one_double_mark_that_nests_a_single_quote() -> None:
    # The New York Times writes double quotation marks as two apostrophes
    text = ("Many were older, she said, and ''I had to step back and think, "
            "'This is their lives.'.''\n\n''If you're 80, you went through it,'' she added.")
    spans = find_quotations(text)
    got = [(s.depth, s.style, s.text(text)) for s in spans]
    assert got == [
        (0, "double", "I had to step back and think, 'This is their lives.'."),
        (1, "single", "This is their lives."),
        (0, "double", "If you're 80, you went through it"),
    ]
    outer = spans[0]
    assert text[outer.open_start:outer.start] == "''"
    assert text[outer.end:outer.close_end] == "''"
