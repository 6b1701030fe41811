"""Headline and site name."""

from __future__ import annotations

from lxml import html

from scraper.extract.headline import extract_headline, strip_site_suffix
from scraper.extract.metadata import read_metadata
from scraper.extract.site import extract_site
from scraper.extract.text import normalize_key


def _page(head: str, body: str = "") -> html.HtmlElement:
    return html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


def _headline(head: str, body: str = "") -> str | None:
    tree = _page(head, body)
    return extract_headline(tree, read_metadata(tree))


def test_site_suffixes_are_removed() -> None:
    # What pages call themselves (og:site_name, publisher, domain): given by the page, never a list.
    names = {normalize_key(n) for n in ("Yahoo Finance", "Express.co.uk", "BBC News")}
    assert strip_site_suffix("Stocks fall - Yahoo Finance", names) == "Stocks fall"
    assert strip_site_suffix("Stocks fall - Harbor Ledger") == "Stocks fall - Harbor Ledger"  # not named
    assert strip_site_suffix("Stocks fall | MSN") == "Stocks fall"  # " | " parts: the longest
    assert strip_site_suffix("Stocks fall | Reuters") == "Stocks fall"
    assert strip_site_suffix("What is Nato? - BBC News", names) == "What is Nato?"
    assert strip_site_suffix("Harry LIVE: Couple 'won't recover' | Royal | News | Express.co.uk", names) == (
        "Harry LIVE: Couple 'won't recover'"
    )
    # Blog themes' separators: "//", "::", "›", " / "
    for separator in ("//", "::", "›", "/"):
        assert strip_site_suffix(f"Stocks fall {separator} Yahoo Finance", names) == "Stocks fall"
    assert strip_site_suffix("Stocks fall / Harbor Ledger", names) == "Stocks fall / Harbor Ledger"
    # A host name or a date standing alone as a segment, a separator left dangling
    assert strip_site_suffix("Why MG was left behind? : SUVBlogger.com") == "Why MG was left behind?"
    assert strip_site_suffix("Wii U launches on Nov. 18 - November 8, 2012") == "Wii U launches on Nov. 18"
    assert strip_site_suffix("Car service expands to Toronto |") == "Car service expands to Toronto"
    assert strip_site_suffix("» Car service expands to Toronto") == "Car service expands to Toronto"
    assert strip_site_suffix("Fares in Saint-Honoré: « déjà vu »") == "Fares in Saint-Honoré: « déjà vu »"
    # The name with words that only say it is a site, or in the possessive a host name drops
    hosts = {"nintendo", "paulocoelhoblog"}
    assert strip_site_suffix("Wii U launches - Nintendo Official Site", hosts) == "Wii U launches"
    assert strip_site_suffix("Vacations at last — Paulo Coelho's Blog", hosts) == "Vacations at last"


def test_a_name_the_title_states_twice_before_the_headline_goes() -> None:
    title = "High Scalability - High Scalability - Spanner - It's About Programmers Building Apps"
    assert _headline(f"<title>{title}</title>") == "Spanner - It's About Programmers Building Apps"
    # ... but not a headline the title repeats (a headline field states it)
    head = '<title>Storm hits coast - Storm hits coast - Daily Planet</title><meta property="og:title" '
    assert _headline(head + 'content="Storm hits coast">') == "Storm hits coast"


def test_a_dash_inside_the_headline_is_kept() -> None:
    title = "Your $1 bill could be worth THOUSANDS - here's how to check"
    assert strip_site_suffix(title) == title
    assert _headline(f'<meta property="og:title" content="{title}">') == title


def test_suffix_named_by_the_page_itself_is_removed() -> None:
    head = (
        '<meta property="og:title" content="Storms hit Gauteng - The Citizen">'
        '<meta property="og:site_name" content="The Citizen">'
    )
    assert _headline(head) == "Storms hit Gauteng"
    canonical = (
        "<title>US launches war games - Taipei Times</title>"
        '<link rel="canonical" href="https://www.taipeitimes.com/a">'
    )
    assert _headline(canonical) == "US launches war games"


def test_metadata_headline_beats_a_logo_h1() -> None:
    head = '<meta property="og:title" content="Markets rally on rate hopes">'
    assert _headline(head, "<h1>Log In</h1><h1>Markets rally on rate hopes</h1>") == (
        "Markets rally on rate hopes"
    )


