"""The Extractor runs the stages in order on one text; each stage is a module of its own:

text -> input checks (:mod:`.textinput`) -> parse (:mod:`.nlp`: stanza, CoNLL-U, or regex in
fast mode) -> cues (:mod:`.cues`) -> quote candidates (:mod:`.candidates`, with
:mod:`.indirect`) -> mentions (:mod:`.mentions`) -> speakers (:mod:`.resolvers`: rules, the
ranker, the arbiter) -> the quote filter (:mod:`.quotefilter`) -> coreference
(:mod:`.coref`) -> confidence (:mod:`.confidence`) -> names, roles and the Result
(:mod:`.naming`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from . import candidates, confidence, coref, cues, learned, mentions, naming, quotefilter, timing
from .errors import InputError, OptionError, QuoteattrError
from .learned import Learned
from .nlp import document as docview
from .nlp.document import Document
from .nlp.sentences import parse_pieces, reading
from .resolvers import Context, Resolver, arbiter, rules
from .resolvers.arbiter import STRATEGIES, Observer
from .textinput import HTML_MODES, clean_text
from .types import Result

__all__ = ["MODES", "STRATEGIES", "Extractor", "attribute", "check_options", "finish",
           "free_cores", "run_stages"]

MODES = ("full", "fast")
#: texts :meth:`Extractor.extract_many` parses as one batch (their results come together)
TEXTS_PER_BATCH = 32


class Extractor:
    """Finds quotations and their speakers. Load once, call many times.

    Args:
        models: ``"bundled"`` (default, ships with the package), ``"stanza"`` (official stanza
            English models you downloaded), or a folder of stanza model files.
        mode: ``"full"`` parses with stanza; ``"fast"`` uses a regex tokenizer and only the
            resolvers that need no tree (much faster, less accurate, no indirect quotes).
        resolvers: the ordered rule resolvers, as objects or registered names (default
            :data:`~quoteattr.resolvers.DEFAULT_RESOLVERS`).
        batch_size: paragraph pieces per stanza batch (default 1024): each processor sorts
            a batch by length and runs it in large tensors, so big batches parse faster;
            :meth:`extract_many` parses :data:`TEXTS_PER_BATCH` texts together.
        html: what to do with HTML markup (see :func:`quoteattr.textinput.clean_text`):
            ``"auto"`` (default) blanks the tags of a text that is an HTML document (it
            starts with a tag, a doctype or ``<html``) and leaves plain text as it is, a
            literal ``<b>`` included; ``"blank"`` blanks tags in any text; ``"keep"`` never
            does; ``"error"`` raises :class:`InputError` on markup. Blanking replaces each tag
            with spaces, so offsets still index the caller's string.
        threads: how many threads the models use (full mode); by default the cores that are
            free to this process when it starts (:func:`free_cores`), so that a busy machine
            is not oversubscribed. Torch's thread count is process-wide: the last Extractor
            made sets it.
        device: where the models run (full mode): ``"cpu"``, ``"cuda"`` (a GPU torch sees;
            :class:`ModelError` when there is none) or None (default: a GPU when torch sees
            one, else the CPU).
        strategy: how speakers are chosen: ``"rules+ranker"`` (default: the ordered rules,
            checked by the learned ranker, which answers where they are silent and overrules
            them where it is sure), ``"rules"`` (no learned part at all: no weights file is
            read, the quote filter is a rule and confidences are 0), ``"ranker"`` (see
            :mod:`quoteattr.resolvers.arbiter`).

    Raises:
        ModelError: the model folder or a learned part's weights are missing or unreadable
            (when the Extractor is made); the stanza models cannot be loaded (on the first
            parse in full mode, when they are loaded).
    """

    def __init__(self, models: str | os.PathLike[str] = "bundled", mode: str = "full",
                 resolvers: Sequence[str | Resolver] | None = None, batch_size: int = 1024,
                 html: str = "auto", strategy: str = "rules+ranker",
                 threads: int | None = None, device: str | None = None) -> None:
        check_options(mode=mode, strategy=strategy, html=html, threads=threads, device=device)
        if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
            raise OptionError(f"batch_size must be a whole number of at least 1, got "
                              f"{batch_size!r}")
        self.models = models
        self.mode = mode
        self.resolvers = rules(resolvers)
        self.batch_size = batch_size
        self.html = html
        self.strategy = strategy
        self.learned = learned.for_strategy(strategy)
        self._nlp: Any = None
        self.threads = threads if threads is not None else free_cores()
        self.device = device
        if mode == "full":
            from .nlp.models import pipeline_config

            # a missing model folder or GPU fails now; loading waits for the first parse
            pipeline_config(models, device)

    def load(self) -> Extractor:
        """Load the stanza models now rather than on the first parse (full mode; nothing to
        load in fast mode). Returns the extractor.

        Raises:
            ModelError: the models cannot be loaded.
        """
        if self.mode == "full":
            self._pipeline()
        return self

    def _pipeline(self) -> Any:
        """The stanza pipeline, loaded on the first parse (``extract_conllu`` and
        ``extract_document`` never load it)."""
        if self._nlp is None:
            from .nlp.models import load_pipeline, set_threads

            set_threads(self.threads)
            self._nlp = load_pipeline(self.models, self.device)
        return self._nlp

    # ------------------------------------------------------------------ public API
    def extract(self, text: str | bytes) -> Result:
        """Every quotation in ``text`` with its cue, speaker, role and affiliation.

        Raises:
            InputError: the input is not text (binary, not UTF-8, another type).
            QuoteattrError: any other failure, with a message that says what to do.
        """
        return _guarded(lambda: next(iter(self._run_batch([_as_str(text)]))))

    def extract_many(self, texts: Iterable[str | bytes], errors: str = "raise"
                     ) -> Iterator[Result]:
        """Results for many texts, parsed in stanza batches; yields in input order.

        ``errors`` says what an input that fails does (its position in ``texts`` is in the
        message): ``"raise"`` (default) raises its error after yielding the results before
        it; ``"skip"`` leaves it out; ``"record"`` yields an empty Result whose ``error``
        says what went wrong, and goes on.
        """
        if errors not in ("raise", "skip", "record"):
            raise OptionError(f"errors must be 'raise', 'skip' or 'record', got {errors!r}")
        batch: list[tuple[int, str]] = []
        for k, t in enumerate(texts):
            try:
                batch.append((k, _as_str(t)))
            except InputError as exc:
                yield from self._flush(batch, errors)
                batch = []
                yield from _failed(k, exc, errors)
                continue
            if len(batch) >= TEXTS_PER_BATCH:
                yield from self._flush(batch, errors)
                batch = []
        yield from self._flush(batch, errors)

    def extract_document(self, doc: Document) -> Result:
        """Run every stage after parsing on a document view you built yourself.

        Raises:
            DocumentError: the view is malformed (built with a head out of range or a cycle:
                the document view refuses them when it is made).
        """
        return _guarded(lambda: run_stages(doc, self.resolvers, self.strategy, self.learned))

    def extract_conllu(self, conllu_text: str, text: str | None = None) -> Result:
        """Quotes from parsed CoNLL-U (e.g. another pipeline's output); see from_conllu.

        Raises:
            ConllUError: the CoNLL-U is malformed or does not fit ``text``.
        """
        return _guarded(lambda: run_stages(docview.from_conllu(conllu_text, text),
                                           self.resolvers, self.strategy, self.learned))

    def _flush(self, batch: list[tuple[int, str]], errors: str) -> Iterator[Result]:
        """The results of a batch; when it fails, each text alone, to find the one."""
        if not batch:
            return
        try:
            results = list(self._run_batch([t for _, t in batch]))
        except Exception as exc:
            if len(batch) == 1:
                yield from _failed(batch[0][0], exc, errors)
                return
            for item in batch:
                yield from self._flush([item], errors)
            return
        yield from results

    def parse(self, text: str) -> Document:
        """The document view of ``text`` (offsets index ``text``)."""
        return self._parse_many([text])[0]

    # ------------------------------------------------------------------ internals
    def _run_batch(self, texts: list[str]) -> Iterator[Result]:
        docs = self._parse_many(texts)
        for d, original in zip(docs, texts):
            result = run_stages(d, self.resolvers, self.strategy, self.learned)
            yield result if d.text is original else naming.retext(result, original)

    def _parse_many(self, texts: list[str]) -> list[Document]:
        with timing.stage("clean"):
            cleaned = [clean_text(t, self.html) for t in texts]
        with timing.stage("parse"):
            if self.mode == "fast":
                return [docview.from_regex(c) for c in cleaned]
            return self._parse_cleaned(self._pipeline(), cleaned)

    def _parse_cleaned(self, nlp: Any, cleaned: list[str]) -> list[Document]:
        """The stanza parse of cleaned texts, in bounded pieces (:mod:`quoteattr.nlp.sentences`)."""
        import stanza

        jobs: list[tuple[int, int]] = []  # (text index, start of the piece)
        inputs = []
        for ti, c in enumerate(cleaned):
            for s, e in parse_pieces(c):
                jobs.append((ti, s))
                inputs.append(stanza.Document([], text=c[s:e]))
        parsed: list = []
        for k in range(0, len(inputs), self.batch_size):
            batch = inputs[k:k + self.batch_size]
            with reading([d.text for d in batch]):
                parsed.extend(nlp.bulk_process(batch))
        mine: list[list[tuple[Any, int]]] = [[] for _ in cleaned]
        for (ti, start), piece in zip(jobs, parsed, strict=True):
            mine[ti].append((piece, start))
        return [docview.from_stanza([m[0] for m in pieces], cleaned[ti],
                                    [m[1] for m in pieces], docview.split_paragraphs(cleaned[ti]))
                for ti, pieces in enumerate(mine)]


def check_options(*, mode: str = "full", strategy: str = "rules+ranker", html: str = "auto",
                  threads: int | None = None, device: str | None = None) -> None:
    """The one check of the :class:`Extractor`'s options, also for code that makes
    Extractors later, elsewhere (worker processes, Dask workers).

    Raises:
        OptionError: an option has a value the Extractor does not take.
    """
    if mode not in MODES:
        raise OptionError(f"mode must be one of {MODES}, got {mode!r}")
    if strategy not in STRATEGIES:
        raise OptionError(f"strategy must be one of {STRATEGIES}, got {strategy!r}")
    if html not in HTML_MODES:
        raise OptionError(f"html must be one of {HTML_MODES}, got {html!r}")
    if threads is not None and (not isinstance(threads, int) or isinstance(threads, bool)
                                or threads < 1):
        raise OptionError(f"threads must be a whole number of at least 1, got {threads!r}")
    if device not in (None, "cpu", "cuda"):
        raise OptionError(f"device must be 'cpu', 'cuda' or None, got {device!r}")


def _guarded(run: Callable[[], Result]) -> Result:
    """``run()``, with any error that is not a QuoteattrError turned into one."""
    try:
        return run()
    except QuoteattrError:
        raise
    except MemoryError:
        raise InputError("the text is too large to process in the memory there is; split it "
                         "into smaller texts") from None
    except Exception as exc:
        raise QuoteattrError(f"internal error ({type(exc).__name__}: {exc}); please report it "
                             "with the text that caused it") from exc


def _failed(k: int, exc: BaseException, errors: str) -> Iterator[Result]:
    """What extract_many does with input ``k`` that failed with ``exc``."""
    if isinstance(exc, MemoryError):
        message = "too large to process in the memory there is; split it"
    elif isinstance(exc, QuoteattrError):
        message = str(exc)
    else:
        message = f"internal error ({type(exc).__name__}: {exc}); please report it"
    if errors == "raise":
        error = type(exc) if isinstance(exc, QuoteattrError) else QuoteattrError
        raise error(f"input {k}: {message}") from exc
    if errors == "record":
        yield Result(error=f"input {k}: {message}")


def free_cores() -> int:
    """The cores this process may run on (its CPU affinity) less those other processes keep
    busy (the load average of the last minute), at least one."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not on Linux
        cores = os.cpu_count() or 1
    try:
        busy = int(os.getloadavg()[0] + 0.5)
    except (AttributeError, OSError):  # pragma: no cover - not on Unix
        busy = 0
    return max(1, cores - busy)


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

def run_stages(doc: Document, resolvers: Sequence[str | Resolver] | None = None,
               strategy: str = "rules+ranker", learned_parts: Learned | None = None,
               keep_unattributed: bool = False) -> Result:
    """Every stage after parsing, on a document view: cues, quote candidates, mentions,
    speakers, the quote filter (skipped with ``keep_unattributed``), coreference,
    confidence, names. ``learned_parts`` default to the bundled ones of ``strategy``."""
    if not doc.words:
        return Result()
    parts = learned_parts if learned_parts is not None else learned.for_strategy(strategy)
    ctx = attribute(doc, rules(resolvers), strategy, parts)
    return finish(ctx, parts, keep_unattributed)


def attribute(doc: Document, resolvers: Sequence[Resolver], strategy: str, parts: Learned,
              observe: Observer | None = None) -> Context:
    """The stages up to the speakers: the document's cues, its quote candidates and mentions,
    and the arbiter's answer for every candidate (in ``ctx.answers``)."""
    with timing.stage("cues"):
        found = cues.find(doc)
    with timing.stage("candidates"):
        quotes = candidates.find(doc, found)
    with timing.stage("mentions"):
        known = mentions.build(doc, found)
    with timing.stage("speakers"):
        return arbiter.attribute(Context(doc, found, known, quotes), resolvers, strategy,
                                 parts.ranker, observe)


def speakers(ctx: Context, parts: Learned, keep_unattributed: bool = False
             ) -> tuple[tuple, dict, dict]:
    """The quotes the filter keeps (all with ``keep_unattributed``), what their speakers
    refer to, and their confidence."""
    answers = ctx.answers.as_mapping()
    with timing.stage("filter"):
        kept = ctx.quotes if keep_unattributed else quotefilter.keep(
            ctx.doc, ctx.cues, ctx.quotes, answers, parts.quotefilter)
    with timing.stage("coref"):
        referents = coref.resolve(ctx.doc, ctx.mentions, kept, answers, parts.antecedents)
    with timing.stage("confidence"):
        conf = confidence.estimate(kept, answers, referents, ctx.mentions, parts.confidence)
    return kept, referents, conf


def finish(ctx: Context, parts: Learned, keep_unattributed: bool = False) -> Result:
    """The stages after the speakers: the quote filter, coreference, confidence, names."""
    kept, referents, conf = speakers(ctx, parts, keep_unattributed)
    with timing.stage("names"):
        return naming.build_result(ctx.doc, ctx.cues, ctx.mentions, kept,
                                   ctx.answers.as_mapping(), referents, conf)
