"""The Extractor runs the stages in order on one text:

text -> input checks -> parse (stanza, CoNLL-U, or regex in fast mode) -> quotation marks ->
quote candidates with kind and cue -> indirect quotes -> speaker resolvers -> names, roles
and entities -> Result.
"""

from __future__ import annotations

import bisect
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

import attrs
import regex

from . import cues, indirect, marks, naming, quotefilter
from .errors import InputError
from .nlp import document as docview
from .nlp.document import Document
from .resolvers import DEFAULT_RESOLVERS, Attribution, Candidate, Context, Resolver, ranker
from .resolvers.base import FIRM
from .textinput import clean_text
from .types import Result

MODES = ("full", "fast")

# words before a quoted stretch that make it a name or a title, not speech
_NAMING = {"name", "named", "nicknamed", "dubbed", "titled", "entitled", "film", "movie",
           "book", "song", "album", "show", "series", "novel", "documentary", "play",
           "headline", "slogan", "hashtag", "word", "term", "phrase", "as"}
_TERMINAL = set(",.!?…:;—–-")


class Extractor:
    """Finds quotations and their speakers. Load once, call many times.

    Args:
        models: ``"bundled"`` (default, ships with the package), ``"stanza"`` (official stanza
            English models you downloaded), or a folder of stanza model files.
        mode: ``"full"`` parses with stanza; ``"fast"`` uses a regex tokenizer and only the
            resolvers that need no tree (much faster, less accurate, no indirect quotes).
        resolvers: the ordered speaker resolvers (default :data:`DEFAULT_RESOLVERS`).
        batch_size: paragraphs per stanza batch.
        html: what to do with HTML markup in the text: ``"blank"`` (default) replaces tags with
            spaces so that offsets still index the caller's string; ``"error"`` raises
            :class:`InputError`.
        strategy: how speakers are chosen: ``"rules+ranker"`` (default: the ordered rules,
            checked by the learned ranker, which answers where they are silent and overrules
            them where it is sure), ``"rules"``, ``"ranker"`` (see :func:`resolve`).
    """

    def __init__(self, models: str | os.PathLike[str] = "bundled", mode: str = "full",
                 resolvers: Sequence[Resolver] | None = None, batch_size: int = 64,
                 html: str = "blank", strategy: str = "rules+ranker") -> None:
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, got {mode!r}")
        if strategy not in STRATEGIES:
            raise ValueError(f"strategy must be one of {STRATEGIES}, got {strategy!r}")
        if html not in ("blank", "error"):
            raise ValueError(f"html must be 'blank' or 'error', got {html!r}")
        self.models = models
        self.mode = mode
        self.resolvers = tuple(resolvers) if resolvers is not None else DEFAULT_RESOLVERS
        self.batch_size = batch_size
        self.html = html
        self.strategy = strategy
        self._nlp = None
        if mode == "full":
            from .nlp.models import load_pipeline

            self._nlp = load_pipeline(models)

    # ------------------------------------------------------------------ public API
    def extract(self, text: str | bytes) -> Result:
        """Every quotation in ``text`` with its cue, speaker, role and affiliation."""
        return next(iter(self.extract_many([text])))

    def extract_many(self, texts: Iterable[str | bytes]) -> Iterator[Result]:
        """Results for many texts, parsed in stanza batches; yields in input order."""
        batch: list[str] = []
        for t in texts:
            batch.append(_as_str(t))
            if len(batch) >= 8:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def extract_document(self, doc: Document) -> Result:
        """Run every stage after parsing on a document view you built yourself."""
        return run_stages(doc, self.resolvers, self.strategy)

    def extract_conllu(self, conllu_text: str, text: str | None = None) -> Result:
        """Quotes from parsed CoNLL-U (e.g. another pipeline's output); see from_conllu."""
        return run_stages(docview.from_conllu(conllu_text, text), self.resolvers,
                          self.strategy)

    def parse(self, text: str) -> Document:
        """The document view of ``text`` (offsets index ``text``)."""
        return self._parse_many([text])[0]

    # ------------------------------------------------------------------ internals
    def _run_batch(self, texts: list[str]) -> Iterator[Result]:
        docs = self._parse_many(texts)
        for d, original in zip(docs, texts):
            result = run_stages(d, self.resolvers, self.strategy)
            yield result if d.text is original else naming.retext(result, original)

    def _parse_many(self, texts: list[str]) -> list[Document]:
        cleaned = [clean_text(t, self.html) for t in texts]
        if self.mode == "fast" or self._nlp is None:
            return [docview.from_regex(c) for c in cleaned]
        import stanza

        jobs: list[tuple[int, int]] = []  # (text index, paragraph start)
        inputs = []
        paras_of: list[list] = []
        for ti, c in enumerate(cleaned):
            paras = docview.split_paragraphs(c)
            paras_of.append(paras)
            for p in paras:
                jobs.append((ti, p.start))
                inputs.append(stanza.Document([], text=p.text))
        parsed: list = []
        for k in range(0, len(inputs), self.batch_size):
            parsed.extend(self._nlp.bulk_process(inputs[k:k + self.batch_size]))
        out = []
        for ti in range(len(texts)):
            mine = [(parsed[j], jobs[j][1]) for j in range(len(jobs)) if jobs[j][0] == ti]
            d = docview.from_stanza([m[0] for m in mine], cleaned[ti], [m[1] for m in mine],
                                    paras_of[ti])
            out.append(d)
        return out


