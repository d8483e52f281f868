#!/usr/bin/env python3
"""Train the pronoun antecedent ranker (quoteattr/models/coref.json) on GUM's coreference.

    python scripts/train_coref.py --data ../shared/data [--limit 40]

1. Split each GUM file (ud_english_gum/{train,dev,test}.conllu) into its documents; read the
   gold mentions from MISC ``Entity=`` (each with its entity id) and rebuild the text.
2. Parse the text with the bundled models (cached in build/parsed/gum/SPLIT/), so that the
   features see what they see in use (predicted tags, tree and NER, not GUM's gold ones);
   align the gold mentions to the parse by character offsets.
3. For every third-person pronoun inside a gold mention whose entity was mentioned before:
   its candidates (quoteattr.antecedents.candidates), their features, and a label (1 when the
   candidate's head lies in a gold mention of the pronoun's entity).
4. Listwise log-linear training (scripts/learning.py). Prints the antecedent accuracy on
   train, dev and test: the share of such pronouns whose top candidate is of the right
   entity (all of them, and those with a right candidate in the window).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

import regex

from learning import REPO, ParseCache, save_weights, train_listwise, training_arguments

OUT = REPO / "src" / "quoteattr" / "models" / "coref.json"
MIN_COUNT = 3
# "(12-person-...-Name" opens entity 12 (a ")" right after closes it on the same word);
# "12)" closes it
_ENTITY = regex.compile(r"\((\d+)-([a-z]+)[^()]*(\))?|(\d+)\)")


def gum_documents(path: Path) -> Iterator[tuple[str, str]]:
    """(document id, its CoNLL-U) for every document of a GUM file."""
    doc_id, lines = None, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc id ="):
            if doc_id is not None:
                yield doc_id, "\n".join(lines) + "\n"
            doc_id, lines = line.split("=", 1)[1].strip(), []
        lines.append(line)
    if doc_id is not None:
        yield doc_id, "\n".join(lines) + "\n"


def gold_mentions(conllu_text: str) -> list[tuple[int, int, int]]:
    """(first word, last word exclusive, entity id) of every gold mention, words counted as
    quoteattr.nlp.document.from_conllu counts them."""
    import conllu

    words = 0
    open_at: dict[int, list[int]] = {}
    out = []
    for sent in conllu.parse(conllu_text):
        for tok in sent:
            if not isinstance(tok["id"], int):
                continue
            misc = tok.get("misc") or {}
            for m in _ENTITY.finditer(str(misc.get("Entity", ""))):
                if m.group(1):
                    eid = int(m.group(1))
                    if m.group(3):
                        out.append((words, words + 1, eid))
                    else:
                        open_at.setdefault(eid, []).append(words)
                else:
                    eid = int(m.group(4))
                    if open_at.get(eid):
                        out.append((open_at[eid].pop(), words + 1, eid))
            words += 1
    return out


def parsed(split: str, cache: Path, limit: int | None, data: Path
           ) -> Iterator[tuple[object, list[tuple[int, int, int]]]]:
    """(predicted document, gold mentions as (char start, char end, entity)) per GUM doc."""
    from quoteattr.nlp.document import from_conllu

    parses = ParseCache(cache / "gum" / split)
    for k, (doc_id, text) in enumerate(gum_documents(data / "ud_english_gum" /
                                                      f"{split}.conllu")):
        if limit is not None and k >= limit:
            break
        gold = from_conllu(text)
        spans = [(gold.words[a].start, gold.words[b - 1].end, e)
                 for a, b, e in gold_mentions(text)]
        doc = parses.get(doc_id, gold.text)
        yield doc, spans


def examples(doc: object, spans: list[tuple[int, int, int]]
             ) -> tuple[list[tuple[list[list[str]], list[int]]], int]:
    """The training groups of one document (pronouns with a right candidate), and how many
    pronouns with an earlier mention of their entity it has in all."""
    from quoteattr import antecedents, coref, learned
    from quoteattr.extractor import attribute
    from quoteattr.resolvers import DEFAULT_RESOLVERS
    from quoteattr.values import WordRange

    # the quotes and their speakers, as serving finds them (the features read them)
    ctx = attribute(doc, DEFAULT_RESOLVERS, "rules+ranker",  # type: ignore[arg-type]
                    learned.for_strategy("rules+ranker"))
    m = ctx.mentions
    answers = ctx.answers.as_mapping()
    genders = coref.article_genders(doc)  # type: ignore[arg-type]
    resolved = coref.resolve(doc, m, ctx.quotes, answers)  # type: ignore[arg-type]
    first_of: dict[int, int] = {}
    for s, _e, eid in spans:
        first_of[eid] = min(first_of.get(eid, s), s)
    groups, total = [], 0
    for i, w in enumerate(doc.words):  # type: ignore[attr-defined]
        if w.upos != "PRON" or not antecedents.third_person(w.text):
            continue
        own = [e for s, t, e in spans if s <= w.start and w.end <= t and t - s <= len(w.text) + 1]
        if not own or first_of[own[0]] >= w.start:
            continue
        eid = own[0]
        total += 1
        right = [(s, t) for s, t, e in spans if e == eid and t <= w.start]
        earlier = [q for q in ctx.quotes if q.start < w.start]
        rule = coref.rule_antecedent(doc, m, earlier, resolved, answers,  # type: ignore[arg-type]
                                     WordRange(i, i + 1), genders, ctx.quoted)
        setting = antecedents.Setting(genders, coref.speakers_before(
            doc, earlier, answers, i), ctx.quoted,  # type: ignore[arg-type]
            None if rule is None else (rule[1], rule[0].name))
        cands = antecedents.candidates(m, i, setting)
        agree = antecedents.agreeing(m, i, cands, setting)
        labels = [int(any(s <= doc.words[c].start < t for s, t in right))  # type: ignore[attr-defined]
                  for c in cands]
        if any(labels):
            groups.append(([antecedents.features(m, i, c, agree, setting) for c in cands],
                           labels))
    return groups, total


def collect(split: str, args: object) -> tuple[list, int]:
    groups, total = [], 0
    for doc, spans in parsed(split, args.cache, args.limit if split == "train" else None,  # type: ignore[attr-defined]
                             args.data):  # type: ignore[attr-defined]
        g, n = examples(doc, spans)
        groups += g
        total += n
    return groups, total


def accuracy(groups: list, total: int, weights: dict[str, float]) -> dict[str, float]:
    ok = 0
    for feats, labels in groups:
        scores = [sum(weights.get(x, 0.0) for x in f) for f in feats]
        ok += labels[max(range(len(scores)), key=lambda k: scores[k])]
    return {"pronouns": total, "resolvable": len(groups),
            "accuracy": round(ok / max(1, total), 4),
            "accuracy_resolvable": round(ok / max(1, len(groups)), 4)}


def main() -> int:
    p = training_arguments(__doc__.split("\n\n")[0], OUT, l2=1e-4)
    args = p.parse_args()
    t = time.time()
    data = {split: collect(split, args) for split in ("train", "dev", "test")}
    print(f"{len(data['train'][0])} train pronouns ({time.time() - t:.0f} s)", file=sys.stderr)
    weights = train_listwise(data["train"][0], args.epochs, args.l2, args.seed,
                             min_count=MIN_COUNT)
    metrics = {split: accuracy(g, n, weights) for split, (g, n) in data.items()}
    # the rules alone for comparison: quoteattr.coref.rule_antecedent, and the nearest
    # agreeing candidate
    metrics["rules"] = {split: accuracy(g, n, {"rule|name": 1.0, "rule|noun": 1.0,
                                                  "rule|pron": 1.0})["accuracy"]
                        for split, (g, n) in data.items()}
    metrics["nearest_agreeing_rule"] = {
        split: accuracy(g, n, {"nearest_agreeing": 1.0})["accuracy"]
        for split, (g, n) in data.items()}
    metrics["features"] = len(weights)
    from quoteattr import antecedents

    save_weights(args.out, antecedents.NAME, antecedents.FEATURES, "quoteattr pronoun "
                 "antecedents: listwise log-linear weights over antecedents.features(), "
                 "trained on GUM train; scripts/train_coref.py", metrics, weights)
    return 0


if __name__ == "__main__":
    sys.exit(main())
