"""Images: caption/credit splitting, figures in markup, lead-image fallback, junk images skipped."""

from __future__ import annotations

import pytest
from lxml import html

from scraper.extract.images import extract_images, split_caption_credit
from scraper.extract.metadata import read_metadata

URL = "https://news.example.com/world/story.html"


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        (
            "North Korean leader Kim Jong Un in Pyongyang, North Korea, on December 30, 2022."
            "Korean Central News Agency/Korea News Service via AP",
            "North Korean leader Kim Jong Un in Pyongyang, North Korea, on December 30, 2022.",
            "Korean Central News Agency/Korea News Service via AP",
        ),
        ("Fans at Wembley.PA Wire/PA Images", "Fans at Wembley.", "PA Wire/PA Images"),
        (
            "Trump speaks in Ohio. (Photo by Jane Doe/Getty Images)",
            "Trump speaks in Ohio.",
            "Jane Doe/Getty Images",
        ),
        ("Caption here. Photo: Jane Doe", "Caption here.", "Jane Doe"),
        ("The view from the ridge. Credit: Minky", "The view from the ridge.", "Minky"),
        ("Credit: Minky", None, "Minky"),
        ("Image credit: Google", None, "Google"),
        (
            "A fire burns in Kyiv. Gleb Garanich/Reuters",
            "A fire burns in Kyiv.",
            "Gleb Garanich/Reuters",
        ),
        (
            "Biden waves, Monday, Sept. 2, 2024, in Pittsburgh. (AP Photo/Jacquelyn Martin)",
            "Biden waves, Monday, Sept. 2, 2024, in Pittsburgh.",
            "AP Photo/Jacquelyn Martin",
        ),
        (
            "Biden waves in Pittsburgh. AP Photo/Jacquelyn Martin",
            "Biden waves in Pittsburgh.",
            "AP Photo/Jacquelyn Martin",
        ),
        (
            "Kamala Harris poses with classmates. "
            "Photo by Handout/English Montreal School Board/AFP via Getty Images",
            "Kamala Harris poses with classmates.",
            "Handout/English Montreal School Board/AFP via Getty Images",
        ),
        ("The president in Washington DC (Reuters)", "The president in Washington DC", "Reuters"),
        (
            "Rooms were redesigned from the ground up. Supplied",
            "Rooms were redesigned from the ground up.",
            "Supplied",
        ),
        ("Getty Images", None, "Getty Images"),
        # Not credits: parentheses, initials, glued words and bylines that read as prose stay caption.
        ("Chris Bowen (left) speaks", "Chris Bowen (left) speaks", None),
        ("A picture by the river at dusk", "A picture by the river at dusk", None),
        ("He said.Then she left", "He said.Then she left", None),
        ("A view of the U.S. Capitol", "A view of the U.S. Capitol", None),
        (
            "Zendaya attends a photocall in Mexico City.",
            "Zendaya attends a photocall in Mexico City.",
            None,
        ),
        ("Marina Lacerda, 37", "Marina Lacerda, 37", None),
        ("", None, None),
    ],
)
def test_split_caption_credit(text: str, caption: str | None, credit: str | None) -> None:
    assert split_caption_credit(text) == (caption, credit)


def _images(body: str, head: str = "") -> list[dict[str, str | None]]:
    tree = html.document_fromstring(
        f"<html><head>{head}</head><body><article>{body}</article></body></html>"
    )
    return extract_images(tree, read_metadata(tree), URL)


def test_figure_with_separate_credit_element_and_relative_url() -> None:
    images = _images(
        "<figure><img src='/img/kim.jpg' alt='Kim'><figcaption>Kim Jong Un in Pyongyang."
        "</figcaption><span class='image-source'>KCNA via AP</span></figure>"
    )
    assert images == [
        {
            "url": "https://news.example.com/img/kim.jpg",
            "caption": "Kim Jong Un in Pyongyang.",
            "credit": "KCNA via AP",
        }
    ]


