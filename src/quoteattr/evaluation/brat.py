"""Read PolNeAR brat standoff annotations and turn them into gold quotes.

PolNeAR (Newell, Margolin, Ruths, LREC 2018) annotates every attribution in an article as a
Source (who), a Cue (said, according to, ...) and a Content (what was said), in brat standoff
format with character offsets into the article text::

    T1<TAB>Source 89 106<TAB>The New York Post
    T3<TAB>Content 115 150;160 200<TAB>...          (discontinuous: ``;``-separated pieces)
    E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1

Variants handled: the event type ``Attribution-no-source``; events without Source, Cue or
Content; numbered roles (``Content2``, ``Source2``, ...); ``#`` annotator notes, continuation
lines of multi-line span texts and other lines that are not ``T``/``E`` records (skipped).

:func:`gold_quotes` derives the quotes quoteattr is expected to find:

* **direct / mixed** - every stretch of a Content enclosed in quotation marks (straight or curly
  double quotes, two apostrophes used as one double quote, or a clear pair of single quotes),
  one gold quote per stretch, offsets of the words between the marks. Quotation marks are
  paired over the whole paragraph, so a Content that lies inside quotation marks without
  including them still counts. A stretch is ``direct`` when
  the Content minus its quoted stretches, its own Source and Cue, and punctuation/whitespace is
  empty; otherwise each stretch is judged on its own: it is ``direct`` when the Content text
  before it is empty (after the same removals) or ends a sentence (``.!?:``), and the Content
  text after it is empty or holds the Source or Cue right after quoted words that end in
  punctuation (``"...," she said, adding ...``); else it is ``mixed``.
* **indirect** - a Content without any quoted stretch whose Cue is a speech cue
  (:data:`SPEECH_CUES`); its span is the Content (min start .. max end, pieces kept).

:func:`read_document` first swaps back a Source and a Cue labelled the wrong way round
(:func:`repair_swapped_roles`: ``said`` marked as the Source of ``"...," said Hester``).

When several attributions yield the same span (nested attributions), the one with the smallest
Content - the innermost, direct speaker - is kept. A quotation that annotators split into one
attribution per sentence (same Source, same pair of quotation marks, nothing but spaces and
punctuation between the parts) is one gold quote, as it is one quotation.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import attrs

from quoteattr.errors import EvaluationError
from quoteattr.types import Span

Piece = tuple[int, int]
Pieces = tuple[Piece, ...]

#: Lemmas of speech/communication cues that introduce indirect (reported) speech. Deliberately
#: kept here rather than read from quoteattr's own cue lexicon, so the gold standard does not
#: move when the system's lexicon changes. Cognition (think, believe), perception (see, find)
#: and volition (want, plan) cues are left out: their Contents are not quotations.
SPEECH_CUES: frozenset[str] = frozenset({
    "say", "tell", "add", "claim", "argue", "announce", "report", "state", "explain", "warn",
    "insist", "deny", "accuse", "note", "write", "tweet", "ask", "reply", "respond", "answer",
    "declare", "acknowledge", "admit", "concede", "confirm", "comment", "remark", "reveal",
    "mention", "stress", "emphasize", "emphasise", "assert", "contend", "maintain", "predict",
    "promise", "vow", "pledge", "complain", "charge", "allege", "testify", "conclude", "suggest",
    "recall", "continue", "repeat", "reiterate", "observe", "caution", "threaten", "boast",
    "brag", "joke", "quip", "counter", "retort", "proclaim", "urge", "blame", "criticize",
    "criticise", "condemn", "denounce", "post", "speak", "describe", "propose", "lament",
    "according to", "point out", "in a statement",
})

_IRREGULAR: dict[str, str] = {
    "said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
    "spoke": "speak", "spoken": "speak", "retold": "tell",
}
_OPEN_DOUBLE = "“„‟"
_CLOSE_DOUBLE = "”"
_STRAIGHT_DOUBLE = '"'
DOUBLE_QUOTES = _OPEN_DOUBLE + _CLOSE_DOUBLE + _STRAIGHT_DOUBLE
SINGLE_QUOTES = "‘’'"
QUOTE_MARKS = DOUBLE_QUOTES + SINGLE_QUOTES
_OPEN_CONTEXT = "([{—–-" + DOUBLE_QUOTES + "‘"
_SENTENCE_END = ".!?:"
_QUOTE_END_PUNCT = ",.!?;:…"
_MAX_SINGLE_QUOTE = 300
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


# --------------------------------------------------------------------------- brat records


@attrs.frozen
class Attribution:
    """One brat attribution event: its Source, Cue and Content spans, each as pieces.

    ``sources``, ``cues`` and ``contents`` hold one entry per argument; an entry is the tuple of
    ``(start, end)`` pieces of that span (one piece unless the span is discontinuous).
    """

    id: str
    label: str
    sources: tuple[Pieces, ...] = ()
    cues: tuple[Pieces, ...] = ()
    contents: tuple[Pieces, ...] = ()


@attrs.frozen
class GoldQuote:
    """A quotation the gold standard says is there.

    ``source`` holds the spans of the annotated Source (one per piece; empty when the
    attribution has none); ``pieces`` the Content pieces of a discontinuous indirect quote;
    ``source_name`` the speaker's full name when known (fixtures), else ``None``.
    """

    kind: str
    start: int
    end: int
    text: str
    cue: Span | None = None
    source: tuple[Span, ...] = ()
    pieces: tuple[Span, ...] = ()
    source_name: str | None = None

    @property
    def span(self) -> Span:
        return Span(self.text, self.start, self.end)

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind, "start": self.start, "end": self.end, "text": self.text,
            "cue": None if self.cue is None else self.cue.to_dict(),
            "source": [s.to_dict() for s in self.source],
            "pieces": [p.to_dict() for p in self.pieces],
            "source_name": self.source_name,
        }


@attrs.frozen
class GoldDocument:
    """One annotated article: its name, text, gold quotes and raw attributions."""

    name: str
    text: str
    quotes: tuple[GoldQuote, ...]
    annotator: str | None = None
    attributions: tuple[Attribution, ...] = ()


def _parse_pieces(spec: str) -> Pieces:
    pieces = []
    for part in spec.split(";"):
        start, end = part.split()
        pieces.append((int(start), int(end)))
    return tuple(sorted(pieces))


def parse_ann(content: str) -> list[Attribution]:
    """The attributions of a brat ``.ann`` file's content, in file order.

    Arguments are grouped by role name without its number (``Content2`` is a Content); the
    role name, not the span label, decides (one PolNeAR file swaps two labels). Arguments that
    point at unknown spans are dropped.
    """
    spans: dict[str, Pieces] = {}
    events: list[tuple[str, str, list[tuple[str, str]]]] = []
    for line in content.splitlines():
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0][1:].isdigit():
            continue
        if fields[0][0] == "T":
            spec = fields[1].partition(" ")[2]
            try:
                spans[fields[0]] = _parse_pieces(spec)
            except ValueError:
                continue
        elif fields[0][0] == "E":
            args = [a.split(":", 1) for a in fields[1].split() if ":" in a]
            label = args[0][0] if args else ""
            events.append((fields[0], label, [(r, t) for r, t in args[1:]]))
    return [_attribution(eid, label, args, spans) for eid, label, args in events]


def _attribution(eid: str, label: str, args: list[tuple[str, str]],
                 spans: dict[str, Pieces]) -> Attribution:
    roles: dict[str, list[Pieces]] = {"Source": [], "Cue": [], "Content": []}
    for role, tid in args:
        base = role.rstrip("0123456789")
        if base in roles and tid in spans:
            roles[base].append(spans[tid])
    return Attribution(eid, label, tuple(roles["Source"]), tuple(roles["Cue"]),
                       tuple(roles["Content"]))


def read_ann(path: str | Path) -> list[Attribution]:
    """The attributions of a brat ``.ann`` file."""
    return parse_ann(Path(path).read_text(encoding="utf-8"))


def read_text(path: str | Path) -> str:
    """An article's text exactly as brat offsets count it (no newline translation)."""
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


