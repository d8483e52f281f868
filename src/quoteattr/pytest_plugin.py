"""pytest fixtures for regression tests of quote output in projects that use quoteattr.

The plugin is registered through the ``pytest11`` entry point, so installing quoteattr is
enough. It adds:

* ``quoteattr_extractor`` - one session-wide :class:`quoteattr.Extractor`; choose the models
  with ``--quoteattr-models bundled|stanza|DIR`` and the fast mode with ``--quoteattr-fast``;
* ``quote_snapshot`` - a callable ``check(name, result)`` that compares ``result.to_dict()``
  with ``<test dir>/__quote_snapshots__/<name>.json``. A missing snapshot is written; an
  existing one that differs fails the test with the quotes added, removed and changed. Run
  pytest with ``--quoteattr-update`` to rewrite the snapshots with the new output.

Example::

    def test_article(quoteattr_extractor, quote_snapshot):
        result = quoteattr_extractor.extract(open("article.txt").read())
        quote_snapshot("article", result)
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from .errors import SnapshotError

if TYPE_CHECKING:
    from .extractor import Extractor
    from .types import Result

SNAPSHOT_DIR = "__quote_snapshots__"
_NAME = re.compile(r"[\w][\w.-]*")
_UPDATE_HINT = "Run pytest with --quoteattr-update to accept the new output."


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("quoteattr", "quoteattr quote extraction")
    group.addoption("--quoteattr-models", default="bundled", metavar="MODELS",
                    help="models of the quoteattr_extractor fixture: bundled (default), "
                         "stanza or a folder of stanza model files")
    group.addoption("--quoteattr-fast", action="store_true", default=False,
                    help="run the quoteattr_extractor fixture in fast mode (no parse)")
    group.addoption("--quoteattr-update", action="store_true", default=False,
                    help="rewrite quote snapshots with the current output")


@pytest.fixture(scope="session")
def quoteattr_extractor(pytestconfig: pytest.Config) -> Extractor:
    """One Extractor for the whole test session (models loaded once)."""
    from .errors import ModelError
    from .extractor import Extractor

    models = pytestconfig.getoption("quoteattr_models")
    mode = "fast" if pytestconfig.getoption("quoteattr_fast") else "full"
    try:
        return Extractor(models=models, mode=mode)
    except ModelError as exc:
        message = f"quoteattr_extractor: {exc} (or run with --quoteattr-fast, which needs no model)"
    pytest.fail(message, pytrace=False)


class QuoteSnapshot:
    """``check(name, result)``: compare a result with its stored JSON snapshot."""

    def __init__(self, folder: Path, update: bool) -> None:
        self.folder = folder
        self.update = update

    def path(self, name: str) -> Path:
        """The snapshot file of ``name``."""
        if not _NAME.fullmatch(name):
            raise SnapshotError(f"snapshot name {name!r} must be letters, digits, '_', '.' "
                                "or '-' (it becomes a file name)")
        return self.folder / f"{name}.json"

    def __call__(self, name: str, result: Result | Mapping[str, Any]) -> None:
        actual = _as_dict(result)
        path = self.path(name)
        if self.update or not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n",
                            encoding="utf-8")
            return
        expected = _load(path)
        if expected == actual:
            return
        _check_shape(path, expected)
        lines = list(describe_changes(expected, actual))
        if not lines:  # equal quotes and speakers, other keys differ
            lines = ["  the stored JSON differs outside quotes and speakers"]
        pytest.fail("\n".join([f"quote snapshot {name!r} differs from {path}:", *lines,
                               _UPDATE_HINT]), pytrace=False)


@pytest.fixture
def quote_snapshot(request: pytest.FixtureRequest) -> QuoteSnapshot:
    """A callable ``check(name, result)`` comparing results with stored JSON snapshots."""
    folder = Path(request.path).parent / SNAPSHOT_DIR
    return QuoteSnapshot(folder, bool(request.config.getoption("quoteattr_update")))


def _load(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        problem = str(exc)
    pytest.fail(f"quote snapshot {path} cannot be read ({problem}). Delete it, or run pytest "
                "with --quoteattr-update to rewrite it.", pytrace=False)


def _check_shape(path: Path, stored: Any) -> None:
    """Fail readably when a stored snapshot is not a Result's dict."""
    from .errors import ResultError
    from .types import Result as ResultType

    try:
        ResultType.from_dict(stored)
    except ResultError as exc:
        problem = str(exc)
    else:
        return
    pytest.fail(f"quote snapshot {path} is not a quoteattr result ({problem}). Delete it, or "
                "run pytest with --quoteattr-update to rewrite it.", pytrace=False)


