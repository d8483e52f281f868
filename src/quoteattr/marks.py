"""Quotation marks: every quoted stretch of a text, with its style, nesting and paragraphs.

Pure text, no parse. The algorithm is one linear pass, with no backtracking regex:

1. **Candidates.** One regex finds every run of adjacent quotation-mark characters (a
   *cluster*, e.g. ``'"`` closing a nested quote). Three small regexes first rule out marks
   that are not quotation marks: inch marks (``5'11"``), ``rock 'n' roll`` and leading
   elisions (``'em``, ``'tis``, ``the '90s``).
2. **Roles.** Each mark gets a role from its character and the characters just outside its
   cluster: *open* (space or an opening bracket before, a word after), *close* (a word or
   punctuation before, space or punctuation after), *either* (an undecided straight mark,
   e.g. ``."He``: it closes when its family is open, else opens) or none (a lone mark between
   spaces, unless the next character past one of the spaces is another mark: ``,' " he``
   closes, as typesetters separate nested marks with a space; an apostrophe inside a word
   such as ``don't``, ``Clinton’s``, ``o’clock``; a right single mark at the start of a
   word, ``’em``). Two apostrophes together (``''Yes,'' he said``, The New York Times'
   style) are one double mark. Curly marks keep their own direction unless
   the context clearly says otherwise. A closer that may be an apostrophe or an inch mark
   (``bosses'``, ``goin'``, ``12"``) is *weak*: it is skipped when the next mark of its
   family in the same paragraph is a closer too.
3. **Pairing.** A stack of open marks. A closer closes the nearest open mark of its family
   (double, single, and each guillemet direction); open marks above that one end there,
   unclosed. A closer with nothing of its family open is ignored. An opener that finds an
   open mark of its own family on top of the stack ends that one first: a style is never
   nested directly inside itself, so the earlier mark was left unclosed. The exception is
   curly double marks whose next two marks in the paragraph are both closers
   (``“... he calls “hell” than ...”``): they nest.
4. **Paragraphs** (lines, as in :func:`quoteattr.nlp.document.split_paragraphs`). When a
   paragraph ends with marks still open and the next paragraph starts with an opening mark
   of an open family, the quotation continues (the journalistic convention for a quote over
   several paragraphs). Otherwise every open mark is recovered locally: an unclosed single
   quote is dropped (it is most likely an apostrophe), any other becomes a span with
   ``closed=False`` ending at the end of its paragraph.
5. **Depth** is computed from how the final spans contain each other.

Every mark is pushed and popped at most once, so the whole pass is linear in the text.
The quoted words exclude the marks, space just inside them and a trailing comma (``"Yes," she
said`` gives ``Yes``). Spans with no letter or digit inside (``""``, ``'...'``) are dropped.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import attrs
import regex

from .nlp.document import split_paragraphs

# --- mark characters ---------------------------------------------------------------------
# Double marks: straight, left and right curly, and the reversed-9 left mark.
DOUBLE_MARKS = '"“”‟'
# Single marks: straight (also the apostrophe), left and right curly (the right one is also
# the curly apostrophe), and the reversed-9 left mark.
SINGLE_MARKS = "'‘’‛"
# Low-9 opening marks (German and Polish „...“ / „...”, and ‚...‘); they close with high marks.
LOW_MARKS = "„‚"
# Guillemets, double and single, either way round: French «...», German and Danish »...«.
GUILLEMETS = "«»‹›"
#: Every quotation-mark character: the one alphabet the other stages read.
ALL_MARKS = DOUBLE_MARKS + SINGLE_MARKS + LOW_MARKS + GUILLEMETS
#: Dashes, as set before a trailing attribution (``..." -Commissioner Geoffrey Starks``).
DASHES = "-—–―"


def is_marks(token: str) -> bool:
    """Whether ``token`` (a word of the parse) is made of quotation marks only."""
    return bool(token) and all(ch in ALL_MARKS for ch in token)

# --- context characters ------------------------------------------------------------------
# Just before a mark, these (like a space) let it open: ("...") or —"...".
OPENING_CONTEXT = "([{<—–-/"
# Just after a mark, these (like a space) let it close: "...", or "...". or ("...").
CLOSING_CONTEXT = ".,;:!?)]}>—–-/…"
# Just after a mark, these stop it from opening, even with a space before it: `word ", he`.
NOT_AFTER_OPENER = ",;:!?)]}>"
# Thin, hair and narrow no-break spaces sometimes set between two nested marks: “ ‘.
MARK_SPACES = "\u2009\u200a\u202f"

# A comma just before the closing mark belongs to the reporting sentence ("Yes," she said),
# not to the quoted words: it is left out of the span, like trailing space.
TRAILING_COMMAS = ",،、，"

# Mark families: a closer closes an open mark of its own family only.
DOUBLE, SINGLE = "D", "S"  # guillemet families are named by their closing character
_FAMILY = {**dict.fromkeys('"“”‟„', DOUBLE), **dict.fromkeys("'‘’‛‚", SINGLE)}
_GUILLEMET_PAIR = {"«": "»", "»": "«", "‹": "›", "›": "‹"}
_STYLE = {**dict.fromkeys(DOUBLE_MARKS, "double"), **dict.fromkeys(SINGLE_MARKS, "single"),
          **dict.fromkeys(LOW_MARKS, "low"), **dict.fromkeys(GUILLEMETS, "guillemet")}

OPEN, CLOSE, EITHER = "open", "close", "either"

_CLUSTER = regex.compile(f"[{ALL_MARKS}](?:[{MARK_SPACES}]?[{ALL_MARKS}])*")
# Marks that are never quotation marks: feet and inches, rock 'n' roll, leading elisions.
_INCH = regex.compile(r"(?<=\d)['′’]\d{1,2}(?:\.\d+)?[\"″”]")
_ROCK_N_ROLL = regex.compile(r"(?<=^|\s)['‘’]n['‘’](?=\s|$)", regex.IGNORECASE)
_ELISION = regex.compile(
    r"['‘’](?=(?:em|tis|twas|twere|til|bout|nuff|n)\b|\d0s\b)"
    r"|(?<=\b(?:the|in|of|since|from|until|by|early|late|mid|class)\s)['‘’](?=\d\d\b)",
    regex.IGNORECASE)
_WORD_CHAR = regex.compile(r"[\p{L}\p{N}]")
# two single marks written for one double mark, as The New York Times does
_APOSTROPHE_PAIRS = ("''", "‘‘", "’’")


@attrs.frozen
class QuotedSpan:
    """One quotation: its words ``[start, end)`` and its marks ``[open_start, close_end)``."""

    start: int  # first char of the quoted words (after the opening mark)
    end: int  # end (exclusive) of the quoted words (before the closing mark)
    open_start: int  # offset of the opening mark
    close_end: int  # offset just after the closing mark; == end when unclosed
    style: str  # "double" | "single" | "guillemet" | "low"
    depth: int  # 0 top level; 1 nested inside another quotation, ...
    closed: bool  # False when recovered from an unbalanced or unclosed mark
    paragraphs: int = 1  # >1 for a quotation running over several paragraphs

    def text(self, source: str) -> str:
        """The quoted words, without the marks."""
        return source[self.start:self.end]

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen
class _Mark:
    pos: int
    char: str
    role: str  # OPEN | CLOSE | EITHER
    family: str
    para: int
    weak: bool = False  # a closer that may be an apostrophe or an inch mark
    width: int = 1  # 2 for two apostrophes written as one double mark (''...'')


def find_quotations(text: str) -> list[QuotedSpan]:
    """Every quotation in ``text``, at every depth, sorted by ``start``."""
    paras = [(p.start, p.end) for p in split_paragraphs(text)]
    marks = _candidate_marks(text, paras)
    pairer = _Pairer(text, paras)
    pairer.run(marks, _skipped_weak_closers(marks), _nesting_openers(marks))
    return _with_depths(pairer.spans)


# --- 1 and 2: candidates and roles -----------------------------------------------------------

def _not_quotation_marks(text: str) -> set[int]:
    """Offsets of mark characters that are apostrophes, primes or elisions."""
    out: set[int] = set()
    for m in _INCH.finditer(text):
        out.update((m.start(), m.end() - 1))
    for m in _ROCK_N_ROLL.finditer(text):
        out.update((m.start(), m.end() - 1))
    out.update(m.start() for m in _ELISION.finditer(text))
    return out


def _candidate_marks(text: str, paras: list[tuple[int, int]]) -> list[_Mark]:
    """The marks that may open or close a quotation, in text order, with their roles."""
    excluded = _not_quotation_marks(text)
    out: list[_Mark] = []
    para = 0
    for cluster in _CLUSTER.finditer(text):
        start, end = cluster.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if end - start == 1 and before == " " and after in (" ", ""):
            # a lone mark set one space away from another mark closes or opens with it:
            # 'the term 'outreach,' " he told' / '" 'Outreach' is a term'
            if start >= 2 and text[start - 2] in ALL_MARKS:
                before = text[start - 2]
            elif end + 1 < len(text) and text[end + 1] in ALL_MARKS:
                after = text[end + 1]
        while paras[para][1] <= start:  # a mark is never whitespace, so it is in a paragraph
            para += 1
        if text[start:end] in _APOSTROPHE_PAIRS and not {start, start + 1} & excluded:
            # two apostrophes as one double mark (''Yes,'' he said): a double mark, so that a
            # single quotation inside it nests (''I thought, 'This is it.' ''")
            role = _role('"', before, after)
            if role is not None:
                out.append(_Mark(start, '"', role, DOUBLE, para, width=2))
            continue
        for pos in range(start, end):
            ch = text[pos]
            if ch in MARK_SPACES or pos in excluded:
                continue
            role = _role(ch, before, after)
            if role is None:
                continue
            family = _family(ch, role)
            weak = role == CLOSE and _may_be_apostrophe(text, start, family)
            out.append(_Mark(pos, ch, role, family, para, weak))
    return out


def _role(ch: str, before: str, after: str) -> str | None:
    """OPEN, CLOSE, EITHER or None for a mark between ``before`` and ``after``."""
    left_space = not before or before.isspace()
    right_space = not after or after.isspace()
    if left_space and right_space:  # a lone mark; only guillemets are set between spaces
        return {"«": OPEN, "‹": OPEN, "»": CLOSE, "›": CLOSE}.get(ch)
    inside_word = before.isalnum() and after.isalnum()
    opens = ((left_space or before in OPENING_CONTEXT) and not right_space
             and after not in NOT_AFTER_OPENER)
    closes = (right_space or after in CLOSING_CONTEXT) and not left_space
    only_opens, only_closes = opens and not closes, closes and not opens
    if ch == '"':
        if only_opens:
            return OPEN
        return CLOSE if only_closes or inside_word else EITHER
    if ch == "'":
        if inside_word:
            return None
        if only_opens:
            return OPEN
        return CLOSE if only_closes else EITHER
    if ch in "“‟":
        return CLOSE if only_closes else OPEN
    if ch == "”":
        return EITHER if only_opens else CLOSE
    if ch in "‘‛":
        if inside_word:
            return None
        return CLOSE if only_closes else OPEN
    if ch == "’":
        return None if inside_word or only_opens else CLOSE
    if ch == "„":
        return None if only_closes else OPEN
    if ch == "‚":  # also a comma look-alike: only a clear opener counts
        return OPEN if only_opens else None
    if ch in "«‹":
        return CLOSE if only_closes else OPEN
    return OPEN if only_opens else CLOSE  # » ›


def _family(ch: str, role: str) -> str:
    if ch in _GUILLEMET_PAIR:
        return _GUILLEMET_PAIR[ch] if role == OPEN else ch
    return _FAMILY[ch]


def _may_be_apostrophe(text: str, cluster_start: int, family: str) -> bool:
    """A closer after ``s``/``z``/``in`` (bosses', goin') or a digit (12", the 1990s')."""
    before = text[max(0, cluster_start - 2):cluster_start].lower()
    if before[-1:].isdigit():
        return True
    return family == SINGLE and (before[-1:] in ("s", "z") or before == "in")


def _skipped_weak_closers(marks: list[_Mark]) -> set[int]:
    """Indexes of weak closers followed, in their paragraph, by a closer of their family."""
    skipped: set[int] = set()
    next_role: dict[str, str] = {}
    para = -1
    for i in range(len(marks) - 1, -1, -1):
        mark = marks[i]
        if mark.para != para:
            next_role, para = {}, mark.para
        if mark.weak and next_role.get(mark.family) == CLOSE:
            skipped.add(i)
        next_role[mark.family] = mark.role
    return skipped


def _nesting_openers(marks: list[_Mark]) -> set[int]:
    """Indexes of left double curly marks followed, in their paragraph, by two right ones:
    ``“... what he calls “hell” than ...”`` nests one double quotation directly in another,
    as some writers do, and curly marks say so unambiguously. (Single curly marks are left
    out: the right one is also the apostrophe.)"""
    nesting: set[int] = set()
    following: dict[str, list[str]] = {}  # family -> the next two marks' characters
    para = -1
    for i in range(len(marks) - 1, -1, -1):
        mark = marks[i]
        if mark.para != para:
            following, para = {}, mark.para
        after = following.setdefault(mark.family, [])
        if mark.char == "“" and mark.role == OPEN and after[:2] == ["”", "”"]:
            nesting.add(i)
        after.insert(0, mark.char if mark.role != OPEN else "")
        del after[2:]
    return nesting


# --- 3 and 4: pairing ------------------------------------------------------------------------

@attrs.define
class _Pairer:
    """The stack of open marks, and the spans found so far."""

    text: str
    paras: list[tuple[int, int]]
    stack: list[_Mark] = attrs.field(factory=list)
    open_count: Counter[str] = attrs.field(factory=Counter)
    first_para: dict[int, int] = attrs.field(factory=dict)  # opener pos -> its paragraph
    spans: list[QuotedSpan] = attrs.field(factory=list)

    def run(self, marks: list[_Mark], skipped: set[int], nesting: set[int]) -> None:
        para = -1
        for i, mark in enumerate(marks):
            if mark.para != para:
                continues = self._paragraph_break(para, mark)
                para = mark.para
                if continues:
                    continue
            if mark.role == CLOSE or (mark.role == EITHER and self.open_count[mark.family]):
                if self.open_count[mark.family] and i not in skipped:
                    self._close(mark)
            else:
                self._open(mark, nests=i in nesting)
        if para >= 0:
            self._end_all(para)

    def _open(self, mark: _Mark, nests: bool = False) -> None:
        if self.stack and self.stack[-1].family == mark.family and not (
                nests and self.stack[-1].char == mark.char):
            self._resolve(self.stack.pop(), mark.pos, mark.para)
        self.stack.append(mark)
        self.open_count[mark.family] += 1
        self.first_para[mark.pos] = mark.para

    def _close(self, mark: _Mark) -> None:
        opener = self._pop_to(mark.family, mark.pos, mark.para)
        self._emit(opener, mark.pos, mark.pos + mark.width, mark.para)

    def _pop_to(self, family: str, at: int, para: int) -> _Mark:
        """Pop the nearest open mark of ``family``, ending those above it at ``at``."""
        while self.stack[-1].family != family:
            self._resolve(self.stack.pop(), at, para)
        opener = self.stack.pop()
        self.open_count[family] -= 1
        return opener

    def _paragraph_break(self, para: int, mark: _Mark) -> bool:
        """Handle the end of paragraph ``para``; True when ``mark`` continues a quotation."""
        if not self.stack:
            return False
        continues = (mark.para == para + 1 and mark.pos == self.paras[mark.para][0]
                     and mark.role in (OPEN, EITHER) and self.open_count[mark.family] > 0)
        if not continues:
            self._end_all(para)
            return False
        at = self.paras[para][1]
        while self.stack[-1].family != mark.family:
            self._resolve(self.stack.pop(), at, para)
        return True

    def _end_all(self, para: int) -> None:
        while self.stack:
            self._resolve(self.stack.pop(), self.paras[para][1], para)

    def _resolve(self, opener: _Mark, at: int, para: int) -> None:
        """An unclosed mark: dropped if single, else a ``closed=False`` span ending at ``at``."""
        self.open_count[opener.family] -= 1
        if opener.family == SINGLE:
            del self.first_para[opener.pos]
            return
        self._emit(opener, at, None, para)

    def _emit(self, opener: _Mark, end: int, close_end: int | None, para: int) -> None:
        """A span from ``opener`` to ``end``, closed by a mark ending at ``close_end`` if not
        None."""
        first_para = self.first_para.pop(opener.pos)
        start = opener.pos + opener.width
        if _WORD_CHAR.search(self.text, start, end) is None:
            return
        while self.text[start].isspace():  # French « ... » has spaces inside the marks
            start += 1
        while self.text[end - 1].isspace() or self.text[end - 1] in TRAILING_COMMAS:
            end -= 1
        closed = close_end is not None
        self.spans.append(QuotedSpan(start, end, opener.pos, close_end or end,
                                     _STYLE[opener.char], 0, closed, para - first_para + 1))


# --- 5: depth --------------------------------------------------------------------------------

def _with_depths(spans: list[QuotedSpan]) -> list[QuotedSpan]:
    """The spans sorted by start, each with the number of spans that contain it."""
    out: list[QuotedSpan] = []
    enclosing: list[int] = []  # close_end of the spans containing the current one
    for span in sorted(spans, key=lambda s: s.start):
        while enclosing and enclosing[-1] <= span.open_start:
            enclosing.pop()
        out.append(attrs.evolve(span, depth=len(enclosing)))
        enclosing.append(span.close_end)
    return out