# --------------------------------------------------------------------------- quotation marks


def _before(text: str, i: int) -> str:
    return text[i - 1] if i > 0 else "\n"


def _after(text: str, i: int) -> str:
    return text[i + 1] if i + 1 < len(text) else "\n"


def _line_bounds(text: str) -> Iterator[Piece]:
    start = 0
    for m in re.finditer(r"\n", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def _opens(text: str, i: int) -> bool:
    """Whether the double quotation mark at ``i``, outside any quotation, opens one."""
    ch, nxt = text[i], _after(text, i)
    if ch in _OPEN_DOUBLE:
        return True
    if ch == _STRAIGHT_DOUBLE:
        return not nxt.isspace()
    # a closing mark used as an opener: after a space, before a word
    return not nxt.isspace() and (_before(text, i).isspace() or _before(text, i) in _OPEN_CONTEXT)


def _double_regions(text: str, lo: int, hi: int) -> list[Piece]:
    """Quoted regions (inside the marks) of one paragraph, from its double quotation marks.

    A quotation still open at the end of the paragraph runs to its end (news style: a quote
    spanning paragraphs is not closed before the paragraph break).
    """
    regions: list[Piece] = []
    open_at: int | None = None
    for i in range(lo, hi):
        ch = text[i]
        if ch not in DOUBLE_QUOTES:
            continue
        if open_at is None:
            if _opens(text, i):
                open_at = i
        elif ch in _OPEN_DOUBLE:
            regions.append((open_at + 1, i))
            open_at = i
        else:
            regions.append((open_at + 1, i))
            open_at = None
    if open_at is not None:
        regions.append((open_at + 1, hi))
    return regions


def _single_regions(text: str, lo: int, hi: int, taken: Sequence[Piece]) -> list[Piece]:
    """Regions between clear pairs of single quotation marks, outside double-quoted regions.

    An opener follows a space or opening punctuation and precedes a letter (``‘`` may precede
    any non-space); a closer follows a non-space and precedes no letter or digit, which rules
    out apostrophes inside words (``Clinton’s``, ``don't``).
    """
    regions: list[Piece] = []
    i = lo
    while i < hi:
        ch = text[i]
        nxt = _after(text, i)
        prev = _before(text, i)
        is_opener = ch in "‘'" and (prev.isspace() or prev in _OPEN_CONTEXT) \
            and (nxt.isalpha() or (ch == "‘" and not nxt.isspace()))
        if not is_opener or _inside(i, taken):
            i += 1
            continue
        close = _single_closer(text, i + 1, min(hi, i + _MAX_SINGLE_QUOTE))
        if close is None:
            i += 1
            continue
        regions.append((i + 1, close))
        i = close + 1
    return regions


def _single_closer(text: str, lo: int, hi: int) -> int | None:
    for j in range(lo, hi):
        if text[j] in "’'" and not _before(text, j).isspace() and not _after(text, j).isalnum():
            return j
    return None


def _inside(i: int, regions: Sequence[Piece]) -> bool:
    return any(s - 1 <= i <= e for s, e in regions)


def quoted_regions(text: str) -> list[Piece]:
    """Every stretch of ``text`` enclosed in quotation marks, as (start, end) of the words
    between the marks (marks excluded), outermost quotations only, sorted.
    """
    # two apostrophes stand for a double quotation mark (``''Quote,'' he said``, the New York
    # Times' house style in PolNeAR): read each pair as a filler plus ``"``, offsets unchanged
    text = text.replace("''", '\u200b"')
    regions: list[Piece] = []
    for lo, hi in _line_bounds(text):
        doubles = _double_regions(text, lo, hi)
        regions.extend(doubles)
        regions.extend(_single_regions(text, lo, hi, doubles))
    return sorted(regions)


# --------------------------------------------------------------------------- gold quotes


def _lemma_forms(lemma: str) -> set[str]:
    """Inflected forms of a verb lemma (say -> says, sayed, saying; urge -> urged, urging)."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if re.fullmatch(r".*[^aeiou][aeiou][bdgmnprt]", lemma) and len(lemma) <= 4:
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def _cue_forms() -> dict[str, str]:
    forms: dict[str, str] = dict(_IRREGULAR)
    for lemma in SPEECH_CUES:
        words = lemma.split()
        for form in _lemma_forms(words[0]):
            forms.setdefault(" ".join([form, *words[1:]]), lemma)
    return forms


_CUE_FORMS = _cue_forms()


def is_speech_cue(cue: str) -> bool:
    """Whether a cue's text contains a form of a :data:`SPEECH_CUES` verb or phrase."""
    words = [w.lower() for w in _WORD.findall(cue)]
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            if " ".join(words[i:i + n]) in _CUE_FORMS:
                return True
    return False


def _span(text: str, pieces: Pieces) -> Span:
    return Span.of(text, pieces[0][0], pieces[-1][1])


def _strip(text: str, start: int, end: int, chars: str | None = None) -> Piece:
    while start < end and (text[start].isspace() or (chars and text[start] in chars)):
        start += 1
    while end > start and (text[end - 1].isspace() or (chars and text[end - 1] in chars)):
        end -= 1
    return start, end


def _clip(region: Piece, pieces: Pieces, text: str) -> list[Piece]:
    out = []
    for lo, hi in pieces:
        start, end = _strip(text, max(region[0], lo), min(region[1], hi), QUOTE_MARKS)
        if end > start and any(ch.isalnum() for ch in text[start:end]):
            out.append((start, end))
    return out


def _residue(text: str, lo: int, hi: int, excluded: Sequence[Piece]) -> bool:
    """Whether text[lo:hi] has words outside ``excluded`` (the attribution's source and cue)."""
    return any(text[i].isalnum() and not any(s <= i < e for s, e in excluded)
               for i in range(lo, hi))


def _touches(spans: Sequence[Piece], lo: int, hi: int) -> bool:
    """Whether any of ``spans`` overlaps text[lo:hi]."""
    return any(s < hi and lo < e for s, e in spans)


def _last_char(text: str, lo: int, hi: int) -> str:
    for i in range(hi - 1, lo - 1, -1):
        if not text[i].isspace() and text[i] not in QUOTE_MARKS:
            return text[i]
    return ""


def _stretch_kinds(text: str, stretches: list[Piece], pieces: Pieces,
                   excluded: Sequence[Piece]) -> list[str]:
    """``direct`` or ``mixed`` for each quoted stretch of one Content (see module docstring)."""
    lo, hi = pieces[0][0], pieces[-1][1]
    outside = [*excluded, *stretches, *_gaps(pieces)]
    if not _residue(text, lo, hi, outside):
        return ["direct"] * len(stretches)
    kinds = []
    for k, (start, end) in enumerate(stretches):
        left_lo = stretches[k - 1][1] if k else lo
        right_hi = stretches[k + 1][0] if k + 1 < len(stretches) else hi
        left_ok = not _residue(text, left_lo, start, outside) or \
            _last_char(text, left_lo, start) in _SENTENCE_END
        right_ok = not _residue(text, end, right_hi, outside) or (
            _last_char(text, start, end) in _QUOTE_END_PUNCT
            and _touches(excluded, end, right_hi))
        kinds.append("direct" if left_ok and right_ok else "mixed")
    return kinds


def _gaps(pieces: Sequence[Piece]) -> list[Piece]:
    return [(a[1], b[0]) for a, b in itertools.pairwise(pieces)]


def _flatten(spans: Iterable[Pieces]) -> list[Piece]:
    return [p for pieces in spans for p in pieces]


def _quotes_of(text: str, att: Attribution, content: Pieces,
               regions: Sequence[Piece]) -> list[GoldQuote]:
    cue = _span(text, att.cues[0]) if att.cues else None
    source = tuple(Span.of(text, s, e) for s, e in _flatten(att.sources))
    lo, hi = content[0][0], content[-1][1]
    stretches = [p for r in regions if r[0] < hi and lo < r[1] for p in _clip(r, content, text)]
    if stretches:
        excluded = _flatten(att.sources) + _flatten(att.cues)
        kinds = _stretch_kinds(text, stretches, content, excluded)
        return [GoldQuote(kind, s, e, text[s:e], cue, source)
                for kind, (s, e) in zip(kinds, stretches, strict=True)]
    if not att.cues or not any(is_speech_cue(text[s:e]) for s, e in _flatten(att.cues)):
        return []
    start, end = _strip(text, lo, hi)
    if end <= start:
        return []
    pieces = tuple(Span.of(text, *_strip(text, s, e)) for s, e in content) \
        if len(content) > 1 else ()
    return [GoldQuote("indirect", start, end, text[start:end], cue, source, pieces)]


def gold_quotes(text: str, attributions: Iterable[Attribution]) -> list[GoldQuote]:
    """The gold direct, mixed and indirect quotes of an article, sorted by offset."""
    regions = quoted_regions(text)
    best: dict[tuple[int, int], tuple[int, GoldQuote]] = {}
    for att in attributions:
        for content in att.contents:
            size = sum(e - s for s, e in content)
            for quote in _quotes_of(text, att, content, regions):
                key = (quote.start, quote.end)
                if key not in best or size < best[key][0]:
                    best[key] = (size, quote)
    quotes = sorted((q for _, q in best.values()), key=lambda q: (q.start, q.end))
    return _merge_split_quotations(text, quotes, regions)


def _same_source(a: GoldQuote, b: GoldQuote) -> bool:
    if not a.source or not b.source:
        return False
    if any(x.overlaps(y) for x in a.source for y in b.source):
        return True
    return {s.text.lower() for s in a.source} == {s.text.lower() for s in b.source}


def _merge_split_quotations(text: str, quotes: list[GoldQuote],
                            regions: Sequence[Piece]) -> list[GoldQuote]:
    """One gold quote per quotation: annotators often split a speaker's quotation into one
    attribution per sentence ("A. B. C," he said, annotated as three Contents). Adjacent
    direct/mixed stretches inside the same pair of quotation marks, with the same Source and
    nothing but spaces and punctuation between them, become one quote (``direct`` if
    either part is)."""
    out: list[GoldQuote] = []
    for q in quotes:
        prev = out[-1] if out else None
        if prev is not None and prev.kind != "indirect" and q.kind != "indirect" \
                and _same_source(prev, q) and prev.end <= q.start \
                and not any(ch.isalnum() for ch in text[prev.end:q.start]) \
                and any(r[0] <= prev.start and q.end <= r[1] for r in regions):
            kind = "direct" if "direct" in (prev.kind, q.kind) else "mixed"
            out[-1] = attrs.evolve(prev, kind=kind, end=q.end, text=text[prev.start:q.end])
            continue
        out.append(q)
    return out


# --------------------------------------------------------------------------- corpus


def _annotation_files(split_dir: Path) -> dict[str, dict[str, Path]]:
    files: dict[str, dict[str, Path]] = {}
    for path in sorted((split_dir / "attributions").glob("*.ann")):
        name, _, annotator = path.stem.rpartition("_")
        files.setdefault(name, {})[annotator] = path
    return files


# verb forms that begin a post-posed attribution's cue ("said Hester", "according to X")
_POSTPOSED_CUES = frozenset({"said", "says", "asked", "asks", "told", "added", "wrote",
                             "according"})


def _opens_with_cue(text: str, pieces: Pieces) -> bool:
    words = _WORD.findall(" ".join(text[s:e] for s, e in pieces))
    if not words or words[0].lower() not in _POSTPOSED_CUES:
        return False
    return words[0].islower() or words[0] == "According"


def repair_swapped_roles(text: str, attributions: Iterable[Attribution]) -> list[Attribution]:
    """Swap back a Source and a Cue that the annotator labelled the wrong way round.

    In post-posed attributions (``"...," said Hester.``) PolNeAR's annotators now and then
    marked ``said`` as the Source and the speaker as the Cue (21 of about 21,600 Sources in
    train and dev). An attribution with one Source that begins with a speech cue (``said``,
    ``said in a statement``, ``According to``) and one Cue that does not has the two swapped.
    """
    out = []
    for att in attributions:
        if len(att.sources) == 1 and len(att.cues) == 1 \
                and _opens_with_cue(text, att.sources[0]) \
                and not _opens_with_cue(text, att.cues[0]):
            att = attrs.evolve(att, sources=att.cues, cues=att.sources)
        out.append(att)
    return out


def read_document(text_path: str | Path, ann_path: str | Path,
                  annotator: str | None = None) -> GoldDocument:
    """One article and its annotation file as a :class:`GoldDocument` (with
    :func:`repair_swapped_roles` applied)."""
    try:
        text = read_text(text_path)
        found = read_ann(ann_path)
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"cannot read {text_path} or {ann_path} as UTF-8 text ({exc}); "
                              "a PolNeAR split holds text/NAME.txt and "
                              "attributions/NAME_ANNOTATOR.ann") from None
    for att in found:
        for pieces in (*att.sources, *att.cues, *att.contents):
            if any(not 0 <= start <= end <= len(text) for start, end in pieces):
                raise EvaluationError(f"{ann_path}: {att.id} has offsets {list(pieces)} outside "
                                      f"its text ({len(text)} characters); is it the annotation "
                                      f"of {text_path}?")
    attributions = repair_swapped_roles(text, found)
    return GoldDocument(Path(text_path).stem, text, tuple(gold_quotes(text, attributions)),
                        annotator, tuple(attributions))


def read_corpus(split_dir: str | Path, annotator: str | None = None) -> Iterator[GoldDocument]:
    """Every annotated article of a PolNeAR split directory (``.../polnear/dev``), by name.

    Where an article has several annotators' files, ``annotator`` picks one (its suffix, e.g.
    ``"4e07"``); when it is ``None``, or that annotator did not annotate the article, the first
    annotator in sorted order is used.
    """
    split_dir = Path(split_dir)
    articles = [(name, by_annotator) for name, by_annotator
                in sorted(_annotation_files(split_dir).items())
                if (split_dir / "text" / f"{name}.txt").is_file()]
    if not articles:
        raise EvaluationError(f"{split_dir} holds no annotated article: a PolNeAR split folder "
                              "(such as polnear/dev) has text/NAME.txt and "
                              "attributions/NAME_ANNOTATOR.ann")
    for name, by_annotator in articles:
        chosen = annotator if annotator in by_annotator else min(by_annotator)
        yield read_document(split_dir / "text" / f"{name}.txt", by_annotator[chosen], chosen)
