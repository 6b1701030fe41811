"""Body extraction: what must stay, what must go, and the order of paragraphs."""

from __future__ import annotations

from lxml import etree, html

from scraper import extract_article
from scraper.extract.body import agrees_with, block_text, body_texts, extract_paragraphs
from scraper.extract.boilerplate import drop_boilerplate, is_boilerplate
from scraper.extract.density import prose_paragraphs
from scraper.extract.precise_cascade import precise_if_apart, shared
from scraper.extract.text import normalize_key

PROSE = [
    "The city council voted on Tuesday to extend the tram line to the airport, ending a decade of debate.",
    "Supporters said the extension would cut travel times in half for thousands of daily commuters.",
    "Opponents argued that the projected cost of 1.2 billion dollars had been badly underestimated.",
    "The first trams are expected to run on the new section of track in the spring of 2027, officials said.",
]


def page(article: str, extra: str = "") -> html.HtmlElement:
    """A news page: navigation, the article, a sidebar of teasers and a footer."""
    return html.document_fromstring(
        "<html><head><title>t</title></head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
        f"<main><article><h1>Tram line extended</h1>{article}</article></main>"
        "<aside><h3>Most read</h3><ul><li><a href='/a'>Another story about something else</a></li></ul>"
        "</aside>"
        f"{extra}<footer><p>Copyright © 2024 Example News. All rights reserved.</p></footer>"
        "</body></html>"
    )


def paragraphs(*texts: str) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def test_body_paragraphs_kept_in_order() -> None:
    result = extract_paragraphs(page(paragraphs(*PROSE)), "https://example.com/news/tram")
    assert result == PROSE


def test_captions_are_not_body_but_subheadings_and_story_lists_are() -> None:
    article = (
        paragraphs(*PROSE[:2])
        + "<h2>What happens next</h2>"
        + "<figure><img src='/t.jpg'><figcaption>A tram at the depot. Photo: Jane Roe</figcaption></figure>"
        + "<ul><li>Key point one about the tram</li><li>Key point two about the cost</li></ul>"
        + paragraphs(*PROSE[2:])
    )
    result = extract_paragraphs(page(article), None)
    points = ["Key point one about the tram", "Key point two about the cost"]
    assert result == [*PROSE[:2], "What happens next", *points, *PROSE[2:]]
    assert not any("depot" in p for p in result)


def test_furniture_between_paragraphs_goes() -> None:
    furniture = [
        "Advertisement",
        "Story continues below",
        "Sign up for our morning newsletter",
        "Read more: Council approves budget",
        "By Jane Doe",
        "Photo: Getty Images",
    ]
    article = paragraphs(PROSE[0], *furniture[:3], PROSE[1], PROSE[2], *furniture[3:], PROSE[3])
    assert extract_paragraphs(page(article), None) == PROSE


def test_reporting_that_mentions_subscriptions_stays() -> None:
    sentence = (
        "The newspaper said it would ask readers to subscribe to a new digital plan, and that a newsletter "
        "sign-up drive had already brought in 40,000 people since the spring."
    )
    assert not is_boilerplate(sentence)
    urged = "Subscribe now, the company urged investors, before the share price doubles again."
    assert not is_boilerplate(urged)
    result = extract_paragraphs(page(paragraphs(PROSE[0], sentence, *PROSE[1:])), None)
    assert sentence in result


def test_short_real_sentences_are_not_labels() -> None:
    assert not is_boilerplate("He declined.")
    assert not is_boilerplate("“No,” she said.")
    assert is_boilerplate("Related Articles")
    assert is_boilerplate("Advertisement 2")


