"""Images: caption/credit splitting, figures in markup, lead-image fallback, junk images skipped."""

from __future__ import annotations

import pytest
from lxml import html

from scraper.extract.images.images import extract_images, split_caption_credit
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
        ("Source: Repeat Project", None, "Repeat Project"),
        ("(The Independent)", None, "The Independent"),
        ("Supplied Image;", None, "Supplied Image"),
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


def test_picture_outside_figure_takes_the_caption_beside_it() -> None:
    # Unclosed <source> tags nest the <img> inside them; the caption is a sibling of the picture's branch.
    images = _images(
        "<div class='photo'><p class='withoutCaption'>"
        "<picture><source type='image/avif' srcset='/p/harry.avif'>"
        "<img src='/p/harry.jpg' width='590' height='370'></picture></p>"
        "<span class='newsCaption'>Prince Harry picked up an award <span>(Image: Getty)</span></span></div>"
        "<p>Body text of the story.</p>"
    )
    assert images == [
        {"url": "https://news.example.com/p/harry.jpg", "caption": "Prince Harry picked up an award",
         "credit": "Getty"}
    ]


def test_caption_line_and_credit_line_beside_a_picture() -> None:
    images = _images(
        "<div><div><picture><img src='/p/match.jpg' width='3098' height='2066'></picture>"
        "<div>Chelsea beat Tottenham on Thursday night</div><div>Getty Images</div></div></div>"
    )
    assert images == [
        {"url": "https://news.example.com/p/match.jpg", "caption": "Chelsea beat Tottenham on Thursday night",
         "credit": "Getty Images"}
    ]


def test_big_loose_picture_counts_only_inside_the_article() -> None:
    tree = html.document_fromstring(
        "<html><body><div class='masthead'><img src='/banner.jpg' width='900' height='300'></div>"
        "<div class='article-body'><p>Text.</p><img src='/inline.jpg' width='900' height='600'>"
        "<img src='/small.jpg' width='100' height='100'></div></body></html>"
    )
    images = extract_images(tree, read_metadata(tree), URL)
    assert [image["url"] for image in images] == ["https://news.example.com/inline.jpg"]


def test_teasers_for_other_stories_of_the_site_are_skipped() -> None:
    images = _images(
        "<p>Story text.</p>"
        "<a href='/world/other-story.html'><figure><img src='/t1.jpg'><figcaption>Other story</figcaption>"
        "</figure></a>"
        "<article class='card'><figure><img src='/t2.jpg'></figure><h3>Flood risk reduction</h3>"
        "<a href='/news/flood' class='stretched-link'></a></article>"
        "<ul><li><img src='/t3.jpg' width='400' height='300'><p>A job offer, Oklahoma City</p></li></ul>"
        "<div class='related-stories'><figure><img src='/t4.jpg'><figcaption>More</figcaption></figure></div>"
        "<figure><img src='/uploads/seita-250x146.jpg'><figcaption>A thumbnail size</figcaption></figure>"
    )
    assert images == []


def test_product_picture_linking_to_another_site_and_content_words_in_ids_are_kept() -> None:
    images = _images(
        "<div id='zendaya-promoted-dune'><figure><img src='/z.jpg'><figcaption>Zendaya in London."
        "</figcaption></figure></div>"
        "<a href='https://shop.example.org/bag'><picture><img src='/bag.jpg' width='800' height='600'>"
        "</picture></a>"
    )
    assert [image["url"] for image in images] == [
        "https://news.example.com/z.jpg", "https://news.example.com/bag.jpg"
    ]


def test_srcset_urls_with_commas_and_json_lazy_attributes() -> None:
    images = _images(
        "<figure><img srcset='https://m.example.com/p/w_320,c_limit/a.jpg 320w, "
        "https://m.example.com/p/w_1280,c_limit/a.jpg 1280w'>"
        "<figcaption>Commas in URLs.</figcaption></figure>"
        "<figure><img src='data:image/svg+xml,x' data-srcs='{\"https://i.example.com/65c5\":{\"w\":1}}'>"
        "<figcaption>A JSON lazy loader.</figcaption></figure>"
    )
    assert [image["url"] for image in images] == [
        "https://m.example.com/p/w_1280,c_limit/a.jpg", "https://i.example.com/65c5"
    ]
