"""Renderers of a :class:`quoteattr.Result`: JSON, JSON Lines, a plain-text table and HTML.

>>> from quoteattr.render import to_json, to_table, to_html   # doctest: +SKIP

Each function returns a ``str``; none needs a dependency beyond the standard library.
"""

from __future__ import annotations

from .html import to_html, to_html_many
from .json import to_json, to_json_array, to_json_many, to_jsonl
from .table import to_table

#: ``json``: one input's Result object (one input only); ``json-array``: an array of
#: ``{"file": ..., **result}`` objects, one per input; ``jsonl``: the same objects one per
#: line; ``table``: plain text; ``html``: one page. No shape depends on the number of inputs.
FORMATS: tuple[str, ...] = ("json", "json-array", "jsonl", "table", "html")

__all__ = ["FORMATS", "to_html", "to_html_many", "to_json", "to_json_array", "to_json_many",
           "to_jsonl",
           "to_table"]
