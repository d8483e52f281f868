#!/usr/bin/env python3
"""Speed and memory of quote extraction, against the stanza parse alone as the baseline.

    python benchmarks/extract.py [--texts DIR] [--repeat 3] [--fast-only]

Texts: every .txt under --texts (default: PolNeAR dev if ../shared/data is there, else the
founding article repeated). Prints, for the same texts in the same run:

* baseline: stanza pipeline alone (tokenize ... ner), words per second;
* full: quoteattr.Extractor (parse + quote stages), words per second, and the ratio
  full / baseline time (the cost of the quote stages on top of parsing);
* fast: Extractor(mode="fast"), words per second and its speed-up over full;
* peak resident memory of the process after each phase (resource.getrusage).

``--compete`` adds full runs beside a CPU-bound process that keeps one core busy: with the
default threads (the cores free when the Extractor starts) and with every core (what torch
takes when nobody chooses), against the quiet run's words per second.

``--giant MB`` adds a giant document in fast mode: a two-paragraph news passage repeated to
MB megabytes, timed against the same passage's words per second in ordinary documents (the
ratio shows whether time stays linear in the document's length).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_texts(folder: Path | None) -> list[str]:
    if folder is None:
        dev = REPO.parent / "shared" / "data" / "polnear" / "dev" / "text"
        folder = dev if dev.is_dir() else None
    if folder is None:
        return [(REPO / "fixtures" / "founding_article.txt").read_text(encoding="utf-8")] * 20
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--texts", type=Path, default=None)
    p.add_argument("--repeat", type=int, default=1)
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--fast-only", action="store_true")
    p.add_argument("--giant", type=float, default=None, metavar="MB",
                   help="also run one giant document of MB megabytes in fast mode")
    p.add_argument("--compete", action="store_true",
                   help="also run full mode beside a process that keeps one core busy")
    args = p.parse_args()
    texts = load_texts(args.texts)[: args.limit]
    words = sum(len(t.split()) for t in texts) * args.repeat
    print(f"{len(texts)} texts x {args.repeat}, {words} whitespace words")

    from quoteattr import Extractor

    rows = []
    if not args.fast_only:
        ex = Extractor(html="blank").load()
        nlp = ex._pipeline()  # the same loaded stanza pipeline: the baseline
        import stanza

        from quoteattr.nlp.document import split_paragraphs

        t = time.perf_counter()
        for _ in range(args.repeat):
            for text in texts:
                nlp.bulk_process([stanza.Document([], text=p.text)
                                  for p in split_paragraphs(text)])
        base = time.perf_counter() - t
        rows.append(("baseline stanza parse", base, peak_mb()))
        t = time.perf_counter()
        for _ in range(args.repeat):
            for _r in ex.extract_many(texts):
                pass
        full = time.perf_counter() - t
        rows.append(("quoteattr full", full, peak_mb()))
        if args.compete:
            rows.extend(competing(texts, args.repeat))
    fx = Extractor(mode="fast")
    t = time.perf_counter()
    for _ in range(args.repeat):
        for _r in fx.extract_many(texts):
            pass
    fast = time.perf_counter() - t
    rows.append(("quoteattr fast", fast, peak_mb()))

    if args.giant:
        giant_rates(fx, args.giant)
    print(f"{'phase':24} {'seconds':>8} {'words/s':>10} {'peak MB':>8}")
    for name, sec, mb in rows:
        print(f"{name:24} {sec:8.2f} {words / sec:10.0f} {mb:8.0f}")
    if not args.fast_only:
        print(f"full / baseline time ratio: {full / base:.3f}  "
              f"(quote stages add {100 * (full - base) / base:.1f}% to parsing)")
        print(f"fast speed-up over full: {full / fast:.1f}x")
    return 0


def competing(texts: list[str], repeat: int) -> list[tuple[str, float, float]]:
    """Full mode on the cores left beside a busy one: first quiet, on those cores only (the
    reference), then beside a process that keeps one core busy, with the default threads
    and with every core. The target: the busy run with the default threads within 1.5
    times the quiet one."""
    import os
    import subprocess

    from quoteattr import Extractor

    cores = len(os.sched_getaffinity(0))

    def run(threads: int | None) -> tuple[float, int]:
        ex = Extractor(threads=threads)
        t = time.perf_counter()
        for _ in range(repeat):
            for _r in ex.extract_many(texts):
                pass
        return time.perf_counter() - t, ex.threads

    quiet, quiet_threads = run(max(1, cores - 1))
    out = [(f"full, quiet, {quiet_threads} thread(s)", quiet, peak_mb())]
    burner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        time.sleep(65)  # the load average must see the busy core before the Extractor starts
        for label, threads in (("default threads", None), ("every core", cores)):
            sec, used = run(threads)
            out.append((f"full, busy core, {label} ({used})", sec, peak_mb()))
            print(f"{label} beside a busy core: {sec / quiet:.2f} x the quiet run on the "
                  f"remaining cores (target for the default: at most 1.5)")
        return out
    finally:
        burner.kill()


GIANT_PARA = ('"We will not back down from this fight," Senator Jane Smith said on Tuesday, '
              'adding that the vote would come next week.\n\n'
              'Officials in the city were less certain. "It is far too early to say," '
              'said Mayor Tom Walsh.\n\n')


def giant_rates(fx: object, megabytes: float) -> None:
    """Fast mode on one giant document against the same passage in small documents."""
    small = [GIANT_PARA * 10] * 20
    t = time.perf_counter()
    for _r in fx.extract_many(small):  # type: ignore[attr-defined]
        pass
    small_rate = sum(len(x.split()) for x in small) / (time.perf_counter() - t)
    giant = GIANT_PARA * (int(megabytes * 2**20) // len(GIANT_PARA.encode()) + 1)
    t = time.perf_counter()
    r = fx.extract(giant)  # type: ignore[attr-defined]
    sec = time.perf_counter() - t
    rate = len(giant.split()) / sec
    print(f"giant document: {len(giant.encode()) / 2**20:.1f} MB, {len(r.quotes)} quotes, "
          f"{sec:.1f} s, {rate:.0f} words/s in fast mode; small documents {small_rate:.0f} "
          f"words/s (ratio {rate / small_rate:.2f}); peak {peak_mb():.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