def _as_str(t: str | bytes) -> str:
    if isinstance(t, bytes):
        try:
            return t.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"the input bytes are not UTF-8 (bad byte at offset {exc.start}). Decode them "
                "yourself with the right encoding, e.g. data.decode('cp1252'), and pass a "
                "str.") from exc
    if not isinstance(t, str):
        raise InputError(f"expected str or bytes, got {type(t).__name__}")
    return t


# ---------------------------------------------------------------------- the stages

def run_stages(doc: Document, resolvers: Sequence[Resolver] = DEFAULT_RESOLVERS,
               strategy: str = "rules+ranker", keep_unattributed: bool = False) -> Result:
    """Everything after parsing: marks, candidates, cues, indirect quotes, resolvers, the
    quote filter, names. ``keep_unattributed`` skips the quote filter."""
    if not doc.words:
        return Result()
    cands, done = attribute(doc, resolvers, strategy)
    if not keep_unattributed:
        cands, done = drop_non_quotes(doc, cands, done)
    return naming.build_result(doc, cands, done)


def attribute(doc: Document, resolvers: Sequence[Resolver] = DEFAULT_RESOLVERS,
              strategy: str = "rules+ranker"
              ) -> tuple[list[Candidate], dict[int, Attribution]]:
    """Every candidate quote (direct, mixed, indirect), in text order, and the speaker
    attributions made for them (candidate index -> attribution)."""
    cands = quote_candidates(doc)
    taken = {c.cue for c in cands if c.cue is not None}
    quoted = [(c.start, c.end) for c in cands]
    cands += indirect.find(doc, taken, quoted)
    cands.sort(key=lambda c: (c.start, c.end))
    ctx = Context(doc, cands)
    for k, c in enumerate(cands):
        ctx.index = k
        att = resolve(ctx, c, resolvers, strategy)
        if att is not None:
            ctx.record(k, att)
    return cands, ctx.done


_NOT_WORDS = regex.compile(r"^(?:[\d\W_]+|\S*(?:https?:|www\.|\.com|pic\.twitter|@)\S*)$")


def paragraph_counts(doc: Document, cands: Sequence[Candidate]) -> list[int]:
    """For each candidate, how many direct or mixed candidates share its paragraph."""
    paras = [doc.paragraph_index(c.start) for c in cands]
    marked = Counter(p for p, c in zip(paras, cands, strict=True) if c.kind != "indirect")
    return [marked[p] for p in paras]


def drop_non_quotes(doc: Document, cands: list[Candidate], done: dict[int, Attribution]
                    ) -> tuple[list[Candidate], dict[int, Attribution]]:
    """The candidates without quoted stretches that are not speech: quoted numbers, links and
    handles (embedded tweets), and what :mod:`quoteattr.quotefilter` rejects (scare quotes,
    titles, nicknames)."""
    keep: list[Candidate] = []
    kept: dict[int, Attribution] = {}
    index_map: dict[int, int] = {}
    counts = paragraph_counts(doc, cands)
    for k, c in enumerate(cands):
        text = doc.text[c.start:c.end].strip()
        if _NOT_WORDS.match(text):
            continue
        if not quotefilter.is_quotation(doc, c, done.get(k), counts[k]):
            continue
        index_map[k] = len(keep)
        if k in done:
            kept[len(keep)] = done[k]
        keep.append(c)
    # attributions that continue an earlier quote point at its new index
    for i, att in list(kept.items()):
        if att.antecedent_of is not None:
            kept[i] = attrs.evolve(att, antecedent_of=index_map.get(att.antecedent_of))
    return keep, kept


