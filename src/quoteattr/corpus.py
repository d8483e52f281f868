"""Corpora: many articles in, one JSON record per article out, streamed in constant memory.

Inputs (:func:`articles`), in the order given:

* a text file (its path is the article's ``id``), ``-`` for standard input;
* a folder: every ``*.txt`` file under it, sorted (ids are the paths);
* a glob pattern (``news/2016-*/*.txt``, ``**`` included), sorted;
* a JSON Lines corpus (``*.jsonl``): one article per line with an ``id`` and a ``text``
  field; its other fields are passed through to the article's record.

:func:`extract_corpus` turns ``(id, text)`` pairs or :class:`Article` values into records,
in input order: ``{"id": ..., <passed-through fields>, "words": N, "quotes": [...],
"speakers": [...]}`` (``words``: the article's whitespace-separated words),
or ``{"id": ..., "error": "..."}`` for an article that failed (the run goes on). With
``jobs > 1`` the articles go to worker processes (standard :mod:`concurrent.futures`), each
loading the models once, with ``cores // jobs`` threads so that the workers do not
oversubscribe the machine; at most a few batches per worker are in flight, so memory stays
flat however long the corpus. ``skip`` leaves out ids already done (``--resume``).

:func:`done_ids` reads the ids of a JSON Lines output file and repairs it for appending: a
last line cut off by a killed run is removed.
"""

from __future__ import annotations

import codecs
import collections
import concurrent.futures as futures
import glob
import json
import multiprocessing
import os
import sys
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from .errors import InputError, OptionError, QuoteattrError

__all__ = ["Article", "articles", "done_ids", "extract_corpus", "read_text"]

STDIN = "-"
STDIN_NAME = "<stdin>"
MAX_BYTES = 20_000_000
#: articles sent to a worker at once (its models parse them as one batch)
BATCH = 32
#: batches in flight per worker: enough to keep it busy, few enough for flat memory
IN_FLIGHT = 3
_GLOB_CHARS = frozenset("*?[")


@attrs.frozen
class Article:
    """One article of a corpus: its id, its text (or why it could not be read), and fields
    passed through to its record."""

    id: str
    text: str | None
    extra: Mapping[str, Any] = attrs.field(factory=dict)
    error: str | None = None


# ------------------------------------------------------------------ reading

def input_kind(path: str) -> str:
    """What an input names: ``"folder"``, ``"jsonl"`` (a JSON Lines corpus), ``"glob"`` (a
    pattern that is not itself a file) or ``"file"`` (``-`` included). The one place that
    decides it, for reading and for the CLI's choice of a corpus run."""
    if path == STDIN:
        return "file"
    if os.path.isdir(path):
        return "folder"
    if path.endswith(".jsonl") and os.path.isfile(path):
        return "jsonl"
    if not os.path.exists(path) and any(c in path for c in _GLOB_CHARS):
        return "glob"
    return "file"


def is_corpus_input(path: str) -> bool:
    """Whether an input names many articles: a folder, a glob pattern or a JSON Lines file."""
    return input_kind(path) != "file" or path.endswith(".jsonl")


def articles(inputs: Sequence[str], encoding: str = "utf-8",
             max_bytes: int = MAX_BYTES) -> Iterator[Article]:
    """Every article the inputs name, lazily and in order (see the module docstring). An
    input that cannot be read is an :class:`Article` with its ``error`` set."""
    for path in inputs:
        kind = input_kind(path)
        if kind == "jsonl":
            yield from _jsonl_articles(path, encoding)
            continue
        if kind == "folder":
            files = sorted(str(p) for p in Path(path).rglob("*.txt") if p.is_file())
            missing = f"{path}: a folder without .txt files"
        elif kind == "glob":
            files = sorted(f for f in glob.glob(path, recursive=True) if os.path.isfile(f))
            missing = f"{path}: no file matches this pattern"
        else:
            files, missing = [path], ""
        if not files:
            yield Article(path, None, error=missing)
        for f in files:
            yield _file_article(f, encoding, max_bytes)


