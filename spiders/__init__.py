"""Scrapy spiders (urls, sitemap, feed, site) and what only they use: their base, arguments, frontier,
sitemap and feed parsers and date parsing. No middleware, extension or scheduler classes here.

May import Scrapy and scraper/ (crawl, cluster, safety, compact_set); never pipelines/.
"""
