"""quoteattr.dask on a real (local) Dask cluster: 2 worker processes give what the serial
Extractor gives, models are built once per worker, bad articles are records with an error,
and the results round-trip through JSON Lines and Parquet written by Dask's own writers."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402

import quoteattr.dask as qd  # noqa: E402
from quoteattr import Extractor, InputError, OptionError, Result  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
TIMEOUT_S = 120

NEWS = [
    '"We will win this fight," Senator Jane Smith said on Tuesday.',
    'The mayor, Carlos Ortega, told reporters: "The bridge will reopen in May."',
    '"Prices are too high," said Maria Lopez, a shopper in Denver. "I buy less now."',
    'Officials said the storm had weakened overnight.',
    'According to the ministry, exports rose by 4 percent in March.',
    '"This is a dark day for our city," Police Chief Ann Brown said. "We will find them."',
    'Coach Tim Hale said his team "played with heart" in the second half.',
    'The company declined to comment on the report.',
    '"No one saw this coming," the CEO of Northwind, Paul Kim, said in a statement.',
    'Dr. Rita Shah, an epidemiologist at Harvard, warned that "the next wave is near."',
    '"I am not resigning," Governor Lee told the Associated Press on Friday.',
    'Residents said they heard two loud bangs just after midnight.',
    'Union leader Joe Marsh: "We are ready to strike if we have to."',
    '"It was chaos," said one witness, who asked not to be named.',
    'President Ana Costa said the country "will not be bullied" by its neighbours.',
    '"We expect growth to slow," the central bank said in its quarterly report.',
    'A spokesman for the airline, Mark Dean, said flights would resume on Sunday.',
    '"Vote," she urged the crowd. "Your voice matters," Senator Kay Ross added.',
    'The film "Blue Lake" opened to strong reviews this weekend.',
    '"Our schools need more teachers," Education Minister Omar Said said on Monday.',
]
FOUNDING = (REPO / "fixtures" / "founding_article.txt").read_text(encoding="utf-8")
BAD = [b"\xff\xfe not UTF-8 \x80", "binary\x00data\x00here"]


def _serial(extractor: Extractor, text: str | bytes) -> dict[str, Any]:
    """What the serial Extractor gives for one text: its dict, or the error it raises."""
    try:
        return extractor.extract(text).to_dict()
    except InputError as exc:
        return {"error": str(exc)}


@pytest.fixture(scope="module")
def client():
    """A LocalCluster of 2 single-threaded worker processes, closed at the end."""
    with dask.config.set({"distributed.comm.timeouts.connect": "60s",
                          "distributed.scheduler.work-stealing": True}):
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                           dashboard_address=None, silence_logs=40)
        c = distributed.Client(cluster, timeout="60s")
        try:
            c.wait_for_workers(2, timeout=60)
            yield c
        finally:
            c.close(timeout=30)
            cluster.close(timeout=30)


def _compute(client, collection: Any) -> Any:
    return client.compute(collection).result(timeout=TIMEOUT_S)


def _run_all(client, delayed: list[Any]) -> None:
    futures = client.compute(delayed)
    distributed.wait(futures, timeout=TIMEOUT_S)
    client.gather(futures)  # raises the error of a task that failed


def _built(client) -> dict[str, tuple[int, list[tuple]]]:
    """Per worker: how many extractors it built, and the options of those it holds."""
    def read() -> tuple[int, list[tuple]]:
        module = importlib.import_module("quoteattr.dask")
        return module._BUILT, sorted(map(tuple, module._EXTRACTORS))
    return client.run(read)


# ------------------------------------------------------------------------------------- bags


def test_bag_matches_the_serial_extractor(client, fast_extractor) -> None:
    texts: list[str | bytes] = [*NEWS, FOUNDING, *BAD]
    records = [{"id": f"a{k}", "text": t, "source": "wire", "n": k} for k, t in enumerate(texts)]
    bag = db.from_sequence(records, npartitions=6)
    began = time.perf_counter()
    out = _compute(client, qd.extract_bag(bag, mode="fast"))
    seconds = time.perf_counter() - began
    assert len(out) == len(texts)
    for k, (record, text) in enumerate(zip(out, texts)):
        expected = {"id": f"a{k}", "source": "wire", "n": k, **_serial(fast_extractor, text)}
        assert record == expected, (k, text)
    assert sum(len(r.get("quotes", ())) for r in out) > 20
    bad = out[-len(BAD):]
    assert all("error" in r and "quotes" not in r for r in bad)
    assert "not UTF-8" in bad[0]["error"] and "NUL" in bad[1]["error"]
    assert all("error" not in r for r in out[:-len(BAD)])
    assert seconds < 60


def test_bag_elements_may_be_texts_pairs_or_records(client, fast_extractor) -> None:
    text = NEWS[0]
    expected = fast_extractor.extract(text).to_dict()
    bag = db.from_sequence([text, ("p1", text), ["p2", text], {"id": 3, "text": text},
                            {"text": text, "page": 2}, {"id": "no-text"}, ("a", "b", "c"), 42],
                           npartitions=3)
    out = _compute(client, qd.extract_bag(bag, mode="fast"))
    assert out[:5] == [{"id": None, **expected}, {"id": "p1", **expected},
                       {"id": "p2", **expected}, {"id": 3, **expected},
                       {"id": None, "page": 2, **expected}]
    assert out[5]["id"] == "no-text" and "'text'" in out[5]["error"]
    assert "pair" in out[6]["error"]
    assert out[7] == {"id": None, "error": "expected str or bytes, got int"}


def test_models_are_built_once_per_worker(client) -> None:
    bag = db.from_sequence([{"id": k, "text": NEWS[k % len(NEWS)]} for k in range(40)],
                           npartitions=10)
    _compute(client, qd.extract_bag(bag, mode="fast"))
    built = _built(client)
    assert len(built) == 2
    for count, keys in built.values():
        fast = [k for k in keys if k[1] == "fast"]
        assert count == len(keys) and len(fast) <= 1, built
        # under a distributed worker the default is one model thread per worker
        assert all(k[-1] == 1 for k in fast), built
    assert sum(1 for _, keys in built.values() if any(k[1] == "fast" for k in keys)) >= 1


def test_jsonl_written_by_dask_reads_back(client, tmp_path: Path, fast_extractor) -> None:
    texts = [*NEWS, FOUNDING]
    bag = db.from_sequence([{"id": k, "text": t} for k, t in enumerate(texts)], npartitions=4)
    _run_all(client, qd.to_jsonl(qd.extract_bag(bag, mode="fast"),
                                 str(tmp_path / "part-*.jsonl"), compute=False))
    assert len(list(tmp_path.glob("part-*.jsonl"))) == 4
    back = db.read_text(str(tmp_path / "part-*.jsonl")).map(json.loads)
    rows = sorted(_compute(client, back), key=lambda r: r["id"])
    assert rows == [{"id": k, **fast_extractor.extract(t).to_dict()}
                    for k, t in enumerate(texts)]


# ------------------------------------------------------------------------------- DataFrames


def test_column_to_parquet_matches_the_serial_extractor(client, tmp_path: Path,
                                                        fast_extractor) -> None:
    texts: list[Any] = [*NEWS, FOUNDING, BAD[1], None]
    frame = pd.DataFrame({"doc": [f"d{k}" for k in range(len(texts))], "text": texts,
                          "other": range(len(texts))})
    ddf = dd.from_pandas(frame, npartitions=4)
    out = qd.extract_column(ddf, "text", id_column="doc", mode="fast")
    assert list(out.columns) == ["id", "quotes_json", "n_quotes", "error"]
    assert str(out.dtypes["n_quotes"]) == "int64"
    _run_all(client, [qd.to_parquet(out, tmp_path / "quotes.parquet", compute=False)])
    back = dd.read_parquet(str(tmp_path / "quotes.parquet")).compute().sort_index()
    assert len(back) == len(texts)
    assert back["id"].tolist() == frame["doc"].tolist()
    for k, text in enumerate(texts):
        row = back.iloc[k]
        if k < len(NEWS) + 1:
            expected = fast_extractor.extract(text)
            assert Result.from_json(row["quotes_json"]) == expected
            assert row["quotes_json"] == expected.to_json()
            assert row["n_quotes"] == len(expected.quotes)
            assert pd.isna(row["error"])
        else:
            assert pd.isna(row["quotes_json"]) and row["n_quotes"] == 0
    assert "NUL" in back.iloc[-2]["error"] and "missing" in back.iloc[-1]["error"]
    assert back["n_quotes"].sum() > 20


def test_column_without_id_keeps_the_index(client, fast_extractor) -> None:
    frame = pd.DataFrame({"text": NEWS[:8]}, index=pd.Index(range(100, 108), name="row"))
    out = _compute(client, qd.extract_column(dd.from_pandas(frame, npartitions=2), mode="fast"))
    assert list(out.columns) == ["quotes_json", "n_quotes", "error"]
    assert out.index.tolist() == list(range(100, 108)) and out.index.name == "row"
    assert out["quotes_json"].tolist() == [fast_extractor.extract(t).to_json()
                                           for t in NEWS[:8]]


# ---------------------------------------------------------------------------- no cluster


@pytest.mark.parametrize("options", [{"mode": "slow"}, {"strategy": "guess"},
                                     {"html": "strip"}, {"threads": 0}])
def test_bad_options_fail_at_once_on_the_client(options: dict[str, Any]) -> None:
    bag = db.from_sequence(NEWS[:2])
    with pytest.raises(OptionError):
        qd.extract_bag(bag, **options)
    with pytest.raises(OptionError):
        qd.extract_column(dd.from_pandas(pd.DataFrame({"text": NEWS[:2]}), npartitions=1),
                          **options)


def test_unknown_column_fails_at_once() -> None:
    ddf = dd.from_pandas(pd.DataFrame({"body": NEWS[:2]}), npartitions=1)
    with pytest.raises(OptionError, match="'text' is not a column"):
        qd.extract_column(ddf)
    with pytest.raises(OptionError, match="'doc' is not a column"):
        qd.extract_column(ddf, "body", id_column="doc")


def test_import_quoteattr_never_imports_dask() -> None:
    code = ("import sys, quoteattr; quoteattr.extract('\"Yes,\" he said.', mode='fast'); "
            "assert not {'dask', 'distributed'} & set(sys.modules), 'imported'")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


# ----------------------------------------------------------------------------- full mode


@pytest.mark.slow
def test_full_mode_on_the_cluster_matches_the_serial_extractor(client, extractor) -> None:
    texts = [FOUNDING, *NEWS[:6]]
    bag = db.from_sequence([{"id": k, "text": t} for k, t in enumerate(texts)], npartitions=2)
    out = _compute(client, qd.extract_bag(bag))
    assert out == [{"id": k, **extractor.extract(t).to_dict()} for k, t in enumerate(texts)]
    for count, keys in _built(client).values():
        assert count == len(keys) and len([k for k in keys if k[1] == "full"]) <= 1
