"""Renderers of a :class:`quoteattr.Result`: JSON, JSON Lines, a plain-text table and HTML.

>>> from quoteattr.render import to_json, to_table, to_html   # doctest: +SKIP

Each function returns a ``str``; none needs a dependency beyond the standard library.
"""

from __future__ import annotations

from .html import to_html, to_html_many
from .json import to_json, to_json_many, to_jsonl
from .table import to_table

FORMATS: tuple[str, ...] = ("json", "jsonl", "table", "html")

__all__ = ["FORMATS", "to_html", "to_html_many", "to_json", "to_json_many", "to_jsonl",
           "to_table"]