def test_h1_without_metadata_skips_chrome_and_site_name() -> None:
    body = (
        "<header><h1>The Daily Planet News</h1></header><h1>Log In</h1>"
        "<article><h1>Mayor opens the new bridge downtown</h1></article>"
    )
    assert _headline('<meta property="og:site_name" content="The Daily Planet News">', body) == (
        "Mayor opens the new bridge downtown"
    )


def test_jsonld_headline_with_escaped_entities() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        ' "headline": "&#039;Search&#039; gets more AI"}</script>'
    )
    assert _headline(head) == "'Search' gets more AI"


def test_truncated_metadata_headline_is_completed_from_h1() -> None:
    head = '<meta property="og:title" content="A very long headline that the site cut…">'
    body = "<h1>A very long headline that the site cut short for sharing</h1>"
    assert _headline(head, body) == "A very long headline that the site cut short for sharing"


def test_site_name_spelled_in_the_title() -> None:
    tree = _page(
        "<title>School board approves routes - Clearwater Valley Times</title>"
        '<link rel="canonical" href="http://www.clearwatervalleytimes.com/news/1">'
    )
    meta = read_metadata(tree)
    assert extract_site(meta, "http://www.clearwatervalleytimes.com/news/1") == "Clearwater Valley Times"
    assert extract_headline(tree, meta) == "School board approves routes"


def test_the_part_of_the_title_the_h1_repeats_is_the_headline() -> None:
    story, h1 = "Ferry service resumes after storm", "<h1>Ferry service resumes after storm</h1>"
    assert _headline(f"<title>{story} - National - Harbor Ledger</title>", h1) == story
    assert _headline(f"<title>{story} * Harbor Ledger * by Ann Lee</title>", h1) == story
    # A site name in an <h1> does not make the title's story part the site's.
    site_h1 = "<title>Evolve: Shared Mutable History — evolve extension for Mercurial</title>"
    assert _headline(site_h1, "<h1>evolve extension for Mercurial</h1>") == (
        "Evolve: Shared Mutable History — evolve extension for Mercurial"
    )


def test_the_domain_name_is_a_site_suffix() -> None:
    tree = _page("<title>Ferry service resumes after storm - HarborLedger</title>")
    meta = read_metadata(tree)
    url = "https://www.harborledger.com/news/1"
    assert extract_headline(tree, meta, url) == "Ferry service resumes after storm"


def test_markup_left_in_a_title_is_removed() -> None:
    head = '<meta property="og:title" content="&lt;a href=&quot;/x&quot;&gt;Ferry service resumes&lt;/a&gt;">'
    assert _headline(head) == "Ferry service resumes"


def test_dialog_text_is_never_the_headline() -> None:
    head = "<title>We value your privacy</title>"
    story = "Ferry service resumes after the storm"
    assert _headline(head, f"<h1>{story}</h1>") == story


def test_a_sentence_long_name_is_not_a_site_name() -> None:
    # Templates that copy the headline into application-name must not make the headline a "site name".
    title = "Ferry service resumes after a week of storms on the coast"
    head = f'<meta name="application-name" content="{title}"><meta property="og:title" content="{title}">'
    assert _headline(head, "<p>A caption paragraph that is not the headline at all.</p>") == title


def _ld(headline: str) -> str:
    return f'<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{headline}"}}</script>'


def test_the_headline_most_sources_state_wins() -> None:
    # A social title rewritten for sharing loses to the headline JSON-LD, <title> and <h1> agree on.
    story, social = "Council approves the new harbour bridge budget", "Bridge plan gets the green light"
    head = (
        f'<meta property="og:title" content="{social}"><meta name="twitter:title" content="{social}">'
        f"{_ld(story)}<title>{story} | Harbor Ledger</title>"
    )
    assert _headline(head, f"<article><h1>{story}</h1></article>") == story


def test_a_tie_goes_to_the_headline_readers_see() -> None:
    seo, shown = "Council approves bridge budget: what it means", "The harbour bridge finally gets its money"
    head = f'<meta property="og:title" content="{shown}">{_ld(seo)}<title>{seo} | Harbor Ledger</title>'
    assert _headline(head, f"<h1>{shown}</h1>") == shown


def test_with_no_agreement_the_structured_headline_comes_first() -> None:
    head = (
        f'{_ld("Council approves the bridge budget")}'
        '<meta property="og:title" content="Bridge plan gets the green light">'
        "<title>Harbour news today</title>"
    )
    assert _headline(head) == "Council approves the bridge budget"


