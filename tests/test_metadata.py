"""PageMeta: meta tags, link rels and JSON-LD read once."""

from __future__ import annotations

from lxml import html

from scraper.extract.metadata import PageMeta, jsonld_text, read_metadata


def _meta(head: str, attrs: str = "") -> PageMeta:
    return read_metadata(html.document_fromstring(f"<html{attrs}><head>{head}</head><body></body></html>"))


def test_meta_tags_links_title_and_lang() -> None:
    page = _meta(
        '<meta property="og:title" content=" A &amp; B ">'
        '<meta name="Author" content="Jane Doe"><meta name="author" content="John Roe">'
        '<meta http-equiv="Content-Language" content="de-DE">'
        '<link rel="canonical alternate" href="https://example.com/a"><title> The  title </title>',
        ' lang="en-GB"',
    )
    assert page.first("og:title") == "A & B"
    assert page.meta_all["author"] == ["Jane Doe", "John Roe"]
    assert page.first("content-language") == "de-DE"
    assert page.links["canonical"] == page.links["alternate"] == "https://example.com/a"
    assert page.title == "The title"
    assert page.html_lang == "en-GB"
    assert page.first("missing", "author") == "Jane Doe"


def test_jsonld_graph_and_the_article_object() -> None:
    page = _meta(
        '<script type="application/ld+json"><!-- {"@graph": ['
        '{"@type": "WebPage", "name": "Page"},'
        '{"@type": ["NewsArticle"], "headline": "The story", "author": [{"@type": "Person", "name": "A"}]}'
        "]} --></script>"
        '<script type="application/ld+json">{not json</script>'
    )
    assert len(page.jsonld) == 2
    assert page.article["headline"] == "The story"


def test_jsonld_text_shapes() -> None:
    assert jsonld_text([{"name": " Jane "}]) == "Jane"
    assert jsonld_text({"@value": "x"}) == "x"
    assert jsonld_text(5) == "5"
    assert jsonld_text([]) is None
    assert jsonld_text(None) is None


def test_one_meta_tag_stating_several_properties() -> None:
    page = _meta('<meta property="og:title twitter:title" content="Ferry service resumes">')
    assert page.first("og:title") == page.first("twitter:title") == "Ferry service resumes"


def test_jsonld_inside_a_cdata_section() -> None:
    for wrapped in ('<![CDATA[ {0} ]]>', '//<![CDATA[\n{0}\n//]]>'):
        body = wrapped.format('{"@type": "NewsArticle", "headline": "Ferry service resumes"}')
        page = _meta(f'<script type="application/ld+json">{body}</script>')
        assert page.article.get("headline") == "Ferry service resumes", wrapped
