"""The distributed feature, whole: the `Cluster` add-on, the leasing scheduler, leases, article claims,
the per-worker part writer, the Redis article state and the queue operations of `scraper enqueue`.

The only package that imports `redis` or `scrapy_redis` (lazily: nothing here needs them unless
REDIS_URL is set). May import Scrapy, scraper.record, scraper.runs (output, state), spiders.arguments
(URL checks) and, lazily, scraper.commands.crawl (spider names); never pipelines/, scraper.crawl or
scraper.extract. Spiders, pipelines and scraper.runs use it.
"""
