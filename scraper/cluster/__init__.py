"""The distributed feature, whole: the `Cluster` add-on, the leasing scheduler, leases, article claims,
the per-worker part writer, the Redis article state and the queue operations of `scraper enqueue`.

The only package that imports `redis` or `scrapy_redis` (lazily: nothing here needs them unless
REDIS_URL is set). May import Scrapy, scraper.crawl, scraper.runs (output, state) and spiders.arguments
(URL checks); spiders and pipelines use it, never the reverse from scraper.crawl or scraper.extract.
"""