def test_blog_engines_post_navigation_and_filing_lines_are_furniture() -> None:
    # Long as they are, the links to the neighbouring posts and the post's filing line are furniture.
    assert is_boilerplate("« Why the harbour board chose a new ferry timetable this spring | Main | "
                          "Five things to know about the island bus routes before the summer »")
    assert is_boilerplate("Next post: Notes from the ferry terminal opening")
    assert is_boilerplate("This entry was posted on Saturday, August 25th, 2012 at 12:23 am and is filed "
                          "under Ferries, Harbour News. You can follow any responses to this entry.")
    assert is_boilerplate("Posted in music | streams | tour dates on November 12, 2012")
    assert is_boilerplate("Tags: ferries, timetables, islands")
    # A sentence of the story that opens alike or quotes a title in guillemets stays.
    assert not is_boilerplate("Posted in 2010, the video was seen by millions before it was taken down.")
    assert not is_boilerplate("« C'est fini », a-t-il dit aux journalistes après la réunion du conseil.")
    assert not is_boilerplate("Next, the board will post the new timetable at every pier on the islands.")
    # A post's comment count among its meta fields; a sentence that counts comments stays.
    assert is_boilerplate("Posted on November 9, 2012 at 6:41 AM • 7 Comments")
    assert is_boilerplate("Tweet 52 comments | Add comment | 6 recs |")
    assert is_boilerplate("941 comments")
    assert not is_boilerplate("The post drew 941 comments | replies within an hour.")
    assert not is_boilerplate("The council received 941 comments on the plan")
    # The tags and the permalink as fields after a separator; a sentence naming them stays.
    assert is_boilerplate("Published: November 5th, 2012 | Tags: Budget, Roads, Ferries")
    assert is_boilerplate("Posted Nov. 6, 2012 at 5:32 PM EST by Ann Lee | Permalink")
    assert is_boilerplate("Posted at 1:04 pm | Print | Permalink | Trackback | Comments (3)")
    assert not is_boilerplate("The permalink of the post changed twice, and the tags went with it.")
    assert not is_boilerplate("Prices | tags and labels in the shop were changed overnight, she said.")
    # A newspaper's print-edition note and a blog engine's credit; sentences about them stay.
    assert is_boilerplate("A version of this article appeared July 24, 2012, on page A2 in the U.S. edition "
                          "of The Daily Ledger, with the headline: Council Votes to Close Two Libraries.")
    assert is_boilerplate("Powered by Movable Type. Photo at top by Ann Lee.")
    assert not is_boilerplate("The blog, powered by WordPress, drew a million readers in its first year.")
    assert not is_boilerplate("A version of this story was first told by the mayor in 1998.")
    # The site's copyright or license line, however long; a sentence about a license stays.
    assert is_boilerplate("© Example Media Ltd. This article is licenced for use on Example only. Please "
                          "do not reproduce wholly or in part without a license. More info.")
    assert is_boilerplate("Copyright 2012 People For the Public Library")
    assert is_boilerplate("This website and all documents on it are licensed under a Creative Commons "
                          "Attribution-Share Alike 3.0 United States License.")
    assert not is_boilerplate("The footage, which anyone may reuse, is licensed under a Creative Commons "
                              "license, the archive said in a statement on Tuesday.")
    assert not is_boilerplate("Copyright law changed in 1998, and the archive had to remove the songs.")
    # A widget's status text and a pager's controls; a sentence about loading stays.
    for status in ("Please wait...", "Box Office Poll Loading ...", "Next Page »", "« Previous page",
                   "Page 2 of 3", "This feature is temporarily unavailable. Please try again later."):
        assert is_boilerplate(status)
    assert not is_boilerplate("Loading the ferry took three hours.")
    # The site's notices to its visitor, however long; a sentence about browsers or newcomers stays.
    assert is_boilerplate("Welcome to The Frugal Ledger! If this is your first time visiting the site, read "
                          "my story and the ideas below, then follow the feed to get every new post.")
    assert is_boilerplate("Welcome! If you're new here, you can learn about me and read the user guide.")
    assert is_boilerplate("Thank you for visiting example.com. You are using a browser version with limited "
                          "support for CSS. To obtain the best experience, we recommend you use a more up to "
                          "date browser (or turn off compatibility mode in Internet Explorer).")
    assert not is_boilerplate("It was the first time the new browser had been tested on the council's "
                              "computers, and the mayor said the results were good.")
    assert not is_boilerplate("Residents who are new here may apply for the permit at the town hall.")


