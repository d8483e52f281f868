"""Sentence-boundary repairs on stanza's tokenizer output.

The bundled tokenizer, trained on UD English EWT (web text with few courtesy titles), ends a
sentence after ``Mr.`` in about one New York Times sentence in a hundred ("Mr." | "Clarke said
..."), which leaves the cue without its subject. :func:`join_abbreviation_splits` is given to
stanza as the tokenizer's postprocessor (``tokenize_postprocessor``): a sentence that ends on a
courtesy title, a short military or political title, or a single initial, and is followed by a
capitalised word, is joined to the next one. Offsets are recomputed by stanza against the raw
text, so nothing moves.
"""

from __future__ import annotations

import functools
from typing import Any

from .. import lexicons


@functools.cache
def _abbreviations() -> frozenset[str]:
    """Courtesy titles with a dot and the abbreviated titles that always precede a name
    (never end a sentence)."""
    return frozenset({h for h in lexicons.honorifics() if h.endswith(".")} |
                     lexicons.words("abbreviated_title"))


def _text(token: Any) -> str:
    """A token of stanza's postprocessor format: a string, or (string, is_mwt)."""
    return token[0] if isinstance(token, tuple) else str(token)


def _ends_on_abbreviation(sentence: list[Any]) -> bool:
    if not sentence:
        return False
    last = _text(sentence[-1])
    if last.lower() in _abbreviations():
        return True
    if last == "." and len(sentence) >= 2 and \
            _text(sentence[-2]).lower() + "." in _abbreviations():
        return True  # the tokenizer split the dot off: "Sen" "."
    return len(last) == 2 and last[0].isupper() and last[1] == "."  # an initial: "George H."


def abbreviation_before_dot(word: str) -> bool:
    """Whether ``word``, followed by a dot, is a courtesy or short title ("Mr", "Sen") or an
    initial ("G", "G.K"): the dot ends no sentence."""
    return (word.lower() + ".") in _abbreviations() or (
        word[:1].isupper() and all(part.isupper() and len(part) == 1
                                   for part in word.split(".")))


def join_abbreviation_splits(sentences: list[list[Any]]) -> list[list[Any]]:
    """Sentences of tokens with the false breaks after titles and initials removed."""
    out: list[list[Any]] = []
    for sentence in sentences:
        if out and sentence and _ends_on_abbreviation(out[-1]) and \
                _text(sentence[0])[:1].isupper():
            out[-1] = out[-1] + sentence
        else:
            out.append(list(sentence))
    return out
