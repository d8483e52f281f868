"""The HTML view as a browser shows it: the founding article in headless Chromium (Selenium).

Needs the Python package ``selenium`` and the ``chromium`` and ``chromedriver`` programs (on
Debian: ``apt-get install chromium chromium-driver``); skipped without them. With
``QUOTEATTR_SCREENSHOT=1`` the view is saved to ``docs/img/html-view.png``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quoteattr.render import to_html
from quoteattr.render.html import NEUTRAL, speaker_rows
from quoteattr.types import Quote, Result, Span, Speaker

REPO = Path(__file__).resolve().parent.parent
SCREENSHOT = REPO / "docs" / "img" / "html-view.png"
WINDOW = (960, 1280)  # CSS pixels, at a device scale factor of 1


def _programs() -> tuple[str, str]:
    """Chromium and its driver, or a skip that says what to install."""
    browser = next((p for p in (shutil.which(n) for n in ("chromium", "chromium-browser",
                                                           "google-chrome")) if p), None)
    driver = shutil.which("chromedriver")
    if browser is None or driver is None:
        missing = [n for n, p in (("chromium", browser), ("chromedriver", driver)) if p is None]
        pytest.skip(f"{' and '.join(missing)} not found on PATH: install them "
                    "(Debian: apt-get install chromium chromium-driver)")
    return browser, driver


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium driven by Selenium, closed at the end of the module."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("the selenium package is not installed: pip install selenium")
    binary, driver_path = _programs()
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--force-device-scale-factor=1", "--hide-scrollbars",
                f"--window-size={WINDOW[0]},{WINDOW[1]}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_window_size(*WINDOW)
    try:
        yield driver
    finally:
        driver.quit()


def _open(browser: Any, page: str, tmp_path: Path) -> None:
    path = tmp_path / "view.html"
    path.write_text(page, encoding="utf-8")
    browser.get(path.as_uri())


def _by_css(browser: Any, selector: str) -> list[Any]:
    from selenium.webdriver.common.by import By

    return list(browser.find_elements(By.CSS_SELECTOR, selector))


def _mark(browser: Any, q: Quote) -> Any:
    marks = _by_css(browser, f'mark[data-start="{q.start}"][data-end="{q.end}"]')
    assert len(marks) == 1, q
    return marks[0]


def _quotes_of(result: Result, name: str) -> list[Quote]:
    return [q for q in result.quotes if q.speaker is not None and q.speaker.name == name]


def test_the_founding_article_as_shown(browser: Any, founding_result: Result,
                                       founding_text: str, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    result = founding_result
    _open(browser, to_html(result, founding_text, title="founding_article.txt"), tmp_path)

    # the speaker table, most quoted first, shows Netanyahu and his number of quotes
    table = _by_css(browser, "table.speakers")[0]
    assert table.is_displayed() and "Benjamin Netanyahu" in table.text
    rows = {r.find_element(By.TAG_NAME, "td").text: r
            for r in _by_css(browser, "table.speakers tbody tr")}
    netanyahu = _quotes_of(result, "Benjamin Netanyahu")
    cells = [c.text for c in rows["Benjamin Netanyahu"].find_elements(By.TAG_NAME, "td")]
    assert cells[:4] == ["Benjamin Netanyahu", "Prime Minister", "Israel", str(len(netanyahu))]
    shown = [int(r.find_elements(By.TAG_NAME, "td")[3].text) for r in rows.values()]
    assert shown == sorted(shown, reverse=True) and sum(shown) == len(result.quotes)

    # the legend is displayed and names every speaker of the table
    legend = _by_css(browser, "ul.legend")[0]
    assert legend.is_displayed()
    assert all(name in legend.text for name in rows)

    # the label after each quote is displayed, next to the quote's end
    for q in netanyahu:
        mark = _mark(browser, q)
        label = mark.find_element(By.XPATH, "following::span[contains(@class, 'label')][1]")
        assert label.is_displayed() and label.text == "Benjamin Netanyahu · Prime Minister"
        top, bottom = mark.rect["y"], mark.rect["y"] + mark.rect["height"]
        assert top <= label.rect["y"] + label.rect["height"] / 2 <= bottom + 4, (mark.rect,
                                                                                 label.rect)
    assert len([la for la in _by_css(browser, "article span.label") if la.is_displayed()]) \
        == len(result.quotes)

    # one colour per speaker: the same for all its quotes, its label and its legend swatch
    def background(el: Any) -> str:
        return str(el.value_of_css_property("background-color"))

    austin = _quotes_of(result, "Lloyd Austin")
    assert netanyahu and austin
    colour_n = background(_mark(browser, netanyahu[0]))
    colour_a = background(_mark(browser, austin[0]))
    assert colour_n != colour_a
    assert {background(_mark(browser, q)) for q in netanyahu} == {colour_n}
    first = speaker_rows(result)[0]
    swatch = _by_css(browser, f"ul.legend .swatch.{first.css_class}")[0]
    assert swatch.is_displayed() and background(swatch) == background(
        _by_css(browser, f"mark.{first.css_class}")[0])

    if os.environ.get("QUOTEATTR_SCREENSHOT") == "1":
        browser.execute_script("window.scrollTo(0, 0)")
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        assert browser.save_screenshot(str(SCREENSHOT))


def test_unattributed_quotes_are_grey_and_in_the_legend(browser: Any, tmp_path: Path) -> None:
    text = '"Yes," said Ann Lee. Officials said taxes would rise.'
    ann = Speaker("Ann Lee", Span("Ann Lee", 12, 19), "mayor", None, "PERSON")
    result = Result((Quote("Yes", 1, 4, "direct", Span("said", 7, 11), ann, 0.9),
                     Quote("taxes would rise", 36, 52, "indirect", Span("said", 31, 35))))
    _open(browser, to_html(result, text), tmp_path)
    legend = _by_css(browser, "ul.legend")[0]
    assert legend.is_displayed() and "unattributed" in legend.text
    grey = "rgba({}, {}, {}, 1)".format(*(int(NEUTRAL[k:k + 2], 16) for k in (1, 3, 5)))
    assert _mark(browser, result.quotes[1]).value_of_css_property("background-color") == grey
    assert _mark(browser, result.quotes[0]).value_of_css_property("background-color") != grey
    labels = [la.text for la in _by_css(browser, "article span.label") if la.is_displayed()]
    assert labels == ["Ann Lee · mayor", "unattributed"]
