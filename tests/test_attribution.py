"""Attribution: where a page says it is a copy, and which lines stay out of the body."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import html

from scraper import extract_article
from scraper.extract.attribution import canonical_publisher, extract_attribution
from scraper.extract.metadata import read_metadata

SITE = "https://finance.yahoo.com/news/story-123.html"


def _attr(body: str, head: str = "", url: str | None = SITE) -> tuple[dict[str, Any] | None, list[str]]:
    tree = html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")
    return extract_attribution(tree, read_metadata(tree), url)


def test_read_the_original_article_with_link() -> None:
    body = (
        "<p>Body text of the story goes here.</p>"
        '<p><a href="https://www.businessinsider.com/north-korea-2023-1">Read the original article</a>'
        ' on <a href="https://www.businessinsider.com">Business Insider</a></p>'
    )
    found, lines = _attr(body)
    assert found == {
        "publisher": "Business Insider",
        "url": "https://www.businessinsider.com/north-korea-2023-1",
        "text": "Read the original article on Business Insider",
    }
    assert lines == ["Read the original article on Business Insider"]


@pytest.mark.parametrize(
    ("line", "publisher"),
    [
        ("This article originally appeared on Business Insider.", "Business Insider"),
        ("This story was originally published by Stacker and is republished with permission.", "Stacker"),
        ("The article was originally published on Fortune.com", "Fortune.com"),
        ("This article first appeared on The Hill on May 3, 2024.", "The Hill"),
        ("Dieser Artikel erschien zuerst bei Business Insider Deutschland.", "Business Insider Deutschland"),
        ("Cet article a été publié initialement sur Le Monde.", "Le Monde"),
        ("Cet article a été publié initialement par BFM Business.", "BFM Business"),
        ("Este artículo se publicó originalmente en El País.", "El País"),
        ("Questo articolo è stato pubblicato originariamente su Il Post.", "Il Post"),
        ("Este artigo foi publicado originalmente em Exame.", "Exame"),
    ],
)
def test_notices_in_several_languages(line: str, publisher: str) -> None:
    found, lines = _attr(f"<p>Some body text that is long enough.</p><p><em>{line}</em></p>")
    assert found is not None and found["publisher"] == publisher
    assert found["text"] == line
    assert line in lines


def test_the_conversation_notice_and_its_link() -> None:
    notice = (
        '<p>This article is republished from <a href="https://theconversation.com">The Conversation</a>'
        ' under a Creative Commons license. Read the <a href="https://theconversation.com/x-123">'
        "original article</a>.</p>"
    )
    found, lines = _attr("<p>Body.</p>" + notice)
    assert found is not None
    assert found["publisher"] == "The Conversation"
    assert found["url"] == "https://theconversation.com/x-123"  # the article, not the home page
    assert lines == [
        "This article is republished from The Conversation under a Creative Commons license. "
        "Read the original article."
    ]


def test_ap_dateline_is_credited_but_stays_in_the_body() -> None:
    para = "INDIANAPOLIS (AP) — A messy state budget deal gained the endorsement of the governor on Friday."
    found, lines = _attr(f"<p>{para}</p>", url="https://www.washingtontimes.com/news/x")
    assert found == {"publisher": "The Associated Press", "url": None, "text": "(AP)"}
    assert lines == []


def test_wire_story_on_the_wire_site_is_an_original() -> None:
    body = (
        "<p>KATHMANDU, April 25 (Reuters) - Nepal's civil aviation authority disputed on Tuesday a claim.</p>"
        "<p>Reporting by Gopal Sharma; Editing by Alex Richardson</p>"
    )
    head = '<meta property="og:site_name" content="Reuters">'
    found, lines = _attr(body, head, url="https://www.reuters.com/world/x")
    assert found is None
    assert lines == ["Reporting by Gopal Sharma; Editing by Alex Richardson"]
    found, lines = _attr(body, url="https://www.example-news.com/world/x")
    assert found is not None and found["publisher"] == "Reuters"


def test_ap_copyright_line_and_ap_on_apnews() -> None:
    body = "<p>Story text.</p><p>Copyright 2024 The Associated Press. All rights reserved.</p>"
    found, lines = _attr(body, url="https://www.local-paper.com/a")
    assert found is not None and found["publisher"] == "The Associated Press"
    assert lines == ["Copyright 2024 The Associated Press. All rights reserved."]
    head = '<meta property="og:site_name" content="AP News">'
    assert _attr(body, head, url="https://apnews.com/article/x")[0] is None


def test_standalone_wire_credit_with_place() -> None:
    found, lines = _attr("<ul><li>AFP, MANILA</li></ul><p>Story.</p>", url="https://www.taipeitimes.com/a")
    assert found == {"publisher": "AFP", "url": None, "text": "AFP, MANILA"}
    assert lines == ["AFP, MANILA"]


def test_metadata_publisher_takes_the_visible_credit_as_text() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "h",'
        ' "provider": {"@type": "Organization", "name": "Reuters", "url": "https://www.reuters.com/"}}</script>'
    )
    body = (
        "<p>WASHINGTON (Reuters) - U.S. retail sales increased more than expected in March, data showed.</p>"
        "<p>(Reporting by Lucia Mendez; Editing by Paul Hartley)</p>"
    )
    found, lines = _attr(body, head, url="https://news.yahoo.com/x.html")
    assert found == {"publisher": "Reuters", "url": None, "text": "(Reuters)"}
    assert lines == ["(Reporting by Lucia Mendez; Editing by Paul Hartley)"]


def test_wire_byline_in_structured_data() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "h",'
        ' "author": [{"@type": "Person", "name": "The Associated Press"}]}</script>'
    )
    found, _ = _attr("<p>Story.</p>", head, url="https://nationalpost.com/news/x")
    assert found is not None and found["publisher"] == "The Associated Press"


def test_syndication_metadata() -> None:
    head = (
        '<link rel="original-source" href="https://www.usatoday.com/story/x">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "h",'
        ' "provider": {"@type": "Organization", "name": "USA TODAY"}}</script>'
    )
    found, _ = _attr("<p>Story.</p>", head, url="https://www.aol.com/news/x")
    assert found == {"publisher": "USA TODAY", "url": "https://www.usatoday.com/story/x", "text": None}
    based = (
        '<script type="application/ld+json">'
        '{"@type": "NewsArticle", "isBasedOn": "https://www.bbc.com/news/1"}</script>'
    )
    found, _ = _attr("<p>Story.</p>", based, url="https://www.msn.com/en-gb/news/x")
    assert found is not None and found["url"] == "https://www.bbc.com/news/1"


def test_provider_markup_of_a_syndicator() -> None:
    body = (
        '<div class="caas-logo"><a class="link caas-attr-provider-logo" href="https://www.usatoday.com/">'
        '<img alt="USA TODAY" src="logo.png"></a></div><p>Story.</p>'
    )
    found, _ = _attr(body, url="https://www.aol.com/news/x")
    assert found == {"publisher": "USA TODAY", "url": None, "text": "USA TODAY"}  # a home page is no original


def test_a_more_from_list_names_its_provider_by_its_heading() -> None:
    # A portal's "More from <partner>" teasers: the partner is the heading's, not a teaser picture's alt.
    teasers = "".join(
        f'<li><a href="https://partner.example/story-{i}"><img alt="Top image" src="t{i}.jpg"></a>'
        f"<span>Teaser {i}</span></li>" for i in range(3)
    )
    written = f'<section class="morefromprovider"><h3>More from Tech Insider</h3><ul>{teasers}</ul></section>'
    found, _ = _attr("<p>Story.</p>" + written, url="https://www.portal.example/news/x")
    assert found is not None and found["publisher"] == "Tech Insider" and found["url"] is None
    logo = written.replace("More from Tech Insider", 'More From <img alt="Goal.com" src="logo.gif">')
    found, _ = _attr("<p>Story.</p>" + logo, url="https://www.portal.example/news/x")
    assert found is not None and found["publisher"] == "Goal.com"
    related = written.replace("More from Tech Insider", "Related coverage")
    assert _attr("<p>Story.</p>" + related, url="https://www.portal.example/news/x")[0] is None


@pytest.mark.parametrize(
    "body",
    [
        "<p>Protesters gather outside parliament.</p><p>Photo: AFP</p>",
        "<p>Text.</p><p>© 2024 National Post, a division of Postmedia Network Inc. All rights reserved.</p>",
        "<nav><ul><li>Associated Press</li><li>Reuters</li></ul></nav><p>Text.</p>",
        '<div data-provider="jwplayer" class="featured-video"></div><p>Text.</p>',
        '<a class="icon facebook" data-provider="facebook" href="https://facebook.com/x">f</a>',
        "<p>The plan was originally proposed by the mayor, who said it would pass.</p>",
        "<p>He told Reuters that the deal was done, and AP reported the same thing.</p>",
        # An "originally published" line that says when, not where: the story stays whole.
        "<p>Originally Published on Thursday, December 15, 2011: Timeline gives you an easy way.</p>",
        "<p>This story was first published on March 3, 2012 and updated since.</p>",
    ],
)
def test_originals_have_no_attribution(body: str) -> None:
    head = '<meta property="article:publisher" content="https://www.facebook.com/nationalpost">'
    assert _attr(body, head, url="https://nationalpost.com/news/x") == (None, [])


def test_canonical_publisher() -> None:
    assert canonical_publisher("AP") == "The Associated Press"
    assert canonical_publisher("Associated Press") == "The Associated Press"
    assert canonical_publisher("Business Insider.") == "Business Insider"


def test_original_byline_line_is_excluded() -> None:
    body = (
        '<p><a href="https://theconversation.com/profiles/priya-natarajan-1">Priya Natarajan</a>,'
        ' <em>University of Nebraska-Lincoln</em></p><p>Story text.</p>'
        '<p>This article is republished from The Conversation under a Creative Commons license.</p>'
    )
    found, lines = _attr(body, url="https://plattevalleycourier.org/2024/x")
    assert found is not None and found["publisher"] == "The Conversation"
    assert "Priya Natarajan, University of Nebraska-Lincoln" in lines


def test_wire_copyright_without_year_and_mixed_case_datelines() -> None:
    body = (
        "<p>Berlin (dpa) - Immer mehr Beschäftigte in Deutschland fahren mit dem Fahrrad zur Arbeit.</p>"
        "<p>© dpa-infocom, dpa:240312-99-310245/3</p>"
    )
    found, lines = _attr(body, url="https://www.weserland-anzeiger.de/a")
    assert found == {"publisher": "dpa", "url": None, "text": "© dpa-infocom, dpa:240312-99-310245/3"}
    assert lines == ["© dpa-infocom, dpa:240312-99-310245/3"]
    para = "DES MOINES, Iowa (AP) — When Glenn Odegaard needed to spray fungicide on corn, he used a drone."
    assert _attr(f"<p>{para}</p>", url="https://www.carrollgazette.com/a")[0] == {
        "publisher": "The Associated Press", "url": None, "text": "(AP)",
    }


def test_photo_copyright_is_not_the_story_credit() -> None:
    caption = "<figure><img src='a.jpg'><figcaption>Croissants. <span>© AFP</span></figcaption></figure>"
    body = caption + "<p>Texte.</p>"
    assert _attr(body, url="https://www.courrier-du-val.fr/a") == (None, [])


def test_feed_footer_names_the_original_and_leaves_the_body() -> None:
    footer = (
        '<p>The post <a href="https://www.harborcity-seven.com/news/ferry-resumes/">Ferry service resumes'
        ' after storm</a> appeared first on <a href="https://www.harborcity-seven.com">Harbor City 7 News</a>'
        ".</p>"
    )
    found, lines = _attr("<p>Ferries ran again on Tuesday after a two-day halt.</p>" + footer)
    assert found == {
        "publisher": "Harbor City 7 News",
        "url": "https://www.harborcity-seven.com/news/ferry-resumes/",
        "text": "The post Ferry service resumes after storm appeared first on Harbor City 7 News.",
    }
    assert lines == [found["text"]]
    page = (
        "<html><head><title>Ferry service resumes after storm</title></head><body><article>"
        "<h1>Ferry service resumes after storm</h1>"
        "<p>Ferries between the island and the mainland ran again on Tuesday after a two-day halt.</p>"
        "<p>The crossing had been closed since Sunday, when gusts above 60 mph were recorded at the pier.</p>"
        "<p>The post Ferry service resumes after storm appeared first on Harbor City 7 News.</p>"
        "</article></body></html>"
    )
    record = extract_article(page, url="https://www.islandnewsportal.com/a/ferry")
    assert record["attribution"]["publisher"] == "Harbor City 7 News"  # no link: the title repeats
    assert "appeared first" not in record["body"]
    assert record["body"].startswith("Ferries between")


@pytest.mark.parametrize(
    "line",
    [
        "The post about the closure appeared first on a neighborhood forum, and the mayor later shared it.",
        "The post appeared first on Facebook before the county removed it on Monday, officials said.",
        "The post Best ferry fares this summer appeared first on our partner blog, the mayor's aide joked.",
    ],
)
def test_story_sentences_about_a_post_appearing_first_stay(line: str) -> None:
    assert _attr(f"<p>Story text that is long enough to be a paragraph.</p><p>{line}</p>") == (None, [])


@pytest.mark.parametrize(
    ("line", "publisher"),
    [
        ("Cet article est republié à partir de The Conversation sous licence Creative Commons.",
         "The Conversation"),
        ("Dieser Artikel wurde von The Conversation unter einer Creative-Commons-Lizenz neu veröffentlicht.",
         "The Conversation"),
        ("Dieser Beitrag erschien zuerst bei Tagesblick und wird mit Genehmigung gezeigt.", "Tagesblick"),
        ("Republished with permission from Grist Valley Review via Climate Desk.", "Grist Valley Review"),
        ("This story originally appeared in Prairie Ledger via the Rural Desk project.", "Prairie Ledger"),
        ("Reprinted with permission of Harbor Ledger.", "Harbor Ledger"),
        ("Via Harbor Ledger", "Harbor Ledger"),
    ],
)
def test_notice_tails_are_not_part_of_the_publisher(line: str, publisher: str) -> None:
    found, lines = _attr(f"<p>Some body text that is long enough.</p><p>{line}</p>")
    assert found is not None and found["publisher"] == publisher
    assert lines == [line]


@pytest.mark.parametrize(
    "line",
    [
        "The photos are published under a Creative Commons license, the museum said on Friday.",
        "She travelled via Paris and Lyon, and was republished in no newspaper at all until 1990.",
        "Residents can reuse the maps with permission from the county, which drew them in 2019.",
    ],
)
def test_story_sentences_about_licences_or_routes_stay(line: str) -> None:
    assert _attr(f"<p>Story text that is long enough to be a paragraph.</p><p>{line}</p>") == (None, [])


PORTAL = "https://www.citynewsportal.com/news/ferry-plan-123.html"


def test_logo_and_name_linking_to_the_partner_is_a_provider_block() -> None:
    block = (
        '<div class="story-source"><a href="https://www.harborledger.com/">'
        '<img src="/logos/hl.png" alt="Harbor Ledger logo"> Harbor Ledger</a></div>'
    )
    found, lines = _attr(block + "<p>Story.</p>", url=PORTAL)
    assert found == {"publisher": "Harbor Ledger", "url": None, "text": "Harbor Ledger"}  # a home page
    assert lines == []


@pytest.mark.parametrize(
    "block",
    [
        # the site's own logo, a social icon without a written name, an ad banner with other text
        '<div><a href="/"><img src="l.png" alt="City News Portal"> City News Portal</a></div>',
        '<div class="follow"><a href="https://www.example-social.com/cnp"><img alt="Follow us"></a></div>',
        '<div><a href="https://shop.example.com/deal"><img alt="Harbor Shoes"></a> Save 20% today</div>',
        '<footer><a href="https://www.harborledger.com/"><img alt="Harbor Ledger">Harbor Ledger</a></footer>',
    ],
)
def test_pictures_that_are_not_a_provider_block(block: str) -> None:
    head = '<meta property="og:site_name" content="City News Portal">'
    assert _attr(block + "<p>Story.</p>", head, url=PORTAL) == (None, [])


def _ld_publisher(name: str, link: str | None = None) -> str:
    publisher = f'"name": "{name}"' + (f', "url": "{link}"' if link else "")
    return (
        '<meta property="og:site_name" content="City News Portal">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "h",'
        f' "publisher": {{"@type": "Organization", {publisher}}}}}</script>'
    )


def test_jsonld_publisher_that_is_not_the_site_names_the_original() -> None:
    body = "<p>By Dana Whitlock, Harbor Ledger</p><p>The ferry plan passed on Tuesday.</p>"
    found, _ = _attr(body, _ld_publisher("Harbor Ledger", "https://www.harborledger.com/"), url=PORTAL)
    assert found == {"publisher": "Harbor Ledger", "url": None, "text": None}


@pytest.mark.parametrize(
    ("head", "body"),
    [
        # the site under another spelling, the site's host, a parent company only in the footer
        (_ld_publisher("The City News Portal"), "<p>The plan passed, The City News Portal learned.</p>"),
        (_ld_publisher("CityNewsPortal"), "<p>The ferry plan passed, CityNewsPortal learned.</p>"),
        (_ld_publisher("Lakeshore Media Group"),
         "<p>The ferry plan passed.</p><footer>© 2026 Lakeshore Media Group</footer>"),
        (_ld_publisher("Harbor Ledger", "https://www.citynewsportal.com/"), "<p>Harbor Ledger staff.</p>"),
    ],
)
def test_jsonld_publisher_of_the_site_itself_is_no_attribution(head: str, body: str) -> None:
    assert _attr(body, head, url=PORTAL) == (None, [])


def test_publisher_named_without_link_gets_the_canonical_url() -> None:
    head = '<link rel="canonical" href="https://www.harborledger.com/2026/03/ferry-plan">'
    body = "<p>Story.</p><p>This article originally appeared on Harbor Ledger.</p>"
    found, _ = _attr(body, head, url=PORTAL)
    assert found is not None and found["url"] == "https://www.harborledger.com/2026/03/ferry-plan"


def test_publisher_named_without_link_gets_a_link_to_the_same_publisher() -> None:
    body = (
        '<p>Harbor Ledger first <a href="https://www.harborledger.com/2026/02/ferry-budget-vote">reported'
        ' the plan</a>.</p><p><a href="https://www.harborledger.com/author/dana-whitlock/">Dana</a></p>'
        "<p>This article originally appeared on Harbor Ledger.</p>"
    )
    found, _ = _attr(body, url=PORTAL)
    assert found is not None and found["url"] == "https://www.harborledger.com/2026/02/ferry-budget-vote"
    unrelated = (
        '<p>See <a href="https://www.otherpaper.com/2026/02/x">this</a>.</p><div class="related-links">'
        '<a href="https://www.harborledger.com/2026/01/y">More from Harbor Ledger</a></div>'
    )
    found, _ = _attr(unrelated + "<p>This article originally appeared on Harbor Ledger.</p>", url=PORTAL)
    assert found is not None and found["url"] is None


@pytest.mark.parametrize(
    ("line", "publisher"),
    [
        ("Originally published at harborledger.com on November 18, 2025.", "harborledger.com"),
        ("A longer version was originally published on the Riverside Forum before it was edited.",
         "the Riverside Forum"),
    ],
)
def test_dates_and_clauses_after_the_publisher_are_tails(line: str, publisher: str) -> None:
    found, _ = _attr(f"<p>Some body text that is long enough.</p><p>{line}</p>")
    assert found is not None and found["publisher"] == publisher


def test_a_notice_naming_no_publisher_is_none() -> None:
    line = "Rutherford, James (April 2009) [originally published in 1966]. An Encyclopaedia of the Coast."
    assert _attr(f"<ul><li>{line}</li></ul>")[0] is None


def test_a_newsletter_call_linking_the_publisher_is_not_the_original() -> None:
    body = (
        "<p>This article originally appeared on Harbor Ledger.</p>"
        '<p><a href="https://www.harborledger.com/newsletters/">Sign up for Harbor Ledger\'s newsletter'
        "</a></p>"
    )
    found, _ = _attr(body, url=PORTAL)
    assert found is not None and found["url"] is None
