#!/usr/bin/env python3
"""Evaluate quoteattr on PolNeAR dev: rules only, ranker only, rules + ranker, fast mode.

    python scripts/evaluate_polnear.py --data ../shared/data [--split dev] [--json out.json]

Each article is parsed once with the bundled models and cached (build/parsed/SPLIT/), so the
strategies are compared on the same parses. Prints one table per strategy (the same table as
``quoteattr evaluate``) and the top error classes of the default strategy.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from collections import Counter
from pathlib import Path

from learning import load_doc

REPO = Path(__file__).resolve().parent.parent


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    p.add_argument("--split", default="dev")
    p.add_argument("--cache", type=Path, default=REPO / "build" / "parsed")
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--json", type=Path, default=None)
    p.add_argument("--strategies", default="rules,ranker,rules+ranker,fast")
    p.add_argument("--speakers", type=Path, default=None,
                   help="the name/role gold (default: polnear/dev-speakers.json for dev)")
    p.add_argument("--errors", action="store_true", help="list the wrong names and roles")
    args = p.parse_args()

    from quoteattr import Extractor
    from quoteattr.evaluation import evaluate, read_corpus, read_speakers, score_speakers
    from quoteattr.extractor import run_stages
    from quoteattr.nlp.document import from_regex
    from quoteattr.textinput import clean_text

    docs = list(read_corpus(args.data / "polnear" / args.split))[: args.limit]
    cache = args.cache / args.split
    cache.mkdir(parents=True, exist_ok=True)
    parsed = {}
    ex = None
    t = time.time()
    for g in docs:
        path = cache / f"{g.name}.pkl"
        if path.exists():
            parsed[g.name] = load_doc(path)
            continue
        if ex is None:
            ex = Extractor(html="blank")  # PolNeAR texts embed <tweet/> tags
        parsed[g.name] = ex.parse(g.text)
        path.write_bytes(pickle.dumps(parsed[g.name]))
    print(f"{len(docs)} articles parsed or loaded in {time.time() - t:.0f} s", file=sys.stderr)

    speakers_file = args.speakers or args.data / "polnear" / f"{args.split}-speakers.json"
    gold_speakers = read_speakers(speakers_file) if speakers_file.exists() else None
    out = {}
    for strategy in args.strategies.split(","):
        t = time.time()
        if strategy == "fast":
            preds = {g.name: run_stages(from_regex(clean_text(g.text, "blank"))) for g in docs}
        else:
            preds = {g.name: run_stages(parsed[g.name], strategy=strategy) for g in docs}
        report = evaluate(docs, preds)
        print(f"\n== {strategy} ({time.time() - t:.1f} s)")
        print(report.table())
        out[strategy] = report.to_dict()
        if gold_speakers is not None:
            scores = score_speakers(gold_speakers, preds)
            print(scores.table())
            out[strategy]["speakers"] = scores.to_dict()
            if args.errors and strategy == "rules+ranker":
                for e in scores.errors:
                    print(f"  {'/'.join(e.wrong):22} {e.doc[:30]:30} {e.quote[:30]!r:32} "
                          f"gold {e.gold_name!r} {e.gold_role!r} {e.gold_affiliation!r} | "
                          f"got {e.name!r} {e.role!r} {e.affiliation!r} "
                          f"[{e.mention!r} {e.resolver}]")
        if strategy == "rules+ranker":
            classes = Counter((e.error, e.kind) for e in report.errors)
            print("\nerror classes:", classes.most_common(8))
    if args.json:
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
