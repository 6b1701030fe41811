"""The backoff policy with a hand-held clock, and the middleware driven with real Requests and Responses.

Real crawls showing the same behaviour in time are in test_backoff_crawl.py.
"""

from __future__ import annotations

import time

import pytest
from scrapy.exceptions import DownloadTimeoutError
from scrapy.http import Request, Response
from scrapy.utils.test import get_crawler
from twisted.internet.error import ConnectionLost

from scraper.crawl.backoff import Backoff, BackoffPolicy
from scraper.crawl.middlewares import NOT_BEFORE, RetryBackoffMiddleware
from scraper.crawl.stats import format_summary, summarize

POLICY = BackoffPolicy(base=1.0, max_delay=8.0, floor=0.0, overload_urls=3, overload_window=30.0)


def overload(backoff: Backoff, now: float, urls: int = 3) -> None:
    for n in range(urls):
        backoff.fault("site", f"http://site/{n}", now, overload=True, retries=0)


def test_one_url_failing_again_and_again_delays_only_its_retries() -> None:
    backoff = Backoff(POLICY)
    delays = [
        backoff.fault("site", "http://site/bad", float(t), overload=True, retries=t).retry_delay
        for t in range(5)
    ]
    assert delays == [1.0, 2.0, 4.0, 8.0, 8.0]  # base x 2^retries, capped by max_delay
    assert backoff.spacing("site") == 0.0
    assert backoff.domain_delay("site", 5.0) == 0.0


def test_overload_across_urls_spaces_the_domain_and_is_capped() -> None:
    backoff = Backoff(POLICY)
    overload(backoff, 0.0, urls=2)
    assert backoff.spacing("site") == 0.0  # two URLs: could still be two bad pages
    raised = backoff.fault("site", "http://site/2", 0.0, overload=True, retries=0)
    assert raised.overload_raised and backoff.domain_delay("site", 0.0) == 1.0
    # Answers already in flight when the spacing went up do not raise it again.
    assert not backoff.fault("site", "http://site/3", 0.5, overload=True, retries=0).overload_raised
    spacings = []
    for step in range(1, 8):
        backoff.fault("site", f"http://site/{step}", step * 10.0, overload=True, retries=0)
        spacings.append(backoff.spacing("site"))
    assert spacings == [2.0, 4.0, 8.0, 8.0, 8.0, 8.0, 8.0]


def test_faults_outside_the_window_are_not_overload() -> None:
    backoff = Backoff(POLICY)
    for n in range(5):
        backoff.fault("site", f"http://site/{n}", n * 31.0, overload=True, retries=0)
    assert backoff.spacing("site") == 0.0


def test_a_few_busy_answers_among_many_good_ones_are_not_overload() -> None:
    backoff = Backoff(POLICY)
    backoff.fault("site", "http://site/first", 0.0, overload=True, retries=0)
    for n in range(10):
        backoff.success("site", 1.0 + n / 10)
    overload(backoff, 3.0)  # a 503 page, a 429 page and a timeout: 4 signs beside 10 good answers
    assert backoff.spacing("site") == 0.0
    overload(backoff, 4.0, urls=6)  # now most answers are busy ones
    assert backoff.spacing("site") == 1.0


def test_bad_pages_that_are_not_overload_signs_never_space_the_domain() -> None:
    backoff = Backoff(POLICY)
    for n in range(10):  # resets, truncated bodies, 500s on many URLs
        backoff.fault("site", f"http://site/{n}", 0.0, overload=False, retries=0)
    assert backoff.spacing("site") == 0.0


def test_successes_halve_the_spacing_until_it_goes() -> None:
    backoff = Backoff(POLICY)
    for step in range(4):
        overload(backoff, step * 10.0)
    assert backoff.spacing("site") == 8.0
    seen = []
    for _ in range(5):
        backoff.success("site", 40.0)
        seen.append(backoff.spacing("site"))
    assert seen == [4.0, 2.0, 1.0, 0.0, 0.0]  # 0.5 is below the base: released


def test_decay_stops_at_the_configured_delay() -> None:
    backoff = Backoff(BackoffPolicy(base=1.0, max_delay=8.0, floor=2.0))
    for step in range(4):
        overload(backoff, step * 10.0)
    backoff.success("site", 40.0)
    assert backoff.spacing("site") == 4.0
    backoff.success("site", 40.0)  # 2.0 is the user's own delay: the downloader keeps that one
    assert backoff.spacing("site") == 0.0