def test_a_structured_field_nothing_repeats_loses_to_title_and_short_h1() -> None:
    # Reference sites put a description in the JSON-LD headline; <title> and a short <h1> agree.
    description = _ld("island country in the southwestern Pacific Ocean")
    head = f"{description}<title>New Zealand - Encyclopedia</title>"
    assert _headline(head, "<h1>New Zealand</h1>") == "New Zealand"


def test_titles_one_word_apart_agree() -> None:
    social = "Seven secrets hotel owners keep from guests"
    shown = "The seven secrets hotel owners keep from guests"
    head = (
        f'{_ld("Hotels explained")}<meta property="og:title" content="{social}">'
        f"<title>{shown} | Harbor Ledger</title>"
    )
    assert _headline(head, f"<h1>{shown}</h1>") == social


def test_dublin_core_and_parsely_titles_are_declared_headlines() -> None:
    body = "<h1>Harbor Ledger archive page</h1>"
    assert _headline('<meta name="DC.title" content="Ferry service resumes after storm">', body) == (
        "Ferry service resumes after storm"
    )
    assert _headline('<meta name="parsely-title" content="Ferry service resumes after storm">', body) == (
        "Ferry service resumes after storm"
    )


def test_a_section_prefix_in_one_field_does_not_beat_the_plain_title() -> None:
    head = (
        '<meta name="DC.title" content="Press Announcements - Agency approves a new arthritis drug">'
        "<title>Agency approves a new arthritis drug</title>"
    )
    assert _headline(head) == "Agency approves a new arthritis drug"


def test_a_blog_name_in_dublin_core_is_not_the_headline() -> None:
    title = "Ann Lee - Why I switched editors after ten years"
    head = f'<meta name="DC.title" content="Ann Lee"><title>{title}</title>'
    assert _headline(head, "<h1>Ann Lee</h1>") == title


def test_a_declared_site_name_leading_the_title_is_removed() -> None:
    head = '<meta property="og:site_name" content="Harbor Ledger">'
    assert _headline(f"{head}<title>Harbor Ledger - Ferry service resumes after storm</title>") == (
        "Ferry service resumes after storm"
    )
    # A title of several segments after the name is a list whose first item is its subject.
    listing = "Harbor Ledger - Ferries - Timetables, fares and routes for the whole coast - Harbor Ledger"
    assert _headline(f"{head}<title>{listing}</title>") == (
        "Harbor Ledger - Ferries - Timetables, fares and routes for the whole coast"
    )


def test_a_name_an_h1_shows_at_the_end_of_the_title_is_a_site_name() -> None:
    title = "Why the ferry timetable keeps changing « Ann's Harbour Notes"
    assert _headline(f"<title>{title}</title>", "<h1>Ann's Harbour Notes</h1>") == (
        "Why the ferry timetable keeps changing"
    )


def test_the_h1_a_pipe_title_repeats_beats_a_longer_site_blurb() -> None:
    story = "Strawberry and cream birthday cake"
    title = f"{story} | Harbor Kitchen - Easy Recipes, Weeknight Dinners, Baking and Holiday Menus"
    assert _headline(f"<title>{title}</title>", f"<h1>{story}</h1>") == story


def test_an_h1_in_the_article_header_is_not_page_chrome() -> None:
    body = (
        "<header><h1>Harbor Ledger daily</h1></header>"
        "<main><article><header><h1>Ferry service resumes after storm</h1></header></article></main>"
    )
    assert _headline("<title>Ferry service resumes after storm · Harbor Ledger daily</title>", body) == (
        "Ferry service resumes after storm"
    )
    assert _headline("", body) == "Ferry service resumes after storm"


def test_permalink_marks_and_dialog_h1s_are_not_headline_text() -> None:
    body = "<h1>We value your privacy</h1><h1>Installing the command line tool¶</h1>"
    assert _headline("", body) == "Installing the command line tool"


def test_a_blog_post_titled_by_a_heading_linking_to_itself() -> None:
    url = "https://www.robotblog.example/2012/08/25/a-robot-plays-drums/"
    body = ("<h1><a href='/'></a></h1><h2><a href='/about'>About this blog</a></h2>"
            f"<h2><a href='{url}'>And Now, A Robot Plays Drums</a></h2>"
            "<p>Courtesy of a band of robots, a few minutes of rock and roll:</p>")
    tree = _page("<title>Robot Blog</title>", body)
    assert extract_headline(tree, read_metadata(tree), url) == "And Now, A Robot Plays Drums"
    marked = body.replace(f"href='{url}'", "href='/p/1' rel='bookmark'")
    tree = _page("<title>Robot Blog</title>", marked)
    assert extract_headline(tree, read_metadata(tree), url) == "And Now, A Robot Plays Drums"
    relative = body.replace(f"href='{url}'", "href='/2012/08/25/a-robot-plays-drums'")
    tree = _page("<title>Robot Blog</title>", relative)
    assert extract_headline(tree, read_metadata(tree), url) == "And Now, A Robot Plays Drums"


