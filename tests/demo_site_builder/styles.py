"""One function per syndicator style: a Story in, a whole HTML page out."""

# ruff: noqa: E501 - HTML templates and prose read better unwrapped

from __future__ import annotations

from html import escape

from tests.demo_site_builder.stories import Story
from tests.demo_site_builder.templates import (
    BASE,
    HERALD,
    bullets,
    figure,
    head,
    long_date,
    paragraphs,
    site_nav,
    ticker_strip,
)

FOOTER = '<footer><p>Terms · Privacy · Advertise · Help</p><p>© 2025 Demo Media. All rights reserved.</p></footer>'
RELATED = (
    '<aside class="related"><h2>More from the site</h2><ul>'
    f'<li><a href="{BASE}/">Home</a></li><li><a href="{BASE}/tag/markets/">Markets</a></li>'
    f'<li><a href="{BASE}/about.html">About us</a></li></ul></aside>'
)


def yahoo_finance(story: Story, path: str, provider: str = "Business Insider") -> str:
    """Yahoo Finance: market ticker strip, caas layout, provider credit, 'Read the original article'."""
    nav = site_nav([(f"{BASE}/", "Finance Home"), (f"{BASE}/tag/markets/", "Markets"), (f"{BASE}/about.html", "About")])
    return f"""{head(story, path, "Yahoo Finance", " - Yahoo Finance", provider=provider)}
<body>
<header id="ybar"><a class="logo" href="{BASE}/">Yahoo Finance</a>{nav}</header>
{ticker_strip()}
<main id="caas-art" class="caas-content">
<article>
<header class="caas-title-wrapper"><h1>{escape(story.headline)}</h1></header>
<div class="caas-attr"><div class="caas-attr-provider">{escape(provider)}</div>
<div class="caas-attr-item-author">{escape(", ".join(story.authors))}</div>
<time class="caas-attr-meta-time" datetime="{story.published}">{long_date(story.published)}</time> · 3 min read</div>
<div class="caas-body">
{bullets(story, "caas-list")}
{figure(story, "norvane-plant.png")}
{paragraphs(story)}
<p><a href="{story.original_url}">Read the original article on {escape(provider)}</a></p>
</div>
</article>
</main>
{RELATED}
{FOOTER}
</body>
</html>
"""


def msn(story: Story, path: str, provider: str, notice: str) -> str:
    """MSN: provider logo line above the article, the publisher's notice at the end."""
    nav = site_nav([(f"{BASE}/", "Microsoft Start"), (f"{BASE}/tag/markets/", "Money"), (f"{BASE}/about.html", "Feedback")])
    return f"""{head(story, path, "MSN", " | MSN", provider=provider)}
<body class="msn-body">
<header class="header-root">{nav}</header>
<div id="root"><main class="article-page">
<div class="provider-line"><img class="provider-logo" src="{BASE}/images/chart.png" alt="{escape(provider)}"> <span class="provider-name">{escape(provider)}</span></div>
<article class="article-body">
<h1 class="article-title">{escape(story.headline)}</h1>
<div class="byline"><span>Story by {escape(" and ".join(story.authors))}</span> · <time datetime="{story.published}">{long_date(story.published)}</time></div>
{bullets(story, "summary-list")}
{paragraphs(story)}
<p class="continue-reading">{notice}</p>
</article>
</main></div>
{RELATED}
{FOOTER}
</body>
</html>
"""


def aol(story: Story, path: str, provider: str, notice: str) -> str:
    """AOL: the Yahoo content platform's markup under AOL's chrome."""
    nav = site_nav([(f"{BASE}/", "AOL"), (f"{BASE}/tag/markets/", "Finance"), (f"{BASE}/about.html", "Help")])
    return f"""{head(story, path, "AOL", " - AOL", provider=provider)}
<body>
<header class="aol-header">{nav}</header>
<div class="caas-container"><article class="caas">
<h1 class="caas-title">{escape(story.headline)}</h1>
<div class="caas-attr"><span class="caas-author-byline-collapse">{escape(", ".join(story.authors))}</span>
<span class="caas-attr-provider">{escape(provider)}</span>
<time datetime="{story.published}">{long_date(story.published)}</time></div>
<div class="caas-body">
{bullets(story, "caas-list")}
{paragraphs(story)}
<p><em>{notice}</em></p>
</div></article></div>
{RELATED}
{FOOTER}
</body>
</html>
"""


