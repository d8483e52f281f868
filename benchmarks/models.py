#!/usr/bin/env python3
"""Score and time a set of stanza models the way docs/models.md reports them.

    python benchmarks/models.py --data ../shared/data [--models bundled] [--json out.json]

Prints: model sizes; pipeline load time; tokens / sentences / words / UPOS / XPOS / UFeats /
lemmas / UAS / LAS F1 on UD English EWT test (stanza's CoNLL 2018 scorer); NER F1 per type on
the PolNeAR dev silver labels (exact spans); parse speed in words per second over the PolNeAR
dev texts (the whole pipeline, tokenize to NER, on this machine's CPU).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NER_MAP = {"PERSON": "PERSON", "ORGANIZATION": "ORGANIZATION", "LOCATION": "LOCATION",
           "MISC": "MISC", "ORG": "ORGANIZATION", "GPE": "LOCATION", "LOC": "LOCATION",
           "PER": "PERSON", "NORP": "MISC"}


def gold_entities(tsv: Path) -> set[tuple[int, int, str]]:
    out, cur = set(), None
    for line in tsv.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            if cur:
                out.add(tuple(cur))
            cur = None
            continue
        _tok, s, e, _pos, tag = line.split("\t")
        if tag in ("PERSON", "ORGANIZATION", "LOCATION", "MISC"):
            if cur and cur[2] == tag:
                cur[1] = int(e)
            else:
                if cur:
                    out.add(tuple(cur))
                cur = [int(s), int(e), tag]
        else:
            if cur:
                out.add(tuple(cur))
            cur = None
    if cur:
        out.add(tuple(cur))
    return out  # type: ignore[return-value]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    p.add_argument("--models", default="bundled")
    p.add_argument("--limit-docs", type=int, default=None, help="PolNeAR dev articles to use")
    p.add_argument("--skip-ewt", action="store_true")
    p.add_argument("--json", type=Path, default=None)
    args = p.parse_args()

    import stanza
    from stanza.models.common.utils import ud_scores
    from stanza.utils.conll import CoNLL
    from stanza.utils.datasets.conllu_to_text import convert_text

    from quoteattr.nlp import models as qmodels

    report: dict[str, object] = {"models": str(args.models)}
    _, kwargs = qmodels.pipeline_config(args.models)
    if args.models == "bundled":
        sizes = {f.name: f.stat().st_size for f in sorted(qmodels.bundled_dir().glob("*.pt"))}
        report["sizes_bytes"] = sizes
        report["total_mb"] = round(sum(sizes.values()) / 2**20, 1)
    t = time.perf_counter()
    nlp = stanza.Pipeline(**kwargs)
    report["load_seconds"] = round(time.perf_counter() - t, 2)

    if not args.skip_ewt:
        gold = args.data / "ud_english_ewt" / "en_ewt-ud-test.conllu"
        with tempfile.TemporaryDirectory() as tmp:
            txt = Path(tmp) / "test.txt"
            convert_text(str(gold), str(txt))
            raw = txt.read_text(encoding="utf-8")
            t = time.perf_counter()
            doc = nlp(raw)
            report["ewt_parse_seconds"] = round(time.perf_counter() - t, 1)
            # stanza writes over-long tokens (URLs) as <UNK>: restore the raw characters so
            # the scorer can align the files
            for sent in doc.sentences:
                for tok in sent.tokens:
                    surface = raw[tok.start_char:tok.end_char]
                    if tok.text != surface:
                        tok.text = surface
                        if len(tok.words) == 1:
                            tok.words[0].text = surface
            pred = Path(tmp) / "pred.conllu"
            CoNLL.write_doc2conll(doc, str(pred))
            ev = ud_scores(str(gold), str(pred))
        report["ewt_test"] = {k: round(100 * ev[k].f1, 2) for k in
                              ("Tokens", "Sentences", "Words", "UPOS", "XPOS", "UFeats",
                               "Lemmas", "UAS", "LAS")}

    dev = args.data / "polnear" / "dev"
    texts = sorted((dev / "text").glob("*.txt"))[: args.limit_docs]
    tp, fp, fn = Counter(), Counter(), Counter()
    n_words, seconds = 0, 0.0
    for path in texts:
        text = path.read_text(encoding="utf-8")
        t = time.perf_counter()
        doc = nlp(text)
        seconds += time.perf_counter() - t
        n_words += sum(len(s.words) for s in doc.sentences)
        pred = {(e.start_char, e.end_char, NER_MAP.get(e.type, "MISC")) for e in doc.ents}
        gold_path = dev / "corenlp-ner" / (path.stem + ".tsv")
        if not gold_path.exists():
            continue
        gold_e = gold_entities(gold_path)
        for e in pred:
            (tp if e in gold_e else fp)[e[2]] += 1
        for e in gold_e:
            if e not in pred:
                fn[e[2]] += 1
    ner = {}
    for typ in ("PERSON", "ORGANIZATION", "LOCATION", "MISC"):
        prec = tp[typ] / max(1, tp[typ] + fp[typ])
        rec = tp[typ] / max(1, tp[typ] + fn[typ])
        ner[typ] = round(100 * (2 * prec * rec / (prec + rec) if prec + rec else 0.0), 2)
    all_tp, all_fp, all_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    prec, rec = all_tp / max(1, all_tp + all_fp), all_tp / max(1, all_tp + all_fn)
    ner["micro"] = round(100 * (2 * prec * rec / (prec + rec) if prec + rec else 0.0), 2)
    report["ner_polnear_dev_f1"] = ner
    report["polnear_dev_docs"] = len(texts)
    report["words_per_second"] = round(n_words / max(seconds, 1e-9), 1)
    report["threads"] = __import__("torch").get_num_threads()

    print(json.dumps(report, indent=1))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
