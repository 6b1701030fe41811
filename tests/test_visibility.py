"""Hidden elements: what the page hides from readers is dropped before the body is found."""

from __future__ import annotations

from lxml import html

from scraper import extract_article
from scraper.extract.visibility import drop_hidden, is_control, is_hidden

STORY = "".join(
    f"<p>Paragraph {n} of the story: the council approved the budget for the new library after a long "
    f"debate about opening hours, staffing and the cost of heating the old building in winter.</p>"
    for n in range(6)
)


def _element(markup: str) -> html.HtmlElement:
    return html.fragment_fromstring(markup)


def test_hidden_attribute_and_inline_styles_hide() -> None:
    assert is_hidden(_element("<div hidden>menu</div>"))
    assert is_hidden(_element("<div style='display:none'>menu</div>"))
    assert is_hidden(_element("<div style='color: red; DISPLAY : none !important'>menu</div>"))
    assert is_hidden(_element("<div style='visibility: hidden'>menu</div>"))


def test_visible_styles_and_aria_hidden_do_not_hide() -> None:
    # aria-hidden hides from screen readers only: sighted readers see the text (metered paywalls
    # mark story paragraphs this way).
    assert not is_hidden(_element("<p aria-hidden='true'>a story paragraph</p>"))
    assert not is_hidden(_element("<div style='display:block'>shown</div>"))
    assert not is_hidden(_element("<div style='border-style: none'>shown</div>"))


def test_drop_hidden_keeps_tails_and_nested_drops_once() -> None:
    tree = html.document_fromstring(
        f"<html><body><article>{STORY}<div hidden>Sign in <span style='display:none'>x</span></div>"
        "tail text stays</article></body></html>"
    )
    assert drop_hidden(tree) == 1
    text = tree.text_content()
    assert "Sign in" not in text and "tail text stays" in text


def test_hidden_element_holding_most_of_the_page_is_kept() -> None:
    # The story itself waiting for a script to show it is still the story.
    tree = html.document_fromstring(f"<html><body><div style='display:none'>{STORY}</div></body></html>")
    assert drop_hidden(tree) == 0
    assert "Paragraph 5" in tree.text_content()


def test_hidden_dialog_text_is_not_body() -> None:
    dialog = ("<div class='modal' style='display: none'><p>Thanks for reading! Create a free account "
              "to keep reading this story and get our daily newsletter with the best of our "
              "reporting delivered to your inbox every morning.</p></div>")
    page = f"<html><body><article><h1>Library budget approved</h1>{STORY}{dialog}</article></body></html>"
    record = extract_article(page, "https://example.com/news/library")
    assert "Paragraph 5 of the story" in record["body"]
    assert "Create a free account" not in record["body"]


def test_controls_are_not_body() -> None:
    # A media player's settings menus and a closed dialog inside the story: labels, not prose.
    player = ("<div class='player'><div role='menuitem'><div role='presentation'><ul role='menu'>"
              "<li role='menuitemcheckbox' aria-checked='true'>subtitles off<span>, selected</span></li>"
              "</ul></div><span>Chapters</span></div>"
              "<div role='dialog' aria-hidden='true'><p>This is a modal window.</p></div></div>")
    half = len(STORY) // 2
    page = (f"<html><body><article><h1>Library budget approved</h1>{STORY[:half]}{player}{STORY[half:]}"
            "</article></body></html>")
    body = extract_article(page, "https://example.com/news/library")["body"]
    assert "Paragraph 5 of the story" in body
    assert "subtitles off" not in body and "modal window" not in body


def test_buttons_tabs_and_open_dialogs_are_not_controls() -> None:
    # Accordions and tabbed boxes label the story's own sections with buttons and tabs.
    assert not is_control(_element("<h2 role='button'>What happens next?</h2>"))
    assert not is_control(_element("<div role='tab'>Results</div>"))
    assert not is_control(_element("<div role='dialog'>an article opened in a modal</div>"))
    assert is_control(_element("<div role='dialog' aria-hidden='true'>closed</div>"))
    assert is_control(_element("<ul role=' Menu '><li>Settings</li></ul>"))


def test_a_control_holding_most_of_the_page_is_kept() -> None:
    tree = html.document_fromstring(f"<html><body><div role='listbox'>{STORY}</div></body></html>")
    assert drop_hidden(tree) == 0
    assert "Paragraph 5" in tree.text_content()
