#!/usr/bin/env python3
"""Train quoteattr's bundled English stanza models from the shared data.

Usage (from the repository root)::

    python scripts/train_models.py --data ../shared/data            # every stage
    python scripts/train_models.py --data ../shared/data --stages pos,depparse
    python scripts/train_models.py --data ../shared/data --quick    # smoke run, minutes

The script drives stanza's own trainers (``stanza.models.tokenizer``, ``mwt_expander``,
``tagger``, ``lemmatizer``, ``parser``, ``ner_tagger``) so that the results load in an ordinary
``stanza.Pipeline``. Data preparation uses stanza's own dataset scripts.

* UD English EWT (``DATA/ud_english_ewt``): tokenizer + sentence splitter, MWT expander, POS
  (UPOS, XPOS, features), lemmatizer and dependency parser; train for training, dev for model
  selection, test for the scores in ``docs/models.md``.
* PolNeAR silver NER (``DATA/polnear/{train,dev}/corenlp-ner``): a 4-class NER model (PERSON,
  ORGANIZATION, LOCATION, MISC); other CoreNLP classes (DATE, MONEY, ...) become O.

Resuming: each finished stage leaves its model in ``--out``; a rerun skips it (``--force``
retrains). The parser checkpoints itself every few hundred steps and continues from the
checkpoint after an interruption. ``--force --warm-start`` makes the POS tagger, the parser
and the NER tagger begin from the weights of their last run (or of the models already in
``--out``), so a longer training can be given in several sittings or on another machine. Seeds are
fixed (``--seed``). A GPU is used when torch sees
one. Stages run ``--jobs`` at a time (each with its share of the CPU threads).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import logging
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

log = logging.getLogger("train_models")

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "src" / "quoteattr" / "models" / "stanza"
SHORT = "en_ewt"
TRAINER = Path(__file__).resolve().parent / "stanza_trainer.py"

# File names inside --out; the same names are read by quoteattr.nlp.models.
MODEL_FILES = {
    "tokenize": "tokenize.pt",
    "mwt": "mwt.pt",
    "pos": "pos.pt",
    "lemma": "lemma.pt",
    "depparse": "depparse.pt",
    "ner": "ner.pt",
}
STAGES = list(MODEL_FILES)
# stages whose trainer scripts/stanza_trainer.py can start from earlier weights (--warm-start)
WARM_STARTABLE = ("pos", "depparse", "ner")

TIMINGS_LOCK = threading.Lock()

NER_KEEP = {"PERSON", "ORGANIZATION", "LOCATION", "MISC"}

# Sizes chosen to train in well under an hour per model on 2 CPU cores with no pretrained
# word vectors; see docs/models.md for the measurements behind them.
HYPER: dict[str, list[str]] = {
    "tokenize": ["--steps", "8000", "--eval_steps", "400", "--max_steps_before_stop", "3000",
                 "--batch_size", "32"],
    "mwt": ["--num_epoch", "8"],
    "pos": ["--no_pretrain", "--hidden_dim", "200", "--word_emb_dim", "100",
            "--char_hidden_dim", "64", "--char_emb_dim", "32",
            "--deep_biaff_hidden_dim", "150", "--composite_deep_biaff_hidden_dim", "100",
            "--max_steps", "3000", "--eval_interval", "150", "--max_steps_before_stop", "1200",
            "--batch_maximum_tokens", "3000"],
    "lemma": ["--num_epoch", "10", "--decay_epoch", "5", "--hidden_dim", "100"],
    "depparse": ["--no_pretrain", "--no_char", "--hidden_dim", "200", "--word_emb_dim", "100",
                 "--deep_biaff_hidden_dim", "200", "--deep_biaff_output_dim", "100",
                 "--num_layers", "2", "--max_steps", "6000", "--eval_interval", "200",
                 "--checkpoint_interval", "200", "--max_steps_before_stop", "1500",
                 "--second_optim_start_step", "2000", "--batch_size", "3000"],
    "ner": ["--no_pretrain", "--word_emb_dim", "100", "--hidden_dim", "128",
            "--char_hidden_dim", "64", "--char_emb_dim", "50",
            "--max_steps", "8000", "--eval_interval", "300", "--max_steps_no_improve", "2400"],
}
# Wall-clock budget per stage (minutes, 2 CPU cores shared by --jobs stages). When it runs
# out the trainer is stopped and the best model it saved so far is kept.
BUDGET_MINUTES = {"tokenize": 18, "mwt": 6, "pos": 40, "lemma": 10, "depparse": 45, "ner": 25}
QUICK: dict[str, list[str]] = {
    "tokenize": ["--steps", "60", "--eval_steps", "30"],
    "mwt": ["--num_epoch", "1"],
    "pos": ["--max_steps", "40", "--eval_interval", "20"],
    "lemma": ["--num_epoch", "1"],
    "depparse": ["--max_steps", "40", "--eval_interval", "20", "--checkpoint_interval", "20"],
    "ner": ["--max_steps", "40", "--eval_interval", "20"],
}


def run(cmd: list[str], env: dict[str, str], logfile: Path,
        timeout: float | None = None) -> bool:
    """Run a command, logging to logfile. False when it was stopped at its time budget."""
    log.info("running %s (log: %s)", " ".join(cmd[1:3]), logfile)
    with logfile.open("a", encoding="utf-8") as out:
        out.write("\n$ " + " ".join(cmd) + "\n")
        out.flush()
        try:
            proc = subprocess.run(cmd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                  check=False, timeout=timeout)
        except subprocess.TimeoutExpired:
            # stanza's trainers save the best model at every dev improvement, so the
            # model on disk is the best one reached within the budget
            out.write(f"\n# stopped at the time budget of {timeout:.0f} s\n")
            return False
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])} failed with exit code {proc.returncode}; "
                           f"see {logfile}")
    return True


def compact_model(src: Path, dst: Path) -> None:
    """Copy a stanza model, storing float weights as float16 and dropping optimizer state.

    stanza copies the saved tensors into float32 parameters when it loads them, so the
    model behaves the same (to float16 rounding) at half the size on disk.
    """
    import torch

    ckpt = torch.load(src, map_location="cpu", weights_only=False)
    ckpt.pop("optimizer", None)
    for key in ("model",):
        state = ckpt.get(key)
        if isinstance(state, dict):
            ckpt[key] = {k: (v.half() if torch.is_tensor(v) and v.is_floating_point() else v)
                         for k, v in state.items()}
    torch.save(ckpt, dst)


# ---------------------------------------------------------------- data preparation

def prepare_ud(data: Path, work: Path, env: dict[str, str]) -> None:
    """Lay EWT out the way stanza's dataset scripts expect, then run them."""
    ud = work / "ud" / "UD_English-EWT"
    ud.mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev", "test"):
        src = (data / "ud_english_ewt" / f"en_ewt-ud-{split}.conllu").resolve()
        if not src.exists():
            raise SystemExit(f"missing {src}: pass --data pointing at the shared data folder")
        dst = ud / src.name
        if not dst.exists():
            dst.symlink_to(src)
    py = sys.executable
    marker = work / "data" / "prepared_ud"
    if marker.exists():
        return
    logfile = work / "prepare.log"
    run([py, "-m", "stanza.utils.datasets.prepare_tokenizer_treebank", "UD_English-EWT"],
        env, logfile)
    run([py, "-m", "stanza.utils.datasets.prepare_mwt_treebank", "UD_English-EWT"], env, logfile)
    run([py, "-m", "stanza.utils.datasets.prepare_pos_treebank", "UD_English-EWT"], env, logfile)
    # lemma and depparse train on the same gold CoNLL-U (depparse with gold tags)
    for kind in ("lemma", "depparse"):
        d = work / "data" / kind
        d.mkdir(parents=True, exist_ok=True)
        for split in ("train", "dev", "test"):
            shutil.copyfile(work / "data" / "pos" / f"{SHORT}.{split}.in.conllu",
                            d / f"{SHORT}.{split}.in.conllu")
    marker.write_text("ok\n")


