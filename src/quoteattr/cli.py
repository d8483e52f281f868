"""The ``quoteattr`` command line.

Usage::

    quoteattr extract FILE... [--format json|json-array|jsonl|table|html] [-o OUT]
                              [--html auto|blank|keep|error]
    quoteattr extract DIR|GLOB|CORPUS.jsonl... [-o OUT.jsonl] [--jobs N] [--resume]
                              [--models bundled|stanza|DIR] [--fast] [--encoding ENC]
    quoteattr models
    quoteattr evaluate --corpus polnear DIR [--json OUT] [--limit N] [--annotator NAME]
                       [--models ...] [--fast]
    quoteattr --version

``-`` as a FILE reads standard input. The output's shape never depends on the number of
inputs: ``json`` is one Result object and takes one input; ``json-array`` is an array and
``jsonl`` one line per input, each object with its ``file``. Exit status: 0 ok, 1 when an
input (or the output file) failed - the other inputs are still processed -, 2 for usage
errors, 3 when the models cannot be loaded.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import itertools
import json
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from . import __version__, corpus
from .errors import EvaluationError, InputError, ModelError, QuoteattrError
from .extractor import Extractor
from .render import FORMATS, to_html_many, to_json, to_json_array, to_table
from .render.json import jsonl_line
from .textinput import HTML_MODES
from .types import Result

PROG = "quoteattr"
EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_MODEL = 0, 1, 2, 3
STDIN = corpus.STDIN
STDIN_NAME = corpus.STDIN_NAME
# the largest input file read, in bytes: a bigger one (or an endless one, /dev/zero) is
# refused after reading this much; --max-bytes raises it (docs/usage.md, Limits)
MAX_BYTES = corpus.MAX_BYTES


class InputFailure(Exception):
    """One input could not be read or processed; the message says what to do."""


class Terminated(BaseException):
    """SIGTERM arrived: stop as after Ctrl-C (outputs cleaned up), exit 143."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise Terminated


# ---------------------------------------------------------------------------- the parser

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Find quotations in English news text and who said them.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    ex = sub.add_parser("extract", help="find the quotes of text files",
                        description="Find the quotes of each FILE ('-' reads stdin).")
    ex.add_argument("files", nargs="+", metavar="FILE",
                    help="text file, - for stdin, or a corpus: a folder (its *.txt files), a "
                         "glob pattern, or a JSON Lines file with an id and a text per line")
    ex.add_argument("--format", "-f", choices=FORMATS, default=None,
                    help="output format (default: json; jsonl for a corpus): json is one "
                         "result object and takes one input; for several use jsonl (one "
                         "object per line, each with its file) or json-array")
    ex.add_argument("--jobs", "-j", type=_positive_int, default=1, metavar="N",
                    help="worker processes for a corpus, each loading the models once "
                         "(default: 1)")
    ex.add_argument("--resume", action="store_true",
                    help="append to OUT (-o), skipping the ids it already holds; a line cut "
                         "off by a killed run is removed first")
    ex.add_argument("--no-progress", action="store_true",
                    help="no progress bar (it shows on a terminal only)")
    ex.add_argument("--html", choices=HTML_MODES, default="auto",
                    help="HTML markup: auto (default) blanks the tags of an HTML document "
                         "and leaves plain text as it is; blank blanks tags in any text; "
                         "keep never does; error refuses markup")
    ex.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of stdout")
    ex.add_argument("--encoding", default="utf-8",
                    help="encoding of the input files (default: utf-8)")
    ex.add_argument("--max-bytes", type=_positive_int, default=MAX_BYTES, metavar="N",
                    help=f"refuse an input larger than N bytes (default: {MAX_BYTES:,}); "
                         "split bigger texts into articles")
    _model_options(ex)
    ex.set_defaults(handler=cmd_extract)

    models = sub.add_parser("models", help="show which model sets are available")
    models.set_defaults(handler=cmd_models)

    # ---- evaluate: scores the extractor on a gold corpus (quoteattr.evaluation)
    ev = sub.add_parser("evaluate", help="score quoteattr on an annotated corpus",
                        description="Score quoteattr against a gold corpus split folder.")
    ev.add_argument("--corpus", choices=("polnear",), required=True, help="corpus format")
    ev.add_argument("dir", metavar="DIR", help="the corpus split folder (e.g. polnear/dev)")
    ev.add_argument("--json", metavar="OUT", help="also write the report as JSON to OUT")
    ev.add_argument("--limit", type=_positive_int, metavar="N",
                    help="evaluate only the first N documents")
    ev.add_argument("--annotator", help="use this annotator's annotations (default: all)")
    ev.add_argument("--speakers", metavar="FILE",
                    help="also score speaker names, roles and affiliations against a "
                         "hand-labelled gold (the format of polnear/dev-speakers.json)")
    _model_options(ev)
    ev.set_defaults(handler=cmd_evaluate)
    return parser