def test_credit_spans_inside_caption_are_joined() -> None:
    images = _images(
        "<figure><img src='a.jpg'><figcaption>Smoke billows over Poonch. "
        "<span class='credit'>Photo by PUNIT PARANJPE</span> /"
        "<span class='distributor'>AFP via Getty Images</span>"
        "<svg><title>Camera Icon</title></svg></figcaption></figure>"
    )
    assert images[0]["caption"] == "Smoke billows over Poonch."
    assert images[0]["credit"] == "PUNIT PARANJPE/AFP via Getty Images"


def test_lazy_loaded_source_wins_over_placeholder_and_duplicates_are_dropped() -> None:
    figure = (
        "<figure><img src='data:image/gif;base64,R0lGOD' data-src='https://cdn.example.com/big.jpg'>"
        "<figcaption>Caption one.</figcaption></figure>"
    )
    images = _images(figure + figure)
    assert [image["url"] for image in images] == ["https://cdn.example.com/big.jpg"]


def test_srcset_widest_candidate() -> None:
    images = _images(
        "<figure><img srcset='s.jpg 300w, l.jpg 1200w, m.jpg 600w'><figcaption>C.</figcaption></figure>"
    )
    assert images[0]["url"] == "https://news.example.com/world/l.jpg"


def test_pixels_logos_and_chrome_figures_are_skipped() -> None:
    images = _images(
        "<figure><img src='/t.gif' width='1' height='1'></figure>"
        "<figure><img src='/static/site-logo.png'></figure>"
        "<aside><figure><img src='/related.jpg'><figcaption>Read more</figcaption></figure></aside>"
    )
    assert images == []


def test_declared_lead_image_is_the_fallback() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H", "image": '
        '{"@type": "ImageObject", "url": "https://cdn.example.com/lead.jpg", '
        '"caption": "Crowds gather in Seoul. (Photo by Jane Kim/Getty Images)"}}</script>'
    )
    assert _images("<p>No figures here.</p>", head) == [
        {
            "url": "https://cdn.example.com/lead.jpg",
            "caption": "Crowds gather in Seoul.",
            "credit": "Jane Kim/Getty Images",
        }
    ]
    og = '<meta property="og:image" content="/og.jpg">'
    assert _images("<p>Text.</p>", og) == [
        {"url": "https://news.example.com/og.jpg", "caption": None, "credit": None}
    ]


def test_figure_from_copied_text_has_no_url() -> None:
    images = _images(
        "<figure><img alt='Kim Jong Un'><figcaption>Kim Jong Un in Pyongyang, on December 30, 2022."
        "Korean Central News Agency/Korea News Service via AP</figcaption></figure>"
    )
    assert images == [
        {
            "url": None,
            "caption": "Kim Jong Un in Pyongyang, on December 30, 2022.",
            "credit": "Korean Central News Agency/Korea News Service via AP",
        }
    ]


def test_embed_figures_are_not_images() -> None:
    assert (
        _images("<figure><blockquote>A tweet</blockquote><figcaption>Twitter</figcaption></figure>")
        == []
    )


def test_copyright_credit_span_at_the_end_of_the_caption_is_split_off_as_printed() -> None:
    images = _images(
        "<figure><img src='c.jpg'><figcaption>Des croissants à Tours, le 26 février 2024. "
        "<span class='article__credit'>© Marc Delorme / AFP</span></figcaption></figure>"
    )
    assert (images[0]["caption"], images[0]["credit"]) == (
        "Des croissants à Tours, le 26 février 2024.",
        "Marc Delorme / AFP",
    )


def test_picture_with_caption_in_a_table_cell_is_a_figure() -> None:
    images = _images(
        "<table class='photo'><tr><td><img src='/photos/board.jpg' width='250' height='167'>"
        "<div>Parents fill the high school library for the board meeting. <i>(Ruth Ann Pelletier/Times)</i>"
        "</div></td></tr></table>"
    )
    assert images == [
        {
            "url": "https://news.example.com/photos/board.jpg",
            "caption": "Parents fill the high school library for the board meeting.",
            "credit": "Ruth Ann Pelletier/Times",
        }
    ]


def test_teaser_cell_with_a_link_is_no_figure() -> None:
    images = _images(
        "<table><tr><td><img src='/t.jpg'><div><a href='/other'>Another story you may like today</a></div>"
        "</td></tr></table>"
    )
    assert images == []