def _as_dict(result: Any) -> dict[str, Any]:
    """The JSON dict of ``result``, a Result or a dict that must load as one."""
    from .errors import ResultError
    from .types import Result as ResultType

    if isinstance(result, Mapping):
        try:
            ResultType.from_dict(result)
        except ResultError as exc:
            raise SnapshotError(f"quote_snapshot was given a dict that is not a quoteattr "
                                f"result ({exc}); pass the Result itself") from None
        data = dict(result)
    elif isinstance(result, ResultType):
        data = result.to_dict()
    else:
        raise SnapshotError(f"quote_snapshot expects a quoteattr Result or its to_dict(), got "
                            f"{type(result).__name__}")
    try:  # a JSON round trip, so tuples and lists compare equal to what was stored
        loaded: dict[str, Any] = json.loads(json.dumps(data, ensure_ascii=False,
                                                       allow_nan=False))
    except ValueError as exc:
        raise SnapshotError(f"quote_snapshot cannot store this result as JSON ({exc})") from None
    return loaded


# ---------------------------------------------------------------------- the readable diff

_QUOTE_FIELDS = ("kind", "cue", "confidence", "resolver")
_SPEAKER_FIELDS = ("role", "affiliation", "type", "mention")


def describe_changes(expected: Mapping[str, Any], actual: Mapping[str, Any]) -> Iterator[str]:
    """Lines naming each quote added, removed or changed, then each speaker entity."""
    old = {_quote_key(q): q for q in expected.get("quotes", [])}
    new = {_quote_key(q): q for q in actual.get("quotes", [])}
    for key in sorted(old.keys() | new.keys()):
        if key not in new:
            yield f"  - removed {_quote_label(old[key])}, speaker {_speaker_name(old[key])}"
        elif key not in old:
            yield f"  + added {_quote_label(new[key])}, speaker {_speaker_name(new[key])}"
        elif old[key] != new[key]:
            yield from _quote_changes(old[key], new[key])
    yield from _entity_changes(expected.get("speakers", []), actual.get("speakers", []))


def _quote_key(q: Mapping[str, Any]) -> tuple[int, int]:
    return int(q.get("start", 0)), int(q.get("end", 0))


def _quote_label(q: Mapping[str, Any]) -> str:
    text = str(q.get("text", ""))
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{q.get('kind', '?')} quote [{q.get('start')}:{q.get('end')}] {text!r}"


def _speaker_name(q: Mapping[str, Any]) -> str:
    sp = q.get("speaker")
    return repr(sp.get("name")) if sp else "none"


def _quote_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[str]:
    label = _quote_label(new)
    if old.get("text") != new.get("text"):
        yield f"  ~ {label}: text {old.get('text')!r} -> {new.get('text')!r}"
    if _speaker_name(old) != _speaker_name(new):
        yield f"  ~ {label}: speaker {_speaker_name(old)} -> {_speaker_name(new)}"
    for field in _QUOTE_FIELDS:
        if old.get(field) != new.get(field):
            yield f"  ~ {label}: {field} {_short(old.get(field))} -> {_short(new.get(field))}"
    old_sp, new_sp = old.get("speaker"), new.get("speaker")
    if not old_sp or not new_sp:  # a speaker found or lost: said above
        return
    for field in _SPEAKER_FIELDS:
        if old_sp.get(field) != new_sp.get(field):
            yield (f"  ~ {label}: speaker {field} {_short(old_sp.get(field))} -> "
                   f"{_short(new_sp.get(field))}")


def _short(value: Any) -> str:
    if isinstance(value, Mapping) and "text" in value and "start" in value:
        return f"{value['text']!r}@{value['start']}"
    return repr(value)


def _entity_changes(old: list[Mapping[str, Any]], new: list[Mapping[str, Any]]) -> Iterator[str]:
    def by_name(items: list[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
        return {str(e.get("name")): e for e in items}

    before, after = by_name(old), by_name(new)
    for name in sorted(before.keys() | after.keys()):
        if name not in after:
            yield f"  - removed speaker entity {name!r}"
        elif name not in before:
            yield f"  + added speaker entity {name!r}"
        elif before[name] != after[name]:
            changed = [k for k in sorted(before[name].keys() | after[name].keys())
                       if before[name].get(k) != after[name].get(k)]
            yield f"  ~ speaker entity {name!r}: {', '.join(changed)} changed"

