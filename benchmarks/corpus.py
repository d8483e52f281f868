#!/usr/bin/env python3
"""A synthetic corpus through ``quoteattr extract --jobs 2 --resume``: memory stays flat, and a
run killed part-way and resumed loses and repeats nothing.

    python benchmarks/corpus.py [--articles 100000] [--jobs 2] [--kill-at 0.5] [--full]

The corpus is real articles (PolNeAR dev when ../shared/data is there, else the founding
article) repeated with changed ids, written as JSON Lines (``--lead N``: each article's first
N paragraphs, for a shorter run). The run is fast mode unless
``--full``. While it runs, the resident memory of the command and its workers (summed, from
/proc) is sampled; the script prints it at the start and the end of each run, kills the
first run (SIGKILL) once ``--kill-at`` of the articles are written, resumes it, and checks
that every id is in the output exactly once.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def source_texts() -> list[str]:
    dev = REPO.parent / "shared" / "data" / "polnear" / "dev" / "text"
    if dev.is_dir():
        return [p.read_text(encoding="utf-8") for p in sorted(dev.iterdir()) if p.is_file()]
    return [(REPO / "fixtures" / "founding_article.txt").read_text(encoding="utf-8")]


def write_corpus(path: Path, n: int, lead: int | None = None) -> int:
    texts = source_texts()
    if lead is not None:  # each article's first paragraphs only (a shorter run)
        texts = ["\n\n".join([p for p in t.split("\n") if p.strip()][:lead]) for t in texts]
    words = 0
    with open(path, "w", encoding="utf-8") as f:
        for k in range(n):
            text = texts[k % len(texts)]
            words += len(text.split())
            f.write(json.dumps({"id": f"article-{k:07d}", "text": text}) + "\n")
    return words


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB (Linux /proc)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            for task in Path(f"/proc/{p}/task").iterdir():
                kids = (task / "children").read_text().split()
                todo.extend(int(k) for k in kids)
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total / 1024


def lines_in(path: Path) -> int:
    if not path.exists():
        return 0
    with open(path, "rb") as f:
        return sum(1 for _ in f)


def run(cmd: list[str], out: Path, stop_at: int | None) -> tuple[list[tuple[float, float, int]],
                                                                  int, float]:
    """Run ``cmd``, sampling (seconds, tree RSS MB, lines written) every second; kill it
    (SIGKILL) once ``stop_at`` lines are written. Returns the samples, the exit code, the
    seconds it ran."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    samples = []
    while proc.poll() is None:
        done = lines_in(out)
        samples.append((time.monotonic() - start, tree_rss_mb(proc.pid), done))
        if stop_at is not None and done >= stop_at:
            # the workers first (the command's children), then the command itself
            subprocess.run(["pkill", "-KILL", "-P", str(proc.pid)], check=False)
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(1.0)
    code = proc.wait()
    return samples, code, time.monotonic() - start


def report(label: str, samples: list[tuple[float, float, int]], seconds: float) -> None:
    steady = [s for s in samples if samples and s[2] > samples[0][2]] or samples
    first, last = steady[0], steady[-1]
    peak = max(s[1] for s in samples) if samples else 0.0
    print(f"{label}: {seconds:.0f} s; RSS (command + workers) at its first written article "
          f"{first[1]:.0f} MB, at the end {last[1]:.0f} MB, peak {peak:.0f} MB; "
          f"{last[2]} articles written")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=100_000)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--kill-at", type=float, default=0.5)
    p.add_argument("--full", action="store_true", help="full mode (default: fast)")
    p.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it")
    p.add_argument("--lead", type=int, default=None, metavar="N",
                   help="keep each article's first N paragraphs (shorter articles)")
    args = p.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="quoteattr-corpus-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus, out = work / "corpus.jsonl", work / "out.jsonl"
    out.unlink(missing_ok=True)
    words = write_corpus(corpus, args.articles, args.lead)
    print(f"{args.articles} articles, {words} words, {corpus.stat().st_size / 2**20:.0f} MB "
          f"of JSON Lines; jobs {args.jobs}, {'full' if args.full else 'fast'} mode")
    cmd = [sys.executable, "-m", "quoteattr", "extract", str(corpus), "--jobs",
           str(args.jobs), "--resume", "-o", str(out), "--no-progress",
           *([] if args.full else ["--fast"])]
    samples, code, sec = run(cmd, out, int(args.articles * args.kill_at))
    report(f"first run (killed, exit {code})", samples, sec)
    killed_at = lines_in(out)
    samples, code, sec = run(cmd, out, None)
    report(f"resumed run (exit {code})", samples, sec)
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    missing = args.articles - len(set(ids))
    repeated = len(ids) - len(set(ids))
    print(f"killed after {killed_at} articles; after the resume: {len(ids)} records, "
          f"{missing} missing, {repeated} repeated")
    return 0 if missing == 0 and repeated == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
