"""Bullet key points: the leading list of sentences, never navigation, links, tickers or body lists."""

from __future__ import annotations

from lxml import html

from scraper.extract.bullets import extract_bullets
from scraper.extract.document import text_to_tree

HEADLINE = "North Korea is backing away from helping Russia"
POINTS = [
    "North Korea signaled interest last year in helping Russia rebuild occupied parts of eastern Ukraine.",
    "About 800 to 1,000 workers were recruited at the time, Daily NK previously reported.",
    "But as the war slogs on and its trajectory remains uncertain, North Korea delayed sending laborers.",
]
BODY = "".join(
    f"<p>Paragraph {i} of the body goes on at length about the war, the workers and the money that "
    f"North Korea hoped to earn from sending them to the occupied regions.</p>"
    for i in range(6)
)


def _ul(items: list[str], attrs: str = "") -> str:
    return f"<ul{attrs}>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _page(between: str, after: str = BODY, before: str = "") -> html.HtmlElement:
    return html.document_fromstring(
        f"<html><body>{before}<article><h1>{HEADLINE}</h1>{between}{after}</article></body></html>"
    )


def test_summary_list_after_headline_and_figure() -> None:
    figure = "<figure><img src='a.jpg'><figcaption>Kim Jong Un in Pyongyang. AP</figcaption></figure>"
    tree = _page(figure + _ul(POINTS, " class='summary-list'"))
    assert extract_bullets(tree, HEADLINE) == POINTS


def test_unmarked_list_after_byline_and_standfirst() -> None:
    standfirst = "<p>" + "A standfirst that sums up the story in one sentence of many words. " * 3 + "</p>"
    tree = _page("<p>By Jane Doe</p>" + standfirst + _ul(POINTS))
    assert extract_bullets(tree, HEADLINE) == POINTS


def test_list_after_running_text_broken_by_line_breaks_is_body() -> None:
    line = "A post written as lines of text between line breaks, with no paragraph element at all."
    running = "<br><br>".join([line] * 8)
    tree = _page(f"<div class='post'>{running}{_ul(POINTS)}</div>")
    assert extract_bullets(tree, HEADLINE) == []


def test_list_announced_by_a_sentence_ending_in_a_colon_is_body() -> None:
    tree = _page("<p>The report found three reasons why the plan was dropped last year:</p>" + _ul(POINTS))
    assert extract_bullets(tree, HEADLINE) == []
    labelled = _page("<p>Key points:</p>" + _ul(POINTS))
    assert extract_bullets(labelled, HEADLINE) == POINTS


def test_list_announced_with_an_empty_element_before_it_is_body() -> None:
    announce = "<p>The report found three reasons why the plan was dropped last year:</p>"
    tree = _page(announce + "<p><span id='more-1'></span></p><!-- ad -->" + _ul(POINTS))
    assert extract_bullets(tree, HEADLINE) == []


def test_list_after_much_text_outside_paragraphs_is_body() -> None:
    line = "A blog post written in divs and line breaks rather than paragraphs, as many still are."
    tree = _page("<div>" + "<br>".join([line] * 12) + "</div>" + _ul(POINTS))
    assert extract_bullets(tree, HEADLINE) == []


def test_repeated_gallery_labels_do_not_push_key_points_down() -> None:
    slides = "".join(f"<div class='slide'><div>Election 2012: the best photos</div><img src='{i}.jpg'>"
                     f"<cite>Caption {i} of a photo of the crowd cheering in the square.</cite></div>"
                     for i in range(40))
    tree = _page(f"<div class='gallery'>{slides}</div><div class='highlights'>{_ul(POINTS)}</div>")
    assert extract_bullets(tree, HEADLINE) == POINTS


def test_list_announced_by_a_sentence_trailing_off_is_body() -> None:
    trailing = "<p>If you have run a website for any length of time, I bet you have felt…</p>"
    tree = _page(trailing + _ul(POINTS))
    assert extract_bullets(tree, HEADLINE) == []


def test_piped_menu_is_not_bullets() -> None:
    menu = ["Subscribe: rss | email | twitter | facebook", "Follow us: home | news | sports | weather"]
    assert extract_bullets(_page(_ul(menu)), HEADLINE) == []


def test_labelled_key_points_in_ordered_list() -> None:
    tree = _page("<h2>Key Points</h2>" + "<ol>" + "".join(f"<li>{p}</li>" for p in POINTS) + "</ol>")
    assert extract_bullets(tree, HEADLINE) == POINTS


def test_text_mode_bullets_after_headline_and_caption() -> None:
    text = "\n".join(
        [HEADLINE, "", "Kim Jong Un", "Kim Jong Un in Pyongyang.AP", *(f"  • {p}\n" for p in POINTS)]
        + ["North Korea delayed sending cheap laborers who can help Russia rebuild occupied regions."]
    )
    assert extract_bullets(text_to_tree(text), HEADLINE) == POINTS


def test_navigation_after_headline_is_not_bullets() -> None:
    sections = ["Home page of the site", "World news from everywhere", "Business news and more"]
    tree = _page("<nav>" + _ul(sections) + "</nav>" + _ul(sections, " class='menu'"))
    assert extract_bullets(tree, HEADLINE) == []


def test_related_links_list_is_not_bullets() -> None:
    links = [f"<a href='/s{i}'>{p}</a>" for i, p in enumerate(POINTS)]
    tree = _page(_ul(links))
    assert extract_bullets(tree, HEADLINE) == []


def test_ticker_list_is_not_bullets() -> None:
    tree = _page(_ul(["S&P 500 4,500.12 -61.59 (-1.20%)", "Dow Jones 33,000.10 -248.13 (-0.65%)"]))
    assert extract_bullets(tree, HEADLINE) == []


def test_list_inside_the_body_is_not_bullets() -> None:
    tree = _page("", after=BODY + _ul(POINTS) + BODY)
    assert extract_bullets(tree, HEADLINE) == []


def test_list_of_feature_cards_is_not_bullets() -> None:
    cards = [f"<h2>Feature {i}</h2><p>{point}</p>" for i, point in enumerate(POINTS)]
    tree = _page("<p>Get to know the features of the product.</p>" + _ul(cards))
    assert extract_bullets(tree, HEADLINE) == []


def test_list_of_items_with_several_paragraphs_is_not_bullets() -> None:
    items = [f"<p>{point}</p><p>More about it in a second paragraph.</p>" for point in POINTS]
    assert extract_bullets(_page(_ul(items)), HEADLINE) == []


def test_short_tag_list_is_not_bullets() -> None:
    tree = _page(_ul(["Politics", "North Korea", "Russia"]))
    assert extract_bullets(tree, HEADLINE) == []


def test_list_before_headline_is_not_bullets() -> None:
    tree = _page("", before=_ul(POINTS))
    assert extract_bullets(tree, HEADLINE) == []


def test_page_without_lists() -> None:
    assert extract_bullets(_page(""), HEADLINE) == []
