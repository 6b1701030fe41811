"""Scrapy settings for the project (`scrapy.cfg` points here)."""

from __future__ import annotations

BOT_NAME = "syndiscrape"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"
