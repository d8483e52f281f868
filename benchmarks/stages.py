#!/usr/bin/env python3
"""Seconds per pipeline stage as texts grow: every stage should grow linearly.

    python benchmarks/stages.py [--sizes 4] [--full-mb 1.0] [--full-only] [--fast-only]

Fast mode runs four cases, each at ``--sizes`` sizes that double, and prints each stage's
seconds (``quoteattr.timing``) with the growth of the total from one size to the next (2.0
is linear; 4.0 would be quadratic):

* ``said``: ``'"We will win," she said, '`` repeated: many quotes in one sentence;
* ``opens``: ``"“a "`` repeated: opening marks that never close;
* ``flat``: news articles (PolNeAR dev, else the founding article) joined, their newlines
  turned into spaces: one paragraph of hundreds of kilobytes;
* ``founding``: the founding article repeated, paragraphs kept: ~5 quotes a kilobyte.

Full mode (``--full-mb``, 0 to skip) runs the flat news text of that size and the founding
article repeated to 200 KB, and prints the total against the parse alone (the same run's
``parse`` stage); the target is at most 1.3 times the parse.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEV = REPO.parent / "shared" / "data" / "polnear" / "dev" / "text"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def founding() -> str:
    return (REPO / "fixtures" / "founding_article.txt").read_text(encoding="utf-8")


def news() -> str:
    """News articles joined by blank lines (PolNeAR dev when it is there)."""
    if DEV.is_dir():
        return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt")))
    return founding()


def to_size(text: str, chars: int) -> str:
    """``text`` repeated and cut at a space to about ``chars`` characters."""
    whole = text * (chars // len(text) + 1)
    cut = whole.rfind(" ", 0, chars)
    return whole[:cut if cut > 0 else chars]


CASES: dict[str, tuple[Callable[[int], str], int]] = {
    # case: (the text of size n, the smallest n)
    "said": (lambda n: '"We will win," she said, ' * n, 1000),
    "opens": (lambda n: "“a " * n, 4000),
    "flat": (lambda n: to_size(news().replace("\n", " "), n * 1000), 128),
    "founding": (lambda n: to_size(founding(), n * 1000), 25),
}


Row = tuple[str, float, int, dict[str, float], float, int]


def timed(extractor: object, case: str, text: str) -> Row:
    """(case, KB, words, stage seconds, total seconds, quotes) of one extraction."""
    from quoteattr import timing

    with timing.recording() as seconds:
        began = time.perf_counter()
        result = extractor.extract(text)  # type: ignore[attr-defined]
        total = time.perf_counter() - began
    return (case, len(text.encode()) / 1000, len(text.split()), dict(seconds), total,
            len(result.quotes))


def table(rows: list[Row]) -> None:
    from quoteattr.timing import STAGES

    shown = [s for s in STAGES if any(s in r[3] for r in rows)]
    print(f"{'case':9} {'KB':>7} {'words':>8} {'quotes':>7} "
          + " ".join(f"{s[:9]:>9}" for s in shown) + f" {'total':>8} {'growth':>6}")
    previous: dict[str, float] = {}
    for case, kb, words, seconds, total, quotes in rows:
        growth = f"{total / previous[case]:6.2f}" if case in previous else f"{'':6}"
        previous[case] = total
        print(f"{case:9} {kb:7.0f} {words:8d} {quotes:7d} "
              + " ".join(f"{seconds.get(s, 0.0):9.2f}" for s in shown)
              + f" {total:8.2f} {growth}")


def fast_cases(sizes: int) -> None:
    from quoteattr import Extractor

    ex = Extractor(mode="fast")
    rows = []
    for case, (make, smallest) in CASES.items():
        for k in range(sizes):
            rows.append(timed(ex, case, make(smallest * 2 ** k)))
            print(f"  {case} x{smallest * 2 ** k}: {rows[-1][4]:.2f} s", file=sys.stderr,
                  flush=True)
    print(f"fast mode, seconds per stage (peak {peak_mb():.0f} MB):")
    table(rows)


def full_cases(megabytes: float) -> None:
    from quoteattr import Extractor

    ex = Extractor()
    rows = []
    for case, text in (("founding", to_size(founding(), 200_000)),
                       ("flat", to_size(news().replace("\n", " "), int(megabytes * 1e6)))):
        rows.append(timed(ex, case, text))
        print(f"  full {case}: {rows[-1][4]:.1f} s", file=sys.stderr, flush=True)
    print(f"\nfull mode, seconds per stage (peak {peak_mb():.0f} MB):")
    table(rows)
    for case, _, _, seconds, total, _ in rows:
        print(f"{case}: total / parse = {total / seconds['parse']:.3f} "
              f"(quote stages {total - seconds['parse']:.1f} s on a {seconds['parse']:.1f} s "
              "parse; target at most 1.3)")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=int, default=4, help="sizes per fast case (doubling)")
    p.add_argument("--full-mb", type=float, default=1.0,
                   help="size of the flat news text in full mode (0: no full mode)")
    p.add_argument("--fast-only", action="store_true")
    p.add_argument("--full-only", action="store_true")
    args = p.parse_args()
    if not args.full_only:
        fast_cases(args.sizes)
    if args.full_mb > 0 and not args.fast_only:
        full_cases(args.full_mb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