def io_to_bio(tags: list[str]) -> list[str]:
    """CoreNLP's IO labels (PERSON PERSON O) to BIO (B-PERSON I-PERSON O)."""
    out, prev = [], "O"
    for tag in tags:
        if tag not in NER_KEEP:
            tag = "O"
        if tag == "O":
            out.append("O")
        else:
            out.append(("I-" if prev == tag else "B-") + tag)
        prev = tag
    return out


def read_corenlp_tsv(path: Path) -> list[list[dict[str, str]]]:
    sentences: list[list[dict[str, str]]] = []
    words: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if words:
            sentences.append([{"text": w, "ner": t} for w, t in zip(words, io_to_bio(tags))])
            words.clear()
            tags.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            flush()
            continue
        cols = line.split("\t")
        words.append(cols[0])
        tags.append(cols[-1])
    flush()
    return sentences


def prepare_ner(data: Path, work: Path) -> dict[str, Path]:
    out = {}
    d = work / "data" / "ner"
    d.mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev"):
        src = data / "polnear" / split / "corenlp-ner"
        if not src.is_dir():
            raise SystemExit(f"missing {src}: pass --data pointing at the shared data folder")
        target = d / f"polnear.{split}.json"
        if not target.exists():
            doc = []
            for f in sorted(src.glob("*.tsv")):
                doc.extend(read_corenlp_tsv(f))
            target.write_text(json.dumps(doc), encoding="utf-8")
        out[split] = target
    return out


