"""Extraction over a Dask bag or a Dask DataFrame column, on one machine or a cluster.

An optional extra: ``pip install "quoteattr[dask]"``. ``import quoteattr`` never imports
Dask; this module does, and only this module. Dask schedules the work (a local process pool,
a :class:`distributed.LocalCluster` or a real cluster); quoteattr only says what one partition
does:

* :func:`extract_bag` - a bag of texts, ``(id, text)`` pairs or ``{"id", "text", ...}``
  records in, a bag of plain result dicts out (JSON-ready: :func:`to_jsonl`);
* :func:`extract_column` - a text column of a Dask DataFrame in, a DataFrame with
  ``quotes_json``, ``n_quotes`` and ``error`` out (Parquet-ready: :func:`to_parquet`).

Each process builds one :class:`~quoteattr.Extractor` per set of options, on its first
partition, and keeps it (:func:`worker_extractor`): models load once per worker, not once per
partition. An article that fails gives a record with an ``error`` and the computation goes
on.

Threads: the stanza models' thread count is process-wide. Under a ``distributed`` worker the
default is ``threads=1`` (one core per worker process: start as many single-threaded workers
as there are cores, ``--nworkers N --nthreads 1``), since quoteattr cannot know how many
workers share the machine; pass ``threads=K`` for fewer workers that each use ``K`` cores.
Elsewhere (Dask's local threads or processes schedulers) the Extractor's default applies: the
cores free when the extractor is built (:func:`quoteattr.extractor.free_cores`). See
``docs/dask.md``.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .errors import OptionError
from .extractor import Extractor, check_options
from .types import Result

if TYPE_CHECKING:  # pragma: no cover - typing only
    import dask.bag
    import dask.dataframe
    import pandas as pd

__all__ = ["extract_bag", "extract_column", "to_jsonl", "to_parquet", "worker_extractor"]

#: the columns :func:`extract_column` adds (after ``id`` when an ``id_column`` is given)
RESULT_COLUMNS = ("quotes_json", "n_quotes", "error")

_Key = tuple[str, str, str, str, int | None]

#: this process's extractors, one per set of options, with a lock each that serialises its use
_EXTRACTORS: dict[_Key, tuple[Extractor, threading.Lock]] = {}
_LOCK = threading.Lock()
#: how many extractors this process has built (read by the tests through ``client.run``)
_BUILT = 0


# ------------------------------------------------------------------------------ extractors


def _in_distributed_worker() -> bool:
    """Whether this code runs in a task of a ``distributed`` worker (never imports it)."""
    if "distributed" not in sys.modules:
        return False
    try:
        from distributed import get_worker

        get_worker()
    except (ImportError, ValueError, AttributeError):
        return False
    return True


def _threads(threads: int | None) -> int | None:
    """The thread count to build with: ``threads``, else 1 under a distributed worker, else
    ``None`` (the Extractor's default)."""
    if threads is not None:
        return threads
    return 1 if _in_distributed_worker() else None


def _entry(models: str | os.PathLike[str], mode: str, strategy: str, html: str,
           threads: int | None) -> tuple[Extractor, threading.Lock]:
    global _BUILT
    resolved = _threads(threads)
    key: _Key = (os.fspath(models), mode, strategy, html, resolved)
    with _LOCK:
        entry = _EXTRACTORS.get(key)
        if entry is None:
            entry = (Extractor(models=models, mode=mode, strategy=strategy, html=html,
                               threads=resolved), threading.Lock())
            _EXTRACTORS[key] = entry
            _BUILT += 1
        return entry


def worker_extractor(models: str | os.PathLike[str] = "bundled", mode: str = "full",
                     strategy: str = "rules+ranker", html: str = "auto",
                     threads: int | None = None) -> Extractor:
    """This process's Extractor for these options, built on the first call and cached (a
    lock guards the cache, so concurrent tasks build it once). The functions of this module
    use it; use it yourself in your own ``map_partitions`` functions. ``threads=None`` means
    1 under a ``distributed`` worker and the Extractor's default elsewhere.

    The stanza models load on the first full-mode parse, once per process. An Extractor is
    not meant to be used by two threads at once: the functions of this module take its lock.

    Raises:
        OptionError: an option is not one the Extractor knows.
        ModelError: the model folder or a learned part's weights are missing.
    """
    return _entry(models, mode, strategy, html, threads)[0]


def _check_options(mode: str, strategy: str, html: str, threads: int | None) -> None:
    """Option errors on the client, at once, rather than in every task on the workers (the
    model folder is not checked here: it may exist only on the workers)."""
    check_options(mode=mode, strategy=strategy, html=html, threads=threads)


def _results(texts: list[Any], options: dict[str, Any]) -> list[Result]:
    """One Result per text, in order; a text that fails gives a Result whose ``error`` says
    why (never an exception: one bad article does not fail the partition)."""
    if not texts:
        return []
    extractor, lock = _entry(**options)
    with lock:
        try:
            out = list(extractor.extract_many(texts, errors="record"))
        except Exception:  # pragma: no cover - extract_many records its failures itself
            out = [_one(extractor, t) for t in texts]
    # extract_many says which input failed ("input K: ..."); here K is a position in the
    # partition, meaningless to the caller, who gets the record's id instead
    return [r if r.error is None else Result(error=r.error.removeprefix(f"input {k}: "))
            for k, r in enumerate(out)]


def _one(extractor: Extractor, text: Any) -> Result:  # pragma: no cover - see _results
    try:
        return extractor.extract(text)
    except Exception as exc:
        return Result(error=str(exc) or type(exc).__name__)


# ------------------------------------------------------------------------------------ bags


def _split(item: Any) -> tuple[Any, dict[str, Any], Any, str | None]:
    """``(id, other fields, text, problem)`` of one bag element."""
    if isinstance(item, Mapping):
        if "text" not in item:
            return item.get("id"), _fields(item), None, \
                "the record has no 'text' field (expected a dict with 'id' and 'text')"
        return item.get("id"), _fields(item), item["text"], None
    if isinstance(item, (tuple, list)):
        if len(item) != 2:
            return None, {}, None, (f"expected an (id, text) pair, got a {type(item).__name__}"
                                    f" of {len(item)} items")
        return item[0], {}, item[1], None
    return None, {}, item, None


def _fields(record: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k not in ("id", "text")}


def _bag_partition(items: Iterable[Any], options: dict[str, Any]) -> list[dict[str, Any]]:
    """The result records of one bag partition (module level, so it pickles by name)."""
    parts = [_split(item) for item in items]
    todo = [k for k, (_, _, _, problem) in enumerate(parts) if problem is None]
    results = dict(zip(todo, _results([parts[k][2] for k in todo], options)))
    out = []
    for k, (ident, fields, _, problem) in enumerate(parts):
        record: dict[str, Any] = {"id": ident, **fields}
        result = results.get(k)
        if result is None or result.error is not None:
            record.pop("quotes", None)
            record.pop("speakers", None)
            record["error"] = problem if result is None else result.error
        else:
            record.pop("error", None)
            record.update(result.to_dict())
        out.append(record)
    return out


def extract_bag(bag: dask.bag.Bag, *, models: str | os.PathLike[str] = "bundled",
                mode: str = "full", strategy: str = "rules+ranker", html: str = "auto",
                threads: int | None = None) -> dask.bag.Bag:
    """The quotes of every article of a Dask bag, as a bag of plain dicts (lazy: compute it,
    or write it with :func:`to_jsonl`).

    Each element of ``bag`` is a text (``str``, or UTF-8 ``bytes``), an ``(id, text)`` pair,
    or a dict with ``"text"`` and usually ``"id"`` (its other fields are passed through).
    Each output element, in input order, is ``{"id": ..., <other fields>, "quotes": [...],
    "speakers": [...]}`` (:meth:`quoteattr.Result.to_dict` after the id and fields; the
    text is left out: the offsets index the input's text), or, for an article that failed
    (not text, binary, an element of another shape), ``{"id": ..., <other fields>,
    "error": "..."}`` with no quotes: one bad article never fails the computation. A bare
    text has the id ``None``.

    Each partition is one task (``bag.map_partitions``); each process builds one Extractor
    for these options on its first partition and keeps it, so models load once per worker.
    ``models``, ``mode``, ``strategy`` and ``html`` are the Extractor's; ``threads`` is the
    model threads per worker process: by default 1 under a ``distributed`` worker, the
    Extractor's default elsewhere (see the module's docstring). The model folder must exist
    on every worker (``"bundled"`` ships with the package).

    Raises:
        OptionError: an option is not one the Extractor knows (at once, on the client).
    """
    _check_options(mode, strategy, html, threads)
    options = {"models": os.fspath(models), "mode": mode, "strategy": strategy,
               "html": html, "threads": threads}
    return bag.map_partitions(_bag_partition, options=options)


def _dumps(record: Mapping[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, allow_nan=False)


def to_jsonl(bag: dask.bag.Bag, path: str | os.PathLike[str] | list[str],
             **kwargs: Any) -> Any:
    """Write a bag of records (as :func:`extract_bag` gives) as JSON Lines, one file per
    partition, with Dask's own writer: ``bag.map(json.dumps).to_textfiles(path)``. ``path``
    is a pattern with ``*`` (``"out/part-*.jsonl"``, ``"s3://bucket/out/*.jsonl.gz"``) or a
    list of names; other keyword arguments go to :meth:`dask.bag.Bag.to_textfiles`
    (``compute=False`` gives the delayed writes instead of writing). Returns the names of the
    files written (what ``to_textfiles`` returns).
    """
    target = path if isinstance(path, list) else os.fspath(path)
    return bag.map(_dumps).to_textfiles(target, **kwargs)


# ------------------------------------------------------------------------------ dataframes


def _frame(index: pd.Index, ids: Any, jsons: list[str | None], counts: list[int],
           errors: list[str | None], id_dtype: Any) -> pd.DataFrame:
    """The output frame of :func:`extract_column`, with its dtypes (``id_dtype`` None: no
    ``id`` column)."""
    import pandas as pd

    columns: dict[str, Any] = {}
    if id_dtype is not None:
        columns["id"] = pd.Series(ids, index=index, dtype=id_dtype)
    columns["quotes_json"] = pd.Series(jsons, index=index, dtype="string")
    columns["n_quotes"] = pd.Series(counts, index=index, dtype="int64")
    columns["error"] = pd.Series(errors, index=index, dtype="string")
    return pd.DataFrame(columns, index=index)


def _column_partition(part: pd.DataFrame, column: str, id_column: str | None, id_dtype: Any,
                      options: dict[str, Any]) -> pd.DataFrame:
    """The result columns of one DataFrame partition (module level, so it pickles by name)."""
    import pandas as pd

    values = part[column].tolist()
    missing = [v is None or (isinstance(v, float) and v != v) or v is pd.NA for v in values]
    todo = [k for k, m in enumerate(missing) if not m]
    results = dict(zip(todo, _results([values[k] for k in todo], options)))
    jsons: list[str | None] = []
    counts: list[int] = []
    errors: list[str | None] = []
    for k in range(len(values)):
        result = results.get(k)
        if result is None or result.error is not None:
            jsons.append(None)
            counts.append(0)
            errors.append(f"no text (a missing value in column {column!r})" if result is None
                          else result.error)
        else:
            jsons.append(result.to_json())
            counts.append(len(result.quotes))
            errors.append(None)
    ids = part[id_column].tolist() if id_column is not None else None
    return _frame(part.index, ids, jsons, counts, errors, id_dtype)


def extract_column(df: dask.dataframe.DataFrame, column: str = "text", *,
                   id_column: str | None = None, models: str | os.PathLike[str] = "bundled",
                   mode: str = "full", strategy: str = "rules+ranker", html: str = "auto",
                   threads: int | None = None) -> dask.dataframe.DataFrame:
    """The quotes of the articles in a text column of a Dask DataFrame (lazy: compute it, or
    write it with :func:`to_parquet`).

    The result has ``df``'s index and partitions, and the columns ``id`` (the values of
    ``id_column``, when one is given), ``quotes_json`` (the :class:`~quoteattr.Result` as a
    JSON string, :meth:`~quoteattr.Result.from_json` reads it back; null when the article
    failed), ``n_quotes`` (``int64``, 0 when it failed) and ``error`` (why the article
    failed, a missing value included; null when it did not). One bad article never fails
    the computation. Flat columns, so the result writes to Parquet as it is.

    Each partition is one task (``df.map_partitions`` with an explicit ``meta``); models
    load once per worker and ``models``, ``mode``, ``strategy``, ``html`` and ``threads``
    are as in :func:`extract_bag`.

    Raises:
        OptionError: an option is not one the Extractor knows, or ``column`` /
            ``id_column`` is not a column of ``df`` (at once, on the client).
    """
    _check_options(mode, strategy, html, threads)
    for name in (column, id_column):
        if name is not None and name not in df.columns:
            raise OptionError(f"{name!r} is not a column of the DataFrame (its columns: "
                              f"{', '.join(map(str, df.columns))})")
    id_dtype = df._meta[id_column].dtype if id_column is not None else None
    meta = _frame(df._meta.index, [], [], [], [], id_dtype)
    options = {"models": os.fspath(models), "mode": mode, "strategy": strategy,
               "html": html, "threads": threads}
    return df.map_partitions(_column_partition, column, id_column, id_dtype, options,
                             meta=meta)


def to_parquet(df: dask.dataframe.DataFrame, path: str | os.PathLike[str],
               **kwargs: Any) -> Any:
    """Write :func:`extract_column`'s result as Parquet with Dask's own writer,
    ``df.to_parquet(path, **kwargs)`` (a folder of one file per partition; ``pyarrow`` is
    needed). Returns what that returns."""
    return df.to_parquet(os.fspath(path), **kwargs)