def test_a_blog_name_before_a_colon_goes_when_a_heading_repeats_the_post_title() -> None:
    body = ("<h1>Ann's Blog</h1><div class='sidebar'><h2>Archives</h2></div>"
            "<h3 class='post-title'>Why the tram line matters</h3><p>The council voted on Tuesday.</p>")
    blog_title = "<title>Ann's Blog: Why the tram line matters</title>"
    assert _headline(blog_title, body) == "Why the tram line matters"
    dashed = body.replace("<h1>Ann's Blog</h1>", "<div>Joy and Crumbs</div>")
    title = "<title>Joy and Crumbs - Baking - Why the tram line matters</title>"
    assert _headline(title, dashed) == "Why the tram line matters"
    for other in ("<title>Ann's Blog › Why the tram line matters</title>",
                  "<title>» Why the tram line matters :annsblog</title>",
                  "<title>Why the tram line matters // Ann's Blog</title>"):
        assert _headline(other, body) == "Why the tram line matters"
    # A post title shorter than the blog's name, after it; but a heading repeating only the first part
    # of a colon title ("Aleph" of "Aleph: comments") does not cut it.
    short = "<div>Joy and Crumbs Bakery</div><h3>Papa Says</h3><p>The council voted on Tuesday.</p>"
    assert _headline("<title>Joy and Crumbs Bakery – Papa Says</title>", short) == "Papa Says"
    aleph = "<h2>Aleph</h2><p>The council voted on Tuesday.</p>"
    assert _headline("<title>Aleph: readers' comments — Ann's Blog</title>", aleph) != "Aleph"
    # A headline field is taken as stated, even when a subheading repeats a part of it.
    declared = "<meta property='og:title' content='Brexit: why the tram line matters'>"
    assert _headline(declared, "<h2>why the tram line matters</h2>") == "Brexit: why the tram line matters"


def test_a_title_segment_calling_itself_a_blog_is_the_blog_name() -> None:
    assert _headline("<title>Almost There - Hacker Monthly Blog</title>") == "Almost There"
    assert _headline("<title>In Copenhagen « Joe McNally’s Blog</title>") == "In Copenhagen"
    assert _headline("<title>Lorem ipsum dolor sit amet – My website</title>") == "Lorem ipsum dolor sit amet"
    home = "<title>Our Homepage | Council votes on the tram line</title>"
    assert _headline(home) == "Council votes on the tram line"


def test_a_title_about_a_blog_is_not_a_blog_name() -> None:
    # A sentence ending in "blog" is a headline, not a name: it is neither cut nor stripped.
    assert _headline("<title>Why I started a blog | Ann Smith</title>") == "Why I started a blog"
    assert _headline("<title>How to build a website - Ann Smith</title>").startswith("How to build a website")
    assert _headline("<title>Ten Ways To Improve Your Blog - Ann</title>") != "Ann"


def test_a_social_title_copying_the_page_title_does_not_block_the_heading_check() -> None:
    # og:title copies <title>, blog name and all; the post's own <h2> says which part is the post's
    title = "EDDIE ROSS - flower magazine"
    head = f'<title>{title}</title><meta property="og:title" content="{title}">'
    assert _headline(head, "<h1>EDDIE ROSS</h1><h2>flower magazine</h2><p>A post.</p>") == "flower magazine"


def test_a_tie_between_declared_titles_goes_to_the_one_a_lower_heading_shows() -> None:
    # A blog's site-wide social title describes the site; the post's <h2> shows which title is the post's.
    head = (
        '<title>Kicker named player of the week - Harbor Sports</title>'
        '<meta property="og:title" content="Official Blog of the Harbor League">'
    )
    post = "<h2>Kicker named player of the week</h2><p>The kicker scored twice.</p>"
    assert _headline(head, post) == "Kicker named player of the week"
    assert _headline(head, "<p>The kicker scored twice.</p>") == "Official Blog of the Harbor League"


