"""CompactDupeFilter: filters like RFPDupeFilter, and its JOBDIR file resumes with either filter."""

from __future__ import annotations

from pathlib import Path

from scrapy.dupefilters import RFPDupeFilter
from scrapy.http import Request

from scraper.crawl.dupefilter import CompactDupeFilter


def requests(count: int) -> list[Request]:
    return [Request(f"http://127.0.0.1/page/{n}.html") for n in range(count)]


def test_filters_repeated_requests() -> None:
    dupes = CompactDupeFilter()
    first = [dupes.request_seen(request) for request in requests(10_000)]
    again = [dupes.request_seen(request) for request in requests(10_000)]
    assert not any(first) and all(again)
    assert not dupes.request_seen(Request("http://127.0.0.1/page/x.html"))
    assert dupes.request_seen(Request("http://127.0.0.1/page/x.html#fragment"))  # canonical URL


def test_jobdir_resumes_with_either_filter(tmp_path: Path) -> None:
    compact = CompactDupeFilter(str(tmp_path))
    assert not any(compact.request_seen(request) for request in requests(50))
    compact.close("shutdown")
    scrapy_filter = RFPDupeFilter(str(tmp_path))  # the file stays in scrapy's format
    assert all(scrapy_filter.request_seen(request) for request in requests(50))
    assert not scrapy_filter.request_seen(Request("http://127.0.0.1/new-by-scrapy.html"))
    scrapy_filter.close("shutdown")
    resumed = CompactDupeFilter(str(tmp_path))
    assert all(resumed.request_seen(request) for request in requests(50))
    assert resumed.request_seen(Request("http://127.0.0.1/new-by-scrapy.html"))
    assert not resumed.request_seen(Request("http://127.0.0.1/page/50.html"))
    resumed.close("finished")
