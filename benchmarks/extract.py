#!/usr/bin/env python3
"""Speed and memory of quote extraction, against the stanza parse alone as the baseline.

    python benchmarks/extract.py [--texts DIR] [--repeat 3] [--fast-only]

Texts: every .txt under --texts (default: PolNeAR dev if ../shared/data is there, else the
founding article repeated). Prints, for the same texts in the same run:

* baseline: the stanza pipeline alone (tokenize ... ner, the same models) on each text;
* full: quoteattr.Extractor.extract_many (parse + quote stages);
* --jobs N: quoteattr.extract_corpus with N worker processes;
* fast: Extractor(mode="fast");

each in words per second and as a ratio to the baseline (above 1: faster), with the peak
resident memory (this process's, or the largest worker's for --jobs), then the PolNeAR dev
figures of full and fast mode side by side when the texts are PolNeAR dev.

``--compete`` adds full runs beside a CPU-bound process that keeps one core busy: with the
default threads (the cores free when the Extractor starts) and with every core (what torch
takes when nobody chooses), against the quiet run's words per second.

``--giant MB`` adds a giant document in fast mode: a two-paragraph news passage repeated to
MB megabytes, timed against the same passage's words per second in ordinary documents (the
ratio shows whether time stays linear in the document's length).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from quoteattr.corpus import extract_corpus  # noqa: E402


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
    p.add_argument("--jobs", type=int, default=2, help="workers of the --jobs row (default 2)")
    p.add_argument("--fast-only", action="store_true")
    p.add_argument("--giant", type=float, default=None, metavar="MB",
                   help="also run one giant document of MB megabytes in fast mode")
    p.add_argument("--compete", action="store_true",
                   help="also run full mode beside a process that keeps one core busy")
    args = p.parse_args()
    texts = load_texts(args.texts)[: args.limit]
    words = sum(len(t.split()) for t in texts) * args.repeat
    print(f"{len(texts)} texts x {args.repeat}, {words} whitespace words; "
          f"{len(os.sched_getaffinity(0))} cores")

    from quoteattr import Extractor

    rows: list[tuple[str, float, float]] = []
    results: dict[str, list] = {}
    if not args.fast_only:
        ex = Extractor(html="blank").load()
        import stanza

        from quoteattr.nlp.document import split_paragraphs
        from quoteattr.nlp.models import build_pipeline, pipeline_config

        # the baseline: the same models in a stanza pipeline with stanza's own settings (its
        # seq2seq lemmatizer and its tree decoder included), one text at a time
        nlp = build_pipeline({**pipeline_config("bundled")[1], "lemma_dict_only": False},
                             stanza_decoder=True)

        t = time.perf_counter()
        for _ in range(args.repeat):
            for text in texts:
                nlp.bulk_process([stanza.Document([], text=p.text)
                                  for p in split_paragraphs(text)])
        rows.append(("baseline stanza parse", time.perf_counter() - t, peak_mb()))
        t = time.perf_counter()
        for _ in range(args.repeat):
            results["full"] = list(ex.extract_many(texts))
        rows.append(("quoteattr full", time.perf_counter() - t, peak_mb()))
        t = time.perf_counter()
        for _ in range(args.repeat):
            jobs = list(extract_corpus(enumerate(texts), jobs=args.jobs, html="blank"))
        rows.append((f"quoteattr --jobs {args.jobs}", time.perf_counter() - t,
                     children_peak_mb()))
        if any(r != q.to_dict() for r, q in zip(
                ({k: v for k, v in j.items() if k not in ("id", "words")} for j in jobs),
                results["full"])):
            print("warning: --jobs results differ from the serial ones")
        if args.compete:
            rows.extend(competing(texts, args.repeat))
    fx = Extractor(mode="fast", html="blank")
    t = time.perf_counter()
    for _ in range(args.repeat):
        results["fast"] = list(fx.extract_many(texts))
    rows.append(("quoteattr fast", time.perf_counter() - t, peak_mb()))

    if args.giant:
        giant_rates(fx, args.giant)
    base = rows[0][1] if not args.fast_only else None
    print(f"{'phase':24} {'seconds':>8} {'words/s':>10} {'x baseline':>10} {'peak MB':>8}")
    for name, sec, mb in rows:
        ratio = f"{base / sec:10.2f}" if base else f"{'-':>10}"
        print(f"{name:24} {sec:8.2f} {words / sec:10.0f} {ratio} {mb:8.0f}")
    print("peak MB: this process's peak resident memory after the phase; for --jobs, the "
          "largest worker's")
    accuracy(texts, results)
    return 0


def children_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def accuracy(texts: list[str], results: dict[str, list]) -> None:
    """PolNeAR dev figures of each mode beside the other, when the texts are PolNeAR dev."""
    gold_dir = REPO.parent / "shared" / "data" / "polnear" / "dev"
    if not gold_dir.is_dir() or not results:
        return
    from quoteattr.evaluation import evaluate, read_corpus

    docs = {d.text: d for d in read_corpus(gold_dir)}
    if not all(t in docs for t in texts):
        return
    gold = [docs[t] for t in texts]
    for mode, preds in results.items():
        rep = evaluate(gold, {g.name: r for g, r in zip(gold, preds)})
        m = rep.metrics["direct+mixed"]
        print(f"PolNeAR dev, {mode}: direct+mixed F1 {m.overlap.f1:.3f}, end-to-end "
              f"{m.end_to_end.f1:.3f}")


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
