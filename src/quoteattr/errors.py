"""The one exception hierarchy of quoteattr. Every message says what to do next."""

from __future__ import annotations


class QuoteattrError(Exception):
    """Base class of every error quoteattr raises on purpose."""


class InputError(QuoteattrError, ValueError):
    """The input cannot be read as text (not UTF-8, binary, wrong type)."""


class ModelError(QuoteattrError):
    """A stanza model is missing, corrupt or cannot be loaded."""


class ConllUError(QuoteattrError, ValueError):
    """A CoNLL-U document cannot be turned into a document view."""


class EvaluationError(QuoteattrError):
    """An evaluation corpus is missing or malformed."""


class LexiconError(QuoteattrError):
    """A word list in ``quoteattr/lexicons/`` is malformed (a bad row, an unknown value)."""


class ResultError(QuoteattrError, ValueError):
    """A result, quote or speaker value (or its dict or JSON) is malformed: an offset that is
    negative or reversed, an unknown kind or type, a confidence outside [0, 1]."""


class DocumentError(QuoteattrError, ValueError):
    """A document view is malformed: a head out of range or a cycle in the tree."""


class SnapshotError(QuoteattrError, ValueError):
    """The pytest plugin's ``quote_snapshot`` was given a bad name or something that is not
    a quoteattr result."""


class OptionError(QuoteattrError, ValueError):
    """An option has a value it cannot take (``Extractor(mode="slow")``, ``threads=0``)."""