def test_steps_and_media_pointers_are_not_calls_to_action() -> None:
    # How-to steps and pointers to the story's own media open with the same verbs as calls to action.
    assert not is_boilerplate("Tap “Done” when finished, and enjoy the playlist")
    assert not is_boilerplate("Click on your phone's name within the app")
    assert not is_boilerplate("Download the scanmapset.exe file and put it in, say, c:\\temp folder.")
    assert not is_boilerplate("Watch the video below:")
    assert is_boilerplate("CLICK HERE TO GET THE NEWS APP")
    assert is_boilerplate("Follow us on Twitter")
    assert is_boilerplate("Sign up for our emails")
    # ... spelt with a hyphen too; a sentence about a sign-up stays.
    assert is_boilerplate("Sign-up To The Newsletter And Get A Free eBook")
    assert is_boilerplate("Click here to sign-up and get the free guide")
    assert not is_boilerplate("The sign-up to the scheme closed on Monday.")


def test_numbered_subheadings_are_not_labels() -> None:
    assert not is_boilerplate("1. Do the research")
    assert not is_boilerplate("Step 0: heart")
    assert not is_boilerplate("Day 1: Rome, Italy")
    assert is_boilerplate("3:30 pm |") and is_boilerplate("1 of 5")


def test_credit_lines_naming_who_made_text_or_picture() -> None:
    assert is_boilerplate("Text by Jane Doe")
    assert is_boilerplate("Image from comics.com")
    assert is_boilerplate("Photos courtesy of the city archive")
    assert not is_boilerplate("Text by text, the council rewrote the plan until nobody could object to it.")


def test_repeated_short_lines_are_dropped() -> None:
    kept = drop_boilerplate(["Article content", PROSE[0], "Article content", PROSE[1]])
    assert kept == PROSE[:2]


def test_a_repeated_sentence_is_a_refrain_not_furniture() -> None:
    refrain = "You have to make an effort to remember."
    paragraphs = [PROSE[0], refrain, PROSE[1], refrain, PROSE[2]]
    assert drop_boilerplate(paragraphs) == paragraphs
    spec = "Draws 300W (about 10p per hour)"  # a product card's line, repeated: not a sentence
    assert drop_boilerplate([PROSE[0], spec, PROSE[1], spec]) == PROSE[:2]


def test_prose_container_spans_split_body() -> None:
    # The body is split into two blocks by an ad slot; both halves belong to the article.
    article = (
        f"<div class='part'>{paragraphs(*PROSE[:2])}</div>"
        "<div class='slot'><p>Advertisement</p></div>"
        f"<div class='part'>{paragraphs(*PROSE[2:])}</div>"
    )
    result = drop_boilerplate(prose_paragraphs(page(article)))
    assert result == PROSE


def test_prose_container_reads_div_paragraphs() -> None:
    article = "".join(f"<div data-testid='paragraph'>{t} <a href='/x'>link</a></div>" for t in PROSE)
    assert prose_paragraphs(page(article)) == [f"{t} link" for t in PROSE]


def test_subheadings_stay_in_reading_order() -> None:
    article = paragraphs(*PROSE[:2]) + "<h2>What happens next</h2>" + paragraphs(*PROSE[2:])
    result = extract_paragraphs(page(article), "https://example.com/news/tram")
    assert result == [*PROSE[:2], "What happens next", *PROSE[2:]]


def test_comment_threads_are_not_body() -> None:
    comments = (
        '<div id="comments"><h3>3 comments</h3>'
        + "".join(f'<div class="comment"><p>{text}</p></div>' for text in (
            "Reader one thinks the tram extension is a terrible waste of money and says so at length.",
            "Reader two disagrees entirely and would like the line extended even further, to the coast.",
        ))
        + "</div>"
    )
    result = extract_paragraphs(page(paragraphs(*PROSE) + comments), "https://example.com/news/tram")
    assert result == PROSE


def test_nested_blocks_keep_their_words_apart() -> None:
    item = html.fragment_fromstring("<item><hi>WebIDE</hi><p>Develop apps.</p><ref>More</ref></item>")
    assert block_text(item).split() == ["WebIDE", "Develop", "apps.", "More"]


def test_empty_and_bodiless_pages() -> None:
    assert extract_paragraphs(html.document_fromstring("<html><body></body></html>"), None) == []
    nav_only = page("")
    assert all("Another story" not in p for p in extract_paragraphs(nav_only, None))


