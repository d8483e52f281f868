"""The light document view every stage reads: words with character offsets, the dependency
tree, lemmas, POS, named entities, sentences and paragraphs.

It is built from a stanza ``Document`` (:func:`from_stanza`), from parsed CoNLL-U
(:func:`from_conllu`), or by a regex tokenizer without any model (:func:`from_regex`, the fast
mode). Stages never see stanza objects, so each one is testable on a hand-built view.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs
import regex

from .. import lexicons
from ..errors import ConllUError, DocumentError
from ..types import Span
from .sentences import abbreviation_before_dot, pieces

# stanza / CoreNLP / OntoNotes NER labels -> the four speaker types of the output
NER_TYPES = {
    "PERSON": "PERSON", "PER": "PERSON",
    "ORGANIZATION": "ORG", "ORG": "ORG",
    "LOCATION": "GPE", "LOC": "GPE", "GPE": "GPE",
}

PARAGRAPH_BREAK = regex.compile(r"[ \t\f\v]*\n\s*")


@attrs.frozen
class Word:
    """One syntactic word. ``head`` is a document-level word index, -1 for the root."""

    index: int
    text: str
    start: int
    end: int
    sent: int
    lemma: str = ""
    upos: str = ""
    xpos: str = ""
    feats: str = ""
    head: int = -1
    deprel: str = ""
    ner: str = "O"

    def feat(self, name: str) -> str | None:
        for item in self.feats.split("|"):
            key, _, value = item.partition("=")
            if key == name:
                return value
        return None


@attrs.frozen
class Sentence:
    index: int
    start: int  # char offsets
    end: int
    first: int  # word indexes, end exclusive
    last: int


@attrs.frozen
class NamedEntity:
    text: str
    start: int
    end: int
    type: str  # PERSON | ORG | GPE | OTHER
    label: str  # the model's own label (PERSON, ORGANIZATION, NORP, ...)
    first: int  # word indexes, end exclusive
    last: int


@attrs.frozen
class Document:
    """A parsed text. ``parsed`` is False in fast mode (no POS, lemmas, tree or NER)."""

    text: str
    words: tuple[Word, ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[NamedEntity, ...] = ()
    paragraphs: tuple[Span, ...] = ()
    parsed: bool = True
    _children: tuple[tuple[int, ...], ...] = attrs.field(init=False, repr=False, eq=False)
    _starts: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)
    _para_starts: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)
    _ent_firsts: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)
    _ent_starts: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)
    _types_by_text: Mapping[str, str] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        _check_tree(self.words)
        kids: list[list[int]] = [[] for _ in self.words]
        for w in self.words:
            if w.head >= 0:
                kids[w.head].append(w.index)
        object.__setattr__(self, "_children", tuple(tuple(k) for k in kids))
        object.__setattr__(self, "_starts", tuple(w.start for w in self.words))
        if not self.paragraphs:
            object.__setattr__(self, "paragraphs", tuple(split_paragraphs(self.text)))
        object.__setattr__(self, "_para_starts", tuple(p.start for p in self.paragraphs))
        if any(a.start > b.start for a, b in zip(self.entities, self.entities[1:])):
            object.__setattr__(self, "entities", tuple(sorted(self.entities,
                                                              key=lambda e: e.start)))
        object.__setattr__(self, "_ent_firsts", tuple(e.first for e in self.entities))
        object.__setattr__(self, "_ent_starts", tuple(e.start for e in self.entities))
        counts: dict[str, Counter[str]] = {}
        for e in self.entities:
            counts.setdefault(e.text, Counter())[e.type] += 1
        object.__setattr__(self, "_types_by_text", {t: c.most_common(1)[0][0]
                                                    for t, c in counts.items()})

    # --- navigation -------------------------------------------------------------------
    def children(self, i: int) -> tuple[int, ...]:
        return self._children[i]

    def children_by(self, i: int, *deprels: str) -> list[int]:
        """Children of word i whose relation (or its base before ':') is one of deprels."""
        return [c for c in self._children[i]
                if self.words[c].deprel in deprels or self.words[c].deprel.split(":")[0] in deprels]

    def top_words(self, first: int, last: int) -> list[int]:
        """Words of [first, last) whose head lies outside it: where the stretch (a quote)
        attaches to the rest of the tree."""
        return [k for k in range(first, last) if not first <= self.words[k].head < last]

    def subtree(self, i: int) -> list[int]:
        # a tree: from_conllu refuses heads that form a cycle (_check_acyclic)
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(self._children[j])
        return sorted(out)

    def ancestors(self, i: int) -> list[int]:
        out, seen = [], {i}
        j = self.words[i].head
        while j >= 0 and j not in seen:
            out.append(j)
            seen.add(j)
            j = self.words[j].head
        return out

    def sentence_of(self, i: int) -> Sentence:
        return self.sentences[self.words[i].sent]

    def words_in(self, start: int, end: int) -> list[int]:
        """Indexes of words that overlap the character range [start, end)."""
        lo = max(self._first_at(bisect.bisect_right(self._starts, start) - 1), 0)
        out = []
        for j in range(lo, len(self.words)):
            w = self.words[j]
            if w.start >= end:
                break
            if w.end > start:
                out.append(j)
        return out

    def word_at(self, offset: int) -> int | None:
        """The word covering a character offset, or the first word after it."""
        k = bisect.bisect_right(self._starts, offset) - 1
        if k >= 0 and self.words[k].end > offset:
            return self._first_at(k)
        return k + 1 if k + 1 < len(self.words) else None

    def _first_at(self, k: int) -> int:
        """The first of the words that share word k's start: the words of one multi-word
        token ("It's" is "It" + "'s", both at the token's offsets)."""
        while k > 0 and self._starts[k - 1] == self._starts[k]:
            k -= 1
        return k

    def paragraph_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._para_starts, offset) - 1)

    def paragraph_words(self, p: int) -> tuple[int, int]:
        """The words (first, last exclusive) of paragraph ``p``: those that start in it
        (found by bisection, so no caller walks a paragraph word by word)."""
        first = 0 if p <= 0 else bisect.bisect_left(self._starts, self._para_starts[p])
        last = len(self.words) if p + 1 >= len(self._para_starts) else \
            bisect.bisect_left(self._starts, self._para_starts[p + 1])
        return first, last

    def span_of(self, first: int, last: int) -> Span:
        """The character span of words[first:last] (last exclusive)."""
        return Span.of(self.text, self.words[first].start, self.words[last - 1].end)

    def entity_at(self, i: int) -> NamedEntity | None:
        """The entity that word i belongs to, if any."""
        k = bisect.bisect_right(self._ent_firsts, i) - 1  # entities do not overlap
        if k >= 0 and self.entities[k].first <= i < self.entities[k].last:
            return self.entities[k]
        return None

    def entities_before(self, offset: int) -> int:
        """How many entities start before character ``offset`` (entities[:n], in order)."""
        return bisect.bisect_left(self._ent_starts, offset)

    def entity_type_elsewhere(self, text: str) -> str | None:
        """The type the named-entity tagger gives ``text`` where it tags it in this document
        (the most frequent), or None: "RT" left untagged before "'s" is the organisation
        tagged RT elsewhere."""
        return self._types_by_text.get(text)

    def entities_in(self, start: int, end: int) -> list[NamedEntity]:
        """Entities that lie inside the character range [start, end)."""
        lo = bisect.bisect_left(self._ent_starts, start)
        hi = bisect.bisect_left(self._ent_starts, end)
        return [e for e in self.entities[lo:hi] if e.end <= end]