#: how sure the ranker must be (softmax over the quote's candidates) to overrule a rule
OVERRULE = 0.5
STRATEGIES = ("rules+ranker", "rules", "ranker")


def resolve(ctx: Context, c: Candidate, resolvers: Sequence[Resolver],
            strategy: str = "rules+ranker") -> Attribution | None:
    """The speaker of candidate c.

    ``"rules"``: the first rule that answers. ``"ranker"``: the ranker's best candidate,
    without the rules. ``"rules+ranker"`` (default): the rules' answer is a feature of the
    ranker; the rule stands where the ranker agrees, the ranker answers where no rule did,
    and overrules a rule when it is at least :data:`OVERRULE` sure.
    """
    rule = None
    for r in resolvers:
        att = r(ctx, c)
        if att is not None and att.first < att.last:
            rule = att
            break
    if strategy == "rules":
        return rule
    if strategy == "rules+ranker" and rule is not None and rule.confidence >= FIRM:
        return rule  # speakers read from layout ("— Name", "NAME:"): nothing to weigh
    found = ranker.best(ctx, c, rule if strategy == "rules+ranker" else None)
    if found is None:
        return rule
    head, p = found
    if head == ranker.NOBODY:
        # nobody in the text said it: no speaker, unless a rule answered and the ranker is
        # not sure enough to overrule it
        return rule if rule is not None and strategy == "rules+ranker" and p < OVERRULE \
            else None
    if strategy == "ranker" or rule is None:
        return ranker.attribution(ctx, head, p)
    if rule.first <= head < rule.last or head == rule.head:
        return rule  # the ranker agrees: the rule's answer, with its name
    return ranker.attribution(ctx, head, p) if p >= OVERRULE else rule


def quote_candidates(doc: Document) -> list[Candidate]:
    """Direct and mixed quotes from the quotation marks, with kind and cue."""
    out = []
    found = marks.find_quotations(doc.text)
    tops = sorted((m for m in found if m.depth == 0), key=lambda m: m.open_start)
    top_starts = [m.open_start for m in tops]
    for m in (piece for q in found for piece in _transcript_turns(doc, q)):
        if (m.depth != 0 and not _nested_in_own_style(m, tops, top_starts)) or \
                not doc.text[m.start:m.end].strip():
            continue
        words = doc.words_in(m.start, m.end)
        if not words:
            continue
        first, last = words[0], words[-1] + 1
        if _is_naming(doc, m, first):
            continue
        kind = _kind(doc, m, first, last)
        cue = cues.link(doc, first, last)
        if cue is None:
            cue = cues.nearest(doc, first, last, prefer_after=(kind == "direct"))
            if cue is not None and _other_quote_between(doc, m, cue, tops, top_starts):
                cue = None
        start, end = _trim(doc.text, m.start, m.end)
        out.append(Candidate(start, end, kind, first, last, cue, m,
                             _pieces(doc, start, end) if m.paragraphs > 1 else ()))
    return out


def _nested_in_own_style(m: marks.QuotedSpan, tops: list[marks.QuotedSpan],
                         top_starts: list[int]) -> bool:
    """A double quotation directly inside another (``“... what he calls “hell” than ...”``):
    a quote of its own, where a single one inside double marks is part of its quote (on
    PolNeAR train, annotators marked all 5 of the first and none of the 302 of the second)."""
    if m.depth != 1 or m.style != "double":
        return False
    k = bisect.bisect_right(top_starts, m.open_start) - 1
    return k >= 0 and tops[k].style == "double" and tops[k].close_end >= m.close_end


_TRANSCRIPT_LABEL = regex.compile(r"[A-Z][A-Z.'\- ]{1,40}:\s")


