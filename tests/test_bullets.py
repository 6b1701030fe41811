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


def test_list_announced_by_a_sentence_pointing_at_it_is_body() -> None:
    # "Here are ..." ends in a full stop but announces the list as a colon does.
    for announce in ("The report ran to four pages in all. Here are its first three findings.",
                     "She listed her reasons in a letter, reproduced below.",
                     "These are the changes the council approved on Monday night."):
        assert extract_bullets(_page(f"<p>{announce}</p>" + _ul(POINTS)), HEADLINE) == [], announce
    # A standfirst that says nothing of a list leaves the key points after it alone.
    standfirst = "<p>North Korea has quietly shelved a plan to send workers to Russia, officials said.</p>"
    assert extract_bullets(_page(standfirst + _ul(POINTS)), HEADLINE) == POINTS


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


def test_class_names_of_the_headlines_containers_are_not_chrome() -> None:
    # The classes of the article's own boxes name states and the post's tags, not page chrome.
    names = ("article-text heading-tag-switch", "post tag-drones tag-privacy", "page-story menu-nav--closed")
    for classes in names:
        tree = html.document_fromstring(
            f"<html><body><div class='{classes}'><h1>{HEADLINE}</h1>{_ul(POINTS)}{BODY}</div></body></html>"
        )
        assert extract_bullets(tree, HEADLINE) == POINTS, classes


def test_a_list_the_page_hides_with_a_utility_class_is_not_key_points() -> None:
    # A paywall's offer, behind the headline until a script shows it.
    offer = ["Exclusive articles from our columnists and reporters every day",
             "Unlimited online access to every article on any device you own",
             "Support local journalism in your city and across the country"]
    tree = _page(f"<div class='premium-offer hidden'><p>Subscribe now.</p>{_ul(offer)}</div>")
    assert extract_bullets(tree, HEADLINE) == []
    assert extract_bullets(_page(f"<div class='d-none'>{_ul(offer)}</div>"), HEADLINE) == []


def test_a_list_that_is_the_whole_post_is_not_key_points() -> None:
    # A link roundup: the list is the story; what follows is the site's sidebar, with no sentence.
    sidebar = "<p>Tim Reed Ann Lowe Jim Stone See all contributors</p><ul><li>November 2012</li></ul>"
    assert extract_bullets(_page(_ul(POINTS), after=sidebar), HEADLINE) == []
    # Key points followed by a caption and then the story's first sentence lead a story.
    caption = "<p>Kim Jong Un in Pyongyang</p>"
    assert extract_bullets(_page(_ul(POINTS), after=caption + BODY), HEADLINE) == POINTS


def test_key_points_leave_the_body_when_captions_repeat_story_sentences() -> None:
    # Captions that repeat the story's sentences word for word must not take them out of the body (they
    # would be much of it), but the key points still go.
    from scraper import extract_article

    story = [f"Sentence {i} of the story says what the workers were promised and what they were paid "
             f"in the end, after months of waiting in the occupied regions." for i in range(6)]
    figures = "".join(f"<figure><img src='{i}.jpg'><figcaption>{story[i]}</figcaption></figure>"
                      for i in range(3))
    paragraphs = "".join(f"<p>{text}</p>" for text in story)
    page = (f"<html><body><article><h1>{HEADLINE}</h1><ul class='mol-bullets'>"
            + "".join(f"<li><strong>{point}</strong></li>" for point in POINTS)
            + f"</ul>{figures}{paragraphs}</article></body></html>")
    record = extract_article(page, "https://example.com/news/north-korea")
    assert record["bullets"] == POINTS
    assert all(point not in record["body"] for point in POINTS)
    assert all(text in record["body"] for text in story)
