import pytest

from quoteattr.errors import InputError, QuoteattrError
from quoteattr.textinput import clean_text


def test_plain_text_is_untouched() -> None:
    text = 'He said "a < b" and left.'
    assert clean_text(text) is text


def test_html_tags_are_blanked_without_moving_offsets() -> None:
    html = '<html><body><p>&quot;We will win,&quot; <b>Smith</b> said.</p></body></html>'
    out = clean_text(html)
    assert len(out) == len(html)
    assert "<" not in out and ">" not in out
    k = html.index("Smith")
    assert out[k:k + 5] == "Smith"
    k = html.index("&quot;")
    # the opening mark sits next to the word it opens
    assert out[k:k + 6] == '     "'


def test_html_can_be_refused() -> None:
    with pytest.raises(InputError, match="HTML"):
        clean_text("<p>one</p><p>two</p>", html="error")


def test_binary_is_refused_with_a_clear_error() -> None:
    with pytest.raises(QuoteattrError, match="binary"):
        clean_text("abc\x00def")
    with pytest.raises(InputError):
        clean_text("".join(chr(i % 31 + 1) for i in range(5000)))


def test_embedded_tags_with_attributes_are_markup() -> None:
    # PolNeAR keeps embedded tweets as pseudo-tags; their attribute values are not text
    text = ('Warren spoke.<tweet author="carlquintanilla" tweet_id="77">The arrow is '
            'Warren.</tweet> "We won," she said.<tweet/>')
    assert clean_text(text) is text  # "auto": plain text with tags in it is plain text
    out = clean_text(text, html="blank")
    assert len(out) == len(text)
    assert "carlquintanilla" not in out and "<tweet" not in out
    assert "The arrow is Warren." in out and '"We won," she said.' in out


def test_plain_text_is_plain_text_whatever_it_holds() -> None:
    # a literal <b> in a plain-text article stays, and so do its words
    text = 'The memo said "use <b>bold</b> for <i>titles</i>," Ana Ruiz said.'
    assert clean_text(text) is text
    assert clean_text(text, html="keep") is text
    blanked = clean_text(text, html="blank")
    assert "<b>" not in blanked and "bold" in blanked and len(blanked) == len(text)


def test_an_html_document_is_blanked_in_auto_mode() -> None:
    for page in ("<!DOCTYPE html><html><body><p>Hi <b>there</b></p></body></html>",
                 "  <p>One</p>\n<p>Two <em>three</em></p>",
                 "<html><head><title>x</title></head><body>y</body></html>"):
        out = clean_text(page)
        assert "<" not in out and len(out) == len(page), page
    # "keep" keeps even a document
    page = "<p>One</p><p>Two</p>"
    assert clean_text(page, html="keep") is page
