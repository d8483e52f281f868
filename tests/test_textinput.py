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
    out = clean_text(text)
    assert len(out) == len(text)
    assert "carlquintanilla" not in out and "<tweet" not in out
    assert "The arrow is Warren." in out and '"We won," she said.' in out
