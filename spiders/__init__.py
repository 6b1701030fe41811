"""Scrapy spiders: discover and fetch pages, hand responses to the pipelines."""