def _model_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--models", default="bundled", metavar="bundled|stanza|DIR",
                   help="stanza models: bundled (default), stanza (official, downloaded "
                        "beforehand) or a folder of model files")
    p.add_argument("--fast", action="store_true",
                   help="regex tokens, no parse: no model needed, less accurate")
    p.add_argument("--threads", type=_positive_int, default=None, metavar="N",
                   help="threads for the models (default: the cores free when it starts; "
                        "with --jobs, divided among the workers)")
    p.add_argument("--device", choices=("cpu", "cuda"), default=None,
                   help="where the models run (default: a GPU when torch sees one)")


def _positive_int(s: str) -> int:
    try:
        n = int(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {s!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


# ---------------------------------------------------------------------------- main

def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (argparse exits 2 on usage errors)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if hasattr(args, "encoding"):
        try:
            codecs.lookup(args.encoding)
        except LookupError:
            parser.error(f"unknown encoding {args.encoding!r}; try utf-8, cp1252 or latin-1")
    if args.command == "extract" and _is_corpus(args):
        if args.format not in (None, "jsonl"):
            parser.error(f"a corpus (a folder, a glob, a .jsonl file, --jobs or --resume) is "
                         f"written as JSON Lines: drop --format {args.format} or use "
                         "--format jsonl")
        if args.resume and args.output is None:
            parser.error("--resume appends to an output file: pass -o OUT.jsonl")
        args.format = "jsonl"
    elif args.command == "extract" and args.format is None:
        args.format = "json"
    if getattr(args, "format", None) == "json" and len(args.files) > 1:
        parser.error(f"--format json writes one result object, and {len(args.files)} inputs "
                     "were given: use --format jsonl (one object per line, each with its "
                     "\"file\") or --format json-array")
    handler: Callable[[argparse.Namespace], int] = args.handler
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        return handler(args)
    except ModelError as exc:
        return _error(f"{exc} On the command line: --models stanza, --models DIR, or --fast "
                      "to run without models (see `quoteattr models`).", EXIT_MODEL)
    except (QuoteattrError, InputFailure) as exc:
        return _error(str(exc), EXIT_INPUT)
    except KeyboardInterrupt:
        return _error("interrupted", 130)
    except Terminated:
        return _error("terminated", 143)
    except BrokenPipeError:
        # the reader went away (e.g. `| head`): stop quietly, as other Unix tools do
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_INPUT
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _error(message: str, code: int) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return code


def _make_extractor(args: argparse.Namespace, html: str = "auto") -> Extractor:
    """The extractor the options ask for, its models loaded now (so that a model that cannot
    be loaded stops the run with exit 3 before any input is read)."""
    extractor = Extractor(models=args.models, mode="fast" if args.fast else "full",
                          threads=getattr(args, "threads", None),
                          html=getattr(args, "html", html), device=args.device)
    extractor.load()
    return extractor


# ---------------------------------------------------------------------------- extract

def _is_corpus(args: argparse.Namespace) -> bool:
    return args.jobs > 1 or args.resume or any(corpus.is_corpus_input(f) for f in args.files)


def cmd_extract(args: argparse.Namespace) -> int:
    if _is_corpus(args):
        return cmd_extract_corpus(args)
    _refuse_overwriting_an_input(args.output, args.files)
    extractor = _make_extractor(args)  # ModelError -> exit 3 before any input is read
    failed = False
    done: list[tuple[str, Result, str]] = []
    with _Output(args.output, streamed=args.format in ("jsonl", "table")) as out:
        for name, outcome in _process(args.files, args.encoding, extractor, args.max_bytes):
            if isinstance(outcome, InputFailure):
                failed = True
                _error(str(outcome), EXIT_INPUT)
                continue
            result, text = outcome
            done.append((name, result, text))
            _write_streamed(out, args.format, name, result, len(args.files))
        _write_collected(out, args.format, done, len(args.files))
        out.commit()
    return EXIT_INPUT if failed else EXIT_OK


def cmd_extract_corpus(args: argparse.Namespace) -> int:
    """A corpus to JSON Lines, one record per article as it is done (quoteattr.corpus)."""
    _refuse_overwriting_an_input(args.output, args.files)
    skip = corpus.done_ids(args.output) if args.resume else set()
    records = corpus.extract_corpus(
        corpus.articles(args.files, args.encoding, args.max_bytes), jobs=args.jobs,
        models=args.models, mode="fast" if args.fast else "full", html=args.html,
        threads=args.threads, device=args.device, skip=skip)
    failed = False
    with contextlib.ExitStack() as stack:
        if args.resume:  # in place, so that a killed run can be resumed again
            out: Any = stack.enter_context(open(args.output, "a", encoding="utf-8"))
        else:  # a temporary file put in place at the end: an old output survives a failure
            out = stack.enter_context(_Output(args.output, streamed=True))
        for record in _progress_records(records, args.no_progress):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
            if "error" in record:
                failed = True
                message = record["error"]
                _error(message if message.startswith(record["id"]) else
                       f"{record['id']}: {message}", EXIT_INPUT)
        if not args.resume:
            out.commit()
    return EXIT_INPUT if failed else EXIT_OK


def _progress_records(records: Iterator[dict[str, Any]], off: bool
                      ) -> Iterator[dict[str, Any]]:
    """The records, with a progress bar of articles and words per second on a terminal."""
    if off or not sys.stderr.isatty():
        yield from records
        return
    import time

    from tqdm import tqdm

    words, start = 0, time.monotonic()
    with tqdm(file=sys.stderr, unit=" articles", desc=PROG) as bar:
        for record in records:
            words += record.get("words", 0)
            bar.update()
            bar.set_postfix_str(f"{words / max(time.monotonic() - start, 1e-9):,.0f} words/s",
                                refresh=False)
            yield record


def _refuse_overwriting_an_input(output: str | None, files: Sequence[str]) -> None:
    """-o naming one of the inputs would destroy it: refuse before reading anything."""
    if output is None or output == STDIN:
        return
    target = Path(output)
    for f in files:
        if f == STDIN:
            continue
        same = Path(f).resolve() == target.resolve()
        with contextlib.suppress(OSError):
            same = same or (target.exists() and os.path.samefile(f, target))
        if same:
            raise InputFailure(f"the output file {output} is also an input; write the results "
                               "to another file (-o quotes.json)")


def _process(files: Sequence[str], encoding: str, extractor: Extractor,
             max_bytes: int = MAX_BYTES) -> Iterator[tuple[str, InputFailure | tuple[Result, str]]]:
    """(name, (result, text)) per file in order, or (name, InputFailure) for a bad one."""
    for path in _progress(files):
        name = STDIN_NAME if path == STDIN else path
        try:
            text = read_text(path, encoding, max_bytes)
            yield name, (extractor.extract(text), text)
        except InputFailure as exc:
            yield name, exc
        except ModelError:
            raise
        except QuoteattrError as exc:
            yield name, InputFailure(f"{name}: {exc}")
        except Exception as exc:  # a bug: report it, and go on with the other files
            yield name, InputFailure(f"{name}: internal error ({type(exc).__name__}: {exc}); "
                                     "please report it with the file attached")


def _progress(files: Sequence[str]) -> Iterator[str]:
    if len(files) <= 1 or not sys.stderr.isatty():
        yield from files
        return
    from tqdm import tqdm

    yield from tqdm(files, file=sys.stderr, unit="file", desc=PROG, leave=False)


def read_text(path: str, encoding: str, max_bytes: int = MAX_BYTES) -> str:
    """The decoded text of a file (``-``: stdin), of at most ``max_bytes`` bytes (more is
    never read); InputFailure says what went wrong (see :func:`corpus.read_text`)."""
    try:
        return corpus.read_text(path, encoding, max_bytes)
    except InputError as exc:
        raise InputFailure(str(exc)) from None


class _Output:
    """Where the results go, and never at the cost of data: standard output, or a file that
    is written as a temporary file beside it and renamed over it by :meth:`commit`, once
    there is something to write. An interrupted or failed run leaves the old file as it
    was; streamed formats (jsonl, table) flush each finished input, so :meth:`commit` also
    runs for them when the run is cut short after some results."""

    def __init__(self, path: str | None, streamed: bool) -> None:
        self.path = path
        self.streamed = streamed
        self._handle: IO[str] | None = None
        self._tmp: Path | None = None
        if path is not None and not Path(path).parent.resolve().is_dir():
            raise InputFailure(f"cannot write the output file {path}: its folder does not "
                               "exist")

    def __enter__(self) -> _Output:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._handle is not None and self._tmp is not None:
            self._handle.close()
            if exc[0] is not None and self._tmp.exists():
                # cut short: keep the finished results of streamed formats, else the old file
                if self._tmp.stat().st_size > 0 and self.streamed:
                    os.replace(self._tmp, self.path)  # type: ignore[arg-type]
                else:
                    self._tmp.unlink()
            self._handle = None

    def write(self, text: str) -> int:
        return self._open().write(text)

    def flush(self) -> None:
        if self._handle is not None:
            self._handle.flush()

    def isatty(self) -> bool:
        return self.path is None and sys.stdout.isatty()

    def _open(self) -> IO[str]:
        if self.path is None:
            return sys.stdout
        if self._handle is None:
            target = Path(self.path)
            self._tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            try:
                self._handle = open(self._tmp, "w", encoding="utf-8",  # noqa: SIM115
                                    newline="\n")
            except OSError as exc:
                raise InputFailure(f"cannot write the output file {self.path} "
                                   f"({exc.strerror or exc}); check that its folder is "
                                   "writable") from None
        return self._handle

    def commit(self) -> None:
        """Put the written results in place (nothing written: the old file stays)."""
        if self._handle is None or self._tmp is None:
            return
        self._handle.close()
        self._handle = None
        os.replace(self._tmp, self.path)  # type: ignore[arg-type]


def _write_streamed(out: _Output, fmt: str, name: str, result: Result, n_inputs: int) -> None:
    """jsonl and table are written file by file, as each result arrives."""
    if fmt == "jsonl":
        out.write(jsonl_line(name, result))
    elif fmt == "table":
        if n_inputs > 1:
            out.write(f"== {name} ==\n")
        out.write(to_table(result, width=_table_width(out)))
        if n_inputs > 1:
            out.write("\n")
    else:
        return
    out.flush()


def _write_collected(out: _Output, fmt: str, done: list[tuple[str, Result, str]],
                     n_inputs: int) -> None:
    """json and html are one document for all inputs, written at the end."""
    if fmt == "json" and done:
        out.write(to_json(done[0][1]) + "\n")  # one input: main() refuses more
    elif fmt == "json-array" and done:  # nothing done: an old output file stays
        out.write(to_json_array((name, result) for name, result, _ in done) + "\n")
    elif fmt == "html" and done:
        title = done[0][0] if n_inputs == 1 else PROG
        out.write(to_html_many(done, title=title))


def _table_width(out: _Output) -> int | None:
    """The terminal's width when writing to it; a wide fixed width for files and pipes."""
    return None if out.isatty() else 120


# ---------------------------------------------------------------------------- models

def cmd_models(args: argparse.Namespace) -> int:
    """Print each model set, where it is looked for and whether it is there."""
    from .nlp import models

    bundled = models.bundled_dir()
    missing = [models.FILES[p] for p in models.PROCESSORS
               if not (bundled / models.FILES[p]).is_file()]
    state = "ok" if not missing else f"missing {', '.join(missing)}"
    print(f"bundled  {bundled}  {state}")
    resources = models.stanza_resources_dir()
    has_en = (resources / "resources.json").is_file() and (resources / "en").is_dir()
    state = "ok (English models found)" if has_en else \
        "no English models (download once with: python -c \"import stanza; " \
        "stanza.download('en')\")"
    print(f"stanza   {resources}  {state}")
    print("fast     (no models)  ok")
    return EXIT_OK


# ---------------------------------------------------------------------------- evaluate

def cmd_evaluate(args: argparse.Namespace) -> int:
    """Score the extractor on a gold corpus with quoteattr.evaluation."""
    evaluation = _evaluation_module()
    if not Path(args.dir).is_dir():
        raise InputFailure(f"corpus folder {args.dir} does not exist; pass a split folder "
                           "such as polnear/dev")
    gold_speakers = None
    if args.speakers:
        try:
            gold_speakers = evaluation.read_speakers(args.speakers)
        except EvaluationError as exc:
            raise InputFailure(str(exc)) from None
    # PolNeAR's texts embed markup (<tweet .../> tags): blanked wherever it stands
    extractor = _make_extractor(args, html="blank")
    docs: Any = evaluation.read_corpus(args.dir, annotator=args.annotator)
    if args.limit is not None:
        docs = itertools.islice(docs, args.limit)
    try:
        report = evaluation.evaluate(docs, extractor.extract)
    except EvaluationError as exc:
        raise InputFailure(f"{args.dir}: {exc}") from None
    print(report.table())
    scores = None
    if gold_speakers is not None:
        scores = evaluation.score_speakers(gold_speakers, report.predictions)
        print("\nspeaker names and roles (quotes of the speakers file that were found):")
        print(scores.table())
        for e in scores.errors:
            print(f"  {'/'.join(e.wrong):22} {e.doc[:40]:40} gold {e.gold_name!r} "
                  f"{e.gold_role!r}, got {e.name!r} {e.role!r}")
    if args.json:
        try:
            if scores is None:
                report.write_json(args.json)
            else:
                out = {**report.to_dict(), "speakers": scores.to_dict()}
                Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=1)
                                           + "\n", encoding="utf-8")
        except OSError as exc:
            raise InputFailure(f"cannot write {args.json} ({exc.strerror or exc})") from None
    return EXIT_OK


def _evaluation_module() -> Any:
    try:
        from . import evaluation
    except ImportError as exc:
        raise InputFailure(f"the evaluation module cannot be imported ({exc}); reinstall "
                           "quoteattr") from None
    for needed in ("read_corpus", "evaluate"):
        if not hasattr(evaluation, needed):
            raise InputFailure(f"quoteattr.evaluation has no {needed}() in this version; "
                               "update quoteattr")
    return evaluation


if __name__ == "__main__":
    sys.exit(main())