def test_consent_notices_go_but_reporting_on_cookies_stays() -> None:
    notice = (
        "These cookies allow us to count visits and traffic sources so we can measure and improve the "
        "performance of our site. They help us to know which pages are the most and least popular."
    )
    assert is_boilerplate(notice)
    report = (
        "Regulators said on Monday that these cookies had been set without consent on millions of "
        "devices, and that the company faced a fine of up to 4% of its global turnover."
    )
    assert not is_boilerplate(report)


def test_table_layout_page_keeps_paragraphs_after_a_stray_closing_div() -> None:
    """Old table-layout sites put the story in a cell; a stray </div> must not cut the body short."""
    cell = f"<div id='story'><h1>Tram line extended</h1>{paragraphs(*PROSE[:2])}</div></div>"
    tree = html.document_fromstring(
        "<html><body><table><tr><td class='nav'><a href='/'>Home</a></td>"
        f"<td class='main'>{cell}{paragraphs(*PROSE[2:])}</td></tr></table>"
        "<table><tr><td>Dow</td><td>38,272.75</td></tr></table></body></html>"
    )
    assert prose_paragraphs(tree) == PROSE
    body = " ".join(extract_paragraphs(tree, None))
    assert [body.count(p) for p in PROSE] == [1, 1, 1, 1]  # each once: the cell's dump is not repeated
    assert body.index(PROSE[0]) < body.index(PROSE[1]) < body.index(PROSE[2]) < body.index(PROSE[3])


def test_data_table_text_is_not_prose() -> None:
    rows = "".join(f"<tr><td><p>{text}</p></td></tr>" for text in PROSE[:2])
    tree = page(paragraphs(*PROSE[2:]), extra=f"<table>{rows}</table>")
    assert prose_paragraphs(tree) == PROSE[2:]


def test_byline_with_staff_title_and_date_is_furniture() -> None:
    assert is_boilerplate("By Ruth Ann Pelletier Times Staff Writer · Feb. 9, 2024")
    assert not is_boilerplate("By noon the line of parents stretched around the block outside.")


def test_list_introduced_by_a_paragraph_is_body_one_item_each() -> None:
    items = ["A 7:15 a.m. departure on Saturdays", "Hourly sailings between 10 a.m. and 6 p.m. on Sundays"]
    article = (
        paragraphs(*PROSE[:2], "The new weekend schedule adds:")
        + "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
        + paragraphs(*PROSE[2:])
    )
    result = extract_paragraphs(page(article), "https://example.com/news/tram")
    assert result == [*PROSE[:2], "The new weekend schedule adds:", *items, *PROSE[2:]]


def test_nested_list_items_come_once_each() -> None:
    steps = ["Open the settings page of the browser", "Choose the privacy section on the left"]
    article = (
        paragraphs(*PROSE[:2])
        + "<ul><li>Turn the tracking protection on:<ul>"
        + "".join(f"<li>{i}</li>" for i in steps)
        + "</ul></li>"
        + "<li>Restart the browser when it asks you to</li></ul>"
        + paragraphs(*PROSE[2:])
    )
    result = extract_paragraphs(page(article), "https://example.com/news/tram")
    assert result == [*PROSE[:2], "Turn the tracking protection on:", *steps,
                      "Restart the browser when it asks you to", *PROSE[2:]]


def test_a_prose_container_smaller_than_the_result_is_no_evidence_against_it() -> None:
    story = [p * 2 for p in PROSE]  # a story in <div> or <br>-separated text, which the container misses
    box = ["A short note in paragraphs beside the story, about the author of the blog and his books."]
    assert agrees_with(story, box)
    assert not agrees_with(story[:1], box[:1] * 2)  # short and outside a larger container: doubtful
    assert not agrees_with(story[:2], box * 8)


