"""Scrapy settings for the project (`scrapy.cfg` points here). Polite and robust by default."""

from __future__ import annotations

from scraper import __version__
from scraper.record import FIELDS

BOT_NAME = "syndiscrape"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

# Who we are. Operators should add their own contact (an e-mail or a web page) here.
USER_AGENT = f"syndiscrape/{__version__} (news article crawler; contact: the operator of this crawl)"

# Politeness: robots.txt, a few parallel requests per site, and a delay that follows the site's speed.
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
# Requests a sitemap/feed/urls crawl lets wait in Scrapy's scheduler; the rest of what it found waits
# compactly in the spider (spiders/frontier.py). None: 2 x CONCURRENT_REQUESTS; 0: all at once.
FRONTIER_WINDOW = None
# Seen request fingerprints as 8-byte keys (scraper/crawl/dupefilter.py); cluster mode uses the Redis one.
DUPEFILTER_CLASS = "scraper.crawl.dupefilter.CompactDupeFilter"
DOWNLOAD_DELAY = 0.25
# Scrapy's downloader, with CONCURRENT_REQUESTS_PER_DOMAIN held when many requests queue at once.
DOWNLOADER = "scraper.crawl.downloader.SlotLimitDownloader"
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0

# Robustness: retry rate limits, server errors and timeouts (scraper/crawl/backoff.py). A retry waits
# Retry-After, else BACKOFF_BASE_DELAY x 2^retries; the domain is spaced out only when 429/503/timeouts
# hit BACKOFF_OVERLOAD_URLS different URLs within BACKOFF_OVERLOAD_WINDOW seconds, and every success
# halves that spacing again. No wait exceeds BACKOFF_MAX_DELAY.
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
BACKOFF_BASE_DELAY = 2.0
BACKOFF_MAX_DELAY = 60.0
BACKOFF_OVERLOAD_URLS = 3
BACKOFF_OVERLOAD_WINDOW = 30.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
REDIRECT_MAX_TIMES = 5

DOWNLOADER_MIDDLEWARES = {
    # After RetryMiddleware (550) on the way in, so it sees a response before it becomes a retry.
    "scraper.crawl.middlewares.RetryBackoffMiddleware": 560,
    # Hostile web (scraper/crawl/guards.py, scraper/crawl/failures.py): SSRF/scheme/redirect/bomb guard before
    # RedirectMiddleware and HttpCompressionMiddleware; the recorder outermost, seeing final outcomes.
    "scraper.crawl.guards.GuardMiddleware": 650,
    "scraper.crawl.failures.FailureRecorderMiddleware": 10,
    # Next to the downloader: archives responses as sent, before decompression and redirects.
    "scraper.warc.recorder.WarcRecorderMiddleware": 950,
}
# Every fetched response and its request as WARC/1.1 (scraper/warc/): a file template such as
# warc/%(name)s-%(time)s.warc.gz, rotated into numbered files at WARC_MAX_SIZE bytes. None: off.
WARC_OUTPUT = None
WARC_MAX_SIZE = 1024**3
# Private, loopback and link-local addresses are refused unless listed here (names, IPs, CIDRs);
# a crawl of a local test site sets e.g. -s SSRF_ALLOW_HOSTS=127.0.0.1.
SSRF_ALLOW_HOSTS: list[str] = []
# The connection's own DNS lookups apply the same rule (no DNS-rebinding window after the check).
TWISTED_DNS_RESOLVER = "scraper.crawl.resolver.GuardedResolver"
# Every page lost (with url, reason, status, time), one JSON line each; created on the first failure.
FAILURES_FILE = "output/%(name)s-%(time)s.failures.jsonl"

# Page -> article record, in order; each stage can be dropped, replaced or reordered.
ITEM_PIPELINES = {
    # Ticker + fields in worker processes (both cores, reactor never blocked); it steps aside when
    # EXTRACT_WORKERS is 0 or the two stages below are replaced, and they then run in-process.
    "pipelines.ExtractPoolPipeline": 50,
    "pipelines.TickerPipeline": 100,
    "pipelines.FieldsPipeline": 200,
    "pipelines.ValidatePipeline": 300,
    "pipelines.DedupePipeline": 400,
    # Last: after every stage that may drop a record (the incremental stage of `scraper crawl` is 1000).
    "pipelines.StoryPipeline": 1050,
}
# Stories (scraper/stories/online.py): STORIES_ENABLED sets `story_id` on each record written, the
# story it joins among this crawl's records, after the records of the STORIES_SEED files (earlier
# outputs; names or patterns, in the order `scraper cluster` would be given them). Off: no cost.
STORIES_ENABLED = False
STORIES_THRESHOLD = 0.5  # as `scraper cluster --threshold`
STORIES_SEED: list[str] = []
ARTICLE_MIN_WORDS = 50  # shorter pages are stubs or teasers: skipped/not_article
EXTRACT_WORKERS = None  # extraction processes: None = one per CPU (if 2+), 0 = extract in-process
EXTRACT_POOL_AFTER = 40  # pages extracted in-process before the pool takes over (small crawls never wait)

# Output: one article per JSON line, UTF-8 (not \u-escaped), fields in the schema's order.
# Without -O out.jsonl (overwrite), -o out.jsonl (append) or FEEDS, output goes to DEFAULT_FEED.
DEFAULT_FEED = "output/%(name)s-%(time)s.jsonl"
# With REDIS_URL (setting or environment): the scrapy-redis cluster mode of scraper/cluster/addon.py.
ADDONS = {"scraper.cluster.addon.Cluster": -10, "scraper.crawl.addons.DefaultFeed": 0}
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORT_FIELDS = list(FIELDS)
FEED_STORE_EMPTY = True

# Reporting: our progress line replaces Scrapy's LogStats; a summary closes every crawl.
PROGRESS_INTERVAL = 60.0
EXTENSIONS = {
    "scrapy.extensions.logstats.LogStats": None,
    "scrapy.extensions.telnet.TelnetConsole": None,
    "scraper.crawl.extensions.CrawlProgress": 500,
    "scraper.crawl.extensions.CrawlSummary": 510,
    "scraper.crawl.failures.FailureLog": 520,
}
# Drops are counted in the stats; each one's reason is logged at its own level (DEBUG or WARNING).
DEFAULT_DROPITEM_LOG_LEVEL = "DEBUG"
LOG_LEVEL = "INFO"