def _check_tree(words: Sequence[Word]) -> None:
    """A document view's words must be numbered in order, with heads in range that form a
    tree (every chain of heads reaches a root): a cycle would make tree walks endless."""
    n = len(words)
    for k, w in enumerate(words):
        if w.index != k:
            raise DocumentError(f"word {k} ({w.text!r}) has index {w.index}; number the "
                                "words 0, 1, 2, ... in order")
        if not -1 <= w.head < n:
            raise DocumentError(f"word {k} ({w.text!r}) has head {w.head}, outside the "
                                f"document's {n} words; a head is a word index or -1 for "
                                "the root")
        if not 0 <= w.start <= w.end:
            raise DocumentError(f"word {k} ({w.text!r}) has offsets {w.start}..{w.end}")
    done: set[int] = set()
    for w in words:
        path: set[int] = set()
        j = w.index
        while j >= 0 and j not in done:
            if j in path:
                raise DocumentError(f"the heads form a cycle through word {j} "
                                    f"({words[j].text!r}); every chain of heads must reach "
                                    "a root (head -1)")
            path.add(j)
            j = words[j].head
        done |= path


def split_paragraphs(text: str) -> list[Span]:
    """Paragraphs are the text's lines: a newline (with any blank lines) ends one."""
    out, pos = [], 0
    for m in PARAGRAPH_BREAK.finditer(text):
        if text[pos:m.start()].strip():
            out.append(_strip_span(text, pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append(_strip_span(text, pos, len(text)))
    return out


def _strip_span(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span.of(text, start, end)


def entities_from_bio(words: Sequence[Word], text: str) -> list[NamedEntity]:
    """Group BIO/BIOES word tags into entities (IO tags work too)."""
    out: list[NamedEntity] = []
    cur_label, first = None, 0

    def close(last: int) -> None:
        if cur_label is not None:
            s, e = words[first].start, words[last - 1].end
            out.append(NamedEntity(text[s:e], s, e, NER_TYPES.get(cur_label, "OTHER"),
                                   cur_label, first, last))

    for k, w in enumerate(words):
        tag = w.ner or "O"
        prefix, _, label = tag.partition("-") if "-" in tag else ("I", "", tag)
        if tag == "O":
            close(k)
            cur_label = None
            continue
        starts_new = (prefix in ("B", "S") or label != cur_label
                      or (k > 0 and words[k - 1].sent != w.sent))
        if starts_new:
            close(k)
            cur_label, first = label, k
        if prefix in ("E", "S"):
            close(k + 1)
            cur_label = None
    close(len(words))
    return _join_split_people(out, words, text)


def _join_split_people(ents: list[NamedEntity], words: Sequence[Word],
                       text: str) -> list[NamedEntity]:
    """Two person entities one space apart are one name the tagger cut in two ("Rakeyia"
    "Scott"): a list of people has a comma or "and" between them, and a sentence that ends
    with a space and no punctuation is the tokenizer's mistake. A first part holding a title
    ("Charlotte Mayor" "Jennifer Roberts") is a description, not half a name."""
    titles = lexicons.titles()
    out: list[NamedEntity] = []
    for e in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.type == e.type == "PERSON" and prev.last == e.first \
                and text[prev.end:e.start] == " " and e.text[:1].isupper() \
                and not any(w.text.lower() in titles for w in words[prev.first:prev.last]):
            out[-1] = attrs.evolve(prev, text=text[prev.start:e.end], end=e.end, last=e.last)
        else:
            out.append(e)
    return out


def split_multiword_tokens(words: Sequence[Word], text: str) -> list[Word]:
    """Words of one multi-word token ("Obama's" is "Obama" + "'s") arrive with the token's
    offsets and the token's NER tag. Each gets its own offsets where the words spell the
    token ("It" + "'s" = "It's"), and the tag goes to the first word only ("Obama's" as a
    place is "Obama"; a tag that goes on past the token, B- or I-, carries on)."""
    out = list(words)
    k = 0
    while k < len(out):
        j = k + 1
        while j < len(out) and (out[j].start, out[j].end, out[j].sent) == \
                (out[k].start, out[k].end, out[k].sent):
            j += 1
        if j - k > 1:
            group = out[k:j]
            token = text[group[0].start:group[0].end]
            spelled = "".join(w.text for w in group) == token
            prefix, _, label = group[0].ner.partition("-")
            pos = group[0].start
            for n, w in enumerate(group):
                start, end = (pos, pos + len(w.text)) if spelled else (w.start, w.end)
                pos = end
                if n == 0:
                    ner = w.ner
                else:
                    ner = f"I-{label}" if label and prefix in ("B", "I") else "O"
                out[k + n] = attrs.evolve(w, start=start, end=end, ner=ner)
        k = j
    return out


# --------------------------------------------------------------------- from stanza

def from_stanza(docs: Iterable[Any], text: str, offsets: Iterable[int] | None = None,
                paragraphs: Sequence[Span] | None = None) -> Document:
    """Build the view from stanza Documents, each parsed from ``text[offset:...]``."""
    words: list[Word] = []
    sentences: list[Sentence] = []
    offs = list(offsets) if offsets is not None else None
    for k, sdoc in enumerate(docs):
        shift = offs[k] if offs is not None else 0
        for sent in sdoc.sentences:
            base = len(words)
            first = base
            local: dict[int, int] = {}
            for token in sent.tokens:
                ts = (token.start_char or 0) + shift
                te = (token.end_char or 0) + shift
                ner = getattr(token, "ner", None) or "O"
                for w in token.words:
                    local[w.id] = len(words)
                    words.append(Word(len(words), w.text, ts, te, len(sentences),
                                      w.lemma or w.text, w.upos or "", w.xpos or "",
                                      w.feats or "", -1, w.deprel or "", ner))
            # heads: stanza word ids are 1-based within the sentence, 0 is the root
            for token in sent.tokens:
                for w in token.words:
                    idx = local[w.id]
                    head = -1 if not w.head else local.get(w.head, -1)
                    words[idx] = attrs.evolve(words[idx], head=head)
            if len(words) > first:
                sentences.append(Sentence(len(sentences), words[first].start,
                                          words[-1].end, first, len(words)))
    words = split_multiword_tokens(words, text)
    ents = entities_from_bio(words, text)
    return Document(text, tuple(words), tuple(sentences), tuple(ents),
                    tuple(paragraphs) if paragraphs else (), True)


# --------------------------------------------------------------------- from CoNLL-U

# a word (3), a multi-word token (3-4) or an empty node (3.1, or 0.1 before the first word)
_CONLLU_ID = regex.compile(r"[1-9]\d*(?:-[1-9]\d*)?|(?:0|[1-9]\d*)\.[1-9]\d*")


def check_conllu(conllu_text: str) -> None:
    """Refuse malformed CoNLL-U with the line that is wrong: every word line has ten
    tab-separated columns, an ID (``3``, a range ``3-4`` or an empty node ``3.1``), and a
    word's HEAD is a word of its sentence or 0; a sentence has at least one word.

    Raises:
        ConllUError: naming the line number and what is wrong with it.
    """
    ids: list[tuple[int, int]] = []  # (line number, head) of the sentence's words
    words = 0

    def close() -> None:
        nonlocal words
        for at, head in ids:
            if head > words:
                raise ConllUError(f"line {at}: HEAD {head} is not a word of its sentence "
                                  f"(it has {words} word{'s' if words != 1 else ''}); a head "
                                  "is 0 or a word ID")
        ids.clear()
        words = 0

    for lineno, line in enumerate(conllu_text.splitlines(), 1):
        if not line.strip():
            close()
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise ConllUError(f"line {lineno}: {len(cols)} tab-separated column"
                              f"{'s' if len(cols) != 1 else ''}, where CoNLL-U has ten (ID "
                              "FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC, _ for an "
                              f"empty one): {line[:60]!r}")
        if not _CONLLU_ID.fullmatch(cols[0]):
            raise ConllUError(f"line {lineno}: the ID {cols[0]!r} is not a word number (3), a "
                              "range (3-4) or an empty node (3.1)")
        if not cols[0].isdigit():
            continue
        words += 1
        if int(cols[0]) != words:
            raise ConllUError(f"line {lineno}: word ID {cols[0]} where {words} comes next; "
                              "number the words of each sentence 1, 2, 3, ...")
        if cols[6] != "_":
            if not cols[6].isdigit():
                raise ConllUError(f"line {lineno}: HEAD {cols[6]!r} is not a number (0 for "
                                  "the root) or _")
            ids.append((lineno, int(cols[6])))
    close()


def from_conllu(conllu_text: str, text: str | None = None) -> Document:
    """Build the view from parsed CoNLL-U (stanza's, UD's or any other parser's).

    Malformed input raises :class:`ConllUError` naming the line (:func:`check_conllu`).
    Character offsets come from ``start_char``/``end_char`` in MISC when present (stanza
    writes them); otherwise the text is rebuilt from the forms and ``SpaceAfter=No``
    (``# newpar`` starts a new paragraph). When ``text`` is given, tokens are aligned to it
    and offsets index it. NER tags are read from ``NER=`` / ``ner=`` in MISC.
    """
    import conllu

    check_conllu(conllu_text)
    try:
        sentences = conllu.parse(conllu_text)
    except Exception as exc:  # conllu raises several exception types
        raise ConllUError(f"cannot parse the CoNLL-U input: {exc}. Check that it has ten "
                          "tab-separated columns per word line.") from exc
    rows: list[tuple[int, int, str, list[Any], dict[str, Any]]] = []
    built: list[str] = []
    pos = 0
    for s_i, sent in enumerate(sentences):
        meta: dict[str, Any] = dict(sent.metadata or {})
        if built and ("newpar" in meta or "newpar id" in meta or "newdoc" in meta
                      or "newdoc id" in meta):
            built.append("\n\n")
            pos += 2
        elif built:
            built.append(" ")
            pos += 1
        skip_until = -1
        for tok in sent:
            tid = tok["id"]
            misc = tok.get("misc") or {}
            if isinstance(tid, tuple):
                if len(tid) == 3 and tid[1] == "-":  # multiword token
                    pieces = [w for w in sent if isinstance(w["id"], int)
                              and tid[0] <= w["id"] <= tid[2]]
                    rows.append((pos, s_i, tok["form"], pieces, misc))
                    skip_until = tid[2]
                    built.append(tok["form"])
                    pos += len(tok["form"])
                    if (misc.get("SpaceAfter") != "No"):
                        built.append(" ")
                        pos += 1
                continue  # empty nodes (8.1) are not words
            if tid <= skip_until:
                continue
            rows.append((pos, s_i, tok["form"], [tok], misc))
            built.append(tok["form"])
            pos += len(tok["form"])
            if misc.get("SpaceAfter") != "No":
                built.append(" ")
                pos += 1
    rebuilt = "".join(built)
    source = rebuilt if text is None else text
    words: list[Word] = []
    sents: list[Sentence] = []
    cursor = 0
    sent_first: dict[int, int] = {}
    id_maps: dict[int, dict[int, int]] = {}
    for start, s_i, form, parts, misc in rows:
        if "start_char" in misc and "end_char" in misc and text is not None:
            ts, te = _misc_offsets(misc, form, text, s_i)
        elif text is not None:
            found = text.find(form, cursor)
            if found < 0:
                raise ConllUError(f"token {form!r} not found in the text after offset "
                                  f"{cursor}; pass the text the CoNLL-U was parsed from")
            ts, te = found, found + len(form)
        else:
            ts, te = start, start + len(form)
        cursor = te
        sent_first.setdefault(s_i, len(words))
        for w in parts:
            wmisc = w.get("misc") or {}
            ner = wmisc.get("NER") or wmisc.get("ner") or misc.get("NER") or misc.get("ner") or "O"
            id_maps.setdefault(s_i, {})[w["id"]] = len(words)
            feats = w.get("feats")
            feats_s = "|".join(f"{k}={v}" for k, v in feats.items()) if feats else ""
            words.append(Word(len(words), w["form"], ts, te, s_i, w.get("lemma") or w["form"],
                              w.get("upos") or "", w.get("xpos") or "", feats_s,
                              -1, w.get("deprel") or "", ner))
    for s_i, sent in enumerate(sentences):
        ids = id_maps.get(s_i, {})
        for tok in sent:
            if isinstance(tok["id"], int) and tok["id"] in ids:
                h = tok.get("head")
                idx = ids[tok["id"]]
                words[idx] = attrs.evolve(words[idx], head=ids.get(h, -1) if h else -1)
    _check_acyclic(words)
    # sentences must be renumbered densely (a sentence may have no words)
    renum: dict[int, int] = {}
    for w in words:
        renum.setdefault(w.sent, len(renum))
    words = [attrs.evolve(w, sent=renum[w.sent]) for w in words]
    for new in renum.values():
        members = [w for w in words if w.sent == new]
        sents.append(Sentence(new, members[0].start, members[-1].end, members[0].index,
                              members[-1].index + 1))
    has_tree = any(w.deprel for w in words)
    words = split_multiword_tokens(words, source)
    return Document(source, tuple(words), tuple(sents),
                    tuple(entities_from_bio(words, source)), (), has_tree)


def _misc_offsets(misc: dict[str, Any], form: str, text: str, sentence: int
                  ) -> tuple[int, int]:
    """The start_char/end_char of a token's MISC, checked against the text."""
    try:
        ts, te = int(misc["start_char"]), int(misc["end_char"])
    except (TypeError, ValueError):
        raise ConllUError(f"sentence {sentence + 1}, token {form!r}: start_char/end_char "
                          f"must be whole numbers, got {misc['start_char']!r} and "
                          f"{misc['end_char']!r}") from None
    if not 0 <= ts <= te <= len(text):
        raise ConllUError(f"sentence {sentence + 1}, token {form!r}: start_char={ts} "
                          f"end_char={te} do not lie in the {len(text)}-character text; pass "
                          "the text the CoNLL-U was parsed from, or leave the offsets out")
    return ts, te


def _check_acyclic(words: list[Word]) -> None:
    """Every chain of heads must reach the root: a cycle (``1 -> 2 -> 1``, or a word that is
    its own head) would make tree walks endless."""
    done: set[int] = set()
    for w in words:
        path: list[int] = []
        on_path: set[int] = set()
        j = w.index
        while j >= 0 and j not in done:
            if j in on_path:
                bad = words[j]
                raise ConllUError(
                    f"the HEAD column forms a cycle in sentence {bad.sent + 1} (through the "
                    f"word {bad.text!r}): every word's chain of heads must reach a word with "
                    "HEAD 0. Fix the parse, or pass plain text to be parsed instead.")
            path.append(j)
            on_path.add(j)
            j = words[j].head
        done.update(path)


# --------------------------------------------------------------------- fast mode

_TOKEN = regex.compile(
    r"""(?:[A-Z]\.){2,}|\d+(?:[.,]\d+)*%?|\p{L}+(?:[-'’]\p{L}+)*(?:'s|’s)?|[^\s\p{L}\d]""",
    regex.V1)
_SENT_END = regex.compile(r"""[.!?]+["”’']?$""")
_CLOSING_MARKS = regex.compile(r"""["”’']+""")


def from_regex(text: str) -> Document:
    """A view without any model: regex tokens, sentences split at . ! ? and newlines, and
    no sentence longer than :data:`~quoteattr.nlp.sentences.MAX_SENTENCE_WORDS` words (cut
    as for the parser), so every stage that reads a sentence reads a bounded one."""
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    para_ends = {p.end for p in split_paragraphs(text)}
    groups: list[tuple[int, int]] = []
    first = 0
    for k, (token, start, end) in enumerate(tokens):
        before = tokens[k - 1] if k else None
        ends = bool(_SENT_END.search(token)) or end in para_ends or (
            _CLOSING_MARKS.fullmatch(token) is not None and before is not None and
            before[2] == start and _SENT_END.search(before[0]) is not None)
        if ends and token == "." and before is not None and end not in para_ends and \
                before[2] == start and abbreviation_before_dot(before[0]):
            ends = False  # "Gov." "Sen." "G.": a title or an initial, not a sentence's end
        nxt = text[end:end + 2]
        if ends and (end in para_ends or not nxt or nxt[0].isspace()):
            groups.append((first, k + 1))
            first = k + 1
    if first < len(tokens):
        groups.append((first, len(tokens)))
    words: list[Word] = []
    sents: list[Sentence] = []
    for lo, hi in groups:
        for a, b in pieces([t for t, _, _ in tokens[lo:hi]]):
            n = len(sents)
            for token, start, end in tokens[lo + a:lo + b]:
                words.append(Word(len(words), token, start, end, n))
            sents.append(Sentence(n, tokens[lo + a][1], tokens[lo + b - 1][2], lo + a, lo + b))
    return Document(text, tuple(words), tuple(sents), (), (), False)
