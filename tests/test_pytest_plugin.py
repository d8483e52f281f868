"""The pytest plugin, end to end in temporary projects (``pytester``), in fast mode."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quoteattr.pytest_plugin import QuoteSnapshot, describe_changes

pytest_plugins = ["pytester"]

ARTICLE = '"We will win the vote," said Senator Jane Smith.\nThe crowd cheered.'

TEST_MODULE = f'''
def test_article(quoteattr_extractor, quote_snapshot):
    result = quoteattr_extractor.extract({ARTICLE!r})
    quote_snapshot("article", result)
'''


def _snapshot(pytester: pytest.Pytester) -> Path:
    return pytester.path / "__quote_snapshots__" / "article.json"


def test_snapshot_written_then_compared(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_article=TEST_MODULE)
    pytester.runpytest("--quoteattr-fast").assert_outcomes(passed=1)
    stored = json.loads(_snapshot(pytester).read_text(encoding="utf-8"))
    assert [q["text"] for q in stored["quotes"]] == ["We will win the vote"]
    assert stored["quotes"][0]["speaker"]["name"] == "Jane Smith"
    # unchanged output: passes and leaves the file alone
    before = _snapshot(pytester).stat().st_mtime_ns
    pytester.runpytest("--quoteattr-fast").assert_outcomes(passed=1)
    assert _snapshot(pytester).stat().st_mtime_ns == before


def test_a_changed_result_fails_with_a_readable_diff(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_article=TEST_MODULE)
    pytester.runpytest("--quoteattr-fast").assert_outcomes(passed=1)
    path = _snapshot(pytester)
    good = path.read_text(encoding="utf-8")
    stored = json.loads(good)
    real = stored["quotes"][0]
    real["speaker"]["name"] = "John Doe"
    stored["quotes"].append({**real, "text": "gone quote", "start": 60, "end": 70})
    path.write_text(json.dumps(stored), encoding="utf-8")

    result = pytester.runpytest("--quoteattr-fast")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        f"*quote snapshot 'article' differs from {path}:",
        "*~ direct quote [[]1:21[]] 'We will win the vote': speaker 'John Doe' -> 'Jane Smith'",
        "*- removed direct quote [[]60:70[]] 'gone quote', speaker 'John Doe'",
        "*Run pytest with --quoteattr-update to accept the new output.",
    ])
    assert "Traceback" not in result.stdout.str()

    # --quoteattr-update accepts the new output
    pytester.runpytest("--quoteattr-fast", "--quoteattr-update").assert_outcomes(passed=1)
    assert json.loads(path.read_text(encoding="utf-8")) == json.loads(good)
    pytester.runpytest("--quoteattr-fast").assert_outcomes(passed=1)


def test_extractor_fixture_is_shared_and_follows_the_options(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_fixture='''
        SEEN = []

        def test_first(quoteattr_extractor):
            SEEN.append(quoteattr_extractor)
            assert quoteattr_extractor.mode == "fast"

        def test_second(quoteattr_extractor):
            assert SEEN == [quoteattr_extractor]
    ''')
    pytester.runpytest("--quoteattr-fast").assert_outcomes(passed=2)


def test_missing_models_fail_the_fixture_readably(pytester: pytest.Pytester,
                                                  tmp_path: Path) -> None:
    pytester.makepyfile(test_models='''
        def test_it(quoteattr_extractor):
            pass
    ''')
    missing = tmp_path / "no-models"
    result = pytester.runpytest(f"--quoteattr-models={missing}")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(
        [f"quoteattr_extractor: model folder {missing} does not exist.*--quoteattr-fast*"])
    assert "During handling" not in result.stdout.str()


def test_options_are_in_the_help(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("--help")
    result.stdout.fnmatch_lines(["*quoteattr*", "*--quoteattr-models=MODELS*",
                                 "*--quoteattr-fast*", "*--quoteattr-update*"])


def test_snapshot_names_must_be_file_names(tmp_path: Path) -> None:
    check = QuoteSnapshot(tmp_path, update=False)
    for bad in ("../escape", "a/b", "", ".hidden"):
        with pytest.raises(ValueError, match="snapshot name"):
            check(bad, {"quotes": [], "speakers": []})
    check("ok-name_1.v2", {"quotes": [], "speakers": []})
    assert (tmp_path / "ok-name_1.v2.json").is_file()


def test_unreadable_snapshot_fails_with_advice(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(pytest.fail.Exception, match=r"cannot be read.*--quoteattr-update"):
        QuoteSnapshot(tmp_path, update=False)("broken", {"quotes": []})


@pytest.mark.parametrize("stored", [
    [], "text", {"quotes": "not a list"}, {"quotes": [{"text": "a"}]},
    {"quotes": [{"text": "a", "start": 5, "end": 2, "kind": "direct"}]},
    {"quotes": [], "speakers": [{"name": "A", "mentions": [{"text": "A"}]}]},
])
def test_a_snapshot_of_the_wrong_shape_fails_with_advice(tmp_path: Path, stored: object) -> None:
    (tmp_path / "odd.json").write_text(json.dumps(stored), encoding="utf-8")
    advice = r"is not a quoteattr result.*--quoteattr-update"
    with pytest.raises(pytest.fail.Exception, match=advice):
        QuoteSnapshot(tmp_path, update=False)("odd", {"quotes": [], "speakers": []})


def test_only_results_are_snapshotted(tmp_path: Path) -> None:
    from quoteattr import QuoteattrError, Result

    check = QuoteSnapshot(tmp_path, update=False)
    for bad in ("a string", 3, None, {"quotes": [{"start": "x"}]},
                {"quotes": [], "speakers": "nobody"}):
        with pytest.raises(QuoteattrError, match="quote_snapshot"):
            check("bad", bad)
    assert not (tmp_path / "bad.json").exists()
    check("good", Result())
    assert json.loads((tmp_path / "good.json").read_text(encoding="utf-8"))["quotes"] == []


def test_wrong_shape_in_a_project_is_a_failure_not_a_traceback(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_article=TEST_MODULE)
    pytester.runpytest("--quoteattr-fast").assert_outcomes(passed=1)
    _snapshot(pytester).write_text('{"quotes": {"oops": 1}}', encoding="utf-8")
    result = pytester.runpytest("--quoteattr-fast")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*is not a quoteattr result*"])
    assert "Traceback" not in result.stdout.str()


def _q(start: int, end: int, text: str, speaker: str | None, **extra: object) -> dict[str, object]:
    sp = None if speaker is None else {"name": speaker, "mention": None, "role": None,
                                       "affiliation": None, "type": "PERSON"}
    return {"text": text, "start": start, "end": end, "kind": "direct", "cue": None,
            "speaker": sp, "confidence": 0.5, "resolver": "r", **extra}


def test_describe_changes() -> None:
    old = {"quotes": [_q(0, 5, "alpha", "Ann"), _q(10, 15, "beta", None),
                      _q(20, 25, "gamma", "Bo")],
           "speakers": [{"name": "Ann", "quotes": 1}, {"name": "Bo", "quotes": 1}]}
    new = {"quotes": [_q(0, 5, "alpha", "Ann", kind="mixed", resolver="s"),
                      _q(20, 25, "gamma", None), _q(30, 40, "delta", "Cy")],
           "speakers": [{"name": "Ann", "quotes": 2}, {"name": "Cy", "quotes": 1}]}
    assert list(describe_changes(old, new)) == [
        "  ~ mixed quote [0:5] 'alpha': kind 'direct' -> 'mixed'",
        "  ~ mixed quote [0:5] 'alpha': resolver 'r' -> 's'",
        "  - removed direct quote [10:15] 'beta', speaker none",
        "  ~ direct quote [20:25] 'gamma': speaker 'Bo' -> none",
        "  + added direct quote [30:40] 'delta', speaker 'Cy'",
        "  ~ speaker entity 'Ann': quotes changed",
        "  - removed speaker entity 'Bo'",
        "  + added speaker entity 'Cy'",
    ]
    assert list(describe_changes(old, old)) == []