def test_retry_after_delays_the_retry_and_holds_the_domain_for_that_long_only() -> None:
    backoff = Backoff(POLICY)
    fault = backoff.fault("site", "http://site/a", 100.0, overload=True, retries=0,
                          retry_after=3.0, hold_domain=True)
    assert fault.retry_delay == 3.0 and not fault.overload_raised
    assert backoff.domain_delay("site", 101.0) == pytest.approx(2.0)
    assert backoff.domain_delay("site", 103.0) == 0.0  # released
    assert backoff.hold_ends("site") == 103.0
    capped = backoff.fault("site", "http://site/b", 200.0, overload=True, retries=0,
                           retry_after=3600.0, hold_domain=True)
    assert capped.retry_delay == 8.0
    assert backoff.domain_delay("site", 200.0) == 8.0


def test_held_time_counts_once_while_requests_overlap() -> None:
    backoff = Backoff(POLICY)
    backoff.hold("site", 10.0)
    backoff.hold("site", 11.0)
    assert backoff.let_go("site", 12.0) == 0.0  # another request is still held
    assert backoff.let_go("site", 14.0) == 4.0


def middleware(**settings: object) -> RetryBackoffMiddleware:
    crawler = get_crawler(settings_dict={"BACKOFF_BASE_DELAY": 1.0, "BACKOFF_MAX_DELAY": 8.0, **settings})
    return RetryBackoffMiddleware.from_crawler(crawler)


def test_middleware_puts_the_retry_delay_in_the_request_meta() -> None:
    mw = middleware(RETRY_TIMES=3)
    request = Request("http://a.test/page.html", meta={"retry_times": 2})
    before = time.time()
    mw.response_downloaded(Response(request.url, status=500, request=request), request)
    assert before + 4.0 <= request.meta[NOT_BEFORE] <= time.time() + 4.0
    retry = request.copy()  # what RetryMiddleware does: the retry carries the delay
    assert retry.meta[NOT_BEFORE] == request.meta[NOT_BEFORE]
    assert mw.backoff.domain_delay("a.test", time.monotonic()) == 0.0  # a 500 holds no domain
    assert mw.crawler.stats is not None and mw.crawler.stats.get_value("backoff/count") == 1
    last = Request("http://a.test/page.html", meta={"retry_times": 3})  # RetryMiddleware gives up
    mw.response_downloaded(Response(last.url, status=500, request=last), last)
    assert NOT_BEFORE not in last.meta and mw.crawler.stats.get_value("backoff/count") == 1


def test_middleware_retry_after_on_429_holds_the_domain() -> None:
    mw = middleware()
    request = Request("http://a.test/busy.html")
    response = Response(request.url, status=429, headers={"Retry-After": "3"}, request=request)
    mw.response_downloaded(response, request)
    assert request.meta[NOT_BEFORE] == pytest.approx(time.time() + 3.0, abs=0.5)
    assert mw.backoff.domain_delay("a.test", time.monotonic()) == pytest.approx(3.0, abs=0.5)
    assert mw.backoff.domain_delay("b.test", time.monotonic()) == 0.0  # other sites are unaffected
    mw.spider_closed()  # cancels the timer that would end the hold


def test_middleware_timeouts_on_several_urls_are_overload_one_url_is_not() -> None:
    mw = middleware()
    for _ in range(3):
        mw.process_exception(Request("http://a.test/slow.html"), DownloadTimeoutError())
        mw.process_exception(Request("http://b.test/x.html"), ConnectionLost())
    assert mw.backoff.spacing("a.test") == 0.0
    for n in range(3):
        mw.process_exception(Request(f"http://b.test/{n}.html"), ConnectionLost())  # a bad page, not load
    assert mw.backoff.spacing("b.test") == 0.0
    for n in range(3):
        mw.process_exception(Request(f"http://a.test/{n}.html"), DownloadTimeoutError())
    assert mw.backoff.spacing("a.test") == 1.0
    assert mw.crawler.stats is not None
    assert mw.crawler.stats.get_value("backoff/overload/a.test") == 1
    ok = Request("http://a.test/ok.html")
    mw.response_downloaded(Response(ok.url, status=200, request=ok), ok)
    assert mw.backoff.spacing("a.test") == 0.0


def test_summary_line_shows_backoff_time_per_domain() -> None:
    stats = {
        "backoff/seconds/a.test": 41.52, "backoff/overload/a.test": 2, "backoff/seconds/b.test": 3.0,
        "finish_reason": "finished",
    }
    lines = format_summary(summarize(stats))
    assert "  backoff: a.test 41.5 s (overloaded 2x), b.test 3.0 s" in lines
    assert "  backoff: none" in format_summary(summarize({}))