# ---------------------------------------------------------------- stages

def stage_args(stage: str, work: Path, save_dir: Path, device_args: list[str],
               seed: int, quick: bool) -> list[str]:
    dd = work / "data"
    name = MODEL_FILES[stage]
    shorthand = "en_polnear" if stage == "ner" else SHORT
    common = ["--save_dir", str(save_dir), "--save_name", name, "--seed", str(seed),
              "--shorthand", shorthand] + device_args
    if stage == "tokenize":
        t = dd / "tokenize"
        args = ["stanza.models.tokenizer", "--mode", "train", "--lang", "en",
                "--label_file", str(t / f"{SHORT}-ud-train.toklabels"),
                "--txt_file", str(t / f"{SHORT}.train.txt"),
                "--dev_txt_file", str(t / f"{SHORT}.dev.txt"),
                "--dev_label_file", str(t / f"{SHORT}-ud-dev.toklabels"),
                "--dev_conll_gold", str(t / f"{SHORT}.dev.gold.conllu"),
                "--mwt_json_file", str(t / f"{SHORT}-ud-dev-mwt.json"),
                "--max_seqlen", "300", "--use_mwt"]
    elif stage == "mwt":
        m = dd / "mwt"
        args = ["stanza.models.mwt_expander", "--mode", "train", "--lang", "en",
                "--train_file", str(m / f"{SHORT}.train.in.conllu"),
                "--eval_file", str(m / f"{SHORT}.dev.in.conllu"),
                "--gold_file", str(m / f"{SHORT}.dev.gold.conllu"),
                "--output_file", str(work / "mwt.dev.pred.conllu"),
                "--max_dec_len", "30"]
    elif stage in ("pos", "lemma", "depparse"):
        d = dd / stage
        module = {"pos": "tagger", "lemma": "lemmatizer", "depparse": "parser"}[stage]
        args = [f"stanza.models.{module}", "--mode", "train",
                "--train_file", str(d / f"{SHORT}.train.in.conllu"),
                "--eval_file", str(d / f"{SHORT}.dev.in.conllu"),
                "--output_file", str(work / f"{stage}.dev.pred.conllu")]
        if stage != "lemma":
            args += ["--lang", "en"]
        if stage == "depparse":
            args += ["--checkpoint_save_name", str(work / "depparse.checkpoint.pt")]
    elif stage == "ner":
        n = dd / "ner"
        args = ["stanza.models.ner_tagger", "--mode", "train",
                "--train_file", str(n / "polnear.train.json"),
                "--eval_file", str(n / "polnear.dev.json"), "--scheme", "bioes"]
    else:  # pragma: no cover - guarded by argparse
        raise ValueError(stage)
    return args + common + HYPER[stage] + (QUICK[stage] if quick else [])


