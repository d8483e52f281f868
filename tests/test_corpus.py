"""Corpora: reading folders, globs and JSON Lines; streaming records with workers; resuming."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quoteattr import Extractor, OptionError
from quoteattr.corpus import Article, articles, done_ids, extract_corpus

TEXTS = [f'"We will win vote {k}," Senator Jane Smith said. Then she left.' for k in range(12)]


def _jsonl(path: Path, n: int, extra_lines: tuple[str, ...] = ()) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for k in range(n):
            f.write(json.dumps({"id": f"a{k}", "text": TEXTS[k % len(TEXTS)],
                                "outlet": "Gazette"}) + "\n")
        for line in extra_lines:
            f.write(line + "\n")
    return path


def test_articles_from_a_folder_a_glob_and_json_lines(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    (folder / "2016").mkdir(parents=True)
    for name in ("b.txt", "a.txt", "2016/c.txt"):
        (folder / name).write_text(f"Text of {name}.", encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    got = list(articles([str(folder)]))
    assert [a.id for a in got] == [str(folder / n) for n in ("2016/c.txt", "a.txt", "b.txt")]
    assert got[1].text == "Text of a.txt." and got[1].error is None
    got = list(articles([str(folder / "**" / "*.txt")]))
    assert sorted(a.id for a in got) == sorted(str(folder / n)
                                               for n in ("a.txt", "b.txt", "2016/c.txt"))
    corpus = _jsonl(tmp_path / "c.jsonl", 2, ("not json", json.dumps({"id": "x"}), ""))
    got = list(articles([str(corpus)]))
    assert [(a.id, a.extra, a.error is None) for a in got[:2]] == [
        ("a0", {"outlet": "Gazette"}, True), ("a1", {"outlet": "Gazette"}, True)]
    assert got[2].error is not None and "line 3" not in got[2].id and "not a JSON" in got[2].error
    assert got[3].id == "x" and '"text"' in (got[3].error or "")
    assert len(got) == 4  # the blank line is no article
    (missing,) = articles([str(tmp_path / "nothing-*.txt")])
    assert missing.error is not None and "no file matches" in missing.error


def test_records_in_order_with_workers_equal_the_serial_ones() -> None:
    items = [(f"a{k}", t) for k, t in enumerate(TEXTS * 2)]
    serial = list(extract_corpus(items, mode="fast"))
    assert [r["id"] for r in serial] == [i for i, _ in items]
    ex = Extractor(mode="fast")
    for record, (_, text) in zip(serial, items):
        assert {k: v for k, v in record.items() if k not in ("id", "words")} == \
            ex.extract(text).to_dict()
        assert record["words"] == len(text.split())
    parallel = list(extract_corpus(items, mode="fast", jobs=2))
    assert parallel == serial
    # ids already done are left out; a bad article is a record with its error
    rest = list(extract_corpus([*items[:3], Article("bad", None, error="bad: unreadable")],
                               mode="fast", skip={"a0", "a2"}))
    assert [r["id"] for r in rest] == ["a1", "bad"] and rest[1]["error"] == "bad: unreadable"
    binary = list(extract_corpus([("bin", "abc\x00def")], mode="fast"))
    assert "binary" in binary[0]["error"]
    with pytest.raises(OptionError):
        list(extract_corpus(items, mode="fast", jobs=0))


def test_done_ids_cut_off_a_line_a_killed_run_left(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "a0", "quotes": []}\n{"id": "a1", "quotes": []}\n{"id": "a2", "quo',
                   encoding="utf-8")
    assert done_ids(out) == {"a0", "a1"}
    assert out.read_text(encoding="utf-8").endswith('"a1", "quotes": []}\n')
    assert done_ids(tmp_path / "missing.jsonl") == set()


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "quoteattr", "extract", *args]


def test_a_killed_run_is_resumed_with_nothing_lost_or_repeated(tmp_path: Path) -> None:
    corpus = _jsonl(tmp_path / "c.jsonl", 3000)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(_cli(str(corpus), "--fast", "--resume", "-o", str(out)),
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size < 20000):
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    before = out.read_text(encoding="utf-8").count("\n")
    assert 0 < before < 3000, "the run was killed part-way"
    done = subprocess.run(_cli(str(corpus), "--fast", "--resume", "-o", str(out), "-j", "2"),
                          capture_output=True, timeout=240)
    assert done.returncode == 0, done.stderr.decode()
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(ids) == sorted(f"a{k}" for k in range(3000)) and len(set(ids)) == 3000
    # the passed-through field and the quotes are there
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert first["outlet"] == "Gazette" and first["quotes"][0]["speaker"]["name"] == "Jane Smith"


def test_a_corpus_is_json_lines_and_resume_needs_an_output(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    from quoteattr import cli

    corpus = _jsonl(tmp_path / "c.jsonl", 2)
    for args in (["--format", "json"], ["--resume"]):
        with pytest.raises(SystemExit) as exc:
            cli.main(["extract", str(corpus), "--fast", *args])
        assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "JSON Lines" in err and "-o OUT.jsonl" in err
    assert cli.main(["extract", str(corpus), "--fast"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(x)["id"] for x in lines] == ["a0", "a1"]