def test_a_bold_paragraph_is_a_subheading_not_a_label() -> None:
    article = paragraphs(*PROSE[:2]) + "<p><strong>Costs rising</strong></p>" + paragraphs(*PROSE[2:])
    result = extract_paragraphs(page(article), "https://example.com/news/tram")
    assert result == [*PROSE[:2], "Costs rising", *PROSE[2:]]
    plain = paragraphs(*PROSE) + "<p>Costs rising</p>"  # (plain, between prose it would stay too)
    assert "Costs rising" not in extract_paragraphs(page(plain), "https://example.com/news/tram")


def test_a_subheading_inside_a_layout_table_is_judged_as_a_heading() -> None:
    cell = f"<h1>Tram</h1>{paragraphs(*PROSE[:2])}<h2>Costs rising</h2>{paragraphs(*PROSE[2:])}"
    tree = html.document_fromstring(
        f"<html><body><table><tr><td><a href='/'>Home</a></td><td>{cell}</td></tr></table></body></html>"
    )
    assert extract_paragraphs(tree, None) == [*PROSE[:2], "Costs rising", *PROSE[2:]]


def test_rows_of_a_data_table_are_body_however_short() -> None:
    rows = [("Load map", "done"), ("Save map", "done"), ("Sound settings", "draft")]
    table = "<table>" + "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in rows) + "</table>"
    result = extract_paragraphs(page(paragraphs(*PROSE[:2]) + table + paragraphs(*PROSE[2:])), None)
    assert [f"{a} {b}" for a, b in rows] == [r for r in result if r not in PROSE]


def test_leading_key_points_are_bullets_not_body() -> None:
    lead = "<ul><li>Key point one about trams</li><li>Key point two about costs</li></ul>"
    record = extract_article(html.tostring(page(lead + paragraphs(*PROSE))), url="https://example.com/news/tram")
    assert record["bullets"] == ["Key point one about trams", "Key point two about costs"]
    assert record["body"].split("\n\n") == PROSE


def _described(description: str, header: str, body: str) -> html.HtmlElement:
    return html.document_fromstring(
        f"<html><head><meta name='description' content='{description}'></head><body><article>"
        f"<header><h1>Tram line extended</h1>{header}</header><section>{body}</section>"
        "</article></body></html>"
    )


def test_standfirst_beside_the_headline_is_not_body_but_a_lede_like_the_description_is() -> None:
    dek = "The council finally backed the airport extension after a decade of debate."
    tree = _described(dek, f"<p class='excerpt'>{dek}</p>", paragraphs(*PROSE))
    assert extract_paragraphs(tree, None) == PROSE
    tree = _described(PROSE[0], "", paragraphs(*PROSE))
    assert extract_paragraphs(tree, None) == PROSE


def test_signup_card_in_the_body_is_not_body() -> None:
    card = (
        "<div class='card'><h2>Get local news that matters</h2><p>Free, twice a week. No paywall, ever.</p>"
        "<form><input type='email'><button>Subscribe</button></form></div>"
    )
    result = extract_paragraphs(page(paragraphs(*PROSE[:2]) + card + paragraphs(*PROSE[2:])), None)
    assert result == PROSE


def test_short_post_with_its_comment_form_keeps_its_text() -> None:
    # The whole post is smaller than a signup card: the form's box holds the post, which is all there is.
    post = "The county fair opens on Friday with a new livestock barn and a longer midway this year."
    form = ("<h3>Leave a Reply</h3><form method='post'>"
            "<p><input name='author'> <label><small>Name (required)</small></label></p>"
            "<p><input name='email'> <label><small>Mail (not published) (required)</small></label></p>"
            "<p><textarea name='comment'></textarea></p><p><input type='submit' value='Submit'></p></form>")
    document = (
        "<html><head><title>County fair opens</title></head><body><div id='header'><h1>Valley Notes</h1>"
        "<ul><li><a href='/news'>News</a></li><li><a href='/events'>Events</a></li></ul></div>"
        f"<div id='content'><div class='post'><h2><a href='/fair'>County fair opens</a></h2>"
        f"<p class='post-meta'>Posted by Dave on August 13th, 2012</p><div class='post-content'><p>{post}</p>"
        f"</div>{form}</div></div></body></html>"
    )
    assert extract_article(document)["body"] == post


