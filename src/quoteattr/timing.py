"""Where the time goes: seconds per pipeline stage, recorded only when asked for.

The extractor marks each stage with :func:`stage`; nothing is recorded (and almost nothing
is spent) unless the caller runs it inside :func:`recording`::

    with timing.recording() as seconds:
        extractor.extract(text)
    print(seconds)   # {"clean": ..., "parse": ..., "cues": ..., "candidates": ..., ...}

``benchmarks/stages.py`` uses it to show that every stage grows linearly with the text.
Recording is per thread (a context variable), so concurrent extractions do not mix.
"""

from __future__ import annotations

import contextlib
import contextvars
import time
from collections.abc import Iterator

__all__ = ["STAGES", "recording", "stage"]

#: the stages the extractor marks, in the order they run
STAGES = ("clean", "parse", "cues", "candidates", "mentions", "speakers", "filter", "coref",
          "confidence", "names")

_seconds: contextvars.ContextVar[dict[str, float] | None] = contextvars.ContextVar(
    "quoteattr_stage_seconds", default=None)


@contextlib.contextmanager
def stage(name: str) -> Iterator[None]:
    """Add the time the block takes to stage ``name``, when recording."""
    seconds = _seconds.get()
    if seconds is None:
        yield
        return
    began = time.perf_counter()
    try:
        yield
    finally:
        seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - began


@contextlib.contextmanager
def recording() -> Iterator[dict[str, float]]:
    """Record the seconds of each stage run inside the block into the dict it yields."""
    seconds: dict[str, float] = {}
    token = _seconds.set(seconds)
    try:
        yield seconds
    finally:
        _seconds.reset(token)
