"""Subcommands of the `scraper` console script: extract, demo, crawl (`scraper enqueue` is the cluster
feature's own, scraper.cluster.enqueue). May import the rest of scraper/; spiders only by name.
"""