def _file_article(path: str, encoding: str, max_bytes: int) -> Article:
    name = STDIN_NAME if path == STDIN else path
    try:
        return Article(name, read_text(path, encoding, max_bytes))
    except InputError as exc:
        return Article(name, None, error=str(exc))


def _jsonl_articles(path: str, encoding: str) -> Iterator[Article]:
    """The articles of a JSON Lines corpus, one line at a time (constant memory)."""
    with open(path, encoding=encoding, errors="strict") as f:
        lineno = 0
        while True:
            try:
                line = f.readline()
            except UnicodeDecodeError as exc:
                yield Article(f"{path}:{lineno + 1}", None,
                              error=f"{path}: line {lineno + 1} is not valid {encoding}: {exc}")
                return
            if not line:
                return
            lineno += 1
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Article(where, None, error=f"{where}: not a JSON object ({exc.msg})")
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str) or \
                    "id" not in record:
                yield Article(str(record.get("id", where)) if isinstance(record, dict)
                              else where, None,
                              error=f"{where}: a corpus line needs an \"id\" and a \"text\" "
                                    "string")
                continue
            extra = {k: v for k, v in record.items() if k not in ("id", "text")}
            yield Article(str(record["id"]), record["text"], extra)


def read_text(path: str, encoding: str = "utf-8", max_bytes: int = MAX_BYTES) -> str:
    """The decoded text of a file (``-``: stdin), of at most ``max_bytes`` bytes (more is
    never read).

    Raises:
        InputError: saying what went wrong, with the file's name.
    """
    name = STDIN_NAME if path == STDIN else path
    if path == STDIN and sys.stdin is None:
        raise InputError(f"{name}: there is no standard input; pass a file name")
    try:
        if path == STDIN:
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            with open(path, "rb") as f:
                data = f.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory; pass the text files in it "
                         f"(e.g. {name}/*.txt)") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read it ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(f"{name}: larger than {max_bytes:,} bytes; split it into articles, "
                         "or pass --max-bytes with a larger limit")
    return decode(data, encoding, name)


def decode(data: bytes, encoding: str, name: str) -> str:
    """``data`` decoded; a UTF-8 byte order mark is dropped.

    Raises:
        InputError: the bytes are not valid in ``encoding``, with the offset and a hint.
    """
    if codecs.lookup(encoding).name == "utf-8":
        encoding = "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        bad = data[exc.start:exc.start + 1].hex()
        others = "--encoding utf-8" if encoding != "utf-8-sig" else \
            "--encoding cp1252 or --encoding latin-1"
        raise InputError(
            f"{name}: not valid {exc.encoding.replace('-sig', '')} text (byte 0x{bad} at "
            f"offset {exc.start}); if the file uses another encoding, pass it, e.g. "
            f"{others}") from None


# ------------------------------------------------------------------ resuming

def done_ids(path: str | os.PathLike[str]) -> set[str]:
    """The ids already in a JSON Lines output file, which is made ready for appending: a
    last line without its newline or not valid JSON (a run killed while writing it) is cut
    off, so the file stays valid JSON Lines. A missing file has none."""
    target = Path(path)
    if not target.exists():
        return set()
    ids: set[str] = set()
    keep = 0  # bytes of complete, valid lines
    with open(target, "rb") as f:
        for raw in f:
            if not raw.endswith(b"\n"):
                break
            try:
                record = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError):
                break
            if isinstance(record, dict) and "id" in record:
                ids.add(str(record["id"]))
            keep += len(raw)
    if keep < target.stat().st_size:
        with open(target, "r+b") as f:
            f.truncate(keep)
    return ids


# ------------------------------------------------------------------ extracting

@attrs.frozen
class Options:
    """What each worker's :class:`~quoteattr.Extractor` is made with."""

    models: str = "bundled"
    mode: str = "full"
    strategy: str = "rules+ranker"
    html: str = "auto"
    threads: int | None = None
    device: str | None = None