def yahoo_news_reuters(story: Story, path: str, city: str) -> str:
    """Yahoo News carrying Reuters: '(Reuters) -' dateline and the reporting/editing credit."""
    nav = site_nav([(f"{BASE}/", "Yahoo News"), (f"{BASE}/tag/markets/", "Business"), (f"{BASE}/about.html", "About")])
    credit = f"(Reporting by {story.authors[0]}; Editing by Jane Merriman)"
    return f"""{head(story, path, "Yahoo News", " - Yahoo News", provider="Reuters")}
<body>
<header id="ybar"><a class="logo" href="{BASE}/">Yahoo News</a>{nav}</header>
<main><article>
<h1>{escape(story.headline)}</h1>
<div class="caas-attr"><div class="caas-attr-provider">Reuters</div>
<time datetime="{story.published}">{long_date(story.published)}</time></div>
<div class="caas-body">
{paragraphs(story, f"{city} (Reuters) - ")}
<p>{escape(credit)}</p>
</div></article></main>
{RELATED}
{FOOTER}
</body>
</html>
"""


def local_ap(story: Story, path: str, paper: str) -> str:
    """A local paper running an Associated Press story: AP byline, the AP copyright line at the end."""
    nav = site_nav([(f"{BASE}/", paper), (f"{BASE}/tag/markets/", "Nation & World"), (f"{BASE}/about.html", "Contact")])
    return f"""{head(story, path, paper, f" | {paper}")}
<body>
<div class="masthead"><a href="{BASE}/">{escape(paper)}</a>{nav}</div>
<div class="story-wrap"><article class="story">
<h1 class="headline">{escape(story.headline)}</h1>
<p class="byline">By {escape(", ".join(story.authors)).upper()} Associated Press</p>
<p class="dateline"><time datetime="{story.published}">{long_date(story.published)}</time></p>
{figure(story, "wildfire.png", glued=True)}
<div class="story-body">
{paragraphs(story)}
<p class="copyright">Copyright 2025 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.</p>
</div></article>
<div class="newsletter"><h3>Get the morning briefing</h3><p>Sign up for our newsletter to get the day's top stories.</p></div>
</div>
{RELATED}
{FOOTER}
</body>
</html>
"""


def conversation(story: Story, path: str, site: str) -> str:
    """A site republishing The Conversation under Creative Commons, with its standard notice."""
    nav = site_nav([(f"{BASE}/", site), (f"{BASE}/tag/markets/", "Science"), (f"{BASE}/about.html", "About")])
    authors = ", ".join(story.authors)
    return f"""{head(story, path, site, f" - {site}", provider="The Conversation")}
<body>
<header>{nav}</header>
<main><article class="post">
<h1 class="entry-title">{escape(story.headline)}</h1>
<div class="entry-meta">By {escape(authors)}, The Conversation · <time datetime="{story.published}">{long_date(story.published)}</time></div>
<div class="entry-content">
{paragraphs(story)}
<p><em>This article is republished from <a href="https://theconversation.com">The Conversation</a> under a Creative Commons license. Read the <a href="{story.original_url}">original article</a>.</em></p>
</div></article></main>
{RELATED}
{FOOTER}
</body>
</html>
"""


def herald(story: Story, path: str, canonical: str | None = None) -> str:
    """The Demo Herald's own (original) articles; with `canonical`, an AMP-style copy of one."""
    nav = site_nav([(f"{BASE}/", "Home"), (f"{BASE}/tag/markets/", "Markets"), (f"{BASE}/about.html", "About")])
    byline = " and ".join(story.authors)
    return f"""{head(story, path, HERALD, f" | {HERALD}", canonical=canonical)}
<body>
<header class="site-header"><a class="brand" href="{BASE}/">{HERALD}</a>{nav}</header>
<main><article>
<h1>{escape(story.headline)}</h1>
<p class="byline">By {escape(byline)} · <time datetime="{story.published}">{long_date(story.published)}</time></p>
{figure(story, "council.png")}
{paragraphs(story)}
</article></main>
{RELATED}
{FOOTER}
</body>
</html>
"""