JAPANESE_PROSE = [
    "日本銀行は金融政策決定会合で、短期金利の誘導目標を据え置くことを全員一致で決めた。",
    "植田総裁は記者会見で、物価の動向を注意深く見ていく考えを示し、追加の利上げには慎重な姿勢を見せた。",
    "市場では、年内の利上げ観測が後退し、円相場は対ドルで一時下落した。",
]


def test_unspaced_scripts_are_prose_not_labels() -> None:
    result = extract_paragraphs(page(paragraphs(*JAPANESE_PROSE)), "https://example.jp/news/boj")
    assert result == JAPANESE_PROSE
    assert not any(is_boilerplate(text) for text in JAPANESE_PROSE)


def test_a_list_of_links_is_not_body() -> None:
    related = "<ul>" + "".join(
        f"<li><a href='/news/{i}'>Another long story about the city council and its budget, part {i}</a></li>"
        for i in range(4)
    ) + "</ul>"
    result = extract_paragraphs(page(paragraphs(*PROSE) + related), "https://example.com/news/tram")
    assert result == PROSE


def test_a_paragraph_broken_by_unwrapped_links_is_read_whole() -> None:
    from lxml import etree

    from scraper.extract.body import body_texts

    body = etree.fromstring(
        "<body><div><p>The council voted on the plan, as </p>announced<p> on its website on Monday, "
        "and the works start in May.</p></div></body>"
    )
    assert [" ".join(t.split()) for t in body_texts(body)] == [
        "The council voted on the plan, as announced on its website on Monday, and the works start in May."
    ]


def test_a_list_written_as_short_paragraphs_inside_the_story_stays() -> None:
    story = "The dough needs an hour to rise, so start early and keep it somewhere warm."
    ingredients = ["1 large egg", "1 teaspoon cinnamon", "3/4 teaspoon salt"]
    paragraphs = [story, *ingredients, "Mix everything by hand until the dough is smooth and soft."]
    assert drop_boilerplate(paragraphs) == paragraphs


def test_a_list_mixing_short_labels_and_longer_items_stays_whole() -> None:
    story = "The soup takes an hour, so start early and keep the pot at a gentle simmer."
    items = ["Ingredients", "2 tablespoons olive oil", "1 pound sausage meat, removed from the casings",
             "1 carrot, diced", "2 cans cannellini beans, drained and rinsed", "4 sprigs fresh thyme"]
    paragraphs = [story, *items, "Heat the oil in a large pot and brown the sausage, then set it aside."]
    assert drop_boilerplate(paragraphs) == paragraphs


def test_a_label_inside_the_story_before_prose_is_a_subheading() -> None:
    paragraphs = [PROSE[0], "Great expectations", PROSE[1], "http://example.org/source", PROSE[2]]
    assert drop_boilerplate(paragraphs) == [PROSE[0], "Great expectations", PROSE[1], PROSE[2]]
    after_short = [PROSE[0], "A pinch of salt, to taste", "Root cause", PROSE[1]]
    assert drop_boilerplate(after_short) == after_short
    assert drop_boilerplate([PROSE[0], "Tweet", PROSE[1]]) == PROSE[:2]  # a share button's label
    assert drop_boilerplate([PROSE[0], "Costs rising"]) == [PROSE[0]]  # at the story's edge


def test_measured_ingredients_stay_alone_at_the_end_and_repeated() -> None:
    story = "The soup takes an hour, so start early and keep the pot at a gentle simmer."
    lines = [story, "2 tsp vegetable oil", "salt and pepper to taste, and more for the table later on",
             "½ cup water", "1 large onion", "½ cup water"]
    assert drop_boilerplate(lines) == lines
    assert is_boilerplate("941 comments") and is_boilerplate("1 of 5")


def test_a_subheading_repeated_on_each_recipe_card_stays_with_its_list() -> None:
    story = "The soup takes an hour, so start early and keep the pot at a gentle simmer."
    method = "Heat the oil in a large pot and brown the sausage, then set it aside for later."
    soup = ["Ingredients", "Olive oil", "Sausage meat", "Fresh thyme", "Method", method]
    bread = ["Ingredients", "Strong flour", "Dried yeast", "Warm water", "Method", method + " Again."]
    paragraphs = [story, *soup, *bread]
    headings = frozenset({"Ingredients", "Method"})
    assert drop_boilerplate(paragraphs, headings) == paragraphs
    tail = [story, "Ingredients", method, "Ingredients"]  # the last one heads nothing
    assert drop_boilerplate(tail, headings) == tail[:3]


