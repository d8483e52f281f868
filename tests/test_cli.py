"""The ``quoteattr`` command line, run in fast mode (no model is loaded)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import quoteattr
from quoteattr import Result, cli

ARTICLE = '"We will win the vote," said Senator Jane Smith.\nThe crowd cheered.\n'


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = cli.main(list(args))
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _check_jane(result: Result, text: str) -> None:
    assert [q.text for q in result.quotes] == ["We will win the vote"]
    q = result.quotes[0]
    assert text[q.start:q.end] == q.text
    assert q.speaker is not None and q.speaker.name == "Jane Smith"


# ---------------------------------------------------------------------------- formats

def test_json_of_one_file(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    code, out, err = run(capsys, "extract", "--fast", str(article))
    assert (code, err) == (0, "")
    _check_jane(Result.from_json(out), ARTICLE)


def test_jsonl_of_two_files(capsys: pytest.CaptureFixture[str], article: Path,
                            tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Nobody said anything.", encoding="utf-8")
    code, out, err = run(capsys, "extract", "--fast", "--format", "jsonl", str(article),
                         str(other))
    assert (code, err) == (0, "")  # stderr is no TTY here: no progress bar
    lines = [json.loads(line) for line in out.splitlines()]
    assert [d["file"] for d in lines] == [str(article), str(other)]
    _check_jane(Result.from_dict(lines[0]), ARTICLE)
    assert lines[1]["quotes"] == []


def test_table(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    code, out, _ = run(capsys, "extract", "--fast", "-f", "table", str(article))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["KIND", "SPEAKER", "ROLE", "CUE", "QUOTE"]
    assert lines[2].split("  ")[0] == "direct"
    assert "Jane Smith" in lines[2] and lines[2].endswith("We will win the vote")
    assert lines[-1] == "1 quote, 1 speaker"


def test_html(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text('"Tax <b>cuts</b> & more," said Jane Smith.', encoding="utf-8")
    code, out, _ = run(capsys, "extract", "--fast", "--format", "html", str(path))
    assert code == 0
    assert out.startswith("<!DOCTYPE html>") and f"<h1>{path}</h1>" in out
    assert "Tax &lt;b&gt;cuts&lt;/b&gt; &amp; more" in out
    assert out.count("<mark ") == 1 and "speaker: Jane Smith" in out


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run(capsys, "extract", "--fast", "-f", "jsonl", "-")
    assert code == 0
    record = json.loads(out)
    assert record["file"] == "<stdin>"
    _check_jane(Result.from_dict(record), ARTICLE)


def test_the_output_shape_never_depends_on_the_number_of_inputs(
        capsys: pytest.CaptureFixture[str], article: Path, tmp_path: Path) -> None:
    second = tmp_path / "b.txt"
    second.write_text("No quotes here.", encoding="utf-8")
    out_path = tmp_path / "out.json"
    # json is one Result object: several inputs are a usage error that names the choices
    code, out, err = run(capsys, "extract", "--fast", "-o", str(out_path), str(article),
                         str(second))
    assert code == 2 and "--format jsonl" in err and "--format json-array" in err
    assert not out_path.exists()
    # json-array: an array of {"file", "quotes", "speakers"}, for two inputs and for one
    code, out, _ = run(capsys, "extract", "--fast", "-f", "json-array", "-o", str(out_path),
                       str(article), str(second))
    assert (code, out) == (0, "")
    data = json.loads(out_path.read_text(encoding="utf-8"))
    assert [d["file"] for d in data] == [str(article), str(second)]
    _check_jane(Result.from_dict({k: v for k, v in data[0].items() if k != "file"}), ARTICLE)
    assert data[1] == {"file": str(second), "quotes": [], "speakers": []}
    code, out, _ = run(capsys, "extract", "--fast", "-f", "json-array", str(article))
    assert code == 0 and [d["file"] for d in json.loads(out)] == [str(article)]

    code, _, _ = run(capsys, "extract", "--fast", "-f", "jsonl", "-o", str(out_path),
                     str(article), str(second))
    lines = out_path.read_text(encoding="utf-8").splitlines()
    assert code == 0 and [json.loads(x)["file"] for x in lines] == [str(article), str(second)]


def test_utf8_bom_is_dropped(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    code, out, _ = run(capsys, "extract", "--fast", str(path))
    assert code == 0
    _check_jane(Result.from_json(out), ARTICLE)


def test_other_encoding(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "cp.txt"
    path.write_bytes('“We will win the café vote,” said Senator Jane Smith.'.encode("cp1252"))
    code, out, err = run(capsys, "extract", "--fast", "--encoding", "cp1252", str(path))
    assert (code, err) == (0, "")
    assert [q["text"] for q in json.loads(out)["quotes"]] == ["We will win the café vote"]


# ---------------------------------------------------------------------------- failures

def test_missing_file_fails_but_others_are_processed(capsys: pytest.CaptureFixture[str],
                                                     article: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    code, out, err = run(capsys, "extract", "--fast", "-f", "jsonl", str(missing), str(article))
    assert code == 1
    assert err.startswith(f"quoteattr: error: {missing}: no such file")
    assert "Traceback" not in err
    assert [json.loads(x)["file"] for x in out.splitlines()] == [str(article)]


def test_invalid_utf8_suggests_an_encoding(capsys: pytest.CaptureFixture[str],
                                           tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes('"Caf\xe9," she said.'.encode("latin-1"))
    code, out, err = run(capsys, "extract", "--fast", str(path))
    assert (code, out) == (1, "")
    assert f"quoteattr: error: {path}: not valid utf-8" in err
    assert "offset 4" in err and "--encoding cp1252" in err and "--encoding latin-1" in err


def test_directory_and_binary_inputs(capsys: pytest.CaptureFixture[str],
                                     tmp_path: Path) -> None:
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"PK\x03\x04\x00\x00\x00binary")
    code, _, err = run(capsys, "extract", "--fast", "-f", "jsonl", str(tmp_path), str(binary))
    assert code == 1
    # a folder is a corpus of its .txt files: this one has none
    assert f"{tmp_path}: a folder without .txt files" in err
    assert f"{binary}: " in err and "binary" in err
    assert err.count("quoteattr: error:") == 2


def test_unknown_encoding_is_a_usage_error(capsys: pytest.CaptureFixture[str],
                                           article: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["extract", "--fast", "--encoding", "klingon", str(article)])
    assert exc.value.code == 2
    assert "unknown encoding 'klingon'" in capsys.readouterr().err


@pytest.mark.parametrize("args", [[], ["extract"], ["extract", "--format", "xml", "a.txt"],
                                  ["frobnicate"]])
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(args)
    assert exc.value.code == 2
    assert "usage: quoteattr" in capsys.readouterr().err


def test_model_error_exits_3(capsys: pytest.CaptureFixture[str], article: Path,
                             tmp_path: Path) -> None:
    code, out, err = run(capsys, "extract", "--models", str(tmp_path / "no-models"),
                         str(article))
    assert (code, out) == (3, "")
    assert err.startswith("quoteattr: error: model folder") and "--fast" in err
    assert "Traceback" not in err


def test_unwritable_output(capsys: pytest.CaptureFixture[str], article: Path,
                           tmp_path: Path) -> None:
    code, _, err = run(capsys, "extract", "--fast", "-o", str(tmp_path / "no" / "out.json"),
                       str(article))
    assert code == 1 and "cannot write the output file" in err


# ---------------------------------------------------------------------------- progress

class _TTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_tty_with_several_files(monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str],
                                                       article: Path) -> None:
    tty = _TTY()
    monkeypatch.setattr(sys, "stderr", tty)
    assert cli.main(["extract", "--fast", "-f", "jsonl", str(article), str(article)]) == 0
    assert "0/2 [" in tty.getvalue() and "file/s" in tty.getvalue()
    tty.seek(0)
    tty.truncate()
    assert cli.main(["extract", "--fast", "-f", "jsonl", str(article)]) == 0
    assert tty.getvalue() == ""
    assert len(capsys.readouterr().out.splitlines()) == 3


# ---------------------------------------------------------------------------- others

def test_version_via_python_m() -> None:
    proc = subprocess.run([sys.executable, "-m", "quoteattr", "--version"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"quoteattr {quoteattr.__version__}"


def test_extract_via_python_m_reads_stdin() -> None:
    proc = subprocess.run([sys.executable, "-m", "quoteattr", "extract", "--fast", "-"],
                          input=ARTICLE.encode("utf-8"), capture_output=True, timeout=120,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    _check_jane(Result.from_json(proc.stdout.decode("utf-8")), ARTICLE)


def test_models_lists_each_model_set(capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from quoteattr.nlp import models

    (tmp_path / "en").mkdir()
    (tmp_path / "resources.json").write_text("{}", encoding="utf-8")
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    code, out, _ = run(capsys, "models")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"bundled  {models.bundled_dir()}  ")
    assert lines[1] == f"stanza   {tmp_path}  ok (English models found)"

    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path / "empty"))
    _, out, _ = run(capsys, "models")
    assert "no English models" in out.splitlines()[1]


# ---------------------------------------------------------------------------- evaluate

class _Report:
    def __init__(self, n: int) -> None:
        self.n = n

    def table(self) -> str:
        return f"REPORT of {self.n} documents"

    def write_json(self, path: str) -> None:
        Path(path).write_text(json.dumps({"documents": self.n}), encoding="utf-8")


@pytest.fixture
def fake_evaluation(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """quoteattr.evaluation replaced by a stand-in that records how it is called."""
    seen: dict[str, Any] = {}

    def read_corpus(split_dir: str, annotator: str | None = None) -> Iterator[str]:
        seen["read"] = (split_dir, annotator)
        yield from ('"Yes," said Jane Smith.', "Nothing.", "More.")

    def evaluate(docs: Iterator[str], predict: Callable[[str], Result]) -> _Report:
        seen["results"] = [predict(text) for text in docs]
        return _Report(len(seen["results"]))

    module = types.ModuleType("quoteattr.evaluation")
    module.read_corpus = read_corpus  # type: ignore[attr-defined]
    module.evaluate = evaluate  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "quoteattr.evaluation", module)
    monkeypatch.setattr(quoteattr, "evaluation", module, raising=False)
    return seen


def test_evaluate_wires_corpus_extractor_and_report(capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path,
                                                    fake_evaluation: dict[str, Any]) -> None:
    out_json = tmp_path / "report.json"
    code, out, _ = run(capsys, "evaluate", "--corpus", "polnear", str(tmp_path), "--fast",
                       "--limit", "2", "--json", str(out_json), "--annotator", "ann1")
    assert code == 0
    assert out.strip() == "REPORT of 2 documents"
    assert fake_evaluation["read"] == (str(tmp_path), "ann1")
    first = fake_evaluation["results"][0]
    assert isinstance(first, Result) and first.quotes[0].text == "Yes"
    assert json.loads(out_json.read_text(encoding="utf-8")) == {"documents": 2}


def test_evaluate_missing_corpus_dir(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                     fake_evaluation: dict[str, Any]) -> None:
    code, _, err = run(capsys, "evaluate", "--corpus", "polnear", str(tmp_path / "nope"),
                       "--fast")
    assert code == 1 and "corpus folder" in err and "read" not in fake_evaluation


def test_evaluate_rejects_a_bad_limit(capsys: pytest.CaptureFixture[str],
                                      tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["evaluate", "--corpus", "polnear", str(tmp_path), "--limit", "0"])
    assert exc.value.code == 2


def test_evaluate_with_the_real_evaluation_module(capsys: pytest.CaptureFixture[str],
                                                  article: Path, tmp_path: Path) -> None:
    evaluation = pytest.importorskip("quoteattr.evaluation")
    if not hasattr(evaluation, "evaluate"):
        pytest.skip("quoteattr.evaluation has no evaluate() yet")
    split = tmp_path / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "doc1.txt").write_text(ARTICLE, encoding="utf-8")
    (split / "attributions" / "doc1_ann1.ann").write_text(
        "T1\tSource 29 47\tSenator Jane Smith\n"
        "T2\tCue 24 28\tsaid\n"
        'T3\tContent 0 23\t"We will win the vote,"\n'
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n", encoding="utf-8")
    out_json = tmp_path / "report.json"
    code, out, err = run(capsys, "evaluate", "--corpus", "polnear", str(split), "--fast",
                         "--json", str(out_json))
    assert (code, err) == (0, "")
    assert any(line.startswith("direct ") for line in out.splitlines()), out
    assert json.loads(out_json.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("files", "message"), [
    ({}, "holds no annotated article"),
    ({"text/a.txt": ARTICLE}, "holds no annotated article"),
    ({"attributions/a_x.ann": "T1\tSource 0 4\tWe\n"}, "holds no annotated article"),
    ({"text/a.txt": ARTICLE, "attributions/a_x.ann": "just some junk\nlines\n"},
     "has a gold attribution"),
    ({"text/a.txt": ARTICLE, "attributions/a_x.ann": b"\xff\xfe junk"}, "UTF-8"),
    ({"text/a.txt": "short", "attributions/a_x.ann": "T1\tCue 24 28\tsaid\n"
                                                     "E1\tAttribution:T1 Cue:T1\n"},
     "outside its text"),
])
def test_evaluate_fails_on_a_folder_without_gold(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path, files: dict[str, Any],
                                                 message: str) -> None:
    pytest.importorskip("quoteattr.evaluation")
    for name, content in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "evaluate", "--corpus", "polnear", str(tmp_path), "--fast")
    assert code == 1 and message in err, err
    assert "Traceback" not in err and out == ""


def test_evaluate_scores_speaker_names_and_roles(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path) -> None:
    from tests.test_evaluation import attribution_ann

    text = ('"We will win the vote," said Senator Jane Smith.\n\n'
            '"It is early," Mayor Tom Walsh said.\n')
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(text, encoding="utf-8")
    ann = attribution_ann(text, [("Senator Jane Smith", "said", "We will win the vote,"),
                                 ("Mayor Tom Walsh", "said", "It is early,")])
    (tmp_path / "attributions" / "a_x.ann").write_text(ann, encoding="utf-8")
    win, early = text.index("We will"), text.index("It is")
    speakers = tmp_path / "speakers.json"
    speakers.write_text(json.dumps({"quotes": [
        {"doc": "a", "start": win, "end": win + 20, "speaker_name": "Jane Smith",
         "role": "Senator", "affiliation": None},
        {"doc": "a", "start": early, "end": early + 11, "speaker_name": "Tom Walsh",
         "role": "Governor", "affiliation": None},
    ]}), encoding="utf-8")
    out_json = tmp_path / "report.json"
    code, out, _ = run(capsys, "evaluate", "--corpus", "polnear", str(tmp_path), "--fast",
                       "--speakers", str(speakers), "--json", str(out_json))
    assert code == 0
    assert "found           2 of 2" in out and "role            0.500" in out
    assert "gold 'Tom Walsh' 'Governor', got 'Tom Walsh' 'Mayor'" in out
    report = json.loads(out_json.read_text(encoding="utf-8"))
    assert report["speakers"]["name_accuracy"] == 1.0
    assert report["speakers"]["errors"][0]["wrong"] == ["role"]
    code, _, err = run(capsys, "evaluate", "--corpus", "polnear", str(tmp_path), "--fast",
                       "--speakers", str(tmp_path / "none.json"))
    assert code != 0 and "none.json does not exist" in err


def test_the_output_never_destroys_an_input_or_an_old_result(capsys: pytest.CaptureFixture[str],
                                                            tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text('"We will win the vote," said Senator Jane Smith.', encoding="utf-8")
    # -o naming an input: refused before anything is read or written
    code, _, err = run(capsys, "extract", str(article), "--fast", "-o", str(article))
    assert code != 0 and "is also an input" in err
    assert article.read_text(encoding="utf-8").startswith('"We will win')
    # every input fails: an existing output keeps its content, in every format
    old = tmp_path / "old.json"
    for fmt in ("json-array", "jsonl", "html", "table"):
        old.write_text("previous results\n", encoding="utf-8")
        code, _, _ = run(capsys, "extract", str(tmp_path / "missing.txt"),
                         str(tmp_path / "gone.txt"), "--fast", "--format", fmt, "-o", str(old))
        assert code != 0 and old.read_text(encoding="utf-8") == "previous results\n", fmt
    # a good run replaces it, and leaves no temporary file behind
    code, _, _ = run(capsys, "extract", str(article), "--fast", "-o", str(old))
    assert code == 0 and Result.from_json(old.read_text(encoding="utf-8")).quotes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "old.json"]


def test_an_interrupted_run_keeps_the_old_file_or_the_finished_lines(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    files = []
    for k in range(3):
        f = tmp_path / f"{k}.txt"
        f.write_text(f'"We will win vote {k}," said Senator Jane Smith.', encoding="utf-8")
        files.append(str(f))
    real = cli._process

    def interrupted(*args, **kwargs):  # the second input is interrupted (Ctrl-C)
        for k, item in enumerate(real(*args, **kwargs)):
            if k == 1:
                raise KeyboardInterrupt
            yield item

    monkeypatch.setattr(cli, "_process", interrupted)
    out = tmp_path / "out.json"
    out.write_text("previous\n", encoding="utf-8")
    code, _, err = run(capsys, "extract", *files, "--fast", "--format", "json-array", "-o",
                       str(out))
    assert code == 130 and "interrupted" in err
    assert out.read_text(encoding="utf-8") == "previous\n"  # an array: the old file
    lines = tmp_path / "out.jsonl"
    code, _, _ = run(capsys, "extract", *files, "--fast", "--format", "jsonl", "-o", str(lines))
    assert code == 130
    got = lines.read_text(encoding="utf-8").splitlines()
    assert len(got) == 1 and json.loads(got[0])["file"] == files[0]  # the finished line
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_running_out_of_memory_on_one_input_skips_only_that_one(
        capsys: pytest.CaptureFixture[str], article: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from quoteattr import extractor as extractor_module

    real = extractor_module.run_stages

    def hungry(doc, *args, **kwargs):  # the parse of "big.txt" runs out of memory
        if "BIG" in doc.text:
            raise MemoryError
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(extractor_module, "run_stages", hungry)
    big = tmp_path / "big.txt"
    big.write_text('"BIG," she said.', encoding="utf-8")
    code, out, err = run(capsys, "extract", "--fast", "--format", "jsonl", str(big),
                         str(article))
    assert code == 1 and "Traceback" not in err
    assert f"{big}: the text is too large to process in the memory there is" in err
    assert [json.loads(line)["file"] for line in out.splitlines()] == [str(article)]


def test_sigterm_stops_cleanly_and_keeps_the_finished_lines(article: Path,
                                                             tmp_path: Path) -> None:
    import signal
    import time

    out = tmp_path / "out.jsonl"
    out.write_text("previous\n", encoding="utf-8")
    # the article, then standard input, which never ends: the run waits there
    proc = subprocess.Popen([sys.executable, "-m", "quoteattr", "extract", "--fast",
                             "--format", "jsonl", "-o", str(out), str(article), "-"],
                            stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob(".out.jsonl.*.tmp")) and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.3)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 143, err
    assert b"terminated" in err and b"Traceback" not in err
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["file"] for line in lines] == [str(article)]
    assert not list(tmp_path.glob("*.tmp"))


def test_an_endless_or_oversized_input_is_refused_and_the_others_go_on(
        capsys: pytest.CaptureFixture[str], article: Path, tmp_path: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE * 100, encoding="utf-8")
    code, out, err = run(capsys, "extract", "--fast", "--format", "jsonl", "--max-bytes",
                         "5000", "/dev/zero", str(big), str(article))
    assert code == 1
    assert "/dev/zero: larger than 5,000 bytes" in err and f"{big}: larger than" in err
    assert "--max-bytes" in err and "Traceback" not in err
    lines = [json.loads(line) for line in out.splitlines()]
    assert [d["file"] for d in lines] == [str(article)]
    # under the limit the same file is read in full
    code, out, _ = run(capsys, "extract", "--fast", "--max-bytes", str(len(ARTICLE) * 100),
                       str(big))
    assert code == 0 and len(Result.from_json(out).quotes) == 100


def test_stdin_beyond_the_limit_is_refused(capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.TextIOWrapper(io.BytesIO(b"x" * 2000), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stream)
    code, out, err = run(capsys, "extract", "--fast", "--max-bytes", "1000", "-")
    assert code == 1 and "<stdin>: larger than 1,000 bytes" in err and out == ""