def _transcript_turns(doc: Document, m: marks.QuotedSpan) -> list[marks.QuotedSpan]:
    """A quotation over several paragraphs stays one quote (the convention for a long
    statement), unless its paragraphs are transcript turns (``"WALLACE: ...`` then
    ``"PENCE: ...``): then each paragraph is a quote of its own."""
    if m.paragraphs <= 1:
        return [m]
    pieces = _pieces(doc, m.start, m.end)
    if len(pieces) < 2 or not any(_TRANSCRIPT_LABEL.match(doc.text, s) for s, _ in pieces[1:]):
        return [m]
    out = []
    for k, (s, e) in enumerate(pieces):
        opening = s - 1 if s > 0 and doc.text[s - 1] in marks.ALL_MARKS else s
        last = k == len(pieces) - 1
        out.append(attrs.evolve(m, start=s, end=m.end if last else e, open_start=opening,
                                close_end=m.close_end if last else e,
                                closed=m.closed if last else False, paragraphs=1))
    return out


def _pieces(doc: Document, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The quoted words of each paragraph of a quotation that runs over several."""
    out = []
    first, last = doc.paragraph_index(start), doc.paragraph_index(max(start, end - 1))
    for p in doc.paragraphs[first:last + 1]:
        s, e = max(start, p.start), min(end, p.end)
        if s >= e:
            continue
        while s < e and (doc.text[s] in marks.ALL_MARKS or doc.text[s].isspace()):
            s += 1
        s, e = _trim(doc.text, s, e)
        if s < e:
            out.append((s, e))
    return tuple(out)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_naming(doc: Document, m: marks.QuotedSpan, first: int) -> bool:
    """'a man who goes by the name "Shorty"', 'the film "Casablanca"': not speech."""
    content = doc.text[m.start:m.end].strip()
    n_words = len(content.split())
    if n_words > 6 or content[-1:] in _TERMINAL:
        return False
    prev = first - 1
    while prev >= 0 and doc.words[prev].text in "\"“”'‘’«»":
        prev -= 1
    if prev < 0:
        return False
    before = doc.words[prev].text.lower()
    capitalised = all(w[:1].isupper() or w.lower() in ("of", "the", "a", "and", "in", "on")
                      for w in content.split())
    if before in _NAMING and capitalised:
        return True
    return before in ("called", "known", "nicknamed", "dubbed") and capitalised and \
        cues.lemma_of(doc.words[prev]) in ("call", "know", "nickname", "dub") and \
        prev > 0 and doc.words[prev - 1].text.lower() in ("a", "an", "the", "is", "was",
                                                           "be", "been", "as", "group",
                                                           "man", "woman", "place")


def _kind(doc: Document, m: marks.QuotedSpan, first: int, last: int) -> str:
    """direct: the quote is a whole utterance; mixed: quoted words inside a reporting clause."""
    content = doc.text[m.start:m.end].strip()
    if not content:
        return "mixed"
    starts_upper = content[0].isupper() or content[0].isdigit() or content.startswith(
        ("...", "…", "[", "'", "‘", '"'))
    ends_clause = content[-1] in _TERMINAL
    if m.paragraphs > 1:
        return "direct"
    # text of the sentence before the opening mark
    sent = doc.sentence_of(first)
    before = doc.text[sent.start:m.open_start].strip()
    before_words = before.split()
    if not starts_upper:
        return "mixed"
    if ends_clause:
        return "direct"
    # 'X said: "Full sentence here".' or a quote that is its whole sentence
    if not before_words or before.endswith((":", ",")):
        return "direct"
    return "mixed"


def _other_quote_between(doc: Document, m: marks.QuotedSpan, cue: int,
                         tops: list[marks.QuotedSpan], top_starts: list[int]) -> bool:
    """Whether another top-level quotation lies between quotation m and the cue word
    (``tops`` sorted by ``open_start``, which ``top_starts`` lists)."""
    pos = doc.words[cue].start
    lo, hi = (m.close_end, pos) if pos >= m.close_end else (pos, m.open_start)
    k = bisect.bisect_left(top_starts, lo)
    while k < len(tops) and tops[k].open_start < hi:
        if tops[k] is not m and tops[k].close_end <= hi:
            return True
        k += 1
    return False