def extract_corpus(items: Iterable[Article | tuple[str, str]], *, jobs: int = 1,
                   models: str | os.PathLike[str] = "bundled", mode: str = "full",
                   strategy: str = "rules+ranker", html: str = "auto",
                   threads: int | None = None, device: str | None = None,
                   skip: Container[str] = ()) -> Iterator[dict[str, Any]]:
    """One record per article, in input order (see the module docstring), streamed.

    Args:
        items: :class:`Article` values or ``(id, text)`` pairs, read lazily.
        jobs: worker processes (1: this process). Each loads the models once.
        models: the :class:`~quoteattr.Extractor`'s option of that name.
        mode: the Extractor's option of that name.
        strategy: the Extractor's option of that name.
        html: the Extractor's option of that name.
        threads: model threads per worker; by default the free cores divided by ``jobs``.
        device: the Extractor's option of that name.
        skip: ids to leave out (already in the output of an earlier run).

    Raises:
        OptionError: ``jobs`` or another option has a value the Extractor does not take.
        ModelError: the models cannot be loaded (before any record is yielded).
    """
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
        raise OptionError(f"jobs must be a whole number of at least 1, got {jobs!r}")
    from .extractor import check_options, free_cores

    check_options(mode=mode, strategy=strategy, html=html, threads=threads, device=device)
    if threads is None and mode == "full":
        threads = max(1, free_cores() // jobs)
    options = Options(os.fspath(models), mode, strategy, html, threads, device)
    todo = (a for a in map(_as_article, items) if a.id not in skip)
    if jobs == 1:
        yield from _serial(todo, options)
    else:
        yield from _parallel(todo, options, jobs)


def _as_article(item: Article | tuple[str, str]) -> Article:
    if isinstance(item, Article):
        return item
    ident, text = item
    return Article(str(ident), text)


def _batches(todo: Iterator[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for a in todo:
        batch.append(a)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _serial(todo: Iterator[Article], options: Options) -> Iterator[dict[str, Any]]:
    extractor = _make(options)
    for batch in _batches(todo, BATCH):
        yield from _run(extractor, batch)


def _parallel(todo: Iterator[Article], options: Options, jobs: int
              ) -> Iterator[dict[str, Any]]:
    """Batches to ``jobs`` worker processes, at most ``IN_FLIGHT`` per worker at a time,
    results in input order."""
    context = multiprocessing.get_context("spawn")  # no forked torch thread pools
    with futures.ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker,
                                     initargs=(options,)) as pool:
        pending: collections.deque[futures.Future[list[dict[str, Any]]]] = collections.deque()
        for batch in _batches(todo, BATCH):
            pending.append(pool.submit(_work, batch))
            if len(pending) >= jobs * IN_FLIGHT:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _make(options: Options) -> Any:
    from .extractor import Extractor

    return Extractor(models=options.models, mode=options.mode, strategy=options.strategy,
                     html=options.html, threads=options.threads, device=options.device
                     ).load()


_worker: dict[str, Any] = {}


def _start_worker(options: Options) -> None:
    """A worker's start: its extractor, models loaded once for all its batches."""
    _worker["extractor"] = _make(options)


def _work(batch: list[Article]) -> list[dict[str, Any]]:
    return list(_run(_worker["extractor"], batch))


def _run(extractor: Any, batch: list[Article]) -> Iterator[dict[str, Any]]:
    """The records of a batch: its readable articles parsed together, each failure its
    own record."""
    readable = [a for a in batch if a.error is None]
    results = iter(extractor.extract_many([a.text for a in readable], errors="record"))
    for a in batch:
        head = {"id": a.id, **a.extra}
        if a.error is not None:
            yield {**head, "error": a.error}
            continue
        try:
            result = next(results)
        except QuoteattrError as exc:  # pragma: no cover - errors="record" yields instead
            yield {**head, "error": str(exc)}
            continue
        if result.error is not None:
            yield {**head, "error": result.error}
        else:
            yield {**head, "words": len(a.text.split()) if a.text else 0, **result.to_dict()}
