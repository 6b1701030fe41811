"""Pure extraction functions over lxml trees: one module per field, quotes/ and images/ as sub-packages.

May import the standard library, lxml, trafilatura, dateparser and scraper.record; never Scrapy or
the rest of scraper/ (crawl, cluster, runs, commands).
"""