def test_lone_labels_and_short_runs_at_the_edges_still_go() -> None:
    story = "The council voted on Tuesday to close the library branch for the summer."
    assert drop_boilerplate([story, "Share this", story + " Again."]) == [story, story + " Again."]
    assert drop_boilerplate([story, "Related", "Most read", "Top stories"]) == [story]
    two = [story, "Share this", "Print", story + " Again."]
    assert drop_boilerplate(two) == [story, story + " Again."]


def _texts(result: etree._Element) -> list[str]:
    return [" ".join(block.itertext()).strip() for block in result.iter("p", "head")]


def test_precise_cascade_decides_where_the_cascades_disagree() -> None:
    tree = page(paragraphs(*PROSE))
    captions = etree.fromstring("<body>" + "".join(
        f"<p>Slide {i}: a runner crosses the finish line in the rain, arms raised.</p>" for i in range(6)
    ) + "</body>")
    body, texts = precise_if_apart(tree, None, captions, _texts(captions), _texts)
    assert body is not captions and PROSE[0] in texts
    # Two results that share most of their text agree: the default cascade's stands.
    default = etree.fromstring("<body>" + paragraphs(*PROSE) + "</body>")
    assert precise_if_apart(tree, None, default, _texts(default), _texts)[0] is default


def test_one_blurb_from_the_precise_cascade_does_not_replace_a_post() -> None:
    tree = page(paragraphs(PROSE[0]))
    post = etree.fromstring("<body>" + paragraphs(*PROSE[1:]) + "</body>")
    assert precise_if_apart(tree, None, post, _texts(post), _texts)[0] is post
    assert shared(PROSE, PROSE) == 1.0 and shared(PROSE, ["Another text."]) == 0.0


def test_results_cutting_the_same_text_differently_share_it() -> None:
    # One cascade takes a <br>-written section whole, the other its lines one by one: the same text.
    lines = [PROSE[0], "Tags: council, library, budget", PROSE[1]]
    assert shared([" ".join(lines), PROSE[2]], [*lines, PROSE[2]]) == 1.0
    assert shared([PROSE[0] + " More words."], [PROSE[0]]) < 0.5  # a part of a paragraph is not it


def test_teaser_lists_with_their_sources_are_not_body() -> None:
    heads = [f"Another site's story number {i} about a celebrity" for i in range(4)]
    items = "".join(f"<item>{head} — Gossip Weekly</item>" for head in heads)
    result = etree.fromstring(f"<body><p>{PROSE[0]}</p><list>{items}</list></body>")
    links = frozenset(normalize_key(head) for head in heads)
    assert body_texts(result, links) == [PROSE[0]]
    # An item that says more than a source after the dash is the story's list item.
    longer = etree.fromstring(f"<body><list><item>{heads[0]} - opens in spring with four new stops downtown"
                              f"</item><item>{heads[1]}</item></list></body>")
    assert len(body_texts(longer, links)) == 2


def test_a_blog_comment_thread_heading_ends_the_body() -> None:
    from scraper.extract.story_end import until_comment_thread

    post = [PROSE[0], PROSE[1]]
    thread = ["4 Responses to “Tram line extended”", "Great news, I ride it every day.", "Finally!"]
    assert until_comment_thread(post + thread) == post
    assert until_comment_thread(post + ["One Response to 'Tram line extended'", "Nice."]) == post
    assert until_comment_thread(post + ["3 Kommentare zu „Straßenbahn verlängert“", "Gut."]) == post
    assert until_comment_thread(post + ["2 réflexions sur « Le tram prolongé »", "Bien."]) == post
    # A count of comments without the thread's title, or a sentence about responses, stays.
    assert until_comment_thread([*post, "12 Comments", PROSE[2]]) == [*post, "12 Comments", PROSE[2]]
    said = "Two responses to the plan came from the unions on Monday."
    assert until_comment_thread([*post, said]) == [*post, said]


