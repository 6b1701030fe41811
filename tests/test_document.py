"""Copied page text becomes a tree: lists, continued list items, figures from alt + caption lines; deep
markup is cut."""

from __future__ import annotations

import pytest
from lxml import etree, html

from scraper.extract.document import MAX_DEPTH, limit_depth, parse_document, parse_html, text_to_tree
from scraper.extract.text import clean_text

ALT = "North Korean leader Kim Jong Un"
CAPTION = (
    "North Korean leader Kim Jong Un in Pyongyang, North Korea, on December 30, 2022."
    "Korean Central News Agency/Korea News Service via AP"
)


def test_bullet_runs_become_lists_and_lines_paragraphs() -> None:
    tree = text_to_tree(
        "Headline\n\n  • First point of the story.\n\n  • Second point.\nBody line."
    )
    assert [clean_text(li.text_content()) for li in tree.iter("li")] == [
        "First point of the story.",
        "Second point.",
    ]
    assert [p.text for p in tree.iter("p")] == ["Headline", "Body line."]


def test_indented_lines_continue_the_bullet_item() -> None:
    tree = text_to_tree("  • S&P 500\n\n    -61.59 (-1.20%)\n  • DOW\n\n    -248.13 (-0.65%)\nNext")
    assert [clean_text(li.text_content()) for li in tree.iter("li")] == [
        "S&P 500 -61.59 (-1.20%)",
        "DOW -248.13 (-0.65%)",
    ]


def test_alt_line_and_caption_with_credit_become_a_figure() -> None:
    tree = text_to_tree(f"Headline\n\n{ALT}\n{CAPTION}\nBody paragraph.")
    figures = list(tree.iter("figure"))
    assert len(figures) == 1
    assert figures[0].find(".//img").get("alt") == ALT
    assert figures[0].findtext(".//figcaption") == CAPTION
    assert [p.text for p in tree.iter("p")] == ["Headline", "Body paragraph."]


def test_prefix_line_without_credit_is_not_a_figure() -> None:
    tree = text_to_tree("Apple\nApple said on Monday that sales rose.\n")
    assert not list(tree.iter("figure"))
    assert [p.text for p in tree.iter("p")] == ["Apple", "Apple said on Monday that sales rose."]


def test_caption_line_alone_is_a_paragraph() -> None:
    tree = text_to_tree(f"Headline\n{CAPTION}\n")
    assert not list(tree.iter("figure"))


def test_text_is_escaped_and_parse_document_marks_text_input() -> None:
    doc = parse_document("Tom & Jerry <b>not markup</b> line\nSecond line")
    assert doc.from_text
    assert [p.text for p in doc.tree.iter("p")][0] == "Tom & Jerry <b>not markup</b> line"


def test_empty_text_gives_an_empty_body() -> None:
    assert clean_text(text_to_tree("").text_content()) == ""


def _depth(root: html.HtmlElement) -> int:
    return max(sum(1 for _ in element.iterancestors()) for element in root.iter())


@pytest.mark.parametrize("opening", ["<div>", "<span>", "<b>", "<table><tr><td>", "<ul><li>", "<div><p>"])
def test_deep_nesting_is_cut_by_the_parser_or_after_it(opening: str) -> None:
    root = parse_html(f"<html><body>{opening * 1000}deep</body></html>")
    assert _depth(root) <= MAX_DEPTH


def test_limit_depth_cuts_a_built_tree() -> None:
    root = html.Element("div")
    node = root
    for _ in range(MAX_DEPTH + 50):
        node = etree.SubElement(node, "div")
    limit_depth(root)
    assert _depth(root) < MAX_DEPTH
