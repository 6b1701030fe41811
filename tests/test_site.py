"""The site's name."""

from __future__ import annotations

from lxml import html

from scraper.extract.metadata import read_metadata
from scraper.extract.site import extract_site, prettify_host


def _page(head: str) -> html.HtmlElement:
    return html.document_fromstring(f"<html><head>{head}</head><body></body></html>")


def test_site_name_sources() -> None:
    tree = _page('<meta property="og:site_name" content="Yahoo Finance">')
    assert extract_site(read_metadata(tree), "https://ca.finance.yahoo.com/news/x") == "Yahoo Finance"
    slug = _page(
        '<meta property="og:site_name" content="nationalpost">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "h",'
        ' "publisher": {"@type": "Organization", "name": "National Post"}}</script>'
    )
    assert extract_site(read_metadata(slug), "https://nationalpost.com/a") == "National Post"
    assert extract_site(read_metadata(_page("")), "https://www.msn.com/en-us/news") == "MSN"
    assert extract_site(read_metadata(_page("")), None) is None


def test_publisher_of_the_original_is_not_the_site() -> None:
    tree = _page(
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "h",'
        ' "publisher": {"@type": "Organization", "name": "Business Insider",'
        ' "url": "https://www.businessinsider.com"}}</script>'
    )
    assert extract_site(read_metadata(tree), "https://finance.yahoo.com/news/x") == "Yahoo Finance"


def test_prettify_host() -> None:
    assert prettify_host("https://finance.yahoo.com/x") == "Yahoo Finance"
    assert prettify_host("https://www.bbc.co.uk/news") == "BBC"