def test_a_label_heading_other_stories_ends_the_body() -> None:
    from scraper.extract.story_end import until_end_label

    post = list(PROSE)
    more = "The tram company will publish the timetable for the new section in the new year."
    teasers = ["Council votes to close two libraries", "A long teaser about another story of the week, "
               "with its first sentence shown as a summary under the title."]
    for label in ("More from The Daily Ledger", "Also on Example News:", "Elsewhere on the network",
                  "You might also like", "More on Overhead Bin", "More world stories from Example News:",
                  "More games news:", "Similar Posts:", "Popular Tutorials", "Explore Related Content"):
        assert until_end_label([*post, label, *teasers]) == post
    # An encyclopedic article's own sections, a pointer within the story and a sentence stay, and so
    # do boxes pages set inside the story ("Top stories", "Related stories").
    for kept in ("See also", "Further reading", "More on that below:", "More from the mayor later.",
                 "More from the interview follows the vote, which the council took on Monday.",
                 "More than forty people saw the news", "Top stories", "Related stories"):
        assert until_end_label([*post, kept, more]) == [*post, kept, more]
    # A label above the story's text (out of reading order) is no sign of the story's end.
    assert until_end_label(["More from the archive", *post]) == ["More from the archive", *post]
    assert until_end_label(["Menu", "Also on Example News:", *post])[2:] == post


def test_a_label_heading_the_comment_area_ends_the_body() -> None:
    from scraper.extract.story_end import until_end_label

    post = list(PROSE)
    thread = ["Ha! We will see about that.", "Posted by: Ellen at September 10, 2012 11:40 AM"]
    for label in ("Comments", "12 Comments", "Comments (7)", "READER COMMENTS:", "Trackback Pings"):
        assert until_end_label([*post, label, *thread]) == post
    # "Comment" alone heads a section of opinion pieces; "TrackBack" alone sits under every post of
    # an aggregator page; a sentence about comments is the story's.
    said = "Comments from residents were mostly positive, the council said."
    for kept in ("Comment", "TrackBack", said):
        assert until_end_label([*post, kept, PROSE[0]]) == [*post, kept, PROSE[0]]
    assert until_end_label(["Comments (3)", *post]) == ["Comments (3)", *post]


def test_a_photo_story_told_in_captions_keeps_them_in_the_body() -> None:
    # Captions are a third of the text: the story is told in them, so the body keeps them (as well as
    # the images' captions); a news photo's caption, a small share of the text, still leaves the body.
    captions = [
        "First up are the canvas bags, printed by hand in our small workshop in the old town.",
        "The posters are printed on heavy paper and folded into a card sleeve for the journey home.",
    ]
    figures = "".join(
        f"<div class='photo'><img src='https://example.com/{i}.jpg' width='900'><p>{text}</p></div>"
        for i, text in enumerate(captions)
    )
    story = [
        "It is that time of year again: the fair opens this weekend and we will have a stall there for "
        "the first time, with a few of the things we made over the long summer months.",
        "Come and say hello if you are around; we will be there all three days from morning to evening, "
        "and the prices are on the board beside the stall.",
    ]
    document = html.tostring(page(paragraphs(story[0]) + figures + paragraphs(story[1])))
    record = extract_article(document, url="https://example.com/p")
    assert [image["caption"] for image in record["images"]] == captions
    assert record["body"].split("\n\n") == [story[0], *captions, story[1]]


def test_blog_engine_comment_area_lines_leave_the_body() -> None:
    from scraper.extract.story_end import without_comment_area

    lines = ["No comments yet.", "TrackBack URL for this entry: http://example.com/tb/123",
             "Mail (will not be published) (required)", "Post a comment",
             "You can follow any responses to this entry through the RSS 2.0 feed."]
    story = [PROSE[0], "Leave a comment below with the best walk you know in the valley.", PROSE[1]]
    assert without_comment_area([story[0], *lines, *story[1:]]) == story
    assert extract_paragraphs(page(paragraphs(*PROSE, *lines)), "https://example.com/news/tram") == PROSE