def test_a_first_title_segment_a_logo_h1_states_is_the_blog_name_when_an_h2_states_the_rest() -> None:
    title = "- Pruning Shears - Residents ask questions about the quarry"  # (a theme's leading mark)
    head = f'<title>{title}</title><meta property="og:title" content="{title}">'
    logo = "<h1>Pruning Shears</h1>"
    post = f"{logo}<h2>Residents ask questions about the quarry</h2><p>The council met.</p>"
    assert _headline(head, post) == "Residents ask questions about the quarry"
    # A tagline heading that holds the site's name is no post title: the <h1> stays the headline.
    review = "<title>Lancia Delta Review | Auto cars 123 | Car Reviews</title>"
    tagline = "<h1>Lancia Delta Review</h1><h2>Auto cars 123 | Car Reviews</h2><p>A car.</p>"
    tree = _page(review, tagline)
    assert extract_headline(tree, read_metadata(tree), "https://autocars123.com/lancia-delta/") == (
        "Lancia Delta Review"
    )


def test_a_site_name_glued_after_the_title_leaves_the_h1() -> None:
    # Themes that write "<post title><site name>" with no separator: the <h1> the title starts with.
    head = "<title>Recap from the developer conference 2012Ann Tiffany</title>"
    body = "<h1>Recap from the developer conference 2012</h1><p>Talks.</p>"
    tree = _page(head, body)
    url = "https://anntiffany.example/2012/07/recap/"
    assert extract_headline(tree, read_metadata(tree), url) == "Recap from the developer conference 2012"
    tagline = "<title>Books to understand the future Ann Tiffany: a blog about books</title>"
    tree = _page(tagline, "<h1>Ann Tiffany</h1><h1>Books to understand the future</h1><p>Books.</p>")
    assert extract_headline(tree, read_metadata(tree), url) == "Books to understand the future"
    # Without the site's name after it, a longer <title> is the headline stated in full.
    other = "<title>Recap from the developer conference 2012 in pictures</title>"
    tree = _page(other, body)
    assert extract_headline(tree, read_metadata(tree), url) != "Recap from the developer conference 2012"


def test_a_pipe_title_whose_longest_part_is_a_tagline_takes_the_part_a_heading_states() -> None:
    head = "<title>Honda zero percent financing | Auto loans and car financing advice for everyone</title>"
    post = "<h1>Get the closest thing to free loans</h1><h2>Honda zero percent financing</h2><p>Deals.</p>"
    assert _headline(head, post) == "Honda zero percent financing"
    # A two-word part a heading states is a name, not the post's title: the longest part stays.
    named = "<title>When the problem is you, and how to fix it | Peter Shank</title>"
    kept = "When the problem is you, and how to fix it"
    assert _headline(named, "<h2>PETER SHANK</h2><p>Text.</p>") == kept


def test_a_title_end_of_several_segments_that_a_logo_h1_states_is_the_blog_name() -> None:
    head = "<title>Ann Reed | notebook » Free speech and visibility in public</title>"
    post = "<h1>Ann Reed | notebook</h1><h2>Free speech and visibility in public</h2><p>Text.</p>"
    assert _headline(head, post) == "Free speech and visibility in public"
    crafts = "<title>Paper leaves for crafting - Things to make and do for kids - The Crow</title>"
    logo = "<h1>Things to make and do for kids - The Crow</h1><h3>Paper leaves for crafting</h3><p>Cut.</p>"
    assert _headline(crafts, logo) == "Paper leaves for crafting"


def test_a_tie_between_declared_titles_goes_to_the_one_the_permalink_heading_shows() -> None:
    head = (
        "<title>Kicker focused on the record, not the award - Harbor Sports</title>"
        '<meta property="og:title" content="Official Blog of the Harbor League">'
    )
    url = "https://blogs.harborsports.example/2012/10/31/kicker-focused/"
    post = f'<h2>Harbor TV <a href="{url}">Kicker focused on the record, not the award</a></h2><p>Text.</p>'
    tree = _page(head, post)
    assert extract_headline(tree, read_metadata(tree), url) == "Kicker focused on the record, not the award"


def test_a_title_cut_to_a_length_is_completed_by_the_h1_it_starts() -> None:
    head = "<title>Stealth game video shows off plenty of creative - Game News, Videos and Downloads</title>"
    body = "<h1>Stealth game video shows off plenty of creative ways to win</h1><p>Text.</p>"
    assert _headline(head, body) == "Stealth game video shows off plenty of creative ways to win"
    # A logo <h1> that goes on after a comma is the site's tagline, not the rest of a headline.
    logo = "<title>The Cool Finder - The mobile espresso bar</title>"
    tagline = "<h1>The Cool Finder, roaming the globe for you</h1><p>Text.</p>"
    assert _headline(logo, tagline) != "The Cool Finder, roaming the globe for you"
