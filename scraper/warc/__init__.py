"""WARC in and out: read the HTML pages of web archives, and archive what a crawl fetched.

framing.py cuts a (possibly damaged) WARC stream into records; reader.py turns records into pages;
extraction.py extracts article records from them in worker processes (`scraper extract FILE.warc.gz`);
writer.py writes rotating, kill-safe WARC/1.1 files. These use warcio and scraper/ only, never
Scrapy: recorder.py, the downloader middleware behind the WARC_OUTPUT setting, is the one module here
that imports Scrapy.
"""