def train_stage(stage: str, work: Path, out: Path, env: dict[str, str], device_args: list[str],
                seed: int, quick: bool, force: bool,
                budget_minutes: dict[str, float], warm_start: bool = False) -> tuple[str, float]:
    target = out / MODEL_FILES[stage]
    if target.exists() and not force:
        log.info("%s: %s exists, skipping (use --force to retrain)", stage, target)
        return stage, 0.0
    save_dir = work / "saved" / stage
    save_dir.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, str(TRAINER)] + stage_args(stage, work, save_dir, device_args,
                                                       seed, quick)
    # begin from the last run's own save file, else from the model already in --out
    previous = [f for f in (save_dir / MODEL_FILES[stage], target) if f.exists()]
    if warm_start and stage in WARM_STARTABLE and previous:
        # the trainer overwrites its save file, so start from a copy of it
        start_from = work / f"{stage}.warm-start.pt"
        shutil.copyfile(previous[0], start_from)
        log.info("%s: warm start from %s", stage, previous[0])
        cmd[2:2] = ["--init-from", str(start_from)]
    start = time.time()
    budget = None if quick else budget_minutes.get(stage)
    finished = run(cmd, env, work / f"{stage}.log", None if budget is None else budget * 60)
    produced = save_dir / MODEL_FILES[stage]
    if not produced.exists():
        raise RuntimeError(f"{stage}: trainer stopped but wrote no {produced}")
    out.mkdir(parents=True, exist_ok=True)
    compact_model(produced, target)
    elapsed = time.time() - start
    with TIMINGS_LOCK:  # stages finish in parallel threads
        timings = work / "timings.json"
        record = json.loads(timings.read_text()) if timings.exists() else {}
        record[stage] = {"seconds": round(elapsed, 1), "quick": quick,
                         "stopped_at_time_budget": not finished,
                         "bytes": target.stat().st_size}
        timings.write_text(json.dumps(record, indent=1))
    log.info("%s: done in %.0f s -> %s", stage, elapsed, target)
    return stage, elapsed


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data",
                   help="the shared data folder (holds ud_english_ewt/ and polnear/)")
    p.add_argument("--work", type=Path, default=REPO / "build" / "train",
                   help="scratch folder for prepared data, logs and checkpoints")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT,
                   help="where the finished models go (default: the package's model folder)")
    p.add_argument("--stages", default=",".join(STAGES),
                   help=f"comma-separated subset of {','.join(STAGES)}")
    p.add_argument("--jobs", type=int, default=2, help="stages trained at the same time")
    p.add_argument("--seed", type=int, default=1234)
    p.add_argument("--quick", action="store_true", help="a few steps per stage (smoke test)")
    p.add_argument("--force", action="store_true", help="retrain stages whose model exists")
    p.add_argument("--adopt", action="store_true",
                   help="don't train: compact the best model a stopped trainer saved in --work "
                        "into --out (after stopping a trainer by hand)")
    p.add_argument("--warm-start", action="store_true",
                   help="begin the POS tagger, parser and NER tagger from their previous run's "
                        "weights (the last save in --work, else the model in --out)")
    p.add_argument("--budget-scale", type=float, default=1.0,
                   help="multiply every stage's wall-clock budget (e.g. 3 for longer runs)")
    p.add_argument("--budget-minutes", type=float, default=None,
                   help="give every stage this wall-clock budget instead (e.g. on a GPU)")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    stages = [s.strip() for s in args.stages.split(",") if s.strip()]
    bad = [s for s in stages if s not in STAGES]
    if bad:
        p.error(f"unknown stages {bad}; choose from {STAGES}")
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.update(UDBASE=str(work / "ud"), DATA_ROOT=str(work / "data"),
               PYTHONHASHSEED=str(args.seed))
    try:
        import torch
        gpu = torch.cuda.is_available()
    except ImportError:  # pragma: no cover
        gpu = False
    device_args = [] if gpu else ["--cpu"]
    # each stage gets its share of the CPU threads (on a GPU too: batching and the
    # character models still run on the CPU)
    threads = max(1, (os.cpu_count() or 2) // max(1, args.jobs))
    env.setdefault("OMP_NUM_THREADS", str(threads))
    env.setdefault("MKL_NUM_THREADS", str(threads))

    budgets = {k: v * args.budget_scale for k, v in BUDGET_MINUTES.items()}
    if args.budget_minutes is not None:
        budgets = dict.fromkeys(BUDGET_MINUTES, args.budget_minutes)
    if args.adopt:
        for stage in stages:
            produced = work / "saved" / stage / MODEL_FILES[stage]
            if not produced.exists():
                log.error("%s: nothing saved at %s", stage, produced)
                return 1
            args.out.mkdir(parents=True, exist_ok=True)
            compact_model(produced, args.out / MODEL_FILES[stage])
            log.info("%s: adopted %s", stage, produced)
        return 0
    data = args.data.resolve()
    if any(s != "ner" for s in stages):
        prepare_ud(data, work, env)
    if "ner" in stages:
        prepare_ner(data, work)

    # longest first, so the parallel queue finishes together
    order = ["depparse", "pos", "ner", "tokenize", "lemma", "mwt"]
    todo = [s for s in order if s in stages]
    failures = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = {pool.submit(train_stage, s, work, args.out, env, device_args, args.seed,
                               args.quick, args.force, budgets, args.warm_start): s for s in todo}
        for fut in concurrent.futures.as_completed(futures):
            try:
                fut.result()
            except Exception as exc:  # keep the other stages going
                log.error("%s failed: %s", futures[fut], exc)
                failures.append(futures[fut])
    if failures:
        log.error("failed stages: %s", ", ".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
