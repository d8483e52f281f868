"""Every code block of README.md and docs/*.md runs as written, so a doc cannot drift from the code.

Fenced blocks are collected from README.md and docs/*.md; each one is a test case with the id
``FILE:LINE`` (the line of its opening fence). What runs:

* ```` ```python ```` blocks run in order, one namespace per file (a later block may use the
  names of an earlier one), with the repository root as the working directory. A test of a
  later block first runs the file's earlier blocks that have not run yet, so ``-k`` works.
* ```` ```bash ````, ```` ```sh ````, ```` ```shell ```` and ```` ```console ```` blocks: each
  command line (``\\`` continuations joined, a ``$ `` prompt removed; in ``console`` blocks only
  the ``$ `` lines are commands, the rest is output) is split at ``&&``, a leading
  ``.venv/bin/`` is dropped, and the commands that start with ``quoteattr``, ``python`` or
  ``python3`` run through bash, with this interpreter's ``bin`` first on PATH, in a temporary
  working directory that mirrors the repository root (symlinks to its entries; a fresh empty
  ``build/``; ``../shared`` pointing at the real one), so files a command writes land there.
  Installs are not run (``pip install``, ``python -m pip``, ``python -m venv``), nor anything
  else (``cd``, ``apt-get``, ``git clone``, ``bash .ci/run``, ``cat ... |``); a block left with
  no command is skipped, saying so. Each command must exit 0.
* A shell block whose commands name ``../shared/data`` is marked ``data`` and ``slow`` (they
  score all of PolNeAR dev, minutes each) and skips when that folder is absent.
* Other fences (```` ```text ````, ```` ```json ````, none) are not executed.

Two HTML comments, invisible in the rendered docs, steer a block from the line above its fence:

* ``<!-- docs-test: skip REASON -->``: not run (training scripts that overwrite the shipped
  models); reported as skipped with the reason.
* ``<!-- docs-test: output -->`` on a block without a language: the standard output of the
  last command of the nearest shell block above it must equal the block's text (trailing
  spaces and blank lines aside), e.g. the table the README says the first command prints.
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DOC_FILES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]

PYTHON = {"python", "py", "python3"}
SHELL = {"bash", "sh", "shell", "console"}
RUNNABLE = re.compile(r"^(quoteattr|python3?)(\s|$)")
INSTALL = re.compile(r"\bpip3?\s+install\b|^python3?\s+-m\s+(pip|venv)\b")
FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`\s]*)")
DIRECTIVE = re.compile(r"^\s*<!--\s*docs-test:\s*(?P<what>\w+)\s*(?P<reason>.*?)\s*-->\s*$")
COMMAND_TIMEOUT_S = 3600


@dataclass
class Block:
    path: str             # relative to the repository root
    line: int             # 1-based line of the opening fence
    lang: str
    source: str
    directive: str = ""
    reason: str = ""
    expected_output: str | None = field(default=None, repr=False)

    @property
    def id(self) -> str:
        return f"{self.path}:{self.line}"


def read_blocks(path: Path) -> list[Block]:
    """The fenced blocks of one Markdown file, with the directive on the line above each."""
    lines = path.read_text(encoding="utf-8").splitlines()
    rel = path.relative_to(REPO).as_posix()
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence = len(m["indent"]), m["fence"]
        body: list[str] = []
        j = i + 1
        while j < len(lines) and not re.match(rf"^\s*{re.escape(fence[0])}{{{len(fence)},}}\s*$",
                                              lines[j]):
            text = lines[j]
            body.append(text[indent:] if text[:indent].strip() == "" else text.lstrip())
            j += 1
        k = i - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        d = DIRECTIVE.match(lines[k]) if k >= 0 else None
        blocks.append(Block(rel, i + 1, m["info"].lower().lstrip("{.").rstrip("}"),
                            "\n".join(body) + "\n", d["what"] if d else "",
                            d["reason"] if d else ""))
        i = j + 1
    for n, b in enumerate(blocks):
        if b.directive == "output":
            shell = next((s for s in reversed(blocks[:n]) if s.lang in SHELL), None)
            assert shell is not None, f"{b.id}: an output block with no shell block above it"
            shell.expected_output = b.source
    return blocks


def commands(block: Block) -> list[str]:
    """The commands of a shell block that the rule above runs, in order."""
    joined: list[str] = []
    for raw in block.source.splitlines():
        if joined and joined[-1].endswith("\\"):
            joined[-1] = joined[-1][:-1] + " " + raw.strip()
        else:
            joined.append(raw.strip())
    out = []
    for line in joined:
        if line.startswith("$ "):
            line = line[2:].strip()
        elif block.lang == "console":
            continue  # output
        if not line or line.startswith("#"):
            continue
        for part in line.split("&&"):
            cmd = part.strip().removeprefix(".venv/bin/")
            if RUNNABLE.match(cmd) and not INSTALL.search(cmd):
                out.append(cmd)
    return out


ALL_BLOCKS = [b for p in DOC_FILES for b in read_blocks(p)]
CASES = [b for b in ALL_BLOCKS if b.lang in PYTHON | SHELL]


def _needs_data(block: Block) -> bool:
    return block.lang in SHELL and any("shared/data" in c for c in commands(block))


def _param(block: Block) -> Any:
    marks = [pytest.mark.data, pytest.mark.slow] if _needs_data(block) else []
    return pytest.param(block, id=block.id, marks=marks)


def test_the_docs_have_blocks_to_run() -> None:
    assert any(b.lang in PYTHON for b in CASES) and any(commands(b) for b in CASES)


# ------------------------------------------------------------------------------ python


@dataclass
class _FileRun:
    namespace: dict[str, Any]
    done: int = 0                # blocks of the file run so far
    failed: str | None = None    # the id and error of the first block that failed


_RUNS: dict[str, _FileRun] = {}


def _exec(block: Block, namespace: dict[str, Any]) -> None:
    # blank lines before the source, so that a traceback names the line of the doc
    code = compile("\n" * block.line + block.source, block.id, "exec")
    exec(code, namespace)


def _run_python(block: Block) -> None:
    own = [b for b in CASES if b.path == block.path and b.lang in PYTHON
           and b.directive != "skip"]
    run = _RUNS.setdefault(block.path, _FileRun({"__name__": "__docs__"}))
    for b in own[run.done:own.index(block) + 1]:
        if run.failed:
            pytest.fail(f"{block.id} needs the earlier blocks of {block.path}; "
                        f"{run.failed}", pytrace=False)
        run.done += 1
        error = None
        try:
            _exec(b, run.namespace)
        except Exception as exc:
            run.failed = f"{b.id} failed: {type(exc).__name__}: {exc}"
            error = "".join(traceback.format_exception(exc, limit=-8))
        if error and b is block:
            pytest.fail(f"{b.id} does not run:\n{error}", pytrace=False)


# ------------------------------------------------------------------------------- shell


def _workdir(tmp_path: Path) -> Path:
    """A stand-in for the repository root: what a command writes stays in ``tmp_path``."""
    root = tmp_path / REPO.name
    root.mkdir()
    for entry in REPO.iterdir():
        if entry.name in (".git", "build"):
            continue
        (root / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    (root / "build").mkdir()
    if SHARED.exists():
        (tmp_path / "shared").symlink_to(SHARED, target_is_directory=True)
    return root


def _run_shell(block: Block, tmp_path: Path) -> None:
    cmds = commands(block)
    if not cmds:
        pytest.skip(f"{block.id}: no command that the rule runs (quoteattr/python lines)")
    if _needs_data(block) and not (SHARED / "data").is_dir():
        pytest.skip(f"{block.id} needs ../shared/data, which is absent")
    cwd = _workdir(tmp_path)
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    stdout = ""
    for cmd in cmds:
        proc = subprocess.run(["bash", "-c", cmd], cwd=cwd, env=env, capture_output=True,
                              text=True, timeout=COMMAND_TIMEOUT_S)
        assert proc.returncode == 0, (
            f"{block.id}: `{cmd}` exited {proc.returncode}\n--- stderr\n{proc.stderr[-3000:]}"
            f"\n--- stdout\n{proc.stdout[-2000:]}")
        stdout = proc.stdout
    if block.expected_output is not None:
        shown, printed = _lines(block.expected_output), _lines(stdout)
        if printed != shown:
            diff = "\n".join(difflib.unified_diff(shown, printed, "the doc", "the output",
                                                   lineterm=""))
            pytest.fail(f"{block.id}: `{cmds[-1]}` no longer prints what the doc shows below "
                        f"it; update the doc:\n{diff}", pytrace=False)


def _lines(s: str) -> list[str]:
    return [ln.rstrip() for ln in s.rstrip().splitlines()]


# ------------------------------------------------------------------------------- cases


@pytest.mark.parametrize("block", [_param(b) for b in CASES])
def test_doc_block_runs(block: Block, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if block.directive == "skip":
        pytest.skip(f"{block.id}: {block.reason or 'marked docs-test: skip'}")
    if block.lang in PYTHON:
        monkeypatch.chdir(REPO)
        _run_python(block)
    else:
        _run_shell(block, tmp_path)
