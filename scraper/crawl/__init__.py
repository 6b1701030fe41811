"""Scrapy plumbing every crawl uses: downloader middlewares (backoff, guards, failure recorder),
extensions (progress, summary, failure log), the guarded DNS resolver, the dupefilter, the default-feed
add-on, the items and the crawl summary.

May import Scrapy and the rest of scraper/ (safety, compact_set, extract); never spiders/, pipelines/,
scraper.cluster or scraper.runs. Named by class path in scraper/settings.py.
"""
