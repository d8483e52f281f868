"""Input checks and cleaning that never move an offset.

* Text with NUL bytes or mostly control characters is binary: :class:`InputError`.
* HTML handling is an explicit choice (``html``):

  - ``"auto"`` (default): a text that *is* an HTML document (it opens with a tag, a
    ``<!DOCTYPE>`` or ``<html>``, and holds markup) is blanked; plain text is plain text,
    so a literal ``<b>`` or ``a < b`` in an article stays, and its words stay in the quotes;
  - ``"blank"``: markup anywhere is blanked (an HTML fragment pasted into text);
  - ``"keep"``: nothing is blanked;
  - ``"error"``: markup raises :class:`InputError`.

  Blanking makes every tag spaces of the same length (block-level tags end the paragraph
  with a newline), ``<script>``/``<style>`` bodies too, so quotes found in the cleaned text
  have offsets into the caller's original string. Only markup is blanked: the words between
  the tags are all kept.
"""

from __future__ import annotations

import regex

from .errors import InputError

_TAG = regex.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b[^<>]{0,2000}?/?>|<!--.{0,100000}?-->"
                     r"|<![A-Za-z][^<>]{0,2000}>|<\?[A-Za-z][^<>]{0,2000}\?>", regex.S)
_SCRIPT = regex.compile(r"<(script|style)\b[^<>]{0,2000}>.{0,1000000}?</\1\s*>", regex.S | regex.I)
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
          "table", "blockquote", "section", "article", "header", "footer", "title", "hr"}
_HTML_HINT = regex.compile(r"</?(?:html|body|p|div|span|a|br|script|style|head|h[1-6]|li|"
                           r"blockquote|em|strong|b|i)\b[^<>]{0,2000}>", regex.I)


# any tag with an attribute (<tweet author="x" tweet_id="1">) or self-closing (<tweet/>)
_ATTR_TAG = regex.compile(r"<[A-Za-z][\w-]{0,30}(?:\s+[\w-]{1,40}=\"[^\"<>]{0,2000}\")+\s*/?>"
                          r"|<[A-Za-z][\w-]{0,30}\s*/>")


def looks_like_html(text: str) -> bool:
    """Whether the text carries markup: common HTML tags, or any tag with attributes."""
    head = text[:200000]
    return len(_HTML_HINT.findall(head)) >= 2 or "<html" in text[:2000].lower() or \
        _ATTR_TAG.search(head) is not None


def check_binary(text: str) -> None:
    if "\x00" in text:
        raise InputError("the text contains NUL characters: it looks like a binary file. "
                         "Pass the article's text (extract it from PDF/Word first).")
    sample = text[:100000]
    if sample:
        ctrl = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
        if ctrl > max(5, len(sample) // 100):
            raise InputError(f"the text has {ctrl} control characters in its first "
                             f"{len(sample)}: it looks like binary data, not an article.")


def _mark_entity(m: regex.Match[str]) -> str:
    """A quotation-mark entity becomes the mark plus spaces, the mark on the side of the
    word it belongs to (``&quot;We`` -> ``     "We``; ``win,&quot; `` -> ``win,"     ``)."""
    ent = m.group(0)
    mark = {"&ldquo;": "“", "&#8220;": "“", "&rdquo;": "”", "&#8221;": "”"}.get(ent, '"')
    pad = " " * (len(ent) - 1)
    after = m.string[m.end():m.end() + 1]
    opens = bool(after) and not after.isspace() and after not in ",.;:!?"
    return pad + mark if opens else mark + pad


HTML_MODES = ("auto", "blank", "keep", "error")
_DOCUMENT_START = regex.compile(r"\s*(?:\ufeff)?\s*<(?:!doctype\b|html\b|!--|[a-z][a-z0-9]*[\s>/])",
                                regex.I)


def is_html_document(text: str) -> bool:
    """Whether ``text`` is an HTML document or fragment rather than plain text: it opens
    with a tag (``<!DOCTYPE``, ``<html>``, ``<p>``, a comment ...) and carries markup."""
    return _DOCUMENT_START.match(text[:2000]) is not None and looks_like_html(text)


def clean_text(text: str, html: str = "auto") -> str:
    """The text to parse: same length as ``text``, offsets unchanged (see the module
    docstring for ``html``)."""
    check_binary(text)
    if html == "keep" or "<" not in text or not looks_like_html(text):
        return text
    if html == "auto" and not is_html_document(text):
        return text
    if html == "error":
        raise InputError("the text contains HTML markup. Pass plain text, or use "
                         "Extractor(html='blank') to blank the tags (offsets stay valid).")

    def blank(m: regex.Match[str]) -> str:
        s = m.group(0)
        name = (m.group(2) or "").lower() if m.lastindex and m.lastindex >= 2 else ""
        filler = "".join("\n" if ch == "\n" else " " for ch in s)
        if name in _BLOCK and len(s) >= 2:
            filler = "\n" + filler[1:-1] + "\n"
        return filler

    out = _SCRIPT.sub(lambda m: "".join("\n" if c == "\n" else " " for c in m.group(0)), text)
    out = _TAG.sub(blank, out)
    # common entities keep their length as spaces but quotation-mark entities become marks
    out = regex.sub(r"&(?:quot|#34|#x22|ldquo|rdquo|#8220|#8221);", _mark_entity, out)
    out = regex.sub(r"&(?:amp|nbsp|#\d{1,6}|[a-z]{2,8});", lambda m: " " * len(m.group(0)), out)
    assert len(out) == len(text)
    return out
