"""Text normalization and word counting."""

from __future__ import annotations

import pytest

from scraper.extract.text import clean_text, count_words


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Three plain words", 3),
        ("", 0),
        ("日銀が金利を据え置き", 10),
        ("Toyota 株価 rose", 4),
        ("서울 시장", 4),
    ],
)
def test_count_words(text: str, words: int) -> None:
    assert count_words(text) == words


def test_clean_text_drops_invisible_characters_and_collapses_space() -> None:
    cleaned = clean_text("soft\u00adhyphen zero\u200bwidth \n\t tabs\u00a0nbsp")
    assert cleaned == "softhyphen zerowidth tabs nbsp"


def test_clean_text_is_nfc() -> None:
    assert clean_text("Cafe\u0301") == "Café"


def test_subtree_texts_reads_text_and_tails_in_order_skipping_unread_subtrees() -> None:
    from lxml import html

    from scraper.extract.tree_text import subtree_texts

    body = html.fromstring(
        "<div>a<p>b<b>c</b>d</p><!-- note -->e<script>x()</script>f<nav>menu</nav>g</div>"
    )
    assert list(subtree_texts(body, {"script", "nav"})) == ["a", "b", "c", "d", "e", "f", "g"]
    assert "menu" in list(subtree_texts(body, {"script"}))
