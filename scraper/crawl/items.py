"""What flows through the Scrapy pipelines: a fetched page, then the article record made from it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any

from scraper.extract.document import Document


def utc_now() -> str:
    """The current time as ISO 8601 in UTC, to the second (the record's `crawled_at`)."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


@dataclass(repr=False)
class PageItem:
    """A fetched HTML page as a spider yields it; the pipelines turn it into an ArticleItem."""

    url: str
    body: bytes
    content_type: str | None = None
    status: int = 200
    # Cache validators and the like ("etag", "last-modified"), lower-case names.
    headers: dict[str, str] = field(default_factory=dict)
    # How the page was found: source spider, sitemap lastmod, news/feed date and title, ...
    discovery: dict[str, Any] = field(default_factory=dict)
    crawled_at: str = field(default_factory=utc_now)
    # Parsed once by the first pipeline stage that needs it, then shared by the later ones.
    document: Document | None = None

    def __repr__(self) -> str:  # Scrapy logs items on drop: never dump the body
        return f"<page {self.status} {self.url} ({len(self.body)} bytes)>"

    def without_content(self) -> PageItem:
        """A copy without body and parsed document: the page's metadata only."""
        return replace(self, body=b"", document=None)


class ArticleItem(dict[str, Any]):
    """One article record (the schema's fields plus `crawled_at`); `page` says where it came from.

    A dict, so feed exports write exactly its keys; `page` is an attribute, never exported.
    """

    __slots__ = ("page",)

    def __init__(self, record: dict[str, Any], page: PageItem | None = None) -> None:
        super().__init__(record)
        self.page = page

    def __repr__(self) -> str:
        return f"<article {self.get('url')} {self.get('headline')!r}>"


def make_article(record: dict[str, Any], page: PageItem) -> ArticleItem:
    """The article item for a record extracted from the page: record fields, then `crawled_at`."""
    return ArticleItem({**record, "crawled_at": page.crawled_at}, page=page.without_content())
