"""The parts of an article's layout that are no speech: datelines, bylines, sign-offs and
photo captions and credits, and the author they name.

* a dateline opens a paragraph: "FLINT, Mich., Oct. 4 (UPI) — ", "WASHINGTON -- ";
* a byline is a short paragraph near the top: "By Ana Ruiz", "By Ana Ruiz and Tom Lee";
* a sign-off closes the article: "— Ana Ruiz", "Ana Ruiz is a columnist for ...", or a
  "Twitter: @name" line after the author's name;
* a photo credit or caption: "(Ana Ruiz/Reuters)", "(Photo: Ana Ruiz)", a paragraph opening
  with "Photo:" or "Image:".

Words in a dateline, byline, sign-off or credit are never speakers nor antecedents;
first-person pronouns outside quotation marks in an article with an author are the author
(:func:`author`).

An interview printed as questions and answers ("Q: ..." / "A: ...", "Question:" /
"Answer:") alternates between two sides (:func:`interview`): in an answer "I" and "we" are
the person interviewed; in a question "you" is that person and "I" and "we" the interviewer.
A paragraph without a label continues the turn before it.
"""

from __future__ import annotations

import bisect

import attrs
import regex

from . import marks
from .nlp.document import Document

__all__ = ["DATELINE", "Interview", "author", "dateline_end", "interview", "is_turn_label",
           "layout_ranges"]

# a news agency dateline opening a paragraph: "FLINT, Mich., Oct. 4 (UPI) — ", "WASHINGTON -- "
DATELINE = regex.compile(
    r"[A-Z][A-Z.'\- ]{2,}(?:,[^—―\n]{0,60}?)?(?:\([A-Za-z]+\))?\s*(?:—|--|―)\s")
_NAME = r"\p{Lu}[\p{L}.'’\-]+(?:\s+\p{Lu}[\p{L}.'’\-]+){1,3}"
_BYLINE = regex.compile(rf"\s*By\s+(?P<name>{_NAME})(?:\s*(?:,|and|\||&).*)?\s*$")
_SIGN_OFF = regex.compile(rf"\s*(?:[—–]|--?)\s*(?P<name>{_NAME})\s*$")
_BIO = regex.compile(rf"\s*(?P<name>{_NAME}) is (?:a|an|the) [\w -]{{0,40}}"
                     r"(?:columnist|writer|reporter|contributor|correspondent|editor|author|"
                     r"professor|fellow|journalist)\b")
_HANDLE = regex.compile(r"\s*(?:Twitter|Follow (?:her|him|them) on Twitter)\s*:?\s*@\w+")
_CREDIT = regex.compile(rf"\((?:Photo(?: by)?:?\s*)?{_NAME}\s*/\s*[\p{{L}} .&]+\)"
                        rf"|\((?:Photo|Image|Credit)(?: by)?:\s*[^()]{{2,80}}\)")
_CAPTION = regex.compile(r"\s*(?:Photo|Image|Caption|Pictured)\s*:")


def dateline_end(doc: Document, paragraph: int) -> int:
    """Where the dateline opening the paragraph ends (the paragraph's start when none)."""
    para = doc.paragraphs[paragraph]
    m = DATELINE.match(doc.text, para.start, para.end)
    return m.end() if m else para.start


def _short(doc: Document, k: int) -> bool:
    p = doc.paragraphs[k]
    return p.end - p.start <= 120


def author(doc: Document) -> str | None:
    """The author the article names in a byline near its top or a sign-off at its end
    ("By Ana Ruiz", "— Ana Ruiz", "Ana Ruiz is a columnist ...", or a name before a "Twitter:
    @name" line), or None."""
    paras = doc.paragraphs
    for k in range(min(4, len(paras))):
        m = _BYLINE.match(doc.text, paras[k].start, paras[k].end)
        if m and _short(doc, k):
            return m.group("name")
    for k in range(len(paras) - 1, max(-1, len(paras) - 5), -1):
        p = paras[k]
        m = _SIGN_OFF.match(doc.text, p.start, p.end) or _BIO.match(doc.text, p.start, p.end)
        if m and (_short(doc, k) or m.re is _BIO):
            return m.group("name")
        if _HANDLE.match(doc.text, p.start, p.end) and k > 0 and _short(doc, k - 1):
            before = paras[k - 1]
            name = regex.fullmatch(rf"\s*(?:[—–]|--?)?\s*({_NAME})\s*", before.text)
            if name:
                return name.group(1)
    return None


def layout_ranges(doc: Document) -> list[tuple[int, int]]:
    """The character ranges of ``doc`` that are layout, no speech: bylines, sign-offs, photo
    credits and captions (datelines: :func:`dateline_end`)."""
    out = []
    paras = doc.paragraphs
    for k, p in enumerate(paras):
        near_top, near_end = k < 4, k >= len(paras) - 4
        if (near_top and _BYLINE.match(doc.text, p.start, p.end) and _short(doc, k)) or \
                (near_end and _short(doc, k) and (
                    _SIGN_OFF.match(doc.text, p.start, p.end) or
                    _HANDLE.match(doc.text, p.start, p.end))) or \
                _CAPTION.match(doc.text, p.start, p.end):
            out.append((p.start, p.end))
    for m in _CREDIT.finditer(doc.text):
        out.append(m.span())
    return sorted(out)


# ------------------------------------------------------------------ interviews

_TURN = regex.compile(r"\s*(?:(?P<q>Q|Question)|(?P<a>A|Answer))\s*[:.]\s")


@attrs.frozen
class Interview:
    """The question and answer turns of an interview: ``starts[k]`` (a character offset)
    opens a turn of side ``sides[k]`` ("Q" or "A") that lasts until the next turn."""

    starts: tuple[int, ...]
    sides: tuple[str, ...]

    def side_at(self, offset: int) -> str | None:
        """The side whose turn holds ``offset``; None before the first turn."""
        k = bisect.bisect_right(self.starts, offset) - 1
        return self.sides[k] if k >= 0 else None

    @property
    def first(self) -> int:
        """Where the first turn starts: the introduction is before it."""
        return self.starts[0]


def interview(doc: Document) -> Interview | None:
    """The turns of an article printed as questions and answers (at least two of each,
    labelled "Q:"/"A:" or "Question:"/"Answer:"), or None."""
    starts, sides = [], []
    for p in doc.paragraphs:
        m = _TURN.match(doc.text, p.start, p.end)
        if m is not None:
            starts.append(p.start)
            sides.append("Q" if m.group("q") else "A")
    if sides.count("Q") < 2 or sides.count("A") < 2:
        return None
    return Interview(tuple(starts), tuple(sides))


_LABELS = frozenset({"q", "a", "question", "answer"})


def is_turn_label(doc: Document, i: int) -> bool:
    """Whether word i labels an interview's turn ("Q:", "A.", "Question:"): such a word,
    followed by a colon or a dot, opening its paragraph (quotation marks aside). It is
    never a speaker nor a name."""
    if doc.words[i].text.lower() not in _LABELS or i + 1 >= len(doc.words) or \
            doc.words[i + 1].text not in (":", "."):
        return False
    first = doc.paragraph_words(doc.paragraph_index(doc.words[i].start))[0]
    return all(marks.is_marks(doc.words[k].text) for k in range(first, i))
