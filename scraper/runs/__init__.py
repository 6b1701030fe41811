"""The scheduled-run feature (`scraper crawl`): the SQLite state store, run files, the run lock,
crash-safe JSONL output, the incremental stage and article writer, and the request-side middlewares
that skip what is known unchanged.

May import Scrapy and scraper.record; scraper.cluster only lazily (the Redis state and claim writer
of a distributed worker). Never spiders/ or pipelines/.
"""
